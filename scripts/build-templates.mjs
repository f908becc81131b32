#!/usr/bin/env node
// Writes the built-in templates as JSON (dist/templates/) and bundles the agenda converter and
// the self-assessment builder for the CLI (dist/cli.mjs, used by bin/ankieta.mjs). Standalone:
// `node scripts/build-templates.mjs`; from another build script: `import { buildTemplates } from './build-templates.mjs'; await buildTemplates();`
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importTs } from './lib.mjs';

const root = resolve(import.meta.dirname, '..');
const EXAMPLE_AGENDA = join(root, 'src/templates/examples/opole-2016.agenda.json');

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** Builds into `<outDir>/templates/*.json` and `<outDir>/cli.mjs`; returns the files written. */
export async function buildTemplates({ outDir = join(root, 'dist') } = {}) {
  const templates = await importTs(join(root, 'src/templates/index.ts'));
  const { z } = await importTs(join(root, 'src/schema/zod.ts'));
  const { ownChecks } = await importTs(join(root, 'src/schema/json-schema.ts'));
  const dir = join(outDir, 'templates');
  mkdirSync(dir, { recursive: true });
  const written = [];
  const write = (name, text) => {
    writeFileSync(join(dir, name), text);
    written.push(join(dir, name));
  };
  write('conference-evaluation.json', json(templates.surveyFromAgenda(readFileSync(EXAMPLE_AGENDA, 'utf8'))));
  write('partnership-self-assessment.json', json(templates.partnershipSelfAssessment()));
  write('agenda.schema.json', json(z.toJSONSchema(templates.Agenda, { override: ownChecks })));
  copyFileSync(EXAMPLE_AGENDA, join(dir, 'agenda.example.json'));
  written.push(join(dir, 'agenda.example.json'));

  const cli = join(outDir, 'cli.mjs');
  await build({
    entryPoints: [join(root, 'src/templates/cli.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: cli,
    logLevel: 'error',
    tsconfig: join(root, 'tsconfig.json'),
    legalComments: 'none',
    minify: true,
  });
  written.push(cli);
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of await buildTemplates()) console.log(`wrote ${file.slice(root.length + 1)}`);
}
