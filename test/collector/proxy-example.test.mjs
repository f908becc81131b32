// The nginx example of collector/README.md, run by a real nginx in front of a real collector:
// no request to the collector's host leaves a line with the requester's address in nginx's
// access log, whatever its path (a data-protection review found /healthz and every other path
// logged, only /api/ was not). Skipped where nginx is not installed.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  conferenceResponse,
  DEFINITIONS,
  eventually,
  exportResponses,
  postJson,
  request,
  startCollector,
  storages,
  TOKEN,
} from './helpers.mjs';

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const README = readFileSync(fileURLToPath(new URL('../../collector/README.md', import.meta.url)), 'utf8');

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

describe('the nginx example in collector/README.md', { skip: NGINX ? false : 'nginx is not installed' }, () => {
  let dir;
  /** Two collector processes behind it, each on its own SQLite file (one process per file). */
  const processes = [];
  let nginx;
  let base;
  const args = (place) => [...place.args, '--token', TOKEN, '--definitions', DEFINITIONS, '--trust-proxy', '1'];
  before(async () => {
    for (let i = 0; i < 2; i++) {
      const place = await storages()[0].create();
      processes.push({ place, collector: await startCollector(args(place)) });
    }
    const example = /```nginx\n([\s\S]*?)```/.exec(README)?.[1];
    assert.ok(example, 'the README has an nginx example');
    const port = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'ankieta-nginx-'));
    // The example as given, on plain HTTP at a free port, with two of its three processes, and
    // its log files in the test's directory.
    const [first, second] = processes.map((p) => new URL(p.collector.url).host);
    const server = example
      .replace(/listen 443 ssl;/, `listen 127.0.0.1:${port};`)
      .replace('127.0.0.1:8101', first)
      .replace('127.0.0.1:8102', second)
      .replace(/\n\s*server 127\.0\.0\.1:8103[^\n]*/, '')
      .replaceAll('/var/log/nginx/', `${dir}/logs/`);
    assert.ok(server.includes(first) && server.includes(second) && !server.includes('8103'), server);
    mkdirSync(join(dir, 'logs'));
    // nginx's defaults around it: an access log for the whole http block, as a distribution's
    // nginx.conf has (/var/log/nginx/access.log there).
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log;
events {}
http {
  access_log ${dir}/logs/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
${server}
}
`,
    );
    execFileSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    assert.ok(await eventually(async () => (await request('GET', `${base}/healthz`).catch(() => ({}))).status === 200));
  });
  after(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    for (const { collector, place } of processes) {
      await collector.stop();
      await place.drop();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("logs no requester's address, for any path", async () => {
    const response = conferenceResponse();
    assert.equal((await postJson(base, response)).status, 201);
    assert.equal((await exportResponses(base, 'konferencja')).status, 200);
    const erased = await request('DELETE', `${base}/api/surveys/konferencja/responses/${response.id}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(erased.status, 204);
    assert.equal((await request('GET', `${base}/healthz`)).status, 200);
    // What a browser asks of any host, and a scanner's guess: answered by nginx itself.
    await request('GET', `${base}/favicon.ico`);
    await request('GET', `${base}/.env`);
    await new Promise((r) => setTimeout(r, 200));
    const log = existsSync(join(dir, 'logs/access.log')) ? readFileSync(join(dir, 'logs/access.log'), 'utf8') : '';
    assert.equal(log, '', 'nothing in the access log');
  });

  it('stores every response while its processes restart one after another, and logs no address of those it retried', async () => {
    const statuses = [];
    const send = async (n) => {
      for (let i = 0; i < n; i++) statuses.push((await postJson(base, conferenceResponse())).status);
    };
    // Restart each process in turn, the next as soon as the one before is back (a deployment
    // script's pace): by default nginx shuns a process for 10 s after one refused connection,
    // and then had none left ("no live upstreams", 502).
    for (const process of processes) {
      const port = new URL(process.collector.url).port;
      await process.collector.stop();
      await send(4);
      process.collector = await startCollector([...args(process.place), '--port', port]);
    }
    await send(4);
    assert.deepEqual(
      statuses.filter((s) => s !== 201),
      [],
      `every POST stored (${statuses.length} sent)`,
    );
    // nginx met refused connections, each logged with the requester's address below `crit`.
    await new Promise((r) => setTimeout(r, 200));
    const errors = readFileSync(join(dir, 'logs/ankieta-error.log'), 'utf8');
    assert.doesNotMatch(errors, /client: /, 'no requester address in the error log');
  });
});
