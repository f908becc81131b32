import { expect } from '@open-wc/testing';
import type { OfflineSessionOptions } from '../../src/sync/index.js';
import { factory, Harness, makeResponse, rawKeys, until } from '../support/offline-fixtures.js';
import { clearSiteStorage, overrideQuota, refuseConnections, resetServers, servers, stored } from '../support/servers.js';

/**
 * When IndexedDB cannot be used the form keeps working in memory: answers are accepted, the
 * completed response is still delivered, one `error {kind: 'storage'}` is reported with the
 * status `storage-unavailable`, storage is tried again on the next operation, and nothing
 * is thrown.
 */
interface Fault {
  name: string;
  failure: string;
  /** Breaks storage; returns session options and a way to mend it (undefined: it stays broken). */
  setUp(databaseName: string): Promise<{ options: Partial<OfflineSessionOptions>; mend?: () => Promise<void> }>;
}

function openRaw(name: string, version: number, upgrade: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const faults: Fault[] = [
  {
    name: 'IndexedDB missing',
    failure: 'missing',
    setUp: async () => ({ options: { indexedDB: null } }),
  },
  {
    name: 'open rejected (as in private mode)',
    failure: 'open-failed',
    async setUp(databaseName) {
      (await openRaw(databaseName, 9, (db) => db.createObjectStore('records'))).close();
      let broken = true;
      // A real rejection: VersionError from asking for an older version than the stored one.
      const idb = factory(() => (broken ? indexedDB.open(databaseName, 1) : undefined));
      return { options: { indexedDB: idb }, mend: async () => void (broken = false) };
    },
  },
  {
    name: 'open never settles (upgrade blocked by an old tab)',
    failure: 'timeout',
    async setUp(databaseName) {
      const old = await openRaw(databaseName, 1, (db) => db.createObjectStore('from-an-old-version'));
      old.onversionchange = () => undefined;
      return { options: { openTimeoutMs: 300 }, mend: async () => old.close() };
    },
  },
  {
    name: 'quota exceeded on write',
    failure: 'quota',
    async setUp() {
      await overrideQuota(1000);
      return { options: {}, mend: () => overrideQuota(null).then(() => undefined) };
    },
  },
];

describe('storage failures (the form keeps working in memory)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await resetServers();
  });
  afterEach(async () => {
    await overrideQuota(null);
    await h.finish();
  });

  for (const fault of faults) {
    it(`${fault.name}: answers and the completed response are kept in memory and delivered`, async () => {
      const { endpoint } = await servers();
      const { options, mend } = await fault.setUp(h.databaseName);
      const session = h.session({ endpoint, ...options });
      expect(await session.restore()).to.equal(undefined);
      await session.saveAnswer('overall', 4);
      await session.saveAnswer('comments', 'zapisane tylko w pamięci', { immediate: false });
      await session.flushDraft();
      expect(session.status).to.include({ state: 'storage-unavailable', storageAvailable: false });
      expect(session.log.errors).to.have.length(1);
      expect(session.log.errors[0]).to.include({ kind: 'storage', failure: fault.failure });
      expect(session.log.states).to.include('storage-unavailable');

      const response = makeResponse('konferencja', { overall: 4, comments: 'zapisane tylko w pamięci' }, session.responseId);
      await session.complete(response);
      expect(session.log.queued.map((q) => q.responseId)).to.deep.equal([response.id]);
      await until(() => session.log.sent.includes(response.id), 'delivery from memory');
      expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
      expect(session.log.errors).to.have.length(1);

      if (!mend) return;
      // Storage comes back: the next operation finds it and writes what only memory held.
      await session.saveAnswer('overall', 2);
      await mend();
      await session.saveAnswer('role', 'mayor');
      await until(() => session.status.storageAvailable, 'storage to be used again');
      await session.flushDraft();
      const draft = await h.session().restore();
      expect(draft?.answers).to.deep.equal({ overall: 2, role: 'mayor' });
      // The response delivered from memory leaves no draft or outbox item behind.
      expect(await rawKeys(h.databaseName, 'outbox:')).to.deep.equal([]);
      expect(session.log.errors).to.have.length(1);
    });
  }

  it('a response completed while storage failed is written to the outbox once storage returns', async () => {
    const { endpoint } = await servers();
    await refuseConnections(true);
    const { options, mend } = await faults[3]!.setUp(h.databaseName);
    const session = h.session({ endpoint, ...options });
    await session.restore();
    const response = makeResponse('konferencja', { overall: 1 }, session.responseId);
    await session.complete(response);
    await until(() => session.status.state === 'waiting', 'the failed attempt');
    expect(session.status).to.include({ storageAvailable: false, waiting: 1 });
    await mend!();
    await session.saveAnswer('overall', 5);
    await until(async () => (await rawKeys(h.databaseName, 'outbox:')).length === 1, 'the outbox item');
    // A reload now would still deliver it.
    session.dispose();
    await refuseConnections(false);
    const next = h.session({ endpoint });
    await next.restore();
    await until(() => next.log.sent.includes(response.id), 'delivery after reload');
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

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

  it('persist() is requested when the site owner opts in; a refusal changes nothing', async () => {
    let asked = 0;
    const denied = h.session({ persist: true, storage: { persist: async () => (asked += 1) < 0 } });
    await denied.restore();
    expect(asked).to.equal(1);
    expect(denied.persisted).to.equal(false);
    await denied.saveAnswer('overall', 2);
    expect(denied.status.state).to.equal('saved');

    const throwing = h.session({ persist: true, storage: { persist: () => Promise.reject(new Error('not allowed')) } });
    await throwing.restore();
    expect(throwing.persisted).to.equal(false);

    const real = h.session({ persist: true });
    await real.restore();
    expect(real.persisted).to.be.a('boolean');

    let notAsked = 0;
    const optedOut = h.session({ storage: { persist: async () => (notAsked += 1) > 0 } });
    await optedOut.restore();
    expect(notAsked).to.equal(0);
    expect(optedOut.persisted).to.equal(undefined);
  });
});
