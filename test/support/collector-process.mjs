// The reference collector (collector/, bundled to dist/collector.mjs) as the offline tests
// and the store benchmark use it: a child process on a free port with its own temporary
// SQLite directory, the test page's origin allowed, no rate limit (the soak sends hundreds
// of requests from one address) and a known export token.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
let built;

/** Bundles the collector once per process (Node 20 cannot run its TypeScript). */
function buildCollector() {
  built ??= new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts/build-collector.mjs')], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building the collector failed (${code})`))));
  });
  return built;
}

export async function startCollector({ origins }) {
  await buildCollector();
  const entry = join(root, 'dist/collector.mjs');
  if (!existsSync(entry)) throw new Error('dist/collector.mjs is missing');
  const dataDir = mkdtempSync(join(tmpdir(), 'ankieta-offline-collector-'));
  // Hex: a base64url token starts with '-' one time in 64, and `--token -…` is not a value to parseArgs.
  const token = randomBytes(24).toString('hex');
  const child = spawn(
    process.execPath,
    [entry, '--port', '0', '--data-dir', dataDir, '--token', token, '--rate-limit', '0', ...origins.flatMap((o) => ['--origin', o])],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(text);
    });
    child.once('exit', (code) => reject(new Error(`the collector exited (${code}) before listening`)));
  });
  const url = /listening on (\S+)/.exec(line)[1];

  return {
    url,
    /** The export token, for the organiser report's browser tests. */
    token,
    /** Every stored response of the survey, in the order stored (the organisers' export). */
    async responses(surveyId) {
      const reply = await fetch(`${url}/api/surveys/${encodeURIComponent(surveyId)}/responses`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!reply.ok) throw new Error(`export failed: ${reply.status}`);
      return (await reply.json()).responses;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
