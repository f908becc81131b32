// What a data-protection review of the collector found: a stored hash that gave away the exact
// time a response was sent, which the stored body had cut to the hour; exports in the order
// received, which joined two surveys filled one after the other row by row; and no trail of
// exports and erasures (RODO art. 5(2)).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  conferenceResponse,
  DEFINITIONS,
  exportResponses,
  olderDatabase,
  postgresMissing,
  postJson,
  request,
  startCollector,
  storages,
  storedRows,
  TOKEN,
  withoutTimes,
} from './helpers.mjs';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** A response from a client other than the widget: its times to the millisecond, its own spacing. */
function scriptedResponse(answers = {}) {
  const response = conferenceResponse(answers, { startedAt: '2016-05-12T09:04:10.512Z', submittedAt: '2016-05-12T09:17:42.123Z' });
  return { response, sent: JSON.stringify(response, null, 1) };
}

/** The body the collector stores for it: the checked response written out again, its times cut to the hour. */
const storedBodyOf = (response) =>
  JSON.stringify({ ...response, startedAt: '2016-05-12T09:00:00.000Z', submittedAt: '2016-05-12T09:00:00.000Z' });

for (const storage of storages()) {
  describe(`what is stored of a response, on ${storage.name}`, () => {
    it('keeps the hash of the stored body, not of the bytes received, so it carries no more than the body', async () => {
      const place = await storage.create();
      const collector = await startCollector([...place.args, '--token', TOKEN, '--definitions', DEFINITIONS, '--rate-limit', '0']);
      try {
        const { response, sent } = scriptedResponse();
        assert.equal((await postJson(collector.url, sent)).status, 201);
        const [row] = await storedRows(place);
        assert.equal(row.body, storedBodyOf(response), 'times cut to the hour');
        // Before: the SHA-256 of the bytes received, from which the exact submittedAt was found
        // by trying each millisecond of the stored hour (1.4 s here, 12 s in the review).
        assert.notEqual(row.body_sha256, sha256(sent), 'not the hash of the bytes received');
        assert.equal(row.body_sha256, sha256(row.body), 'the hash of the stored body');

        // A retry is still "already stored": the same bytes make the same stored body. So does
        // the same response re-spaced, or sent at another minute of the hour, since what would be
        // stored is the same; other answers are a conflict.
        assert.equal((await postJson(collector.url, sent)).status, 200);
        assert.equal((await postJson(collector.url, JSON.stringify(response))).status, 200);
        assert.equal((await postJson(collector.url, { ...response, submittedAt: '2016-05-12T09:59:00.000Z' })).status, 200);
        const other = await postJson(collector.url, { ...response, answers: { ...response.answers, overall: 1 } });
        assert.equal(other.status, 409);
        assert.deepEqual(
          (await storedRows(place)).map((r) => r.body),
          [storedBodyOf(response)],
        );
      } finally {
        await collector.stop();
        await place.drop();
      }
    });

    it('recomputes the hashes of an older database from the stored bodies, and a retry stored before is still answered 200', async () => {
      const place = await storage.create();
      // As the collector before stored them (schema 4): the body with its times cut, the hash of
      // the bytes as sent; 2500 rows, more than a batch of the migration.
      const rows = Array.from({ length: 2500 }, (_, i) => {
        const { response, sent } = scriptedResponse({ comments: `Komentarz ${i}` });
        return { response, sent, body: storedBodyOf(response), receivedOn: '2016-05-12' };
      });
      await olderDatabase(place, 4, rows);
      const collector = await startCollector([...place.args, '--token', TOKEN, '--definitions', DEFINITIONS, '--rate-limit', '0']);
      try {
        const stored = await storedRows(place);
        assert.equal(stored.length, rows.length);
        for (const [i, row] of stored.entries()) {
          assert.equal(row.body, rows[i].body, 'the bodies are not changed');
          assert.equal(row.body_sha256, sha256(row.body), `row ${i}: the hash of the stored body`);
        }
        // What the collector stores is what the rows hold: the export splices the stored bodies.
        assert.ok((await exportResponses(collector.url, 'konferencja')).text.includes(rows[0].body));
        // A device still retrying a response stored before the upgrade: 200, not 409.
        for (const row of [rows[0], rows[1234], rows.at(-1)]) {
          const retry = await postJson(collector.url, row.sent);
          assert.equal(retry.status, 200, JSON.stringify(retry.json));
          assert.equal(retry.json.status, 'already stored');
        }
        const changed = rows[1];
        assert.equal(
          (await postJson(collector.url, { ...changed.response, answers: { ...changed.response.answers, overall: 1 } })).status,
          409,
        );
      } finally {
        await collector.stop();
        await place.drop();
      }
    });
  });
}

