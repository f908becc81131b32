// The command line: --help, bad flags, invalid definitions, and the start line that scripts
// (npm start) read the URL and the generated token from.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
      '--previous-token',
      '--definitions',
      '--max-body',
      '--rate-limit',
      '--trust-proxy',
    ])
      assert.match(stdout, new RegExp(`^  ${flag} `, 'm'), flag);
    for (const variable of [
      'PORT',
      'DATABASE_URL',
      'ANKIETA_ORIGINS',
      'ANKIETA_TOKEN',
      'ANKIETA_TOKEN_PREVIOUS',
      'ANKIETA_DEFINITIONS',
      'ANKIETA_DATA_DIR',
    ])
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

  it('refuses a token with whitespace, which no Authorization header can match, saying where the space is (exit 2)', async () => {
    for (const [token, message] of [
      ['organiser-secret-token-1234 ', /has a space at the end/],
      ['organiser secret token 1234', /contains whitespace/],
      ['\torganiser-secret-token-1234', /starts with a space/],
    ]) {
      const { code, stderr } = await runCollector(['--data-dir', tempDir(), '--port', '0'], {
        timeoutMs: 5_000,
        env: { ANKIETA_TOKEN: token },
      });
      assert.equal(code, 2, JSON.stringify(token));
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /organiser/, 'the token is not printed');
    }
  });

  it('refuses a token of the required length that is easy to guess, and still takes a weak one as the previous token (exit 2)', async () => {
    for (const [token, reason] of [
      ['aaaaaaaaaaaaaaaa', /fewer than 5 different characters/],
      ['xyzzyxyzzyxzzyyx', /fewer than 5 different characters/],
      ['zmp2016!zmp2016!', /one piece repeated/],
      ['0123456789abcdef', /a run of neighbouring characters/],
      ['zmp-9876543210-x', /a run of neighbouring characters/],
    ]) {
      const { code, stderr } = await runCollector(['--data-dir', tempDir(), '--port', '0'], {
        timeoutMs: 5_000,
        env: { ANKIETA_TOKEN: token },
      });
      assert.equal(code, 2, token);
      assert.match(stderr, /--token \(or ANKIETA_TOKEN\) is too easy to guess/, token);
      assert.match(stderr, reason, token);
      assert.match(stderr, /openssl rand -base64 24/, token);
      assert.ok(!stderr.includes(token), 'the token is not printed');
    }
    // Changing away from a weak token: the old one is still accepted while the processes restart.
    const collector = await startCollector([
      '--data-dir',
      tempDir(),
      '--token',
      'Xq7-vR2p_Lk9sWm4',
      '--previous-token',
      'aaaaaaaaaaaaaaaa',
    ]);
    try {
      assert.equal((await exportResponses(collector.url, 'konferencja', '', 'aaaaaaaaaaaaaaaa')).status, 200);
    } finally {
      await collector.stop();
    }
  });

  it('refuses to make up a token on PostgreSQL, where several processes must share one (exit 2)', async () => {
    const { code, stderr } = await runCollector(['--database-url', 'postgresql://ankieta:hunter2@127.0.0.1:1/ankieta', '--port', '0'], {
      timeoutMs: 10_000,
    });
    assert.equal(code, 2, stderr);
    assert.match(stderr, /on PostgreSQL needs a token given \(--token or ANKIETA_TOKEN/);
    assert.doesNotMatch(stderr, /hunter2/);
  });

  it('refuses a database URL that is not a postgresql:// URL, naming the problem and never printing it (exit 2)', async () => {
    for (const [url, message] of [
      ['not a url', /is not a URL; expected postgresql:\/\//],
      ['host=db.example password=hunter2 dbname=ankieta', /looks like libpq settings/],
      ['mysql://ankieta:hunter2@db/ankieta', /is a mysql:\/\/ URL: the collector stores in PostgreSQL only/],
    ]) {
      const { code, stderr } = await runCollector(['--database-url', url, '--port', '0'], { timeoutMs: 10_000 });
      assert.equal(code, 2, `${url}: ${stderr}`);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /hunter2|ENOTFOUND/);
    }
  });

  it('names the path when the SQLite database cannot be opened', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ankieta.sqlite'));
    const { code, stderr } = await runCollector(['--data-dir', dir, '--port', '0'], { timeoutMs: 10_000 });
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`cannot open the SQLite database ${join(dir, 'ankieta.sqlite')}: `));
    const file = join(tempDir(), 'file');
    writeFileSync(file, '');
    const under = await runCollector(['--data-dir', join(file, 'data'), '--port', '0'], { timeoutMs: 10_000 });
    assert.equal(under.code, 1);
    assert.match(under.stderr, new RegExp(`cannot create the data directory ${join(file, 'data')} \\(--data-dir\\): `));
    if (process.platform === 'linux') {
      // Under /proc, where nothing can be made, Node's recursive mkdir loops for ever.
      const proc = await runCollector(['--data-dir', '/proc/ankieta/data', '--port', '0'], { timeoutMs: 10_000 });
      assert.equal(proc.timedOut, false, 'the collector exits instead of hanging');
      assert.equal(proc.code, 1);
      assert.match(proc.stderr, /cannot create the data directory \/proc\/ankieta\/data \(--data-dir\): ENOENT/);
    }
  });

  it('warns at start when it believes X-Forwarded-For while listening beyond this machine', async () => {
    const collector = await startCollector(['--data-dir', tempDir(), '--host', '0.0.0.0', '--trust-proxy', '1', '--rate-limit', '0']);
    try {
      assert.match(
        collector.output.stderr,
        /--trust-proxy 1 while listening on 0\.0\.0\.0: a client that reaches the collector directly chooses the address/,
      );
    } finally {
      await collector.stop();
    }
    const local = await startCollector(['--data-dir', tempDir(), '--trust-proxy', '1']);
    await local.stop();
    assert.doesNotMatch(local.output.stderr, /trust-proxy/, 'behind a proxy on the same machine: no warning');
  });

  it('accepts the previous token too while the token changes (--previous-token), and only with a new one', async () => {
    const [next, previous] = ['the-new-token-0123456789', 'the-old-token-0123456789'];
    const collector = await startCollector(['--data-dir', tempDir(), '--token', next], { env: { ANKIETA_TOKEN_PREVIOUS: previous } });
    try {
      for (const [token, status] of [
        [next, 200],
        [previous, 200],
        ['some-other-token-0123456789', 401],
      ]) {
        const res = await exportResponses(collector.url, 'konferencja', '', token);
        assert.equal(res.status, status, token);
      }
    } finally {
      await collector.stop();
    }
    const alone = await runCollector(['--data-dir', tempDir(), '--previous-token', previous, '--port', '0']);
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /--previous-token \(or ANKIETA_TOKEN_PREVIOUS\) is for changing the token/);
  });

  it('names --definitions and the directory when it cannot be read', async () => {
    const missing = join(tempDir(), 'ankiety');
    const { code, stderr } = await runCollector(['--definitions', missing, '--data-dir', tempDir(), '--port', '0']);
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`cannot read the survey definitions in ${missing} \\(--definitions\\): ENOENT`));
  });

  it('says the file system is full, not that permissions are wrong, when there is no room for the database', async (t) => {
    const mount = join(tempDir(), 'full');
    mkdirSync(mount);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount], { stdio: 'pipe' });
    } catch {
      return t.skip('mounting a small tmpfs needs root');
    }
    try {
      // Fill it, leaving less than SQLite needs for its first pages.
      try {
        writeFileSync(join(mount, 'filler'), Buffer.alloc(1024 * 1024));
      } catch {
        // ENOSPC: full, as wanted.
      }
      const { code, stderr } = await runCollector(['--data-dir', join(mount, 'data'), '--port', '0'], { timeoutMs: 10_000 });
      assert.equal(code, 1);
      assert.match(stderr, new RegExp(`no space left on the file system of ${join(mount, 'data')}`));
      assert.doesNotMatch(stderr, /must be writable/);
    } finally {
      execFileSync('umount', [mount]);
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

  it('refuses a FIFO or a directory named *.json, or a link to one, naming it, and does not wait on the FIFO', async () => {
    const elsewhere = tempDir();
    execFileSync('mkfifo', [join(elsewhere, 'pipe')]);
    for (const [name, make, what] of [
      ['pipe.json', (path) => execFileSync('mkfifo', [path]), 'a named pipe \\(FIFO\\)'],
      ['folder.json', (path) => mkdirSync(path), 'a directory'],
      ['link-to-pipe.json', (path) => symlinkSync(join(elsewhere, 'pipe'), path), 'a named pipe \\(FIFO\\)'],
      ['link-to-folder.json', (path) => symlinkSync(elsewhere, path), 'a directory'],
    ]) {
      const dir = tempDir();
      cpSync(DEFINITIONS, dir, { recursive: true });
      make(join(dir, name));
      const { code, stderr, timedOut } = await runCollector(['--definitions', dir, '--data-dir', tempDir(), '--port', '0'], {
        timeoutMs: 10_000,
      });
      assert.equal(timedOut, false, `${name}: still running after 10 s`);
      assert.equal(code, 1, `${name}: ${stderr}`);
      assert.match(stderr, new RegExp(`\\n  ${name}: is ${what}: only regular files \\(or symbolic links to them\\) are read`), name);
    }
  });

  it('follows a symbolic link to a definition (a Kubernetes ConfigMap), and quotes nothing of a linked file that is none', async () => {
    const dir = tempDir();
    const mounted = tempDir();
    cpSync(DEFINITIONS, mounted, { recursive: true });
    for (const name of readdirSync(mounted)) symlinkSync(join(mounted, name), join(dir, name));
    const started = await runCollector(['--definitions', dir, '--data-dir', tempDir(), '--port', '0'], { timeoutMs: 3000 });
    assert.equal(started.timedOut, true, `linked definitions load and the collector runs: ${started.stderr}`);
    assert.match(started.stdout, /listening on .* surveys /);
    // Outside the directory, something the collector's user can read but nobody should see.
    const outside = join(tempDir(), 'secret.json');
    writeFileSync(outside, JSON.stringify({ id: 'TOP-SECRET-VALUE' }));
    symlinkSync(outside, join(dir, 'link.json'));
    const { code, stderr } = await runCollector(['--definitions', dir, '--data-dir', tempDir(), '--port', '0'], { timeoutMs: 10_000 });
    assert.equal(code, 1);
    assert.match(stderr, /\n {2}link\.json: /);
    assert.doesNotMatch(stderr, /TOP-SECRET/);
  });

  it("names the line and column of a file that is not JSON, without quoting the file's bytes", async () => {
    const dir = tempDir();
    cpSync(DEFINITIONS, dir, { recursive: true });
    writeFileSync(join(dir, 'env.json'), 'DATABASE_URL=postgresql://ankieta:hunter2@db/ankieta\n');
    writeFileSync(join(dir, 'comma.json'), '{\n  "id": "hunter2",\n}\n');
    const { code, stderr } = await runCollector(['--definitions', dir, '--data-dir', tempDir(), '--port', '0']);
    assert.equal(code, 1);
    assert.match(stderr, /env\.json: \(root\): is not valid JSON\n/);
    assert.match(stderr, /comma\.json: \(root\): is not valid JSON \(line 3, column 1\)\n/);
    assert.doesNotMatch(stderr, /hunter2|DATABASE/);
  });

  it('prints one start line with the URL and a generated token that opens the export', async () => {
    const collector = await startCollector(['--data-dir', tempDir(), '--origin', 'http://localhost:8000', '--rate-limit', '0']);
    try {
      const line = collector.output.stdout.trim();
      assert.match(
        line,
        /^ankieta-collector listening on http:\/\/127\.0\.0\.1:\d+ \| storage SQLite .+ankieta\.sqlite \| origins http:\/\/localhost:8000 \| /,
      );
      assert.match(line, /\| responses kept until erased \(no --retention-days\) \| /, 'what the information clause must match');
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
