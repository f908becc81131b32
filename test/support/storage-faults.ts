/**
 * The storage failures a page can meet, and what must hold for each (RELIABILITY.md): the
 * form keeps working in memory, answers and the completed response are accepted, the
 * response is still delivered, one `error {kind: 'storage'}` is reported with the status
 * `storage-unavailable`, storage is tried again on the next operation (then everything held
 * in memory is written), and nothing is thrown.
 */
import { expect } from '@open-wc/testing';
import type { OfflineSessionOptions } from '../../src/sync/index.js';
import { factory, type Harness, makeResponse, rawKeys, until } from './offline-fixtures.js';
import { overrideQuota, servers, stored } from './servers.js';

export interface StorageFault {
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

export const storageFaults: StorageFault[] = [
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
];

/** Chromium only: a quota set through the DevTools protocol. */
export const quotaFault: StorageFault = {
  name: 'quota exceeded on write',
  failure: 'quota',
  async setUp() {
    await overrideQuota(1000);
    return { options: {}, mend: () => overrideQuota(null).then(() => undefined) };
  },
};

export async function keepsWorkingInMemory(h: Harness, fault: StorageFault): Promise<void> {
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
}
