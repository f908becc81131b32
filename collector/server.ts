/**
 * The HTTP API (see collector/README.md, "API"): plain node:http, no framework. Nothing about a
 * request (body, address, user agent) is logged or stored beyond the response itself; exports
 * and erasures leave one line each on stderr (which survey, how many or which response).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type Socket } from 'node:net';
import { checkResponse } from '../src/engine/index.js';
import { parseResponse, RESPONSE_ID, SurveyId, type DefinitionIssue } from '../src/schema/index.js';
import { csvColumns, csvText, type Separator } from './csv.js';
import { versionsNewestFirst, type Definitions } from './definitions.js';
import type { CollectorOptions } from './options.js';
import { RateLimiter, rateLimitKey } from './rate-limit.js';
import type { Storage } from './storage/index.js';
import { sha256, storedBody } from './stored-body.js';
import { accountable } from './times.js';

export interface CollectorContext {
  options: Pick<CollectorOptions, 'origins' | 'token' | 'previousToken' | 'maxBodyBytes' | 'rateLimit' | 'trustProxy'>;
  storage: Storage;
  /** Absent when no definitions directory is configured: then any survey id is accepted. */
  definitions?: Definitions;
}

const EXPORT_PATH = /^\/api\/surveys\/([^/]+)\/responses$/;
const ERASE_PATH = /^\/api\/surveys\/([^/]+)\/responses\/([^/]+)$/;
const RESPONSES_PATH = '/api/responses';
/** Answers a CORS preflight for a day; browsers cap it lower anyway. */
const PREFLIGHT_MAX_AGE = '86400';
/** How much of an oversized body is read and discarded before the connection is cut instead. */
const DRAIN_LIMIT = 8 * 1024 * 1024;
/** How long a connection closing after a 413 waits for the client's next byte before it goes. */
const LINGER_MS = 5_000;
/**
 * An export holds a snapshot of the storage (a read transaction) until it ends, so a client that
 * takes none of it is cut: after twice this (the socket's idle timeout, which Node lets pass once
 * while a write is under way), 30 s. A client that reads slowly is not cut: any progress counts.
 */
const STALL_MS = 15_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.error));
  }
}

const invalid = (issues: DefinitionIssue[]) => new HttpError(400, { error: 'invalid', issues });

/**
 * Writes the pieces in order, waiting whenever the socket's buffer is full; a client that takes
 * nothing for about 30 s is cut off (the reply is then incomplete: its chunked encoding never ends).
 */
async function writeAll(res: ServerResponse, pieces: AsyncIterable<string>): Promise<void> {
  // The socket's idle timeout, which a write in progress resets (Node's keep-alive timeout
  // replaces it once the reply is out).
  res.setTimeout(STALL_MS, () => res.destroy());
  let batch = '';
  for await (const piece of pieces) {
    batch += piece;
    if (batch.length < 65_536) continue;
    if (!res.write(batch))
      await new Promise<void>((resolve) => {
        // Both listeners go once either fires: a large export waits here many times.
        const done = () => {
          res.off('drain', done).off('close', done);
          resolve();
        };
        res.on('drain', done).on('close', done);
      });
    // Leaving the loop ends the reading (the storage's snapshot with it).
    if (res.destroyed) return;
    batch = '';
  }
  res.end(batch);
}

/**
 * Closes the connection once the reply is written (it has `Connection: close`), so the client
 * sees that one answer: kept open, the rest of an oversized body could outlast the request
 * timeout and get a 408 after the 413. Node would destroy the socket the moment the reply is
 * out (`destroySoon`), and the body the client is still sending would then meet a reset, which
 * can discard the unread reply on the client's side. So the socket only half-closes (a FIN
 * after the reply) while the body is still read and thrown away, and goes when the client
 * closes too, after LINGER_MS without a byte from it, or past DRAIN_LIMIT.
 */
function closeAfterReply(socket: Socket): void {
  socket.destroySoon = () => {
    socket.end();
    socket.setTimeout(LINGER_MS);
  };
}

/**
 * A reply sent before the request's body was read (413, and 404, 415, 429 … which refuse it
 * unread): the connection closes after it, and what comes of the body is read and thrown away
 * up to DRAIN_LIMIT (see closeAfterReply). Kept open, Node would read and discard a body of any
 * size to reuse the connection: a POST declaring 60 GB to an unknown path took 24 s of CPU.
 */
