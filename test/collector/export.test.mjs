// Exports read the storage a batch at a time (collector/storage/batches.ts) from a snapshot:
// the bytes are those of the in-memory export (every body parsed at once, as the collector did
// before, and as the report's button does), in the order of their ids, in a heap smaller than the
// export, and a response stored or erased meanwhile is in it whole or not at all.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importTs } from '../../scripts/lib.mjs';
import {
  conferenceResponse,
  DEFINITIONS,
  eventually,
  exportResponses,
  filesContaining,
  largeResponse,
  pausedExport,
  postAll,
  postgresMissing,
  request,
  startCollector,
  storages,
  TOKEN,
} from './helpers.mjs';

const source = (path) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
// The in-memory path: the shared CSV writer given every response at once, the definitions as
// the collector loads them.
const { responsesCsv } = await importTs(source('src/report/responses-csv.ts'));
const { loadDefinitions, versionsNewestFirst } = await importTs(source('collector/definitions.ts'));

/** The stored bodies of a survey, in the order of their ids (as JavaScript sorts them), read from the storage itself. */
async function storedBodies(place, surveyId) {
  const byId = (rows) => rows.sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => r.body);
  if (place.dataDir) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(place.dataDir, 'ankieta.sqlite'), { readonly: true });
    try {
      return byId(db.prepare('SELECT id, body FROM ankieta_responses WHERE survey_id = ?').all(surveyId));
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: place.databaseUrl });
  await client.connect();
  try {
    return byId((await client.query('SELECT id::text, body FROM ankieta_responses WHERE survey_id = $1', [surveyId])).rows);
  } finally {
    await client.end();
  }
}

/** The JSON export as the collector wrote it from every body at once. */
const jsonOf = (surveyId, bodies) => `{"surveyId":${JSON.stringify(surveyId)},"count":${bodies.length},"responses":[${bodies.join(',')}]}`;

