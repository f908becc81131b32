// Every API case of collector/README.md ("API") against each storage, through real HTTP.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  conferenceResponse,
  DEFINITIONS,
  eventually,
  exportResponses,
  filesContaining,
  postgresMissing,
  postJson,
  request,
  sortedIds,
  startCollector,
  storages,
  TOKEN,
  withoutTimes,
} from './helpers.mjs';

const PAGE = 'https://www.opole.pl';

for (const storage of storages()) {
  describe(`collector API on ${storage.name}`, () => {
    let place;
    let collector;
    let base;
    const start = async (extra = []) => {
      collector = await startCollector([
        ...place.args,
        '--token',
        TOKEN,
        '--origin',
        PAGE,
        '--definitions',
        DEFINITIONS,
        '--rate-limit',
        '0',
        ...extra,
      ]);
      base = collector.url;
    };

    before(async () => {
      place = await storage.create();
      await start();
    });
    after(async () => {
      await collector?.stop();
      await place?.drop();
    });

    const stored = async (surveyId) => (await exportResponses(base, surveyId)).json.responses;
    /** Sets the day a response was received, as if it came then (the collector is stopped). */
    const receivedOn = async (id, day) => {
      if (place.dataDir) {
        const { default: Database } = await import('better-sqlite3');
        const db = new Database(join(place.dataDir, 'ankieta.sqlite'));
        assert.equal(db.prepare('UPDATE ankieta_responses SET received_on = ? WHERE id = ?').run(day, id).changes, 1);
        db.close();
      } else {
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: place.databaseUrl });
        await client.connect();
        assert.equal((await client.query('UPDATE ankieta_responses SET received_on = $1 WHERE id = $2', [day, id])).rowCount, 1);
        await client.end();
      }
    };

    if (storage.name === 'SQLite')
      it('keeps its files readable by its own user only (directory 700, database, -wal and -shm 600)', async () => {
        assert.equal((await postJson(base, conferenceResponse(), { Origin: PAGE })).status, 201);
        const modes = { [place.dataDir]: statSync(place.dataDir).mode & 0o777 };
        for (const name of readdirSync(place.dataDir)) modes[name] = statSync(join(place.dataDir, name)).mode & 0o777;
        assert.ok(
          Object.keys(modes).some((name) => name.endsWith('-wal')),
          `the -wal file exists: ${Object.keys(modes)}`,
        );
        for (const [name, mode] of Object.entries(modes)) assert.equal(mode & 0o077, 0, `${name} is ${mode.toString(8)}`);
      });

    it('with --retention-days deletes the responses received longer ago, at start, whatever the device clock said', async () => {
      const hour = new Date(Math.floor(Date.now() / 36e5) * 36e5).toISOString();
      const old = conferenceResponse({ comments: 'received in 2016' });
      const fresh = conferenceResponse({}, { startedAt: hour, submittedAt: hour });
      // A tablet whose clock is years behind, or ahead: the collector's day of receipt counts.
      const wrongClock = conferenceResponse({ comments: 'x\u0000y' }); // and a NUL, which jsonb refuses
      const future = conferenceResponse({}, { startedAt: '2099-01-01T00:00:00.000Z', submittedAt: '2099-01-01T00:00:00.000Z' });
      for (const r of [old, fresh, wrongClock, future]) assert.equal((await postJson(base, r, { Origin: PAGE })).status, 201);
      await collector.stop();
      await receivedOn(old.id, '2016-04-18');
      const restarted = Date.now();
      await start(['--retention-days', '365']);
      assert.match(collector.output.stdout, /\| responses deleted 365 days after receipt \| /);
      const after = (await stored('konferencja')).map((r) => r.id);
      assert.ok(!after.includes(old.id), 'received in 2016: gone');
      for (const r of [fresh, wrongClock, future]) assert.ok(after.includes(r.id), `received today, submittedAt ${r.submittedAt}: stays`);
      const cutOff = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
      // The export's line is written once its reply has gone: it may reach this side a moment after.
      await eventually(() => collector.output.stderr.includes('export of survey'));
      assert.equal(
        withoutTimes(collector.output.stderr, restarted, 2),
        `ankieta-collector: deleted 1 response received before ${cutOff} (--retention-days 365)\n` +
          `ankieta-collector: export of survey konferencja: ${after.length} responses, json\n`,
        'how many were deleted, and no purge error (then the line of the export just made)',
      );
      if (place.dataDir)
        assert.deepEqual(
          filesContaining(place.dataDir, 'received in 2016'),
          [],
          'its bytes are gone from the files at once, as after an erasure',
        );
      await collector.stop();
      await start();
    });

    it('erases one response on an authorised DELETE, keeps it out of the exports, and does not store it again when a device retries it', async () => {
      const kept = conferenceResponse();
      const gone = conferenceResponse({ comments: 'Proszę usunąć moją odpowiedź' });
      for (const r of [kept, gone]) assert.equal((await postJson(base, r, { Origin: PAGE })).status, 201);
      const url = `${base}/api/surveys/konferencja/responses/${gone.id}`;
      assert.equal((await request('DELETE', url)).status, 401, 'no token');
      assert.equal((await request('DELETE', url, { headers: { Authorization: 'Bearer wrong' } })).status, 401, 'wrong token');
      const auth = { Authorization: `Bearer ${TOKEN}` };
      const erased = await request('DELETE', url, { headers: auth });
      assert.equal(erased.status, 204);
      if (place.dataDir)
        for (const name of readdirSync(place.dataDir))
          assert.ok(
            !readFileSync(join(place.dataDir, name)).includes('Proszę usunąć moją odpowiedź'),
            `the erased text is gone from ${name} at once, not at the next checkpoint`,
          );
      const ids = (await stored('konferencja')).map((r) => r.id);
      assert.ok(ids.includes(kept.id) && !ids.includes(gone.id), 'gone from the export, the other kept');
      const csv = (await exportResponses(base, 'konferencja', '?format=csv')).text;
      assert.ok(!csv.includes(gone.id) && !csv.includes('Proszę usunąć'), 'gone from the CSV');
      const retry = await postJson(base, gone, { Origin: PAGE });
      assert.equal(retry.status, 200, 'a device retrying it is acknowledged');
      assert.equal(retry.json.status, 'erased');
      assert.ok(!(await stored('konferencja')).some((r) => r.id === gone.id), 'and it is not stored again');
      assert.equal((await request('DELETE', url, { headers: auth })).status, 404, 'a second DELETE finds nothing');
      assert.equal((await request('DELETE', `${base}/api/surveys/konferencja/responses/not-a-uuid`, { headers: auth })).status, 404);
      assert.equal(
        (await request('DELETE', `${base}/api/surveys/inna/responses/${kept.id}`, { headers: auth })).status,
        404,
        'another survey',
      );
      assert.equal(
        (
          await request('DELETE', `${base}/api/surveys/konferencja/responses/${kept.id}`, {
            headers: { ...auth, Origin: 'https://evil.example' },
          })
        ).status,
        403,
        'another site',
      );
      if (storage.name === 'SQLite') {
        await collector.stop();
        const file = readFileSync(join(place.dataDir, 'ankieta.sqlite'));
        await start();
        assert.ok(!file.includes('Proszę usunąć'), 'its bytes overwritten in the database file (secure_delete)');
      }
    });

    /**
     * A response stored, then another program reading the SQLite file in a transaction, as
     * sqlite3's .backup does for the whole copy: `erase` it, see in which files its text is.
     */
    const storedWhileBackupReads = async () => {
      const marker = `Usuń mnie ${randomUUID()}`;
      const gone = conferenceResponse({ comments: marker });
      assert.equal((await postJson(base, gone, { Origin: PAGE })).status, 201);
      const { default: Database } = await import('better-sqlite3');
      const backup = new Database(join(place.dataDir, 'ankieta.sqlite'), { readonly: true });
      backup.exec('BEGIN');
      backup.prepare('SELECT count(*) FROM ankieta_responses').get();
      const inFiles = () => readdirSync(place.dataDir).filter((name) => readFileSync(join(place.dataDir, name)).includes(marker));
      return {
        backup,
        erase: () =>
          request('DELETE', `${base}/api/surveys/konferencja/responses/${gone.id}`, { headers: { Authorization: `Bearer ${TOKEN}` } }),
        /** The files still holding the text after up to 10 s. */
        waitUntilGone: async () => {
          for (let i = 0; i < 50 && inFiles().length; i++) await new Promise((r) => setTimeout(r, 200));
          return inFiles();
        },
      };
    };

    if (storage.name === 'SQLite')
      it('erases without stalling while another program reads the file (a backup), and the answers leave its files once it ends', async () => {
        const { backup, erase, waitUntilGone } = await storedWhileBackupReads();
        try {
          const started = Date.now();
          assert.equal((await erase()).status, 204);
          // It had waited SQLite's busy_timeout (5 s), with every other request held up.
          assert.ok(Date.now() - started < 4000, `the DELETE took ${Date.now() - started} ms`);
          assert.equal((await request('GET', `${base}/healthz`)).status, 200);
        } finally {
          backup.exec('COMMIT');
          backup.close();
        }
        // Retried every second: gone within a few seconds of the reader's end (it had stayed in
        // the -wal file until a checkpoint after about 4 MB of later writes).
        assert.deepEqual(await waitUntilGone(), [], 'the erased text is in no file once the backup ends');
      });

    if (storage.name === 'SQLite')
      it('says at a stop that an erased answer is still in the files while a reader holds them, and clears it at the next start', async () => {
        const { backup, erase, waitUntilGone } = await storedWhileBackupReads();
        try {
          assert.equal((await erase()).status, 204);
          const stopped = collector;
          await stopped.stop();
          assert.match(stopped.output.stderr, /what was deleted is still in the files of .*: it leaves them at the next start/);
        } finally {
          backup.exec('COMMIT');
          backup.close();
        }
        await start();
        assert.deepEqual(await waitUntilGone(), [], 'gone once the collector runs again, without waiting for its next stop');
      });

    it('reports health', async () => {
      const res = await request('GET', `${base}/healthz`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.json, { ok: true });
    });

    it('stores a new response with 201, and answers a byte-identical retry with 200 without storing it twice', async () => {
      const body = JSON.stringify(conferenceResponse());
      const first = await postJson(base, body);
      assert.equal(first.status, 201);
      const again = await postJson(base, body, { 'Idempotency-Key': JSON.parse(body).id });
      assert.equal(again.status, 200);
      const matching = (await stored('konferencja')).filter((r) => r.id === JSON.parse(body).id);
      assert.deepEqual(matching, [JSON.parse(body)]);
    });

    it('refuses the same id with other answers (409) and keeps the first one', async () => {
      const original = conferenceResponse();
      assert.equal((await postJson(base, original)).status, 201);
      const changed = await postJson(base, { ...original, answers: { ...original.answers, overall: 1 } });
      assert.equal(changed.status, 409);
      assert.equal(changed.json.error, 'conflict');
      // The body stored is the rule, not the bytes: the same JSON re-serialised with other
      // spacing makes the same body, so it is already stored.
      const respaced = await postJson(base, JSON.stringify(original, null, 2));
      assert.equal(respaced.status, 200);
      const kept = (await stored('konferencja')).filter((r) => r.id === original.id);
      assert.deepEqual(kept, [original]);
    });

    it('rejects an invalid response with 400 and the JSON paths of its problems', async () => {
      const res = await postJson(base, { ...conferenceResponse(), surveyVersion: 0, locale: 'de' });
      assert.equal(res.status, 400);
      assert.equal(res.json.error, 'invalid');
      assert.deepEqual(res.json.issues.map((i) => i.path).sort(), ['locale', 'surveyVersion']);
      const broken = await postJson(base, '{"id": ');
      assert.equal(broken.status, 400);
      assert.equal(broken.json.issues[0].path, '(root)');
      assert.match(broken.json.issues[0].message, /not valid JSON/);
      // "Łódź" as an ISO-8859-2 page would send it: 0xA3 is not UTF-8 on its own.
      const latin2 = Buffer.from(JSON.stringify(conferenceResponse({ comments: '#odz' })));
      latin2[latin2.indexOf('#')] = 0xa3;
      const notUtf8 = await postJson(base, latin2);
      assert.equal(notUtf8.status, 400);
      assert.deepEqual(notUtf8.json.issues, [{ path: '(root)', message: 'is not valid UTF-8' }]);
    });

    it('checks answers against the survey definition (400 with paths) when it knows the survey', async () => {
      const res = await postJson(base, conferenceResponse({ overall: 9, unknown_q: 'x' }));
      assert.equal(res.status, 400);
      assert.deepEqual(res.json.issues.map((i) => i.path).sort(), ['answers.overall', 'answers.unknown_q']);
      const missingRequired = await postJson(base, conferenceResponse({ overall: undefined }));
      assert.equal(missingRequired.status, 400);
      assert.deepEqual(
        missingRequired.json.issues.map((i) => i.path),
        ['answers.overall'],
      );
    });

    it('accepts each known version of a survey and refuses an unknown version', async () => {
      assert.equal((await postJson(base, conferenceResponse({ nps: 9 }, { surveyVersion: 2 }))).status, 201);
      const v1WithV2Question = await postJson(base, conferenceResponse({ nps: 9 }));
      assert.equal(v1WithV2Question.status, 400);
      const unknown = await postJson(base, conferenceResponse({}, { surveyVersion: 7 }));
      assert.equal(unknown.status, 400);
      assert.equal(unknown.json.issues[0].path, 'surveyVersion');
      assert.match(unknown.json.issues[0].message, /known: 1, 2/);
    });

    it('answers 404 for a survey it has no definition of', async () => {
      const res = await postJson(base, conferenceResponse({}, { surveyId: 'nieznana' }));
      assert.equal(res.status, 404);
      assert.equal(res.json.surveyId, 'nieznana');
    });

    it('rejects an Idempotency-Key that differs from the body id (400)', async () => {
      const response = conferenceResponse();
      const res = await postJson(base, response, { 'Idempotency-Key': randomUUID() });
      assert.equal(res.status, 400);
      assert.equal(res.json.issues[0].path, 'id');
      assert.equal(
        (await stored('konferencja')).some((r) => r.id === response.id),
        false,
      );
    });

    it('rejects a filled honeypot with 400 and stores nothing; an empty one is fine', async () => {
      const bot = conferenceResponse({}, { hp: 'http://spam.example' });
      const res = await postJson(base, bot);
      assert.equal(res.status, 400);
      assert.deepEqual(res.json.issues, [{ path: 'hp', message: 'must be empty' }]);
      assert.equal(
        (await stored('konferencja')).some((r) => r.id === bot.id),
        false,
      );
      assert.equal((await postJson(base, conferenceResponse({}, { hp: '' }))).status, 201);
    });

    it('answers 413 above 256 KiB, whether announced by Content-Length or sent chunked, and stores nothing', async () => {
      const response = conferenceResponse({ comments: 'x'.repeat(300 * 1024) });
      const announced = await postJson(base, response);
      assert.equal(announced.status, 413);
      assert.equal(announced.json.maxBytes, 256 * 1024);
      const text = JSON.stringify(response);
      const chunks = [];
      for (let i = 0; i < text.length; i += 16 * 1024) chunks.push(text.slice(i, i + 16 * 1024));
      const chunked = await request('POST', `${base}/api/responses`, { headers: { 'Content-Type': 'application/json' }, body: chunks });
      assert.equal(chunked.status, 413);
      assert.equal(
        (await stored('konferencja')).some((r) => r.id === response.id),
        false,
      );
      // Under the limit a chunked body is read whole (and then judged by the schema: text too long).
      const long = conferenceResponse({ comments: 'x'.repeat(30_000) });
      const underLimit = await request('POST', `${base}/api/responses`, {
        headers: { 'Content-Type': 'application/json' },
        body: [JSON.stringify(long).slice(0, 1000), JSON.stringify(long).slice(1000)],
      });
      assert.equal(underLimit.status, 400);
      assert.match(underLimit.json.issues[0].path, /comments/);
    });

    it('closes the connection after refusing a body unread (404, 415), reading at most 8 MiB more of it', async () => {
      for (const [path, type, status] of [
        ['/nope', 'application/json', '404'],
        ['/api/responses', 'text/plain', '415'],
      ]) {
        const { port } = new URL(base);
        const socket = connect(Number(port), '127.0.0.1');
        await new Promise((resolve) => socket.once('connect', resolve));
        let reply = '';
        socket.on('data', (d) => (reply += d));
        const closed = new Promise((resolve) => socket.once('close', resolve));
        socket.on('error', () => {});
        socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\nContent-Length: 60000000000\r\n\r\n`);
        const chunk = Buffer.alloc(1024 * 1024, 'x');
        let sent = 0;
        let done = false;
        closed.then(() => (done = true));
        // Node had read and thrown away a body of any size to keep the connection: 60 GB took 24 s of CPU.
        while (!done && sent < 40 * chunk.length) {
          if (!socket.write(chunk)) await Promise.race([new Promise((r) => socket.once('drain', r)), closed]);
          sent += chunk.length;
        }
        await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
        assert.ok(done, `${status}: the connection was closed (${sent / 1024 / 1024} MiB sent)`);
        assert.ok(sent < 30 * chunk.length, `${status}: closed after ${sent / 1024 / 1024} MiB`);
        assert.match(reply, new RegExp(`^HTTP/1.1 ${status} `), 'the refusal was read first');
        assert.match(reply, /\r\nConnection: close\r\n/i);
      }
    });

    it('answers 415 for anything but application/json in UTF-8', async () => {
      const body = JSON.stringify(conferenceResponse());
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=iso-8859-2',
      ]) {
        const res = await request('POST', `${base}/api/responses`, { headers: { 'Content-Type': type }, body });
        assert.equal(res.status, 415, type);
      }
      const none = await request('POST', `${base}/api/responses`, { body });
      assert.equal(none.status, 415);
      // A body said to be compressed is refused, not stored as the plain bytes it turned out to be.
      for (const encoding of ['gzip', 'br', 'deflate, gzip']) {
        const compressed = await postJson(base, body, { 'Content-Encoding': encoding });
        assert.equal(compressed.status, 415, encoding);
        assert.equal(compressed.json.error, 'unsupported content encoding', encoding);
        assert.equal(compressed.headers['accept-encoding'], 'identity', encoding);
      }
      const utf8 = await postJson(base, body, { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Encoding': 'identity' });
      assert.equal(utf8.status, 201);
      // An empty list of codings, or identity only, is no coding (RFC 9110 8.4).
      for (const encoding of ['', 'identity, identity', ' Identity '])
        assert.equal((await postJson(base, conferenceResponse(), { 'Content-Encoding': encoding })).status, 201, JSON.stringify(encoding));
    });

    it('allows listed origins (and its own host); refuses the rest in a reply they can read, and exports to them not at all', async () => {
      const preflight = await request('OPTIONS', `${base}/api/responses`, {
        headers: {
          Origin: PAGE,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,idempotency-key',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], PAGE);
      assert.match(preflight.headers['access-control-allow-headers'], /Idempotency-Key/);
      assert.equal(preflight.headers['access-control-allow-methods'], 'POST');

      const allowed = await postJson(base, conferenceResponse(), { Origin: PAGE });
      assert.equal(allowed.status, 201);
      assert.equal(allowed.headers['access-control-allow-origin'], PAGE);
      assert.equal(allowed.headers['access-control-expose-headers'], 'Retry-After, Date', 'a page elsewhere can read when to retry');

      // A page elsewhere may ask (its preflight passes) and is refused in a reply it can read, so
      // the widget there stops and tells the site owner; nothing it sends is stored.
      const evil = 'https://evil.example';
      const refusedPreflight = await request('OPTIONS', `${base}/api/responses`, {
        headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(refusedPreflight.status, 204);
      assert.equal(refusedPreflight.headers['access-control-allow-origin'], evil);
      const smuggled = conferenceResponse();
      const refused = await postJson(base, smuggled, { Origin: evil });
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.json, { error: 'origin not allowed' });
      assert.equal(refused.headers['access-control-allow-origin'], evil);
      assert.equal(
        (await stored('konferencja')).some((r) => r.id === smuggled.id),
        false,
      );
      // Exports answer no other site at all.
      const exportPreflight = await request('OPTIONS', `${base}/api/surveys/konferencja/responses`, {
        headers: { Origin: evil, 'Access-Control-Request-Method': 'GET' },
      });
      assert.equal(exportPreflight.status, 403);
      assert.equal(exportPreflight.headers['access-control-allow-origin'], undefined);

      const sameHost = await postJson(base, conferenceResponse(), { Origin: base });
      assert.equal(sameHost.status, 201);
    });

    it('counts a page as on its own host only where DNS rebinding cannot fake it: over HTTPS, or at an IP address or localhost', async () => {
      const { port } = new URL(base);
      const post = (origin, host) => postJson(base, conferenceResponse(), { Origin: origin, Host: host });
      // A page on the attacker's name, pointed at the collector's address once it had loaded:
      // the browser sends that name as both Origin and Host.
      const rebound = await post(`http://rebind.example:${port}`, `rebind.example:${port}`);
      assert.equal(rebound.status, 403, 'a name over plain HTTP');
      assert.deepEqual(rebound.json, { error: 'origin not allowed' });
      const exported = await request('GET', `${base}/api/surveys/konferencja/responses`, {
        headers: { Authorization: `Bearer ${TOKEN}`, Origin: `http://rebind.example:${port}`, Host: `rebind.example:${port}` },
      });
      assert.equal(exported.status, 403, 'nor an export to it');
      // An http:// page of the same name as an https:// collector is not the same origin either.
      assert.equal((await post('http://ankiety.example', 'ankiety.example')).status, 403, 'scheme http, name');
      // Over HTTPS the name's certificate was checked on the server that answered.
      assert.equal((await post('https://ankiety.example', 'ankiety.example')).status, 201, 'https');
      assert.equal((await post('https://ankiety.example', 'inna.example')).status, 403, 'https, another host');
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`])
        assert.equal((await post(`http://${host.toLowerCase()}`, host)).status, 201, host);
      assert.equal((await post(`http://127.0.0.1:${port}`, `127.0.0.1:1${port}`)).status, 403, 'another port');
    });

    it('exports only with the bearer token, and says whether it was missing or wrong', async () => {
      const missing = await exportResponses(base, 'konferencja', '', null);
      assert.equal(missing.status, 401);
      assert.equal(missing.headers['www-authenticate'], 'Bearer');
      assert.match(missing.json.message, /send Authorization: Bearer/);
      const wrong = await exportResponses(base, 'konferencja', '', 'not-the-token-at-all');
      assert.equal(wrong.status, 401);
      assert.equal(wrong.headers['www-authenticate'], 'Bearer error="invalid_token"');
      assert.match(wrong.json.message, /the token is not the collector's/);
      assert.equal(wrong.json.responses, undefined);
      const right = await exportResponses(base, 'konferencja');
      assert.equal(right.status, 200);
      assert.equal(right.json.surveyId, 'konferencja');
      assert.equal(right.json.count, right.json.responses.length);
      assert.equal((await exportResponses(base, 'nieznana')).status, 404);
      const preflight = await request('OPTIONS', `${base}/api/surveys/konferencja/responses`, {
        headers: { Origin: PAGE, 'Access-Control-Request-Method': 'GET' },
      });
      assert.equal(preflight.headers['access-control-allow-headers'], 'Authorization');
    });

    it('answers HEAD on an export with the headers of the GET, the token checked, and nothing read or logged as an export', async () => {
      const url = `${base}/api/surveys/konferencja/responses`;
      const logged = collector.output.stderr;
      assert.equal((await request('HEAD', url)).status, 401);
      const json = await request('HEAD', url, { headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.equal(json.status, 200);
      assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(json.raw.length, 0);
      const csv = await request('HEAD', `${url}?format=csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.equal(csv.status, 200);
      assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8; header=present');
      assert.equal(csv.headers['content-disposition'], 'attachment; filename="konferencja.csv"');
      assert.equal(
        (await request('HEAD', `${base}/api/surveys/nieznana/responses`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status,
        404,
      );
      assert.equal(collector.output.stderr, logged, 'no export line: nothing was exported');
      const post = await request('POST', url);
      assert.equal(post.status, 405);
      assert.equal(post.headers.allow, 'GET, HEAD, OPTIONS');
    });

    it('exports CSV for Polish Excel: BOM, ";", a column per question, matrix row and "other" text, formulas defused', async () => {
      const id = randomUUID();
      const response = conferenceResponse(
        { comments: '=HYPERLINK("http://x";"kliknij")\nśrednio; "ok"', 'role.other': '@SUM(1)', role: ['official', 'other'] },
        { id },
      );
      assert.equal((await postJson(base, response)).status, 201);
      const res = await exportResponses(base, 'konferencja', '?format=csv');
      assert.equal(res.status, 200);
      assert.match(res.headers['content-type'], /^text\/csv; charset=utf-8/);
      assert.match(res.headers['content-disposition'], /filename="konferencja.csv"/);
      assert.deepEqual([...res.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const lines = res.text.slice(1).split('\r\n');
      assert.equal(
        lines[0],
        '"id";"surveyVersion";"locale";"startedAt";"submittedAt";"overall";"talks.t1";"talks.t2";"role";"role.other";"nps";"comments";"consent"',
      );
      // A line break inside a quoted cell is a bare LF; records end with CRLF.
      const row = res.text.slice(res.text.indexOf(`"${id}"`)).split('\r\n')[0];
      assert.equal(
        row,
        `"${id}";1;"pl";"2016-05-12T09:00:00.000Z";"2016-05-12T09:00:00.000Z";4;5;"na";"official|other";"'@SUM(1)";"";"'=HYPERLINK(""http://x"";""kliknij"")\nśrednio; ""ok""";"true"`,
      );
      const commas = await exportResponses(base, 'konferencja', '?format=csv&sep=,');
      assert.ok(commas.text.startsWith('\uFEFF"id","surveyVersion","locale"'));
      assert.equal((await exportResponses(base, 'konferencja', '?format=xml')).status, 400);
    });

    it('stores what it checked: no padding, and of a key sent twice only the value that was validated', async () => {
      const id = randomUUID();
      const valid = JSON.stringify(conferenceResponse({ comments: 'ok' }, { id }));
      // JSON.parse keeps the last of two "comments"; a reader that keeps the first would get
      // text nobody validated, and the padding would be stored byte for byte.
      const body = `${valid.replace('"comments":"ok"', '"comments":"=evil()","comments":"ok"')}${' '.repeat(100_000)}`;
      assert.equal((await postJson(base, body)).status, 201);
      assert.equal((await postJson(base, body)).status, 200, 'a retry of the same bytes');
      const exported = await exportResponses(base, 'konferencja');
      assert.equal(exported.headers['transfer-encoding'], 'chunked', 'written as it is made');
      assert.equal(exported.headers['x-content-type-options'], 'nosniff');
      assert.ok(!exported.text.includes('evil'), 'the unvalidated value is not stored');
      assert.ok(!exported.text.includes('     '), 'no padding stored');
      assert.deepEqual(
        exported.json.responses.find((r) => r.id === id),
        JSON.parse(valid),
      );
    });

    it('defuses a formula after a leading line break in CSV', async () => {
      const id = randomUUID();
      assert.equal((await postJson(base, conferenceResponse({ comments: '\n=1+1' }, { id }))).status, 201);
      const res = await exportResponses(base, 'konferencja', '?format=csv');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.ok(res.text.includes(`"'\n=1+1"`), 'prefixed with an apostrophe');
    });

    it('defuses a formula behind leading spaces or invisible characters, or after a full-width sign, in CSV', async () => {
      const texts = [' =1+1', '\u00a0=1+1', '\u3000=1+1', '\u200b=HYPERLINK("http://x")', '\uff1d1+1', ' \u200b @SUM(A1)'];
      for (const comments of texts) assert.equal((await postJson(base, conferenceResponse({ comments }))).status, 201);
      const csv = (await exportResponses(base, 'konferencja', '?format=csv')).text;
      for (const text of texts) assert.ok(csv.includes(`;"'${text.replace(/"/g, '""')}";`), JSON.stringify(text));
    });

    it('exports scores per dimension with the band label from the definition', async () => {
      const response = {
        id: randomUUID(),
        surveyId: 'partnerstwo',
        surveyVersion: 1,
        locale: 'pl',
        startedAt: '2024-03-01T10:00:00Z',
        submittedAt: '2024-03-01T10:03:00Z',
        answers: { a1: 5, a2: 4 },
        scores: { strategic: { score: 88, band: 1 } },
      };
      assert.equal((await postJson(base, response)).status, 201);
      const wrongScore = await postJson(base, { ...response, id: randomUUID(), scores: { strategic: { score: 20, band: 0 } } });
      assert.equal(wrongScore.status, 400);
      assert.equal(wrongScore.json.issues[0].path, 'scores.strategic');
      const csv = (await exportResponses(base, 'partnerstwo', '?format=csv')).text.slice(1).split('\r\n');
      assert.equal(csv[0], '"id";"surveyVersion";"locale";"startedAt";"submittedAt";"a1";"a2";"score:strategic";"band:strategic"');
      // Times to the UTC hour (10:03 another client's minutes); one already on the hour as written.
      assert.equal(csv[1], `"${response.id}";1;"pl";"2024-03-01T10:00:00Z";"2024-03-01T10:00:00.000Z";5;4;88;"Dojrzały"`);
    });

    it('stores one row for many concurrent identical POSTs: one 201, the rest 200', async () => {
      const body = JSON.stringify(conferenceResponse());
      const results = await Promise.all(Array.from({ length: 24 }, () => postJson(base, body)));
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [...Array(23).fill(200), 201]);
      assert.equal((await stored('konferencja')).filter((r) => r.id === JSON.parse(body).id).length, 1);
    });

    it('keeps its data and schema across a restart', async () => {
      const response = conferenceResponse();
      assert.equal((await postJson(base, response)).status, 201);
      const before = (await stored('konferencja')).length;
      await collector.stop();
      collector = await startCollector([
        ...place.args,
        '--token',
        TOKEN,
        '--origin',
        PAGE,
        '--definitions',
        DEFINITIONS,
        '--rate-limit',
        '0',
      ]);
      base = collector.url;
      assert.equal((await stored('konferencja')).length, before);
      assert.equal((await postJson(base, response)).status, 200);
    });

    it('answers 404 for unknown paths and 405 for wrong methods', async () => {
      assert.equal((await request('GET', `${base}/api/nothing`)).status, 404);
      const wrong = await request('GET', `${base}/api/responses`);
      assert.equal(wrong.status, 405);
      assert.equal(wrong.headers.allow, 'POST, OPTIONS');
    });

    /**
     * Sends `head` as it is (what no HTTP client library would send) and resolves with the whole
     * reply; `halfClose` ends the sending side at once, as `nc -N` or a probe does.
     */
    const rawReply = (head, { halfClose = false } = {}) =>
      new Promise((resolve, reject) => {
        const socket = connect(Number(new URL(base).port), '127.0.0.1', () =>
          socket[halfClose ? 'end' : 'write'](`${head}Connection: close\r\n\r\n`),
        );
        let text = '';
        socket.on('data', (chunk) => (text += chunk));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });

    it('answers 400, not "storage unavailable", to a request target that is no path', async () => {
      for (const target of ['http://[::1', '//[', 'http://a:99999/']) {
        const reply = await rawReply(`GET ${target} HTTP/1.1\r\nHost: x\r\n`);
        assert.match(reply, /^HTTP\/1\.1 400 /, `${target}: ${reply.split('\r\n')[0]}`);
        assert.ok(!reply.includes('storage unavailable'), target);
      }
    });

    it('answers 400 to a request with two Host headers (RFC 9112), so no check uses a host the request was not for', async () => {
      const { host } = new URL(base);
      const two = await rawReply(`GET /healthz HTTP/1.1\r\nHost: ${host}\r\nHost: www.opole.pl\r\n`);
      assert.match(two, /^HTTP\/1\.1 400 /);
      assert.match(two, /more than one Host header/);
      // The same request with one Host is answered.
      assert.match(await rawReply(`GET /healthz HTTP/1.1\r\nHost: ${host}\r\n`), /^HTTP\/1\.1 200 /);
    });

    it('answers a client that half-closes after its request, also when the reply waits on the storage', async () => {
      const { host } = new URL(base);
      const auth = `Authorization: Bearer ${TOKEN}\r\n`;
      for (const head of [
        `GET /healthz HTTP/1.1\r\nHost: ${host}\r\n`,
        `HEAD /api/surveys/konferencja/responses HTTP/1.1\r\nHost: ${host}\r\n${auth}`,
      ])
        assert.match(await rawReply(head, { halfClose: true }), /^HTTP\/1\.1 200 /, head.split('\r\n')[0]);
    });
  });

  describe(`collector without definitions on ${storage.name}`, () => {
    let place;
    let collector;
    before(async () => {
      place = await storage.create();
      collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0']);
    });
    after(async () => {
      await collector?.stop();
      await place?.drop();
    });

    it('accepts any survey id and exports CSV columns from the union of answer keys', async () => {
      const base = collector.url;
      // Exports list responses by id: a's sorts first.
      const [idA, idB] = sortedIds(2);
      const a = { ...conferenceResponse({ overall: 5 }), id: idA, surveyId: 'dowolna' };
      const b = {
        ...conferenceResponse({ extra: 'nowe', talks: { t3: 2 } }),
        id: idB,
        surveyId: 'dowolna',
        scores: { x: { score: 50, band: 0 } },
      };
      assert.equal((await postJson(base, a)).status, 201);
      assert.equal((await postJson(base, b)).status, 201);
      const lines = (await exportResponses(base, 'dowolna', '?format=csv')).text.slice(1).split('\r\n');
      assert.equal(
        lines[0],
        '"id";"surveyVersion";"locale";"startedAt";"submittedAt";"overall";"talks.t1";"talks.t2";"role";"role.other";"comments";"consent";"talks.t3";"extra";"score:x";"band:x"',
      );
      assert.equal(lines.length, 4);
      assert.ok(lines[2].endsWith(';2;"nowe";50;0'));
      const empty = await exportResponses(base, 'jeszcze-nic');
      assert.deepEqual(empty.json, { surveyId: 'jeszcze-nic', count: 0, responses: [] });
    });

    it('gives at most 2000 CSV columns to answer keys: those in the most responses, the rest of a row as JSON in answers:more', async () => {
      const base = collector.url;
      // Each of three responses brings 1000 keys no other has; two real ones come after them
      // (in the export, which lists responses by id).
      const ids = sortedIds(5);
      const flood = [0, 1, 2].map((n) => ({
        ...conferenceResponse(),
        id: ids[n],
        answers: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`x${n}_${i}`, 'x'])),
        surveyId: 'szeroka',
      }));
      const real = [3, 4].map((n) => ({ ...conferenceResponse(), id: ids[n], surveyId: 'szeroka' }));
      for (const r of [...flood, ...real]) assert.equal((await postJson(base, r)).status, 201);
      const res = await exportResponses(base, 'szeroka', '?format=csv');
      assert.equal(res.status, 200);
      const lines = res.text.slice(1).split('\r\n');
      const header = lines[0].split(';');
      assert.equal(header.length, 5 + 2000 + 1, 'columns');
      assert.equal(header.at(-1), '"answers:more"');
      for (const key of ['overall', 'talks.t1', 'comments']) assert.ok(header.includes(`"${key}"`), key);
      // The third flood response has no column of its own: all 1000 answers are in the last cell.
      const third = lines[3].slice(lines[3].lastIndexOf(';"{') + 2, -1).replace(/""/g, '"');
      assert.equal(Object.keys(JSON.parse(third)).length, 1000);
      assert.equal((await exportResponses(base, 'szeroka')).json.count, 5, 'the JSON export is as it was');
    });

    it("stores another client's times to the UTC hour, as the widget sends them", async () => {
      const base = collector.url;
      const precise = {
        ...conferenceResponse({ overall: 4 }),
        surveyId: 'godziny',
        startedAt: '2016-04-18T09:17:42.123+02:00',
        submittedAt: '2016-04-18T09:59:59.999Z',
      };
      assert.equal((await postJson(base, precise)).status, 201);
      const [stored] = (await exportResponses(base, 'godziny')).json.responses;
      assert.equal(stored.startedAt, '2016-04-18T07:00:00.000Z');
      assert.equal(stored.submittedAt, '2016-04-18T09:00:00.000Z');
      assert.equal((await postJson(base, precise)).status, 200, 'the same bytes again: already stored');
    });
  });

  describe(`rate limit on ${storage.name}`, () => {
    let place;
    let collector;
    let started;
    before(async () => {
      place = await storage.create();
      started = Date.now();
      collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '3', '--origin', PAGE]);
    });
    after(async () => {
      await collector?.stop();
      await place?.drop();
    });

    it('answers 429 with Retry-After past the limit, and never stores or logs the client address', async () => {
      const base = collector.url;
      const statuses = [];
      let limited;
      for (let i = 0; i < 4; i++) {
        const res = await postJson(base, { ...conferenceResponse(), surveyId: 'limit' }, { Origin: PAGE });
        statuses.push(res.status);
        if (res.status === 429) limited = res;
      }
      assert.deepEqual(statuses, [201, 201, 201, 429]);
      assert.ok(Number(limited.headers['retry-after']) >= 1);
      assert.equal(limited.headers['access-control-allow-origin'], PAGE);
      // The organiser's export from the same address has a bucket of its own.
      assert.equal((await exportResponses(base, 'limit')).status, 200);
      await collector.stop();
      // The start line is all it ever printed: no request, body or address was logged; the
      // export's line on stderr says only which survey and how many.
      assert.equal(collector.output.stdout.trim().split('\n').length, 1);
      assert.match(collector.output.stdout, /^ankieta-collector listening on /);
      assert.equal(withoutTimes(collector.output.stderr, started, 1), 'ankieta-collector: export of survey limit: 3 responses, json\n');
      if (place.dataDir) {
        for (const file of readdirSync(place.dataDir))
          assert.equal(readFileSync(join(place.dataDir, file)).includes('127.0.0.1'), false, file);
      } else {
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: place.databaseUrl });
        await client.connect();
        const rows = await client.query("SELECT count(*)::int AS n FROM ankieta_responses r WHERE r::text LIKE '%127.0.0.1%'");
        const columns = await client.query(
          "SELECT column_name FROM information_schema.columns WHERE table_name = 'ankieta_responses' ORDER BY ordinal_position",
        );
        await client.end();
        assert.equal(rows.rows[0].n, 0);
        assert.deepEqual(
          columns.rows.map((r) => r.column_name),
          ['seq', 'id', 'survey_id', 'body_sha256', 'body', 'received_on'],
          'no column for a client address; the day of receipt only',
        );
      }
    });
  });
}

