import { expect } from '@open-wc/testing';
import { backoffDelay, parseRetryAfter } from '../../src/sync/index.js';
import { fakeClock } from '../support/fake-clock.js';
import { Harness, makeResponse, until } from '../support/offline-fixtures.js';
import { injectFaults, proxyLog, resetServers, servers, stored } from '../support/servers.js';

/**
 * The retry schedule, on a sinon fake clock handed to the session: real IndexedDB, real
 * requests through the fault proxy, fake time between attempts.
 */
describe('delivery backoff schedule', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await resetServers();
  });
  afterEach(() => h.finish());

  /** Runs a session whose attempts are timed on the fake clock; returns those times. */
  async function run(options: {
    random: () => number;
    failures: number;
    retryAfter?: number | string | ((now: number) => string);
    /** The reply's Date (the server's clock), from the device's time. */
    date?: (now: number) => string;
  }) {
    const { endpoint } = await servers();
    const { fake, clock } = fakeClock();
    const attempts: number[] = [];
    const retryAfter = options.retryAfter;
    await injectFaults({
      type: 'status',
      status: 503,
      times: options.failures,
      ...(retryAfter === undefined ? {} : { retryAfter: typeof retryAfter === 'function' ? retryAfter(fake.now) : retryAfter }),
      ...(options.date ? { date: options.date(fake.now) } : {}),
    });
    const session = h.session({
      endpoint,
      clock,
      random: options.random,
      fetch: (input, init) => {
        attempts.push(fake.now);
        return fetch(input, init);
      },
    });
    let failed = 0;
    let previous = '';
    session.addEventListener('status', (event) => {
      if (event.detail.state === 'waiting' && previous === 'sending') failed += 1;
      previous = event.detail.state;
    });
    await session.restore();
    const response = makeResponse('konferencja', { overall: 5 }, session.responseId);
    await session.complete(response);
    await until(() => failed === 1, 'the first failure');
    while (failed < options.failures) {
      const before = failed;
      await fake.nextAsync();
      await until(() => failed === before + 1, `failure ${before + 1}`);
    }
    await fake.nextAsync();
    await until(() => session.log.sent.length === 1, 'delivery');
    const gaps = attempts.slice(1).map((at, i) => at - attempts[i]!);
    return { gaps, attempts, session, response, fake };
  }

  it('retries after 1 s, doubling to 5 min (upper end of the jitter)', async () => {
    const { gaps, response } = await run({ random: () => 1, failures: 11 });
    expect(gaps).to.deep.equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300].map((s) => s * 1000));
    const { responses } = await stored();
    expect(responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('jitter never goes below half the step', async () => {
    const { gaps } = await run({ random: () => 0, failures: 4 });
    expect(gaps).to.deep.equal([500, 1000, 2000, 4000]);
  });

  it('with Math.random every wait lies within [step/2, step]', async () => {
    const { gaps } = await run({ random: Math.random, failures: 6 });
    const steps = [1000, 2000, 4000, 8000, 16000, 32000];
    gaps.forEach((gap, i) => expect(gap).to.be.within(steps[i]! / 2, steps[i]!));
  });

  it('honours Retry-After in seconds, even when a new response is completed meanwhile', async () => {
    const { endpoint } = await servers();
    const { fake, clock } = fakeClock();
    await injectFaults({ type: 'status', status: 503, retryAfter: 7 });
    const attempts: number[] = [];
    const session = h.session({
      endpoint,
      clock,
      random: () => 1,
      fetch: (input, init) => {
        attempts.push(fake.now);
        return fetch(input, init);
      },
    });
    await session.restore();
    await session.complete(makeResponse('konferencja', { overall: 1 }, session.responseId));
    await until(async () => (await proxyLog()).length === 1 && session.status.state === 'waiting', 'the 503');
    const start = attempts[0]!;
    await fake.tickAsync(3000);
    await session.complete(makeResponse('konferencja', { overall: 2 }, session.responseId));
    await fake.tickAsync(3999);
    expect(attempts).to.have.length(1);
    await fake.tickAsync(1);
    await until(() => session.log.sent.length === 2, 'both delivered');
    expect(attempts[1]! - start).to.equal(7000);
    expect((await stored()).responses).to.have.length(2);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { gaps } = await run({
      random: () => 1,
      failures: 1,
      retryAfter: (now) => new Date(now + 20_000).toUTCString(),
      date: (now) => new Date(now).toUTCString(),
    });
    // An HTTP date has whole seconds.
    expect(gaps[0]).to.be.within(19_000, 20_000);
  });

  it("counts an HTTP-date Retry-After from the reply's Date when the device clock is 2 h slow", async () => {
    const hours2 = 2 * 60 * 60 * 1000;
    const { gaps } = await run({
      random: () => 1,
      failures: 1,
      date: (now) => new Date(now + hours2).toUTCString(),
      retryAfter: (now) => new Date(now + hours2 + 20_000).toUTCString(),
    });
    // Counted from the device clock it would be 2 h 20 s, capped at an hour.
    expect(gaps[0]).to.be.within(19_000, 21_000);
  });

  it('retries 429, 5xx and a cut connection (never "not delivered")', async () => {
    const { endpoint } = await servers();
    const { fake, clock } = fakeClock();
    await injectFaults(
      { type: 'status', status: 429 },
      { type: 'status', status: 500 },
      { type: 'reset' },
      { type: 'status', status: 502 },
    );
    const session = h.session({ endpoint, clock, random: () => 1 });
    await session.restore();
    const response = makeResponse('konferencja', { overall: 3 }, session.responseId);
    let failed = 0;
    let previous = '';
    session.addEventListener('status', (event) => {
      if (event.detail.state === 'waiting' && previous === 'sending') failed += 1;
      previous = event.detail.state;
    });
    await session.complete(response);
    let rounds = 0;
    for (;;) {
      await until(() => failed === rounds + 1 || session.log.sent.length > 0, 'a failure or the delivery');
      if (session.log.sent.length > 0) break;
      rounds += 1;
      await fake.nextAsync();
    }
    expect(rounds).to.be.within(2, 4);
    const log = await proxyLog();
    // Chromium itself repeats a POST whose reused connection was cut, so the proxy may see more requests than the session made.
    expect(new Set(log.map((e) => e.fault ?? e.status))).to.deep.equal(new Set(['status', 'reset', 201]));
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
    expect(session.status.undelivered).to.equal(0);
    expect(session.log.errors).to.deep.equal([]);
  });
});

