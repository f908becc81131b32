import { expect } from '@open-wc/testing';
import { fakeClock } from '../support/fake-clock.js';
import { Harness, makeResponse, rawKeys, rawRecords, until } from '../support/offline-fixtures.js';
import { refuseConnections, resetServers, servers, stored } from '../support/servers.js';

const DAY = 24 * 60 * 60 * 1000;

describe('completion (draft → outbox)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await resetServers();
  });
  afterEach(() => h.finish());

  it('moves the draft into the outbox in one transaction, with the exact JSON that will be POSTed', async () => {
    const session = h.session();
    await session.restore();
    await session.saveAnswer('overall', 5);
    await session.saveAnswer('comments', 'Świetna konferencja');
    const response = makeResponse('konferencja', { overall: 5, comments: 'Świetna konferencja' }, session.responseId);
    const queued = await session.complete(response);
    expect(queued).to.deep.equal(response);
    const records = await rawRecords(h.databaseName);
    expect([...records.keys()].filter((k) => k.startsWith('draft:') || k.startsWith('answer:'))).to.deep.equal([]);
    expect(records.get(`outbox:${response.id}`)).to.include({ id: response.id, body: JSON.stringify(response), endpoint: null });
    const at = (records.get(`done:konferencja:${response.id}`) as { at: number }).at;
    expect(at % (60 * 60 * 1000), 'the completion mark to the hour, like the response times').to.equal(0);
    expect(Date.now() - at).to.be.within(0, 60 * 60 * 1000);
    expect(session.log.queued).to.deep.equal([{ responseId: response.id, waiting: 1 }]);
    // Without an endpoint the response stays on the device.
    expect(session.status).to.include({ state: 'saved', waiting: 1 });
    expect(session.responseId).to.not.equal(response.id);
    expect(await h.session().restore()).to.equal(undefined);
  });

  it('a page that goes away at any moment of completion leaves the response in exactly one place', async function () {
    this.timeout(90000);
    const outcomes = { draft: 0, outbox: 0 };
    // How long the page lives after `complete()` is called: not even one task, then 0–6 ms.
    const lifetimes = [-1, -1, 0, 0, 1, 1, 2, 2, 3, 4, 5, 6];
    for (const [attempt, lifetime] of lifetimes.entries()) {
      const tab = await h.tab();
      const session = h.session({}, tab);
      await session.restore();
      await session.saveAnswer('overall', attempt);
      await session.saveAnswer('comments', 'x'.repeat(5000));
      const id = session.responseId;
      void session.complete(makeResponse('konferencja', { overall: attempt, comments: 'x'.repeat(5000) }, id));
      if (lifetime >= 0) await new Promise((resolve) => setTimeout(resolve, lifetime));
      tab.close();
      const keys = await rawKeys(h.databaseName, '');
      const inDraft = keys.includes(`draft:konferencja:${id}`) && keys.includes(`answer:konferencja:${id}:overall`);
      const inOutbox = keys.includes(`outbox:${id}`);
      expect(inDraft !== inOutbox, `attempt ${attempt}: draft ${inDraft}, outbox ${inOutbox}`).to.equal(true);
      outcomes[inDraft ? 'draft' : 'outbox'] += 1;
      if (inDraft) expect((await h.session().restore())?.responseId).to.equal(id);
      await h.session().startOver();
    }
    console.log(
      `completion interrupted ${lifetimes.length} times: ${outcomes.outbox} completed, ${outcomes.draft} still a draft, 0 in both or neither`,
    );
  });

  it('the same draft completed in two tabs is delivered as two responses, never a 409', async () => {
    const { endpoint } = await servers();
    const tab = await h.tab();
    const here = h.session({ endpoint });
    await here.restore();
    await here.saveAnswer('overall', 4);
    const there = h.session({ endpoint }, tab);
    const restored = await there.restore();
    expect(restored?.responseId).to.equal(here.responseId);
    await there.saveAnswer('comments', 'z drugiej karty');
    const first = await here.complete(makeResponse('konferencja', { overall: 4 }, here.responseId));
    const second = await there.complete(makeResponse('konferencja', { overall: 4, comments: 'z drugiej karty' }, restored!.responseId));
    expect(second.id).to.not.equal(first.id);
    await until(async () => (await stored()).responses.length === 2, 'both delivered');
    const { responses, counts } = await stored();
    expect(responses.map((r) => r.id).sort()).to.deep.equal([first.id, second.id].sort());
    expect(counts.byStatus['409']).to.equal(undefined);
    expect(there.status.undelivered + here.status.undelivered).to.equal(0);
  });

  it('the same draft open in two tabs: answers given in either are kept', async () => {
    const tab = await h.tab();
    const here = h.session();
    await here.restore();
    await here.saveAnswer('overall', 4);
    const there = h.session({}, tab);
    await there.restore();
    await there.saveAnswer('comments', 'druga karta');
    await here.saveAnswer('role', 'mayor');
    const draft = await h.session().restore();
    expect(draft?.answers).to.deep.equal({ overall: 4, comments: 'druga karta', role: 'mayor' });
  });

  it('a tab still editing a draft completed elsewhere carries on under a new response id', async () => {
    const here = h.session();
    await here.restore();
    await here.saveAnswer('overall', 4);
    const there = h.session();
    await there.restore();
    const shared = here.responseId;
    expect(there.responseId).to.equal(shared);
    await here.complete(makeResponse('konferencja', { overall: 4 }, shared));
    await there.saveAnswer('comments', 'jeszcze piszę');
    expect(there.responseId).to.not.equal(shared);
    const draft = await h.session().restore();
    expect(draft?.responseId).to.equal(there.responseId);
    expect(draft?.answers).to.deep.equal({ overall: 4, comments: 'jeszcze piszę' });
  });

  it('a draft written back under a completed id by a second tab never comes back, even after its completion mark ages out', async () => {
    const { fake, clock } = fakeClock();
    const here = h.session({ clock });
    await here.restore();
    await here.saveAnswer('overall', 4);
    const there = h.session({ clock });
    await there.restore();
    const sent = here.responseId;
    await here.complete(makeResponse('konferencja', { overall: 4 }, sent));
    await there.saveAnswer('comments', 'jeszcze piszę'); // written under the completed id: 'consumed'
    expect(there.responseId).to.not.equal(sent);
    here.dispose();
    there.dispose();
    fake.tick(31 * DAY); // a month away, or a tablet's clock set ahead
    const next = h.session({ clock });
    expect((await next.restore())?.responseId, "the second tab's own draft, not the sent one").to.equal(there.responseId);
    expect(await rawKeys(h.databaseName, 'draft:')).to.deep.equal([`draft:konferencja:${there.responseId}`]);
    next.dispose();
    expect((await h.session({ clock }).restore())?.responseId, 'nor on the load after').to.equal(there.responseId);
    expect(await rawKeys(h.databaseName, 'done:'), 'the mark went once nothing was left under its id').to.deep.equal([]);
  });

  it('outbox items never expire: a response queued 400 days ago is still delivered', async () => {
    const { endpoint } = await servers();
    const { fake, clock } = fakeClock();
    await refuseConnections(true);
    const first = h.session({ endpoint, clock });
    await first.restore();
    await first.saveAnswer('comments', 'szkic');
    const response = makeResponse('konferencja', { overall: 2 }, first.responseId);
    await first.complete(response);
    await first.saveAnswer('overall', 1);
    await until(() => first.status.state === 'waiting', 'the failed attempt');
    first.dispose();
    fake.tick(400 * DAY);
    await refuseConnections(false);
    const later = h.session({ endpoint, clock });
    // The draft begun after it is kept too: progress is not discarded after a time.
    expect((await later.restore())?.answers).to.deep.equal({ overall: 1 });
    await until(() => later.log.sent.includes(response.id), 'delivery after 400 days');
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
    expect(await rawKeys(h.databaseName, 'draft:')).to.deep.equal([`draft:konferencja:${later.responseId}`]);
  });
});
