// The agenda CLI, as a user runs it. Run with: node --test test/templates/cli.node.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTemplates } from '../../scripts/build-templates.mjs';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/ankieta.mjs');
const fixture = (name) => join(root, 'test/templates/fixtures', name);
const run = (args, options = {}) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, ...options });

let scratch;
before(async () => {
  await buildTemplates();
  scratch = mkdtempSync(join(tmpdir(), 'ankieta-cli-'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('dist/templates/agenda.schema.json', () => {
  it('tells an editor what an agenda id may be, as the CLI checks it', () => {
    const schema = JSON.parse(readFileSync(join(root, 'dist/templates/agenda.schema.json'), 'utf8'));
    assert.equal(schema.properties.id.type, 'string');
    assert.ok(new RegExp(schema.properties.id.pattern).test('opole-2016'));
    assert.ok(!new RegExp(schema.properties.id.pattern).test('Konferencja 2016'));
  });
});

describe('ankieta survey-from-agenda', () => {
  it('prints a ready evaluation for a good agenda: one row per talk or workshop and one follow-up per talk', () => {
    const result = run(['survey-from-agenda', fixture('agenda-good.json')]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    const definition = JSON.parse(result.stdout);
    const questions = definition.pages.flatMap((p) => p.questions);
    const talks = questions.find((q) => q.id === 'talks');
    assert.deepEqual(
      talks.rows.map((r) => r.id),
      ['otwarcie', 'strategia', 'relacje', 'warsztaty'],
    );
    assert.deepEqual(
      questions.filter((q) => q.visibleIf?.question === 'talks').map((q) => [q.id, q.visibleIf.row]),
      [
        ['talk_otwarcie_why', 'otwarcie'],
        ['talk_strategia_why', 'strategia'],
        ['talk_relacje_why', 'relacje'],
      ],
    );
    assert.deepEqual(questions.find((q) => q.id === 'workshop_why').visibleIf, {
      any: [
        { question: 'workshop', lte: 2 },
        { question: 'talks', row: 'warsztaty', lte: 2 },
      ],
    });
    assert.equal(definition.id, 'wspolpraca-w-partnerstwach-samorzadowych-2016-04-18');
    assert.equal(definition.title.pl, 'Ocena konferencji „Współpraca w partnerstwach samorządowych”');
  });

  it('reads an agenda saved with a byte order mark, refuses one not in UTF-8, and says where a JSON mistake is', () => {
    const good = readFileSync(fixture('agenda-good.json'));
    const bom = join(scratch, 'bom.json');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good]));
    const withBom = run(['survey-from-agenda', bom]);
    assert.equal(withBom.status, 0, withBom.stderr);
    assert.equal(JSON.parse(withBom.stdout).id, 'wspolpraca-w-partnerstwach-samorzadowych-2016-04-18');
    // Notepad's "ANSI" (Windows-1250): a Polish letter is one byte ("ó" 0xF3), which read as UTF-8 became "\ufffd".
    const ansi = join(scratch, 'ansi.json');
    writeFileSync(ansi, Buffer.from(good.toString('utf8').replace('Współpraca', 'Wsp\u00f3lpraca'), 'latin1'));
    const refused = run(['survey-from-agenda', ansi]);
    assert.equal(refused.status, 1);
    assert.match(
      refused.stderr,
      /ansi\.json: cannot read the file \(not UTF-8 text \(saved as "ANSI" or Windows-1250\?\): save it as UTF-8\)/,
    );
    const comma = join(scratch, 'comma.json');
    writeFileSync(comma, '{\n  "title": "Konferencja",\n  "date": "2016-04-18",\n}\n');
    const mistake = run(['survey-from-agenda', comma]);
    assert.equal(mistake.status, 1);
    assert.match(mistake.stderr, /is not valid JSON \(.* \(line 4, column 1\)\)/);
  });

  it('warns of a text given only in English, which the Polish survey would show as it is', () => {
    const agenda = JSON.parse(readFileSync(fixture('agenda-good.json'), 'utf8'));
    agenda.sessions[1].title = { en: 'Funding regeneration – what works?' };
    const file = join(scratch, 'english-title.json');
    writeFileSync(file, JSON.stringify(agenda));
    const result = run(['survey-from-agenda', file]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, `${file}: warning: sessions[1].title has no "pl" text, so the Polish survey shows the other one\n`);
  });

  it('writes the definition to --out and says so on stderr', () => {
    const out = join(scratch, 'evaluation.json');
    const result = run(['survey-from-agenda', fixture('agenda-good.json'), '--out', out]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(
      result.stderr,
      /^wrote .*evaluation\.json \(survey "wspolpraca-w-partnerstwach-samorzadowych-2016-04-18", 4 sessions\)\n$/,
    );
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).pages.length, 4);
  });

  it('reads the agenda from stdin with "-"', () => {
    const result = run(['survey-from-agenda', '-'], {
      input: JSON.stringify({ title: 'Spotkanie', date: '2016-05-10', sessions: [{ title: 'Jedno' }] }),
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).id, 'spotkanie-2016-05-10');
  });

  it('reports every problem of a bad agenda with the file and the JSON path, and exits 1', () => {
    const result = run(['survey-from-agenda', fixture('agenda-bad.json')]);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trim().split('\n');
    const file = fixture('agenda-bad.json');
    assert.deepEqual(lines, [
      `${file}: date: must be a date such as "2016-04-18"`,
      `${file}: sessions[1].title: must not be empty`,
      `${file}: sessions[2].type: must be one of "talk", "workshop", "break", got the text "panel"`,
    ]);
  });

  it('reports text that is not JSON, a missing file, and a wrong command', () => {
    const notJson = run(['survey-from-agenda', '-'], { input: '{"title": "x",' });
    assert.equal(notJson.status, 1);
    assert.match(notJson.stderr, /^<stdin>: \(root\): is not valid JSON/);

    const missing = run(['survey-from-agenda', join(scratch, 'no-such.json')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no-such\.json: cannot read the file \(ENOENT\)/);

    const unknown = run(['agenda-to-survey', 'x.json']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command "agenda-to-survey"[\s\S]*Usage: ankieta survey-from-agenda/);

    // Without a command it is an error: the usage goes to stderr, stdout stays empty for pipes.
    const bare = run([]);
    assert.equal(bare.status, 2);
    assert.equal(bare.stdout, '');
    assert.match(bare.stderr, /^Usage: ankieta survey-from-agenda/);
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: ankieta survey-from-agenda/);
  });

  it('prints its version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-v']) {
      const result = run([flag]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, `${version}\n`);
    }
  });

  it('runs as `npx ankieta` from an installed package', () => {
    const project = join(scratch, 'site');
    mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(root, join(project, 'node_modules', 'ankieta'), 'dir');
    symlinkSync(join('..', 'ankieta', 'bin', 'ankieta.mjs'), join(project, 'node_modules', '.bin', 'ankieta'));
    const result = spawnSync('npx', ['--no-install', 'ankieta', 'survey-from-agenda', fixture('agenda-good.json')], {
      cwd: project,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).pages[1].questions.find((q) => q.id === 'talks').rows.length, 4);
  });
});

