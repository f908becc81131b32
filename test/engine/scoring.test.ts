import { expect } from '@open-wc/testing';
import { bandIndex, hasEnoughAnswers, responseScores, roundScore, SurveyModel } from '../../src/engine/index.js';
import type { Dimension, Question, SurveyDefinition } from '../../src/schema/index.js';
import { onePage } from '../schema/fixtures.js';

const agree = (id: string, extra: Partial<Question> = {}): Question =>
  ({ id, type: 'scale', title: id, scale: 'agree5', notApplicable: true, ...extra }) as Question;
const nps = (id: string): Question => ({ id, type: 'nps', title: id });
const BANDS = [
  { min: 0, max: 39, label: 'Wymaga uwagi' },
  { min: 40, max: 69, label: 'W rozwoju' },
  { min: 70, max: 100, label: 'Mocna strona' },
];
const dim = (id: string, questions: string[], bands = BANDS): Dimension => ({ id, title: id, questions, bands });

const survey = (questions: Question[], dimensions: Dimension[]): SurveyDefinition => onePage(questions, { scoring: { dimensions } });

/** The result of the first dimension after giving `answers`. */
function score(definition: SurveyDefinition, answers: Record<string, unknown>) {
  const m = new SurveyModel(definition);
  for (const [id, value] of Object.entries(answers)) expect(m.setAnswer(id, value), `${id} = ${JSON.stringify(value)}`).to.equal(true);
  return m.dimensionResults()[0]!;
}

