// Moving from SQLite to PostgreSQL: `--import-sqlite` copies every response with its day of
// receipt and every erased id, reads the file without changing it (also while a collector runs
// on it), commits batch by batch, and can be run again; an erasure in either database wins.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  COLLECTOR,
  conferenceResponse,
  eventually,
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
const postgres = storages().find((s) => s.name === 'PostgreSQL');
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
/** A URL nothing answers at: the file is checked before PostgreSQL is reached. */
const NOWHERE = 'postgresql://ankieta:hunter2@127.0.0.1:1/ankieta';
const IMPORTER = 'ankieta-collector --import-sqlite';
const figure = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const dayOffset = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const importArgs = (file, databaseUrl) => ['--database-url', databaseUrl, '--import-sqlite', file];
/** Runs an import to its end: { code, stdout, stderr }. */
const runImport = (file, databaseUrl) => runCollector(importArgs(file, databaseUrl), { timeoutMs: 60_000 });
/** Starts an import and returns its process, with `result` resolving as runImport's does. */
function spawnImport(file, databaseUrl) {
  const child = spawn(process.execPath, [COLLECTOR, ...importArgs(file, databaseUrl)], {
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (output.stdout += d));
  child.stderr.on('data', (d) => (output.stderr += d));
  // 'close': once its output is read too.
  const result = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal, ...output })));
  return { child, result };
}

/** A SQLite data directory whose schema a collector made (then stopped), with `rows` inserted as stored rows. */
async function sqliteWith(rows = []) {
  const place = await sqlite.create();
  const collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0']);
  await collector.stop();
  place.file = join(place.dataDir, 'ankieta.sqlite');
  await insertRows(place.file, rows);
  return place;
}

/** `n` stored rows of two surveys, received on days spread over the last 400. */
function rowsToStore(n) {
  return Array.from({ length: n }, (_, i) => {
    const response = { ...conferenceResponse({ comments: `Odpowiedź ${i}` }), surveyId: i % 3 ? 'konferencja' : 'warsztaty' };
    const body = JSON.stringify(response);
    return { id: response.id, survey_id: response.surveyId, body_sha256: sha256(body), body, received_on: dayOffset(-(i % 400)) };
  });
}

async function withSqlite(file, work) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const insertRows = (file, rows) =>
  withSqlite(file, (db) => {
    const insert = db.prepare(
      'INSERT INTO ankieta_responses (id, survey_id, body_sha256, body, received_on) VALUES (@id, @survey_id, @body_sha256, @body, @received_on)',
    );
    db.transaction(() => rows.forEach((row) => insert.run(row)))();
  });

const ROW = 'id, survey_id, body_sha256, body, received_on';

/** The rows of a SQLite database (in the order stored) and its erased ids, read-only. */
async function sqliteContents(file) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true });
  try {
    return {
      rows: db.prepare(`SELECT ${ROW} FROM ankieta_responses ORDER BY seq`).all(),
      erased: db.prepare('SELECT id FROM ankieta_erased ORDER BY id').pluck().all(),
    };
  } finally {
    db.close();
  }
}

async function withPg(url, work) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The rows of a PostgreSQL database (in the order stored) and its erased ids. */
const pgContents = (url) =>
  withPg(url, async (client) => ({
    rows: (await client.query(`SELECT ${ROW} FROM ankieta_responses ORDER BY seq`)).rows,
    erased: (await client.query('SELECT id FROM ankieta_erased ORDER BY id')).rows.map((r) => r.id),
  }));

const byId = (rows) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The files of a directory with a hash of each, to see that nothing was made or changed. */
const directoryState = (dir) =>
  Object.fromEntries(
    readdirSync(dir).map((name) => [name, `${sha256(readFileSync(join(dir, name)))} ${statSync(join(dir, name)).mtimeMs}`]),
  );

