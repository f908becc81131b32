#!/usr/bin/env node
// A tablet at the exit of a conference, all day: dist/ankieta.js in kiosk mode in headless
// Chromium, filled and submitted by N people one after another through the page's own controls
// (radios clicked, text typed into the fields, Next and Submit pressed), against the reference
// collector on 127.0.0.1. For a stretch in the middle the network is off (the hall's Wi-Fi gone),
// so the responses of that stretch wait in the outbox and go when it is back.
// Prints, at checkpoints, what a day of use could make grow: the JS heap after a forced garbage
// collection, DOM nodes, event listeners, the time one person's form takes to fill and reset;
// at the end, how many responses the collector stored (lost and duplicated must be 0).
//   npm run bench:kiosk -- [--people 200] [--offline-from 60] [--offline-to 120] [--every 20] [--no-build]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { startCollector } from '../test/support/collector-process.mjs';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '200' },
    'offline-from': { type: 'string', default: '60' },
    'offline-to': { type: 'string', default: '120' },
    every: { type: 'string', default: '20' },
    build: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const people = Number(values.people);
const offlineFrom = Number(values['offline-from']);
const offlineTo = Number(values['offline-to']);
const every = Number(values.every);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const loadAtStart = load();

if (values.build) {
  console.log('▸ building dist/ankieta.js (vite build --mode iife)');
  execFileSync('npx', ['vite', 'build', '--mode', 'iife', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
const bundle = readFileSync(join(root, 'dist/ankieta.js'));
// The conference evaluation of the demo: four pages, every kind of question it asks.
const definition = JSON.parse(readFileSync(join(root, 'demo/surveys/conference-opole-2016.json'), 'utf8'));

let collector;
const pageServer = createServer((req, res) => {
  if (req.url === '/ankieta.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(bundle);
    return;
  }
  if (req.url === '/survey.json') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(definition));
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="pl"><meta charset="utf-8">
<title>bench:kiosk</title><main><ankieta-survey kiosk kiosk-thanks="1" src="/survey.json"
endpoint="${collector.url}/api/responses"></ankieta-survey></main><script src="/ankieta.js"></script>`);
});
await new Promise((r) => pageServer.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${pageServer.address().port}`;
collector = await startCollector({ origins: [origin] });

// In the page, installed once (so that the harness adds nothing per person to the heap it
// measures): `step(person)` answers every question of the current page through its controls, the
// way a person would (an option of each choice, the middle of a scale, a few words in a text
// field, every consent ticked), presses the primary button and resolves with what followed: the
// next page, the response queued (the thank-you screen) or the error summary. `nextPerson()`
// resolves when the thank-you screen has gone and a fresh form is shown.
/* global Event, InputEvent */
function installHelpers() {
  const state = { queued: [], sent: 0, pages: 0 };
  const survey = document.querySelector('ankieta-survey');
  survey.addEventListener('ankieta-queued', (e) => state.queued.push(e.detail.responseId));
  survey.addEventListener('ankieta-sent', () => (state.sent += 1));
  survey.addEventListener('ankieta-page', () => (state.pages += 1));
  const own = () => survey.shadowRoot;
  const until = (test, what) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const poll = () => {
        const result = test();
        if (result) resolve(result);
        else if (performance.now() - started > 15000) reject(new Error(`no ${what} after 15 s`));
        else setTimeout(poll, 20);
      };
      poll();
    });
  const answer = (question, person) => {
    const root = question.shadowRoot;
    const tag = question.localName;
    if (tag === 'ankieta-text') {
      const field = root.querySelector('input, textarea');
      field.value = question.getAttribute('format') === 'email' ? `osoba${person}@example.pl` : `Uwagi osoby ${person}: dziękuję.`;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (tag === 'ankieta-matrix') {
      for (const row of root.querySelectorAll('fieldset fieldset, tr')) {
        const radios = row.querySelectorAll('input[type=radio]');
        if (radios.length) radios[Math.floor(radios.length / 2)].click();
      }
    } else if (tag === 'ankieta-choice') {
      const select = root.querySelector('select');
      if (select) {
        select.selectedIndex = 1;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      } else root.querySelector('input[type=radio], input[type=checkbox]')?.click();
    } else if (tag === 'ankieta-consent') {
      const box = root.querySelector('input[type=checkbox]');
      if (!box.checked) box.click();
    } else {
      const radios = root.querySelectorAll('input[type=radio]');
      radios[(person % 3) + Math.floor(radios.length / 3)]?.click();
    }
  };
  window.kiosk = {
    state,
    formShown: () => until(() => !!own()?.querySelector('form button[type=submit]'), 'form'),
    async step(person) {
      const form = own().querySelector('form');
      if (!form) throw new Error('no form on the page');
      const queued = state.queued.length;
      const pages = state.pages;
      for (const question of form.querySelectorAll(
        'ankieta-rating, ankieta-scale, ankieta-nps, ankieta-choice, ankieta-text, ankieta-matrix, ankieta-consent',
      ))
        answer(question, person);
      own().querySelector('button[type=submit]').click();
      return until(
        () =>
          state.queued.length > queued
            ? 'queued'
            : state.pages > pages
              ? 'page'
              : own().querySelector('.error-summary')
                ? 'invalid'
                : false,
        'next page or thank-you screen',
      );
    },
    async nextPerson() {
      await until(() => !own().querySelector('form'), 'thank-you screen');
      await window.kiosk.formShown();
    },
  };
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const rows = [];
let failed = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => {
    failed = true;
    console.error('page error:', error.message);
  });
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await page.goto(origin);
  await page.waitForFunction(() => window.customElements.get('ankieta-survey'));
  await page.evaluate(installHelpers);
  const measure = async (person, personMs) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const state = await page.evaluate(() => ({ queued: window.kiosk.state.queued.length, sent: window.kiosk.state.sent }));
    rows.push({
      people: person,
      heapMB: (metric('JSHeapUsedSize') / 2 ** 20).toFixed(2),
      nodes: metric('Nodes'),
      listeners: metric('JSEventListeners'),
      personMs: personMs === undefined ? '–' : personMs.toFixed(0),
      queued: state.queued,
      sent: state.sent,
    });
    const row = rows.at(-1);
    console.log(
      `after ${String(person).padStart(4)} people: heap ${row.heapMB} MB, ${row.nodes} DOM nodes, ${row.listeners} listeners, ` +
        `${row.personMs} ms per person, ${row.queued} queued, ${row.sent} confirmed`,
    );
  };

  await page.evaluate(() => window.kiosk.formShown());
  await measure(0);
  let windowStart = performance.now();
  let offline = false;
  for (let person = 1; person <= people; person += 1) {
    if (person === offlineFrom && !offline) {
      await page.setOfflineMode(true);
      offline = true;
      console.log(`▸ network off for people ${offlineFrom}–${offlineTo - 1}`);
    }
    if (person === offlineTo && offline) {
      await page.setOfflineMode(false);
      offline = false;
      console.log('▸ network back');
    }
    for (let step = 0; ; step += 1) {
      if (step > 20) throw new Error(`person ${person}: the survey did not finish in 20 pages`);
      const what = await page.evaluate((n) => window.kiosk.step(n), person);
      if (what === 'invalid') throw new Error(`person ${person}: the filled page was refused (error summary shown)`);
      if (what === 'queued') break;
    }
    // The kiosk's thank-you screen (1 s), then a fresh form for the next person.
    await page.evaluate(() => window.kiosk.nextPerson());
    if (person % every === 0 || person === people) {
      const personMs = (performance.now() - windowStart) / (person % every || every);
      await measure(person, personMs);
      windowStart = performance.now();
    }
  }
  if (offline) await page.setOfflineMode(false);
  // Everything queued goes: wait for the outbox to empty (the backoff after an hour offline is
  // at most its cap; the online event flushes at once).
  const ids = await page.evaluate(() => window.kiosk.state.queued);
  const deadline = Date.now() + 120000;
  let stored = [];
  for (;;) {
    stored = await collector.responses(definition.id);
    if (stored.length >= ids.length || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 1000));
  stored = await collector.responses(definition.id);
  const storedIds = stored.map((r) => r.id);
  const lost = ids.filter((id) => !storedIds.includes(id)).length;
  const duplicated = storedIds.length - new Set(storedIds).size;
  const first = rows[1];
  const last = rows.at(-1);
  console.log('');
  console.log(`people ${people}; network off for people ${offlineFrom}–${offlineTo - 1}`);
  console.log(`completed ${ids.length}, stored by the collector ${new Set(storedIds).size}, lost ${lost}, duplicated ${duplicated}`);
  console.log(
    `from ${first.people} to ${last.people} people: heap ${first.heapMB} -> ${last.heapMB} MB (×${(last.heapMB / first.heapMB).toFixed(2)}), ` +
      `DOM nodes ${first.nodes} -> ${last.nodes}, listeners ${first.listeners} -> ${last.listeners}, ` +
      `ms per person ${first.personMs} -> ${last.personMs} (×${(last.personMs / first.personMs).toFixed(2)})`,
  );
  console.log(`load average (1, 5, 15 min): ${loadAtStart} at start, ${load()} at end, on 2 CPUs`);
  if (lost || duplicated || ids.length !== people) failed = true;
} finally {
  await browser.close();
  await collector.close();
  pageServer.close();
}
process.exit(failed ? 1 : 0);
