// What an operations review found: the data directory removed under a running collector, files
// left readable by others, SIGTERM under keep-alive traffic, an unresponsive PostgreSQL, two
// collectors on one SQLite file, and start errors that did not say what was wrong.
import assert from 'node:assert/strict';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:http';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import {
  conferenceResponse,
  exportResponses,
  olderDatabase,
  postgresMissing,
  postJson,
  request,
  runCollector,
  startCollector,
  storages,
  TOKEN,
} from './helpers.mjs';

const sqlite = storages()[0];

describe('the SQLite data directory removed while the collector runs', () => {
  it('refuses responses with 503 and fails /healthz, logging why, instead of acknowledging what a restart loses', async () => {
    const place = await sqlite.create();
    const args = [...place.args, '--token', TOKEN, '--rate-limit', '0'];
    let collector = await startCollector(args);
    const rescued = mkdtempSync(join(tmpdir(), 'ankieta-rescued-'));
    try {
      const before = conferenceResponse();
      assert.equal((await postJson(collector.url, before)).status, 201);
      rmSync(place.dataDir, { recursive: true, force: true });
      const acknowledged = [];
      for (let i = 0; i < 5; i++) {
        const response = conferenceResponse();
        const reply = await postJson(collector.url, response);
        if (reply.status < 300) acknowledged.push(response.id);
        else {
          assert.equal(reply.status, 503);
          assert.equal(reply.headers['retry-after'], '5');
        }
      }
      assert.deepEqual(acknowledged, [], 'nothing acknowledged after the directory went');
      assert.equal((await request('GET', `${collector.url}/healthz`)).status, 503);
      assert.match(collector.output.stderr, /ankieta\.sqlite was deleted while the collector ran: .*503.*restarted/);
      // What was stored is still in the files it holds open: the line gives the commands that
      // copy them out (it had said the data was gone and to restart, which lost it). Run them,
      // into a directory of the test's, while it still runs.
      const copies = [...collector.output.stderr.matchAll(/cp (\/proc\/\d+\/fd\/\d+) (\S+recovered\.sqlite(-wal)?)\b/g)];
      assert.equal(copies.length, 2, collector.output.stderr);
      for (const [, from, , wal] of copies) copyFileSync(from, join(rescued, `recovered.sqlite${wal ?? ''}`));
      const { default: Database } = await import('better-sqlite3');
      const copy = new Database(join(rescued, 'recovered.sqlite'));
      try {
        assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
        assert.deepEqual(copy.prepare('SELECT id FROM ankieta_responses').pluck().all(), [before.id], 'the response acknowledged before');
      } finally {
        copy.close();
      }
      // The explanation, and one line for the five failures: at most one a minute (a full disk
      // logged a line per request).
      assert.equal(collector.output.stderr.trim().split('\n').length, 2, collector.output.stderr);
      await collector.stop();
      assert.ok(!existsSync(join(place.dataDir, 'ankieta.sqlite')), 'nothing written where the directory was');
      collector = await startCollector(args);
      assert.equal((await exportResponses(collector.url, 'konferencja')).json.count, 0);
    } finally {
      await collector.stop();
      await place.drop();
      rmSync(rescued, { recursive: true, force: true });
    }
  });
});

