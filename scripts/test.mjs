#!/usr/bin/env node
// The README's test command (`npm run test:all`): installs what the tests need when it is
// missing (npm packages; Chromium, Firefox ESR, WebKitGTK and Xvfb from apt on Debian/Ubuntu),
// then runs every suite and prints a summary. Uses only Node built-ins until `npm ci` is done.
//   node scripts/test.mjs [--browsers chromium,firefox,webkit] [--skip-install]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { platform } from 'node:os';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
// WebKitGTK's driver exists only on Linux; elsewhere the default is Chromium and Firefox.
const browsers = option('browsers', process.env.BROWSERS ?? (platform() === 'linux' ? 'chromium,firefox,webkit' : 'chromium,firefox'))
  .split(',')
  .filter(Boolean);
const skipInstall = args.includes('--skip-install');
const isRoot = process.getuid?.() === 0;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function sh(command, env = {}) {
  console.log(`\n$ ${command}`);
  const result = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/**
 * Where each browser is: the path in CHROME_PATH / FIREFOX_PATH (which web-test-runner.config.mjs
 * reads), else the usual application on macOS, else Debian's package. A browser found on macOS
 * is passed on to the test runs through the same variable.
 */
function browserPath(browser) {
  const variable = { chromium: 'CHROME_PATH', firefox: 'FIREFOX_PATH' }[browser];
  if (variable && process.env[variable]) {
    if (!existsSync(process.env[variable])) {
      console.error(`${variable}=${process.env[variable]}: no such file.`);
      process.exit(1);
    }
    return process.env[variable];
  }
  const mac = {
    chromium: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    firefox: ['/Applications/Firefox.app/Contents/MacOS/firefox'],
  }[browser];
  const found = platform() === 'darwin' ? mac?.find((path) => existsSync(path)) : undefined;
  if (found) process.env[variable] = found;
  return found ?? { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr', webkit: '/usr/bin/WebKitWebDriver' }[browser];
}

function installSystemPackages() {
  const packageOf = { chromium: 'chromium', firefox: 'firefox-esr', webkit: 'webkit2gtk-driver' };
  const packages = browsers.filter((b) => packageOf[b] && !existsSync(browserPath(b))).map((b) => packageOf[b]);
  if (browsers.includes('webkit') && !has('xvfb-run')) packages.push('xvfb');
  // The wait for WebKit's driver asks it with curl (not on a minimal Debian).
  if (browsers.includes('webkit') && !has('curl')) packages.push('curl');
  if (!packages.length) return;
  if (platform() !== 'linux' || !has('apt-get')) {
    console.error(
      `Missing browsers (${packages.join(', ')}). On this system install them yourself (macOS: Google Chrome or Chromium and Firefox in /Applications), or set CHROME_PATH and FIREFOX_PATH; see README "Testing".`,
    );
    process.exit(1);
  }
  const sudo = isRoot ? '' : 'sudo ';
  if (!sh(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq ${packages.join(' ')}`))
    process.exit(1);
}

// Found browsers reach the test runs through CHROME_PATH / FIREFOX_PATH, with or without installing.
for (const browser of browsers) browserPath(browser);

if (!skipInstall) {
  installSystemPackages();
  if (!existsSync('node_modules/.package-lock.json')) {
    if (!sh('npm ci', { PUPPETEER_SKIP_DOWNLOAD: '1' })) process.exit(1);
  }
}

/** Runs WebKit tests: WebKitWebDriver needs a display, so both run under one xvfb-run. */
function webkitCommand(port) {
  return `xvfb-run -a sh -c 'WebKitWebDriver --port=${port} >/tmp/webkitdriver.log 2>&1 & driver=$!;
    for i in $(seq 50); do curl -sf http://127.0.0.1:${port}/status >/dev/null && break; sleep 0.2; done;
    BROWSERS=webkit WEBKIT_DRIVER_PORT=${port} npx wtr; status=$?; kill $driver; exit $status'`;
}

const results = [];
const suite = (name, ok) => results.push({ name, ok });

for (const browser of browsers) {
  if (browser === 'chromium') suite('browser tests — Chromium (with coverage)', sh('npx wtr --coverage', { BROWSERS: 'chromium' }));
  else if (browser === 'firefox') suite('browser tests — Firefox ESR', sh('npx wtr', { BROWSERS: 'firefox' }));
  else if (browser === 'webkit') suite('browser tests — WebKitGTK', sh(webkitCommand(4444)));
}

// Server-side suites on Node's own test runner: the collector (SQLite always; PostgreSQL when
// a throwaway server can be started, as root or with PostgreSQL installed), the agenda CLI,
// the report's loader, and the element modules imported where there is no browser.
suite(
  'node tests — agenda CLI, report loader, element imports without a DOM',
  sh('node --test test/templates/cli.node.test.mjs test/report/fetch.node.test.mjs test/components/import.node.test.mjs'),
);
const postgres = process.env.ANKIETA_TEST_DATABASE_URL || isRoot || has('initdb') || existsSync('/usr/lib/postgresql');
suite(
  `collector tests — SQLite${postgres ? ' and PostgreSQL' : ' (PostgreSQL not available: its cases are reported as skipped)'}`,
  sh(postgres && !process.env.ANKIETA_TEST_DATABASE_URL ? 'scripts/pg-test.sh npm run test:collector' : 'npm run test:collector'),
);

console.log('\nSummary');
for (const { name, ok } of results) console.log(`  ${ok ? 'pass' : 'FAIL'}  ${name}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
