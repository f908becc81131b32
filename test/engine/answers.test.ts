import { expect } from '@open-wc/testing';
import {
  choseOther,
  isAnswerable,
  isAnswered,
  languageOf,
  localize,
  normalizeAnswer,
  notApplicableLabel,
  numericRange,
  otherKey,
  scalePoints,
} from '../../src/engine/index.js';
import type { AnswerableQuestion, ChoiceQuestion, MatrixQuestion, ScaleQuestion } from '../../src/schema/index.js';

const rating: AnswerableQuestion = { id: 'r', type: 'rating', title: 'r', max: 7 };
const nps: AnswerableQuestion = { id: 'n', type: 'nps', title: 'n' };
const scale: ScaleQuestion = { id: 's', type: 'scale', title: 's', scale: 'agree5', notApplicable: true };
const custom: ScaleQuestion = {
  id: 'p',
  type: 'scale',
  title: 'p',
  points: [
    { value: 10, label: 'dziesięć' },
    { value: -2, label: 'minus dwa' },
    { value: 4, label: 'cztery' },
  ],
};
const single: ChoiceQuestion = {
  id: 'c',
  type: 'choice',
  title: 'c',
  options: [
    { value: 'a', label: 'A' },
    { value: 'b', label: 'B' },
  ],
  other: true,
};
const multiple: ChoiceQuestion = { ...single, id: 'm', multiple: true };
const matrix: MatrixQuestion = {
  id: 'x',
  type: 'matrix',
  title: 'x',
  scale: 'quality5',
  rows: [
    { id: 'r1', label: '1' },
    { id: 'r2', label: '2' },
  ],
};
const matrixNa: MatrixQuestion = { ...matrix, notApplicable: true };
const text: AnswerableQuestion = { id: 't', type: 'text', title: 't' };
const consent: AnswerableQuestion = { id: 'k', type: 'consent', title: 'k', text: 'RODO' };

describe('normalizeAnswer', () => {
  const accepts: [AnswerableQuestion, unknown, unknown][] = [
    [rating, 1, 1],
    [rating, 7, 7],
    [nps, 0, 0],
    [nps, 10, 10],
    [scale, 5, 5],
    [scale, 'na', 'na'],
    [custom, -2, -2],
    [custom, 10, 10],
    [single, 'a', 'a'],
    [single, 'other', 'other'],
    [multiple, ['other', 'b', 'a', 'b'], ['a', 'b', 'other']],
    [multiple, [], []],
    [text, '', ''],
    [text, 'Łódź <b>', 'Łódź <b>'],
    [consent, true, true],
    [consent, false, false],
    [matrix, { r1: 1 }, { r1: 1 }],
    [matrix, {}, {}],
    [matrixNa, { r1: 'na', r2: 5 }, { r1: 'na', r2: 5 }],
  ];
  for (const [question, value, expected] of accepts) {
    it(`a ${question.id} (${question.type}) accepts ${JSON.stringify(value)}`, () => {
      expect(normalizeAnswer(question, value)).to.deep.equal(expected);
    });
  }

  const rejects: [AnswerableQuestion, unknown][] = [
    [rating, 0],
    [rating, 8],
    [rating, 2.5],
    [rating, '3'],
    [rating, NaN],
    [rating, Infinity],
    [rating, true],
    [rating, 'na'],
    [nps, -1],
    [nps, 11],
    [nps, [5]],
    [scale, 6],
    [scale, 0],
    [{ ...scale, notApplicable: false }, 'na'],
    [custom, 5],
    [custom, 'na'],
    [single, 'c'],
    [single, ['a']],
    [single, 1],
    [{ ...single, other: false }, 'other'],
    [multiple, 'a'],
    [multiple, ['a', 'z']],
    [multiple, ['a', 1]],
    [multiple, [null]],
    [text, 5],
    [text, ['x']],
    [text, { toString: () => 'x' }],
    [consent, 'true'],
    [consent, 1],
    [matrix, []],
    [matrix, 3],
    [matrix, 'r1'],
    [matrix, { r1: 6 }],
    [matrix, { r1: 'na' }],
    [matrix, { r1: 1, r3: 2 }],
    [matrix, { r1: '1' }],
    [matrix, JSON.parse('{"r1": 1, "__proto__": {"r2": 2}}')],
    [matrix, Object.assign(Object.create({ r2: 3 }), { r9: 1 })],
  ];
  for (const [question, value] of rejects) {
    it(`a ${question.id} (${question.type}) rejects ${typeof value === 'object' && value !== null && !Array.isArray(value) ? `object with keys ${JSON.stringify(Object.keys(value))}` : (JSON.stringify(value) ?? String(value))}`, () => {
      expect(normalizeAnswer(question, value)).to.equal(undefined);
    });
  }

  it('treats null and undefined as no answer', () => {
    for (const question of [rating, single, text, consent, matrix]) {
      expect(normalizeAnswer(question, null)).to.equal(undefined);
      expect(normalizeAnswer(question, undefined)).to.equal(undefined);
    }
  });

  it('copies matrix rows into a fresh object, ignoring inherited ones', () => {
    const inherited = Object.assign(Object.create({ r2: 3 }), { r1: 1 });
    const value = normalizeAnswer(matrix, inherited);
    expect(value).to.deep.equal({ r1: 1 });
    expect(Object.getPrototypeOf(value)).to.equal(Object.prototype);
  });
});

