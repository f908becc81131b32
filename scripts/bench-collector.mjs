// Sustained POST /api/responses throughput and latency of the collector: starts it (built
// dist/collector.mjs) as its own process on 127.0.0.1 with the embedded storage in a temp
// dir, then this process sends distinct valid responses over keep-alive connections.
// Bounded by a request count and a time limit; prints figures, asserts nothing but that
// every 201 was stored.
//   npm run bench:collector -- [--requests 20000] [--seconds 20] [--concurrency 32] [--database-url URL]
//
// With --export N it measures exports instead: stores N responses (POSTs, as above), then
// downloads the CSV export --exports times (3) and the JSON export once, printing for each the
// time to the last byte, its size, and the collector's peak resident memory (VmHWM, reset
// before each export; Linux only), in a collector restarted after the storing.
// --comment-chars makes each response's comment that long; --collector runs another build
// (an older dist/collector.mjs, to compare).
//   npm run bench:collector -- --export 50000 [--exports 3] [--comment-chars N] [--collector FILE] [--database-url URL]
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '32' },
    'database-url': { type: 'string' },
    export: { type: 'string' },
    exports: { type: 'string', default: '3' },
    'comment-chars': { type: 'string' },
    collector: { type: 'string' },
  },
});
const REQUESTS = Number(values.requests);
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const WARMUP = 500;
const TOKEN = 'bench-token-0123456789abcdef';
// Unique per run, so a shared PostgreSQL database's earlier runs do not count.
const SURVEY = `bench-${randomUUID().slice(0, 8)}`;

const dataDir = mkdtempSync(join(tmpdir(), 'ankieta-bench-'));
const storageArgs = values['database-url'] ? ['--database-url', values['database-url']] : ['--data-dir', dataDir];
let collector;
let base;
let storage;
async function startCollector() {
  collector = spawn(
    process.execPath,
    [
      values.collector ?? fileURLToPath(new URL('../dist/collector.mjs', import.meta.url)),
      '--port',
      '0',
      '--rate-limit',
      '0',
      '--token',
      TOKEN,
      ...storageArgs,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '' } },
  );
  const startLine = await new Promise((resolve, reject) => {
    let out = '';
    collector.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    collector.once('exit', (code) => reject(new Error(`collector exited with ${code}`)));
  });
  base = /listening on (\S+)/.exec(startLine)[1];
  storage = /\| storage (.+?) \|/.exec(startLine)[1];
}
async function stopCollector() {
  collector.kill('SIGTERM');
  if (collector.exitCode === null && collector.signalCode === null) await new Promise((resolve) => collector.once('exit', resolve));
}
await startCollector();
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const COMMENT = 'Bardzo dobra organizacja, ciekawe panele. Prosimy o materiały po konferencji.';
const comment = values['comment-chars']
  ? COMMENT.repeat(Math.ceil(Number(values['comment-chars']) / COMMENT.length)).slice(0, Number(values['comment-chars']))
  : COMMENT;

function body() {
  const now = new Date().toISOString();
  return JSON.stringify({
    id: randomUUID(),
    surveyId: SURVEY,
    surveyVersion: 1,
    locale: 'pl',
    startedAt: now,
    submittedAt: now,
    answers: {
      overall: 4,
      talks: { t1: 5, t2: 3, t3: 'na' },
      role: ['mayor', 'other'],
      'role.other': 'Radny',
      comments: comment,
      consent: true,
    },
  });
}

