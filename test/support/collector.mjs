// A minimal collector speaking the DESIGN.md API, for the offline tests until the reference
// collector (collector/) lands: POST /api/responses → 201 first time, 200 same id and body,
// 409 same id with a different body, 400 invalid, 413 too large, 415 not JSON; CORS for any
// origin (the test page); GET /api/surveys/:id/responses for organisers.
// What it stored is what the tests count: lost and duplicated responses are read from here.
import { createServer } from 'node:http';

const MAX_BODY = 256 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export async function startCollector({ token = 'organiser-token' } = {}) {
  /** id → { body, surveyId, storedAt } in arrival order */
  const stored = new Map();
  const counts = { posts: 0, byStatus: {} };

  const server = createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    }
    const url = new URL(req.url, 'http://collector');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'POST, GET',
        'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, Authorization',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/api/responses') {
      counts.posts += 1;
      readBody(req, MAX_BODY).then(
        (body) => {
          const status = accept(req, body);
          counts.byStatus[status.code] = (counts.byStatus[status.code] ?? 0) + 1;
          reply(res, status.code, status.json);
        },
        () => {
          counts.byStatus[413] = (counts.byStatus[413] ?? 0) + 1;
          reply(res, 413, { error: 'payload too large' });
          req.destroy();
        },
      );
      return;
    }
    const list = /^\/api\/surveys\/([a-z0-9_-]+)\/responses$/.exec(url.pathname);
    if (req.method === 'GET' && list) {
      if (req.headers.authorization !== `Bearer ${token}`) return reply(res, 401, { error: 'missing token' });
      const rows = [...stored.values()].filter((r) => r.surveyId === list[1]).map((r) => JSON.parse(r.body));
      return reply(res, 200, rows);
    }
    reply(res, 404, { error: 'not found' });
  });

  function accept(req, body) {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return { code: 415, json: { error: 'expected application/json' } };
    let response;
    try {
      response = JSON.parse(body);
    } catch {
      return { code: 400, json: { error: 'invalid JSON' } };
    }
    const issues = [];
    if (typeof response !== 'object' || response === null) issues.push({ path: '', message: 'must be an object' });
    else {
      if (typeof response.id !== 'string' || !UUID.test(response.id)) issues.push({ path: 'id', message: 'must be a UUID v4' });
      if (typeof response.surveyId !== 'string' || !/^[a-z0-9_-]+$/.test(response.surveyId)) issues.push({ path: 'surveyId', message: 'is not a survey id' });
      if (typeof response.answers !== 'object' || response.answers === null) issues.push({ path: 'answers', message: 'must be an object' });
      const key = req.headers['idempotency-key'];
      if (key !== undefined && key !== response.id) issues.push({ path: 'id', message: 'differs from Idempotency-Key' });
    }
    if (issues.length) return { code: 400, json: { error: 'invalid response', issues } };
    const previous = stored.get(response.id);
    if (previous) {
      return previous.body === body ? { code: 200, json: { id: response.id, duplicate: true } } : { code: 409, json: { error: 'id already used with different answers' } };
    }
    stored.set(response.id, { body, surveyId: response.surveyId, storedAt: Date.now() });
    return { code: 201, json: { id: response.id } };
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    /** Every stored response, parsed, in arrival order. */
    responses: () => [...stored.values()].map((r) => JSON.parse(r.body)),
    counts: () => structuredClone(counts),
    reset() {
      stored.clear();
      counts.posts = 0;
      counts.byStatus = {};
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
    server,
  };
}

function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res, code, json) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(code, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(json));
}
