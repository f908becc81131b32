import { expect } from '@open-wc/testing';
import { evaluate } from '../../src/engine/index.js';
import type { AnswerValue, Condition } from '../../src/schema/index.js';

/** Evaluates against a fixed set of shown answers. */
const when = (answers: Record<string, AnswerValue>) => (condition: Condition) =>
  evaluate(condition, (id) => (Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : undefined));

describe('evaluate', () => {
  const test = when({
    rating: 3,
    nps: 0,
    scale: 'na',
    single: 'mayor',
    multi: ['energy', 'other'],
    text: 'Opole',
    blank: '   ',
    consent: true,
    unticked: false,
    none: [],
    matrix: { t1: 2, t2: 5, t3: 'na' },
    emptyMatrix: {},
  });

  describe('comparisons on a number', () => {
    const cases: [Condition, boolean][] = [
      [{ question: 'rating', eq: 3 }, true],
      [{ question: 'rating', eq: 4 }, false],
      [{ question: 'rating', eq: '3' }, false],
      [{ question: 'rating', neq: 3 }, false],
      [{ question: 'rating', neq: 4 }, true],
      [{ question: 'rating', lt: 3 }, false],
      [{ question: 'rating', lt: 4 }, true],
      [{ question: 'rating', lte: 3 }, true],
      [{ question: 'rating', lte: 2 }, false],
      [{ question: 'rating', gt: 3 }, false],
      [{ question: 'rating', gt: 2 }, true],
      [{ question: 'rating', gte: 3 }, true],
      [{ question: 'rating', gte: 4 }, false],
      [{ question: 'rating', in: [1, 3] }, true],
      [{ question: 'rating', in: [1, 2] }, false],
      [{ question: 'nps', eq: 0 }, true],
      [{ question: 'nps', lte: 6 }, true],
      [{ question: 'nps', answered: true }, true],
    ];
    for (const [condition, expected] of cases) {
      it(`${JSON.stringify(condition)} is ${expected}`, () => expect(test(condition)).to.equal(expected));
    }
  });

  describe('an unanswered question', () => {
    const cases: [Condition, boolean][] = [
      [{ question: 'missing', eq: 1 }, false],
      [{ question: 'missing', neq: 1 }, false],
      [{ question: 'missing', lt: 100 }, false],
      [{ question: 'missing', gte: -100 }, false],
      [{ question: 'missing', in: [1] }, false],
      [{ question: 'missing', answered: true }, false],
      [{ question: 'missing', answered: false }, true],
      [{ not: { question: 'missing', eq: 1 } }, true],
      [{ question: 'blank', answered: true }, false],
      [{ question: 'blank', eq: '   ' }, false],
      [{ question: 'unticked', answered: false }, true],
      [{ question: 'unticked', eq: false }, false],
      [{ question: 'none', answered: false }, true],
      [{ question: 'none', neq: 'energy' }, false],
      [{ question: 'emptyMatrix', answered: false }, true],
      [{ question: 'emptyMatrix', lte: 5 }, false],
    ];
    for (const [condition, expected] of cases) {
      it(`${JSON.stringify(condition)} is ${expected}`, () => expect(test(condition)).to.equal(expected));
    }
  });

  describe('"na" is an answer but never a number', () => {
    const cases: [Condition, boolean][] = [
      [{ question: 'scale', answered: true }, true],
      [{ question: 'scale', eq: 'na' }, true],
      [{ question: 'scale', in: ['na', 1] }, true],
      [{ question: 'scale', neq: 'na' }, false],
      [{ question: 'scale', lt: 100 }, false],
      [{ question: 'scale', lte: 100 }, false],
      [{ question: 'scale', gt: -100 }, false],
      [{ question: 'scale', gte: -100 }, false],
      [{ question: 'matrix', row: 't3', lte: 5 }, false],
      [{ question: 'matrix', row: 't3', eq: 'na' }, true],
    ];
    for (const [condition, expected] of cases) {
      it(`${JSON.stringify(condition)} is ${expected}`, () => expect(test(condition)).to.equal(expected));
    }
  });

  describe('choices: eq and in mean "includes"', () => {
    const cases: [Condition, boolean][] = [
      [{ question: 'single', eq: 'mayor' }, true],
      [{ question: 'single', neq: 'mayor' }, false],
      [{ question: 'single', in: ['ngo', 'mayor'] }, true],
      [{ question: 'multi', eq: 'energy' }, true],
      [{ question: 'multi', eq: 'other' }, true],
      [{ question: 'multi', eq: 'water' }, false],
      [{ question: 'multi', neq: 'water' }, true],
      [{ question: 'multi', neq: 'energy' }, false],
      [{ question: 'multi', in: ['water', 'other'] }, true],
      [{ question: 'multi', in: ['water', 'transport'] }, false],
      [{ question: 'multi', lt: 5 }, false],
      [{ question: 'text', eq: 'Opole' }, true],
      [{ question: 'text', eq: 'opole' }, false],
      [{ question: 'consent', eq: true }, true],
    ];
    for (const [condition, expected] of cases) {
      it(`${JSON.stringify(condition)} is ${expected}`, () => expect(test(condition)).to.equal(expected));
    }
  });

  describe('matrix: a row, or any row', () => {
    const cases: [Condition, boolean][] = [
      [{ question: 'matrix', row: 't1', lte: 2 }, true],
      [{ question: 'matrix', row: 't2', lte: 2 }, false],
      [{ question: 'matrix', row: 't1', eq: 2 }, true],
      [{ question: 'matrix', row: 't4', answered: true }, false],
      [{ question: 'matrix', row: 't4', answered: false }, true],
      [{ question: 'matrix', row: 't4', lte: 5 }, false],
      [{ question: 'matrix', row: 'hasOwnProperty', answered: true }, false],
      [{ question: 'matrix', row: 'constructor', eq: 1 }, false],
      [{ question: 'matrix', lte: 2 }, true],
      [{ question: 'matrix', gte: 5 }, true],
      [{ question: 'matrix', gt: 5 }, false],
      [{ question: 'matrix', lt: 2 }, false],
      [{ question: 'matrix', eq: 'na' }, true],
      [{ question: 'matrix', in: [3, 4] }, false],
      // Any row that differs is enough: t2 is 5, not 2.
      [{ question: 'matrix', neq: 2 }, true],
      [{ not: { question: 'matrix', eq: 2 } }, false],
      [{ question: 'matrix', answered: true }, true],
      [{ question: 'rating', row: 't1', answered: true }, false],
    ];
    for (const [condition, expected] of cases) {
      it(`${JSON.stringify(condition)} is ${expected}`, () => expect(test(condition)).to.equal(expected));
    }
  });

  describe('all, any, not', () => {
    const yes: Condition = { question: 'rating', eq: 3 };
    const no: Condition = { question: 'rating', eq: 4 };
    const cases: [string, Condition, boolean][] = [
      ['all true', { all: [yes, yes] }, true],
      ['all with one false', { all: [yes, no] }, false],
      ['any with one true', { any: [no, yes] }, true],
      ['any all false', { any: [no, no] }, false],
      ['not true', { not: yes }, false],
      ['not false', { not: no }, true],
      ['not not', { not: { not: yes } }, true],
      ['all of any and not', { all: [{ any: [no, yes] }, { not: no }] }, true],
      ['any of all and not', { any: [{ all: [yes, no] }, { not: yes }] }, false],
      ['deeply nested', { not: { any: [{ all: [yes, { not: { question: 'missing', answered: true } }] }, no] } }, false],
    ];
    for (const [name, condition, expected] of cases) {
      it(`${name} is ${expected}`, () => expect(test(condition)).to.equal(expected));
    }
  });

  it('looks answers up only through the lookup it is given', () => {
    const asked: string[] = [];
    evaluate({ all: [{ question: 'a', eq: 1 }, { any: [{ question: 'b', eq: 1 }, { not: { question: 'c', eq: 1 } }] }] }, (id) => {
      asked.push(id);
      return 1;
    });
    expect(asked).to.deep.equal(['a', 'b']);
  });

  it('a comparison without an operator (which parseDefinition refuses) is false, not an error', () => {
    expect(test({ question: 'rating' })).to.equal(false);
  });
});
