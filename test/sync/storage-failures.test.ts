import { expect } from '@open-wc/testing';
import { Harness, makeResponse, rawKeys, rawRecords, until } from '../support/offline-fixtures.js';
import { keepsWorkingInMemory, storageFaults } from '../support/storage-faults.js';
import { refuseConnections, resetServers, servers, stored } from '../support/servers.js';

describe('storage failures (the form keeps working in memory)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await resetServers();
  });
  afterEach(() => h.finish());

  for (const fault of storageFaults) {
    it(`${fault.name}: answers and the completed response are kept in memory and delivered`, () => keepsWorkingInMemory(h, fault));
  }

  it('a response held in memory whose id another tab completed meanwhile is written under a new id with the same JSON, also on a page with Array.prototype.toJSON', async () => {
    const { endpoint } = await servers();
    await refuseConnections(true);
    const toJSON = Object.getOwnPropertyDescriptor(Array.prototype, 'toJSON');
    // What Prototype.js 1.6 gives arrays (test/embed/pages/legacy.js).
    Object.defineProperty(Array.prototype, 'toJSON', {
      value(this: unknown[]) {
        return `[${this.map((value) => JSON.stringify(value)).join(', ')}]`;
      },
      configurable: true,
      writable: true,
    });
    try {
      const { options, mend } = await storageFaults[2]!.setUp(h.databaseName);
      const session = h.session({ endpoint, ...options });
      await session.restore();
      const id = session.responseId;
      const answers = { overall: 1, topics: ['roads', 'schools'] };
      await session.complete(makeResponse('konferencja', answers, id));
      await until(() => session.status.state === 'waiting', 'the failed attempt');
      await mend!();
      const other = h.session();
      await other.restore();
      await other.complete(makeResponse('konferencja', { overall: 5 }, id)); // the same draft, sent from another tab
      await session.saveAnswer('overall', 2); // storage is tried again: the held response is written
      await until(async () => (await rawKeys(h.databaseName, 'outbox:')).length === 2, 'both in the outbox');
      const records = await rawRecords(h.databaseName);
      const moved = [...records.entries()]
        .filter(([key]) => key.startsWith('outbox:') && key !== `outbox:${id}`)
        .map(([, item]) => JSON.parse((item as { body: string }).body) as { answers: unknown });
      expect(moved.map((r) => r.answers)).to.deep.equal([answers]);
    } finally {
      if (toJSON) Object.defineProperty(Array.prototype, 'toJSON', toJSON);
      else delete (Array.prototype as { toJSON?: unknown }).toJSON;
    }
  });

  it('a response completed while storage failed is written to the outbox once storage returns', async () => {
    const { endpoint } = await servers();
    await refuseConnections(true);
    const blocked = storageFaults[2]!;
    const { options, mend } = await blocked.setUp(h.databaseName);
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

  it('persist() is requested when the site owner opts in; a refusal, an error or no answer changes nothing', async () => {
    let asked = 0;
    const denied = h.session({ persist: true, storage: { persist: async () => (asked += 1) < 0 } });
    await denied.restore();
    await until(() => denied.persisted === false, 'the refusal');
    expect(asked).to.equal(1);
    await denied.saveAnswer('overall', 2);
    expect(denied.status.state).to.equal('saved');

    const throwing = h.session({ persist: true, storage: { persist: () => Promise.reject(new Error('not allowed')) } });
    await throwing.restore();
    await until(() => throwing.persisted === false, 'the error taken as a refusal');

    // Firefox asks the user and the promise may never settle: the form must not wait for it.
    const unanswered = h.session({ persist: true, storage: { persist: () => new Promise<boolean>(() => undefined) } });
    await unanswered.restore();
    await unanswered.saveAnswer('overall', 5);
    expect(unanswered.persisted).to.equal(undefined);
    expect(unanswered.status.state).to.equal('saved');

    let notAsked = 0;
    const optedOut = h.session({ storage: { persist: async () => (notAsked += 1) > 0 } });
    await optedOut.restore();
    expect(notAsked).to.equal(0);
    expect(optedOut.persisted).to.equal(undefined);
  });
});
