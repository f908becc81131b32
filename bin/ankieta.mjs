#!/usr/bin/env node
// ankieta — command-line tools for survey authors.
//   ankieta survey-from-agenda <agenda.json | -> [--out <file>]
//   ankieta partnership-survey --name <name> [--name-en <name>] [--cross-sector yes|no] [--out <file>]
//   ankieta check <definition.json>...
// Prints the definition (JSON) to stdout, or writes it to --out. A bad agenda exits with status
// 1 and one line per problem on stderr: "<file>: <JSON path>: <message>".
import { readFileSync, writeFileSync } from 'node:fs';

const USAGE = `Usage: ankieta survey-from-agenda <agenda.json | -> [--out <definition.json>]
       ankieta partnership-survey --name <name> [--name-en <name>] [--cross-sector yes|no] [--out <definition.json>]
       ankieta check <definition.json>...
       ankieta --help | --version

Options take their value after a space or an "=" (--name="Partnerstwo Ziemi Opolskiej").

survey-from-agenda: turns an event agenda into a ready post-conference evaluation: one rating
row and one "what could have been better" follow-up per talk or workshop. Use "-" to read stdin.

Agenda: {"title": "…", "date": "YYYY-MM-DD", "place": "…",
         "sessions": [{"type": "talk" | "workshop" | "break", "title": "…", "speakers": ["…"]}]}
Texts may be plain strings or {"pl": "…", "en": "…"}.

partnership-survey: the partnership self-assessment for one partnership, named in its title,
with its own survey id made from the name (so each partnership's responses stay apart).
--cross-sector yes: always ask B6; no: leave it out; default: ask the respondent.

check: checks survey definitions as <ankieta-survey> and the collector load them, with the
checks a JSON Schema cannot make (unique ids, conditions on earlier questions, bands covering
0–100): "ok" and a summary per good file on stdout, one line per problem on stderr
("<file>: <JSON path>: <message>"), exit status 1 if any file is invalid. A warning (exit
status 0) says when text answers at their limits could make a response larger than a collector
accepts by default.`;

