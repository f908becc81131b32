// Connections that misbehave: a client sending its request too slowly, and one sending a body
// larger than --max-body. Raw sockets, so the test sees every byte the collector writes.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  conferenceResponse,
  eventually,
  exportResponses,
  filesContaining,
  largeResponse,
  pausedExport,
  postAll,
  postJson,
  request,
  startCollector,
  storages,
  TOKEN,
} from './helpers.mjs';

/**
 * Opens a connection, writes `first`, then (from `trickleAfterMs` on) one byte of `trickle` a
 * second until the collector closes it (or `limitMs` passes). Resolves with what came back,
 * when the collector's FIN came (`endedAfterMs`) and when the connection closed.
 */
function rawExchange(base, first, { trickle = '', trickleAfterMs = 0, limitMs = 40_000, allowHalfOpen = false } = {}) {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let text = '';
    let ended;
    // allowHalfOpen: the client keeps its side open after the collector's FIN, as a client still
    // sending would.
    const socket = connect({ port: Number(port), host: '127.0.0.1', allowHalfOpen }, () => socket.write(first));
    let i = 0;
    let ticker;
    const waiting = setTimeout(() => {
      ticker = setInterval(() => {
        if (i < trickle.length && socket.writable) socket.write(trickle[i++]);
      }, 1000);
    }, trickleAfterMs);
    const limit = setTimeout(() => socket.destroy(), limitMs);
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => (ended ??= Date.now() - started));
    socket.on('close', () => {
      clearTimeout(waiting);
      clearInterval(ticker);
      clearTimeout(limit);
      resolve({ text, closedAfterMs: Date.now() - started, endedAfterMs: ended, cutByTest: Date.now() - started >= limitMs });
    });
    // A write to a connection the collector has closed ends in a reset.
    socket.on('error', (error) => (['ECONNRESET', 'EPIPE'].includes(error.code) ? undefined : reject(error)));
  });
}

// Not anchored: a reply after a body follows it on the same line.
const statusLines = (text) => text.match(/HTTP\/1\.1 \d{3} [^\r\n]*/g) ?? [];

