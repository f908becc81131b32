// Connections that misbehave: a client sending its request too slowly, and one sending a body
// larger than --max-body. Raw sockets, so the test sees every byte the collector writes.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startCollector, storages, TOKEN } from './helpers.mjs';

/**
 * Opens a connection, writes `first`, then one byte of `trickle` a second until the collector
 * closes it (or `limitMs` passes). Resolves with what came back and when the connection closed.
 */
function rawExchange(base, first, { trickle = '', limitMs = 40_000 } = {}) {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let text = '';
    let ended;
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(first));
    let i = 0;
    const ticker = setInterval(() => {
      if (i < trickle.length && socket.writable) socket.write(trickle[i++]);
    }, 1000);
    const limit = setTimeout(() => socket.destroy(), limitMs);
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => (ended ??= Date.now() - started));
    socket.on('close', () => {
      clearInterval(ticker);
      clearTimeout(limit);
      resolve({ text, closedAfterMs: Date.now() - started, endedAfterMs: ended, cutByTest: Date.now() - started >= limitMs });
    });
    socket.on('error', (error) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
  });
}

const statusLines = (text) => text.match(/^HTTP\/1\.1 \d{3} .*$/gm) ?? [];

describe('slow and oversized requests', () => {
  let place;
  let collector;
  before(async () => {
    place = await storages()[0].create();
  });
  after(async () => {
    await collector?.stop();
    await place?.drop();
  });

  it('cuts a request whose headers take longer than 15 s, or whose whole request takes longer than 30 s, within a second or two of the limit', async () => {
    // A fresh process: Node's check ran every 30 s from the start, so a request begun right
    // after it lived 60 s. Both clients keep sending a byte a second: the limits are on the
    // whole request, not on silence.
    collector = await startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0']);
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
});
