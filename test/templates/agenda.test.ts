import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { agendaSurveyId, parseAgenda, surveyFromAgenda } from '../../src/templates/agenda.js';
import { DefinitionError, parseDefinition, type MatrixQuestion, type SurveyDefinition } from '../../src/schema/index.js';
import { SurveyModel } from '../../src/engine/survey-model.js';
import { untranslated } from './texts.js';

const questions = (d: SurveyDefinition) => d.pages.flatMap((p) => p.questions);

const agenda = {
  title: { pl: 'Współpraca w partnerstwach samorządowych', en: 'Cooperation in local government partnerships' },
  date: '2016-04-18',
  place: 'Opole, ul. Piastowska 14',
  sessions: [
    { type: 'break', title: 'Rejestracja', start: '10:30', end: '11:00' },
    { title: 'Wprowadzenie', speakers: ['Związek Miast Polskich'], start: '11:00', end: '11:30' },
    { id: 'slz', title: { pl: 'Doświadczenia laureata', en: "A laureate's experience" }, speakers: ['Laureat SLZ 2015'] },
    { type: 'break', title: 'Obiad' },
    { type: 'workshop', title: 'Warsztaty', speakers: ['Moderacja: ZMP'] },
  ],
};

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    surveyFromAgenda(input);
  } catch (error) {
    expect(error).to.be.instanceOf(DefinitionError);
    return (error as DefinitionError).issues;
  }
  throw new Error('expected the agenda to be refused');
}

