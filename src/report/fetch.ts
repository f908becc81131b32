/**
 * Loads responses from the collector's organiser export (`GET /api/surveys/:id/responses`,
 * bearer token). The only network code of the report; `<ankieta-report>` calls it and renders.
 */
import { parseResponse } from '../schema/parse.js';
import type { Response } from '../schema/response.js';

/** `origin`: the server answers, but not to this page (its origin is not on the collector's `--origin` list). */
export type LoadErrorKind = 'auth' | 'missing' | 'http' | 'network' | 'origin' | 'format';

export class ReportLoadError extends Error {
  constructor(
    readonly kind: LoadErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ReportLoadError';
  }
}

export interface LoadedResponses {
  responses: Response[];
  /** Items that are not valid responses (left out). */
  invalid: number;
}

/**
 * A failed CORS request and a server that is down look the same to a script. A no-cors
 * request (no token, no preflight, an opaque reply) tells them apart: it arrives when only
 * CORS refused the page.
 */
async function reachable(src: string, signal: AbortSignal | undefined): Promise<boolean> {
  try {
    await fetch(src, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', ...(signal ? { signal } : {}) });
    return true;
  } catch {
    return false;
  }
}

/** Accepts the export as an array of responses or as `{ responses: [...] }`. */
export async function fetchResponses(
  src: string,
  options: { token?: string | undefined; signal?: AbortSignal } = {},
): Promise<LoadedResponses> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let reply: globalThis.Response;
  try {
    reply = await fetch(src, { headers, cache: 'no-store', ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (await reachable(src, options.signal))
      throw new ReportLoadError('origin', `${src} answers, but not to this page: is its origin allowed on the server?`);
    throw new ReportLoadError('network', `Could not reach ${src}: ${(error as Error).message}`);
  }
  if (reply.status === 401 || reply.status === 403)
    throw new ReportLoadError('auth', `${src} refused the token (${reply.status})`, reply.status);
  // The collector's "unknown survey", or an address that is not an export at all: not a matter of waiting.
  if (reply.status === 404) throw new ReportLoadError('missing', `${src} has no such export (404)`, 404);
  if (!reply.ok) throw new ReportLoadError('http', `${src} answered ${reply.status}`, reply.status);
  let body: unknown;
  try {
    body = await reply.json();
  } catch {
    throw new ReportLoadError('format', `${src} did not return JSON`, reply.status);
  }
  const items = Array.isArray(body)
    ? body
    : Array.isArray((body as { responses?: unknown })?.responses)
      ? (body as { responses: unknown[] }).responses
      : undefined;
  if (!items) throw new ReportLoadError('format', `${src} returned neither an array nor {responses: [...]}`, reply.status);
  const responses: Response[] = [];
  let invalid = 0;
  for (const item of items) {
    const parsed = parseResponse(item);
    if (parsed.ok) responses.push(parsed.value);
    else invalid++;
  }
  return { responses, invalid };
}
