#!/usr/bin/env node
// Renders <ankieta-report> with 1,000 responses × 40 questions in headless Chromium and prints
// the time until every section is on screen and the longest main-thread task: as wall time
// (Long Tasks API, what a user feels) and as CPU time of that thread (from a Chromium trace,
// which stays meaningful when other processes compete for the CPU).
//   npm run bench:report [-- --responses 1000 --runs 3 --segment role]
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { importTs } from './lib.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const count = Number(option('responses', 1000));
const runs = Number(option('runs', 3));
const segment = option('segment', '');

const { benchmarkDefinition, generateResponses } = await importTs(join(root, 'test/report/generate.ts'));
const definition = benchmarkDefinition();
const responses = generateResponses(definition, count, { seed: 42 });
const questions = definition.pages.flatMap((p) => p.questions).length;

// The element as organisers get it: minified, Lit's production build.
const bundle = await build({
  stdin: { contents: `import './src/components/report/report.ts';`, resolveDir: root, loader: 'ts' },
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  target: 'es2022',
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'error',
});

const page = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>bench</title></head><body>
<script type="module" src="/bench.js"></script></body></html>`;
// Runs in the page: waits for the data, then measures from setting the properties to `ankieta-ready`.
const bench = `
const tasks = [];
new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
const [definition, responses] = await Promise.all([fetch('/definition.json').then((r) => r.json()), fetch('/responses.json').then((r) => r.json())]);
await import('/report.js');
await new Promise((r) => setTimeout(r, 200));
const el = document.createElement('ankieta-report');
performance.mark('bench-start');
const start = performance.now();
let firstSection;
const watch = new MutationObserver(() => {
  if (!firstSection && el.shadowRoot?.querySelector('section.question')) firstSection = performance.now() - start;
});
el.addEventListener('ankieta-ready', () => {
  performance.mark('bench-end');
  const end = performance.now();
  const during = tasks.filter((t) => t.startTime + t.duration >= start && t.startTime <= end);
  window.__result = {
    ready: end - start,
    firstSection,
    longest: Math.max(0, ...during.map((t) => t.duration)),
    longTasks: during.length,
    blocked: during.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
    sections: el.shadowRoot.querySelectorAll('section.question').length,
    n: el.aggregate.report.n,
  };
});
el.definition = definition;
el.responses = responses;
${segment ? `el.segmentBy = ${JSON.stringify(segment)};` : ''}
document.body.append(el);
watch.observe(el.shadowRoot ?? el, { childList: true, subtree: true });
`;
const files = {
  '/': ['text/html', page],
  '/bench.js': ['text/javascript', bench],
  '/report.js': ['text/javascript', bundle.outputFiles[0].text],
  '/definition.json': ['application/json', JSON.stringify(definition)],
  '/responses.json': ['application/json', JSON.stringify(responses)],
};
const server = createServer((req, res) => {
  const file = files[new URL(req.url, 'http://x').pathname];
  if (!file) return res.writeHead(204).end();
  res.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8` }).end(file[1]);
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const url = `http://127.0.0.1:${server.address().port}/`;

/** The main thread's tasks between the two marks: the longest by wall time and by CPU time. */
function cpuOfTasks(events) {
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const start = mark('bench-start');
  const end = mark('bench-end');
  if (!start || !end) return { longestCpu: NaN, busyCpu: NaN };
  const tasks = events.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.ts + e.dur >= start.ts && e.ts <= end.ts,
  );
  return {
    longestCpu: Math.max(0, ...tasks.map((t) => (t.tdur ?? t.dur) / 1000)),
    busyCpu: tasks.reduce((sum, t) => sum + (t.tdur ?? t.dur) / 1000, 0),
  };
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const results = [];
try {
  for (let run = 0; run < runs; run++) {
    const tab = await browser.newPage();
    tab.on('pageerror', (error) => console.error('page error:', error.message));
    await tab.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    await tab.goto(url);
    await tab.waitForFunction('window.__result', { timeout: 120_000, polling: 100 });
    const trace = JSON.parse(new TextDecoder().decode(await tab.tracing.stop()));
    results.push({ ...(await tab.evaluate('window.__result')), ...cpuOfTasks(trace.traceEvents) });
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}

const median = (key) => {
  const values = results.map((r) => r[key]).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
};
const ms = (v) => `${Math.round(v)} ms`;
console.log(
  `<ankieta-report>: ${results[0].n} responses × ${questions} questions${segment ? `, broken down by "${segment}"` : ''}; ${results[0].sections} sections; ${runs} runs in headless Chromium (median)`,
);
console.log(`  first section on screen: ${ms(median('firstSection'))}`);
console.log(`  fully rendered (ankieta-ready): ${ms(median('ready'))}`);
console.log(
  `  longest main-thread task, wall time: ${ms(median('longest'))} (long tasks ≥ 50 ms: ${median('longTasks')}, blocking time over 50 ms: ${ms(median('blocked'))})`,
);
console.log(`  longest main-thread task, CPU time: ${ms(median('longestCpu'))} (main-thread CPU in all: ${ms(median('busyCpu'))})`);
console.log(
  `  per run (ready / longest wall / longest CPU): ${results.map((r) => `${ms(r.ready)} / ${ms(r.longest)} / ${ms(r.longestCpu)}`).join('; ')}`,
);
console.log(
  `  machine load average: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} on ${cpus().length} CPUs (wall times grow with load; CPU times do not)`,
);
