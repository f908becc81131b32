// Runs the real collector (dist/collector.mjs, built by `npm run test:collector`) as a child
// process on an ephemeral port, on real storage: a SQLite file in a temp dir, and PostgreSQL
// when ANKIETA_TEST_DATABASE_URL names a server where throwaway databases may be created
// (scripts/pg-test.sh starts one and sets it).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const COLLECTOR = fileURLToPath(new URL('../../dist/collector.mjs', import.meta.url));
export const DEFINITIONS = fileURLToPath(new URL('./fixtures/definitions', import.meta.url));
export const TOKEN = 'test-token-0123456789abcdef';

if (!existsSync(COLLECTOR)) throw new Error(`${COLLECTOR} is missing: run "npm run test:collector" (it builds it first)`);

/**
 * The storages to run every case against. Each `create()` gives a fresh, empty place for one
 * group of tests and returns the flags that point a collector at it.
 */
export function storages() {
  const list = [
    {
      name: 'SQLite',
      async create() {
        const dir = mkdtempSync(join(tmpdir(), 'ankieta-collector-'));
        return { args: ['--data-dir', dir], dataDir: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
      },
    },
  ];
  const admin = process.env.ANKIETA_TEST_DATABASE_URL;
  if (admin) {
    list.push({
      name: 'PostgreSQL',
      async create() {
        const { default: pg } = await import('pg');
        const name = `ankieta_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
        const client = new pg.Client({ connectionString: admin });
        await client.connect();
        await client.query(`CREATE DATABASE ${name}`);
        await client.end();
        const url = new URL(admin);
        url.pathname = `/${name}`;
        return {
          args: ['--database-url', url.href],
          databaseUrl: url.href,
          drop: async () => {
            const c = new pg.Client({ connectionString: admin });
            await c.connect();
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            await c.end();
          },
        };
      },
    });
  }
  return list;
}

/** Why PostgreSQL cases are not in this run, for the test output. */
export const postgresMissing = process.env.ANKIETA_TEST_DATABASE_URL
  ? undefined
  : 'PostgreSQL cases need ANKIETA_TEST_DATABASE_URL (run: scripts/pg-test.sh npm run test:collector)';

/**
 * Starts a collector and resolves once it printed its start line. `stop()` sends SIGTERM,
 * `kill()` sends SIGKILL; both resolve when the process is gone.
 */
export function startCollector(args, { env = {} } = {}) {
  const child = spawn(process.execPath, [COLLECTOR, '--host', '127.0.0.1', '--port', '0', ...args], {
    env: { ...process.env, DATABASE_URL: '', ANKIETA_TOKEN: '', ANKIETA_ORIGINS: '', ANKIETA_DEFINITIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (output.stdout += d));
  child.stderr.on('data', (d) => (output.stderr += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start in 15 s:\n${output.stderr}`)), 15_000);
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output.stdout);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const done = (signal) => async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        return exited;
      };
      resolve({ url: match[1], output, child, exited, stop: done('SIGTERM'), kill: done('SIGKILL') });
    };
    child.stdout.on('data', onData);
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`collector exited with ${code} before starting:\n${output.stderr}`));
    });
  });
}

/**
 * Runs the collector to completion (for --help and start failures). After `timeoutMs` it is
 * killed, and `timedOut` says so.
 */
export function runCollector(args, { timeoutMs = 15_000, env = {} } = {}) {
  const child = spawn(process.execPath, [COLLECTOR, ...args], {
    env: { ...process.env, DATABASE_URL: '', ANKIETA_TOKEN: '', ANKIETA_ORIGINS: '', ANKIETA_DEFINITIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    }),
  );
}

/**
 * One HTTP request with full control over headers (fetch would add or forbid some).
 * `body` may be a string, a Buffer, or an array of chunks sent with chunked encoding.
 */