describe('ankieta partnership-survey', () => {
  it("prints one partnership's self-assessment: its name in the title, its own survey id", () => {
    const result = run(['partnership-survey', '--name', 'Partnerstwo Ziemi Łódzkiej', '--name-en', 'Łódź Land Partnership']);
    assert.equal(result.status, 0, result.stderr);
    const definition = JSON.parse(result.stdout);
    assert.equal(definition.id, 'partnership-partnerstwo-ziemi-lodzkiej');
    assert.deepEqual(definition.title, {
      pl: 'Samoocena partnerstwa „Partnerstwo Ziemi Łódzkiej”',
      en: 'Partnership self-assessment: “Łódź Land Partnership”',
    });
    const other = JSON.parse(run(['partnership-survey', '--name', 'Partnerstwo Doliny Nysy']).stdout);
    assert.equal(other.id, 'partnership-partnerstwo-doliny-nysy', 'another partnership, another id');
  });

  it('leaves B6 out or always asks it with --cross-sector, and writes --out', () => {
    const ids = (args) =>
      JSON.parse(run(['partnership-survey', '--name', 'P', ...args]).stdout)
        .pages.flatMap((p) => p.questions)
        .map((q) => q.id);
    assert.equal(ids(['--cross-sector', 'no']).includes('b6'), false);
    assert.equal(ids(['--cross-sector', 'yes']).includes('cross_sector'), false, 'no need to ask');
    assert.equal(ids([]).includes('cross_sector'), true, 'by default the respondent is asked');
    const out = join(scratch, 'partnership.json');
    const written = run(['partnership-survey', '--name', 'Partnerstwo A', '--out', out]);
    assert.equal(written.status, 0, written.stderr);
    assert.equal(written.stderr, 'wrote ' + out + ' (survey "partnership-partnerstwo-a", partnership self-assessment)\n');
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).id, 'partnership-partnerstwo-a');
  });

  it('takes --option=value as well as --option value', () => {
    const result = run([
      'partnership-survey',
      '--name=Partnerstwo Ziemi Opolskiej',
      '--cross-sector=no',
      `--out=${join(scratch, 'eq.json')}`,
    ]);
    assert.equal(result.status, 0, result.stderr);
    const definition = JSON.parse(readFileSync(join(scratch, 'eq.json'), 'utf8'));
    assert.equal(definition.id, 'partnership-partnerstwo-ziemi-opolskiej');
    const ids = definition.pages.flatMap((p) => p.questions).map((q) => q.id);
    assert.equal(ids.includes('cross_sector') || ids.includes('b6'), false, '--cross-sector=no was taken');
    const empty = run(['partnership-survey', '--name=']);
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /--name needs a value/);
  });

  it('explains a missing name and a bad --cross-sector', () => {
    const missing = run(['partnership-survey']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /give the partnership's name with --name/);
    const bad = run(['partnership-survey', '--name', 'P', '--cross-sector', 'maybe']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--cross-sector is "yes" or "no", not "maybe"/);
  });

  it("refuses an empty or missing value, a value that is an option, an option given twice, and the other command's options", () => {
    const cases = [
      [['partnership-survey', '--name', 'P', '--out', ''], /--out needs a value/],
      [['partnership-survey', '--name', '--cross-sector', 'yes'], /--name needs a value/],
      [['partnership-survey', '--name', 'A', '--name', 'B'], /--name is given twice/],
      [['survey-from-agenda', fixture('agenda-good.json'), '--name', 'Foo'], /survey-from-agenda has no option "--name"/],
      [['survey-from-agenda', fixture('agenda-good.json'), '--out'], /--out needs a value/],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '', 'nothing printed as if it worked');
    }
  });

  it('says in one line when --out cannot be written', () => {
    const result = run(['partnership-survey', '--name', 'P', '--out', join(scratch, 'no-such-dir', 'x.json')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^\S+x\.json: cannot write the file \(ENOENT\)\n$/);
  });
});

