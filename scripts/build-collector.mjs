// Bundles the collector (collector/ with the schema and engine from src/, TypeScript) into
// one Node file, dist/collector.mjs, because Node 20 cannot run TypeScript. The database
// drivers stay external: they are native or optional, and only the one in use is loaded.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const outfile = fileURLToPath(new URL('../dist/collector.mjs', import.meta.url));

await build({
  entryPoints: [fileURLToPath(new URL('../collector/main.ts', import.meta.url))],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'pg'],
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