/** A PostgreSQL database with the collector's schema (a collector started on it once). */
async function postgresWithSchema() {
  const place = await postgres.create();
  const collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0']);
  await collector.stop();
  return place;
}

/**
 * Holds an uncommitted insert of `row` in PostgreSQL: an import that reaches the same id waits
 * for it (ON CONFLICT). `blocked()` resolves once the import waits; `release()` rolls it back.
 */
async function holdRow(url, row) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`INSERT INTO ankieta_responses (${ROW}) VALUES ($1, $2, $3, $4, $5)`, [
    row.id,
    row.survey_id,
    row.body_sha256,
    row.body,
    row.received_on,
  ]);
  return {
    // Asked on a connection of its own: within a transaction the statistics views keep what they showed first.
    blocked: () =>
      withPg(url, (watcher) =>
        eventually(async () => {
          const waiting = await watcher.query(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
            [IMPORTER],
          );
          return Number(waiting.rows[0].n) === 1;
        }, 20_000),
      ),
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

const summary = (stdout) => {
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stdout: ${stdout}`);
  return lines[0];
};

describe('--import-sqlite refuses what it cannot import, and changes nothing', () => {
  const dirs = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ankieta-import-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** Runs an import of `file` that must be refused with exit 2 and `message`, leaving `dir` as it was. */
  const refused = async (file, message, dir = file.slice(0, file.lastIndexOf('/'))) => {
    const before = directoryState(dir);
    const { code, stdout, stderr } = await runImport(file, NOWHERE);
    assert.equal(code, 2, stderr);
    assert.match(stderr, message);
    assert.match(stderr, /^ankieta-collector: cannot import: /);
    assert.doesNotMatch(stderr, /hunter2/);
    assert.equal(stdout, '');
    assert.deepEqual(directoryState(dir), before, 'nothing made or changed beside it');
  };

  it('a file that is not there, a directory, or a file that is not SQLite', async () => {
    const dir = tempDir();
    await refused(join(dir, 'ankieta.sqlite'), /ankieta\.sqlite \(--import-sqlite\) does not exist: give the SQLite collector's database/);
    const place = await sqliteWith();
    try {
      await refused(place.dataDir, new RegExp(`is a directory: give the database file in it, ${place.file}`), place.dataDir);
    } finally {
      await place.drop();
    }
    writeFileSync(join(dir, 'export.json'), '{"surveyId":"konferencja","count":0,"responses":[]}\n'.repeat(200));
    await refused(join(dir, 'export.json'), /export\.json \(--import-sqlite\) is not a SQLite database/);
  });

  it("a SQLite database that is not the collector's, or of a schema newer or older than this collector's", async () => {
    const { default: Database } = await import('better-sqlite3');
    const dir = tempDir();
    const other = new Database(join(dir, 'other.sqlite'));
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    await refused(join(dir, 'other.sqlite'), /is a SQLite database but not the collector's: it has no ankieta_responses table/);

    const newer = await sqliteWith(rowsToStore(3));
    try {
      await withSqlite(newer.file, (db) => db.pragma('user_version = 99'));
      await refused(
        newer.file,
        /has schema version 99, newer than this collector knows \(6\): import with the collector version that wrote it/,
      );
    } finally {
      await newer.drop();
    }

    const older = await sqlite.create();
    try {
      await olderDatabase(older, 4, [
        { response: conferenceResponse(), body: JSON.stringify(conferenceResponse()), receivedOn: dayOffset(0) },
      ]);
      const file = join(older.dataDir, 'ankieta.sqlite');
      await refused(
        file,
        new RegExp(
          `has schema version 4, older than this collector's \\(6\\), and an import never changes it: start this version of the collector on it once \\(--data-dir ${older.dataDir}; it migrates the file at start\\), stop it, then import`,
        ),
      );
      assert.equal(await withSqlite(file, (db) => db.pragma('user_version', { simple: true })), 4, 'not migrated');
    } finally {
      await older.drop();
    }
  });

  it('without --database-url, or with options of a server (exit 2, as other option errors)', async () => {
    const file = join(tempDir(), 'ankieta.sqlite');
    for (const [args, message] of [
      [['--import-sqlite', file], /--import-sqlite copies into PostgreSQL: give its URL with --database-url \(or DATABASE_URL\)/],
      [['--import-sqlite', file, '--database-url', NOWHERE, '--port', '8787'], /--port is not an option of an import/],
      [['--import-sqlite', file, '--database-url', NOWHERE, '--token', TOKEN], /--token is not an option of an import/],
      [['--data-dir', tempDir(), '--database-url', NOWHERE, '--import-sqlite', file], /takes the SQLite file itself, not --data-dir/],
      [['--import-sqlite', file, '--database-url', 'mysql://ankieta:hunter2@db/ankieta'], /is a mysql:\/\/ URL/],
    ]) {
      const { code, stderr } = await runCollector(args, { timeoutMs: 10_000 });
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
      assert.match(stderr, message);
      assert.match(stderr, /\nTry --help\.\n$/);
      assert.doesNotMatch(stderr, /hunter2/);
    }
  });

  it("opens a stopped collector's file read-only, making no file beside it, and says when PostgreSQL does not answer (exit 1)", async () => {
    const place = await sqliteWith(rowsToStore(20));
    try {
      const before = directoryState(place.dataDir);
      const { code, stdout, stderr } = await runImport(place.file, NOWHERE);
      assert.equal(code, 1, stderr);
      assert.match(stderr, /cannot import: PostgreSQL at 127\.0\.0\.1:1\/ankieta: .*run the import again/);
      assert.doesNotMatch(stderr, /hunter2/);
      assert.equal(stdout, '');
      // A reader of a WAL database makes its -wal and -shm files where they are missing: the
      // importer's (root's), which the collector's own user could then not open.
      assert.deepEqual(directoryState(place.dataDir), before);
    } finally {
      await place.drop();
    }
  });

  it('is in --help, with the steps of a move', async () => {
    const { code, stdout } = await runCollector(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /^ {2}--import-sqlite <file> /m);
    assert.match(stdout, /^Moving from SQLite to PostgreSQL/m);
    const alone = await runCollector(['--import-sqlite', 'x', '--help']);
    assert.equal(alone.code, 0);
    assert.equal(alone.stdout, stdout);
  });
});

