import { expect } from '@open-wc/testing';
import type { Draft } from '../../src/sync/index.js';
import { fakeClock } from '../support/fake-clock.js';
import { Harness, rawKeys, rawRecords } from '../support/offline-fixtures.js';

const DAY = 24 * 60 * 60 * 1000;

describe('drafts (autosave to IndexedDB)', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.finish());

  /** The one stored draft, read over a connection of its own: its record and its answer records. */
  async function storedDraft(): Promise<(Draft & { answers: Record<string, unknown> }) | undefined> {
    const records = [...(await rawRecords(h.databaseName)).entries()];
    const metas = records.filter(([key]) => key.startsWith('draft:'));
    expect(metas.length).to.be.at.most(1);
    if (metas.length === 0) return undefined;
    const meta = metas[0]![1] as Draft;
    const prefix = `answer:${meta.surveyId}:${meta.responseId}:`;
    const answers = Object.fromEntries(
      records.filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]),
    );
    return { ...meta, answers } as Draft;
  }

  it('a choice is committed at once', async () => {
    const session = h.session();
    await session.restore();
    await session.saveAnswer('overall', 4);
    expect((await storedDraft())?.answers).to.deep.equal({ overall: 4 });
    expect(session.status).to.include({ state: 'saved', storageAvailable: true });
  });

  it('text is committed as it is typed, keystrokes during a write carried by the next one', async () => {
    const session = h.session();
    await session.restore();
    let text = '';
    let last: Promise<void> = Promise.resolve();
    for (const letter of 'Bardzo dobra organizacja') {
      text += letter;
      last = session.saveAnswer('comments', text, { immediate: false });
    }
    await last;
    expect((await storedDraft())?.answers).to.deep.equal({ comments: 'Bardzo dobra organizacja' });
  });

  it('with a configured pause, text is committed that long after the last keystroke (200 ms < 300 ms)', async () => {
    const { fake, clock } = fakeClock();
    const session = h.session({ clock, textDebounceMs: 200 });
    await session.restore();
    void session.saveAnswer('comments', 'D', { immediate: false });
    await fake.tickAsync(150);
    const last = session.saveAnswer('comments', 'Dobra', { immediate: false });
    await fake.tickAsync(199);
    expect(await storedDraft()).to.equal(undefined);
    await fake.tickAsync(1);
    await last;
    expect((await storedDraft())?.answers).to.deep.equal({ comments: 'Dobra' });
  });

  it('with a configured pause, continuous typing is still committed at least once a second', async () => {
    const { fake, clock } = fakeClock();
    const session = h.session({ clock, textDebounceMs: 200 });
    await session.restore();
    let text = '';
    let writtenAfterOneSecond = '';
    for (let i = 1; i <= 15; i += 1) {
      text += 'a';
      void session.saveAnswer('comments', text, { immediate: false });
      await fake.tickAsync(100);
      // Keystrokes 100 ms apart never leave a 200 ms pause.
      if (i === 10) writtenAfterOneSecond = ((await storedDraft())?.answers.comments as string | undefined) ?? '';
    }
    expect(writtenAfterOneSecond).to.equal('a'.repeat(10));
  });

  it('text waiting for its pause is written on blur (flushDraft)', async () => {
    const session = h.session({ textDebounceMs: 60_000 });
    await session.restore();
    void session.saveAnswer('comments', 'W połowie zdania', { immediate: false });
    await session.flushDraft();
    expect((await storedDraft())?.answers).to.deep.equal({ comments: 'W połowie zdania' });
  });

  it('a reload a moment after typing keeps the text', async () => {
    const tab = await h.tab();
    const first = h.session({}, tab);
    await first.restore();
    await first.saveAnswer('overall', 5);
    void first.saveAnswer('comments', 'Pisane tuż przed odświeżeniem', { immediate: false });
    await tab.reload();
    const draft = await h.session({}, tab).restore();
    expect(draft?.answers).to.deep.equal({ overall: 5, comments: 'Pisane tuż przed odświeżeniem' });
  });

  it('closing the tab a moment after typing keeps the text', async () => {
    const tab = await h.tab();
    const first = h.session({}, tab);
    await first.restore();
    void first.saveAnswer('comments', 'Zamykam kartę', { immediate: false });
    // No hand closes a tab faster than this after a keystroke.
    await new Promise((resolve) => setTimeout(resolve, 50));
    tab.close();
    const draft = await h.session().restore();
    expect(draft?.answers).to.deep.equal({ comments: 'Zamykam kartę' });
  });

  it('a reload restores the answers, the page, startedAt and the response id', async () => {
    const first = h.session();
    await first.restore();
    await first.saveAnswer('overall', 4);
    await first.saveAnswer('talks', { t1: 5, t2: 'na' });
    await first.saveAnswer('role', ['mayor', 'other']);
    await first.saveAnswer('role.other', 'Sekretarz gminy');
    await first.savePage('p2');
    await first.saveAnswer('overall', undefined);
    const { responseId, startedAt } = first;
    first.dispose();
    const second = h.session();
    const draft = await second.restore();
    expect(draft).to.include({ responseId, startedAt, pageId: 'p2', surveyId: 'konferencja' });
    expect(draft?.answers).to.deep.equal({ talks: { t1: 5, t2: 'na' }, role: ['mayor', 'other'], 'role.other': 'Sekretarz gminy' });
    expect(second.responseId).to.equal(responseId);
    expect(second.startedAt).to.equal(startedAt);
  });

  it('"Start over" clears the draft; the next answer starts a new response', async () => {
    const session = h.session();
    await session.restore();
    await session.saveAnswer('overall', 2);
    const before = session.responseId;
    await session.startOver();
    expect(await rawKeys(h.databaseName, 'draft:')).to.deep.equal([]);
    expect(session.responseId).to.not.equal(before);
    expect(await h.session().restore()).to.equal(undefined);
    await session.saveAnswer('overall', 5);
    expect((await storedDraft())?.responseId).to.equal(session.responseId);
  });

  it('drafts are not discarded after a time: one untouched for a year (or a device clock set a year ahead) comes back', async () => {
    const { fake, clock } = fakeClock();
    const session = h.session({ clock });
    await session.restore();
    await session.saveAnswer('overall', 3);
    await session.saveAnswer('comments', 'Za krótkie przerwy');
    session.dispose();
    fake.tick(366 * DAY);
    expect((await h.session({ clock }).restore())?.answers).to.deep.equal({ overall: 3, comments: 'Za krótkie przerwy' });
    expect(await rawKeys(h.databaseName, 'draft:')).to.have.length(1);
  });

  it('the draft lifetime is configurable', async () => {
    const { fake, clock } = fakeClock();
    const session = h.session({ clock, draftTtlDays: 1 });
    await session.restore();
    await session.saveAnswer('overall', 3);
    fake.tick(DAY + 1);
    expect(await h.session({ clock, draftTtlDays: 1 }).restore()).to.equal(undefined);
  });

  it('each survey keeps its own draft', async () => {
    const a = h.session({ surveyId: 'konferencja' });
    const b = h.session({ surveyId: 'samoocena' });
    await Promise.all([a.restore(), b.restore()]);
    await a.saveAnswer('overall', 1);
    await b.saveAnswer('a1', 4);
    expect((await h.session({ surveyId: 'konferencja' }).restore())?.answers).to.deep.equal({ overall: 1 });
    expect((await h.session({ surveyId: 'samoocena' }).restore())?.answers).to.deep.equal({ a1: 4 });
  });
});