for (const storage of storages().filter((s) => s.name === 'PostgreSQL')) {
  describe('a process of an older version still writing after a migration, on PostgreSQL', () => {
    it('has its rows dated by the database, so --retention-days deletes them in time', async () => {
      const place = await storage.create();
      const today = new Date().toISOString().slice(0, 10);
      // Written after migration 3 by a process that did not know received_on.
      const undated = conferenceResponse();
      await olderDatabase(place, 6, [{ response: undated, body: JSON.stringify(undated), receivedOn: null }]);
      const collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0']);
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: place.databaseUrl });
      await client.connect();
      try {
        // And one the old process writes after this start: its INSERT names no received_on.
        const later = conferenceResponse();
        await client.query('INSERT INTO ankieta_responses (id, survey_id, body_sha256, body) VALUES ($1, $2, $3, $4)', [
          later.id,
          later.surveyId,
          sha256(JSON.stringify(later)),
          JSON.stringify(later),
        ]);
        const { rows } = await client.query('SELECT id, received_on FROM ankieta_responses ORDER BY seq');
        assert.deepEqual(rows, [
          { id: undated.id, received_on: today },
          { id: later.id, received_on: today },
        ]);
      } finally {
        await client.end();
        await collector.stop();
        await place.drop();
      }
    });
  });
}

for (const storage of storages()) {
  describe(`the order of exports, on ${storage.name}`, () => {
    it('lists responses by id, not in the order received, so two surveys filled one after the other cannot be joined row by row', async () => {
      const place = await storage.create();
      const collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0']);
      try {
        // An anonymous evaluation and a separate survey for the e-mail address, as README
        // advises: each person fills one, then the other.
        const arrived = { ewaluacja: [], materialy: [] };
        for (let person = 0; person < 60; person++)
          for (const [surveyId, answers] of [
            ['ewaluacja', { overall: (person % 5) + 1 }],
            ['materialy', { email: `osoba${person}@example.org` }],
          ]) {
            const response = conferenceResponse({}, { surveyId, answers });
            assert.equal((await postJson(collector.url, response)).status, 201);
            arrived[surveyId].push(response.id);
          }
        for (const surveyId of ['ewaluacja', 'materialy']) {
          const json = (await exportResponses(collector.url, surveyId)).json.responses.map((r) => r.id);
          const csv = (await exportResponses(collector.url, surveyId, '?format=csv')).text
            .trim()
            .split('\r\n')
            .slice(1)
            .map((line) => line.split(';')[0].replace(/"/g, ''));
          assert.deepEqual(json, [...arrived[surveyId]].sort(), `${surveyId}: JSON in the order of ids`);
          assert.deepEqual(csv, json, `${surveyId}: CSV in the same order`);
          // Before: the order received, the same as the other survey's.
          assert.notDeepEqual(json, arrived[surveyId]);
        }
      } finally {
        await collector.stop();
        await place.drop();
      }
    });
  });
}

for (const storage of storages()) {
  describe(`the trail of exports and erasures, on ${storage.name}`, () => {
    it('writes one line on stderr per export and per erasure, with no address or token', async () => {
      const place = await storage.create();
      const started = Date.now();
      const collector = await startCollector([...place.args, '--token', TOKEN, '--definitions', DEFINITIONS, '--rate-limit', '0']);
      try {
        const responses = [conferenceResponse(), conferenceResponse(), conferenceResponse()];
        for (const r of responses) assert.equal((await postJson(collector.url, r)).status, 201);
        assert.equal((await exportResponses(collector.url, 'konferencja')).status, 200);
        assert.equal((await exportResponses(collector.url, 'konferencja', '?format=csv&sep=,')).status, 200);
        const erase = (id) =>
          request('DELETE', `${collector.url}/api/surveys/konferencja/responses/${id}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
        assert.equal((await erase(responses[1].id)).status, 204);
        assert.equal((await exportResponses(collector.url, 'konferencja', '?format=csv')).status, 200);
        // Refused, or nothing done: no line.
        assert.equal((await erase(responses[1].id)).status, 404);
        assert.equal((await exportResponses(collector.url, 'konferencja', '', 'wrong-token-0123456789')).status, 401);
        assert.equal((await exportResponses(collector.url, 'nieznana')).status, 404);
        assert.equal((await erase(responses[0].id)).status, 204);
        assert.equal((await exportResponses(collector.url, 'konferencja')).status, 200);
        await collector.stop();
        // Each line with its own time (a terminal or `docker logs` adds none), checked and taken out.
        assert.equal(
          withoutTimes(collector.output.stderr, started, 6),
          [
            'ankieta-collector: export of survey konferencja: 3 responses, json',
            'ankieta-collector: export of survey konferencja: 3 responses, csv',
            `ankieta-collector: erased response ${responses[1].id} of survey konferencja`,
            'ankieta-collector: export of survey konferencja: 2 responses, csv',
            `ankieta-collector: erased response ${responses[0].id} of survey konferencja`,
            'ankieta-collector: export of survey konferencja: 1 response, json',
            '',
          ].join('\n'),
        );
        assert.doesNotMatch(collector.output.stderr, /127\.0\.0\.1|::1|test-token|Bearer/);
      } finally {
        await collector.stop();
        await place.drop();
      }
    });
  });
}

if (postgresMissing) it(postgresMissing, { skip: postgresMissing }, () => {});
