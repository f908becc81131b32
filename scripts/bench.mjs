#!/usr/bin/env node
// npm run bench: Ankieta against the floor (the same questions as a hand-written static HTML
// form) and against SurveyJS (survey-core + survey-js-ui, the same questions), in one headless
// Chromium run. Measures time until the survey is rendered and interactive, main-thread CPU
// time until then, JS heap after render, keystroke to next paint in a text question, and the
// gzip/brotli sizes of what a script-tag user downloads. Prints the figures and ratios and
// writes the same to BENCHMARKS.md (the file is written by this script only).
//   npm run bench [-- --runs 7 --keys 30 --no-build --out BENCHMARKS.md]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importTs, sizes } from './lib.mjs';
import { launch, serve } from './bench/browser.mjs';
import { benchPages, libraryFiles, routes, SURVEYJS_INIT, targets } from './bench/pages.mjs';
import { mix, survey200 } from './bench/survey-200.mjs';
import { byteSizes, kb, markdownTable, mb, median, ms, ratio, summary, textTable } from './bench/stats.mjs';

const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '1' },
    keys: { type: 'string', default: '30' },
    'key-interval': { type: 'string', default: '100' },
    build: { type: 'boolean', default: true },
    out: { type: 'string', default: 'BENCHMARKS.md' },
    // Every sample, for a closer look.
    json: { type: 'string' },
  },
  allowNegative: true,
});
const runs = Number(options.runs);
const warmup = Number(options.warmup);
const keyCount = Number(options.keys);
const keyInterval = Number(options['key-interval']);
const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');

