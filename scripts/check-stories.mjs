#!/usr/bin/env node
// Checks the built Storybook (storybook-static/, from `npm run build-storybook`):
//   1. every custom element in custom-elements.json has stories (a story title ends with its tag
//      name, e.g. `Questions/ankieta-rating`);
//   2. every story and docs page renders in headless Chromium without a page error, a console
//      error, a failed play function or Storybook's error screen, and each story shows its element;
//   3. stories tagged `check-offline` go offline for real (Chromium's network emulation, so
//      `navigator.onLine` is false) and submit: the status must say the answers wait offline.
// Delivery stories POST to the collector stand-in (.storybook/collector-stand-in.js), which the
// static server below serves next to the files, as the dev server does.
//   node scripts/check-stories.mjs            both checks
//   node scripts/check-stories.mjs --index    only the manifest/index check (no browser)
//   STORYBOOK_URL=http://127.0.0.1:6006 node scripts/check-stories.mjs   checks a running `npm run storybook`
// CHROME_PATH overrides /usr/bin/chromium; STORY_FILTER=<substring> visits only matching ids.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { collectorStandIn } from '../.storybook/collector-stand-in.js';

const root = resolve(import.meta.dirname, '..');
const staticDir = join(root, 'storybook-static');
const fail = (message) => {
  console.error(`check-stories: ${message}`);
  process.exit(1);
};

/** A running Storybook (`npm run storybook`) to check instead of the static build. */
const running = process.env.STORYBOOK_URL?.replace(/\/$/, '');

if (!existsSync(join(root, 'custom-elements.json'))) fail('custom-elements.json is missing: run `npm run manifest`');
if (!running && !existsSync(join(staticDir, 'index.json'))) fail('storybook-static/index.json is missing: run `npm run build-storybook`');

const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean)).sort();
const index = running
  ? await (await fetch(`${running}/index.json`)).json()
  : JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'));
const entries = Object.values(index.entries);
const stories = entries.filter((e) => e.type === 'story');
const docs = entries.filter((e) => e.type === 'docs');
const elementOf = (entry) => entry.title.split('/').pop();

// 1. Stories against the manifest.
const missing = tags.filter((tag) => !stories.some((s) => elementOf(s) === tag));
if (missing.length)
  fail(
    `no stories for ${missing.map((t) => `<${t}>`).join(', ')} (custom-elements.json lists them; add stories/<name>.stories.ts titled '…/<tag>')`,
  );
const unknown = [...new Set(stories.map(elementOf))].filter((tag) => tag.startsWith('ankieta-') && !tags.includes(tag));
if (unknown.length) fail(`stories for elements not in custom-elements.json: ${unknown.join(', ')}`);
const perElement = tags.map((tag) => `${tag} ${stories.filter((s) => elementOf(s) === tag).length}`);
console.log(
  `check-stories: ${tags.length} elements in custom-elements.json, each with stories (${perElement.join(', ')}); ${stories.length} stories, ${docs.length} docs pages`,
);
if (process.argv.includes('--index')) process.exit(0);

// 2. Render every story and docs page.
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const server = createServer((req, res) => {
  collectorStandIn(req, res, () => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    // The browser asks for /favicon.ico on its own; Storybook ships an SVG one.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    let file = join(staticDir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(staticDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
});
if (!running) await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const origin = running ?? `http://127.0.0.1:${server.address().port}`;

/** Console errors a story means to cause, by the tag it carries. */
const EXPECTED = {
  // The browser logs every refused or dropped request, and <ankieta-survey> names a survey URL it
  // could not load for the site owner; the story is about exactly that.
  'expect-network-error': /^Failed to load resource|^<ankieta-survey>: Could not load /,
  // <ankieta-survey> names the problems of an invalid definition in the console for the developer.
  'expect-definition-error': /invalid survey definition/,
};

/** One browser per worker: a story sees a focused, visible page (a background tab gets no animation frames). */
const launch = () =>
  puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });

const PHASE_TIMEOUT = 60_000;

/**
 * Shows one entry in the worker's tab. Stories are switched the way Storybook's own test runner
 * does it, through the preview's channel (no reload, so ~130 stories take a fraction of the
 * time); a docs page, the first entry and the entry after a failure get a full page load.
 * Storage is cleared once per tab, and the stories that keep state (drafts, outbox, flags) use
 * their own survey ids and keys, as in the Storybook UI.
 */