export function request(method, url, { headers = {}, body, agent } = {}) {
  return new Promise((resolve, reject) => {
    const chunked = Array.isArray(body);
    const req = httpRequest(url, {
      method,
      ...(agent ? { agent } : {}),
      headers: { ...(body !== undefined && !chunked ? { 'Content-Length': Buffer.byteLength(body) } : {}), ...headers },
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = raw.toString('utf8');
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, headers: res.headers, raw, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (chunked) for (const chunk of body) req.write(chunk);
    else if (body !== undefined) req.write(body);
    req.end();
  });
}

export const postJson = (base, body, headers = {}) =>
  request('POST', `${base}/api/responses`, {
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });

export const exportResponses = (base, surveyId, query = '', token = TOKEN) =>
  request('GET', `${base}/api/surveys/${surveyId}/responses${query}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

/** A valid response to fixtures/definitions/konferencja-v1.json. */
export function conferenceResponse(answers = {}, extra = {}) {
  return {
    id: randomUUID(),
    surveyId: 'konferencja',
    surveyVersion: 1,
    locale: 'pl',
    startedAt: '2016-05-12T09:00:00.000Z',
    submittedAt: '2016-05-12T09:00:00.000Z',
    answers: {
      overall: 4,
      talks: { t1: 5, t2: 'na' },
      role: ['mayor', 'other'],
      'role.other': 'Radny',
      comments: 'Dobrze zorganizowane',
      consent: true,
      ...answers,
    },
    ...extra,
  };
}

/** `n` random response ids in the order exports list them (by id). */
export const sortedIds = (n) => Array.from({ length: n }, () => randomUUID()).sort();

/** Posts the responses, `concurrency` at a time; every one must be stored (201). */
export async function postAll(base, responses, concurrency = 8) {
  for (let i = 0; i < responses.length; i += concurrency) {
    const replies = await Promise.all(responses.slice(i, i + concurrency).map((r) => postJson(base, r)));
    assert.deepEqual([...new Set(replies.map((r) => r.status))], [201], JSON.stringify(replies.find((r) => r.status !== 201)?.json));
  }
}

/**
 * Starts an export and stops reading after its first bytes (by then the collector has opened
 * its snapshot and is writing). `resume()` reads the rest: the text, and whether it ended whole.
 */
export function pausedExport(base, surveyId, query = '') {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}/api/surveys/${surveyId}/responses${query}`, {
      headers: { Authorization: `Bearer ${TOKEN}`, Connection: 'close' },
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('error', () => {});
      res.once('data', (chunk) => {
        chunks.push(chunk);
        res.pause();
        resolve({
          status: res.statusCode,
          resume: () =>
            new Promise((done) => {
              res.on('data', (c) => chunks.push(c));
              res.on('close', () => done({ text: Buffer.concat(chunks).toString('utf8'), complete: res.complete }));
              res.resume();
            }),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** A response to no definition, with texts that make it large (about 240 kB of JSON). */
export function largeResponse(surveyId, n) {
  const text = (k) => `Odpowiedź ${n}.${k}: zażółć gęślą jaźń; "cytat", =SUMA(A1) `.repeat(400).slice(0, 20_000);
  return { ...conferenceResponse(), surveyId, answers: Object.fromEntries(Array.from({ length: 6 }, (_, k) => [`t${k}`, text(k)])) };
}

/** Waits until `check()` holds, up to `ms`; resolves with whether it does. */
export async function eventually(check, ms = 5_000) {
  const until = Date.now() + ms;
  while (!(await check()) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return check();
}

/** The files in `dir` that hold `text` (as UTF-8 bytes). */
export const filesContaining = (dir, text) => readdirSync(dir).filter((name) => readFileSync(join(dir, name)).includes(text));

/**
 * A database as an older collector left it: schema `version` (2: before received_on; 3: after
 * the first-shipped migration 3; 4: before the hash was of the stored body), with `rows`
 * ({ response, body, receivedOn, sent }) in that order: `body` stored, with the SHA-256 of `sent`
 * (the bytes as received; `body` when absent), as those versions hashed it.
 */
export async function olderDatabase(place, version, rows) {
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
    for (const { response, body, receivedOn, sent: bytes = body } of rows)
      db.prepare(
        `INSERT INTO ankieta_responses (id, survey_id, body_sha256, body${received ? ', received_on' : ''}) VALUES (?, ?, ?, ?${received ? ', ?' : ''})`,
      ).run(response.id, response.surveyId, createHash('sha256').update(bytes).digest('hex'), body, ...(received ? [receivedOn] : []));
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
  for (const { response, body, receivedOn, sent: bytes = body } of rows)
    await client.query(
      `INSERT INTO ankieta_responses (id, survey_id, body_sha256, body${received ? ', received_on' : ''}) VALUES ($1, $2, $3, $4${received ? ', $5' : ''})`,
      [response.id, response.surveyId, createHash('sha256').update(bytes).digest('hex'), body, ...(received ? [receivedOn] : [])],
    );
  await client.end();
}

/** Every stored row of the responses table ({ id, survey_id, body_sha256, body }), in the order stored. */
export async function storedRows(place) {
  const sql = 'SELECT id, survey_id, body_sha256, body FROM ankieta_responses ORDER BY seq';
  if (place.dataDir) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(place.dataDir, 'ankieta.sqlite'), { readonly: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: place.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * stderr with the time taken out of each record line (export, erasure, deletion), after checking
 * there are `lines` of them, each with a UTC time to the second between `since` and now.
 */
export function withoutTimes(stderr, since, lines) {
  let timed = 0;
  const rest = stderr.replace(/^ankieta-collector: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) /gm, (_, time) => {
    const ms = Date.parse(time);
    assert.ok(ms >= Math.floor(since / 1000) * 1000 && ms <= Date.now(), `${time} is not between the start of the test and now`);
    timed++;
    return 'ankieta-collector: ';
  });
  assert.equal(timed, lines, `record lines with their time:\n${stderr}`);
  return rest;
}
