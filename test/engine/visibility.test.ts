import { expect } from '@open-wc/testing';
import { SurveyModel } from '../../src/engine/index.js';
import type { Question } from '../../src/schema/index.js';
import { onePage } from '../schema/fixtures.js';

const questions: Question[] = [
  { id: 'rating', type: 'rating', title: 'Ocena', required: true },
  { id: 'why', type: 'text', title: 'Dlaczego?', required: true, visibleIf: { question: 'rating', lte: 2 } },
  { id: 'more', type: 'text', title: 'Coś jeszcze?', visibleIf: { question: 'why', answered: true } },
  { id: 'silent', type: 'text', title: 'Brak uzasadnienia', visibleIf: { question: 'why', answered: false } },
  { id: 'note', type: 'info', text: 'Dzięki', visibleIf: { question: 'rating', eq: 5 } },
  { id: 'role', type: 'choice', title: 'Rola', options: [{ value: 'mayor', label: 'Wójt' }], other: true },
];

const model = () => new SurveyModel(onePage(questions));
const shownIds = (m: SurveyModel) => m.questionsOn().map((q) => q.id);

describe('SurveyModel: visibility', () => {
  it('shows questions without conditions, and those whose conditions hold on an empty survey', () => {
    // "silent" asks for an unanswered "why", and a hidden "why" is unanswered.
    expect(shownIds(model())).to.deep.equal(['rating', 'silent', 'role']);
  });

  it('shows a follow-up when its condition starts to hold', () => {
    const m = model();
    m.setAnswer('rating', 2);
    expect(shownIds(m)).to.deep.equal(['rating', 'why', 'silent', 'role']);
    m.setAnswer('rating', 5);
    expect(shownIds(m)).to.deep.equal(['rating', 'silent', 'note', 'role']);
  });

  it('hides a question whose condition refers to a question that is itself hidden (chained hiding)', () => {
    const m = model();
    m.setAnswer('rating', 1);
    m.setAnswer('why', 'Za długie przerwy');
    expect(shownIds(m)).to.deep.equal(['rating', 'why', 'more', 'role']);
    m.setAnswer('rating', 4);
    expect(m.isShown('why')).to.equal(false);
    expect(m.isShown('more')).to.equal(false);
    expect(m.isShown('silent')).to.equal(true);
  });

  it('keeps the answer of a hidden question and restores it when the question is shown again', () => {
    const m = model();
    m.setAnswer('rating', 1);
    m.setAnswer('why', 'Za długie przerwy');
    m.setAnswer('rating', 4);
    expect(m.answer('why')).to.equal('Za długie przerwy');
    expect(m.answers).to.deep.equal({ rating: 4, why: 'Za długie przerwy' });
    m.setAnswer('rating', 2);
    expect(m.isShown('more')).to.equal(true);
    expect(m.submittedAnswers).to.deep.equal({ rating: 2, why: 'Za długie przerwy' });
  });

  it('neither validates nor submits a hidden question, even a required one with an answer', () => {
    const m = model();
    m.setAnswer('rating', 1);
    expect([...m.validatePage().keys()]).to.deep.equal(['why']);
    m.setAnswer('why', 'x'.repeat(600));
    expect(m.validatePage().get('why')).to.deep.equal({ key: 'errorMaxLength', count: 500 });
    m.setAnswer('rating', 3);
    expect(m.validatePage().size).to.equal(0);
    expect(m.validateAll().size).to.equal(0);
    expect(m.submittedAnswers).to.deep.equal({ rating: 3 });
  });

  it('recomputes visibility only when an answer really changes', () => {
    const m = model();
    expect(m.setAnswer('rating', 2)).to.equal(true);
    expect(m.setAnswer('rating', 2)).to.equal(false);
    expect(m.setAnswer('rating', 'two')).to.equal(false);
    expect(m.isShown('why')).to.equal(true);
    expect(m.setAnswer('rating', undefined)).to.equal(true);
    expect(m.isShown('why')).to.equal(false);
  });

  it('keeps the "Other" text but submits it only while "other" is chosen', () => {
    const m = model();
    m.setAnswer('rating', 5);
    m.setAnswer('role', 'other');
    expect(m.setAnswer('role.other', 'Sołtys')).to.equal(true);
    expect(m.submittedAnswers).to.deep.equal({ rating: 5, role: 'other', 'role.other': 'Sołtys' });
    m.setAnswer('role', 'mayor');
    expect(m.answer('role.other')).to.equal('Sołtys');
    expect(m.submittedAnswers).to.deep.equal({ rating: 5, role: 'mayor' });
    expect(m.setAnswer('role.other', '')).to.equal(true);
    expect(m.answer('role.other')).to.equal(undefined);
  });

  it('ignores answers to unknown questions, info blocks, and "Other" texts of questions without "other"', () => {
    const m = model();
    expect(m.setAnswer('ghost', 1)).to.equal(false);
    expect(m.setAnswer('note', 'x')).to.equal(false);
    expect(m.setAnswer('rating.other', 'x')).to.equal(false);
    expect(m.setAnswer('role.other', 5)).to.equal(false);
    expect(m.answers).to.deep.equal({});
  });

  it('restores answers given in the constructor, ignoring those that no longer fit', () => {
    const m = new SurveyModel(onePage(questions), { answers: { rating: 2, why: 'x', role: 'wizard', ghost: 1 } });
    expect(m.answers).to.deep.equal({ rating: 2, why: 'x' });
    expect(shownIds(m)).to.deep.equal(['rating', 'why', 'more', 'role']);
  });

  it('clear() forgets every answer', () => {
    const m = model();
    m.setAnswer('rating', 1);
    m.setAnswer('why', 'x');
    m.clear();
    expect(m.answers).to.deep.equal({});
    expect(shownIds(m)).to.deep.equal(['rating', 'silent', 'role']);
  });

  it('knows each question and its page', () => {
    const m = model();
    expect(m.question('why')?.type).to.equal('text');
    expect(m.question('ghost')).to.equal(undefined);
    expect(m.pageOf('role')).to.equal(0);
    expect(m.pageOf('ghost')).to.equal(undefined);
    expect(m.sourceLocale).to.equal('pl');
    expect(new SurveyModel(onePage(questions, { locale: 'en' })).sourceLocale).to.equal('en');
  });
});