async function visit(page, entry, reload) {
  const problems = [];
  // A docs page shows every story of its element, so it may cause what any of them causes.
  const causes = entry.type === 'docs' ? stories.filter((s) => s.title === entry.title).flatMap((s) => s.tags ?? []) : (entry.tags ?? []);
  const allowed = Object.entries(EXPECTED)
    .filter(([tag]) => causes.includes(tag))
    .map(([, pattern]) => pattern);
  const onError = (error) => problems.push(`page error: ${error.message}`);
  const onConsole = (message) => {
    if (message.type() !== 'error') return;
    // The browser's own favicon request: the dev server has no /favicon.ico.
    if (message.location()?.url?.endsWith('/favicon.ico')) return;
    const text = message.text();
    if (!allowed.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  try {
    if (entry.type === 'docs' || reload) {
      const viewMode = entry.type === 'docs' ? 'docs' : 'story';
      await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`, { waitUntil: 'load' });
    } else {
      await page.evaluate(
        (id) => globalThis.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode: 'story' }),
        entry.id,
      );
    }
    if (entry.type === 'story') {
      await page.waitForFunction(
        (id) => {
          const render = globalThis.__STORYBOOK_PREVIEW__?.currentRender;
          return render?.id === id && render.phase === 'finished';
        },
        { timeout: PHASE_TIMEOUT, polling: 50 },
        entry.id,
      );
    } else {
      // Every story has its block; inline ones show their element. Stories in their own frame
      // (survey, launcher) load lazily when scrolled to, and are checked one by one above.
      const count = stories.filter((s) => s.title === entry.title).length;
      await page.waitForFunction(
        (count, tag) => {
          const blocks = [...document.querySelectorAll('#storybook-docs .docs-story')];
          return blocks.length >= count && blocks.every((block) => block.querySelector('iframe') || block.querySelector(tag));
        },
        { timeout: PHASE_TIMEOUT, polling: 50 },
        count,
        elementOf(entry),
      );
    }
    await new Promise((settle) => setTimeout(settle, 300));
    const shown = await page.evaluate(() =>
      document.body.classList.contains('sb-show-errordisplay') ? (document.querySelector('#error-message')?.textContent ?? 'error') : '',
    );
    if (shown) problems.push(`Storybook shows an error: ${shown.trim().slice(0, 500)}`);
    if (entry.type === 'story') {
      const tag = elementOf(entry);
      if (!(await page.$(`#storybook-root ${tag}`))) problems.push(`the story does not show <${tag}>`);
      if (entry.tags?.includes('check-offline')) problems.push(...(await offlineSubmit(page)));
    }
  } catch (error) {
    problems.push(`did not finish: ${error.message.split('\n')[0]}`);
  } finally {
    page.off('pageerror', onError);
    page.off('console', onConsole);
    await page.setOfflineMode(false);
  }
  return problems;
}

/** Takes the page offline, presses "Wyślij odpowiedzi" and expects the offline status. */
async function offlineSubmit(page) {
  await page.setOfflineMode(true);
  const online = await page.evaluate(() => navigator.onLine);
  if (online) return ['offline emulation did not set navigator.onLine to false'];
  await page.evaluate(() => {
    const survey = document.querySelector('#storybook-root ankieta-survey');
    survey.shadowRoot.querySelector('[part~="button-primary"]').click();
  });
  try {
    await page.waitForFunction(
      () =>
        /Brak połączenia|You are offline/.test(
          document.querySelector('#storybook-root ankieta-survey').shadowRoot.querySelector('[part~="status"]')?.textContent ?? '',
        ),
      { timeout: 10_000, polling: 50 },
    );
    return [];
  } catch {
    const status = await page.evaluate(() =>
      document.querySelector('#storybook-root ankieta-survey').shadowRoot.querySelector('[part~="status"]')?.textContent?.trim(),
    );
    return [`offline submit: the status says "${status}", expected "Brak połączenia…"`];
  }
}

const filter = process.env.STORY_FILTER;
const queue = [...stories, ...docs].filter((e) => !filter || e.id.includes(filter));
const failures = [];
const started = performance.now();
let checked = 0;
const WORKERS = 2;
const timings = [];
await Promise.all(
  Array.from({ length: WORKERS }, async () => {
    const browser = await launch();
    const [page] = await browser.pages();
    await page.goto(`${origin}/favicon.svg`);
    const cdp = await page.createCDPSession();
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    await cdp.detach();
    let reload = true;
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const start = performance.now();
      const problems = await visit(page, entry, reload);
      // After a docs page or a failure the preview is not in a known state: load it afresh.
      reload = entry.type === 'docs' || problems.length > 0;
      timings.push({ id: entry.id, ms: performance.now() - start });
      checked += 1;
      if (problems.length) failures.push({ entry, problems });
    }
    await browser.close();
  }),
);
if (!running) server.close();

const seconds = ((performance.now() - started) / 1000).toFixed(1);
for (const { entry, problems } of failures) {
  console.error(`✗ ${entry.id} (${entry.type})`);
  for (const problem of problems) console.error(`    ${problem}`);
}
const slowest = timings.sort((a, b) => b.ms - a.ms).slice(0, 5);
console.log(`check-stories: slowest ${slowest.map((t) => `${t.id} ${(t.ms / 1000).toFixed(1)} s`).join(', ')}`);
const offline = stories.filter((s) => s.tags?.includes('check-offline') && (!filter || s.id.includes(filter))).length;
console.log(`check-stories: rendered ${checked} entries in ${seconds} s (${offline} with a real offline submit)`);
console.log(`stories: ${checked - failures.length} passed, ${failures.length} failed`);
if (failures.length) process.exit(1);