describe('ankieta check', () => {
  it('says ok with a summary for good definitions and exits 0', () => {
    const files = ['demo/surveys/sample.json', 'demo/surveys/partnership-self-assessment.json'];
    const result = run(['check', ...files]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.deepEqual(result.stdout.trim().split('\n'), [
      'ok   demo/surveys/sample.json: survey "demo-spotkanie" version 1, 3 pages, 7 questions',
      'ok   demo/surveys/partnership-self-assessment.json: survey "partnership-partnerstwo-ziemi-przykladowej" version 1, 4 pages, 16 questions, 2 scored dimensions',
    ]);
  });

  it('says "1 page, 1 question, 1 scored dimension", not "1 pages"', () => {
    const one = join(scratch, 'one.json');
    writeFileSync(
      one,
      JSON.stringify({
        id: 'one',
        title: 'Jedno',
        pages: [{ id: 'p', questions: [{ id: 'q', type: 'scale', title: 'Ocena', scale: 'agree5' }] }],
        scoring: {
          dimensions: [
            {
              id: 'd',
              title: 'Obszar',
              questions: ['q'],
              bands: [
                { min: 0, max: 49, label: 'Niski' },
                { min: 50, max: 100, label: 'Wysoki' },
              ],
            },
          ],
        },
      }),
    );
    const result = run(['check', one]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /survey "one" version 1, 1 page, 1 question, 1 scored dimension\n/);
  });

  it('says when a file is another product’s survey (SurveyJS, Formbricks), and not of one of ours', () => {
    // The shapes of /work/shared/corpus: SurveyJS pages[].elements or a root elements/questions
    // list with `name`s; a Formbricks template's preset with blocks, or questions with headlines.
    const files = {
      surveyjs: { pages: [{ name: 'page1', elements: [{ type: 'rating', name: 'q1', title: 'How?' }] }] },
      surveyjsFlat: { questions: [{ type: 'text', name: 'q1' }] },
      formbricks: { id: 'nps', name: 'NPS', preset: { name: 'NPS', blocks: [] } },
      formbricksSurvey: { questions: [{ id: 'q1', type: 'nps', headline: { default: 'How likely…?' } }] },
      ours: { id: 'zla', title: 'Zła', pages: [{ id: 'p', questions: [{ id: 'q', type: 'ratng', title: 'Q' }] }] },
    };
    for (const [name, json] of Object.entries(files)) writeFileSync(join(scratch, `${name}.json`), JSON.stringify(json));
    const said = (name) => {
      const result = run(['check', join(scratch, `${name}.json`)]);
      assert.equal(result.status, 1, name);
      return result.stderr.match(/this looks like an? (\w+) survey\. Ankieta reads its own format \(README, "Survey definitions"\)/)?.[1];
    };
    assert.equal(said('surveyjs'), 'SurveyJS');
    assert.equal(said('surveyjsFlat'), 'SurveyJS');
    assert.equal(said('formbricks'), 'Formbricks');
    assert.equal(said('formbricksSurvey'), 'Formbricks');
    assert.equal(said('ours'), undefined);
  });

  it('reports the problems a JSON Schema cannot see, with file and JSON path, checks the other files too, and exits 1', () => {
    const bad = join(scratch, 'bad.json');
    const definition = {
      id: 'zla',
      title: 'Zła',
      pages: [
        {
          id: 'p',
          questions: [
            { id: 'a', type: 'rating', title: 'A', visibleIf: { question: 'b', answered: true } },
            { id: 'b', type: 'rating', title: 'B' },
            { id: 'b', type: 'text', title: 'C' },
          ],
        },
      ],
    };
    writeFileSync(bad, JSON.stringify(definition));
    const result = run(['check', bad, join(scratch, 'no-such.json'), 'demo/surveys/sample.json']);
    assert.equal(result.status, 1);
    const lines = result.stderr.trim().split('\n');
    assert.ok(
      lines.some((line) => line.startsWith(`${bad}: pages[0].questions[2].id: duplicate question id "b"`)),
      result.stderr,
    );
    assert.ok(
      lines.some((line) => line.startsWith(`${bad}: pages[0].questions[0].visibleIf`)),
      result.stderr,
    );
    assert.ok(
      lines.some((line) => /no-such\.json: cannot read the file \(ENOENT\)/.test(line)),
      result.stderr,
    );
    assert.match(result.stdout, /^ok {3}demo\/surveys\/sample\.json: /);
  });

  it('tells questions that ask for personal data from ones that only mention e-mail or contact (text answers only)', () => {
    const asks = [
      'Numer PESEL',
      'Imie i nazwisko',
      'Podaj swój mail',
      'Podaj nr. telefonu',
      'Twój numer komórki',
      'Kontakt (e-mail lub telefon)',
      'Jak się nazywasz?',
      'Telephone number',
      'What is your name?',
      'Contact e-mail',
    ];
    const mentions = [
      'Podaj powód rezygnacji z newslettera e-mail',
      'Podaj, który kanał kontaktu wolisz: e-mail czy telefon',
      'Wpisz, czy dodzwoniłeś się na numer telefonu podany na stronie',
      'Jak ocenia Pan/Pani kontakt z organizatorem?',
      'Kontakt z urzędem był…',
    ];
    const file = join(scratch, 'wzmianki.json');
    const text = (titles, prefix) => titles.map((title, i) => ({ id: `${prefix}${i}`, type: 'text', title }));
    writeFileSync(
      file,
      JSON.stringify({
        id: 'wzmianki',
        title: 'Ankieta anonimowa',
        pages: [
          {
            id: 'p',
            questions: [
              ...text(asks, 'a'),
              ...text(mentions, 'm'),
              // Not entered as text: a rating of how clear the contact details were.
              { id: 'r', type: 'rating', title: 'Dane kontaktowe organizatora były czytelne?' },
            ],
          },
        ],
      }),
    );
    const result = run(['check', file]);
    assert.equal(result.status, 0);
    assert.equal(result.stderr.match(/warning: (.*?) ask/)?.[1], asks.map((_, i) => `"a${i}"`).join(', '));
    // A consent that mentions an administrator but names no controller is no information clause.
    const consent = join(scratch, 'zgoda-strony.json');
    writeFileSync(
      consent,
      JSON.stringify({
        id: 'zgoda-strony',
        title: 'Materiały',
        pages: [
          {
            id: 'p',
            questions: [
              { id: 'mail', type: 'text', format: 'email', title: 'E-mail' },
              { id: 'z', type: 'consent', title: 'Zgoda', text: 'Zgadzam się na przesłanie materiałów przez administratora strony.' },
            ],
          },
        ],
      }),
    );
    assert.match(
      run(['check', consent]).stderr,
      /"mail" asks for personal data and there is no consent question with an information clause/,
    );
  });

  it('warns when a survey asks for personal data while it says it is anonymous, or without a consent question', () => {
    const write = (name, definition) => {
      const file = join(scratch, name);
      writeFileSync(file, JSON.stringify(definition));
      return file;
    };
    const page = (...questions) => [{ id: 'p', questions: [{ id: 'ocena', type: 'rating', title: 'Ocena' }, ...questions] }];
    const anonymous = write('anonimowa.json', {
      id: 'anonimowa',
      title: 'Ankieta',
      description: 'Ankieta jest anonimowa.',
      pages: page({ id: 'kto', type: 'text', title: 'Imię i nazwisko' }, { id: 'mail', type: 'text', format: 'email', title: 'Kontakt' }),
    });
    const noClause = write('bez-klauzuli.json', {
      id: 'bez-klauzuli',
      title: 'Zapisy',
      pages: page({ id: 'tel', type: 'text', title: { pl: 'Numer telefonu', en: 'Phone number' } }),
    });
    const withClause = write('z-klauzula.json', {
      id: 'z-klauzula',
      title: 'Zapisy na materiały',
      pages: page(
        { id: 'mail', type: 'text', format: 'email', title: 'Adres e-mail' },
        { id: 'zgoda', type: 'consent', title: 'Zgoda', text: 'Administratorem danych jest…', label: 'Zgadzam się' },
      ),
    });
    const notPersonal = write('prelegenci.json', {
      id: 'prelegenci',
      title: 'Ankieta (nie jest anonimowa)',
      pages: page(
        { id: 'kogo', type: 'text', title: 'Podaj nazwisko prelegenta, którego chcesz usłyszeć' },
        { id: 'news', type: 'rating', title: 'Jak oceniasz nasz newsletter e-mail?' },
        { id: 'zgoda', type: 'consent', title: 'Zgoda na kontakt e-mail', text: 'Administratorem danych jest…', label: 'Zgadzam się' },
      ),
    });
    // An e-mail asked for in a sentence, contact details, and a consent that is no clause (DPO review).
    const bareConsent = write('zgoda-bez-klauzuli.json', {
      id: 'zgoda-bez-klauzuli',
      title: 'Materiały',
      pages: page(
        { id: 'adres', type: 'text', title: 'Proszę podać adres e-mail, na który wyślemy materiały' },
        { id: 'kontakt', type: 'text', title: 'Dane kontaktowe (opcjonalnie)' },
        { id: 'en', type: 'text', title: { pl: 'Adres', en: 'Please enter your e-mail' } },
        { id: 'zgoda', type: 'consent', title: 'Zgoda', text: 'Zgadzam się.' },
      ),
    });
    const result = run(['check', anonymous, noClause, withClause, notPersonal, bareConsent, 'demo/surveys/conference-opole-2016.json']);
    assert.equal(result.status, 0, 'warnings, not errors');
    assert.equal(
      result.stderr,
      `${anonymous}: warning: "kto", "mail" ask for personal data while the survey says it is anonymous: change that text, or ask for them in a separate survey (README, "Privacy (RODO)")\n` +
        `${noClause}: warning: "tel" asks for personal data and there is no consent question with an information clause (RODO art. 13) (README, "Privacy (RODO)")\n` +
        `${bareConsent}: warning: "adres", "kontakt", "en" ask for personal data and there is no consent question with an information clause (RODO art. 13) (README, "Privacy (RODO)")\n`,
    );
    assert.equal(result.stdout.split('\n').filter(Boolean).length, 6);
  });

  it('warns when text answers at their limits could make a response larger than a collector accepts by default', () => {
    const big = join(scratch, 'big.json');
    const text = (n) => ({ id: `t${n}`, type: 'text', title: `T${n}`, multiline: true, maxLength: 20000 });
    writeFileSync(
      big,
      JSON.stringify({ id: 'duza', title: 'Duża', pages: [{ id: 'p', questions: Array.from({ length: 7 }, (_, n) => text(n)) }] }),
    );
    const result = run(['check', big, 'demo/surveys/conference-opole-2016.json']);
    assert.equal(result.status, 0, 'a warning, not an error');
    assert.match(result.stdout, /^ok {3}.*big\.json: survey "duza"/m);
    assert.equal(
      result.stderr,
      `${big}: warning: its text answers may reach 140000 characters, about 274 KiB, more than a collector accepts by default (256 KiB): lower some maxLength, or start the collector with a larger --max-body\n`,
    );
  });

  it('needs at least one file', () => {
    const result = run(['check']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /give the definition files to check/);
  });
});
