import { expect } from '@open-wc/testing';
import { uuid } from '../../src/engine/uuid.js';
import { fakeClock } from '../support/fake-clock.js';
import { Harness, makeResponse, putRaw, rawKeys } from '../support/offline-fixtures.js';

const DAY = 24 * 60 * 60 * 1000;

/** How many records the page reads with getAll and getAllKeys until `stop`. */
function countReads(): { readonly records: number; stop(): void } {
  const proto = IDBObjectStore.prototype;
  const originals = { getAll: proto.getAll, getAllKeys: proto.getAllKeys };
  let records = 0;
  for (const name of ['getAll', 'getAllKeys'] as const) {
    const original = originals[name] as (this: IDBObjectStore, ...args: unknown[]) => IDBRequest<unknown[]>;
    (proto as unknown as Record<string, unknown>)[name] = function (this: IDBObjectStore, ...args: unknown[]) {
      const request = original.apply(this, args);
      request.addEventListener('success', () => (records += request.result.length));
      return request;
    };
  }
  return {
    get records() {
      return records;
    },
    stop: () => void Object.assign(proto, originals),
  };
}

const meta = (surveyId: string, responseId: string, at: number) => ({
  surveyId,
  responseId,
  startedAt: new Date(at).toISOString(),
  updatedAt: at,
});

describe('completion marks (done:<surveyId>:<responseId>)', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.finish());

  /** A database with the store in it, as a first session leaves it. */
  async function created(options: Parameters<Harness['session']>[0] = {}) {
    const session = h.session(options);
    await session.restore();
    await session.saveAnswer('overall', 4);
    session.dispose();
    return session.responseId;
  }

  it('a load reads a bounded number of records, however many marks a kiosk has left (20 000)', async function () {
    this.timeout(60000);
    const draftId = await created();
    const now = Date.now();
    const marks: Record<string, unknown> = {};
    // Every mark still within its 30 days: none may go.
    for (let i = 0; i < 20_000; i += 1) marks[`done:konferencja:${uuid()}`] = { surveyId: 'konferencja', at: now - (i % 29) * DAY };
    await putRaw(h.databaseName, marks);
    const reads = countReads();
    const started = performance.now();
    let draft;
    try {
      draft = await h.session().restore();
    } finally {
      reads.stop();
    }
    console.log(`load with 20 000 marks: ${(performance.now() - started).toFixed(1)} ms, ${reads.records} records read`);
    expect(draft?.responseId).to.equal(draftId);
    expect(reads.records).to.be.below(2100);
    expect(await rawKeys(h.databaseName, 'done:')).to.have.length(20_000);
  });

  it('expired marks are pruned over the next loads, a bounded number each, never one whose draft is left', async function () {
    this.timeout(60000);
    await created();
    const now = Date.now();
    const marks: Record<string, unknown> = {};
    for (let i = 0; i < 2500; i += 1) marks[`done:konferencja:old-${uuid()}`] = { surveyId: 'konferencja', at: now - 40 * DAY };
    for (let i = 0; i < 10; i += 1) marks[`done:konferencja:new-${uuid()}`] = { surveyId: 'konferencja', at: now - 29 * DAY };
    // Another survey's draft written back under a completed id: its mark must stay with it.
    marks['done:inna:kept'] = { surveyId: 'inna', at: now - 40 * DAY };
    marks['draft:inna:kept'] = meta('inna', 'kept', now);
    await putRaw(h.databaseName, marks);
    const old = async () => (await rawKeys(h.databaseName, 'done:konferencja:old-')).length;
    await h.session().restore();
    expect(await old(), 'one load looks at a bounded number of marks').to.be.at.least(1500);
    for (let load = 0; load < 3; load += 1) await h.session().restore();
    expect(await old()).to.equal(0);
    expect(await rawKeys(h.databaseName, 'done:konferencja:new-')).to.have.length(10);
    expect(await rawKeys(h.databaseName, 'done:inna:')).to.deep.equal(['done:inna:kept']);
  });

  it("a survey no longer shown on the device: its expired marks go on another survey's loads", async () => {
    const { fake, clock } = fakeClock();
    const gone = h.session({ surveyId: 'inna', clock });
    await gone.restore();
    await gone.saveAnswer('a1', 3);
    await gone.complete(makeResponse('inna', { a1: 3 }, gone.responseId));
    gone.dispose();
    const completedAt = clock.now();
    fake.tick(31 * DAY);
    await putRaw(h.databaseName, {
      'done:inna:recent': { surveyId: 'inna', at: clock.now() - DAY },
      'done:inna:with-draft': { surveyId: 'inna', at: completedAt },
      'draft:inna:with-draft': meta('inna', 'with-draft', clock.now()),
    });
    await h.session({ clock }).restore();
    expect(await rawKeys(h.databaseName, 'done:inna:')).to.deep.equal(['done:inna:recent', 'done:inna:with-draft']);
    // Its own load still refuses the draft under the completed id, and then the mark goes.
    expect(await h.session({ surveyId: 'inna', clock }).restore()).to.equal(undefined);
    await h.session({ clock }).restore();
    expect(await rawKeys(h.databaseName, 'done:inna:')).to.deep.equal(['done:inna:recent']);
  });

  it('a mark dated more than 30 days ahead (a wrong device clock) goes, unless a draft under its id is left', async () => {
    const start = Date.parse('2026-05-14T09:00:00Z');
    // A tablet whose clock was a year ahead completes a response; then its clock is put right.
    const ahead = fakeClock(start + 365 * DAY);
    const wrong = h.session({ clock: ahead.clock });
    await wrong.restore();
    await wrong.saveAnswer('overall', 2);
    await wrong.complete(makeResponse('konferencja', { overall: 2 }, wrong.responseId));
    wrong.dispose();
    ahead.fake.uninstall();
    const { clock } = fakeClock(start);
    await putRaw(h.databaseName, {
      'done:konferencja:soon': { surveyId: 'konferencja', at: start + 10 * DAY },
      'done:konferencja:with-draft': { surveyId: 'konferencja', at: start + 40 * DAY },
      'draft:konferencja:with-draft': meta('konferencja', 'with-draft', start),
    });
    expect(await h.session({ clock }).restore(), 'the draft under a completed id is refused').to.equal(undefined);
    expect(await rawKeys(h.databaseName, 'done:')).to.deep.equal(['done:konferencja:soon', 'done:konferencja:with-draft']);
    await h.session({ clock }).restore();
    expect(await rawKeys(h.databaseName, 'done:')).to.deep.equal(['done:konferencja:soon']);
  });

  it("a page keeping drafts for a day only does not prune another survey's marks before their 30 days", async () => {
    await created();
    const now = Date.now();
    await putRaw(h.databaseName, { 'done:inna:two-days': { surveyId: 'inna', at: now - 2 * DAY } });
    await h.session({ draftTtlDays: 1 }).restore();
    expect(await rawKeys(h.databaseName, 'done:inna:')).to.deep.equal(['done:inna:two-days']);
  });
});