const VARIANTS = ['static', 'ankieta', 'surveyjs'];
const NAMES = { static: 'static HTML', ankieta: 'Ankieta', surveyjs: 'SurveyJS' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const loadAtStart = load();

if (options.build) {
  console.log('▸ building dist/ankieta.js (vite build --mode iife)');
  execFileSync('npx', ['vite', 'build', '--mode', 'iife', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

// ── The surveys, from the project's own templates and schema ────────────────────────────────
const lib = await importTs(join(root, 'src/index.ts'));
const agendaFile = 'src/templates/examples/opole-2016.agenda.json';
const conference = lib.surveyFromAgenda(JSON.parse(readFileSync(join(root, agendaFile), 'utf8')));
const parsed200 = lib.parseDefinition(survey200());
if (!parsed200.ok) throw new Error(`the 200-question survey is invalid: ${JSON.stringify(parsed200.issues)}`);
const surveys = {
  conference: { definition: conference, label: `Conference evaluation (${agendaFile}), first page` },
  q200: { definition: parsed200.value, label: '200 questions on one page' },
};
for (const survey of Object.values(surveys)) {
  survey.targets = targets(survey.definition);
  survey.pages = benchPages(survey.definition, lib);
  survey.items = survey.definition.pages[0].questions.length;
}
const typing = 'q200';

// ── Sizes of what a script-tag user downloads ────────────────────────────────────────────────
const libraries = libraryFiles(root);
const fileSizes = {};
const librarySize = {};
for (const variant of VARIANTS) {
  librarySize[variant] = { raw: 0, gzip: 0, brotli: 0 };
  fileSizes[variant] = Object.values(libraries[variant]).map((file) => {
    const s = sizes(file);
    for (const key of ['raw', 'gzip', 'brotli']) librarySize[variant][key] += s[key];
    return { file: relative(root, file), ...s };
  });
}
const initSize = { ...byteSizes(Buffer.from(SURVEYJS_INIT)), file: 'the site owner’s init script (scripts/bench/pages.mjs)' };
const pageSize = (survey, variant) => {
  const harness = '<script src="/probe.js"></script>\n';
  const page = byteSizes(Buffer.from(surveys[survey].pages[variant].replace(harness, '')));
  if (variant === 'surveyjs') for (const key of ['raw', 'gzip', 'brotli']) page[key] += initSize[key];
  return page;
};

// ── The browser run ──────────────────────────────────────────────────────────────────────────
const table = routes(root, Object.fromEntries(Object.entries(surveys).map(([id, s]) => [id, s.pages])));
const { server, origin } = await serve(table);
const browser = await launch();
const chromium = await browser.version();
const problems = [];

/** One page load in a fresh browser context: timings, CPU, heap and (optionally) typing. */
async function measure(path, { type } = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      // The theme's web font on fonts.gstatic.com cannot be reached here (see "What is not equal").
      const font = path.includes('surveyjs') && message.text().includes('ERR_NAME_NOT_RESOLVED');
      if (message.type() === 'error' && !font) problems.push(`${path}: console error: ${message.text()}`);
    });
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    await page.goto(`${origin}${path}`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => window.__benchDone);
    const cpu = (await metrics()).ThreadTime * 1000;
    const result = await page.evaluate(() => ({ ...window.__bench }));
    if (path !== '/blank.html' && result.interactive === undefined) throw new Error(`${path}: never became interactive`);
    // Twice: the first pass can leave garbage that only a second one frees (weak references).
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const sample = { ...result, cpu, heap: heap.usedSize };
    if (type) {
      if (!(await page.evaluate((id) => window.__startTyping(id), type))) throw new Error(`${path}: could not focus ${type}`);
      const before = (await metrics()).ThreadTime;
      let typed = '';
      for (let i = 0; i < keyCount; i++) {
        const key = 'ankieta'[i % 7];
        typed += key;
        await page.keyboard.press(key);
        await sleep(keyInterval);
      }
      await sleep(300);
      sample.cpuPerKey = (((await metrics()).ThreadTime - before) * 1000) / keyCount;
      const value = await page.evaluate((id) => window.__typedValue(id), type);
      if (value !== typed) problems.push(`${path}: typed "${typed}" but the field holds "${value}"`);
      sample.keys = await page.evaluate(() => window.__bench.keys);
      if (sample.keys.length !== keyCount) problems.push(`${path}: ${sample.keys.length} of ${keyCount} keystrokes measured`);
    }
    return sample;
  } finally {
    await context.close();
  }
}

const results = Object.fromEntries(Object.keys(surveys).map((s) => [s, Object.fromEntries(VARIANTS.map((v) => [v, []]))]));
const blank = [];
try {
  const total = warmup + runs;
  for (let round = 0; round < total; round++) {
    const kept = round >= warmup;
    // Interleaved: each round rotates which contender goes first, so drifting load hits all alike.
    const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
    process.stdout.write(`▸ round ${round + 1}/${total}${kept ? '' : ' (warm-up, not counted)'}: ${order.join(', ')} … `);
    const b = await measure('/blank.html');
    if (kept) blank.push(b);
    for (const [id, survey] of Object.entries(surveys)) {
      for (const variant of order) {
        const sample = await measure(`/${id}/${variant}.html`, { type: id === typing ? survey.targets.text : undefined });
        if (kept) results[id][variant].push(sample);
      }
    }
    console.log(`load ${load()}`);
  }
} finally {
  await browser.close();
  server.close();
}
const loadAtEnd = load();

// ── Figures ─────────────────────────────────────────────────────────────────────────────────
const stat = (survey, variant, key) => summary(results[survey][variant].map((r) => r[key]));
const keys = (variant) => ({
  ...summary(results[typing][variant].flatMap((r) => r.keys)),
  cpu: median(results[typing][variant].map((r) => r.cpuPerKey)),
});
const figures = {};
for (const survey of Object.keys(surveys)) {
  figures[survey] = {};
  for (const variant of VARIANTS) {
    figures[survey][variant] = {
      interactive: stat(survey, variant, 'interactive'),
      cpu: stat(survey, variant, 'cpu'),
      heap: stat(survey, variant, 'heap'),
      signal: stat(survey, variant, 'signal'),
    };
  }
}
const keyFigures = Object.fromEntries(VARIANTS.map((v) => [v, keys(v)]));
const blankHeap = summary(blank.map((b) => b.heap));
const blankCpu = summary(blank.map((b) => b.cpu));
const blankNote = `An empty page with the same harness: JS heap ${mb(blankHeap.median)}, main-thread CPU ${ms(blankCpu.median)} by DOMContentLoaded (the fixed cost of a fresh page in every figure above).`;

const spread = (s, format) => `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
const perSurveyRows = (survey) => {
  const f = figures[survey];
  const row = (label, key, format) => [
    label,
    ...VARIANTS.map((v) => spread(f[v][key], format)),
    ratio(f.ankieta[key].median / f.static[key].median),
    ratio(f.surveyjs[key].median / f.ankieta[key].median),
  ];
  const rows = [
    row('rendered and interactive', 'interactive', ms),
    row('main-thread CPU until then', 'cpu', ms),
    row('JS heap after render', 'heap', mb),
  ];
  if (survey === typing) {
    const k = keyFigures;
    rows.push([
      'keystroke → next paint (median / p95)',
      ...VARIANTS.map((v) => `${ms(k[v].median)} / ${ms(k[v].p95)}`),
      `${ratio(k.ankieta.median / k.static.median)} / ${ratio(k.ankieta.p95 / k.static.p95)}`,
      `${ratio(k.surveyjs.median / k.ankieta.median)} / ${ratio(k.surveyjs.p95 / k.ankieta.p95)}`,
    ]);
    rows.push([
      'main-thread CPU per keystroke (mean)',
      ...VARIANTS.map((v) => ms(k[v].cpu)),
      ratio(k.ankieta.cpu / k.static.cpu),
      ratio(k.surveyjs.cpu / k.ankieta.cpu),
    ]);
  }
  return rows;
};
const header = ['', ...VARIANTS.map((v) => NAMES[v]), 'Ankieta / static', 'SurveyJS / Ankieta'];

const sizeRows = [];
const sizeRow = (label, get) => {
  const row = VARIANTS.map((v) => get(v));
  sizeRows.push([
    label,
    ...row.map((s) => `${kb(s.gzip)} / ${kb(s.brotli)}`),
    `${ratio(row[1].gzip / row[0].gzip)} / ${ratio(row[1].brotli / row[0].brotli)}`,
    `${ratio(row[2].gzip / row[1].gzip)} / ${ratio(row[2].brotli / row[1].brotli)}`,
  ]);
};
sizeRow('library files (what every page pays)', (v) => librarySize[v]);
for (const survey of Object.keys(surveys)) {
  sizeRow(`page + library: ${survey === typing ? '200 questions' : 'conference'}`, (v) => {
    const page = pageSize(survey, v);
    return { gzip: page.gzip + librarySize[v].gzip, brotli: page.brotli + librarySize[v].brotli };
  });
}
const sizeHeader = ['gzip -9 / brotli q11', ...VARIANTS.map((v) => NAMES[v]), 'Ankieta / static', 'SurveyJS / Ankieta'];

// The targets of issue 7 item 5: ≤ 1.5× the static form, ≥ 5× faster than SurveyJS, ≥ 10× smaller.
const checks = [];
const check = (what, value, op, limit) =>
  checks.push({ what, value, limit: `${op} ${limit}×`, met: op === '≤' ? value <= limit : value >= limit });
for (const survey of Object.keys(surveys)) {
  const f = figures[survey];
  const name = survey === typing ? '200 questions' : 'conference';
  check(`${name}: rendered and interactive, Ankieta / static`, f.ankieta.interactive.median / f.static.interactive.median, '≤', 1.5);
  check(`${name}: main-thread CPU, Ankieta / static`, f.ankieta.cpu.median / f.static.cpu.median, '≤', 1.5);
  check(`${name}: JS heap, Ankieta / static`, f.ankieta.heap.median / f.static.heap.median, '≤', 1.5);
  check(`${name}: rendered and interactive, SurveyJS / Ankieta`, f.surveyjs.interactive.median / f.ankieta.interactive.median, '≥', 5);
  check(`${name}: main-thread CPU, SurveyJS / Ankieta`, f.surveyjs.cpu.median / f.ankieta.cpu.median, '≥', 5);
}
check('200 questions: keystroke → paint (median), Ankieta / static', keyFigures.ankieta.median / keyFigures.static.median, '≤', 1.5);
check('200 questions: keystroke → paint (median), SurveyJS / Ankieta', keyFigures.surveyjs.median / keyFigures.ankieta.median, '≥', 5);
check('200 questions: main-thread CPU per keystroke, Ankieta / static', keyFigures.ankieta.cpu / keyFigures.static.cpu, '≤', 1.5);
check('200 questions: main-thread CPU per keystroke, SurveyJS / Ankieta', keyFigures.surveyjs.cpu / keyFigures.ankieta.cpu, '≥', 5);
check('library download gzip, SurveyJS / Ankieta', librarySize.surveyjs.gzip / librarySize.ankieta.gzip, '≥', 10);
check('library download brotli, SurveyJS / Ankieta', librarySize.surveyjs.brotli / librarySize.ankieta.brotli, '≥', 10);
const checkRows = checks.map((c) => [c.what, ratio(c.value), c.limit, c.met ? 'met' : 'MISSED']);
const checkHeader = ['', 'measured', 'target', 'result'];

const surveyJsVersion = JSON.parse(readFileSync(join(root, 'node_modules/survey-core/package.json'), 'utf8')).version;
const commit =
  git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', 'src').length ? ' (with uncommitted changes under src/)' : '');
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`;
const signalNote = (survey) =>
  `Ankieta's \`ankieta-ready\` fired at ${ms(figures[survey].ankieta.signal.median)}, SurveyJS's \`onAfterRenderSurvey\` at ${ms(figures[survey].surveyjs.signal.median)} (medians; the probe does not rely on either).`;
const failures = checks.filter((c) => !c.met).length;

// ── Terminal ────────────────────────────────────────────────────────────────────────────────
console.log(
  `\n${chromium}, headless; ${runs} measured rounds (+${warmup} warm-up), each page in a fresh browser context; figures: median (min–max)`,
);
console.log(
  `machine: ${machine}; load average ${loadAtStart} at start, ${loadAtEnd} at end (shared, loaded machine: wall times grow with load, CPU times much less)`,
);
for (const [id, survey] of Object.entries(surveys)) {
  console.log(`\n${survey.label} (${survey.items} items)`);
  console.log(textTable(header, perSurveyRows(id)));
  console.log(`  ${signalNote(id)}`);
}
console.log(`\n${blankNote}`);
console.log(`\nWhat a script-tag user downloads`);
console.log(textTable(sizeHeader, sizeRows));
console.log(`\nTargets`);
console.log(textTable(checkHeader, checkRows));
if (problems.length) console.log(`\nProblems seen:\n${[...new Set(problems)].map((p) => `  ${p}`).join('\n')}`);

// ── BENCHMARKS.md ───────────────────────────────────────────────────────────────────────────
const fileTable = markdownTable(
  ['file', 'raw', 'gzip -9', 'brotli q11'],
  [
    ...VARIANTS.flatMap((v) => fileSizes[v].map((f) => [`${NAMES[v]}: \`${f.file}\``, kb(f.raw), kb(f.gzip), kb(f.brotli)])),
    [`SurveyJS: ${initSize.file}`, kb(initSize.raw), kb(initSize.gzip), kb(initSize.brotli)],
  ],
);
const markdown = `# Benchmarks

<!-- Written by scripts/bench.mjs. Do not edit by hand: run the command below again. -->

Ankieta against the floor (the same questions as a hand-written static HTML form, no
JavaScript) and against SurveyJS ${surveyJsVersion} (\`survey-core\` + \`survey-js-ui\`, the same questions).

- Command: \`${command}\`
- Date: ${new Date().toISOString()}
- Ankieta: commit ${commit}, \`dist/ankieta.js\` built by \`vite build --mode iife\`
- Browser: ${chromium}, headless, 1280 × 800 viewport, \`--no-sandbox --disable-gpu\`
- Node ${process.version}; machine: ${machine}
- Load average (1, 5, 15 min): ${loadAtStart} at start, ${loadAtEnd} at end, on ${cpus().length} CPUs. The
  machine is shared and was loaded during the run: wall-clock times include waiting for the CPU.
  The main-thread CPU times do not, and are the steadier comparison.
- ${runs} measured rounds after ${warmup} warm-up round(s). In each round every page is loaded once,
  in a fresh browser context (cold HTTP cache, empty IndexedDB), the contenders interleaved and the
  order rotated every round. Figures are medians with (min–max) over the rounds.

## ${surveys.conference.label} (${surveys.conference.items} items)

${markdownTable(header, perSurveyRows('conference'))}

${signalNote('conference')}

## ${surveys.q200.label} (${surveys.q200.items} items)

${markdownTable(header, perSurveyRows('q200'))}

${signalNote('q200')}

The mix: ${mix(surveys.q200.definition)}. No visibility conditions (the static form has no logic).
Keystrokes: ${keyCount} per round into the first single-line text question (\`${surveys.q200.targets.text}\`),
${keyInterval} ms apart, ${keyFigures.ankieta.n} in all per contender.

${blankNote}

## What a script-tag user downloads

${markdownTable(sizeHeader, sizeRows)}

${fileTable}

"Page" is the HTML of the benchmark page without the measuring harness: for the static form the
form itself; for Ankieta and SurveyJS a page carrying the definition as inline JSON (and, for
SurveyJS, the few lines that start it).

## Targets (issue 7, item 5)

The issue sets "≤ 1.5× the static form, ≥ 5× faster than SurveyJS, ≥ 10× smaller" without naming
the metric for each; every metric each could mean is checked, against the medians above.

${markdownTable(checkHeader, checkRows)}

${failures ? `${failures} of ${checks.length} targets missed.` : `All ${checks.length} targets met.`}

## Definitions

- **Rendered and interactive**: measured in the page by one harness script shared by all three
  (\`scripts/bench/probe.js\`), which knows no library. From \`DOMContentLoaded\` it checks the
  composed DOM (open shadow roots included), in a task of its own after every DOM change and
  every 50 ms, until the first answerable question's first native control and the last item's
  first control (or the item itself) exist and have a layout box (not \`display: none\`, not
  \`visibility: hidden\`), and the first control takes focus. The figure is \`performance.now()\`
  (milliseconds since navigation start) in the first task after the next frame
  (\`requestAnimationFrame\`, then a posted message).
- **Main-thread CPU until then**: the renderer main thread's CPU time (\`ThreadTime\` of CDP
  \`Performance.getMetrics\`) read right after that moment. It counts parsing, script, style,
  layout and paint, and not time spent waiting for a CPU.
- **JS heap after render**: CDP \`Runtime.getHeapUsage\` (\`usedSize\`) after two forced garbage
  collections (\`HeapProfiler.collectGarbage\`), right after the survey became interactive.
- **Keystroke → next paint**: real key input sent through CDP (\`Input.dispatchKeyEvent\`, via
  puppeteer's \`keyboard.press\`) into the focused text field; from the key event's own
  \`timeStamp\` (when the browser received the key) to the first task after the frame that follows
  the \`input\` event it caused. Median and 95th percentile over all keystrokes. The CPU per
  keystroke is the main thread's CPU time from the first keystroke to 300 ms after the last,
  divided by the number of keystrokes (so it includes work a library defers, such as saving).
- **Sizes**: gzip level 9 and brotli quality 11 of each file, computed from the files on disk.
  SurveyJS: its documented CDN setup for the framework-free UI (\`survey-core.min.css\`,
  \`survey.core.min.js\`, \`survey-js-ui.min.js\`) plus \`i18n/polish.min.js\`, which a Polish survey
  needs for its own interface strings (Ankieta has Polish and English built in).
- **Same first page**: every contender renders the same first page. The conference evaluation
  is \`surveyFromAgenda\` of \`${agendaFile}\`; Ankieta and SurveyJS
  receive the whole survey (all ${conference.pages.length} pages, with conditions converted to SurveyJS expressions)
  and show page 1; the static form is page 1 written out as HTML. The 200-question survey is one
  page, so all 200 are rendered by all three.

## What is not equal

- SurveyJS's default theme names the Open Sans web font on fonts.gstatic.com. Nothing outside
  127.0.0.1 is reachable here, so those requests fail at once and the fallback font is used: the
  font files a real visitor downloads are neither timed nor counted in the sizes.
- SurveyJS's text questions update their model on blur by default (\`textUpdateMode: "onBlur"\`),
  so typing does no survey work there; Ankieta records the answer on every keystroke (and saves
  the draft to IndexedDB shortly after), as it promises to lose nothing.
- Ankieta opens IndexedDB (to restore a draft) before it shows the first page; the others store
  nothing. That is part of what it does, so it is timed.
- The static form's stylesheet is small and hand-written (\`scripts/bench/static.css\`); each library
  brings its own look.
- Pages are served from 127.0.0.1 without compression: transfer time is near zero, so download
  size shows up only in the sizes table, not in the times.
`;
writeFileSync(resolve(root, options.out), markdown);
if (options.json) writeFileSync(resolve(root, options.json), JSON.stringify({ results, blank }, null, 1));
console.log(`\nwritten to ${options.out}`);
if (problems.length) process.exitCode = 1;