if (postgres)
  describe('--import-sqlite into PostgreSQL', () => {
    it('copies every response with its day of receipt and every erased id (a few thousand), keeps their order, and exits', async () => {
      const source = await sqliteWith();
      const target = await postgres.create();
      let collector = await startCollector([...source.args, '--token', TOKEN, '--rate-limit', '0']);
      try {
        // A few through the API, two of them erased on request, then thousands more.
        const posted = [conferenceResponse(), conferenceResponse(), conferenceResponse(), conferenceResponse()];
        for (const response of posted) assert.equal((await postJson(collector.url, response)).status, 201);
        for (const response of posted.slice(1, 3))
          assert.equal(
            (
              await request('DELETE', `${collector.url}/api/surveys/konferencja/responses/${response.id}`, {
                headers: { Authorization: `Bearer ${TOKEN}` },
              })
            ).status,
            204,
          );
        await collector.stop();
        await insertRows(source.file, rowsToStore(3000));
        const before = directoryState(source.dataDir);
        const { code, stdout, stderr } = await runImport(source.file, target.databaseUrl);
        assert.equal(code, 0, stderr);
        assert.doesNotMatch(stdout, /listening/, 'it does not serve');
        assert.equal(
          summary(stdout),
          `ankieta-collector: imported SQLite ${source.file} into PostgreSQL ${new URL(target.databaseUrl).host}${new URL(target.databaseUrl).pathname}: 3 002 responses: 3 002 imported, 0 already present, 0 not copied (erased in PostgreSQL), 0 conflicts; 2 erased ids: 2 copied, 0 already present; 0 responses deleted from PostgreSQL as erased`,
        );
        assert.deepEqual(directoryState(source.dataDir), before, 'the SQLite file unchanged, nothing made beside it');
        assert.deepEqual(
          await pgContents(target.databaseUrl),
          await sqliteContents(source.file),
          'every row, field by field, in the same order',
        );

        // What the README says to check: each survey's export, the same from both.
        collector = await startCollector([...source.args, '--token', TOKEN, '--rate-limit', '0']);
        const pgCollector = await startCollector([...target.args, '--token', TOKEN, '--rate-limit', '0']);
        try {
          for (const survey of ['konferencja', 'warsztaty']) {
            const [fromSqlite, fromPg] = await Promise.all([
              exportResponses(collector.url, survey),
              exportResponses(pgCollector.url, survey),
            ]);
            assert.ok(fromSqlite.json.count > 900);
            assert.equal(fromPg.text, fromSqlite.text, survey);
          }
        } finally {
          await pgCollector.stop();
        }
      } finally {
        await collector.stop();
        await source.drop();
        await target.drop();
      }
    });

    it('run again, or onto a database that receives responses, duplicates nothing: the same body is skipped, another is a conflict (listed, not overwritten, exit 3)', async () => {
      const rows = rowsToStore(500);
      rows[0].received_on = dayOffset(-30);
      const source = await sqliteWith(rows);
      const target = await postgres.create();
      const pgCollector = await startCollector([...target.args, '--token', TOKEN, '--rate-limit', '0']);
      try {
        // Since the move began, PostgreSQL received the same response as SQLite (a retry of one
        // whose answer never reached its device), another one under an id SQLite has, and a new one.
        const [same, clash] = rows.map((row) => JSON.parse(row.body));
        assert.equal((await postJson(pgCollector.url, same)).status, 201);
        const other = { ...clash, answers: { ...clash.answers, overall: 1 } };
        assert.equal((await postJson(pgCollector.url, other)).status, 201);
        const fresh = conferenceResponse();
        assert.equal((await postJson(pgCollector.url, fresh)).status, 201);

        const first = await runImport(source.file, target.databaseUrl);
        assert.equal(first.code, 3, first.stderr);
        assert.match(
          summary(first.stdout),
          / 500 responses: 498 imported, 1 already present \(1 given the earlier day of receipt SQLite had\), 0 not copied \(erased in PostgreSQL\), 1 conflict; /,
        );
        assert.match(
          first.stderr,
          new RegExp(
            `conflict: response ${clash.id} is in PostgreSQL with another body \\(survey konferencja, received ${dayOffset(0)}\\) than in SQLite \\(survey konferencja, received ${rows[1].received_on}\\): not imported, PostgreSQL's is kept\\n`,
          ),
        );
        assert.match(first.stderr, /1 response in SQLite not imported: PostgreSQL holds another body under the same id/);
        assert.doesNotMatch(first.stderr, /Odpowiedź/, 'no answer is printed');

        const expected = new Map(rows.map((row) => [row.id, row]));
        // PostgreSQL's body is kept for the clash; the same response keeps its row, dated the day SQLite received it.
        const stored = await pgContents(target.databaseUrl);
        const clashRow = stored.rows.find((row) => row.id === clash.id);
        assert.equal(clashRow.body, JSON.stringify(other));
        assert.equal(clashRow.received_on, dayOffset(0));
        expected.set(clash.id, clashRow);
        expected.set(
          fresh.id,
          stored.rows.find((row) => row.id === fresh.id),
        );
        assert.deepEqual(byId(stored.rows), byId([...expected.values()]));

        const again = await runImport(source.file, target.databaseUrl);
        assert.equal(again.code, 3, again.stderr);
        assert.match(
          summary(again.stdout),
          / 500 responses: 0 imported, 499 already present, 0 not copied \(erased in PostgreSQL\), 1 conflict; /,
        );
        assert.deepEqual(await pgContents(target.databaseUrl), stored, 'the second run changes nothing');
        assert.equal(
          (await exportResponses(pgCollector.url, 'konferencja')).json.count +
            (await exportResponses(pgCollector.url, 'warsztaty')).json.count,
          501,
        );
        assert.equal((await postJson(pgCollector.url, same)).status, 200, 'a retry of it is still "already stored"');
      } finally {
        await pgCollector.stop();
        await source.drop();
        await target.drop();
      }
    });

    it('an erasure wins: an id erased in SQLite deletes its response in PostgreSQL and a retry is acknowledged as erased; one erased in PostgreSQL is not copied', async () => {
      const source = await sqliteWith();
      const target = await postgres.create();
      const sqliteCollector = await startCollector([...source.args, '--token', TOKEN, '--rate-limit', '0']);
      const pgCollector = await startCollector([...target.args, '--token', TOKEN, '--rate-limit', '0']);
      const erase = (collector, response) =>
        request('DELETE', `${collector.url}/api/surveys/konferencja/responses/${response.id}`, {
          headers: { Authorization: `Bearer ${TOKEN}` },
        });
      try {
        const [erasedInSqlite, erasedInPg, kept] = [conferenceResponse(), conferenceResponse(), conferenceResponse()];
        for (const response of [erasedInSqlite, erasedInPg, kept])
          assert.equal((await postJson(sqliteCollector.url, response)).status, 201);
        assert.equal((await erase(sqliteCollector, erasedInSqlite)).status, 204);
        await sqliteCollector.stop();
        // A device whose first try never got its answer sends the erased response again, to the
        // new collector, before the import: stored there. Another response reached it too, and
        // was erased there on request.
        assert.equal((await postJson(pgCollector.url, erasedInSqlite)).status, 201);
        assert.equal((await postJson(pgCollector.url, erasedInPg)).status, 201);
        assert.equal((await erase(pgCollector, erasedInPg)).status, 204);

        const { code, stdout, stderr } = await runImport(source.file, target.databaseUrl);
        assert.equal(code, 0, stderr);
        assert.match(
          summary(stdout),
          /: 2 responses: 1 imported, 0 already present, 1 not copied \(erased in PostgreSQL\), 0 conflicts; 1 erased id: 1 copied, 0 already present; 1 response deleted from PostgreSQL as erased$/,
        );
        const stored = await pgContents(target.databaseUrl);
        assert.deepEqual(
          stored.rows.map((row) => row.id),
          [kept.id],
        );
        assert.deepEqual(stored.erased, [erasedInSqlite.id, erasedInPg.id].sort());
        for (const response of [erasedInSqlite, erasedInPg]) {
          const retry = await postJson(pgCollector.url, response);
          assert.equal(retry.status, 200);
          assert.equal(retry.json.status, 'erased', 'acknowledged, not stored');
        }
        assert.deepEqual(
          (await exportResponses(pgCollector.url, 'konferencja')).json.responses.map((r) => r.id),
          [kept.id],
        );
      } finally {
        await sqliteCollector.stop();
        await pgCollector.stop();
        await source.drop();
        await target.drop();
      }
    });

    it('keeps the day of receipt: --retention-days then deletes the same responses on PostgreSQL as on SQLite', async () => {
      const cutOff = dayOffset(-365);
      const rows = rowsToStore(5);
      // Received in 2016, the day before the cut-off, on it, today, and on a day no one knows
      // (written by an older collector process after the upgrade that added the day).
      ['2016-04-18', dayOffset(-366), cutOff, dayOffset(0), null].forEach((day, i) => (rows[i].received_on = day));
      const source = await sqliteWith(rows);
      const target = await postgres.create();
      try {
        const { code, stderr } = await runImport(source.file, target.databaseUrl);
        assert.equal(code, 0, stderr);
        // The one without a day is dated today, as PostgreSQL dates such rows (schema 7): kept too
        // long at worst, and --retention-days does delete it in the end.
        assert.deepEqual(
          byId((await pgContents(target.databaseUrl)).rows),
          byId(rows.map((row) => ({ ...row, received_on: row.received_on ?? dayOffset(0) }))),
        );
        const kept = [];
        for (const place of [target, source]) {
          const collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0', '--retention-days', '365']);
          try {
            assert.match(collector.output.stderr, new RegExp(`deleted 2 responses received before ${cutOff} \\(--retention-days 365\\)`));
            const ids = [];
            for (const survey of ['konferencja', 'warsztaty'])
              ids.push(...(await exportResponses(collector.url, survey)).json.responses.map((r) => r.id));
            kept.push(ids.sort());
          } finally {
            await collector.stop();
          }
        }
        assert.deepEqual(
          kept[0],
          rows
            .slice(2)
            .map((row) => row.id)
            .sort(),
        );
        assert.deepEqual(kept[0], kept[1], 'the same responses kept on both');
      } finally {
        await source.drop();
        await target.drop();
      }
    });

    it("given the collectors' --retention-days, does not bring back what they deleted as past its time when run again", async () => {
      const rows = rowsToStore(6);
      rows[0].received_on = '2016-04-18';
      rows[1].received_on = dayOffset(-366);
      const source = await sqliteWith(rows);
      const target = await postgres.create();
      try {
        assert.equal((await runImport(source.file, target.databaseUrl)).code, 0);
        const collector = await startCollector([...target.args, '--token', TOKEN, '--rate-limit', '0', '--retention-days', '365']);
        await collector.stop();
        assert.equal((await pgContents(target.databaseUrl)).rows.length, 4, 'the collector deleted the 2 received over 365 days ago');
        // Run again, the file kept while checking the move (README): the 2 stay deleted.
        const again = await runCollector([...importArgs(source.file, target.databaseUrl), '--retention-days', '365'], {
          timeoutMs: 60_000,
        });
        assert.equal(again.code, 0, again.stderr);
        assert.match(
          again.stdout,
          new RegExp(
            `0 imported, 4 already present, 0 not copied \\(erased in PostgreSQL\\), 2 not copied \\(received before ${dayOffset(-365)}, --retention-days 365\\)`,
          ),
        );
        assert.deepEqual(byId((await pgContents(target.databaseUrl)).rows), byId(rows.slice(2)));
      } finally {
        await source.drop();
        await target.drop();
      }
    });

    it('refuses a file cut short, and one with a stored body altered (whose pages are intact), before anything is copied', async () => {
      const torn = await sqliteWith(rowsToStore(3000));
      const altered = rowsToStore(3);
      // One byte changed inside a body, as a bad disk may leave it: quick_check sees no fault.
      altered[1].body = altered[1].body.replace('"answers":{', '"answers":[');
      const flipped = await sqliteWith(altered);
      const target = await postgres.create();
      try {
        truncateSync(torn.file, Math.floor(statSync(torn.file).size / 2));
        const cut = await runImport(torn.file, target.databaseUrl);
        assert.equal(cut.code, 2, cut.stderr);
        assert.ok(cut.stderr.includes(`${torn.file} (--import-sqlite) is damaged`), cut.stderr);
        const changed = await runImport(flipped.file, target.databaseUrl);
        assert.equal(changed.code, 2, changed.stderr);
        assert.ok(changed.stderr.includes(`is damaged (1 stored response no longer as stored: ${altered[1].id})`), changed.stderr);
        assert.match(changed.stderr, /nothing was copied/);
        const made = await withPg(
          target.databaseUrl,
          async (client) => (await client.query("SELECT to_regclass('ankieta_responses') AS t")).rows[0].t,
        );
        assert.equal(made, null, 'nothing copied');
      } finally {
        await torn.drop();
        await flipped.drop();
        await target.drop();
      }
    });

    it("with --retention-days, gives a response PostgreSQL received again SQLite's earlier day, past the period, so the collectors delete it", async () => {
      const rows = rowsToStore(2);
      rows[0].received_on = dayOffset(-40);
      const source = await sqliteWith(rows);
      const target = await postgres.create();
      const collector = await startCollector([...target.args, '--token', TOKEN, '--rate-limit', '0']);
      try {
        // The device never got SQLite's answer and sent it again to the new collector today.
        assert.equal((await postJson(collector.url, rows[0].body)).status, 201);
        const { code, stdout, stderr } = await runCollector([...importArgs(source.file, target.databaseUrl), '--retention-days', '30'], {
          timeoutMs: 60_000,
        });
        assert.equal(code, 0, stderr);
        assert.match(
          stdout,
          /1 imported, 1 already present \(1 given the earlier day of receipt SQLite had\), 0 not copied \(erased in PostgreSQL\), 0 not copied \(received before/,
        );
        const days = Object.fromEntries((await pgContents(target.databaseUrl)).rows.map((row) => [row.id, row.received_on]));
        assert.deepEqual(days, { [rows[0].id]: dayOffset(-40), [rows[1].id]: rows[1].received_on });
      } finally {
        await collector.stop();
        await source.drop();
        await target.drop();
      }
    });

    it('refuses a damaged file (exit 2, naming it and what to do) before anything is copied, at every run', async () => {
      const source = await sqliteWith(rowsToStore(5000));
      const target = await postgres.create();
      try {
        // 8 KiB of garbage three quarters in, as a bad disk or a torn copy leaves it.
        const size = statSync(source.file).size;
        const fd = openSync(source.file, 'r+');
        writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, Math.floor((size * 3) / 4 / 4096) * 4096);
        closeSync(fd);
        for (const run of [1, 2]) {
          const { code, stderr } = await runImport(source.file, target.databaseUrl);
          assert.equal(code, 2, `run ${run}: ${stderr}`);
          assert.ok(stderr.includes(`${source.file} (--import-sqlite) is damaged`), stderr);
          assert.match(stderr, /nothing was copied: import a backup of it instead/);
        }
        const made = await withPg(
          target.databaseUrl,
          async (client) => (await client.query("SELECT to_regclass('ankieta_responses') AS t")).rows[0].t,
        );
        assert.equal(made, null, 'PostgreSQL not even migrated: nothing copied');
      } finally {
        await source.drop();
        await target.drop();
      }
    });

    it('reads one moment of a file a collector is writing to, without holding it up, with progress on stderr; a run after it stops copies the rest', async () => {
      const rows = rowsToStore(3000);
      const source = await sqliteWith(rows);
      const target = await postgresWithSchema();
      const sqliteCollector = await startCollector([...source.args, '--token', TOKEN, '--rate-limit', '0']);
      let held;
      try {
        // The import waits at row 1500 for this uncommitted insert: meanwhile the collector goes on.
        held = await holdRow(target.databaseUrl, rows[1500]);
        const running = spawnImport(source.file, target.databaseUrl);
        assert.ok(await held.blocked(), 'the import is waiting');
        const later = [conferenceResponse(), conferenceResponse()];
        for (const response of later) {
          const started = Date.now();
          assert.equal((await postJson(sqliteCollector.url, response)).status, 201);
          assert.ok(Date.now() - started < 2_000, 'the collector is not held up');
        }
        // Erased after the import began: in the moment it reads, so copied; the next run erases it.
        const erased = JSON.parse(rows[2000].body);
        assert.equal(
          (
            await request('DELETE', `${sqliteCollector.url}/api/surveys/${erased.surveyId}/responses/${erased.id}`, {
              headers: { Authorization: `Bearer ${TOKEN}` },
            })
          ).status,
          204,
        );
        await new Promise((r) => setTimeout(r, 1_200));
        await held.release();
        held = undefined;
        const first = await running.result;
        assert.equal(first.code, 0, first.stderr);
        assert.match(first.stderr, /^ankieta-collector: went through \d 000 of 3 000 responses$/m, 'progress while it waited');
        assert.match(summary(first.stdout), /: 3 000 responses: 3 000 imported, /, 'what the file held when the import began');
        assert.deepEqual((await pgContents(target.databaseUrl)).rows, rows, 'those rows and no other');

        await sqliteCollector.stop();
        const second = await runImport(source.file, target.databaseUrl);
        assert.equal(second.code, 0, second.stderr);
        assert.match(
          summary(second.stdout),
          /: 3 001 responses: 2 imported, 2 999 already present, 0 not copied \(erased in PostgreSQL\), 0 conflicts; 1 erased id: 1 copied, 0 already present; 1 response deleted from PostgreSQL as erased$/,
        );
        assert.deepEqual(byId((await pgContents(target.databaseUrl)).rows), byId((await sqliteContents(source.file)).rows));
      } finally {
        await held?.release();
        await sqliteCollector.stop();
        await source.drop();
        await target.drop();
      }
    });

    it('killed midway leaves whole batches only, keeps a collector from starting on the file meanwhile, and a second run completes it', async () => {
      const rows = rowsToStore(3000);
      const source = await sqliteWith(rows);
      const target = await postgresWithSchema();
      let held;
      try {
        held = await holdRow(target.databaseUrl, rows[1500]);
        const running = spawnImport(source.file, target.databaseUrl);
        assert.ok(await held.blocked(), 'the import is waiting');
        // Its file read as it was: a collector started now would write to it underneath.
        const refused = await runCollector([...source.args, '--token', TOKEN, '--port', '0'], { timeoutMs: 10_000 });
        assert.equal(refused.code, 1, refused.stderr);
        assert.match(refused.stderr, /another collector is running on /);
        running.child.kill('SIGKILL');
        assert.equal((await running.result).signal, 'SIGKILL');
        await held.release();
        held = undefined;

        const part = (await pgContents(target.databaseUrl)).rows;
        assert.ok(part.length > 0 && part.length < 1500, `${part.length} rows: the batches before the one that waited, not its first rows`);
        assert.deepEqual(part, rows.slice(0, part.length), 'in the order stored, none missing before them');

        const { code, stdout, stderr } = await runImport(source.file, target.databaseUrl);
        assert.equal(code, 0, stderr);
        assert.match(
          summary(stdout),
          new RegExp(`: 3 000 responses: ${figure(3000 - part.length)} imported, ${figure(part.length)} already present, `),
        );
        assert.deepEqual((await pgContents(target.databaseUrl)).rows, rows);
      } finally {
        await held?.release();
        await source.drop();
        await target.drop();
      }
    });

    it('migrates an older PostgreSQL schema first, as a collector does at start', async () => {
      const rows = rowsToStore(10);
      const source = await sqliteWith(rows);
      const target = await postgres.create();
      try {
        const earlier = conferenceResponse();
        await olderDatabase(target, 2, [{ response: earlier, body: JSON.stringify(earlier) }]);
        const { code, stderr } = await runImport(source.file, target.databaseUrl);
        assert.equal(code, 0, stderr);
        const version = await withPg(
          target.databaseUrl,
          async (client) => (await client.query('SELECT version FROM ankieta_schema')).rows[0].version,
        );
        assert.equal(version, 7);
        const stored = (await pgContents(target.databaseUrl)).rows;
        assert.deepEqual(stored.slice(1), rows);
        assert.equal(stored[0].received_on, dayOffset(0), 'the older row dated by the migration');
      } finally {
        await source.drop();
        await target.drop();
      }
    });
  });

if (postgresMissing) it(postgresMissing, { skip: postgresMissing }, () => {});