// Concurrently: the first test waits 30 s for the collector to act, and so do the last ones.
describe('slow and oversized requests', { concurrency: true }, () => {
  let place;
  let collector;
  before(async () => {
    place = await storages()[0].create();
    collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0']);
  });
  after(async () => {
    await collector?.stop();
    await place?.drop();
  });

  it('cuts a request whose headers take longer than 15 s, or whose whole request takes longer than 30 s, within a second or two of the limit', async () => {
    // The first test, on a process just started: Node's check ran every 30 s from the start,
    // so a request begun right after it lived 60 s. Both clients keep sending a byte a second:
    // the limits are on the whole request, not on silence.
    const [headers, body] = await Promise.all([
      rawExchange(collector.url, 'POST /api/responses HTTP/1.1\r\nHost: x\r\n', { trickle: 'X-Slow: '.padEnd(60, 'a') }),
      rawExchange(
        collector.url,
        'POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
        { trickle: ' '.repeat(60) },
      ),
    ]);
    const seen = (reply) => (reply.cutByTest ? `still open after ${reply.closedAfterMs} ms` : `cut after ${reply.closedAfterMs} ms`);
    const measured = `headers (limit 15 s): ${seen(headers)}; body (limit 30 s): ${seen(body)}`;
    for (const [reply, limit] of [
      [headers, 15_000],
      [body, 30_000],
    ]) {
      assert.ok(!reply.cutByTest && reply.closedAfterMs <= limit + 2_500, measured);
      assert.ok(reply.closedAfterMs >= limit - 500, measured);
      assert.deepEqual(statusLines(reply.text), ['HTTP/1.1 408 Request Timeout'], measured);
    }
  });

  it('closes the connection after a 413, so the client sees that one answer and never a 408 after it', async () => {
    const head = 'POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 300000\r\n\r\n';
    // Part of the body, then a byte a second until the collector closes the connection (a slow
    // upload): kept open, it ran into the request timeout, and a 408 followed the 413.
    const stalled = await rawExchange(collector.url, head + ' '.repeat(100_000), { trickle: ' '.repeat(40), limitMs: 35_000 });
    assert.deepEqual(statusLines(stalled.text), ['HTTP/1.1 413 Payload Too Large'], stalled.text);
    assert.match(stalled.text, /\r\nConnection: close\r\n/i);
    assert.ok(
      stalled.endedAfterMs !== undefined && stalled.endedAfterMs < 2_000,
      `closed by the collector after ${stalled.endedAfterMs} ms`,
    );
    // A client that keeps its own side open is let go after 5 s without a byte from it: its
    // next bytes, from 9 s on (a margin for a busy machine), meet a closed connection.
    const holding = await rawExchange(collector.url, head + ' '.repeat(100_000), {
      allowHalfOpen: true,
      trickle: ' '.repeat(20),
      trickleAfterMs: 9_000,
      limitMs: 35_000,
    });
    assert.deepEqual(statusLines(holding.text), ['HTTP/1.1 413 Payload Too Large'], holding.text);
    assert.ok(holding.endedAfterMs < 2_000, `FIN after ${holding.endedAfterMs} ms`);
    assert.ok(holding.closedAfterMs < 12_000, `closed after ${holding.closedAfterMs} ms`);
    // And the whole body sent at once, as a browser does: the reply still arrives whole, with
    // Connection: close, and the next request works.
    const whole = await postJson(collector.url, conferenceResponse({ comments: 'x'.repeat(300 * 1024) }));
    assert.equal(whole.status, 413);
    assert.equal(whole.headers.connection, 'close');
    assert.equal(whole.json.error, 'too large');
  });

  // Each on a collector of its own, beside the ones above.
  for (const storage of storages())
    it(`cuts an export whose client takes nothing for about 30 s, and gives back its snapshot (${storage.name})`, async () => {
      const place = await storage.create();
      const exporter = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0']);
      try {
        // About 12 MB of JSON: more than the sockets between them hold (about 4 MB here).
        await postAll(
          exporter.url,
          Array.from({ length: 80 }, (_, n) => largeResponse('zastoj', n)),
        );
        const gone = { ...conferenceResponse({ comments: 'Usunąć w trakcie eksportu' }), surveyId: 'zastoj' };
        await postAll(exporter.url, [gone]);
        const started = Date.now();
        const stalled = await pausedExport(exporter.url, 'zastoj');
        assert.equal(stalled.status, 200);
        const erasing = Date.now();
        const erased = await request('DELETE', `${exporter.url}/api/surveys/zastoj/responses/${gone.id}`, {
          headers: { Authorization: `Bearer ${TOKEN}` },
        });
        assert.equal(erased.status, 204);
        // Not SQLite's busy wait (5 s) for the export's snapshot to let go of the log.
        assert.ok(Date.now() - erasing < 4_000, `the erasure took ${Date.now() - erasing} ms`);
        await new Promise((r) => setTimeout(r, 35_000 - (Date.now() - started)));
        const { text, complete } = await stalled.resume();
        assert.equal(complete, false, 'the reply was cut');
        assert.ok(text.length < 8_000_000, `${text.length} characters arrived`);
        if (place.dataDir)
          // The erasure's checkpoint waited for the export: it came when the export was cut.
          assert.ok(
            await eventually(() => filesContaining(place.dataDir, 'Usunąć w trakcie eksportu').length === 0),
            `the erased text is still in ${filesContaining(place.dataDir, 'Usunąć w trakcie eksportu')}`,
          );
        else {
          const { default: pg } = await import('pg');
          const client = new pg.Client({ connectionString: place.databaseUrl });
          await client.connect();
          const open = async () =>
            (
              await client.query(
                "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
              )
            ).rows[0].n === 0;
          assert.ok(await eventually(open), 'its transaction ended');
          await client.end();
        }
        // Its connection is free again: two exports at once (PostgreSQL keeps two for exports).
        const [json, csv] = await Promise.all([
          exportResponses(exporter.url, 'zastoj'),
          exportResponses(exporter.url, 'zastoj', '?format=csv'),
        ]);
        assert.equal(json.json.count, 80);
        assert.equal(csv.status, 200);
      } finally {
        await exporter.stop();
        await place.drop();
      }
    });
});
