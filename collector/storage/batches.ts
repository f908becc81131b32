/**
 * Reading a snapshot in batches whose size follows the bodies read so far: many small bodies
 * per query, few large ones, so that no batch holds much more than BATCH_CHARS of them.
 */

/** At most this many rows per query. */
export const BATCH_ROWS = 500;
/** The first query's rows: a body may be up to --max-body (64 MiB at most), so start small. */
const FIRST_ROWS = 8;
/** Later queries take as many rows as fit in about this many characters of bodies, as read so far. */
const BATCH_CHARS = 1 << 18;

/**
 * Yields the bodies `read` returns, a batch at a time, until it returns fewer than it was asked
 * for. `read(limit)` gives the next `limit` bodies in the export's order (it keeps its place).
 */
export async function* batches(read: (limit: number) => string[] | Promise<string[]>): AsyncGenerator<string[], void, undefined> {
  let limit = FIRST_ROWS;
  for (;;) {
    const bodies = await read(limit);
    if (bodies.length) yield bodies;
    if (bodies.length < limit) return;
    const chars = bodies.reduce((sum, body) => sum + body.length, 0);
    limit = Math.max(1, Math.min(BATCH_ROWS, Math.floor((limit * BATCH_CHARS) / Math.max(chars, 1))));
  }
}
