// What the page benchmarks share: a local server for the bench pages and headless Chromium.
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';

/** Serves `table` (path → [content type, body], see pages.mjs `routes`) on 127.0.0.1. */
export async function serve(table) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = table.get(path);
    if (!file) return res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Headless Chromium (CHROME_PATH or the system's), quiet and cut off from everything but 127.0.0.1. */
export function launch() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // SurveyJS's theme names Open Sans on fonts.gstatic.com: fail such requests at once instead
      // of waiting for DNS (nothing outside 127.0.0.1 is reachable here).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}
