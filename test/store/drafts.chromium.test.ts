import { expect } from '@open-wc/testing';
import type { Draft } from '../../src/sync/index.js';
import { Harness, rawRecords, until } from '../support/offline-fixtures.js';
import { setHidden } from '../support/servers.js';

/**
 * Flushing text that waits for its pause when the page is hidden or goes away. Chromium (and
 * Firefox when run by hand): switching the page to hidden needs the browser's automation, and
 * WebKit drops IndexedDB writes started in pagehide, which is why text is written as typed
 * by default (drafts.test.ts).
 */
describe('drafts flushed on hide and pagehide, Chromium', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.finish());

  async function storedAnswers(): Promise<Record<string, unknown> | undefined> {
    const records = [...(await rawRecords(h.databaseName)).entries()];
    const meta = records.find(([key]) => key.startsWith('draft:'))?.[1] as Draft | undefined;
    if (!meta) return undefined;
    const prefix = `answer:${meta.surveyId}:${meta.responseId}:`;
    return Object.fromEntries(records.filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]));
  }

  it('text waiting for its pause is written when the page is hidden (a real visibilitychange)', async function () {
    this.timeout(20000);
    const session = h.session({ textDebounceMs: 60_000 });
    await session.restore();
    void session.saveAnswer('comments', 'Przełączam kartę', { immediate: false });
    await setHidden(true);
    try {
      await until(async () => (await storedAnswers())?.comments === 'Przełączam kartę', 'the write on hide');
    } finally {
      await setHidden(false);
    }
  });

  it('text waiting for its pause is written on pagehide (a real reload)', async () => {
    const tab = await h.tab();
    const first = h.session({ textDebounceMs: 60_000 }, tab);
    await first.restore();
    await first.saveAnswer('overall', 5);
    void first.saveAnswer('comments', 'Pisane tuż przed odświeżeniem', { immediate: false });
    await tab.reload();
    const again = h.session({}, tab);
    const draft = await again.restore();
    expect(draft?.answers).to.deep.equal({ overall: 5, comments: 'Pisane tuż przed odświeżeniem' });
  });

  it('text waiting for its pause is written on pagehide (the tab closed)', async () => {
    const tab = await h.tab();
    const first = h.session({ textDebounceMs: 60_000 }, tab);
    await first.restore();
    void first.saveAnswer('comments', 'Zamykam kartę', { immediate: false });
    tab.close();
    const draft = await h.session().restore();
    expect(draft?.answers).to.deep.equal({ comments: 'Zamykam kartę' });
  });
});
