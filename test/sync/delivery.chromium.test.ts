import { expect } from '@open-wc/testing';
import { Harness, makeResponse, sleep, until } from '../support/offline-fixtures.js';
import { fakeClock } from '../support/fake-clock.js';
import { refuseConnections, resetServers, servers, setHidden, setOffline, stored } from '../support/servers.js';

/** Needs Chromium's automation: navigator.onLine switched, the page hidden and shown again. */
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

  it('returning to the page (visible) sends what waits, without waiting for the backoff timer', async function () {
    this.timeout(20000);
    const { endpoint } = await servers();
    const { clock } = fakeClock();
    const session = h.session({ endpoint, clock });
    await session.restore();
    await refuseConnections(true);
    const response = makeResponse('konferencja', { overall: 2 }, session.responseId);
    await session.complete(response);
    await until(() => session.status.state === 'waiting', 'the failed attempt');
    await refuseConnections(false);
    // The fake clock never moves, so only the return to the page can send it.
    await setHidden(true);
    await setHidden(false);
    await until(() => session.log.sent.includes(response.id), 'sent on return');
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });
});
