// Store and delivery figures in headless Chromium, against real IndexedDB and the reference
// collector on 127.0.0.1: how long an answer (a choice, a keystroke of text) takes to be
// committed in IndexedDB (median, p99), how long a completion (draft → outbox, strict
// durability) takes, and how many queued responses per second one tab's outbox delivers to
// the local collector. Prints figures, asserts nothing but that every response arrived.
//   npm run bench:store -- [--answers 500] [--keystrokes 200] [--completions 200] [--outbox 500]
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { startCollector } from '../test/support/collector-process.mjs';

const { values } = parseArgs({
  options: {
    answers: { type: 'string', default: '500' },
    keystrokes: { type: 'string', default: '200' },
    completions: { type: 'string', default: '200' },
    outbox: { type: 'string', default: '500' },
  },
});
const root = fileURLToPath(new URL('../', import.meta.url));

// The page's part: the store and sync layers exactly as the widget ships them.
const pageSource = `
import { uuid } from './src/engine/uuid.ts';
import { Database, OfflineStore } from './src/store/index.ts';
import { OfflineSession } from './src/sync/index.ts';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, median: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) };
};
const response = (id, seq) => ({
  id, surveyId: 'bench', surveyVersion: 1, locale: 'pl',
  startedAt: new Date().toISOString(), submittedAt: new Date().toISOString(),
  answers: { seq, overall: (seq % 5) + 1, talks: { t1: 4, t2: 'na' }, role: 'mayor', comments: 'Bardzo dobrze zorganizowana konferencja. '.repeat(4) },
});

window.bench = async ({ answers, keystrokes, completions, outbox, endpoint }) => {
  const result = {};

  const drafts = new OfflineSession({ surveyId: 'bench', databaseName: 'bench-answers-' + uuid() });
  await drafts.restore();
  const answerTimes = [];
  for (let i = 0; i < answers; i += 1) {
    const started = performance.now();
    await drafts.saveAnswer('q' + (i % 40), (i % 5) + 1);
    answerTimes.push(performance.now() - started);
  }
  result.answer = summary(answerTimes);

  // Typing: a keystroke every 20 ms, each timed until a write carrying it has committed.
  const keystrokeTimes = [];
  const pending = [];
  let text = '';
  for (let i = 0; i < keystrokes; i += 1) {
    text += 'abcdefghij'[i % 10];
    const started = performance.now();
    pending.push(drafts.saveAnswer('comments', text, { immediate: false }).then(() => keystrokeTimes.push(performance.now() - started)));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await Promise.all(pending);
  result.keystroke = summary(keystrokeTimes);

  const completeTimes = [];
  for (let i = 0; i < completions; i += 1) {
    await drafts.saveAnswer('overall', (i % 5) + 1);
    const started = performance.now();
    await drafts.complete(response(drafts.responseId, i));
    completeTimes.push(performance.now() - started);
  }
  result.complete = summary(completeTimes);
  drafts.dispose();

  // Fill an outbox for the endpoint, then time one tab delivering all of it.
  const databaseName = 'bench-outbox-' + uuid();
  const store = new OfflineStore(new Database({ name: databaseName }));
  const ids = [];
  for (let i = 0; i < outbox; i += 1) {
    const id = uuid();
    ids.push(id);
    await store.enqueue('bench', id, { id, surveyId: 'bench', endpoint, body: JSON.stringify(response(id, i)), queuedAt: Date.now() + i }, Date.now());
  }
  store.database.close();
  const sender = new OfflineSession({ surveyId: 'bench', endpoint, databaseName });
  let sent = 0;
  const done = new Promise((resolve) => sender.addEventListener('sent', () => ++sent === outbox && resolve()));
  const started = performance.now();
  await sender.restore();
  await done;
  result.flush = { n: outbox, seconds: (performance.now() - started) / 1000, ids };
  sender.dispose();
  return result;
};
`;

const bundle = await build({
  stdin: { contents: pageSource, resolveDir: root, sourcefile: 'bench-page.js', loader: 'js' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  tsconfig: `${root}tsconfig.json`,
  logLevel: 'warning',
});
const script = bundle.outputFiles[0].text;

const page = createServer((req, res) => {
  if (req.url === '/bench.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end(script);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><meta charset="utf-8"><title>bench:store</title><script type="module" src="/bench.js"></script>');
});
await new Promise((resolve) => page.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${page.address().port}`;
const collector = await startCollector({ origins: [origin] });

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const tab = await browser.newPage();
  await tab.goto(origin);
  await tab.waitForFunction(() => typeof window.bench === 'function');
  const result = await tab.evaluate((config) => window.bench(config), {
    answers: Number(values.answers),
    keystrokes: Number(values.keystrokes),
    completions: Number(values.completions),
    outbox: Number(values.outbox),
    endpoint: `${collector.url}/api/responses`,
  });
  const stored = new Set((await collector.responses('bench')).map((r) => r.id));
  const missing = result.flush.ids.filter((id) => !stored.has(id)).length;
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(
    `bench:store — ${await browser.version()}, headless, real IndexedDB; reference collector (SQLite, synchronous=FULL) on 127.0.0.1`,
  );
  console.log(
    `  answer → committed in IndexedDB (${result.answer.n} choices):       median ${ms(result.answer.median)}, p99 ${ms(result.answer.p99)}, max ${ms(result.answer.max)}`,
  );
  console.log(
    `  keystroke → committed (${result.keystroke.n} keystrokes 20 ms apart, text as typed): median ${ms(result.keystroke.median)}, p99 ${ms(result.keystroke.p99)}, max ${ms(result.keystroke.max)}`,
  );
  console.log(
    `  completion, draft → outbox (${result.complete.n}, strict durability): median ${ms(result.complete.median)}, p99 ${ms(result.complete.p99)}, max ${ms(result.complete.max)}`,
  );
  console.log(
    `  outbox flush to the local collector (${result.flush.n} responses, one tab):  ${(result.flush.n / result.flush.seconds).toFixed(0)} responses/s (${result.flush.seconds.toFixed(2)} s)`,
  );
  if (missing > 0) {
    console.error(`  ${missing} responses did not reach the collector`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await collector.close();
  page.close();
}
