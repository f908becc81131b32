import { expect } from '@open-wc/testing';
import { parseDefinition, QUESTION_TYPES, type Condition, type Question, type SurveyDefinition } from '../../src/schema/index.js';
import { clone, everyType, minimal, onePage } from './fixtures.js';

function expectValid(definition: unknown): SurveyDefinition {
  const result = parseDefinition(definition);
  if (!result.ok) expect.fail(`expected a valid definition, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

const rating = (id: string, extra: Partial<Question> = {}): Question => ({ id, type: 'rating', title: id, ...extra }) as Question;

describe('parseDefinition: valid definitions', () => {
  it('accepts the smallest survey', () => {
    expect(expectValid(minimal())).to.deep.equal(minimal());
  });

  it('accepts a survey that uses every question type and option, unchanged', () => {
    const definition = everyType();
    const types = new Set(definition.pages.flatMap((p) => p.questions.map((q) => q.type)));
    expect([...types].sort()).to.deep.equal([...QUESTION_TYPES].sort());
    expect(expectValid(clone(definition))).to.deep.equal(definition);
  });

  it('accepts the same survey as JSON text', () => {
    expect(expectValid(JSON.stringify(everyType()))).to.deep.equal(everyType());
  });

  it('accepts texts as a plain string, Polish only, English only, or both', () => {
    for (const title of ['Tytuł', { pl: 'Tytuł' }, { en: 'Title' }, { pl: 'Tytuł', en: 'Title' }]) {
      expectValid({ ...minimal(), title });
    }
  });

  it('accepts ids at the limits of the id rules', () => {
    const long = `a${'b'.repeat(63)}`;
    expectValid({ ...minimal(), id: 'a'.repeat(64) });
    expectValid({ ...minimal(), id: '0-_z' });
    expectValid(onePage([rating(long), rating('A-b_9')]));
  });

  it('accepts a rating with max from 3 to 10', () => {
    for (const max of [3, 10]) expectValid(onePage([rating('r', { max } as Partial<Question>)]));
  });

  it('accepts a scale with a named scale or 2 to 11 custom points, with or without not-applicable', () => {
    const points = (n: number) => Array.from({ length: n }, (_, i) => ({ value: i - 5, label: `p${i}` }));
    expectValid(onePage([{ id: 's', type: 'scale', title: 's', scale: 'agree5' }]));
    expectValid(onePage([{ id: 's', type: 'scale', title: 's', scale: 'quality5', notApplicable: false }]));
    expectValid(onePage([{ id: 's', type: 'scale', title: 's', points: points(2) }]));
    expectValid(onePage([{ id: 's', type: 'scale', title: 's', points: points(11), notApplicable: { en: 'N/A' } }]));
  });

  it('accepts choice questions: single, multiple with limits, other, dropdown', () => {
    const options = [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
    ];
    expectValid(onePage([{ id: 'c', type: 'choice', title: 'c', options }]));
    expectValid(onePage([{ id: 'c', type: 'choice', title: 'c', options, multiple: true, minChoices: 0, maxChoices: 2 }]));
    expectValid(onePage([{ id: 'c', type: 'choice', title: 'c', options, multiple: true, other: true, minChoices: 3, maxChoices: 3 }]));
    expectValid(onePage([{ id: 'c', type: 'choice', title: 'c', options, display: 'dropdown', other: 'Inne' }]));
    expectValid(onePage([{ id: 'c', type: 'choice', title: 'c', options: [{ value: 'other', label: 'Inne' }] }]));
  });

  it('accepts text questions: single line, multiline, maxLength 1 and 20000, email', () => {
    expectValid(onePage([{ id: 't', type: 'text', title: 't', maxLength: 1 }]));
    expectValid(onePage([{ id: 't', type: 'text', title: 't', multiline: true, maxLength: 20000 }]));
    expectValid(onePage([{ id: 't', type: 'text', title: 't', format: 'email' }]));
  });

  it('accepts a page holding only an info block', () => {
    expectValid({ ...minimal(), pages: [...minimal().pages, { id: 'end', questions: [{ id: 'bye', type: 'info', text: 'Koniec' }] }] });
  });

  describe('conditions', () => {
    const base = (): Question[] => [
      { id: 'r', type: 'rating', title: 'r' },
      { id: 'n', type: 'nps', title: 'n' },
      { id: 's', type: 'scale', title: 's', scale: 'agree5', notApplicable: true },
      { id: 'm', type: 'matrix', title: 'm', scale: 'quality5', rows: [{ id: 'x', label: 'x' }], notApplicable: true },
      { id: 'c', type: 'choice', title: 'c', options: [{ value: 'a', label: 'a' }], multiple: true, other: true },
      { id: 't', type: 'text', title: 't' },
      { id: 'k', type: 'consent', title: 'k', text: 'k' },
    ];
    const withCondition = (visibleIf: Condition) => onePage([...base(), { id: 'z', type: 'text', title: 'z', visibleIf }]);
    const cases: [string, Condition][] = [
      ['eq on a number', { question: 'r', eq: 5 }],
      ['eq on a choice option', { question: 'c', eq: 'a' }],
      ['eq on "other"', { question: 'c', eq: 'other' }],
      ['eq on free text', { question: 't', eq: 'anything' }],
      ['eq true on consent', { question: 'k', eq: true }],
      ['eq "na" on a scale offering it', { question: 's', eq: 'na' }],
      ['neq', { question: 'n', neq: 10 }],
      ['lt', { question: 'n', lt: 7 }],
      ['lte with a fraction', { question: 's', lte: 2.5 }],
      ['gt', { question: 'r', gt: 3 }],
      ['gte', { question: 'm', gte: 4 }],
      ['in', { question: 'c', in: ['a', 'other'] }],
      ['in on numbers', { question: 'n', in: [0, 1, 2] }],
      ['answered true', { question: 't', answered: true }],
      ['answered false', { question: 't', answered: false }],
      ['row with a comparison', { question: 'm', row: 'x', lte: 2 }],
      ['row with eq "na"', { question: 'm', row: 'x', eq: 'na' }],
      ['row with answered', { question: 'm', row: 'x', answered: true }],
      [
        'all',
        {
          all: [
            { question: 'r', gte: 4 },
            { question: 'n', gte: 9 },
          ],
        },
      ],
      [
        'any',
        {
          any: [
            { question: 'r', gte: 4 },
            { question: 'k', eq: true },
          ],
        },
      ],
      ['not', { not: { question: 't', answered: true } }],
      [
        'nested all/any/not',
        {
          all: [
            { any: [{ not: { question: 'r', eq: 1 } }, { question: 'c', in: ['a'] }] },
            { not: { not: { question: 'k', answered: true } } },
          ],
        },
      ],
    ];
    for (const [name, condition] of cases) {
      it(`accepts ${name}`, () => {
        expect(expectValid(withCondition(condition)).pages[0]!.questions.at(-1)!.visibleIf).to.deep.equal(condition);
      });
    }

    it('accepts a condition on a question of an earlier page', () => {
      expectValid({
        ...minimal(),
        pages: [...minimal().pages, { id: 'p2', questions: [rating('q2', { visibleIf: { question: 'q1', gte: 3 } })] }],
      });
    });
  });

  describe('scoring', () => {
    it('accepts bands in any order that cover 0–100 exactly, a single band, and matrix/nps/scale items', () => {
      const questions: Question[] = [
        rating('a'),
        { id: 'b', type: 'nps', title: 'b' },
        {
          id: 'c',
          type: 'scale',
          title: 'c',
          points: [
            { value: 2, label: '2' },
            { value: 6, label: '6' },
          ],
        },
        { id: 'd', type: 'matrix', title: 'd', scale: 'agree5', rows: [{ id: 'r1', label: 'r1' }] },
      ];
      const definition = onePage(questions, {
        scoring: {
          dimensions: [
            {
              id: 'one',
              title: 'One',
              questions: ['a', 'b', 'c', 'd'],
              bands: [
                { min: 50, max: 100, label: 'High' },
                { min: 0, max: 0, label: 'Zero' },
                { min: 1, max: 49, label: 'Low' },
              ],
            },
            { id: 'two', title: 'Two', questions: ['a'], bands: [{ min: 0, max: 100, label: 'All' }] },
          ],
        },
      });
      expect(expectValid(definition)).to.deep.equal(definition);
    });
  });
});
