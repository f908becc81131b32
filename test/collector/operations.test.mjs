// What an operations review found: the data directory removed under a running collector, files
// left readable by others, SIGTERM under keep-alive traffic, an unresponsive PostgreSQL, two
// collectors on one SQLite file, and start errors that did not say what was wrong.
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { conferenceResponse, exportResponses, postgresMissing, postJson, request, startCollector, storages, TOKEN } from './helpers.mjs';

const sqlite = storages()[0];

describe('the SQLite data directory removed while the collector runs', () => {
  it('refuses responses with 503 and fails /healthz, logging why, instead of acknowledging what a restart loses', async () => {
    const place = await sqlite.create();
    const args = [...place.args, '--token', TOKEN, '--rate-limit', '0'];
    let collector = await startCollector(args);
    try {
      assert.equal((await postJson(collector.url, conferenceResponse())).status, 201);
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
      await collector.stop();
      assert.ok(!existsSync(join(place.dataDir, 'ankieta.sqlite')), 'nothing written where the directory was');
      collector = await startCollector(args);
      assert.equal((await exportResponses(collector.url, 'konferencja')).json.count, 0);
    } finally {
      await collector.stop();
      await place.drop();
    }
  });
});

/**
 * A database as an older collector left it: schema `version` (2: before received_on; 3: after
 * the first-shipped migration 3), with `rows` ({ response, body, receivedOn }) in that order.
 */
async function olderDatabase(place, version, rows) {
  const received = version >= 3;
  if (place.dataDir) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(place.dataDir, 'ankieta.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE ankieta_responses (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, survey_id TEXT NOT NULL,
               body_sha256 TEXT NOT NULL, body TEXT NOT NULL);
             CREATE INDEX ankieta_responses_survey ON ankieta_responses (survey_id, seq);
             CREATE TABLE ankieta_erased (id TEXT PRIMARY KEY);`);
    if (received) db.exec('ALTER TABLE ankieta_responses ADD COLUMN received_on TEXT');
    for (const { response, body, receivedOn } of rows)
      db.prepare(
        `INSERT INTO ankieta_responses (id, survey_id, body_sha256, body${received ? ', received_on' : ''}) VALUES (?, ?, ?, ?${received ? ', ?' : ''})`,
      ).run(response.id, response.surveyId, createHash('sha256').update(body).digest('hex'), body, ...(received ? [receivedOn] : []));
    db.pragma(`user_version = ${version}`);
    db.close();
    return;
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: place.databaseUrl });
  await client.connect();
  await client.query(`CREATE TABLE ankieta_responses (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id uuid NOT NULL UNIQUE,
                        survey_id text NOT NULL, body_sha256 text NOT NULL, body text NOT NULL);
                      CREATE INDEX ankieta_responses_survey ON ankieta_responses (survey_id, seq);
                      CREATE TABLE ankieta_erased (id uuid PRIMARY KEY);
                      CREATE TABLE ankieta_schema (version integer NOT NULL);`);
  await client.query('INSERT INTO ankieta_schema (version) VALUES ($1)', [version]);
  if (received) await client.query('ALTER TABLE ankieta_responses ADD COLUMN received_on text');
  for (const { response, body, receivedOn } of rows)
    await client.query(
      `INSERT INTO ankieta_responses (id, survey_id, body_sha256, body${received ? ', received_on' : ''}) VALUES ($1, $2, $3, $4${received ? ', $5' : ''})`,
      [response.id, response.surveyId, createHash('sha256').update(body).digest('hex'), body, ...(received ? [receivedOn] : [])],
    );
  await client.end();
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
          rows.map((r) => r.response.id),
          'received before the upgrade, so not more than 365 days ago: kept',
        );
        for (const r of exported) {
          assert.equal(r.startedAt, '2020-03-01T09:00:00.000Z');
          assert.equal(r.submittedAt, '2020-03-01T09:00:00.000Z');
        }
        // A retry of the same bytes is still "already stored": the hash is of what was received.
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
          [fresh.response.id, behind.response.id],
        );
        for (const r of exported) assert.equal(r.submittedAt, '2020-03-01T09:00:00.000Z');
      } finally {
        await collector.stop();
        await place.drop();
      }
    });
  });
}

if (postgresMissing) it(postgresMissing, { skip: postgresMissing }, () => {});