describe('scoring', () => {
  const six = survey(
    ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id) => agree(id)),
    [dim('six', ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'])],
  );
  const three = survey(
    ['a1', 'a2', 'a3'].map((id) => agree(id)),
    [dim('three', ['a1', 'a2', 'a3'])],
  );

  it('scores (mean − 1) / 4 × 100 on an agree5 scale', () => {
    expect(score(three, { a1: 1, a2: 1, a3: 1 })).to.deep.equal({ id: 'three', score: 0, band: 0, answered: 3, items: 3 });
    expect(score(three, { a1: 5, a2: 5, a3: 5 })).to.deep.equal({ id: 'three', score: 100, band: 2, answered: 3, items: 3 });
    // mean 3 → 50
    expect(score(three, { a1: 2, a2: 3, a3: 4 }).score).to.equal(50);
  });

  describe('the two-thirds rule', () => {
    it('scores 2 of 3 answered items, not 1 of 3', () => {
      expect(score(three, { a1: 4, a2: 5 })).to.deep.equal({ id: 'three', score: 88, band: 2, answered: 2, items: 3 });
      expect(score(three, { a1: 4 })).to.deep.equal({ id: 'three', score: null, band: null, answered: 1, items: 3 });
    });

    it('scores 4 of 6, not 3 of 6', () => {
      expect(score(six, { a1: 1, a2: 2, a3: 3, a4: 4 })).to.include({ score: 38, band: 0, answered: 4, items: 6 });
      expect(score(six, { a1: 1, a2: 2, a3: 3 })).to.include({ score: null, band: null, answered: 3, items: 6 });
    });

    it('matches answered × 3 ≥ items × 2 for every count up to 12, and never scores zero items', () => {
      for (let items = 0; items <= 12; items++) {
        for (let answered = 0; answered <= items; answered++) {
          expect(hasEnoughAnswers(answered, items), `${answered}/${items}`).to.equal(items > 0 && answered / items >= 2 / 3 - 1e-12);
        }
      }
    });
  });

  describe('"not applicable"', () => {
    it('is left out of the mean: neither a zero in the sum nor an item of the average', () => {
      // (5 and 3) → (1 + 0.5) / 2 = 0.75; counting N/A as 0 would give 50.
      expect(score(three, { a1: 5, a2: 'na', a3: 3 })).to.deep.equal({ id: 'three', score: 75, band: 2, answered: 2, items: 3 });
    });

    it('is not an answer for the two-thirds rule', () => {
      expect(score(three, { a1: 'na', a2: 'na', a3: 5 })).to.deep.equal({ id: 'three', score: null, band: null, answered: 1, items: 3 });
      expect(score(three, { a1: 'na', a2: 'na', a3: 'na' })).to.include({ score: null, answered: 0, items: 3 });
    });
  });

  it('does not count a hidden question as an item', () => {
    const definition = survey(
      [agree('a1'), agree('a2'), agree('extra', { visibleIf: { question: 'a1', eq: 5 } })],
      [dim('d', ['a1', 'extra', 'a2'])],
    );
    expect(score(definition, { a1: 4, a2: 4 })).to.deep.equal({ id: 'd', score: 75, band: 2, answered: 2, items: 2 });
    // Shown but unanswered, it is an item again: 2 of 3 still scores.
    expect(score(definition, { a1: 5, a2: 4 })).to.deep.equal({ id: 'd', score: 88, band: 2, answered: 2, items: 3 });
    // A hidden question's kept answer is not scored either.
    expect(score(definition, { a1: 5, extra: 1, a2: 4 })).to.include({ score: 58, answered: 3 });
    const m = new SurveyModel(definition, { answers: { a1: 5, extra: 1, a2: 4 } });
    m.setAnswer('a1', 4);
    expect(m.dimensionResults()[0]).to.deep.equal({ id: 'd', score: 75, band: 2, answered: 2, items: 2 });
  });

  describe('rounding half up', () => {
    it('87.5 → 88, 12.5 → 13, 62.5 → 63', () => {
      const two = survey([agree('a1'), agree('a2')], [dim('d', ['a1', 'a2'])]);
      expect(score(two, { a1: 4, a2: 5 }).score).to.equal(88);
      expect(score(two, { a1: 1, a2: 2 }).score).to.equal(13);
      expect(score(two, { a1: 3, a2: 4 }).score).to.equal(63);
    });

    it('is not fooled by binary noise: NPS 0, 3, 3, 3 is exactly 22.5 → 23 (the naive sum gives 22.4999…)', () => {
      const definition = survey([nps('n1'), nps('n2'), nps('n3'), nps('n4')], [dim('d', ['n1', 'n2', 'n3', 'n4'])]);
      expect(Math.round(((0 + 0.3 + 0.3 + 0.3) / 4) * 100)).to.equal(22);
      expect(score(definition, { n1: 0, n2: 3, n3: 3, n4: 3 }).score).to.equal(23);
      expect(score(definition, { n1: 0, n2: 6, n3: 7, n4: 8 }).score).to.equal(53);
    });

    it('roundScore', () => {
      expect(roundScore(87.5)).to.equal(88);
      expect(roundScore(87.49999999999999)).to.equal(88);
      expect(roundScore(87.4999)).to.equal(87);
      expect(roundScore(0)).to.equal(0);
      expect(roundScore(100)).to.equal(100);
      expect(roundScore(100 / 3)).to.equal(33);
      expect(roundScore(200 / 3)).to.equal(67);
    });
  });

  it('normalises each item to its own range: rating 1–max, NPS 0–10, custom points', () => {
    const definition = survey(
      [
        { id: 'r', type: 'rating', title: 'r', max: 10 },
        nps('n'),
        { id: 'c', type: 'scale', title: 'c', points: [2, 3, 4, 5, 6].map((value) => ({ value, label: String(value) })) },
        { id: 'gap', type: 'scale', title: 'gap', points: [0, 1, 2, 10].map((value) => ({ value, label: String(value) })) },
      ],
      [dim('r', ['r']), dim('n', ['n']), dim('c', ['c']), dim('gap', ['gap'])],
    );
    const m = new SurveyModel(definition, { answers: { r: 4, n: 7, c: 5, gap: 2 } });
    // (4 − 1) / 9 = 33.3 → 33; 7 / 10 → 70; (5 − 2) / 4 → 75; 2 / 10 → 20
    expect(m.dimensionResults().map((r) => r.score)).to.deep.equal([33, 70, 75, 20]);
    m.setAnswer('r', 1);
    m.setAnswer('n', 0);
    m.setAnswer('c', 2);
    m.setAnswer('gap', 10);
    expect(m.dimensionResults().map((r) => r.score)).to.deep.equal([0, 0, 0, 100]);
  });

  it('counts each matrix row as an item', () => {
    const matrix: Question = {
      id: 'm',
      type: 'matrix',
      title: 'm',
      scale: 'quality5',
      notApplicable: true,
      rows: ['x', 'y', 'z'].map((id) => ({ id, label: id })),
    };
    const definition = survey([matrix, agree('a')], [dim('d', ['m', 'a'])]);
    // rows 5, N/A, 1 and a = 4: (1 + 0 + 0.75) / 3 = 58.3 → 58; 3 answered of 4 items
    expect(score(definition, { m: { x: 5, y: 'na', z: 1 }, a: 4 })).to.deep.equal({ id: 'd', score: 58, band: 1, answered: 3, items: 4 });
    expect(score(definition, { m: { x: 5 }, a: 5 })).to.deep.equal({ id: 'd', score: null, band: null, answered: 2, items: 4 });
    expect(score(definition, { a: 5 })).to.include({ answered: 1, items: 4 });
  });

  it('scores several dimensions independently, sharing questions', () => {
    const definition = survey(
      ['a1', 'a2', 'a3'].map((id) => agree(id)),
      [dim('first', ['a1', 'a2']), dim('second', ['a2', 'a3']), dim('all', ['a1', 'a2', 'a3'])],
    );
    const m = new SurveyModel(definition, { answers: { a1: 5, a2: 3 } });
    expect(m.dimensionResults()).to.deep.equal([
      { id: 'first', score: 75, band: 2, answered: 2, items: 2 },
      { id: 'second', score: null, band: null, answered: 1, items: 2 },
      { id: 'all', score: 75, band: 2, answered: 2, items: 3 },
    ]);
    expect(responseScores(m.dimensionResults())).to.deep.equal({ first: { score: 75, band: 2 }, all: { score: 75, band: 2 } });
  });

  it('gives no scores at all when no dimension has enough answers, or the survey has no scoring', () => {
    expect(responseScores(new SurveyModel(three).dimensionResults())).to.equal(undefined);
    expect(new SurveyModel(onePage([agree('a')])).dimensionResults()).to.deep.equal([]);
  });

  describe('bands', () => {
    const d = dim('d', ['a1']);
    for (const [value, band] of [
      [0, 0],
      [39, 0],
      [40, 1],
      [69, 1],
      [70, 2],
      [100, 2],
    ] as const) {
      it(`score ${value} is band ${band}`, () => expect(bandIndex(d, value)).to.equal(band));
    }

    it("is the index in the definition's order, whatever the order of the bands", () => {
      const shuffled = dim('d', ['a1'], [BANDS[2]!, BANDS[0]!, BANDS[1]!]);
      expect([0, 39, 40, 69, 70, 100].map((s) => bandIndex(shuffled, s))).to.deep.equal([1, 1, 2, 2, 0, 0]);
    });

    it('is null for a score no band covers (only possible without parseDefinition)', () => {
      expect(bandIndex(dim('d', ['a1'], [BANDS[0]!]), 50)).to.equal(null);
    });

    it('picks the band of the rounded score from real answers', () => {
      // agree5 4,4,4,4,4,5 → (5 × 0.75 + 1) / 6 = 79.2; 3,4,4,4,4,4 → 4.25 / 6 = 70.8 → 71; 3,3,4,4,4,4 → 4 / 6 = 66.7 → 67
      expect(score(six, { a1: 4, a2: 4, a3: 4, a4: 4, a5: 4, a6: 5 })).to.include({ score: 79, band: 2 });
      expect(score(six, { a1: 3, a2: 4, a3: 4, a4: 4, a5: 4, a6: 4 })).to.include({ score: 71, band: 2 });
      expect(score(six, { a1: 3, a2: 3, a3: 4, a4: 4, a5: 4, a6: 4 })).to.include({ score: 67, band: 1 });
      // 1,2,3,4 of 6 answered → (0 + .25 + .5 + .75) / 4 = 37.5 → 38, band 0; 2,2,3,4 → 43.75 → 44, band 1
      expect(score(six, { a1: 2, a2: 2, a3: 3, a4: 4 })).to.include({ score: 44, band: 1 });
    });
  });
});
