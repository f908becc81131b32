import { expect } from '@open-wc/testing';
import { SurveyModel } from '../../src/engine/index.js';
import type { SurveyDefinition } from '../../src/schema/index.js';

/**
 * Five pages: "low" is shown only for a low rating, "high" only for a high one; "end" holds
 * an info block and an optional text.
 */
const definition = (): SurveyDefinition => ({
  id: 'nav',
  title: 'Nawigacja',
  pages: [
    {
      id: 'start',
      questions: [
        { id: 'rating', type: 'rating', title: 'Ocena', required: true },
        { id: 'name', type: 'text', title: 'Imię' },
        { id: 'consent', type: 'consent', title: 'Zgoda', text: 'RODO', required: true },
      ],
    },
    { id: 'low', questions: [{ id: 'why', type: 'text', title: 'Dlaczego?', required: true, visibleIf: { question: 'rating', lte: 2 } }] },
    {
      id: 'high',
      questions: [
        { id: 'best', type: 'text', title: 'Co najlepsze?', visibleIf: { question: 'rating', gte: 4 } },
        {
          id: 'again',
          type: 'choice',
          title: 'Znowu?',
          options: [{ value: 'yes', label: 'Tak' }],
          visibleIf: { question: 'rating', gte: 4 },
        },
      ],
    },
    { id: 'middle', questions: [{ id: 'mid', type: 'nps', title: 'NPS', visibleIf: { question: 'rating', eq: 3 } }] },
    {
      id: 'end',
      questions: [
        { id: 'thanks', type: 'info', text: 'Prawie koniec' },
        { id: 'comment', type: 'text', title: 'Uwagi' },
      ],
    },
  ],
});

const pageId = (m: SurveyModel) => m.page.id;

