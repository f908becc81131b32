/**
 * When to try again: 1 s doubling to 5 min with equal jitter (half fixed, half random, so
 * tabs that failed together spread out but never retry sooner than half the step), and
 * never sooner than the server's Retry-After.
 */
export const FIRST_RETRY_MS = 1000;
export const MAX_RETRY_MS = 5 * 60 * 1000;
/** A Retry-After beyond this is read as this: a page is rarely open longer. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/** Delay before retry number `failures` (1 for the first failure). */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return step / 2 + random() * (step / 2);
}

/**
 * Retry-After as delta-seconds or an HTTP date, in milliseconds; undefined if absent or
 * unreadable. A date counts from the reply's own `Date` (`serverDate`) when there is one: both
 * come from the server's clock, and the device's may be minutes or hours off. Else from `now`.
 */
export function parseRetryAfter(value: string | null, now: number, serverDate?: string | null): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const date = Date.parse(text);
    if (Number.isNaN(date)) return undefined;
    const base = Date.parse(serverDate ?? '');
    ms = date - (Number.isNaN(base) ? now : base);
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
