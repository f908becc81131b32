// Browser tests in the system browsers (see ../shared/TOOLCHAIN.md): Chromium always;
// Firefox ESR and WebKitGTK when BROWSERS names them (scripts/test.mjs sets it up).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { embedPlugin, embedMiddleware } from './test/support/embed-plugin.mjs';
import { offlinePlugin } from './test/support/offline-plugin.mjs';
import { a11yPlugin } from './test/support/a11y-plugin.mjs';
import { viewportPlugin } from './test/support/viewport-plugin.mjs';

const wanted = (process.env.BROWSERS ?? 'chromium')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);

async function launcher(name) {
  switch (name) {
    case 'chromium':
      return chromeLauncher({
        launchOptions: {
          executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
          headless: true,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
        },
      });
    case 'firefox': {
      const puppeteer = (await import('puppeteer-core')).default;
      return chromeLauncher({
        puppeteer,
        launchOptions: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true },
      });
    }
    case 'webkit': {
      const { webdriverLauncher } = await import('@web/test-runner-webdriver');
      return webdriverLauncher({
        automationProtocol: 'webdriver',
        hostname: '127.0.0.1',
        port: Number(process.env.WEBKIT_DRIVER_PORT ?? 4444),
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': {
            binary: process.env.WEBKIT_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
            args: ['--automation'],
          },
        },
      });
    }
    default:
      throw new Error(`Unknown browser "${name}" in BROWSERS (use chromium, firefox, webkit)`);
  }
}

const embed = embedPlugin();
const offline = offlinePlugin();

export default {
  // *.chromium.test.ts drive the DevTools protocol (network, quota, site data): Chromium only.
  files: ['test/**/*.test.ts', ...(wanted.every((b) => b === 'chromium') ? [] : ['!test/**/*.chromium.test.ts'])],
  nodeResolve: true,
  rootDir: '.',
  browsers: await Promise.all(wanted.map(launcher)),
  concurrency: 1,
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  concurrentBrowsers: 1,
  // Generous limits: CI machines are small, and a loaded machine must not turn slowness into failures.
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), embed, offline, a11yPlugin(), viewportPlugin()],
  middleware: [embedMiddleware(embed), offline.middleware],
  coverageConfig: {
    include: ['src/schema/**/*.ts', 'src/engine/**/*.ts'],
    threshold: { lines: 90 },
    report: true,
    reportDir: 'coverage',
  },
};