describe('SurveyModel: pages and navigation', () => {
  it('starts on the first page', () => {
    const m = new SurveyModel(definition());
    expect(pageId(m)).to.equal('start');
    expect(m.pageIndex).to.equal(0);
    expect(m.isFirstPage).to.equal(true);
    expect(m.isLastPage).to.equal(false);
    expect(m.back()).to.equal(false);
  });

  it('blocks "next" while the page has errors, naming them in page order', () => {
    const m = new SurveyModel(definition());
    const result = m.next();
    expect(result.ok).to.equal(false);
    if (!result.ok) expect([...result.errors.keys()]).to.deep.equal(['rating', 'consent']);
    expect(pageId(m)).to.equal('start');
    m.setAnswer('rating', 5);
    const again = m.next();
    if (!again.ok) expect([...again.errors.keys()]).to.deep.equal(['consent']);
    expect(pageId(m)).to.equal('start');
  });

  it('skips pages whose questions are all hidden, forwards and backwards', () => {
    const m = new SurveyModel(definition());
    m.setAnswer('rating', 5);
    m.setAnswer('consent', true);
    expect(m.shownPages).to.deep.equal([0, 2, 4]);
    expect(m.next()).to.deep.equal({ ok: true });
    expect(pageId(m)).to.equal('high');
    expect(m.next()).to.deep.equal({ ok: true });
    expect(pageId(m)).to.equal('end');
    expect(m.isLastPage).to.equal(true);
    expect(m.back()).to.equal(true);
    expect(pageId(m)).to.equal('high');
    expect(m.back()).to.equal(true);
    expect(pageId(m)).to.equal('start');
  });

  it('"next" on the last page validates it and stays', () => {
    const m = new SurveyModel(definition(), { answers: { rating: 3, consent: true }, pageId: 'end' });
    expect(pageId(m)).to.equal('end');
    expect(m.next()).to.deep.equal({ ok: true });
    expect(pageId(m)).to.equal('end');
  });

  it('"back" keeps the answers of the page it leaves, even invalid ones', () => {
    const m = new SurveyModel(definition());
    m.setAnswer('rating', 1);
    m.setAnswer('consent', true);
    m.next();
    expect(pageId(m)).to.equal('low');
    m.setAnswer('why', 'Za głośno');
    expect(m.back()).to.equal(true);
    expect(m.answer('why')).to.equal('Za głośno');
    m.next();
    expect(m.validatePage().size).to.equal(0);
  });

  it('a changed answer reroutes the pages that follow', () => {
    const m = new SurveyModel(definition());
    m.setAnswer('rating', 1);
    m.setAnswer('consent', true);
    expect(m.shownPages).to.deep.equal([0, 1, 4]);
    m.setAnswer('rating', 3);
    expect(m.shownPages).to.deep.equal([0, 3, 4]);
    m.next();
    expect(pageId(m)).to.equal('middle');
  });

  it('restores to a saved page id', () => {
    const m = new SurveyModel(definition(), { answers: { rating: 1, consent: true }, pageId: 'low' });
    expect(pageId(m)).to.equal('low');
  });

  it('restoring to a page that is now hidden lands on the next shown page', () => {
    const m = new SurveyModel(definition(), { answers: { rating: 5, consent: true }, pageId: 'low' });
    expect(pageId(m)).to.equal('high');
  });

  it('restoring to an unknown page id starts at the beginning', () => {
    const m = new SurveyModel(definition(), { answers: { rating: 5 }, pageId: 'gone' });
    expect(pageId(m)).to.equal('start');
  });

  it('restoring past the last shown page lands on the last shown page', () => {
    const d = definition();
    d.pages.push({ id: 'bonus', questions: [{ id: 'bonus_q', type: 'text', title: 'Bonus', visibleIf: { question: 'rating', eq: 1 } }] });
    const m = new SurveyModel(d, { answers: { rating: 5 }, pageId: 'bonus' });
    expect(pageId(m)).to.equal('end');
    expect(m.isLastPage).to.equal(true);
  });

  it('goTo jumps to a page, or to the next shown one when it is hidden', () => {
    const m = new SurveyModel(definition(), { answers: { rating: 5 } });
    m.goTo(4);
    expect(pageId(m)).to.equal('end');
    m.goTo(1);
    expect(pageId(m)).to.equal('high');
    m.goTo(0);
    expect(pageId(m)).to.equal('start');
  });

  it('a page holding only an info block is shown', () => {
    const d = definition();
    d.pages[4]!.questions = [{ id: 'thanks', type: 'info', text: 'Dziękujemy' }];
    const m = new SurveyModel(d, { answers: { rating: 3, consent: true } });
    expect(m.shownPages).to.deep.equal([0, 3, 4]);
    expect(m.questionsOn(4).map((q) => q.id)).to.deep.equal(['thanks']);
    expect(m.questionsOn(99)).to.deep.equal([]);
  });

  it('skips a page whose questions are all hidden even when it opens with an info block', () => {
    const d = definition();
    d.pages[1]!.questions = [{ id: 'part_b', type: 'info', text: 'Część B' }, ...d.pages[1]!.questions];
    const m = new SurveyModel(d, { answers: { rating: 3, consent: true } });
    expect(m.shownPages, 'page 1 ("low") has only its info block left').to.deep.equal([0, 3, 4]);
    m.setAnswer('rating', 1);
    expect(m.shownPages, 'its question shown, the page is back').to.deep.equal([0, 1, 4]);
  });

  it('clear() goes back to the first page', () => {
    const m = new SurveyModel(definition(), { answers: { rating: 5, consent: true }, pageId: 'end' });
    m.clear();
    expect(pageId(m)).to.equal('start');
  });

  describe('progress', () => {
    it('counts shown answerable questions, answered ones, the unanswered ones still ahead, and pages', () => {
      const m = new SurveyModel(definition());
      // rating, name, consent, comment are shown; info blocks never count.
      expect(m.progress).to.deep.equal({ answered: 0, total: 4, remaining: 4, page: 1, pages: 2 });
      m.setAnswer('rating', 5);
      expect(m.progress).to.deep.equal({ answered: 1, total: 6, remaining: 5, page: 1, pages: 3 });
      m.setAnswer('consent', true);
      m.setAnswer('name', '  ');
      m.next();
      expect(m.progress, 'the optional name skipped on page 1 is not ahead').to.deep.equal({
        answered: 2,
        total: 6,
        remaining: 3,
        page: 2,
        pages: 3,
      });
      m.setAnswer('best', 'Ludzie');
      m.setAnswer('again', 'yes');
      m.next();
      expect(m.progress).to.deep.equal({ answered: 4, total: 6, remaining: 1, page: 3, pages: 3 });
      m.back();
      expect(m.progress.remaining, 'back on page 2: its answered questions and the comment').to.equal(1);
    });

    it('counts "Other" as answered only once its text is given', () => {
      const m = new SurveyModel({
        id: 'inne',
        title: 'Inne',
        pages: [
          {
            id: 'p',
            title: 'P',
            questions: [
              { id: 'role', type: 'choice', title: 'Rola', other: true, options: [{ value: 'a', label: 'A' }] },
              { id: 'topics', type: 'choice', multiple: true, title: 'Tematy', other: true, options: [{ value: 'a', label: 'A' }] },
            ],
          },
        ],
      });
      m.setAnswer('role', 'other');
      m.setAnswer('topics', ['a', 'other']);
      expect(m.progress.answered).to.equal(0);
      m.setAnswer('role.other', 'Sołtys');
      m.setAnswer('topics.other', '  ');
      expect(m.progress.answered, 'blank text is no text').to.equal(1);
      m.setAnswer('role', 'a');
      m.setAnswer('topics.other', 'Mobilność');
      expect(m.progress.answered).to.equal(2);
    });

    it('does not count an unticked consent or the answer of a question that is now hidden', () => {
      const m = new SurveyModel(definition(), { answers: { rating: 1, why: 'x', consent: false } });
      expect(m.progress.answered).to.equal(2);
      m.setAnswer('rating', 3);
      expect(m.progress).to.deep.equal({ answered: 1, total: 5, remaining: 4, page: 1, pages: 3 });
    });
  });
});
