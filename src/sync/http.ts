/**
 * One delivery attempt and what it means. A 2xx delivers, unless it is an HTML document (a page
 * reached by a redirect, a CMS's page for a mistyped address); that, and 401/403/404, stop
 * delivery (the endpoint is wrong: the site owner is told, the data stays). A refusal that a
 * retry cannot change goes to the "not delivered" list; anything else (5xx, 429, network
 * failure, client timeout) is tried again later.
 */
import type { OutboxItem } from '../store/records.js';
import { parseRetryAfter } from './backoff.js';

export type Outcome =
  | { kind: 'delivered' }
  | { kind: 'rejected'; status: number; detail: string }
  | { kind: 'forbidden'; status: number; detail: string }
  | { kind: 'retry'; retryAfterMs?: number; timedOut?: true }
  | { kind: 'aborted' };

/** Refusals that the same bytes will meet again. */
export const REJECTED_STATUSES: ReadonlySet<number> = new Set([400, 409, 413, 415, 422]);
/**
 * Refusals of this page or endpoint rather than of the response: delivery stops, the site owner
 * is told, the data stays. 404: no survey (or no collector) at that address, e.g. an unknown
 * survey id; retrying it silently for ever told nobody.
 */
export const FORBIDDEN_STATUSES: ReadonlySet<number> = new Set([401, 403, 404]);
export const DEFAULT_REQUEST_TIMEOUT_MS = 15000;
const DETAIL_LENGTH = 1000;

export interface PostOptions {
  endpoint: string;
  fetch: typeof fetch;
  timeoutMs: number;
  /** Aborted when the session is disposed. */
  signal: AbortSignal;
  now: () => number;
}

export async function post(item: OutboxItem, options: PostOptions): Promise<Outcome> {
  const request = new AbortController();
  const stop = () => request.abort();
  const timer = setTimeout(stop, options.timeoutMs);
  options.signal.addEventListener('abort', stop);
  try {
    const response = await options.fetch(options.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': item.id },
      body: item.body,
      cache: 'no-store',
      // Nothing about the page or its user: not the address it was opened at (a newsletter's
      // ?subscriber=…), not a CMS's session cookie when the collector shares its site.
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: request.signal,
    });
    const { status } = response;
    if (status >= 200 && status < 300) {
      // After a 301/302/303 the POST became a GET of some page (a moved endpoint), and a CMS
      // answers a mistyped endpoint with its home page: an HTML document in answer, after a
      // redirect or as text/html, says nothing of the response. Anything else confirms it: a
      // collector's {"id": …}, a 204, an "ok" (Express, Flask and PHP send text/html by default).
      if (response.redirected || /html/i.test(response.headers.get('Content-Type') ?? '')) {
        // A body that cannot be read (the timeout cut it) confirms nothing either: tried again.
        const body = await response.text().catch(() => undefined);
        if (body === undefined) return { kind: 'retry' };
        if (/^\s*</.test(body))
          return {
            kind: 'forbidden',
            status,
            detail: response.redirected
              ? 'the endpoint redirects to a page that is not a collector; give the collector its own address'
              : 'the endpoint answered with an HTML page, not a collector; check its address',
          };
      } else
        // The status is the confirmation; the body is not needed and may never finish.
        response.body?.cancel().catch(() => undefined);
      return { kind: 'delivered' };
    }
    const detail = await readDetail(response);
    if (REJECTED_STATUSES.has(status)) return { kind: 'rejected', status, detail };
    if (FORBIDDEN_STATUSES.has(status)) return { kind: 'forbidden', status, detail };
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), options.now(), response.headers.get('Date'));
    return { kind: 'retry', retryAfterMs };
  } catch {
    // A network failure or the client timeout; both are tried again later.
    if (options.signal.aborted) return { kind: 'aborted' };
    return request.signal.aborted ? { kind: 'retry', timedOut: true } : { kind: 'retry' };
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', stop);
  }
}

async function readDetail(response: Response): Promise<string> {
  try {
    return (await response.text()).slice(0, DETAIL_LENGTH);
  } catch {
    return '';
  }
}
