// The command line: --help, bad flags, invalid definitions, and the start line that scripts
// (npm start) read the URL and the generated token from.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { conferenceResponse, DEFINITIONS, exportResponses, postJson, runCollector, startCollector } from './helpers.mjs';

describe('collector command line', () => {
  const dirs = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ankieta-cli-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('documents every flag and its environment variable in --help', async () => {
    const { code, stdout } = await runCollector(['--help']);
    assert.equal(code, 0);
    for (const flag of [
      '--port',
      '--host',
      '--data-dir',
      '--database-url',
      '--origin',
      '--token',
      '--definitions',
      '--max-body',
      '--rate-limit',
      '--trust-proxy',
    ])
      assert.match(stdout, new RegExp(`^  ${flag} `, 'm'), flag);
    for (const variable of ['PORT', 'DATABASE_URL', 'ANKIETA_ORIGINS', 'ANKIETA_TOKEN', 'ANKIETA_DEFINITIONS', 'ANKIETA_DATA_DIR'])
      assert.match(stdout, new RegExp(`\\b${variable}\\b`), variable);
  });

  it('refuses unknown flags, bad numbers, bad origins and short tokens with exit code 2', async () => {
    for (const args of [
      ['--prot', '1'],
      ['--port', 'eighty'],
      ['--origin', 'https://opole.pl/ankieta'],
      ['--token', 'short'],
    ]) {
      const { code, stderr } = await runCollector(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^ankieta-collector: .+\nTry --help\.\n$/, args.join(' '));
    }
  });

  it('does not start with an invalid definition, and names the file and JSON path', async () => {
    const dir = tempDir();
    cpSync(DEFINITIONS, dir, { recursive: true });
    writeFileSync(
      join(dir, 'zla.json'),
      JSON.stringify({ id: 'zla', title: 'Zła', pages: [{ id: 'p1', questions: [{ id: 'q', type: 'ratng', title: 'x' }] }] }),
    );
    const { code, stderr } = await runCollector(['--definitions', dir, '--data-dir', tempDir(), '--port', '0']);
    assert.equal(code, 1);
    assert.match(stderr, /zla\.json: pages\[0\]\.questions\[0\]\.type: unknown type "ratng"/);
  });

  it('prints one start line with the URL and a generated token that opens the export', async () => {
    const collector = await startCollector(['--data-dir', tempDir(), '--origin', 'http://localhost:8000', '--rate-limit', '0']);
    try {
      const line = collector.output.stdout.trim();
      assert.match(
        line,
        /^ankieta-collector listening on http:\/\/127\.0\.0\.1:\d+ \| storage SQLite .+ankieta\.sqlite \| origins http:\/\/localhost:8000 \| /,
      );
      const token = /\| token (\S+) \(generated/.exec(line)?.[1];
      assert.ok(token && token.length >= 24);
      assert.equal((await postJson(collector.url, conferenceResponse())).status, 201);
      assert.equal((await exportResponses(collector.url, 'konferencja', '', token)).json.count, 1);
      assert.equal((await exportResponses(collector.url, 'konferencja', '', `${token}x`)).status, 401);
    } finally {
      await collector.stop();
    }
    const { code } = await collector.exited;
    assert.equal(code, 0, 'SIGTERM is a clean stop');
  });

  it('never prints a token that was given to it', async () => {
    const secret = 'organiser-secret-token-1234';
    const collector = await startCollector(['--data-dir', tempDir()], { env: { ANKIETA_TOKEN: secret } });
    await collector.stop();
    assert.doesNotMatch(collector.output.stdout, new RegExp(secret));
    assert.match(collector.output.stdout, /token from --token\/ANKIETA_TOKEN/);
  });
});