/** "1 page", "3 pages": the CLI's messages are in English. */
const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * A file (or stdin) as text: UTF-8, a byte order mark (Notepad's "UTF-8 with BOM") left out. A
 * file in another encoding (Notepad's "ANSI", Windows-1250) is refused: read as UTF-8, its Polish
 * letters would reach the survey as "\ufffd".
 */
function readText(file) {
  const bytes = readFileSync(file === '-' ? 0 : file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('not UTF-8 text (saved as "ANSI" or Windows-1250?): save it as UTF-8');
  }
}

/** A JSON syntax error's "at position 3846" as the line and column an editor shows. */
function located(message, text) {
  return message.replace(/at position (\d+)/, (whole, at) => {
    const before = text.slice(0, Number(at)).split('\n');
    return `${whole} (line ${before.length}, column ${before.at(-1).length + 1})`;
  });
}

/**
 * The other products' survey JSON that someone moving to Ankieta may try first: their files fail
 * with a page of "is required" and "unknown properties", which does not say why.
 */
function otherFormat(text) {
  let json;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object') return undefined;
  const objects = (list) => (Array.isArray(list) ? list.filter((item) => item && typeof item === 'object') : []);
  const formbricks = json.preset && typeof json.preset === 'object' ? json.preset : json;
  if (Array.isArray(formbricks.blocks) || objects(formbricks.questions).some((q) => 'headline' in q)) return 'Formbricks';
  if (
    Array.isArray(json.elements) ||
    objects(json.pages).some((page) => Array.isArray(page.elements)) ||
    objects(json.questions).some((q) => 'name' in q && !('id' in q))
  )
    return 'SurveyJS';
  return undefined;
}

function fail(message, status = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(status);
}

const COMMANDS = ['survey-from-agenda', 'partnership-survey', 'check'];
const [command, ...rest] = process.argv.slice(2);
if (!command) fail(USAGE, 2);
if (command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (command === '--version' || command === '-v') {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  process.exit(0);
}
if (!COMMANDS.includes(command)) fail(`ankieta: unknown command "${command}"\n\n${USAGE}`, 2);

// The options each command takes, and the name each is kept under.
const OPTIONS = {
  'survey-from-agenda': { '--out': 'out', '-o': 'out' },
  'partnership-survey': { '--out': 'out', '-o': 'out', '--name': 'name', '--name-en': 'nameEn', '--cross-sector': 'crossSector' },
  check: {},
}[command];
const args = {};
let input;
const files = [];
for (let i = 0; i < rest.length; i++) {
  // "--name=Foo" is "--name Foo"; its value may start with "-", as it cannot be an option.
  const [arg, joined] = /^--[\w-]+=/.test(rest[i])
    ? [rest[i].slice(0, rest[i].indexOf('=')), rest[i].slice(rest[i].indexOf('=') + 1)]
    : [rest[i]];
  if (arg === '--help' || arg === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else if (Object.hasOwn(OPTIONS, arg)) {
    const value = joined ?? rest[++i];
    // "--name --out x" would take "--out" for the name: a separate value never starts with "-".
    if (value === undefined || value.trim() === '' || (joined === undefined && value.startsWith('-')))
      fail(`ankieta: ${arg} needs a value`, 2);
    if (Object.hasOwn(args, OPTIONS[arg])) fail(`ankieta: ${arg} is given twice`, 2);
    args[OPTIONS[arg]] = value;
  } else if (arg.startsWith('-') && arg !== '-') fail(`ankieta: ${command} has no option "${arg}"\n\n${USAGE}`, 2);
  else if (command === 'survey-from-agenda' && input === undefined) input = arg;
  else if (command === 'check') files.push(arg);
  else fail(`ankieta: unexpected argument "${arg}"\n\n${USAGE}`, 2);
}

let cli;
try {
  cli = await import('../dist/cli.mjs');
} catch {
  fail('ankieta: dist/cli.mjs is missing; build it with "node scripts/build-templates.mjs" (or "npm run build").');
}

if (command === 'check') {
  if (!files.length) fail(`ankieta: give the definition files to check\n\n${USAGE}`, 2);
  let invalid = 0;
  for (const file of files) {
    let text;
    try {
      text = readText(file);
    } catch (error) {
      process.stderr.write(`${file}: cannot read the file (${error.code ?? error.message})\n`);
      invalid++;
      continue;
    }
    const result = cli.parseDefinition(text);
    if (!result.ok) {
      for (const issue of result.issues) process.stderr.write(`${file}: ${issue.path}: ${located(issue.message, text)}\n`);
      const other = otherFormat(text);
      if (other)
        process.stderr.write(
          `${file}: this looks like a ${other} survey. Ankieta reads its own format (README, "Survey definitions"); ` +
            'there is no converter, so the survey has to be written again in it\n',
        );
      invalid++;
      continue;
    }
    const { id, version = 1, pages, scoring } = result.value;
    const questions = pages.flatMap((page) => page.questions).filter((question) => question.type !== 'info').length;
    const scored = scoring ? `, ${count(scoring.dimensions.length, 'scored dimension')}` : '';
    process.stdout.write(
      `ok   ${file}: survey "${id}" version ${version}, ${count(pages.length, 'page')}, ${count(questions, 'question')}${scored}\n`,
    );
    // Answers that pass every field's limit can still make a body the collector refuses (413):
    // the response is then kept on the device as "not delivered", and the organiser never gets it.
    // Personal data (RODO): a heuristic, for the author and the DPO to look at.
    const personal = cli.personalData(result.value);
    if (personal.questions.length && (personal.saysAnonymous || !personal.hasConsent))
      process.stderr.write(
        `${file}: warning: ${personal.questions.map((id) => `"${id}"`).join(', ')} ask${personal.questions.length > 1 ? '' : 's'} for personal data ` +
          (personal.saysAnonymous
            ? 'while the survey says it is anonymous: change that text, or ask for them in a separate survey'
            : 'and there is no consent question with an information clause (RODO art. 13)') +
          ' (README, "Privacy (RODO)")\n',
      );
    const bound = cli.textBound(result.value);
    if (bound.bytes > cli.COLLECTOR_MAX_BODY)
      process.stderr.write(
        `${file}: warning: its text answers may reach ${bound.characters} characters, about ${Math.ceil(bound.bytes / 1024)} KiB, ` +
          `more than a collector accepts by default (256 KiB): lower some maxLength, or start the collector with a larger --max-body\n`,
      );
  }
  process.exit(invalid ? 1 : 0);
}

let definition;
let summary;
if (command === 'survey-from-agenda') {
  if (input === undefined) fail(`ankieta: give the agenda file (or "-" for stdin)\n\n${USAGE}`, 2);
  const name = input === '-' ? '<stdin>' : input;
  let text;
  try {
    text = readText(input);
  } catch (error) {
    fail(`${name}: cannot read the file (${error.code ?? error.message})`);
  }
  try {
    definition = cli.surveyFromAgenda(text);
  } catch (error) {
    if (!Array.isArray(error.issues)) throw error;
    fail(error.issues.map((issue) => `${name}: ${issue.path}: ${located(issue.message, text)}`).join('\n'));
  }
  const sessions = definition.pages.flatMap((p) => p.questions).find((q) => q.id === 'talks')?.rows.length ?? 0;
  summary = count(sessions, 'session');
  // A text given only in the other language is shown as it is (a Polish survey with an English
  // title): legal, but seldom meant.
  const agenda = JSON.parse(text);
  const own = agenda.locale ?? 'pl';
  const texts = [
    ['title', agenda.title],
    ['place', agenda.place],
    ...agenda.sessions.flatMap((session, i) => [
      [`sessions[${i}].title`, session.title],
      ...(session.speakers ?? []).map((speaker, j) => [`sessions[${i}].speakers[${j}]`, speaker]),
    ]),
  ];
  for (const [path, value] of texts)
    if (value && typeof value === 'object' && !(own in value))
      process.stderr.write(
        `${name}: warning: ${path} has no "${own}" text, so the ${own === 'pl' ? 'Polish' : 'English'} survey shows the other one\n`,
      );
} else {
  const name = args.name?.trim();
  if (!name) fail(`ankieta: give the partnership's name with --name\n\n${USAGE}`, 2);
  if (args.crossSector !== undefined && !['yes', 'no'].includes(args.crossSector))
    fail(`ankieta: --cross-sector is "yes" or "no", not "${args.crossSector}"`, 2);
  const nameEn = args.nameEn?.trim();
  try {
    definition = cli.partnershipSelfAssessment({
      partnership: nameEn ? { pl: name, en: nameEn } : name,
      ...(args.crossSector ? { crossSector: args.crossSector === 'yes' } : {}),
    });
  } catch (error) {
    if (!Array.isArray(error.issues)) throw error;
    fail(error.issues.map((issue) => `--name: ${issue.path}: ${issue.message}`).join('\n'));
  }
  summary = 'partnership self-assessment';
}

const output = `${JSON.stringify(definition, null, 2)}\n`;
if (args.out) {
  try {
    writeFileSync(args.out, output);
  } catch (error) {
    fail(`${args.out}: cannot write the file (${error.code ?? error.message})`);
  }
  process.stderr.write(`wrote ${args.out} (survey "${definition.id}", ${summary})\n`);
} else process.stdout.write(output);
