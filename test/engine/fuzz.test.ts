import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkResponse, SurveyModel, uuid } from '../../src/engine/index.js';
import { formatPath, parseDefinition, parseResponse, type Question, type SurveyDefinition } from '../../src/schema/index.js';
import { hostileValue, plausibleAnswer, PROPERTY_RUNS, validDefinition } from '../schema/arbitraries.js';
import { everyType } from '../schema/fixtures.js';

type Action =
  | { kind: 'answer'; pick: number; numbers: number[] }
  | { kind: 'wrong'; pick: number; value: unknown }
  | { kind: 'other'; pick: number; text: string }
  | { kind: 'clearOne'; pick: number }
  | { kind: 'next' }
  | { kind: 'back' }
  | { kind: 'goTo'; page: number }
  | { kind: 'restart' };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      pick: fc.nat(),
      numbers: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wrong' as const), pick: fc.nat(), value: hostileValue }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('other' as const),
      pick: fc.nat(),
      text: fc.oneof(fc.string(), fc.constant('x'.repeat(501))),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clearOne' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'next' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'back' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('goTo' as const), page: fc.integer({ min: -1, max: 6 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

const definitions = fc.oneof({ weight: 4, arbitrary: validDefinition }, { weight: 1, arbitrary: fc.constant(everyType()) });

function run(model: SurveyModel, questions: Question[], a: Action): SurveyModel {
  const question = 'pick' in a ? questions[a.pick % questions.length]! : undefined;
  switch (a.kind) {
    case 'answer':
      model.setAnswer(question!.id, plausibleAnswer(question!, [...a.numbers]));
      return model;
    case 'wrong':
      model.setAnswer(question!.id, a.value);
      return model;
    case 'other': {
      // Mostly at a question that has "Other", or the action would almost always be ignored.
      const withOther = questions.filter((q) => q.type === 'choice' && q.other);
      const target = a.pick % 4 && withOther.length ? withOther[a.pick % withOther.length]! : question!;
      model.setAnswer(`${target.id}.other`, a.text);
      return model;
    }
    case 'clearOne':
      model.setAnswer(question!.id, undefined);
      return model;
    case 'next': {
      const before = model.pageIndex;
      const errors = model.validatePage();
      const result = model.next();
      expect(result.ok).to.equal(errors.size === 0);
      if (!result.ok) {
        expect([...result.errors.keys()]).to.deep.equal([...errors.keys()]);
        expect(model.pageIndex).to.equal(before);
      } else expect(model.pageIndex).to.equal(model.shownPages.find((p) => p > before) ?? before);
      return model;
    }
    case 'back': {
      const before = model.answers;
      model.back();
      expect(model.answers).to.deep.equal(before);
      return model;
    }
    case 'goTo':
      model.goTo(a.page);
      expect(model.shownPages).to.include(model.pageIndex);
      return model;
    case 'restart': {
      // What a reload does: a new model from the saved draft and page.
      const restored = new SurveyModel(model.definition, { answers: model.answers, pageId: model.page.id });
      expect(restored.answers).to.deep.equal(model.answers);
      expect(restored.shownPages).to.include(restored.pageIndex);
      return restored;
    }
  }
}

/** What must hold after any sequence of actions. */
function expectConsistent(model: SurveyModel, definition: SurveyDefinition): void {
  const progress = model.progress;
  expect(progress.remaining).to.be.within(0, progress.total - progress.answered);
  expect(progress.answered).to.be.within(0, progress.total);
  expect(progress.page).to.be.within(1, progress.pages);

  const response = model.toResponse({
    id: uuid(),
    locale: 'en',
    startedAt: new Date(0).toISOString(),
    submittedAt: new Date().toISOString(),
  });
  const json = JSON.parse(JSON.stringify(response));
  expect(json).to.deep.equal(response);
  for (const id of Object.keys(response.answers)) expect(model.isShown(id.replace(/\.other$/, '')), id).to.equal(true);

  const parsed = parseResponse(json);
  if (!parsed.ok) expect.fail(`parseResponse: ${JSON.stringify(parsed.issues)} for ${JSON.stringify(json)}`);
  // The only complaints a collector can have are the validation errors the respondent sees.
  const expected = [...model.validateAll().keys()].map((id) => formatPath(['answers', id]));
  expect(checkResponse(definition, parsed.value).map((i) => i.path)).to.deep.equal(expected);
}

describe('SurveyModel: property tests', () => {
  it('never throws on random answers, wrong values and navigation; every response passes parseResponse and checkResponse', () => {
    let complete = 0;
    fc.assert(
      fc.property(definitions, fc.array(action, { minLength: 1, maxLength: 25 }), (definition, actions) => {
        expect(parseDefinition(definition).ok).to.equal(true);
        const questions = definition.pages.flatMap((p) => p.questions);
        let model = new SurveyModel(definition);
        for (const a of actions) model = run(model, questions, a);
        expectConsistent(model, definition);
        if (model.validateAll().size === 0) complete++;
      }),
      PROPERTY_RUNS,
    );
    // Some runs must reach a submittable survey, or checkResponse's happy path goes untested.
    expect(complete).to.be.greaterThan(30);
  });

  it('answering every shown question plausibly, page by page, ends in a response checkResponse accepts whole', () => {
    fc.assert(
      fc.property(definitions, fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), (definition, numbers) => {
        const model = new SurveyModel(definition);
        for (let guard = 0; guard < 10; guard++) {
          for (const q of model.questionsOn()) {
            if (q.type === 'info') continue;
            model.setAnswer(q.id, plausibleAnswer(q, numbers.splice(0, 8)));
            if (q.type === 'choice' && q.other) model.setAnswer(`${q.id}.other`, 'Inne');
          }
          if (model.isLastPage) break;
          model.next();
        }
        const response = model.toResponse({
          id: uuid(),
          locale: 'pl',
          startedAt: new Date(0).toISOString(),
          submittedAt: new Date().toISOString(),
        });
        const parsed = parseResponse(JSON.parse(JSON.stringify(response)));
        expect(parsed.ok).to.equal(true);
        if (parsed.ok)
          expect(checkResponse(definition, parsed.value).map((i) => i.path)).to.deep.equal(
            [...model.validateAll().keys()].map((id) => formatPath(['answers', id])),
          );
      }),
      PROPERTY_RUNS,
    );
  });
});
