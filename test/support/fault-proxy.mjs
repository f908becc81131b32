// A fault-injecting HTTP proxy on 127.0.0.1 in front of a collector. The tests tell it what
// to do with the next POSTs (rules, consumed in order) or with a share of all POSTs (random
// mode, for the soak); preflights always pass through. Faults:
//   { type: 'status', status, retryAfter?, date?, body?, contentType?, location? }  reply without forwarding (5xx, 4xx, 429, a 3xx, an HTML page …)
//   { type: 'hang' }                                never reply, never forward
//   { type: 'store-then-hang' }                     forward (the collector stores it), never reply
//   { type: 'drop-reply' }                          forward, then cut the connection instead of replying
//   { type: 'reset' }                               cut the connection at once
//   { type: 'delay', ms }                           forward after a pause
// and `refuse(true)` stops listening, so connections are refused until `refuse(false)`.
// Every POST is logged with its Idempotency-Key and when it started and ended, so the tests
// can prove that no response was ever on the wire twice at once.
import { createServer, request as httpRequest } from 'node:http';

export async function startFaultProxy({ target }) {
  const upstream = new URL(target);
  let rules = [];
  let random = null;
  let refusing = false;
  let log = [];
  const sockets = new Set();

  const server = createServer(async (req, res) => {
    const body = await collect(req);
    // A page that answers any GET with 200, as a captive portal's or a site's home page does: where
    // a redirect fault sends the browser (`location: '/landing'`).
    if (req.url === '/landing') {
      // The redirected request keeps the Idempotency-Key header, so the browser asks first.
      const allow = { 'Access-Control-Allow-Headers': 'Idempotency-Key, Content-Type', 'Access-Control-Allow-Methods': 'GET, POST' };
      res.writeHead(req.method === 'OPTIONS' ? 204 : 200, { ...cors(req), ...allow, 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(req.method === 'OPTIONS' ? undefined : '<!doctype html><title>Strona główna</title><p>Witamy');
    }
    if (req.method !== 'POST') return forward(req, body, res);
    // status: what the browser got ('cut' when the connection was closed); upstream: what the collector answered.
    const entry = {
      key: req.headers['idempotency-key'] ?? null,
      start: Date.now(),
      end: null,
      fault: null,
      status: null,
      upstream: null,
      // What the browser sent about the page and its user: a survey is anonymous.
      referer: req.headers.referer ?? null,
    };
    log.push(entry);
    const finish = (status) => {
      entry.end ??= Date.now();
      entry.status ??= status;
    };
    res.on('close', () => finish(res.writableFinished ? res.statusCode : 'cut'));
    const fault = nextFault();
    entry.fault = fault?.type ?? null;
    switch (fault?.type) {
      case 'status': {
        const headers = { ...cors(req), 'Content-Type': fault.contentType ?? 'application/json' };
        if (fault.location !== undefined) headers['Location'] = fault.location;
        if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
        // The server's own clock, for a Retry-After date (Node writes the real time otherwise).
        if (fault.date !== undefined) headers['Date'] = fault.date;
        res.writeHead(fault.status, headers);
        res.end(typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body ?? { error: `injected ${fault.status}` }));
        return;
      }
      case 'hang':
        return;
      case 'store-then-hang':
        forward(req, body, null, entry);
        return;
      case 'drop-reply':
        forward(req, body, null, entry, () => req.socket.destroy());
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'delay':
        setTimeout(() => forward(req, body, res, entry), fault.ms);
        return;
      default:
        forward(req, body, res, entry);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function nextFault() {
    while (rules.length > 0) {
      const rule = rules[0];
      if ((rule.times ?? 1) <= 0) {
        rules.shift();
        continue;
      }
      rule.times = (rule.times ?? 1) - 1;
      if (rule.times <= 0) rules.shift();
      return rule;
    }
    if (random && random.next() < random.rate) {
      return random.faults[Math.floor(random.next() * random.faults.length)];
    }
    return null;
  }

  function forward(req, body, res, entry, afterUpstream) {
    const out = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (reply) => {
        const chunks = [];
        reply.on('data', (c) => chunks.push(c));
        reply.on('end', () => {
          if (entry) entry.upstream = reply.statusCode;
          afterUpstream?.();
          if (!res || res.destroyed) return;
          res.writeHead(reply.statusCode, reply.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    out.on('error', () => res?.destroy());
    out.end(body);
  }

  const listen = (port) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const { port } = server.address();

  return {
    url: `http://127.0.0.1:${port}`,
    /** Appends rules; each applies to `times` POSTs (default 1). */
    addRules(more) {
      rules.push(...more.map((r) => ({ ...r })));
    },
    /** A share of all POSTs (after the rules) fails with one of `faults`, from a seeded generator. */
    setRandom(config) {
      random = config ? { rate: config.rate, faults: config.faults, next: mulberry32(config.seed ?? 1) } : null;
    },
    async refuse(on) {
      if (on === refusing) return;
      refusing = on;
      if (on) {
        await new Promise((resolve) => {
          server.close(() => resolve());
          for (const socket of sockets) socket.destroy();
        });
      } else {
        await listen(port);
      }
    },
    log: () => log.map((e) => ({ ...e })),
    async reset() {
      rules = [];
      random = null;
      log = [];
      await this.refuse(false);
    },
    async close() {
      refusing = true;
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function cors(req) {
  return req.headers.origin
    ? { 'Access-Control-Allow-Origin': req.headers.origin, Vary: 'Origin', 'Access-Control-Expose-Headers': 'Retry-After, Date' }
    : {};
}

function collect(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
