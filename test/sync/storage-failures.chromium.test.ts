import { expect } from '@open-wc/testing';
import { Harness, factory, makeResponse, rawKeys, sleep, until } from '../support/offline-fixtures.js';
import { keepsWorkingInMemory, quotaFault } from '../support/storage-faults.js';
import { clearSiteStorage, overrideQuota, refuseConnections, resetServers, servers, setOffline, stored } from '../support/servers.js';

/** Storage failures that need Chromium's DevTools protocol: a storage quota, clearing site data. */
describe('storage failures, Chromium', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await resetServers();
  });
  afterEach(async () => {
    await overrideQuota(null);
    await setOffline(false);
    await h.finish();
  });

  it(`${quotaFault.name}: answers and the completed response are kept in memory and delivered`, () => keepsWorkingInMemory(h, quotaFault));

  it('a connection closed under us (site data cleared) is reopened and everything held is written again', async () => {
    const { endpoint } = await servers();
    await refuseConnections(true);
    const session = h.session({ endpoint });
    await session.restore();
    await session.saveAnswer('overall', 3);
    const waiting = makeResponse('konferencja', { overall: 5 }, session.responseId);
    await session.complete(waiting);
    await session.saveAnswer('overall', 3);
    await session.saveAnswer('comments', 'przed wyczyszczeniem');
    await until(() => session.status.state === 'waiting', 'the failed attempt');
    await clearSiteStorage();
    expect(await rawKeys(h.databaseName, '')).to.deep.equal([]);
    await session.saveAnswer('role', 'mayor');
    await session.flushDraft();
    const draft = await h.session().restore();
    expect(draft?.answers).to.deep.equal({ overall: 3, comments: 'przed wyczyszczeniem', role: 'mayor' });
    await refuseConnections(false);
    await session.retry();
    await until(() => session.log.sent.includes(waiting.id), 'the waiting response delivered');
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([waiting.id]);
    expect(session.log.errors).to.deep.equal([]);
  });

  it('offline, IndexedDB hanging for two opens and then answering: the completed response is written once it does', async () => {
    const { endpoint } = await servers();
    await setOffline(true);
    await until(() => !navigator.onLine, 'navigator.onLine false');
    // The first two opens never answer; the third (started by the completion) does.
    const idb = factory((call) => (call <= 2 ? ({} as IDBOpenDBRequest) : undefined));
    const session = h.session({ endpoint, indexedDB: idb, openTimeoutMs: 200 });
    await session.restore();
    await session.saveAnswer('overall', 4);
    const response = makeResponse('konferencja', { overall: 4 }, session.responseId);
    await session.complete(response);
    await until(async () => (await rawKeys(h.databaseName, 'outbox:')).length === 1, 'the response in the outbox', 3000);
    await sleep(100);
    expect(session.status).to.include({ storageAvailable: true, waiting: 1 });
    session.dispose();
    // Closing the page now loses nothing: the next visit finds it waiting, and sends it once online.
    const next = h.session({ endpoint });
    await next.restore();
    expect(next.status.waiting).to.equal(1);
    await setOffline(false);
    await until(() => next.log.sent.includes(response.id), 'sent once online');
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('data cleared by the user while no page is open: the next page starts clean', async () => {
    const first = h.session();
    await first.restore();
    await first.saveAnswer('overall', 3);
    first.dispose();
    await clearSiteStorage();
    const next = h.session();
    expect(await next.restore()).to.equal(undefined);
    await next.saveAnswer('overall', 1);
    expect(next.status).to.include({ state: 'saved', storageAvailable: true });
  });
});