describe('an SQLite data directory another user could have prepared', () => {
  const root = process.getuid?.() === 0;
  it('does not start on a symbolic link among its files, nor follow it (create or chmod what it points at)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ankieta-links-'));
    try {
      const data = join(dir, 'data');
      mkdirSync(data, { mode: 0o700 });
      const victim = join(dir, 'victim');
      writeFileSync(victim, "not the collector's");
      chmodSync(victim, 0o644);
      symlinkSync(victim, join(data, 'ankieta.sqlite-wal'));
      symlinkSync(join(dir, 'created'), join(data, 'ankieta.lock'));
      const { code, stderr } = await runCollector(['--data-dir', data, '--token', TOKEN, '--port', '0'], { timeoutMs: 10_000 });
      assert.equal(code, 2, stderr);
      assert.match(stderr, /is a symbolic link: the collector's files in --data-dir must be files of its own/);
      assert.equal(statSync(victim).mode & 0o777, 0o644, 'the file it points at keeps its mode');
      assert.equal(existsSync(join(dir, 'created')), false, 'nothing created where a link points');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(
    'does not start in a directory of another user, or one others can write that holds other files',
    { skip: !root && 'needs root (chown)' },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ankieta-owner-'));
      try {
        chownSync(dir, 65534, 65534);
        const foreign = await runCollector(['--data-dir', dir, '--token', TOKEN, '--port', '0'], { timeoutMs: 10_000 });
        assert.equal(foreign.code, 2, foreign.stderr);
        assert.match(foreign.stderr, /belongs to user 65534, not to the collector's \(0\): run the collector as that user/);
        chownSync(dir, 0, 0);
        chmodSync(dir, 0o777);
        writeFileSync(join(dir, 'notes.txt'), 'shared');
        const shared = await runCollector(['--data-dir', dir, '--token', TOKEN, '--port', '0'], { timeoutMs: 10_000 });
        assert.equal(shared.code, 2, shared.stderr);
        assert.match(shared.stderr, /can be written by its group or other users \(777\) and holds files besides the collector's/);
        assert.doesNotMatch(shared.stderr, /cannot open|must be writable/);
        assert.deepEqual(readdirSync(dir), ['notes.txt'], 'nothing made in it before refusing');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('an SQLite data directory left readable by others by an older version', () => {
  const modes = (dir) => ({
    [dir]: statSync(dir).mode & 0o777,
    ...Object.fromEntries(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).mode & 0o777])),
  });

  it('is made 700, its files 600, at start, and says so on stderr', async () => {
    const place = await sqlite.create();
    const args = [...place.args, '--token', TOKEN, '--rate-limit', '0'];
    let collector = await startCollector(args);
    assert.equal((await postJson(collector.url, conferenceResponse())).status, 201);
    await collector.stop();
    // As a version that left them to the umask (022) had them.
    chmodSync(place.dataDir, 0o755);
    chmodSync(join(place.dataDir, 'ankieta.sqlite'), 0o644);
    collector = await startCollector(args);
    try {
      assert.equal((await postJson(collector.url, conferenceResponse())).status, 201);
      const found = modes(place.dataDir);
      assert.ok(
        Object.keys(found).some((name) => name.endsWith('-wal')),
        'a new -wal exists',
      );
      for (const [name, mode] of Object.entries(found)) assert.equal(mode & 0o077, 0, `${name} is ${mode.toString(8)}`);
      assert.equal(found[place.dataDir], 0o700);
      assert.match(collector.output.stderr, /readable by this user only: .* 755 -> 700, ankieta\.sqlite 644 -> 600/);
    } finally {
      await collector.stop();
      await place.drop();
    }
  });

  it('leaves a directory that holds other files as it is, says so, and still makes its own files 600', async () => {
    const place = await sqlite.create();
    const dir = join(place.dataDir, 'shared');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'notes.txt'), "not the collector's");
    writeFileSync(join(dir, 'ankieta.sqlite'), '');
    chmodSync(join(dir, 'ankieta.sqlite'), 0o644);
    const collector = await startCollector(['--data-dir', dir, '--token', TOKEN]);
    try {
      const found = modes(dir);
      assert.equal(found[dir], 0o755);
      assert.equal(found['ankieta.sqlite'], 0o600);
      assert.match(collector.output.stderr, /is 755 and holds files besides the collector's, so it is left as it is/);
    } finally {
      await collector.stop();
      await place.drop();
    }
  });
});

describe('two collectors on one SQLite data directory', () => {
  it('refuses to start the second, and starts again once the first is killed (no stale lock)', async () => {
    const place = await sqlite.create();
    const args = [...place.args, '--token', TOKEN, '--rate-limit', '0'];
    let first = await startCollector(args);
    try {
      const second = await runCollector([...args, '--port', '0'], { timeoutMs: 10_000 });
      assert.equal(second.timedOut, false, 'the second does not run');
      assert.equal(second.code, 1);
      assert.match(second.stderr, new RegExp(`another collector is running on ${place.dataDir} \\(it holds .*ankieta\\.lock\\)`));
      assert.equal((await postJson(first.url, conferenceResponse())).status, 201, 'the first goes on');
      await first.kill();
      first = await startCollector(args);
      assert.equal((await exportResponses(first.url, 'konferencja')).json.count, 1);
    } finally {
      await first.stop();
      await place.drop();
    }
  });

  it('waits out another writer holding the database for under busy_timeout (5 s) instead of answering 503 at once', (t) =>
    withOtherWriter(async (collector, other) => {
      // A write from another connection (the sqlite3 shell, a backup script) for 2 s.
      other.exec('BEGIN IMMEDIATE');
      setTimeout(() => other.exec('COMMIT'), 2_000);
      const replies = await Promise.all(Array.from({ length: 20 }, () => postJson(collector.url, conferenceResponse())));
      const statuses = replies.map((r) => r.status);
      t.diagnostic(`statuses while another connection wrote for 2 s: ${statuses.join(' ')}`);
      assert.deepEqual([...new Set(statuses)], [201]);
    }));

  it('says once on stderr when responses are stored again after failures, with the failures no line counted', () =>
    withOtherWriter(async (collector, other) => {
      // Another writer for longer than busy_timeout (5 s): every POST meanwhile gets 503.
      other.exec('BEGIN IMMEDIATE');
      const failed = await Promise.all(Array.from({ length: 3 }, () => postJson(collector.url, conferenceResponse())));
      assert.deepEqual(
        failed.map((r) => r.status),
        [503, 503, 503],
      );
      other.exec('COMMIT');
      assert.equal((await postJson(collector.url, conferenceResponse())).status, 201);
      assert.equal((await postJson(collector.url, conferenceResponse())).status, 201);
      const lines = collector.output.stderr.trim().split('\n');
      assert.equal(lines.length, 2, collector.output.stderr);
      assert.match(lines[0], /database is locked/);
      assert.equal(lines[1], 'ankieta-collector: storage works again (after 2 more storage failures since the last line)');
    }));
});

/** Runs `run` with a SQLite collector and a second connection to its database (the sqlite3 shell, a backup script). */
async function withOtherWriter(run) {
  const { default: Database } = await import('better-sqlite3');
  const place = await sqlite.create();
  const collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0']);
  const other = new Database(join(place.dataDir, 'ankieta.sqlite'));
  try {
    await run(collector, other);
  } finally {
    other.close();
    await collector.stop();
    await place.drop();
  }
}

/** A response from a device whose clock is years behind, with its times to the millisecond, as older collectors stored them. */
function wrongClock() {
  const response = conferenceResponse({}, { startedAt: '2020-03-01T10:05:31.250+01:00', submittedAt: '2020-03-01T10:17:42.123+01:00' });
  // Spacing as a client may send it: stored as received by the versions before the times were cut.
  return { response, body: JSON.stringify(response, null, 1) };
}

for (const storage of storages()) {
  describe(`upgrading a database of an older collector with --retention-days, on ${storage.name}`, () => {
    const today = new Date().toISOString().slice(0, 10);

    it('keeps responses stored before received_on existed, whatever the device clock said, and cuts their times to the hour', async () => {
      const place = await storage.create();
      const rows = [wrongClock(), wrongClock()];
      await olderDatabase(place, 2, rows);
      const collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0', '--retention-days', '365']);
      try {
        const exported = (await exportResponses(collector.url, 'konferencja')).json.responses;
        assert.deepEqual(
          exported.map((r) => r.id),
          rows.map((r) => r.response.id).sort(),
          'received before the upgrade, so not more than 365 days ago: kept (listed by id)',
        );
        for (const r of exported) {
          assert.equal(r.startedAt, '2020-03-01T09:00:00.000Z');
          assert.equal(r.submittedAt, '2020-03-01T09:00:00.000Z');
        }
        // A retry of the same bytes is still "already stored": stored as received then, the body
        // now has the hash of what the same bytes are stored as (spacing and times cut).
        assert.equal((await postJson(collector.url, rows[0].body)).status, 200);
      } finally {
        await collector.stop();
        await place.drop();
      }
    });

    it('after the first-shipped migration 3, raises a day earlier than a row stored before it, and deletes nothing more', async () => {
      const place = await storage.create();
      // Stored first and dated 2016: nothing says otherwise, so it goes as before. Then one
      // received today, then one that migration 3 dated by its device's clock (2020).
      const first = { ...wrongClock(), receivedOn: '2016-01-10' };
      const fresh = { ...wrongClock(), receivedOn: today };
      const behind = { ...wrongClock(), receivedOn: '2020-03-01' };
      await olderDatabase(place, 3, [first, fresh, behind]);
      const collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0', '--retention-days', '365']);
      try {
        const exported = (await exportResponses(collector.url, 'konferencja')).json.responses;
        assert.deepEqual(
          exported.map((r) => r.id),
          [fresh.response.id, behind.response.id].sort(),
        );
        for (const r of exported) assert.equal(r.submittedAt, '2020-03-01T09:00:00.000Z');
      } finally {
        await collector.stop();
        await place.drop();
      }
    });
  });
}

for (const storage of storages()) {
  describe(`SIGTERM while keep-alive clients post in a loop, on ${storage.name}`, () => {
    it('stops promptly: requests in flight finish, later ones get 503 with Retry-After and Connection: close, and nothing refused is stored', async (t) => {
      const place = await storage.create();
      const args = [...place.args, '--token', TOKEN, '--rate-limit', '0', '--origin', 'https://www.opole.pl'];
      let collector = await startCollector(args);
      const agent = new Agent({ keepAlive: true, maxSockets: 4 });
      const acknowledged = new Set();
      const refused = [];
      let running = true;
      let termAt;
      let acknowledgedAfterTerm = 0;
      const worker = async () => {
        while (running) {
          const response = conferenceResponse();
          try {
            const reply = await request('POST', `${collector.url}/api/responses`, {
              headers: { 'Content-Type': 'application/json', Origin: 'https://www.opole.pl' },
              body: JSON.stringify(response),
              agent,
            });
            if (reply.status === 201) {
              acknowledged.add(response.id);
              if (termAt) acknowledgedAfterTerm++;
            } else refused.push({ id: response.id, reply });
          } catch {
            // Connection closed or refused once it stops: the widget would retry later.
            await new Promise((r) => setTimeout(r, 20));
          }
        }
      };
      const workers = Array.from({ length: 4 }, worker);
      try {
        while (acknowledged.size < 200) await new Promise((r) => setTimeout(r, 20));
        termAt = Date.now();
        collector.child.kill('SIGTERM');
        // Before: still serving 30 s later, as long as the clients went on.
        const exit = await Promise.race([collector.exited, new Promise((r) => setTimeout(() => r('still running'), 8_000))]);
        const stoppedAfterMs = Date.now() - termAt;
        running = false;
        await Promise.all(workers);
        t.diagnostic(
          `${storage.name}: stopped ${stoppedAfterMs} ms after SIGTERM; ${acknowledgedAfterTerm} acknowledged after it, ${refused.length} refused with 503`,
        );
        assert.deepEqual(exit, { code: 0, signal: null }, `exited after SIGTERM (${stoppedAfterMs} ms)`);
        assert.ok(stoppedAfterMs < 3_000, `stopped ${stoppedAfterMs} ms after SIGTERM`);
        assert.ok(acknowledgedAfterTerm <= 8, `${acknowledgedAfterTerm} acknowledged after SIGTERM: only those in flight`);
        for (const { reply } of refused) {
          assert.equal(reply.status, 503);
          assert.equal(reply.headers['retry-after'], '5');
          assert.equal(reply.headers.connection, 'close');
          assert.equal(reply.headers['access-control-allow-origin'], 'https://www.opole.pl');
        }
        collector = await startCollector(args);
        const stored = new Set((await exportResponses(collector.url, 'konferencja')).json.responses.map((r) => r.id));
        assert.deepEqual(
          [...acknowledged].filter((id) => !stored.has(id)),
          [],
          'every acknowledged response is stored',
        );
        assert.deepEqual(
          refused.map((r) => r.id).filter((id) => stored.has(id)),
          [],
          'no refused one is',
        );
      } finally {
        running = false;
        await Promise.all(workers);
        agent.destroy();
        await collector.stop();
        await place.drop();
      }
    });
  });
}

/** A raw connection: `send(text)` writes, `reply()` resolves with everything read until the collector closes it. */
function rawConnection(base) {
  const socket = connect({ port: Number(new URL(base).port), host: '127.0.0.1' });
  let text = '';
  socket.on('data', (chunk) => (text += chunk));
  socket.on('error', () => {});
  const closed = new Promise((resolve) => socket.on('close', resolve));
  return { send: (data) => socket.write(data), reply: async () => (await closed, text) };
}

describe('SIGTERM with requests part-way in', () => {
  it('finishes a request whose body was coming, with Connection: close, and answers one whose headers were coming with 503', async () => {
    const place = await sqlite.create();
    const args = [...place.args, '--token', TOKEN, '--rate-limit', '0'];
    let collector = await startCollector(args);
    try {
      const inFlight = conferenceResponse();
      const late = conferenceResponse();
      const body = JSON.stringify(inFlight);
      const lateBody = JSON.stringify(late);
      const post = (length) =>
        `POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
      const a = rawConnection(collector.url);
      const b = rawConnection(collector.url);
      a.send(post(Buffer.byteLength(body)) + body.slice(0, 10));
      b.send('POST /api/responses HTTP/1.1\r\n');
      await new Promise((r) => setTimeout(r, 300));
      collector.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      a.send(body.slice(10));
      b.send(post(Buffer.byteLength(lateBody)).slice('POST /api/responses HTTP/1.1\r\n'.length) + lateBody);
      const [first, second] = await Promise.all([a.reply(), b.reply()]);
      assert.match(first, /^HTTP\/1\.1 201 /, 'the request in flight is finished');
      assert.match(first, /\r\nConnection: close\r\n/i);
      assert.match(second, /^HTTP\/1\.1 503 /, 'the one that came after SIGTERM is refused');
      assert.match(second, /\r\nRetry-After: 5\r\n/i);
      assert.match(second, /\r\nConnection: close\r\n/i);
      assert.deepEqual(await collector.exited, { code: 0, signal: null });
      collector = await startCollector(args);
      assert.deepEqual(
        (await exportResponses(collector.url, 'konferencja')).json.responses.map((r) => r.id),
        [inFlight.id],
      );
    } finally {
      await collector.stop();
      await place.drop();
    }
  });
});

const postgres = storages().find((s) => s.name === 'PostgreSQL');
if (postgres && process.getuid?.() === 0)
  describe('a PostgreSQL server that stops answering (its postmaster and backends stopped with SIGSTOP)', () => {
    /** Resolves with what `promise` gave and how long it took, or 'no answer' after `ms`. */
    const within = async (ms, promise) => {
      const started = Date.now();
      const result = await Promise.race([promise, new Promise((r) => setTimeout(() => r('no answer'), ms))]);
      return { result, ms: Date.now() - started };
    };

    it('answers POST and /healthz with 503 within seconds, and a start fails with a clear message and exit 1', async (t) => {
      const place = await postgres.create();
      const collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0']);
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: process.env.ANKIETA_TEST_DATABASE_URL });
      await admin.connect();
      const dataDirectory = (await admin.query('SHOW data_directory')).rows[0].data_directory;
      let stopped = [];
      try {
        assert.equal((await postJson(collector.url, conferenceResponse())).status, 201);
        const backends = (
          await admin.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [new URL(place.databaseUrl).pathname.slice(1)])
        ).rows.map((r) => r.pid);
        const { readFileSync } = await import('node:fs');
        const postmaster = Number(readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
        stopped = [postmaster, ...backends];
        for (const pid of stopped) process.kill(pid, 'SIGSTOP');

        const post = await within(15_000, postJson(collector.url, conferenceResponse()));
        const health = await within(15_000, request('GET', `${collector.url}/healthz`));
        const start = await within(20_000, runCollector([...place.args, '--token', TOKEN, '--port', '0'], { timeoutMs: 19_000 }));
        t.diagnostic(
          `POST ${post.result.status ?? post.result} after ${post.ms} ms, /healthz ${health.result.status ?? health.result} after ${health.ms} ms, start exit ${start.result.code} after ${start.ms} ms`,
        );
        assert.equal(post.result.status, 503, 'POST');
        assert.equal(post.result.headers['retry-after'], '5');
        assert.ok(post.ms < 10_000, `POST took ${post.ms} ms`);
        assert.equal(health.result.status, 503, '/healthz');
        assert.ok(health.ms < 10_000, `/healthz took ${health.ms} ms`);
        assert.equal(start.result.timedOut, false, 'the start does not hang');
        assert.equal(start.result.code, 1);
        assert.match(start.result.stderr, /cannot start: PostgreSQL at 127\.0\.0\.1:\d+\/ankieta_test_\w+: no answer within 5 s/);
      } finally {
        for (const pid of stopped) process.kill(pid, 'SIGCONT');
        await admin.end();
      }
      try {
        const again = async () => {
          for (;;) {
            if ((await postJson(collector.url, conferenceResponse())).status === 201) return true;
            await new Promise((r) => setTimeout(r, 200));
          }
        };
        assert.equal((await within(15_000, again())).result, true, 'stores again once the server answers');
      } finally {
        await collector.stop();
        await place.drop();
      }
    });
  });

if (postgresMissing) it(postgresMissing, { skip: postgresMissing }, () => {});