describe('surveyFromAgenda()', () => {
  it('turns an agenda into a valid evaluation with one matrix row per talk or workshop and one follow-up per talk', () => {
    const definition = surveyFromAgenda(agenda);
    expect(parseDefinition(JSON.parse(JSON.stringify(definition))).ok).to.equal(true);
    const talks = questions(definition).find((q) => q.id === 'talks') as MatrixQuestion;
    expect(
      talks.rows.map((r) => r.id),
      'breaks are not evaluated',
    ).to.deep.equal(['s1', 'slz', 's3']);
    const followUps = questions(definition).filter((q) => /^talk_.+_why$/.test(q.id));
    expect(followUps.map((q) => [q.id, q.visibleIf])).to.deep.equal([
      ['talk_s1_why', { question: 'talks', row: 's1', lte: 2 }],
      ['talk_slz_why', { question: 'talks', row: 'slz', lte: 2 }],
    ]);
    expect(
      questions(definition).find((q) => q.id === 'workshop_why')!.visibleIf,
      "the workshop's low row score opens its own box",
    ).to.deep.equal({
      any: [
        { question: 'workshop', lte: 2 },
        { question: 'talks', row: 's3', lte: 2 },
      ],
    });
    expect(talks.rows[1]!.label).to.deep.equal({
      pl: 'Doświadczenia laureata (Laureat SLZ 2015)',
      en: "A laureate's experience (Laureat SLZ 2015)",
    });
    expect(
      questions(definition).some((q) => q.id === 'workshop'),
      'the agenda has a workshop',
    ).to.equal(true);
    expect(untranslated(definition)).to.deep.equal([]);
  });

  it('names the survey after the event and its date', () => {
    const definition = surveyFromAgenda(agenda);
    expect(definition.id).to.equal('wspolpraca-w-partnerstwach-samorzadowych-2016-04-18');
    expect(definition.title).to.deep.equal({
      pl: 'Ocena konferencji „Współpraca w partnerstwach samorządowych”',
      en: 'Evaluation: “Cooperation in local government partnerships”',
    });
    expect((definition.description as { pl: string }).pl).to.match(/^18 kwietnia 2016\u00a0r\., Opole, ul\. Piastowska 14\./);
    expect(surveyFromAgenda({ ...agenda, id: 'opole-2016' }).id).to.equal('opole-2016');
    expect(agendaSurveyId({ ...agenda, title: 'Łódź – żółć!', sessions: [] } as never)).to.equal('lodz-zolc-2016-04-18');
  });

  it('nests quotation marks: a quoted name inside a quoted title gets the inner kind', () => {
    const definition = surveyFromAgenda({
      ...agenda,
      title: { pl: 'Forum „Miasta przyszłości”', en: 'The “Cities of the future” forum' },
      sessions: [{ id: 'slz', title: { pl: 'Laureat konkursu „Lider 2015”', en: 'The “Leader 2015” winner' } }],
    });
    expect(definition.title).to.deep.equal({
      pl: 'Ocena konferencji „Forum «Miasta przyszłości»”',
      en: 'Evaluation: “The ‘Cities of the future’ forum”',
    });
    const why = questions(definition).find((q) => q.id === 'talk_slz_why')!;
    expect(why.title).to.deep.equal({
      pl: 'Co można było zrobić lepiej w wystąpieniu „Laureat konkursu «Lider 2015»”?',
      en: 'What could have been better in “The ‘Leader 2015’ winner”?',
    });
  });

  it('accepts JSON text and leaves out the workshop question when there is no workshop', () => {
    const definition = surveyFromAgenda(
      JSON.stringify({ title: 'Spotkanie', date: '2016-05-10', sessions: [{ title: 'Jedyne wystąpienie' }] }),
    );
    expect(questions(definition).map((q) => q.id)).to.not.include('workshop');
    const model = new SurveyModel(definition);
    model.setAnswer('talks', { s1: 1 });
    expect(model.isShown('talk_s1_why')).to.equal(true);
  });

  it('refuses bad input with the JSON path and a message', () => {
    expect(issuesOf('{"title": ')).to.have.length(1).and.to.have.nested.property('[0].path', '(root)');
    expect(issuesOf(null)).to.deep.equal([{ path: '(root)', message: 'expected an object, got null' }]);
    expect(issuesOf({ title: 'x', date: '2016-04-18' })).to.deep.equal([{ path: 'sessions', message: 'is required' }]);
    expect(issuesOf({ title: 'x', date: '18.04.2016', sessions: [{ title: 'a' }] })).to.deep.equal([
      { path: 'date', message: 'must be a date such as "2016-04-18"' },
    ]);
    expect(issuesOf({ title: 'x', date: '2016-02-30', sessions: [{ title: 'a' }] })[0]!.path).to.equal('date');
    expect(issuesOf({ title: 'x', date: '2016-04-18', talks: [] })).to.deep.include({
      path: '(root)',
      message: 'unknown property "talks"',
    });
    expect(issuesOf({ title: 'x', date: '2016-04-18', sessions: [{ title: 'a' }, { title: '' }] })).to.deep.equal([
      { path: 'sessions[1].title', message: 'must not be empty' },
    ]);
    expect(issuesOf({ title: 'x', date: '2016-04-18', sessions: [{ title: 'a', type: 'panel' }] })[0]).to.include({
      path: 'sessions[0].type',
    });
    expect(issuesOf({ title: 'x', date: '2016-04-18', sessions: [{ title: 'a', speakers: 'Jan' }] })[0]).to.include({
      path: 'sessions[0].speakers',
    });
    expect(issuesOf({ title: 'x', date: '2016-04-18', sessions: [{ title: 'a', start: '9:00' }] })[0]).to.include({
      path: 'sessions[0].start',
      // "such as 11:00" did not show that 9:00 needs its leading zero.
      message: 'must be a time such as "09:30" (two digits for the hour)',
    });
  });

  it('refuses agendas that make no sense as an evaluation', () => {
    expect(issuesOf({ title: 'x', date: '2016-04-18', sessions: [{ type: 'break', title: 'Kawa' }] })).to.deep.equal([
      { path: 'sessions', message: 'needs at least one talk or workshop (breaks are not evaluated)' },
    ]);
    expect(issuesOf({ title: 'x', date: '2016-04-18', sessions: [{ id: 's2', title: 'a' }, { title: 'b' }] })).to.deep.equal([
      { path: 'sessions[1].id', message: 'duplicate session id "s2" (also used by sessions[0])' },
    ]);
    expect(issuesOf({ title: 'x', date: '2016-04-18', sessions: [{ title: 'a', start: '12:00', end: '11:00' }] })).to.deep.equal([
      { path: 'sessions[0].end', message: 'must be after the start (12:00)' },
    ]);
    expect(issuesOf({ title: 'x', date: '2016-04-18', sessions: [{ id: '9lives', title: 'a' }] })[0]).to.include({
      path: 'sessions[0].id',
    });
  });

  it('never throws anything but a DefinitionError, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.record({
          title: fc.jsonValue(),
          date: fc.string(),
          sessions: fc.array(fc.dictionary(fc.constantFrom('id', 'title', 'type', 'speakers', 'start', 'end'), fc.jsonValue()), {
            maxLength: 4,
          }),
        }),
        (any, shaped) => {
          for (const input of [any, shaped]) {
            try {
              const definition = surveyFromAgenda(input);
              expect(parseDefinition(JSON.parse(JSON.stringify(definition))).ok).to.equal(true);
            } catch (error) {
              if (!(error instanceof DefinitionError)) throw error;
              expect(error.issues.length).to.be.greaterThan(0);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parseAgenda() returns the issues instead of throwing', () => {
    const result = parseAgenda({ title: '', date: '2016-04-18', sessions: [{ title: 'a' }] });
    expect(result).to.deep.equal({ ok: false, issues: [{ path: 'title', message: 'must not be empty' }] });
  });
});
