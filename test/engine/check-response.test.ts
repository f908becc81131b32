import { expect } from '@open-wc/testing';
import { checkResponse, SurveyModel } from '../../src/engine/index.js';
import type { Response } from '../../src/schema/index.js';
import { everyType } from '../schema/fixtures.js';

const meta = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  locale: 'pl' as const,
  startedAt: '2016-05-12T09:30:00.000Z',
  submittedAt: '2016-05-12T09:41:00.000Z',
};

/** A complete, valid response to `everyType()`, made by the model itself. */
function complete(): Response {
  const m = new SurveyModel(everyType());
  const answers = {
    overall: 2,
    workshop: 4,
    nps: 8,
    role: 'other',
    'role.other': 'Sołtys',
    topics: ['energy'],
    consent: true,
    talks: { t1: 2, t2: 'na' },
    c_lt: 'Za krótko',
  };
  for (const [id, value] of Object.entries(answers)) expect(m.setAnswer(id, value), id).to.equal(true);
  expect(m.validateAll().size).to.equal(0);
  return m.toResponse(meta);
}

const check = (change: (r: Response) => void) => {
  const response = complete();
  change(response);
  return checkResponse(everyType(), response);
};

describe('checkResponse', () => {
  it('accepts a response the model produced, scores included', () => {
    const response = complete();
    expect(response.scores).to.deep.equal({ quality: { score: 48, band: 1 } });
    expect(checkResponse(everyType(), response)).to.deep.equal([]);
  });

  it('rejects a response to another survey', () => {
    expect(check((r) => (r.surveyId = 'other-survey'))).to.deep.equal([
      { path: 'surveyId', message: 'expected "zmp-opole-2016", got "other-survey"' },
    ]);
  });

  it('rejects answers to unknown questions and to info blocks', () => {
    expect(
      check((r) => {
        r.answers.ghost = 1;
        r.answers.intro = 'x';
      }),
    ).to.deep.equal([
      { path: 'answers.ghost', message: 'is not a question of this survey' },
      { path: 'answers.intro', message: 'is not a question of this survey' },
    ]);
  });

  it("rejects answers of the wrong type or outside the question's options, points and rows", () => {
    expect(
      check((r) => {
        r.answers.overall = '5';
        r.answers.nps = 11;
        r.answers.role = 'wizard';
        r.answers.talks = { t1: 2, t9: 3 };
        r.answers.consent = 'yes';
        r.answers.comment = 5;
      }),
    ).to.deep.equal([
      { path: 'answers.overall', message: 'does not fit a rating question' },
      { path: 'answers.nps', message: 'does not fit a nps question' },
      { path: 'answers.role', message: 'does not fit a choice question' },
      { path: 'answers["role.other"]', message: '"other" was not chosen' },
      { path: 'answers.talks', message: 'does not fit a matrix question' },
      { path: 'answers.consent', message: 'does not fit a consent question' },
      { path: 'answers.comment', message: 'does not fit a text question' },
    ]);
  });

  it('rejects an option listed twice in a multiple choice', () => {
    expect(check((r) => (r.answers.topics = ['energy', 'energy']))).to.deep.equal([
      { path: 'answers.topics', message: 'lists an option more than once' },
    ]);
  });

  it('rejects an "Other" text where there is no "other", or it was not chosen', () => {
    expect(
      check((r) => {
        r.answers['region.other'] = 'x';
        r.answers['nps.other'] = 'x';
        r.answers['role.other'] = 5;
      }),
    ).to.deep.equal([
      { path: 'answers["role.other"]', message: 'is not an "other" text of this question' },
      { path: 'answers["region.other"]', message: 'is not an "other" text of this question' },
      { path: 'answers["nps.other"]', message: 'is not an "other" text of this question' },
    ]);
    expect(
      check((r) => {
        r.answers.topics = ['energy'];
        r.answers['topics.other'] = 'x';
      }),
    ).to.deep.equal([{ path: 'answers["topics.other"]', message: '"other" was not chosen' }]);
  });

  it('rejects an answer to a question hidden by its condition', () => {
    // c_gt needs nps > 8; nps is 8.
    expect(check((r) => (r.answers.c_gt = 'x'))).to.deep.equal([
      { path: 'answers.c_gt', message: 'answers a question that is hidden by its condition' },
    ]);
  });

  it('rejects an "Other" text of a question hidden by its condition', () => {
    const d = everyType();
    d.pages[1]!.questions[1]!.visibleIf = { question: 'role', eq: 'mayor' };
    const r = complete();
    r.answers.topics = ['other'];
    r.answers['topics.other'] = 'x';
    expect(checkResponse(d, r)).to.deep.equal([
      { path: 'answers.topics', message: 'answers a question that is hidden by its condition' },
      { path: 'answers["topics.other"]', message: 'answers a question that is hidden by its condition' },
    ]);
  });

  it('rejects missing required answers and invalid ones, in English, in survey order', () => {
    expect(
      check((r) => {
        delete r.answers.nps;
        delete r.answers.consent;
        r.answers.topics = ['energy', 'water', 'transport'];
        r.answers.email = 'not-an-email';
        delete r.answers['role.other'];
        // 3 of 5 items answered: no score
        delete r.scores;
      }),
    ).to.deep.equal([
      { path: 'answers.nps', message: 'Please answer this question.' },
      { path: 'answers.role', message: 'Please type your answer in the “Other – please specify” field.' },
      { path: 'answers.topics', message: 'You can choose at most 2 answers.' },
      { path: 'answers.email', message: 'Please enter an email address like name@example.com.' },
      { path: 'answers.consent', message: 'Please tick the consent box to submit your answers.' },
    ]);
  });

  it('rejects scores that do not match the answers, missing or invented ones', () => {
    // (overall 2 of 1–10, workshop 4, talk 2, N/A, NPS 8) → (1/9 + 0.75 + 0.25 + 0.8) / 4 = 47.8 → 48
    expect(check((r) => (r.scores = { quality: { score: 47, band: 1 } }))).to.deep.equal([
      { path: 'scores.quality', message: 'does not match the answers (expected {"score":48,"band":1})' },
    ]);
    expect(check((r) => (r.scores = { quality: { score: 48, band: 2 } }))).to.have.length(1);
    expect(check((r) => delete r.scores)).to.deep.equal([
      { path: 'scores.quality', message: 'does not match the answers (expected {"score":48,"band":1})' },
    ]);
    expect(check((r) => (r.scores = { quality: { score: 48, band: 1 }, bonus: { score: 100, band: 0 } }))).to.deep.equal([
      { path: 'scores.bonus', message: 'does not match the answers (expected null)' },
    ]);
  });

  it('accepts unanswered forms of an answer that the model would leave out', () => {
    expect(
      check((r) => {
        r.answers.comment = '';
        r.answers.email = '  ';
        r.answers.venue = 'na';
      }),
    ).to.deep.equal([]);
  });
});
