/**
 * What the collector keeps of a response, and the hash a retry is compared with. The hash is of
 * the stored body, never of the bytes received: those could hold what the body leaves out (a
 * client's times to the millisecond, cut to the hour in the body, were found again from a hash of
 * the bytes by trying every millisecond of the hour, in seconds).
 */
import { createHash } from 'node:crypto';
import { parseResponse, type Response } from '../src/schema/index.js';
import { toHour } from './times.js';

/**
 * The stored body: the checked response written out again, its times to the hour. Bytes that
 * make the same response (a retry, other spacing, a key twice, another minute of the same hour)
 * make the same body.
 */
export const storedBody = (response: Response): string =>
  JSON.stringify({ ...response, startedAt: toHour(response.startedAt), submittedAt: toHour(response.submittedAt) });

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The hash of a body already stored, for a migration: that of the body the collector would store
 * now for the same response, so that a device retrying it is still answered "already stored". It
 * is the body's own hash for every body this collector stores; one stored by an early version as
 * received (its own spacing) is written out again first, as a retry of the same bytes now is. A
 * body that is no longer a valid response is hashed as it is.
 */
export function storedBodyHash(body: string): string {
  const parsed = parseResponse(body);
  return sha256(parsed.ok ? storedBody(parsed.value) : body);
}