describe('backoff arithmetic', () => {
  it('doubles from 1 s and stops at 5 min', () => {
    expect([1, 2, 3, 9, 10, 11, 50].map((n) => backoffDelay(n, () => 1))).to.deep.equal([1000, 2000, 4000, 256000, 300000, 300000, 300000]);
  });

  it('reads Retry-After seconds and dates, ignores nonsense, and caps at an hour', () => {
    const now = Date.parse('2026-05-14T09:00:00Z');
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter('Thu, 14 May 2026 09:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Thu, 14 May 2026 08:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    expect(parseRetryAfter('999999', now)).to.equal(3_600_000);
  });

  it("counts a Retry-After date from the reply's Date, not from a device clock that is off", () => {
    const server = 'Thu, 14 May 2026 09:00:00 GMT';
    const retry = 'Thu, 14 May 2026 09:00:20 GMT';
    const minute = 60_000;
    for (const skew of [-120 * minute, -5 * minute, 0, 5 * minute])
      expect(parseRetryAfter(retry, Date.parse(server) + skew, server), `device clock ${skew / minute} min off`).to.equal(20_000);
    expect(parseRetryAfter(retry, Date.parse(server), 'not a date'), 'no usable Date: the device clock').to.equal(20_000);
    expect(parseRetryAfter('20', Date.parse(server) + 5 * minute, server), 'seconds need no clock').to.equal(20_000);
  });
});
