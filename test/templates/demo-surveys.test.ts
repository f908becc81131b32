import { expect } from '@open-wc/testing';
import { partnershipSelfAssessment } from '../../src/templates/partnership.js';
import { surveyFromAgenda } from '../../src/templates/agenda.js';
import { ROLE_OPTIONS } from '../../src/templates/conference.js';

// The collector started by `npm start` checks responses against demo/surveys/*.json, while the
// demo pages build the same surveys with the template builders: the two must not drift apart.
describe('demo survey files', () => {
  const load = async (path: string) => (await fetch(path)).json();

  it('demo/surveys/partnership-self-assessment.json is what the builder makes', async () => {
    expect(await load('/demo/surveys/partnership-self-assessment.json')).to.deep.equal(
      partnershipSelfAssessment({ partnership: 'Partnerstwo Ziemi Przykładowej' }),
    );
  });

  it('demo/surveys/conference-opole-2016.json is what the example agenda makes', async () => {
    const agenda = await load('/src/templates/examples/opole-2016.agenda.json');
    expect(await load('/demo/surveys/conference-opole-2016.json')).to.deep.equal(surveyFromAgenda(agenda));
  });

  it("demo/surveys/sample.json names the roles it shares with the templates in the templates' (gender-neutral) words", async () => {
    const sample = await load('/demo/surveys/sample.json');
    const role = sample.pages.flatMap((page: { questions: unknown[] }) => page.questions).find((q: { id: string }) => q.id === 'role') as {
      options: { value: string; label: { pl: string } }[];
    };
    const polish = (options: { value: string; label: unknown }[]) =>
      Object.fromEntries(options.map((o) => [o.value, (o.label as { pl: string }).pl]));
    const template = polish(ROLE_OPTIONS);
    const shared = Object.entries(polish(role.options)).filter(([value]) => value in template);
    expect(shared.length).to.be.greaterThan(0);
    for (const [value, label] of shared) expect(label, value).to.equal(template[value]);
  });

  it("speak English in English: no Polish left in the demo surveys' English texts but glosses and proper names", async () => {
    // The example agenda had plain Polish strings, copied into "en": an English respondent read
    // "Evaluation: “Współpraca w partnerstwach samorządowych”" and four Polish talk titles.
    const allowed = ['(województwo)', '(powiat)', '(gmina)', '“Partnerstwo Ziemi Przykładowej”'];
    const polish: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (!value || typeof value !== 'object') return;
      const text = value as { pl?: unknown; en?: unknown };
      if (typeof text.pl === 'string' && typeof text.en === 'string') {
        const rest = allowed.reduce((en, gloss) => en.replace(gloss, ''), text.en);
        if (/[ąćęłńóśźż]/i.test(rest)) polish.push(`${path}: ${text.en}`);
        return;
      }
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
    };
    for (const file of ['conference-opole-2016', 'sample', 'partnership-self-assessment'])
      walk(await load(`/demo/surveys/${file}.json`), file);
    expect(polish).to.deep.equal([]);
  });
});