function post(text) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(`${base}/api/responses`, {
      method: 'POST',
      agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

async function run(count, deadline) {
  const latencies = [];
  const statuses = new Map();
  let issued = 0;
  const worker = async () => {
    while (issued < count && Date.now() < deadline) {
      issued++;
      const { status, ms } = await post(body());
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies, statuses, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** The collector's resident memory now and at its peak (kB), from /proc; undefined elsewhere. */
function memory() {
  try {
    const status = readFileSync(`/proc/${collector.pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Resets the peak (VmHWM) to the memory in use now: writing 5 to clear_refs (Linux 4.0+). */
function resetPeak() {
  try {
    writeFileSync(`/proc/${collector.pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Downloads one export, hashing it as it comes: time to the last byte, size, SHA-256. */
function download(query) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const hash = createHash('sha256');
    let bytes = 0;
    request(`${base}/api/surveys/${SURVEY}/responses${query}`, { headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`export answered ${res.statusCode}`));
      res.on('data', (d) => {
        bytes += d.length;
        hash.update(d);
      });
      res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, bytes, sha256: hash.digest('hex') }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

async function exportBenchmark(count, times) {
  const seeded = await run(count, Infinity);
  const created = seeded.statuses.get(201) ?? 0;
  const mb = (kb) => (kb === undefined || Number.isNaN(kb) ? 'n/a' : `${(kb / 1024).toFixed(1)} MB`);
  console.log(`collector export benchmark: ${storage}`);
  console.log(`  machine: ${availableParallelism()} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
  console.log(`  stored ${created} responses in ${seeded.seconds.toFixed(1)} s (comment ${comment.length} characters)`);
  if (created !== count) {
    console.error(`  MISMATCH: ${count} sent but ${created} stored (${[...seeded.statuses].map(([s, n]) => `${n}×${s}`).join(', ')})`);
    process.exitCode = 1;
  }
  // A fresh process, so that what the storing left in its memory does not count.
  agent.destroy();
  await stopCollector();
  await startCollector();
  const before = memory();
  console.log(`  collector restarted; before the exports: RSS ${mb(before?.rss)}`);
  const hashes = new Set();
  const peaks = [];
  for (const [i, query] of [...Array.from({ length: times }, () => '?format=csv'), ''].entries()) {
    const reset = resetPeak();
    const { ms, bytes, sha256 } = await download(query);
    const after = memory();
    if (query) {
      hashes.add(sha256);
      peaks.push(after?.peak);
    }
    console.log(
      `  ${query ? `CSV export ${i + 1}` : 'JSON export'}: ${(bytes / 1048576).toFixed(1)} MB in ${ms.toFixed(0)} ms; ` +
        `collector peak RSS ${reset ? 'during it' : 'since start'} ${mb(after?.peak)}, RSS after ${mb(after?.rss)}; sha256 ${sha256.slice(0, 12)}`,
    );
  }
  console.log(`  max peak RSS over the CSV exports: ${mb(Math.max(...peaks))}`);
  if (hashes.size !== 1) {
    console.error('  MISMATCH: the CSV exports differ');
    process.exitCode = 1;
  }
}

async function throughputBenchmark() {
  await run(WARMUP, Date.now() + 10_000);
  const { latencies, statuses, seconds } = await run(REQUESTS, Date.now() + SECONDS * 1000);
  latencies.sort((a, b) => a - b);
  const exported = await new Promise((resolve, reject) => {
    request(`${base}/api/surveys/${SURVEY}/responses`, { headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve(JSON.parse(text).count));
    })
      .on('error', reject)
      .end();
  });
  const created = [...statuses].filter(([s]) => s === 201).reduce((n, [, c]) => n + c, 0);
  const fmt = (ms) => `${ms.toFixed(2)} ms`;
  console.log(`collector benchmark: ${storage}`);
  console.log(
    `  machine: ${availableParallelism()} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load from a second process over keep-alive HTTP on 127.0.0.1`,
  );
  console.log(
    `  ${latencies.length} POSTs (after ${WARMUP} warm-up) in ${seconds.toFixed(2)} s at concurrency ${CONCURRENCY} (limits: ${REQUESTS} requests, ${SECONDS} s)`,
  );
  console.log(`  throughput: ${Math.round(latencies.length / seconds)} POSTs/s`);
  console.log(
    `  latency: p50 ${fmt(percentile(latencies, 50))}, p90 ${fmt(percentile(latencies, 90))}, p99 ${fmt(percentile(latencies, 99))}, max ${fmt(latencies.at(-1))}`,
  );
  console.log(`  statuses: ${[...statuses].map(([s, n]) => `${n}×${s}`).join(', ')}; stored ${exported} (warm-up included: ${WARMUP})`);
  if (exported !== created + WARMUP) {
    console.error(`  MISMATCH: ${created + WARMUP} created but ${exported} stored`);
    process.exitCode = 1;
  }
}

try {
  if (values.export) await exportBenchmark(Number(values.export), Number(values.exports));
  else await throughputBenchmark();
} finally {
  agent.destroy();
  await stopCollector();
  rmSync(dataDir, { recursive: true, force: true });
}