describe('answer helpers', () => {
  it('isAnswered', () => {
    for (const value of [0, 'na', 'x', true, ['a'], { r1: 1 }]) expect(isAnswered(value), JSON.stringify(value)).to.equal(true);
    for (const value of [undefined, false, '', '  \n', [], {}]) expect(isAnswered(value), JSON.stringify(value)).to.equal(false);
  });

  it('choseOther, otherKey, isAnswerable', () => {
    expect(choseOther('other')).to.equal(true);
    expect(choseOther(['a', 'other'])).to.equal(true);
    expect(choseOther(['a'])).to.equal(false);
    expect(choseOther('a')).to.equal(false);
    expect(choseOther(undefined)).to.equal(false);
    expect(otherKey('role')).to.equal('role.other');
    expect(isAnswerable(rating)).to.equal(true);
    expect(isAnswerable({ id: 'i', type: 'info', text: 'i' })).to.equal(false);
  });
});

describe('scales', () => {
  it('named scales have five points with Polish and English labels', () => {
    const agree = scalePoints(scale);
    expect(agree.map((p) => p.value)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(agree[0]!.label).to.deep.equal({ pl: 'Zdecydowanie się nie zgadzam', en: 'Strongly disagree' });
    expect(agree[4]!.label).to.deep.equal({ pl: 'Zdecydowanie się zgadzam', en: 'Strongly agree' });
    const quality = scalePoints(matrix);
    expect(quality[0]!.label).to.deep.equal({ pl: 'Bardzo źle', en: 'Very poor' });
    expect(quality[4]!.label).to.deep.equal({ pl: 'Bardzo dobrze', en: 'Very good' });
  });

  it('custom points come lowest first, without changing the definition', () => {
    expect(scalePoints(custom).map((p) => p.value)).to.deep.equal([-2, 4, 10]);
    expect(custom.points!.map((p) => p.value)).to.deep.equal([10, -2, 4]);
  });

  it('"not applicable" has a label per scale, a custom label, or none', () => {
    expect(notApplicableLabel(scale)).to.deep.equal({ pl: 'Nie wiem / nie dotyczy', en: 'Don’t know / not applicable' });
    expect(notApplicableLabel(matrixNa)).to.deep.equal({ pl: 'Nie dotyczy – nie było mnie', en: 'N/A – not present' });
    expect(notApplicableLabel({ ...custom, notApplicable: true })).to.deep.equal(notApplicableLabel(scale));
    expect(notApplicableLabel({ ...custom, notApplicable: 'Trudno powiedzieć' })).to.equal('Trudno powiedzieć');
    expect(notApplicableLabel(matrix)).to.equal(undefined);
    expect(notApplicableLabel({ ...scale, notApplicable: false })).to.equal(undefined);
  });

  it('numericRange', () => {
    expect(numericRange(rating)).to.deep.equal({ min: 1, max: 7 });
    expect(numericRange({ id: 'r', type: 'rating', title: 'r' })).to.deep.equal({ min: 1, max: 5 });
    expect(numericRange(nps)).to.deep.equal({ min: 0, max: 10 });
    expect(numericRange(scale)).to.deep.equal({ min: 1, max: 5 });
    expect(numericRange(custom)).to.deep.equal({ min: -2, max: 10 });
    expect(numericRange(matrix)).to.deep.equal({ min: 1, max: 5 });
    expect(numericRange(text)).to.equal(undefined);
    expect(numericRange(single)).to.equal(undefined);
  });
});

describe('localized texts', () => {
  it('localize picks the locale, falls back to the other language, and keeps plain strings', () => {
    expect(localize({ pl: 'Tak', en: 'Yes' }, 'en')).to.equal('Yes');
    expect(localize({ pl: 'Tak', en: 'Yes' }, 'pl')).to.equal('Tak');
    expect(localize({ pl: 'Tak' }, 'en')).to.equal('Tak');
    expect(localize({ en: 'Yes' }, 'pl')).to.equal('Yes');
    expect(localize('Tak', 'en')).to.equal('Tak');
    expect(localize(undefined, 'pl')).to.equal('');
  });

  it('languageOf names the language the text is really shown in', () => {
    expect(languageOf({ pl: 'Tak', en: 'Yes' }, 'en', 'pl')).to.equal('en');
    expect(languageOf({ pl: 'Tak' }, 'en', 'pl')).to.equal('pl');
    expect(languageOf({ en: 'Yes' }, 'pl', 'pl')).to.equal('en');
    expect(languageOf('Yes', 'pl', 'en')).to.equal('en');
    expect(languageOf(undefined, 'en', 'pl')).to.equal('pl');
  });
});
