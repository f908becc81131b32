// Sustained POST /api/responses throughput and latency of the collector: starts it (built
// dist/collector.mjs) as its own process on 127.0.0.1 with the embedded storage in a temp
// dir, then this process sends distinct valid responses over keep-alive connections.
// Bounded by a request count and a time limit; prints figures, asserts nothing but that
// every 201 was stored.
//   npm run bench:collector -- [--requests 20000] [--seconds 20] [--concurrency 32] [--database-url URL]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
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
const collector = spawn(
  process.execPath,
  [fileURLToPath(new URL('../dist/collector.mjs', import.meta.url)), '--port', '0', '--rate-limit', '0', '--token', TOKEN, ...storageArgs],
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
const base = /listening on (\S+)/.exec(startLine)[1];
const storage = /\| storage (.+?) \|/.exec(startLine)[1];
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

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
      comments: 'Bardzo dobra organizacja, ciekawe panele. Prosimy o materiały po konferencji.',
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

try {
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
} finally {
  agent.destroy();
  collector.kill('SIGTERM');
  await new Promise((resolve) => collector.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