for (const storage of storages()) {
  describe(`an export of more rows than a batch, with definitions, on ${storage.name}`, () => {
    let place;
    let collector;
    before(async () => {
      place = await storage.create();
      collector = await startCollector([...place.args, '--token', TOKEN, '--definitions', DEFINITIONS, '--rate-limit', '0']);
    });
    after(async () => {
      await collector?.stop();
      await place?.drop();
    });

    it('writes the bytes of the in-memory export, CSV (either separator) and JSON, in the order of ids', async () => {
      const comments = ['', 'Dobrze', '=1+1', ' -2', 'Cudzysłów "tu"; i średnik', 'Wiersz\r\ndrugi', 'zażółć gęślą jaźń'];
      const responses = Array.from({ length: 1300 }, (_, i) => {
        const answers = {
          overall: (i % 5) + 1,
          talks: i % 3 ? { t1: (i % 5) + 1, t2: 'na' } : { t2: 2 },
          ...(i % 4 ? (i % 2 ? { role: ['mayor'] } : { role: ['official', 'other'], 'role.other': `Rola ${i}` }) : {}),
          comments: `${comments[i % comments.length]} ${i}`.repeat(1 + (i % 40)),
        };
        if (i % 7 === 0) delete answers.talks;
        if (i % 5) answers.consent = i % 3 === 0;
        return { ...conferenceResponse(), ...(i % 2 ? { answers } : { surveyVersion: 2, answers: { ...answers, nps: i % 11 } }) };
      });
      await postAll(collector.url, responses);
      const bodies = await storedBodies(place, 'konferencja');
      assert.equal(bodies.length, 1300);
      const json = await exportResponses(collector.url, 'konferencja');
      assert.equal(json.text, jsonOf('konferencja', bodies), 'JSON: the stored bodies in the order of ids');
      const versions = versionsNewestFirst(loadDefinitions(DEFINITIONS), 'konferencja');
      for (const sep of [';', ',']) {
        const csv = await exportResponses(collector.url, 'konferencja', `?format=csv&sep=${encodeURIComponent(sep)}`);
        assert.equal(csv.status, 200);
        assert.ok(
          csv.raw.equals(
            Buffer.from(
              responsesCsv(
                versions,
                bodies.map((b) => JSON.parse(b)),
                sep,
              ),
            ),
          ),
          `CSV with "${sep}": the bytes of the in-memory export`,
        );
      }
    });
  });

  describe(`exports without definitions, in a collector with a 48 MB heap, on ${storage.name}`, () => {
    let place;
    let collector;
    before(async () => {
      place = await storage.create();
      collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0'], {
        env: { NODE_OPTIONS: '--max-old-space-size=48' },
      });
    });
    after(async () => {
      await collector?.stop();
      await place?.drop();
    });

    it('chooses the same 2000 of many more answer keys as the in-memory export (counts, ties, first seen)', async () => {
      // 3000 keys, plain and matrix rows and scores, in random orders and numbers: more than
      // 2000 columns' worth, with many ties, so the columns depend on every response.
      let seed = 7;
      const random = (n) => (seed = (seed * 16807) % 2147483647) % n;
      const responses = Array.from({ length: 60 }, () => {
        const answers = {};
        for (let k = 0, n = 20 + random(120); k < n; k++) {
          const key = random(3000);
          if (key % 10 === 0) answers[`m${key}`] = { [`r${random(3)}`]: random(5), [`r${random(3) + 3}`]: 'na' };
          else answers[`k${key}`] = key % 3 ? `tekst ${key}` : key;
        }
        const scores = random(3) ? undefined : { [`d${random(4)}`]: { score: random(101), band: random(3) } };
        return { ...conferenceResponse(), surveyId: 'szeroka', answers, ...(scores ? { scores } : {}) };
      });
      await postAll(collector.url, responses);
      const bodies = await storedBodies(place, 'szeroka');
      const csv = await exportResponses(collector.url, 'szeroka', '?format=csv');
      const expected = responsesCsv(
        [],
        bodies.map((b) => JSON.parse(b)),
        ';',
      );
      assert.ok(expected.slice(0, expected.indexOf('\r\n')).endsWith('"answers:more"'), 'more than 2000 keys');
      assert.equal(csv.text, expected);
    });

    it('exports about 50 MB, more than the heap holds (the whole export in memory did not fit)', async () => {
      await postAll(
        collector.url,
        Array.from({ length: 360 }, (_, n) => largeResponse('duza', n)),
      );
      const bodies = await storedBodies(place, 'duza');
      const json = await exportResponses(collector.url, 'duza');
      assert.equal(json.status, 200);
      assert.ok(json.raw.length > 50_000_000, `${json.raw.length} bytes`);
      assert.equal(json.text, jsonOf('duza', bodies));
      const csv = await exportResponses(collector.url, 'duza', '?format=csv');
      assert.equal(
        csv.text,
        responsesCsv(
          [],
          bodies.map((b) => JSON.parse(b)),
          ';',
        ),
      );
      assert.doesNotMatch(collector.output.stderr, /heap|memory/i);
    });

    it('leaves out a response stored or erased during an export, or includes it whole (a snapshot)', async () => {
      const early = { ...conferenceResponse({ comments: 'Usunięta w trakcie' }), surveyId: 'duza' };
      await postAll(collector.url, [early]);
      const before = await storedBodies(place, 'duza');
      // Both wait on their reader past their first bytes, each holding its snapshot.
      const json = await pausedExport(collector.url, 'duza');
      const csv = await pausedExport(collector.url, 'duza', '?format=csv');
      const late = { ...conferenceResponse({ comments: 'Zapisana w trakcie' }), surveyId: 'duza' };
      await postAll(collector.url, [late]);
      const erasing = Date.now();
      const erased = await request('DELETE', `${collector.url}/api/surveys/duza/responses/${early.id}`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(erased.status, 204);
      assert.ok(Date.now() - erasing < 4_000, `the erasure took ${Date.now() - erasing} ms`);
      const [jsonText, csvText] = await Promise.all([json.resume(), csv.resume()]);
      assert.ok(jsonText.complete && csvText.complete);
      // As they were when each began: the erased one in, the one stored since out.
      assert.equal(jsonText.text, jsonOf('duza', before));
      assert.equal(
        csvText.text,
        responsesCsv(
          [],
          before.map((b) => JSON.parse(b)),
          ';',
        ),
      );
      const now = (await exportResponses(collector.url, 'duza')).json;
      assert.equal(now.count, before.length);
      assert.deepEqual(
        now.responses.find((r) => r.id === late.id),
        late,
        'the next export has the new one',
      );
      assert.ok(!now.responses.some((r) => r.id === early.id), 'and not the erased one');
      if (place.dataDir)
        assert.ok(
          await eventually(() => filesContaining(place.dataDir, 'Usunięta w trakcie').length === 0),
          'its bytes are gone once the exports that held it ended',
        );
    });

    if (storage.name === 'PostgreSQL')
      it('survives losing its database connection in the middle of an export: that export is cut, the next one works', async () => {
        const paused = await pausedExport(collector.url, 'duza');
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: place.databaseUrl });
        await client.connect();
        // The client has stopped reading, but the export may still be fetching its last batch
        // (state "active"): asked again until it waits in its transaction (a CI run saw 0 rows).
        let ended = 0;
        await eventually(async () => {
          ended += (
            await client.query(
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
            )
          ).rowCount;
          return ended > 0;
        });
        await client.end();
        assert.equal(ended, 1, 'the export was waiting in its transaction');
        const { complete } = await paused.resume();
        assert.equal(complete, false);
        assert.equal(collector.child.exitCode, null, 'the collector still runs');
        assert.match(collector.output.stderr, /connection lost during an export|terminat/);
        const next = await exportResponses(collector.url, 'duza');
        assert.equal(next.status, 200);
        assert.equal(next.json.count, next.json.responses.length);
      });
  });
}

if (postgresMissing) it(postgresMissing, { skip: postgresMissing }, () => {});