if (postgresMissing) it(postgresMissing, { skip: postgresMissing }, () => {});

describe('rate limit behind a reverse proxy', () => {
  const running = [];
  after(async () => {
    for (const { collector, place } of running) {
      await collector.stop();
      await place.drop();
    }
  });
  const start = async (args) => {
    const place = await storages()[0].create();
    const collector = await startCollector([...place.args, '--token', TOKEN, ...args]);
    running.push({ collector, place });
    return collector.url;
  };
  const burst = async (base, forwardedFor) => {
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await postJson(base, { ...conferenceResponse(), surveyId: 'proxy' }, { 'X-Forwarded-For': forwardedFor })).status);
    return statuses;
  };

  it('with --trust-proxy 1 limits each visitor by the address the proxy appended', async () => {
    const base = await start(['--rate-limit', '2', '--trust-proxy', '1']);
    assert.deepEqual(await burst(base, '198.51.100.7, 203.0.113.1'), [201, 201, 429]);
    // A different visitor behind the same proxy has its own bucket, whatever it claims further left.
    assert.deepEqual(await burst(base, '198.51.100.7, 203.0.113.2'), [201, 201, 429]);
  });

  it('limits an IPv6 client by its /64, so rotating addresses inside it does not help', async () => {
    const base = await start(['--rate-limit', '2', '--trust-proxy', '1']);
    assert.deepEqual(await burst(base, '2001:db8:1:2::1'), [201, 201, 429]);
    assert.deepEqual(await burst(base, '2001:db8:1:2:ffff:0:0:abcd'), [429, 429, 429], 'same /64');
    assert.deepEqual(await burst(base, '2001:db8:1:3::1'), [201, 201, 429], 'another /64');
  });

  it('without --trust-proxy ignores X-Forwarded-For, so a client cannot dodge the limit by forging it', async () => {
    const base = await start(['--rate-limit', '2']);
    const statuses = [...(await burst(base, '203.0.113.1')), ...(await burst(base, '203.0.113.2'))];
    assert.deepEqual(statuses, [201, 201, 429, 429, 429, 429]);
  });
});

