// npm run build: ES modules + types, the script-tag bundles, the JSON Schema, then sizes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { importTs, kB, sizes } from './lib.mjs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
const step = (name) => console.log(`\n▸ ${name}`);

step('ES modules (dist/esm)');
run('npx', ['vite', 'build', '--logLevel', 'warn']);
step('type declarations');
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
step('script-tag bundle (dist/ankieta.js)');
run('npx', ['vite', 'build', '--mode', 'iife', '--logLevel', 'warn']);
if (existsSync('src/report-entry.ts')) {
  step('organiser report bundle (dist/ankieta-report.js)');
  run('npx', ['vite', 'build', '--mode', 'report', '--logLevel', 'warn']);
}
if (existsSync('src/schema/json-schema.ts')) {
  step('JSON Schema (dist/ankieta.schema.json)');
  const { definitionJsonSchema } = await importTs('src/schema/json-schema.ts');
  writeFileSync('dist/ankieta.schema.json', `${JSON.stringify(definitionJsonSchema(), null, 2)}\n`);
}
mkdirSync('dist', { recursive: true });
step('custom-elements.json and the README API check');
run('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
run('node', ['scripts/api-docs.mjs', '--check']);
step('templates (dist/templates/*.json) and the agenda CLI (dist/cli.mjs)');
run('node', ['scripts/build-templates.mjs']);
step('collector (dist/collector.mjs)');
run('node', ['scripts/build-collector.mjs']);

step('package entry points (every export and README import resolves to a packed, typed file)');
run('node', ['scripts/check-package.mjs']);

step('sizes (what a script-tag user downloads)');
for (const file of ['dist/ankieta.js', 'dist/ankieta-report.js']) {
  if (!existsSync(file)) continue;
  const s = sizes(file);
  console.log(`${file}: ${kB(s.raw)} raw, ${kB(s.gzip)} gzip, ${kB(s.brotli)} brotli`);
  console.log(`  integrity="${s.sri}"`);
}