function discardBody(req: IncomingMessage): void {
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    if ((drained += chunk.length) > DRAIN_LIMIT) req.socket.destroy();
  });
  req.resume();
  closeAfterReply(req.socket);
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** Storage failures are logged at most this often (with a count of those in between). */
const FAILURE_LOG_INTERVAL_MS = 60_000;

/** After SIGTERM, how long requests in flight (an export to a slow reader, say) may take before their connections are cut. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

export interface CollectorServer extends Server {
  /**
   * Stops listening and lets requests in flight finish, answered with `Connection: close`; a
   * request that arrives meanwhile on a kept-alive connection gets 503 with Retry-After and
   * `Connection: close` (not stored: the widget retries), and each connection closes as it goes
   * idle. Resolves when every connection is closed; after `deadlineMs` the rest are cut.
   */
  shutdown(deadlineMs?: number): Promise<void>;
}

export function createCollectorServer(context: CollectorContext): CollectorServer {
  const { options, storage, definitions } = context;
  const allowed = new Set(options.origins);
  const limiter = options.rateLimit > 0 ? new RateLimiter(options.rateLimit) : undefined;
  // Exports and erasures (the organiser's, with the token) have buckets of their own: an
  // organiser at the venue, behind the same address as the respondents, was refused an export
  // once they had sent the limit's worth of responses.
  const organiserLimiter = options.rateLimit > 0 ? new RateLimiter(options.rateLimit) : undefined;

  /**
   * Storage failures are logged (the message only, never the request), at most once a minute:
   * on a full disk every request fails, and a line each filled the log. The first is at once,
   * later ones are counted and summed up in the next line, or in the line that says a response
   * was stored again.
   */
  let failureLoggedAt = 0;
  let failuresUnlogged = 0;
  function logFailure(message: string): void {
    const now = Date.now();
    if (now - failureLoggedAt < FAILURE_LOG_INTERVAL_MS) {
      failuresUnlogged++;
      return;
    }
    const more = failuresUnlogged ? ` (and ${failuresUnlogged} more storage failures since the last line)` : '';
    console.error(`ankieta-collector: ${message}${more}`);
    failureLoggedAt = now;
    failuresUnlogged = 0;
  }
  /** A response stored after failures: one line says so, with the failures no line counted yet. */
  function storageWorks(): void {
    if (!failureLoggedAt) return;
    const more = failuresUnlogged ? ` (after ${failuresUnlogged} more storage failures since the last line)` : '';
    console.error(`ankieta-collector: storage works again${more}`);
    failureLoggedAt = 0;
    failuresUnlogged = 0;
  }
  const digest = (token: string) => createHash('sha256').update(token).digest();
  // The previous token too, while the processes change to a new one (none is then refused).
  const tokenDigests = [options.token, options.previousToken].filter((t) => t !== undefined).map(digest);

  /**
   * Listed origins, and pages on the collector's own host: they send an Origin too (on POST),
   * yet are not cross-origin. The Host header alone cannot show a page is on the own host: a
   * DNS-rebinding page (the attacker's name pointed at the collector's address) sends its own
   * name as both Origin and Host. So the own host counts only where no such name can be: over
   * HTTPS (the browser checked that name's certificate on the server that answered, and a
   * rebound name has none there), or over HTTP at an IP address or `localhost`, which no DNS
   * answer decides. Any other own origin (an http:// name) has to be listed.
   */
  function originAllowed(req: IncomingMessage, origin: string): boolean {
    if (allowed.has(origin)) return true;
    const url = URL.parse(origin);
    if (!url || url.host !== req.headers.host?.toLowerCase()) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && (url.hostname === 'localhost' || isIP(url.hostname.replace(/^\[(.*)\]$/, '$1')) !== 0);
  }

  const corsHeaders = (origin: string) => ({
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'Retry-After, Date',
    Vary: 'Origin',
  });

  function clientAddress(req: IncomingMessage): string {
    const socket = req.socket.remoteAddress ?? '';
    if (options.trustProxy === 0) return socket;
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // Each trusted proxy appends the address it saw; entries further left are the client's word.
    return forwarded[forwarded.length - options.trustProxy] ?? forwarded[0] ?? socket;
  }

  /** Exports and erasure need the organiser's token: 401 without it. */
  function requireToken(req: IncomingMessage): void {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    // A token sent but wrong says so (a copy-paste slip), not "send a token".
    if (!match)
      throw new HttpError(401, { error: 'unauthorised', message: 'send Authorization: Bearer <token>' }, { 'WWW-Authenticate': 'Bearer' });
    const sent = digest(match[1]!);
    if (!tokenDigests.map((d) => timingSafeEqual(sent, d)).includes(true))
      throw new HttpError(
        401,
        { error: 'unauthorised', message: "the token is not the collector's (--token or ANKIETA_TOKEN)" },
        { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      );
  }

  /**
   * Reads the body up to the limit. Past it the client gets a 413 and the connection closes
   * after it; the rest is read and thrown away (up to DRAIN_LIMIT) rather than the connection
   * reset, so the client gets to read the 413: a reset while it is still sending would discard
   * the reply on its side.
   */
  function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const tooLarge = () => {
        req.off('data', onData).off('end', onEnd);
        discardBody(req);
        reject(new HttpError(413, { error: 'too large', maxBytes: options.maxBodyBytes }, { Connection: 'close' }));
      };
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBodyBytes) tooLarge();
        else chunks.push(chunk);
      };
      const onEnd = () => resolve(Buffer.concat(chunks, size));
      // A client that goes away mid-body is no storage failure: a 400 nobody reads, nothing logged.
      req
        .on('data', onData)
        .once('end', onEnd)
        .once('error', () => reject(new HttpError(400, { error: 'request aborted' })));
      if (Number(req.headers['content-length'] ?? 0) > options.maxBodyBytes) tooLarge();
    });
  }

  async function postResponse(req: IncomingMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    const type = (req.headers['content-type'] ?? '').toLowerCase().split(';');
    const charset = type
      .slice(1)
      .map((p) => p.trim())
      .find((p) => p.startsWith('charset='));
    if (type[0]!.trim() !== 'application/json' || (charset && charset.replace(/"/g, '') !== 'charset=utf-8'))
      throw new HttpError(415, { error: 'unsupported media type', expected: 'application/json' });
    // No widget compresses its body, and a plain body labelled gzip was taken as it was: what was
    // stored would not be what the client meant. RFC 9110 15.5.16: 415, naming what is accepted.
    // A list of codings (RFC 9110 8.4): empty, or only `identity`, is none.
    const codings = (req.headers['content-encoding'] ?? '')
      .split(',')
      .map((c) => c.trim().toLowerCase())
      .filter((c) => c && c !== 'identity');
    if (codings.length)
      throw new HttpError(415, { error: 'unsupported content encoding', expected: 'identity' }, { 'Accept-Encoding': 'identity' });
    const raw = await readBody(req);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(raw);
    } catch {
      throw invalid([{ path: '(root)', message: 'is not valid UTF-8' }]);
    }
    const parsed = parseResponse(text);
    if (!parsed.ok) throw invalid(parsed.issues);
    const response = parsed.value;
    const key = req.headers['idempotency-key'];
    if (key !== undefined && key !== response.id) throw invalid([{ path: 'id', message: 'does not match the Idempotency-Key header' }]);
    // A hidden field no person sees: a bot filled it. Not a silent 2xx: should a browser's
    // autofill ever fill it for a real respondent, the widget keeps the response as "not
    // delivered" (visible, exportable) instead of it being dropped here.
    if (response.hp) throw invalid([{ path: 'hp', message: 'must be empty' }]);
    if (definitions) {
      const versions = definitions.get(response.surveyId);
      if (!versions) throw new HttpError(404, { error: 'unknown survey', surveyId: response.surveyId });
      const definition = versions.get(response.surveyVersion);
      if (!definition)
        throw invalid([
          { path: 'surveyVersion', message: `is not a known version of this survey (known: ${[...versions.keys()].join(', ')})` },
        ]);
      const issues = checkResponse(definition, response);
      if (issues.length) throw invalid(issues);
    }
    // What is stored is what was checked: the parsed response written out again (its times to
    // the hour). The bytes as received could carry padding, or a key twice (JSON.parse keeps
    // the last, others the first).
    const body = storedBody(response);
    const outcome = await storage.insert({
      id: response.id,
      surveyId: response.surveyId,
      // A retry sends the same bytes, so makes the same body: its hash decides "already stored" or
      // conflict. Not the hash of the bytes received: it would keep what the body leaves out (the
      // exact times, found again from it by trying every millisecond of the hour).
      bodySha256: sha256(body),
      body,
    });
    if (outcome === 'conflict')
      throw new HttpError(409, { error: 'conflict', id: response.id, message: 'this id is stored with a different body' });
    return {
      status: outcome === 'created' ? 201 : 200,
      // An erased response is acknowledged, so the device stops sending it, and not stored.
      body: { id: response.id, status: outcome === 'created' ? 'stored' : outcome === 'erased' ? 'erased' : 'already stored' },
    };
  }

  /** `DELETE /api/surveys/:id/responses/:responseId`: a respondent's request to erase (RODO art. 17). */
  async function eraseResponse(req: IncomingMessage, res: ServerResponse, surveyId: string, id: string, cors: Record<string, string>) {
    requireToken(req);
    if (!SurveyId.safeParse(surveyId).success || !RESPONSE_ID.test(id) || !(await storage.erase(surveyId, id)))
      throw new HttpError(404, { error: 'no such response', surveyId, id });
    res.writeHead(204, { ...cors, 'Cache-Control': 'no-store' });
    res.end();
    // The trail RODO art. 5(2) asks for (both ids checked above, so the line is plain text).
    accountable(`erased response ${id} of survey ${surveyId}`);
  }

  async function exportResponses(
    req: IncomingMessage,
    res: ServerResponse,
    surveyId: string,
    url: URL,
    cors: Record<string, string>,
  ): Promise<void> {
    requireToken(req);
    if (!SurveyId.safeParse(surveyId).success || (definitions && !definitions.has(surveyId)))
      throw new HttpError(404, { error: 'unknown survey', surveyId });
    const format = url.searchParams.get('format') ?? 'json';
    const sep = url.searchParams.get('sep') ?? ';';
    if (format !== 'json' && format !== 'csv') throw invalid([{ path: 'format', message: 'must be "json" or "csv"' }]);
    if (sep !== ';' && sep !== ',') throw invalid([{ path: 'sep', message: 'must be ";" or ","' }]);
    const headers = { ...cors, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    const csvHeaders = {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${surveyId}.csv"`,
    };
    // HEAD (a monitor, or a check that the token works): the headers a GET would have, and no
    // reading of the responses, so no export to account for.
    if (req.method === 'HEAD') {
      // The status a GET would have: 503 when the storage fails (a monitor relies on it).
      await storage.ping();
      res.writeHead(200, { ...headers, ...(format === 'csv' ? csvHeaders : { 'Content-Type': 'application/json; charset=utf-8' }) });
      res.end();
      return;
    }
    // One moment's responses, read a batch at a time and written as they are made (chunked), so
    // that an export holds one batch, not all of them (nor one string of its whole size, past
    // V8's limit on string length). A response stored or erased meanwhile is not in it.
    const snapshot = await storage.snapshot(surveyId);
    try {
      if (format === 'csv') {
        // The header row needs the columns, and they need every response: a first reading finds
        // them (before the status, so a storage failure is still a 503), a second writes the rows.
        const columns = await csvColumns(snapshot, versionsNewestFirst(definitions, surveyId));
        res.writeHead(200, { ...headers, ...csvHeaders });
        accountable(`export of survey ${surveyId}: ${snapshot.count} response${snapshot.count === 1 ? '' : 's'}, csv`);
        await writeAll(res, csvText(snapshot, columns, sep as Separator));
        return;
      }
      // Bodies are stored as valid JSON (re-encoded from the checked response), so they are spliced in.
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
      accountable(`export of survey ${surveyId}: ${snapshot.count} response${snapshot.count === 1 ? '' : 's'}, json`);
      await writeAll(
        res,
        (async function* () {
          yield `{"surveyId":${JSON.stringify(surveyId)},"count":${snapshot.count},"responses":[`;
          let first = true;
          for await (const batch of snapshot.bodies()) {
            yield `${first ? '' : ','}${batch.join(',')}`;
            first = false;
          }
          yield ']}';
        })(),
      );
    } finally {
      await snapshot.close();
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (closing) {
      // Shutting down: no new work. Readable by the page (CORS), so the widget honours Retry-After.
      const origin = req.headers.origin;
      const cors = origin !== undefined && originAllowed(req, origin) ? corsHeaders(origin) : {};
      throw new HttpError(503, { error: 'shutting down' }, { ...cors, 'Retry-After': '5', Connection: 'close' });
    }
    // Two Host headers: RFC 9112 3.2 asks for a 400. Node keeps the first, and a proxy in front may
    // have used the other one, so the check of the page's own origin could be made against a host
    // the request was not for.
    if (req.rawHeaders.filter((name, i) => i % 2 === 0 && name.toLowerCase() === 'host').length > 1)
      throw new HttpError(400, { error: 'more than one Host header' });
    // A request target that is no path ("http://[::1") is the client's fault, not the storage's.
    const url = URL.parse(req.url ?? '/', 'http://collector');
    if (!url) throw new HttpError(400, { error: 'bad request target' });
    const path = url.pathname;
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
      try {
        await storage.ping();
      } catch {
        throw new HttpError(503, { ok: false, error: 'storage unavailable' });
      }
      return send(res, 200, { ok: true });
    }
    const exportMatch = EXPORT_PATH.exec(path);
    const eraseMatch = ERASE_PATH.exec(path);
    if (path !== RESPONSES_PATH && !exportMatch && !eraseMatch) throw new HttpError(404, { error: 'not found' });
    const method = path === RESPONSES_PATH ? 'POST' : eraseMatch ? 'DELETE' : 'GET';

    const origin = req.headers.origin;
    const cors: Record<string, string> = {};
    const refused = origin !== undefined && !originAllowed(req, origin);
    if (origin !== undefined) {
      // Exports answer no other site. A page posting responses from an origin not on the list
      // is refused in a reply it can read (its preflight passes, its POST gets the 403): the
      // widget then stops and tells the site owner, where an unreadable reply looked like a
      // network failure and was retried for ever. Nothing from such a page is stored.
      if (refused && method !== 'POST') throw new HttpError(403, { error: 'origin not allowed' });
      Object.assign(cors, corsHeaders(origin));
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': method,
        'Access-Control-Allow-Headers': method === 'POST' ? 'Content-Type, Idempotency-Key' : 'Authorization',
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
      });
      res.end();
      return;
    }
    if (refused) throw new HttpError(403, { error: 'origin not allowed' }, cors);
    if (req.method !== method && !(method === 'GET' && req.method === 'HEAD'))
      throw new HttpError(405, { error: 'method not allowed' }, { ...cors, Allow: `${method === 'GET' ? 'GET, HEAD' : method}, OPTIONS` });

    const wait = (method === 'POST' ? limiter : organiserLimiter)?.take(rateLimitKey(clientAddress(req))) ?? 0;
    if (wait > 0)
      throw new HttpError(429, { error: 'too many requests', retryAfterSeconds: wait }, { ...cors, 'Retry-After': String(wait) });

    try {
      if (exportMatch) return await exportResponses(req, res, exportMatch[1]!, url, cors);
      if (eraseMatch) return await eraseResponse(req, res, eraseMatch[1]!, eraseMatch[2]!, cors);
      const { status, body } = await postResponse(req);
      if (status < 300) storageWorks();
      send(res, status, body, cors);
    } catch (error) {
      if (error instanceof HttpError) Object.assign(error.headers, cors);
      else if (!res.headersSent) {
        // Storage failures: the widget retries a 5xx, so nothing is lost. Only the message is
        // logged, never the request. CORS headers too, so a page elsewhere can read Retry-After.
        logFailure((error as Error).message);
        throw new HttpError(503, { error: 'storage unavailable' }, { ...cors, 'Retry-After': '5' });
      }
      throw error;
    }
  }

  // Node checks headersTimeout and requestTimeout only this often (30 s by default), so a
  // stalled request lived up to twice its limit; checked every second, it goes within one.
  let closing = false;
  /** Replies not yet finished: at shutdown those whose headers are still to come get `Connection: close`. */
  const inFlight = new Set<ServerResponse>();
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (!req.complete && !error.headers.Connection) {
          discardBody(req);
          error.headers.Connection = 'close';
        }
        return send(res, error.status, error.body, error.headers);
      }
      // Storage failures: the widget retries a 5xx, so nothing is lost. Only the message is
      // logged, never the request.
      logFailure((error as Error).message);
      if (!res.headersSent) send(res, 503, { error: 'storage unavailable' }, { 'Retry-After': '5' });
      else res.destroy();
    });
  });
  // Slow or stalled clients must not hold sockets for Node's default five minutes: the headers
  // must be in within 15 s and the whole request within 30 s (Node answers 408 and closes).
  server.requestTimeout = 30_000;
  // A client that sends its request and half-closes (`nc -N`, a probe) still gets the reply: Node
  // otherwise drops a request whose reply waits on the storage (a PostgreSQL ping, an export).
  // Node reads this property (lib/_http_server.js) though its typings do not name it.
  (server as typeof server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  server.headersTimeout = 15_000;
  server.on('close', () => {
    limiter?.close();
    organiserLimiter?.close();
  });
  return Object.assign(server, {
    shutdown(deadlineMs = SHUTDOWN_DEADLINE_MS) {
      closing = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      return new Promise<void>((resolve) => {
        // Keep-alive connections between requests go at once and then as they become idle (a reply
        // whose headers went out before the shutdown could not say Connection: close).
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const deadline = setTimeout(() => server.closeAllConnections(), deadlineMs);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(deadline);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  });
}