describe('collector storage failure (SQLite, its file locked by another writer)', () => {
  it('answers 503 with Retry-After and CORS headers, so a page elsewhere can read when to try again', async () => {
    const { default: Database } = await import('better-sqlite3');
    const place = await storages()[0].create();
    const collector = await startCollector([...place.args, '--token', TOKEN, '--origin', PAGE, '--rate-limit', '0']);
    const lock = new Database(join(place.dataDir, 'ankieta.sqlite'));
    try {
      lock.exec('BEGIN EXCLUSIVE');
      // The collector waits out its busy timeout (5 s), then gives up on this request.
      const failed = await postJson(collector.url, conferenceResponse(), { Origin: PAGE });
      assert.equal(failed.status, 503);
      assert.deepEqual(failed.json, { error: 'storage unavailable' });
      assert.equal(failed.headers['retry-after'], '5');
      assert.equal(failed.headers['access-control-allow-origin'], PAGE);
      assert.match(failed.headers['access-control-expose-headers'], /Retry-After/);
      lock.exec('ROLLBACK');
      assert.equal((await postJson(collector.url, conferenceResponse(), { Origin: PAGE })).status, 201, 'works again once the lock goes');
    } finally {
      lock.close();
      await collector.stop();
      await place.drop();
    }
  });
});

