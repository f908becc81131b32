import { expect } from '@open-wc/testing';
import { get, set } from 'idb-keyval';
import { Database, StorageError } from '../../src/store/index.js';
import { deleteTestDatabases, freshDatabaseName, rawRecords, UncaughtGuard } from '../support/offline-fixtures.js';
import { clearSiteStorage, overrideQuota } from '../support/servers.js';

/** Needs Chromium's DevTools protocol: clearing site data and a storage quota. */
async function failure(promise: Promise<unknown>): Promise<StorageError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('expected the operation to fail');
}

describe('Database (IndexedDB connection), Chromium', () => {
  let guard: UncaughtGuard;
  beforeEach(() => {
    guard = new UncaughtGuard();
  });
  afterEach(async () => {
    await overrideQuota(null);
    expect(guard.stop()).to.deep.equal([]);
    await deleteTestDatabases();
  });

  it('a connection closed under us (site data cleared) is replaced on the next operation', async () => {
    const name = freshDatabaseName();
    const db = new Database({ name });
    await set('k', 1, db.store);
    await clearSiteStorage();
    expect(await get('k', db.store)).to.equal(undefined);
    await set('k', 3, db.store);
    expect((await rawRecords(name)).get('k')).to.equal(3);
    db.close();
  });

  it('a quota exceeded write fails with "quota" (it arrives as an abort), and later writes succeed', async () => {
    const name = freshDatabaseName();
    const db = new Database({ name });
    await set('small', 1, db.store);
    await overrideQuota(1000);
    try {
      expect((await failure(set('big', 'x'.repeat(200_000), db.store))).failure).to.equal('quota');
    } finally {
      await overrideQuota(null);
    }
    await set('big', 'y', db.store);
    expect((await rawRecords(name)).get('big')).to.equal('y');
    db.close();
  });
});
