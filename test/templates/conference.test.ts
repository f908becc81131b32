import { expect } from '@open-wc/testing';
import { conferenceEvaluation, type Session } from '../../src/templates/conference.js';
import { DefinitionError, parseDefinition, type MatrixQuestion, type Question, type SurveyDefinition } from '../../src/schema/index.js';
import { SurveyModel } from '../../src/engine/survey-model.js';
import { texts, untranslated } from './texts.js';

const sessions: Session[] = [
  { id: 'keynote', title: { pl: 'Partnerstwa w polityce rozwoju', en: 'Partnerships in development policy' }, speakers: ['Anna Nowak'] },
  { title: 'Zarządzanie strategiczne w partnerstwie', speakers: ['Jan Kowalski', 'Ewa Wiśniewska'] },
  { type: 'workshop', title: 'Narzędzia współpracy' },
];

const all = (d: SurveyDefinition): Question[] => d.pages.flatMap((p) => p.questions);
const byId = (d: SurveyDefinition, id: string) => all(d).find((q) => q.id === id);

describe('conferenceEvaluation()', () => {
  const definition = conferenceEvaluation({
    id: 'opole-2016',
    event: 'Współpraca w partnerstwach samorządowych',
    date: '2016-04-18',
    place: 'Opole',
    sessions,
  });

  it('is valid under the schema, with and without sessions', () => {
    for (const d of [definition, conferenceEvaluation(), conferenceEvaluation({ workshops: false })]) {
      const parsed = parseDefinition(JSON.parse(JSON.stringify(d)));
      expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.issues)).to.equal(true);
    }
  });

  it('has every text in Polish and English', () => {
    expect(texts(definition).length).to.be.greaterThan(40);
    expect(untranslated(definition)).to.deep.equal([]);
  });

  it('asks what the brief asks, in its order', () => {
    const ids = all(definition).map((q) => q.id);
    const expected = [
      'role',
      'jst_type',
      'partner_status',
      'overall',
      'talks',
      'workshop',
      'workshop_why',
      'relevance',
      'engage',
      'org',
      'org_why',
      'apply',
      'apply_what',
      'nps',
      'nps_why',
      'topics',
      'comments',
    ];
    expect(ids.filter((id) => expected.includes(id))).to.deep.equal(expected);
    expect(byId(definition, 'nps')!.type).to.equal('nps');
    expect(byId(definition, 'overall')).to.include({ type: 'scale', scale: 'quality5', required: true });
    expect(byId(definition, 'workshop')).to.include({ scale: 'agree5', notApplicable: true });
    expect((byId(definition, 'org') as MatrixQuestion).rows.map((r) => r.id)).to.deep.equal([
      'info',
      'venue',
      'timing',
      'materials',
      'catering',
    ]);
    expect(
      (byId(definition, 'org') as MatrixQuestion).notApplicable,
      '"not present" (the quality scale\'s own N/A) does not fit the catering or the materials',
    ).to.deep.equal({ pl: 'Nie dotyczy / trudno ocenić', en: 'N/A / cannot judge' });
  });

  it('opens with the anonymity note and asks for no personal data in every free-text box', () => {
    const first = definition.pages[0]!.questions[0]!;
    expect(first.type).to.equal('info');
    expect(JSON.stringify(first)).to.include('Ankieta jest anonimowa').and.include('This survey is anonymous');
    const boxes = all(definition).filter((q) => q.type === 'text');
    expect(boxes.length, 'the follow-ups of every session, the workshop, organisation, takeaways, NPS and comments').to.be.greaterThan(8);
    for (const box of boxes)
      expect(JSON.stringify(box.type === 'text' ? box.hint : {}), box.id)
        .to.include('danych osobowych')
        .and.include('personal data');
  });

  it('names the event, the place and the date in both languages', () => {
    expect(definition.title).to.deep.equal({
      pl: 'Ocena konferencji „Współpraca w partnerstwach samorządowych”',
      en: 'Evaluation: “Współpraca w partnerstwach samorządowych”',
    });
    expect((definition.description as { pl: string }).pl).to.match(/^18 kwietnia 2016\u00a0r\., Opole\./);
    expect((definition.description as { en: string }).en).to.match(/^18 April 2016, Opole\./);
  });

  it('makes one matrix row per session and one follow-up per talk, shown only after a low score of that talk', () => {
    const talks = byId(definition, 'talks') as MatrixQuestion;
    expect(talks.rows.map((r) => r.id)).to.deep.equal(['keynote', 's2', 's3']);
    expect(talks.rows[1]!.label).to.deep.equal({
      pl: 'Zarządzanie strategiczne w partnerstwie (Jan Kowalski, Ewa Wiśniewska)',
      en: 'Zarządzanie strategiczne w partnerstwie (Jan Kowalski, Ewa Wiśniewska)',
    });
    expect(byId(definition, 'talk_keynote_why')!.visibleIf).to.deep.equal({ question: 'talks', row: 'keynote', lte: 2 });
    expect((byId(definition, 'talk_keynote_why')!.title as { en: string }).en).to.equal(
      'What could have been better in “Partnerships in development policy”?',
    );

    const model = new SurveyModel(definition);
    model.setAnswer('talks', { keynote: 2, s2: 3, s3: 'na' });
    expect(['talk_keynote_why', 'talk_s2_why'].map((id) => model.isShown(id))).to.deep.equal([true, false]);
  });

  it('asks "what could have been better" about a workshop once: a low row score opens the workshop question\'s own follow-up', () => {
    expect(byId(definition, 'talk_s3_why'), 'no second "why" box for the workshop').to.equal(undefined);
    const model = new SurveyModel(definition);
    model.setAnswer('talks', { keynote: 4, s2: 4, s3: 4 });
    model.setAnswer('workshop', 4);
    expect(model.isShown('workshop_why')).to.equal(false);
    model.setAnswer('talks', { keynote: 4, s2: 4, s3: 2 });
    expect(model.isShown('workshop_why'), 'the workshop row scored 2').to.equal(true);
    model.setAnswer('talks', { keynote: 1, s2: 1, s3: 'na' });
    expect(model.isShown('workshop_why'), 'low talk scores are not about the workshop').to.equal(false);

    const withoutQuestion = conferenceEvaluation({ sessions, workshops: false });
    expect(
      (byId(withoutQuestion, 'talk_s3_why')!.title as { pl: string }).pl,
      'without the workshop question, the row keeps its own',
    ).to.equal('Co można było zrobić lepiej podczas warsztatów „Narzędzia współpracy”?');
  });

  it('asks "why" only after low scores: ≤ 2 on five points, ≤ 6 on the recommendation score, any organisation row ≤ 2', () => {
    const model = new SurveyModel(definition);
    model.setAnswer('workshop', 3);
    model.setAnswer('nps', 7);
    model.setAnswer('org', { info: 5, venue: 3 });
    model.setAnswer('apply', 3);
    expect(['workshop_why', 'nps_why', 'org_why', 'apply_what'].map((id) => model.isShown(id))).to.deep.equal([false, false, false, false]);
    model.setAnswer('workshop', 2);
    model.setAnswer('nps', 6);
    model.setAnswer('org', { info: 5, venue: 2 });
    model.setAnswer('apply', 4);
    expect(['workshop_why', 'nps_why', 'org_why', 'apply_what'].map((id) => model.isShown(id))).to.deep.equal([true, true, true, true]);
    model.setAnswer('workshop', 'na');
    expect(model.isShown('workshop_why'), '"not applicable" is not a low score').to.equal(false);
  });

  it('accepts "Inne" as a role without asking for an "Other" text', () => {
    const model = new SurveyModel(definition);
    model.setAnswer('role', 'other_role');
    expect([...model.validatePage(0)]).to.deep.equal([]);
    const options = all(definition).flatMap((q) => (q.type === 'choice' && !q.other ? q.options.map((o) => o.value) : []));
    expect(options, '"other" is reserved for "Other – please specify"').to.not.include('other');
  });

  it('leaves out the matrix without sessions and the workshop questions when asked to', () => {
    const plain = conferenceEvaluation({ workshops: false });
    expect(byId(plain, 'talks')).to.equal(undefined);
    expect(byId(plain, 'workshop')).to.equal(undefined);
    expect(byId(plain, 'workshop_why')).to.equal(undefined);
  });

  it('throws a DefinitionError with the path for a session id that cannot be a row id', () => {
    expect(() => conferenceEvaluation({ sessions: [{ id: '1st talk', title: 'x' }] }))
      .to.throw(DefinitionError)
      .with.property('message')
      .that.match(/^pages\[1\]\.questions\[2\]\.rows\[0\]\.id: must start with a letter/);
  });
});
