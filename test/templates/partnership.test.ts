import { expect } from '@open-wc/testing';
import { partnershipSelfAssessment, partnershipSurveyId } from '../../src/templates/partnership.js';
import { parseDefinition, type Question, type SurveyDefinition } from '../../src/schema/index.js';
import { SurveyModel } from '../../src/engine/survey-model.js';
import { untranslated } from './texts.js';

const all = (d: SurveyDefinition): Question[] => d.pages.flatMap((p) => p.questions);
const ids = (d: SurveyDefinition) => all(d).map((q) => q.id);
const A = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
const B = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7'];

/** Scores a set of answers with the engine, the way the survey does on submit. */
function score(definition: SurveyDefinition, answers: Record<string, unknown>) {
  const model = new SurveyModel(definition);
  for (const [id, value] of Object.entries(answers)) model.setAnswer(id, value);
  return Object.fromEntries(model.dimensionResults().map((r) => [r.id, r]));
}

describe('partnershipSelfAssessment()', () => {
  const definition = partnershipSelfAssessment();

  it('is valid under the schema for every cross-sector setting', () => {
    for (const crossSector of [undefined, true, false]) {
      const d = partnershipSelfAssessment(crossSector === undefined ? {} : { crossSector });
      const parsed = parseDefinition(JSON.parse(JSON.stringify(d)));
      expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.issues)).to.equal(true);
    }
  });

  it('has every text in Polish and English', () => {
    expect(untranslated(definition)).to.deep.equal([]);
    expect(
      untranslated(partnershipSelfAssessment({ partnership: { pl: 'Partnerstwo Doliny Nysy', en: 'Nysa Valley Partnership' } })),
    ).to.deep.equal([]);
  });

  it('asks A1–A6 and B1–B7 on agree5 with "nie wiem / nie dotyczy", and the respondent\'s sector', () => {
    for (const id of [...A, ...B])
      expect(
        all(definition).find((q) => q.id === id),
        id,
      ).to.include({ type: 'scale', scale: 'agree5', notApplicable: true, required: true });
    expect(ids(definition)).to.include.members(['sector', 'comments']);
    expect(definition.scoring!.dimensions.map((d) => [d.id, d.questions])).to.deep.equal([
      ['strategic', A],
      ['relationship', B],
    ]);
  });

  it('takes the partnership name from the options, not from a question', () => {
    const named = partnershipSelfAssessment({ partnership: 'Partnerstwo Doliny Nysy' });
    expect(named.title).to.deep.equal({
      pl: 'Samoocena partnerstwa „Partnerstwo Doliny Nysy”',
      en: 'Partnership self-assessment: “Partnerstwo Doliny Nysy”',
    });
    expect(ids(named)).to.deep.equal(ids(definition));
    // Each partnership its own survey id, or their responses would mix in one report.
    expect(named.id).to.equal('partnership-partnerstwo-doliny-nysy');
    expect(partnershipSelfAssessment({ partnership: 'Partnerstwo Ziemi Łódzkiej' }).id).to.equal('partnership-partnerstwo-ziemi-lodzkiej');
    expect(partnershipSelfAssessment({ partnership: 'P', id: 'mine' }).id, 'an explicit id wins').to.equal('mine');
    expect(definition.id, 'no name: the generic id').to.equal('partnership-self-assessment');
    // Names too long for an id, or without Latin letters, still get ids of their own.
    const long = (end: string) => partnershipSurveyId(`Partnerstwo na rzecz rozwoju gmin powiatu strzeleckiego i ${end}`);
    const [a, b] = [long('krapkowickiego'), long('kędzierzyńskiego')];
    expect(a).not.to.equal(b);
    for (const id of [a, b, partnershipSurveyId('Партнерство Дніпро')]) expect(id).to.match(/^partnership-[a-z0-9-]{1,52}$/);
    expect(partnershipSurveyId('Партнерство Дніпро')).not.to.equal('partnership-self-assessment');
    expect(partnershipSurveyId('Партнерство Дніпро'), 'the same name, the same id').to.equal(partnershipSurveyId('Партнерство Дніпро'));
  });

  it('shows B6 only in cross-sector partnerships', () => {
    const shown = (answers: Record<string, unknown>, d = definition) => {
      const model = new SurveyModel(d);
      for (const [id, value] of Object.entries(answers)) model.setAnswer(id, value);
      return model.isShown('b6');
    };
    expect(shown({ sector: 'jst' }), 'a municipality that has not said').to.equal(false);
    expect(shown({ sector: 'jst', cross_sector: 'no' })).to.equal(false);
    expect(shown({ sector: 'jst', cross_sector: 'dont_know' })).to.equal(false);
    expect(shown({ sector: 'jst', cross_sector: 'yes' })).to.equal(true);
    expect(shown({ sector: 'ngo' }), 'an NGO is itself a non-government partner').to.equal(true);
    expect(shown({ sector: 'business' })).to.equal(true);
    expect(shown({ sector: 'jst' }, partnershipSelfAssessment({ crossSector: true }))).to.equal(true);
    expect(ids(partnershipSelfAssessment({ crossSector: false }))).to.not.include('b6');
    expect(ids(partnershipSelfAssessment({ crossSector: true }))).to.not.include('cross_sector');
  });

  it('accepts "Inny sektor" without asking for an "Other" text, and asks about the partnership', () => {
    const model = new SurveyModel(definition);
    model.setAnswer('sector', 'other_sector');
    expect(model.isShown('cross_sector')).to.equal(true);
    model.setAnswer('cross_sector', 'no');
    expect([...model.validatePage(0)]).to.deep.equal([]);
  });

  describe('scoring (hand-computed)', () => {
    it('scores round((mean − 1) / 4 × 100) and picks the band and advice', () => {
      // A: 5,4,4,3,4,4 → mean 4 → 75 (70–100 "Mocna strona"); B (no B6): 2,1,2,3,2,2 → mean 2 → 25 ("Wymaga uwagi").
      const r = score(definition, {
        sector: 'jst',
        cross_sector: 'no',
        a1: 5,
        a2: 4,
        a3: 4,
        a4: 3,
        a5: 4,
        a6: 4,
        b1: 2,
        b2: 1,
        b3: 2,
        b4: 3,
        b5: 2,
        b7: 2,
      });
      expect(r.strategic).to.deep.equal({ id: 'strategic', score: 75, band: 2, answered: 6, items: 6 });
      expect(r.relationship).to.deep.equal({ id: 'relationship', score: 25, band: 0, answered: 6, items: 6 });
      expect(definition.scoring!.dimensions[0]!.bands[2]!.label).to.deep.equal({ pl: 'Mocna strona', en: 'Strong' });
      expect((definition.scoring!.dimensions[1]!.bands[0]!.advice as { pl: string }).pl).to.match(
        /^Warto zorganizować moderowane spotkanie/,
      );
    });

    it('gives its advice in the impersonal register ("Warto …"), not as orders to "you all"', () => {
      const advice = definition.scoring!.dimensions.flatMap((d) => d.bands.map((b) => (b.advice as { pl: string }).pl));
      expect(advice).to.have.length(6);
      for (const text of advice) {
        expect(text, 'impersonal').to.match(/^Warto /);
        expect(text, 'no 2nd-person plural imperative').to.not.match(/\p{L}cie\b/u);
      }
    });

    it('leaves "nie wiem / nie dotyczy" out of the mean', () => {
      // A: 5, na, 5, 4, na, 4 → four answered of six (≥ 2/3), mean 4.5 → 87.5 → 88 (half up).
      const r = score(definition, { sector: 'jst', a1: 5, a2: 'na', a3: 5, a4: 4, a5: 'na', a6: 4 });
      expect(r.strategic).to.include({ score: 88, band: 2, answered: 4, items: 6 });
    });

    it('gives no score below two thirds answered on the scale', () => {
      // Three of six answered (na counts as not answered): 3 × 3 = 9 < 2 × 6 = 12.
      const r = score(definition, { sector: 'jst', a1: 5, a2: 'na', a3: 'na', a4: 'na', a5: 4, a6: 4 });
      expect(r.strategic).to.include({ score: null, band: null, answered: 3, items: 6 });
    });

    it('counts B6 as an item only when it is shown', () => {
      // B without B6: 6 items; four answered is exactly 2/3 → scored. Mean of 4,4,3,5 = 4 → 75.
      const withoutB6 = score(definition, { sector: 'jst', cross_sector: 'no', b1: 4, b2: 4, b3: 3, b4: 5, b5: 'na', b7: 'na' });
      expect(withoutB6.relationship).to.include({ score: 75, answered: 4, items: 6 });
      // An NGO sees B6: 7 items; four answered is below 2/3 (12 < 14) → no score.
      const withB6 = score(definition, { sector: 'ngo', b1: 4, b2: 4, b3: 3, b4: 5, b5: 'na', b6: 'na', b7: 'na' });
      expect(withB6.relationship).to.include({ score: null, answered: 4, items: 7 });
    });

    it('rounds half up (37.5 → 38, 12.5 → 13, 93.75 → 94) and picks the band of the rounded score', () => {
      // Mean (v−1)/4 over answered items. A: 2,3,2,3 → mean 2.5 → 37.5 → 38 (band 0).
      expect(score(definition, { sector: 'jst', a1: 2, a2: 3, a3: 2, a4: 3 }).strategic).to.include({ score: 38, band: 0 });
      // Five answered 3,3,3,2,3 → values .5,.5,.5,.25,.5 → mean .45 → 45 (band 1).
      expect(score(definition, { sector: 'jst', a1: 3, a2: 3, a3: 3, a4: 2, a5: 3 }).strategic).to.include({ score: 45, band: 1 });
      // Six answered: 4,4,4,4,4,3 → (.75×5 + .5)/6 = .708333… → 70.83 → 71 (band 2).
      expect(score(definition, { sector: 'jst', a1: 4, a2: 4, a3: 4, a4: 4, a5: 4, a6: 3 }).strategic).to.include({ score: 71, band: 2 });
      // Four answered 3,4,3,3 → (.5+.75+.5+.5)/4 = .5625 → 56.25 → 56.
      expect(score(definition, { sector: 'jst', a1: 3, a2: 4, a3: 3, a4: 3 }).strategic).to.include({ score: 56, band: 1 });
      // B without B6, six answered 3,3,3,3,3,4 → (.5×5+.75)/6 = .541666… → 54.17 → 54.
      expect(score(definition, { sector: 'jst', cross_sector: 'no', b1: 3, b2: 3, b3: 3, b4: 3, b5: 3, b7: 4 }).relationship).to.include({
        score: 54,
      });
      // Two answered of six for A fails; 4 answered 1,1,1,2 → .0625 → 6.25 → 6.
      expect(score(definition, { sector: 'jst', a1: 1, a2: 1, a3: 1, a4: 2 }).strategic).to.include({ score: 6, band: 0 });
      // 4 answered 4,4,4,5 → (.75×3+1)/4 = .8125 → 81.25 → 81; 4,5,5,5 → .9375 → 93.75 → 94; 1,1,2,2 → .125 → 12.5 → 13.
      expect(score(definition, { sector: 'jst', a1: 4, a2: 4, a3: 4, a4: 5 }).strategic).to.include({ score: 81 });
      expect(score(definition, { sector: 'jst', a1: 4, a2: 5, a3: 5, a4: 5 }).strategic).to.include({ score: 94 });
      expect(score(definition, { sector: 'jst', a1: 1, a2: 1, a3: 2, a4: 2 }).strategic).to.include({ score: 13, band: 0 });
    });

    it('puts band edges in the upper band: 40 is "W rozwoju", 70 is "Mocna strona"', () => {
      // Five answered 3,3,3,2,2 → (2+2+2+1+1)/20 = .40; 4,4,4,4,3 → 14/20 = .70.
      expect(score(definition, { sector: 'jst', a1: 3, a2: 3, a3: 3, a4: 2, a5: 2 }).strategic).to.include({ score: 40, band: 1 });
      expect(score(definition, { sector: 'jst', a1: 4, a2: 4, a3: 4, a4: 4, a5: 3 }).strategic).to.include({ score: 70, band: 2 });
    });
  });
});
