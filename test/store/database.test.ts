import { expect } from '@open-wc/testing';
import { get, set } from 'idb-keyval';
import { Database, StorageError } from '../../src/store/index.js';
import { deleteTestDatabases, factory, freshDatabaseName, rawRecords, sleep, UncaughtGuard, until } from '../support/offline-fixtures.js';

async function failure(promise: Promise<unknown>): Promise<StorageError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('expected the operation to fail');
}

function openRaw(name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('Database (IndexedDB connection)', () => {
  let guard: UncaughtGuard;
  beforeEach(() => {
    guard = new UncaughtGuard();
  });
  afterEach(async () => {
    expect(guard.stop()).to.deep.equal([]);
    await deleteTestDatabases();
  });

  it('commits through idb-keyval and resolves only once the write is readable elsewhere', async () => {
    const name = freshDatabaseName();
    const db = new Database({ name });
    await set('draft:s:1', { answers: { overall: 4 } }, db.store);
    expect((await rawRecords(name)).get('draft:s:1')).to.deep.equal({ answers: { overall: 4 } });
    expect(await get('draft:s:1', db.store)).to.deep.equal({ answers: { overall: 4 } });
    db.close();
  });

  it('without IndexedDB every operation fails with "missing" and nothing is thrown', async () => {
    const db = new Database({ name: freshDatabaseName(), indexedDB: null });
    expect((await failure(set('k', 1, db.store))).failure).to.equal('missing');
    expect((await failure(get('k', db.store))).failure).to.equal('missing');
  });

  it('an open that is rejected fails the operation, and the next operation opens afresh', async () => {
    const name = freshDatabaseName();
    (await openRaw(name, 5, (raw) => raw.createObjectStore('records'))).close();
    // A real rejection: asking for an older version than the stored one (VersionError).
    const idb = factory((call) => (call === 1 ? indexedDB.open(name, 1) : undefined));
    const db = new Database({ name, indexedDB: idb });
    const error = await failure(set('k', 1, db.store));
    expect(error.failure).to.equal('open-failed');
    expect(error.message).to.contain('VersionError');
    await set('k', 2, db.store);
    expect(await get('k', db.store)).to.equal(2);
    expect(idb.calls).to.equal(2);
    db.close();
  });

  it('an open that never settles (Safari) times out, and the next operation opens afresh', async () => {
    const name = freshDatabaseName();
    const idb = factory((call) => (call === 1 ? ({} as IDBOpenDBRequest) : undefined));
    const db = new Database({ name, indexedDB: idb, openTimeoutMs: 200 });
    const started = performance.now();
    const error = await failure(set('k', 1, db.store));
    expect(error.failure).to.equal('timeout');
    expect(performance.now() - started).to.be.within(150, 2000);
    await set('k', 2, db.store);
    expect((await rawRecords(name)).get('k')).to.equal(2);
    db.close();
  });

  it('when every open hangs, operations after the second timeout fail at once; the open that gets through tells the owner', async () => {
    const name = freshDatabaseName();
    let hang = true;
    const idb = factory(() => (hang ? ({} as IDBOpenDBRequest) : undefined));
    let told = 0;
    const db = new Database({ name, indexedDB: idb, openTimeoutMs: 300, onReconnect: () => (told += 1) });
    // Operations at the same time share one open and its wait.
    const both = await Promise.all([failure(set('k', 1, db.store)), failure(get('k', db.store))]);
    expect(both.map((error) => error.failure)).to.deep.equal(['timeout', 'timeout']);
    expect(idb.calls).to.equal(1);
    // The next one opens afresh and waits again (Safari's first open may be all that hangs).
    expect((await failure(set('k', 2, db.store))).failure).to.equal('timeout');
    expect(idb.calls).to.equal(2);
    // Two opens in a row timed out: IndexedDB hangs, and no operation waits for it any more.
    const started = performance.now();
    expect((await failure(set('k', 3, db.store))).failure).to.equal('timeout');
    expect(performance.now() - started).to.be.below(100);
    hang = false;
    await sleep(350);
    // This one fails at once too, but the open it starts gets through, and the owner hears of it.
    expect((await failure(set('k', 4, db.store))).failure).to.equal('timeout');
    await until(() => told === 1, 'the owner told that storage works again');
    await set('k', 5, db.store);
    expect((await rawRecords(name)).get('k'), 'no operation that failed was written later').to.equal(5);
    expect([...(await rawRecords(name)).keys()]).to.deep.equal(['k']);
    db.close();
  });

  it('waits 3 s by default before giving up on an open', async function () {
    this.timeout(8000);
    const idb = factory(() => ({}) as IDBOpenDBRequest);
    const db = new Database({ name: freshDatabaseName(), indexedDB: idb });
    const started = performance.now();
    expect((await failure(get('k', db.store))).failure).to.equal('timeout');
    expect(performance.now() - started).to.be.within(2900, 5000);
  });

  it('an upgrade blocked by an old tab times out, and succeeds once that tab is gone', async () => {
    const name = freshDatabaseName();
    // An old tab: a connection to a database without our store that ignores versionchange.
    const old = await openRaw(name, 1, (raw) => raw.createObjectStore('something-else'));
    let asked = 0;
    old.onversionchange = () => (asked += 1);
    const db = new Database({ name, openTimeoutMs: 300 });
    const error = await failure(set('k', 1, db.store));
    expect(error.failure).to.equal('timeout');
    expect(error.message).to.contain('blocked');
    expect(asked).to.be.greaterThan(0);
    old.close();
    await set('k', 2, db.store);
    expect((await rawRecords(name)).get('k')).to.equal(2);
    db.close();
  });

  it('steps aside when another tab upgrades or deletes the database, then reconnects', async () => {
    const name = freshDatabaseName();
    const db = new Database({ name });
    await set('k', 1, db.store);
    let blocked = false;
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 7);
      request.onblocked = () => (blocked = true);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(blocked).to.equal(false);
    newer.close();
    expect(await get('k', db.store)).to.equal(1);
    db.close();
  });
});
