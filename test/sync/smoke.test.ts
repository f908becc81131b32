import { expect } from '@open-wc/testing';
import { OfflineSession } from '../../src/sync/index.js';
import { deleteTestDatabases, freshDatabaseName, makeResponse, rawRecords, until, UncaughtGuard } from '../support/offline-fixtures.js';
import { resetServers, servers, stored } from '../support/servers.js';

describe('smoke', () => {
  let guard: UncaughtGuard;
  beforeEach(async () => {
    guard = new UncaughtGuard();
    await resetServers();
  });
  afterEach(async () => {
    expect(guard.stop()).to.deep.equal([]);
    await deleteTestDatabases();
  });

  it('saves, completes and delivers', async () => {
    const { endpoint } = await servers();
    const databaseName = freshDatabaseName();
    const session = new OfflineSession({ surveyId: 'smoke', endpoint, databaseName });
    expect(await session.restore()).to.equal(undefined);
    await session.saveAnswer('overall', 4);
    const records = await rawRecords(databaseName);
    console.log([...records.keys()]);
    const sent = new Promise((resolve) => session.addEventListener('sent', resolve));
    await session.complete(makeResponse('smoke', { overall: 4 }, session.responseId));
    await sent;
    await until(async () => (await stored()).responses.length === 1, 'stored');
    console.log(JSON.stringify(session.status), [...(await rawRecords(databaseName)).keys()]);
    session.dispose();
  });
});
