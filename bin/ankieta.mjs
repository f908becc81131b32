#!/usr/bin/env node
// ankieta — command-line tools for survey authors.
//   ankieta survey-from-agenda <agenda.json | -> [--out <file>]
// Prints the evaluation definition (JSON) to stdout, or writes it to --out. A bad agenda exits
// with status 1 and one line per problem on stderr: "<file>: <JSON path>: <message>".
import { readFileSync, writeFileSync } from 'node:fs';

const USAGE = `Usage: ankieta survey-from-agenda <agenda.json | -> [--out <definition.json>]

Turns an event agenda into a ready post-conference evaluation: one rating row and one
"what could have been better" follow-up per talk or workshop. Use "-" to read stdin.

Agenda: {"title": "…", "date": "YYYY-MM-DD", "place": "…",
         "sessions": [{"type": "talk" | "workshop" | "break", "title": "…", "speakers": ["…"]}]}
Texts may be plain strings or {"pl": "…", "en": "…"}.`;

function fail(message, status = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(status);
}

const [command, ...rest] = process.argv.slice(2);
if (!command || command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(command ? 0 : 2);
}
if (command !== 'survey-from-agenda') fail(`ankieta: unknown command "${command}"\n\n${USAGE}`, 2);

let input;
let out;
for (let i = 0; i < rest.length; i++) {
  const arg = rest[i];
  if (arg === '--out' || arg === '-o') {
    out = rest[++i];
    if (!out) fail('ankieta: --out needs a file name', 2);
  } else if (arg === '--help' || arg === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else if (input === undefined) input = arg;
  else fail(`ankieta: unexpected argument "${arg}"\n\n${USAGE}`, 2);
}
if (input === undefined) fail(`ankieta: give the agenda file (or "-" for stdin)\n\n${USAGE}`, 2);

let converter;
try {
  converter = await import('../dist/cli.mjs');
} catch {
  fail('ankieta: dist/cli.mjs is missing; build it with "node scripts/build-templates.mjs" (or "npm run build").');
}

const name = input === '-' ? '<stdin>' : input;
let text;
try {
  text = readFileSync(input === '-' ? 0 : input, 'utf8');
} catch (error) {
  fail(`${name}: cannot read the file (${error.code ?? error.message})`);
}

let definition;
try {
  definition = converter.surveyFromAgenda(text);
} catch (error) {
  if (!Array.isArray(error.issues)) throw error;
  fail(error.issues.map((issue) => `${name}: ${issue.path}: ${issue.message}`).join('\n'));
}

const output = `${JSON.stringify(definition, null, 2)}\n`;
if (out) {
  writeFileSync(out, output);
  const sessions = definition.pages.flatMap((p) => p.questions).find((q) => q.id === 'talks')?.rows.length ?? 0;
  process.stderr.write(`wrote ${out} (survey "${definition.id}", ${sessions} sessions)\n`);
} else process.stdout.write(output);
