#!/usr/bin/env node
// npm run bench:profile: where Ankieta's main-thread time goes, for finding what to speed up
// (`npm run bench` says how fast it is; this says why). In headless Chromium, on the same pages
// as `npm run bench`:
//   - page load (conference and 200 questions, fresh browser context each time): a CPU profile,
//     self time per function, mapped through the source map to src/… and node_modules/…;
//   - typing into the 200-question page: the same per keystroke, and the browser's own work per
//     keystroke from a trace (style, layout, paint), where a slow stylesheet shows up.
// The bundle is built with a source map into a temporary folder, so it is the default minifier's
// output, without the terser pass of dist/ankieta.js. Figures are per load or per keystroke,
// averaged over the runs. Self time of the page's harness (probe.js) is left out. Sampling adds
// its own cost, so the totals run higher than `npm run bench`'s CPU figures: compare the entries.
//   npm run bench:profile [-- --runs 5 --keys 30 --top 20]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SourceMapConsumer } from 'source-map';
import { importTs } from './lib.mjs';
import { launch, serve } from './bench/browser.mjs';
import { benchPages, routes, targets } from './bench/pages.mjs';
import { survey200 } from './bench/survey-200.mjs';

const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    keys: { type: 'string', default: '30' },
    top: { type: 'string', default: '20' },
  },
});
const runs = Number(options.runs);
const keys = Number(options.keys);
const top = Number(options.top);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const out = '/tmp/ankieta-bench-profile';
console.log('▸ building the script-tag bundle with a source map');
execFileSync('npx', ['vite', 'build', '--mode', 'iife', '--logLevel', 'warn', '--sourcemap', '--outDir', out, '--emptyOutDir'], {
  cwd: root,
  stdio: 'inherit',
});
const consumer = await new SourceMapConsumer(JSON.parse(readFileSync(`${out}/ankieta.js.map`, 'utf8')));

const lib = await importTs(join(root, 'src/index.ts'));
const conference = lib.surveyFromAgenda(JSON.parse(readFileSync(join(root, 'src/templates/examples/opole-2016.agenda.json'), 'utf8')));
const surveys = { conference, q200: lib.parseDefinition(survey200()).value };
const table = routes(root, Object.fromEntries(Object.entries(surveys).map(([id, definition]) => [id, benchPages(definition, lib)])));
table.set('/ankieta/ankieta.js', ['text/javascript; charset=utf-8', readFileSync(`${out}/ankieta.js`)]);
const { server, origin } = await serve(table);
const browser = await launch();

/** "src/i18n/index.ts:27 formatNumber" for a frame of the bundle; the V8 name otherwise. */
function place({ functionName, url, lineNumber, columnNumber }) {
  if (!url.endsWith('/ankieta/ankieta.js')) return url ? null : functionName || '(anonymous native)';
  const p = consumer.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
  if (!p.source) return '(the bundle, at no source position)';
  const source = p.source.replace(/^.*?node_modules\//, '').replace(/^.*?\/src\//, 'src/');
  return `${source}:${p.line} ${p.name ?? (functionName || '(anonymous)')}`;
}

/** Self time in ms per place, from a CDP CPU profile, added into `into`. */
function selfTimes(profile, into) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const key = place(nodes.get(id).callFrame);
    if (key === null || key === '(idle)') return;
    into.set(key, (into.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
}

function print(title, times, divisor, unit) {
  const total = [...times.values()].reduce((a, b) => a + b, 0) / divisor;
  console.log(`\n${title}: ${total.toFixed(1)} ms ${unit} on the main thread, the ${top} largest self times`);
  console.log("  ('(program)' is the browser's own work outside JavaScript: parsing, compiling, style, layout, paint)");
  for (const [key, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(ms / divisor).toFixed(ms / divisor < 1 ? 2 : 1).padStart(8)} ms  ${key}`);
}

async function openPage() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const cdp = await page.createCDPSession();
  return { context, page, cdp };
}

// ── Page load ────────────────────────────────────────────────────────────────────────────────
for (const survey of Object.keys(surveys)) {
  const times = new Map();
  for (let run = 0; run < runs; run++) {
    const { context, page, cdp } = await openPage();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(`${origin}/${survey}/ankieta.html`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => window.__benchDone);
    selfTimes((await cdp.send('Profiler.stop')).profile, times);
    await context.close();
  }
  print(`Page load, ${survey} (until rendered and interactive, ${runs} runs)`, times, runs, 'per load');
}

// ── Typing in the 200-question page ──────────────────────────────────────────────────────────
const BROWSER_WORK = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest'];
const work = Object.fromEntries(BROWSER_WORK.map((name) => [name, { count: 0, ms: 0 }]));
const typingTimes = new Map();
const text = targets(surveys.q200).text;
/** The 200-question page, loaded and ready, with the text question focused. */
async function readyToType() {
  const opened = await openPage();
  await opened.page.goto(`${origin}/q200/ankieta.html`, { waitUntil: 'domcontentloaded' });
  await opened.page.evaluate(() => window.__benchDone);
  await sleep(300);
  const input = await opened.page.evaluateHandle((id) => window.__control(id), text);
  await input.focus();
  return opened;
}
async function type(page) {
  for (let k = 0; k < keys; k++) {
    await page.keyboard.type('a');
    await sleep(100);
  }
}
// The CPU profile and the trace in separate page loads: each slows the other down.
for (let run = 0; run < runs; run++) {
  const profiled = await readyToType();
  await profiled.cdp.send('Profiler.enable');
  await profiled.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await profiled.cdp.send('Profiler.start');
  await type(profiled.page);
  selfTimes((await profiled.cdp.send('Profiler.stop')).profile, typingTimes);
  await profiled.context.close();

  const { page, context } = await readyToType();
  await page.tracing.start({ categories: ['devtools.timeline'] });
  await type(page);
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
  const main = trace.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  for (const e of trace) {
    if (e.ph !== 'X' || e.pid !== main.pid || e.tid !== main.tid || !(e.name in work)) continue;
    work[e.name].count++;
    work[e.name].ms += e.dur / 1000;
  }
  await context.close();
}
print(`Typing into ${text} of the 200-question page (${keys} keys × ${runs} runs)`, typingTimes, keys * runs, 'per keystroke');
console.log(`\nThe browser's work per keystroke, from a trace (times include JavaScript they wait for):`);
for (const [name, { count, ms }] of Object.entries(work))
  console.log(`${(ms / keys / runs).toFixed(2).padStart(8)} ms  ${name} (${(count / keys / runs).toFixed(1)} per keystroke)`);

await browser.close();
server.close();
