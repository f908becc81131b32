// fetchResponses() against a real local HTTP server. Run with: node --test test/report/fetch.node.test.mjs
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importTs } from '../../scripts/lib.mjs';

const root = resolve(import.meta.dirname, '../..');
const { fetchResponses, ReportLoadError } = await importTs(join(root, 'src/report/fetch.ts'));

const valid = (n) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  surveyId: 'partnership-self-assessment',
  surveyVersion: 1,
  locale: 'pl',
  startedAt: '2016-04-18T10:00:00.000Z',
  submittedAt: '2016-04-18T10:05:00.000Z',
  answers: { sector: 'jst', a1: 4 },
});

const seen = [];
let server;
let base;
before(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url, authorization: req.headers.authorization, accept: req.headers.accept });
    const json = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== 'Bearer s3cret') return json(401, { error: 'unauthorized' });
    switch (req.url) {
      case '/api/surveys/p/responses':
        return json(200, [valid(1), valid(2), { id: 'not-a-uuid', answers: {} }, valid(3)]);
      case '/wrapped':
        return json(200, { responses: [valid(4)] });
      case '/forbidden':
        return json(403, { error: 'forbidden' });
      case '/broken':
        return json(500, { error: 'oops' });
      case '/html':
        return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>login</p>');
      case '/object':
        return json(200, { items: [] });
      default:
        return json(404, {});
    }
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

const failure = async (promise) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a failure');
};

describe('fetchResponses()', () => {
  it('sends the bearer token, asks for JSON, and keeps the valid responses', async () => {
    const loaded = await fetchResponses(`${base}/api/surveys/p/responses`, { token: 's3cret' });
    assert.deepEqual(
      loaded.responses.map((r) => r.id.slice(-1)),
      ['1', '2', '3'],
    );
    assert.equal(loaded.invalid, 1);
    assert.deepEqual(seen.at(-1), { url: '/api/surveys/p/responses', authorization: 'Bearer s3cret', accept: 'application/json' });
  });

  it('accepts {responses: [...]}', async () => {
    assert.equal((await fetchResponses(`${base}/wrapped`, { token: 's3cret' })).responses.length, 1);
  });

  it('tells a refused token (401, 403) from other failures', async () => {
    for (const [path, token, kind, status] of [
      ['/api/surveys/p/responses', undefined, 'auth', 401],
      ['/api/surveys/p/responses', 'wrong', 'auth', 401],
      ['/forbidden', 's3cret', 'auth', 403],
      ['/broken', 's3cret', 'http', 500],
      ['/missing', 's3cret', 'missing', 404],
      ['/html', 's3cret', 'format', 200],
      ['/object', 's3cret', 'format', 200],
    ]) {
      const error = await failure(fetchResponses(`${base}${path}`, { token }));
      assert.ok(error instanceof ReportLoadError, `${path}: ${error}`);
      assert.deepEqual([error.kind, error.status], [kind, status], path);
    }
    assert.equal(
      seen.find((s) => s.url === '/api/surveys/p/responses' && !s.authorization)?.authorization,
      undefined,
      'no header without a token',
    );
  });

  it('reports an unreachable server as a network failure', async () => {
    const closed = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => closed.once('listening', r));
    const port = closed.address().port;
    await new Promise((r) => closed.close(r));
    const error = await failure(fetchResponses(`http://127.0.0.1:${port}/x`, { token: 's3cret' }));
    assert.equal(error.kind, 'network');
  });

  it('passes an abort through as an abort', async () => {
    const abort = new AbortController();
    abort.abort();
    const error = await failure(fetchResponses(`${base}/wrapped`, { token: 's3cret', signal: abort.signal }));
    assert.equal(error.name, 'AbortError');
  });
});