describe('HEAD on an export when the storage fails', () => {
  it('answers 503, as the GET does, so a monitor using HEAD sees the failure', async () => {
    const place = await storages()[0].create();
    const collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0']);
    try {
      rmSync(place.dataDir, { recursive: true, force: true });
      const auth = { Authorization: `Bearer ${TOKEN}` };
      const url = `${collector.url}/api/surveys/konferencja/responses`;
      assert.equal((await request('GET', url, { headers: auth })).status, 503);
      const head = await request('HEAD', url, { headers: auth });
      assert.equal(head.status, 503);
      assert.equal(head.headers['retry-after'], '5');
    } finally {
      await collector.stop();
      await place.drop();
    }
  });
});

describe('a large export to a slow reader', () => {
  it('waits for the reader without piling up listeners (no warning on the console, every response delivered)', async () => {
    const place = await storages()[0].create();
    const collector = await startCollector([...place.args, '--token', TOKEN, '--definitions', DEFINITIONS, '--rate-limit', '0']);
    try {
      // About 5 MB of JSON, read 8 kB at a time, so the collector waits on the socket many times.
      const comments = 'Uwagi '.repeat(800);
      for (let i = 0; i < 1000; i += 8) {
        const replies = await Promise.all(Array.from({ length: 8 }, () => postJson(collector.url, conferenceResponse({ comments }))));
        assert.deepEqual([...new Set(replies.map((r) => r.status))], [201]);
      }
      const text = await new Promise((resolve, reject) => {
        const req = httpRequest(`${collector.url}/api/surveys/konferencja/responses`, { headers: { Authorization: `Bearer ${TOKEN}` } });
        req.on('response', (res) => {
          const chunks = [];
          res.pause();
          const tick = () => {
            const chunk = res.read(8192);
            if (chunk) chunks.push(chunk);
            if (!res.readableEnded) setTimeout(tick, 1);
          };
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          res.on('error', reject);
          tick();
        });
        req.on('error', reject);
        req.end();
      });
      assert.equal(JSON.parse(text).responses.length, 1000);
      assert.doesNotMatch(collector.output.stderr, /MaxListenersExceededWarning/);
    } finally {
      await collector.stop();
      await place.drop();
    }
  });
});
