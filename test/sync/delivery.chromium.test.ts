import { expect } from '@open-wc/testing';
import { Harness, makeResponse, sleep, until } from '../support/offline-fixtures.js';
import { resetServers, servers, setOffline, stored } from '../support/servers.js';

/** Needs Chromium's DevTools protocol to switch navigator.onLine. */
describe('delivery scenarios, Chromium', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await resetServers();
  });
  afterEach(async () => {
    await setOffline(false);
    await h.finish();
  });

  it('offline at submit: nothing is attempted, status "offline"; back online it is delivered', async () => {
    const { endpoint } = await servers();
    const attempts: string[] = [];
    const session = h.session({
      endpoint,
      fetch: (input, init) => {
        attempts.push(String((init?.headers as Record<string, string>)['Idempotency-Key']));
        return fetch(input, init);
      },
    });
    await session.restore();
    await setOffline(true);
    await until(() => !navigator.onLine, 'navigator.onLine false');
    const response = makeResponse('konferencja', { overall: 4 }, session.responseId);
    await session.complete(response);
    await until(() => session.status.state === 'offline', 'status offline');
    await sleep(300);
    expect(attempts).to.deep.equal([]);
    expect(session.status.waiting).to.equal(1);
    await setOffline(false);
    await until(() => session.status.state === 'sent', 'sent after the online event');
    expect(attempts).to.deep.equal([response.id]);
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });
});
