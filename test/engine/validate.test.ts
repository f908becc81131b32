import { expect } from '@open-wc/testing';
import { DEFAULT_MAX_LENGTH, maxLengthOf, SurveyModel, validateAnswer } from '../../src/engine/index.js';
import type { AnswerableQuestion, ChoiceQuestion, MatrixQuestion, TextQuestion } from '../../src/schema/index.js';
import { onePage } from '../schema/fixtures.js';

const text = (extra: Partial<TextQuestion> = {}): TextQuestion => ({ id: 't', type: 'text', title: 't', ...extra });
const choice = (extra: Partial<ChoiceQuestion> = {}): ChoiceQuestion => ({
  id: 'c',
  type: 'choice',
  title: 'c',
  options: ['a', 'b', 'c', 'd'].map((value) => ({ value, label: value })),
  ...extra,
});
const matrix = (extra: Partial<MatrixQuestion> = {}): MatrixQuestion => ({
  id: 'm',
  type: 'matrix',
  title: 'm',
  scale: 'agree5',
  notApplicable: true,
  rows: ['r1', 'r2', 'r3'].map((id) => ({ id, label: id })),
  ...extra,
});

describe('validateAnswer', () => {
  describe('required', () => {
    const required: AnswerableQuestion[] = [
      { id: 'r', type: 'rating', title: 'r', required: true },
      { id: 'n', type: 'nps', title: 'n', required: true },
      { id: 's', type: 'scale', title: 's', scale: 'agree5', required: true },
      text({ required: true }),
      choice({ required: true }),
      choice({ required: true, multiple: true }),
      matrix({ required: true }),
    ];
    for (const question of required) {
      it(`a required ${question.type}${'multiple' in question && question.multiple ? ' (multiple)' : ''} needs an answer`, () => {
        expect(validateAnswer(question, undefined)).to.deep.equal({ key: 'errorRequired' });
      });
    }

    it('empty text, blank text, no choices and no rows are not answers', () => {
      expect(validateAnswer(text({ required: true }), '')).to.deep.equal({ key: 'errorRequired' });
      expect(validateAnswer(text({ required: true }), ' \n\t ')).to.deep.equal({ key: 'errorRequired' });
      expect(validateAnswer(choice({ required: true, multiple: true }), [])).to.deep.equal({ key: 'errorRequired' });
      expect(validateAnswer(matrix({ required: true }), {})).to.deep.equal({ key: 'errorRequired' });
    });

    it('0 on NPS and "na" on a scale are answers', () => {
      expect(validateAnswer({ id: 'n', type: 'nps', title: 'n', required: true }, 0)).to.equal(undefined);
      expect(validateAnswer({ id: 's', type: 'scale', title: 's', scale: 'agree5', notApplicable: true, required: true }, 'na')).to.equal(
        undefined,
      );
    });

    it('a required consent must be ticked, with its own message', () => {
      const consent: AnswerableQuestion = { id: 'k', type: 'consent', title: 'k', text: 'RODO', required: true };
      expect(validateAnswer(consent, undefined)).to.deep.equal({ key: 'errorConsent' });
      expect(validateAnswer(consent, false)).to.deep.equal({ key: 'errorConsent' });
      expect(validateAnswer(consent, true)).to.equal(undefined);
      expect(validateAnswer({ ...consent, required: false }, false)).to.equal(undefined);
    });

    it('an optional question may stay unanswered, whatever its other limits', () => {
      expect(validateAnswer(text({ format: 'email' }), undefined)).to.equal(undefined);
      expect(validateAnswer(choice({ multiple: true, minChoices: 2 }), [])).to.equal(undefined);
      expect(validateAnswer(choice({ other: true }), undefined, '')).to.equal(undefined);
    });
  });

  describe('text length', () => {
    it('allows exactly maxLength characters and refuses one more', () => {
      expect(validateAnswer(text({ maxLength: 10 }), 'x'.repeat(10))).to.equal(undefined);
      expect(validateAnswer(text({ maxLength: 10 }), 'x'.repeat(11))).to.deep.equal({ key: 'errorMaxLength', count: 10 });
    });

    it('defaults to 500 for a line and 5000 for multiline text', () => {
      expect(DEFAULT_MAX_LENGTH).to.deep.equal({ line: 500, multiline: 5000 });
      expect(maxLengthOf(text())).to.equal(500);
      expect(maxLengthOf(text({ multiline: true }))).to.equal(5000);
      expect(maxLengthOf(text({ multiline: true, maxLength: 20000 }))).to.equal(20000);
      expect(validateAnswer(text(), 'x'.repeat(500))).to.equal(undefined);
      expect(validateAnswer(text(), 'x'.repeat(501))).to.deep.equal({ key: 'errorMaxLength', count: 500 });
      expect(validateAnswer(text({ multiline: true }), 'x'.repeat(5000))).to.equal(undefined);
      expect(validateAnswer(text({ multiline: true }), 'x'.repeat(5001))).to.deep.equal({ key: 'errorMaxLength', count: 5000 });
    });

    it('counts UTF-16 code units, like the maxlength attribute of a text field', () => {
      expect(validateAnswer(text({ maxLength: 4 }), 'Łódź')).to.equal(undefined);
      expect(validateAnswer(text({ maxLength: 3 }), '😀😀')).to.deep.equal({ key: 'errorMaxLength', count: 3 });
    });
  });

  describe('email', () => {
    const email = text({ format: 'email' });
    for (const good of [
      'a@b.pl',
      'urzad.miasta@opole.eu',
      ' sekretariat@gmina-x.gov.pl ',
      'jan+ankieta@example.com',
      'ewa@urząd.opole.pl',
    ]) {
      it(`accepts ${JSON.stringify(good)}`, () => expect(validateAnswer(email, good)).to.equal(undefined));
    }
    for (const bad of [
      'jan',
      'jan@',
      '@opole.pl',
      'jan@opole',
      'jan@@opole.pl',
      'jan kowalski@opole.pl',
      'jan@opole..pl',
      'jan@.pl',
      'jan@opole.pl,',
      'jan@opole.pl;ewa@opole.pl',
      'jan@-.pl',
      'jan@gmina-.pl',
    ]) {
      it(`refuses ${JSON.stringify(bad)}`, () => expect(validateAnswer(email, bad)).to.deep.equal({ key: 'errorEmail' }));
    }
    it('checks length before format', () => {
      expect(validateAnswer(text({ format: 'email', maxLength: 5 }), 'a@b.pl')).to.deep.equal({ key: 'errorMaxLength', count: 5 });
    });
  });

  describe('choices', () => {
    it('enforces minChoices and maxChoices at their edges', () => {
      const q = choice({ multiple: true, minChoices: 2, maxChoices: 3 });
      expect(validateAnswer(q, ['a'])).to.deep.equal({ key: 'errorMinChoices', count: 2 });
      expect(validateAnswer(q, ['a', 'b'])).to.equal(undefined);
      expect(validateAnswer(q, ['a', 'b', 'c'])).to.equal(undefined);
      expect(validateAnswer(q, ['a', 'b', 'c', 'd'])).to.deep.equal({ key: 'errorMaxChoices', count: 3 });
    });

    it('asks for the exact number when minChoices equals maxChoices, as the hint does', () => {
      const q = choice({ multiple: true, minChoices: 2, maxChoices: 2 });
      expect(validateAnswer(q, ['a'])).to.deep.equal({ key: 'choicesExactly', count: 2 });
      expect(validateAnswer(q, ['a', 'b'])).to.equal(undefined);
      expect(validateAnswer(q, ['a', 'b', 'c'])).to.deep.equal({ key: 'choicesExactly', count: 2 });
    });

    it('asks for the "Other" text when "other" is chosen', () => {
      expect(validateAnswer(choice({ other: true }), 'other')).to.deep.equal({ key: 'errorOtherText' });
      expect(validateAnswer(choice({ other: true }), 'other', '  ')).to.deep.equal({ key: 'errorOtherText' });
      expect(validateAnswer(choice({ other: true }), 'other', 'Sołtys')).to.equal(undefined);
      expect(validateAnswer(choice({ other: true, multiple: true }), ['a', 'other'])).to.deep.equal({ key: 'errorOtherText' });
      expect(validateAnswer(choice({ other: true, multiple: true }), ['a', 'other'], 'x')).to.equal(undefined);
    });

    it('limits the "Other" text to 500 characters', () => {
      expect(validateAnswer(choice({ other: true }), 'other', 'x'.repeat(500))).to.equal(undefined);
      expect(validateAnswer(choice({ other: true }), 'other', 'x'.repeat(501))).to.deep.equal({ key: 'errorMaxLength', count: 500 });
    });

    it('ignores a left-behind "Other" text once something else is chosen', () => {
      expect(validateAnswer(choice({ other: true }), 'a', 'x'.repeat(501))).to.equal(undefined);
      expect(validateAnswer(choice({ other: true, multiple: true }), ['a'], 'x'.repeat(501))).to.equal(undefined);
    });
  });

  describe('matrix', () => {
    it('a required matrix needs every row, "na" included, and says how many are missing', () => {
      expect(validateAnswer(matrix({ required: true }), { r1: 1 })).to.deep.equal({ key: 'errorMatrixRows', count: 2 });
      expect(validateAnswer(matrix({ required: true }), { r1: 1, r3: 'na' })).to.deep.equal({ key: 'errorMatrixRows', count: 1 });
      expect(validateAnswer(matrix({ required: true }), { r1: 1, r2: 5, r3: 'na' })).to.equal(undefined);
    });

    it('an optional matrix may be answered in part', () => {
      expect(validateAnswer(matrix(), { r2: 3 })).to.equal(undefined);
    });
  });
});

describe('SurveyModel: validation', () => {
  it('reports the errors of a page by question id, in page order', () => {
    const m = new SurveyModel(
      onePage([
        { id: 'z_last', type: 'text', title: 'z', required: true },
        { id: 'a_first', type: 'consent', title: 'a', text: 'RODO', required: true },
        { id: 'info', type: 'info', text: 'i' },
        { id: 'm_mid', type: 'text', title: 'm', format: 'email' },
        { id: 'ok', type: 'rating', title: 'ok' },
      ]),
    );
    m.setAnswer('m_mid', 'not-an-email');
    expect([...m.validatePage()]).to.deep.equal([
      ['z_last', { key: 'errorRequired' }],
      ['a_first', { key: 'errorConsent' }],
      ['m_mid', { key: 'errorEmail' }],
    ]);
  });

  it('validates the "Other" text stored beside the answer', () => {
    const m = new SurveyModel(onePage([choice({ other: true, required: true })]));
    m.setAnswer('c', 'other');
    expect(m.validatePage().get('c')).to.deep.equal({ key: 'errorOtherText' });
    m.setAnswer('c.other', 'Sołtys');
    expect(m.validatePage().size).to.equal(0);
  });
});
