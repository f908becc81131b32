// Small helpers shared by the build and benchmark scripts.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Imports a TypeScript module from src/ in Node by bundling it first (Node 20 cannot strip types). */
export async function importTs(entry) {
  const dir = await mkdtemp(join(tmpdir(), 'ankieta-'));
  const outfile = join(dir, 'module.mjs');
  try {
    await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile,
      logLevel: 'error',
      tsconfig: 'tsconfig.json',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Sizes of a file as a script-tag user downloads it. */
export function sizes(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    sri: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
  };
}

export const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
