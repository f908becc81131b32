import { expect } from '@open-wc/testing';
import { uuid } from '../../src/engine/uuid.js';
import type { Response } from '../../src/schema/index.js';
import { systemClock } from '../../src/store/clock.js';
import { Delivery } from '../../src/sync/delivery.js';
import { freshDatabaseName, Harness, makeResponse, putRaw, rawKeys, sleep, until } from '../support/offline-fixtures.js';
import { collectorElsewhere, injectFaults, proxyLog, refuseConnections, resetServers, servers, stored } from '../support/servers.js';

describe('delivery scenarios', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await resetServers();
  });
  afterEach(() => h.finish());

  /** A session whose attempts are counted. */
  async function start(options: Parameters<Harness['session']>[0] = {}) {
    const { endpoint } = await servers();
    const attempts: string[] = [];
    const session = h.session({
      endpoint,
      fetch: (input, init) => {
        attempts.push(String((init?.headers as Record<string, string>)['Idempotency-Key']));
        return fetch(input, init);
      },
      ...options,
    });
    await session.restore();
    return { session, attempts, endpoint };
  }

  const answered = (session: { responseId: string }, answers: Response['answers'] = { overall: 4 }) =>
    makeResponse('konferencja', answers, session.responseId);

  it('delivers once with the exact stored JSON, an Idempotency-Key and status sending → sent (online: no "waiting" first)', async () => {
    const { session } = await start();
    const response = answered(session, { overall: 5, comments: 'Dziękuję' });
    await session.complete(response);
    await until(() => session.status.state === 'sent', 'sent');
    const { responses, counts } = await stored();
    expect(responses).to.deep.equal([response]);
    expect(counts.byStatus).to.deep.equal({ 201: 1 });
    expect(session.log.queued).to.deep.equal([{ responseId: response.id, waiting: 1 }]);
    expect(session.log.sent).to.deep.equal([response.id]);
    expect(session.log.states.slice(-2)).to.deep.equal(['sending', 'sent']);
    expect(session.log.states, 'queued online: posted at once').not.to.include('waiting');
    expect(session.status).to.include({ waiting: 0, undelivered: 0 });
    expect(await rawKeys(h.databaseName, 'outbox:')).to.deep.equal([]);
  });

  for (const [what, fault, detail] of [
    [
      'an HTML page with 200 (a CMS answering a mistyped endpoint with its page)',
      { contentType: 'text/html; charset=utf-8', status: 200, body: '<!doctype html><p>Strona główna</p>' },
      'HTTP 200: the endpoint answered with an HTML page, not a collector; check its address',
    ],
    [
      'a redirect to a page that answers 200 (a moved endpoint)',
      { status: 302, location: '/landing' },
      'HTTP 200: the endpoint redirects to a page that is not a collector; give the collector its own address',
    ],
  ] as const)
    it(`${what} is no confirmation: delivery stops and the site owner is told, the data stays; "try again" delivers it once`, async () => {
      const { session, attempts } = await start();
      await injectFaults({ type: 'status', times: 1, ...fault });
      const response = answered(session);
      await session.complete(response);
      await until(() => session.status.state === 'forbidden', 'delivery to stop');
      expect(session.log.sent, 'not reported as sent').to.deep.equal([]);
      expect(session.log.errors.map((e) => e.message)).to.deep.equal([detail]);
      expect(await rawKeys(h.databaseName, 'outbox:'), 'still in the outbox').to.deep.equal([`outbox:${response.id}`]);
      await sleep(1500);
      expect(attempts, 'not retried by itself').to.have.length(1);
      await session.retry();
      await until(() => session.status.state === 'sent', 'the retry', 5000);
      expect(attempts).to.deep.equal([response.id, response.id]);
      expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
      expect(session.log.sent).to.deep.equal([response.id]);
    });

  for (const [what, body] of [
    ['"ok" (Express, Flask and PHP send text/html by default)', 'ok'],
    ['nothing (a PHP script that stores and exits)', ''],
  ] as const)
    it(`a developer's own endpoint answering 200 text/html with ${what} delivers: only an HTML document is refused`, async () => {
      const { session } = await start();
      await injectFaults({ type: 'status', status: 200, contentType: 'text/html; charset=UTF-8', body });
      const response = answered(session);
      await session.complete(response);
      await until(() => session.status.state === 'sent', 'sent');
      expect(session.log.sent).to.deep.equal([response.id]);
      expect(session.log.errors).to.deep.equal([]);
    });

  it('a 307/308 redirect to the collector (a proxy adding a trailing slash) delivers: the collector confirms the id', async () => {
    const { session } = await start();
    for (const status of [308, 307]) {
      const before = (await stored()).responses.length;
      await injectFaults({ type: 'status', status, location: '/api/responses' });
      const response = makeResponse('konferencja', { overall: 4 }, uuid());
      await session.complete(response);
      await until(() => session.log.sent.includes(response.id), `delivery through the ${status}`);
      expect((await stored()).responses.length).to.equal(before + 1);
    }
    expect(session.log.errors).to.deep.equal([]);
  });

  it("sends nothing about the page: no Referer, not even the page's origin", async () => {
    const { session } = await start();
    const page = location.href;
    history.replaceState(null, '', `${page}&subscriber=jan.kowalski%40gmina.pl`);
    try {
      const response = answered(session);
      await session.complete(response);
      await until(() => session.status.state === 'sent', 'sent');
      const [entry] = (await proxyLog()).filter((e) => e.key === response.id);
      // (Cookies are not checked here: the test collector is on another site, where the
      // browser would not send the page's cookies anyway; the request says credentials: 'omit'.)
      expect(entry!.referer, 'no Referer').to.equal(null);
    } finally {
      history.replaceState(null, '', page);
    }
  });

  it('navigator.onLine true but the network dead: a failure, retried with backoff', async () => {
    const { session, attempts } = await start();
    await refuseConnections(true);
    const response = answered(session);
    await session.complete(response);
    await until(() => attempts.length === 1 && session.status.state === 'waiting', 'the failed attempt');
    expect(navigator.onLine).to.equal(true);
    await refuseConnections(false);
    await until(() => session.status.state === 'sent', 'the retry', 5000);
    expect(attempts).to.deep.equal([response.id, response.id]);
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  for (const status of [400, 409, 413, 415, 422]) {
    it(`${status}: kept in the "not delivered" list with export, never retried`, async () => {
      const { session, attempts } = await start();
      await injectFaults({ type: 'status', status, body: { error: `odrzucono (${status})` } });
      const response = answered(session, { overall: 1, comments: 'Zbyt długi tekst?' });
      await session.complete(response);
      await until(() => session.status.state === 'not-delivered', 'not delivered');
      expect(session.status).to.include({ waiting: 0, undelivered: 1 });
      expect(session.log.errors).to.deep.equal([
        { kind: 'delivery', status, responseId: response.id, message: `HTTP ${status}: {"error":"odrzucono (${status})"}` },
      ]);
      // No retry loop: neither time, a new response nor "try again" sends it again.
      await session.complete(answered(session, { overall: 5 }));
      await session.retry();
      await until(() => session.status.state === 'sent', 'the next response sent');
      await sleep(1200);
      expect(attempts.filter((id) => id === response.id)).to.have.length(1);
      const exported = JSON.parse(session.exportUndelivered());
      expect(exported).to.include({ format: 'ankieta-undelivered', version: 1 });
      expect(exported.undelivered).to.have.length(1);
      expect(exported.undelivered[0]).to.include({ status });
      expect(exported.undelivered[0].response).to.deep.equal(response);
      expect(exported.waiting).to.deep.equal([]);
      // Its own times to the hour, as the response's: the file would otherwise date each to the millisecond.
      const { queuedAt, failedAt } = exported.undelivered[0];
      for (const time of [exported.exportedAt, queuedAt, failedAt]) expect(time).to.match(/T\d\d:00:00\.000Z$/);
      // Kept on the device: a reload still has it.
      session.dispose();
      const again = h.session({ endpoint: session.endpoint });
      await again.restore();
      expect(again.status.undelivered).to.equal(1);
      expect(JSON.parse(again.exportUndelivered()).undelivered[0].response).to.deep.equal(response);
    });
  }

  it('a response the collector itself refuses (400 with paths) goes to the list, not into a loop', async () => {
    const { session } = await start();
    const invalid = { ...answered(session), surveyId: 'Not A Survey Id!' };
    await session.complete(invalid);
    await until(() => session.status.state === 'not-delivered', 'not delivered');
    expect(session.log.errors[0]?.status).to.equal(400);
    expect(session.log.errors[0]?.message).to.contain('surveyId');
    expect((await stored()).counts.byStatus).to.deep.equal({ 400: 1 });
  });

  it('the same id with a different body (another device) gets a real 409, surfaced and kept', async () => {
    const { session } = await start();
    const id = uuid();
    await session.complete(makeResponse('konferencja', { overall: 5 }, id));
    await until(() => session.status.state === 'sent', 'the first delivered');
    const other = h.session({ endpoint: session.endpoint, databaseName: freshDatabaseName() });
    await other.restore();
    await other.complete(makeResponse('konferencja', { overall: 1 }, id));
    await until(() => other.status.state === 'not-delivered', 'the 409');
    expect(other.log.errors[0]).to.include({ kind: 'delivery', status: 409, responseId: id });
    expect((await stored()).responses.map((r) => r.answers)).to.deep.equal([{ overall: 5 }]);
  });

  for (const status of [401, 403, 404]) {
    it(`${status}: delivery stops and is reported, the data stays; "try again" resumes`, async () => {
      const { session, attempts } = await start();
      await injectFaults({ type: 'status', status });
      const first = answered(session);
      await session.complete(first);
      await until(() => session.status.state === 'forbidden', 'forbidden');
      expect(session.log.errors).to.deep.equal([{ kind: 'delivery', status, message: `HTTP ${status}: {"error":"injected ${status}"}` }]);
      const second = answered(session, { overall: 2 });
      await session.complete(second);
      window.dispatchEvent(new Event('online'));
      await sleep(1500);
      expect(attempts).to.deep.equal([first.id]);
      expect(session.status).to.include({ state: 'forbidden', waiting: 2 });
      expect((await rawKeys(h.databaseName, 'outbox:')).sort()).to.deep.equal([`outbox:${first.id}`, `outbox:${second.id}`].sort());
      await session.retry();
      await until(() => session.status.state === 'sent', 'sent after try again');
      expect((await stored()).responses.map((r) => r.id).sort()).to.deep.equal([first.id, second.id].sort());
    });
  }

  it("a collector that does not allow the page's origin: delivery stops and says so, the data stays", async () => {
    const { endpoint } = await collectorElsewhere();
    const session = h.session({ endpoint });
    await session.restore();
    const response = answered(session);
    await session.complete(response);
    await until(() => session.status.state === 'forbidden', 'forbidden', 8000);
    expect(session.log.errors).to.deep.equal([{ kind: 'delivery', status: 403, message: 'HTTP 403: {"error":"origin not allowed"}' }]);
    expect(session.status).to.include({ waiting: 1 });
    expect(await rawKeys(h.databaseName, 'outbox:')).to.deep.equal([`outbox:${response.id}`]);
  });

  it('client timeout: a request that hangs is abandoned and retried with the same key', async () => {
    const { session, attempts } = await start({ requestTimeoutMs: 1000 });
    await injectFaults({ type: 'hang' });
    const response = answered(session);
    await session.complete(response);
    await until(() => session.status.state === 'waiting', 'the timeout');
    await until(() => session.status.state === 'sent', 'the retry', 8000);
    // Every attempt carries the same key (on a slow machine the collector may need a third).
    expect(attempts.length).to.be.at.least(2);
    expect(new Set(attempts)).to.deep.equal(new Set([response.id]));
    const log = await proxyLog();
    expect(log[0]).to.include({ fault: 'hang', status: 'cut' });
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('"try again" while an attempt hangs (Wi-Fi that passes nothing) starts over at once, with the same key, instead of waiting out the timeout', async () => {
    // The timeout of a link that kept timing out grows to 2 min: the tap did nothing that long.
    const { session, attempts } = await start({ requestTimeoutMs: 30_000 });
    await injectFaults({ type: 'hang', times: 1 });
    const response = answered(session);
    await session.complete(response);
    await until(() => attempts.length === 1, 'the first attempt');
    // Open over 2 s: taken as hanging (a younger one is let finish).
    await sleep(2500);
    expect(session.status.state, 'still hanging').to.not.equal('sent');
    await session.retry();
    await until(() => session.status.state === 'sent', 'sent after the tap', 5000);
    expect(attempts).to.deep.equal([response.id, response.id]);
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('"try again" tapped every 2.5 s on a slow link (replies take 3 s) cuts no attempt the taps started: sent, once', async () => {
    const { session, attempts } = await start({ requestTimeoutMs: 10_000 });
    // The first attempt fails fast (the "waiting" status and its button show); every later one takes 3 s.
    await injectFaults({ type: 'status', status: 503, times: 1 }, { type: 'delay', ms: 3000, times: 20 });
    const response = answered(session);
    await session.complete(response);
    await until(() => session.status.state === 'waiting', 'waiting after the 503');
    const sent = () => session.status.state === 'sent';
    void session.retry();
    for (let i = 0; i < 4 && !sent(); i++) {
      await sleep(2500);
      if (!sent()) void session.retry();
    }
    await until(sent, 'sent', 5000);
    // The 503, the attempt the first tap started (cut by the second, as hanging over 2 s), and the
    // one after it, which the third tap lets run: a tap waits twice as long after each cut.
    expect(attempts).to.deep.equal([response.id, response.id, response.id]);
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('"try again" on a link that is back cuts the hanging attempt an earlier tap started (dead Wi-Fi, then working)', async () => {
    const { session, attempts } = await start({ requestTimeoutMs: 30_000 });
    await injectFaults({ type: 'status', status: 503, times: 1 }, { type: 'hang', times: 1 });
    const response = answered(session);
    await session.complete(response);
    await until(() => session.status.state === 'waiting', 'waiting after the 503');
    // Tapped while the Wi-Fi passes nothing: this attempt hangs.
    void session.retry();
    await until(() => attempts.length === 2, 'the attempt the tap started');
    await sleep(2500);
    // The Wi-Fi is back: the next tap gives up the hanging attempt.
    const tapped = performance.now();
    await session.retry();
    await until(() => session.status.state === 'sent', 'sent after the second tap', 5000);
    expect(performance.now() - tapped, 'ms after the second tap').to.be.below(3000);
    expect(attempts).to.deep.equal([response.id, response.id, response.id]);
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('a link slower than the timeout: each retry waits longer, so the reply arrives and the status says sent', async () => {
    const { session, attempts } = await start({ requestTimeoutMs: 600 });
    await injectFaults({ type: 'delay', ms: 900, times: 20 });
    const response = answered(session);
    await session.complete(response);
    await until(() => session.status.state === 'sent', 'sent', 10000);
    expect(attempts.length).to.be.at.least(2);
    expect(new Set(attempts)).to.deep.equal(new Set([response.id]));
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('quick failures (503) leave the timeout as it is: only attempts the timeout cut off make the next one wait longer', async () => {
    const { endpoint } = await servers();
    let calls = 0;
    let heldFor = -1;
    const session = h.session({
      endpoint,
      requestTimeoutMs: 600,
      random: () => 0,
      fetch: (input, init) => {
        calls += 1;
        if (calls <= 2) return Promise.resolve(new globalThis.Response('', { status: 503 }));
        if (calls === 3) {
          const since = performance.now();
          return new Promise((_, reject) =>
            init!.signal!.addEventListener('abort', () => {
              heldFor = performance.now() - since;
              reject(new DOMException('aborted', 'AbortError'));
            }),
          );
        }
        return fetch(input, init);
      },
    });
    await session.restore();
    const response = answered(session);
    await session.complete(response);
    await until(() => session.status.state === 'sent', 'sent', 10000);
    // After two 503s the timeout was still 600 ms (it was 2400 when every failure doubled it).
    expect(heldFor).to.be.within(500, 1500);
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('stored, but the reply was lost: the retry with the same key is stored once', async () => {
    const { session } = await start();
    await injectFaults({ type: 'drop-reply' });
    const response = answered(session);
    await session.complete(response);
    await until(() => session.status.state === 'sent', 'sent', 5000);
    const { responses, counts } = await stored();
    expect(responses).to.deep.equal([response]);
    expect(counts.byStatus['201']).to.equal(1);
    expect(counts.byStatus['200']).to.be.at.least(1);
  });

  it('"N waiting": each queued response is counted until it is delivered', async () => {
    const { session } = await start();
    await refuseConnections(true);
    for (let i = 0; i < 3; i += 1) await session.complete(answered(session, { overall: i + 1 }));
    expect(session.log.queued.map((q) => q.waiting)).to.deep.equal([1, 2, 3]);
    await until(() => session.status.state === 'waiting' && session.status.waiting === 3, '3 waiting');
    const exported = JSON.parse(session.exportUndelivered());
    expect(exported.waiting).to.have.length(3);
    await refuseConnections(false);
    await session.retry();
    await until(() => session.status.state === 'sent', 'all sent');
    expect(session.log.sent).to.have.length(3);
    expect(session.status.waiting).to.equal(0);
    expect((await stored()).responses).to.have.length(3);
  });

  it('flushes on load: a response left by an earlier page is delivered by the next', async () => {
    const { session } = await start();
    await refuseConnections(true);
    const response = answered(session);
    await session.complete(response);
    await until(() => session.status.state === 'waiting', 'the failed attempt');
    session.dispose();
    await refuseConnections(false);
    const next = h.session({ endpoint: session.endpoint });
    await next.restore();
    await until(() => next.log.sent.includes(response.id), 'delivered on load');
    expect(next.status.state).to.equal('sent');
  });

  it('damaged or foreign records in the outbox are skipped: the draft comes back and the rest is delivered', async () => {
    const { session } = await start();
    await refuseConnections(true);
    const response = answered(session);
    await session.complete(response);
    await until(() => session.status.state === 'waiting', 'the failed attempt');
    await session.saveAnswer('comments', 'wpisane przed odświeżeniem');
    session.dispose();
    const damaged = {
      'outbox:zzz-null': null,
      'outbox:zzz-text': 'nie rekord',
      'outbox:zzz-partial': { id: 5, endpoint: session.endpoint },
      'undelivered:zzz-number': 42,
    };
    await putRaw(h.databaseName, damaged);
    await refuseConnections(false);
    const next = h.session({ endpoint: session.endpoint });
    const draft = await next.restore();
    expect(draft?.answers, 'the draft typed before the reload').to.deep.equal({ comments: 'wpisane przed odświeżeniem' });
    await until(() => next.log.sent.includes(response.id), 'the queued response delivered');
    expect(next.log.errors).to.deep.equal([]);
    expect(next.status).to.include({ state: 'sent', waiting: 0, undelivered: 0 });
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
    const left = [...(await rawKeys(h.databaseName, 'outbox:')), ...(await rawKeys(h.databaseName, 'undelivered:'))];
    expect(left.sort(), 'records it cannot read are left alone').to.deep.equal(Object.keys(damaged).sort());
  });

  it('without an endpoint responses stay on the device and nothing is sent', async () => {
    const session = h.session();
    await session.restore();
    await session.complete(answered(session));
    await sleep(200);
    expect((await proxyLog()).length).to.equal(0);
    expect(session.status).to.include({ state: 'saved', waiting: 1 });
    expect(JSON.parse(session.exportUndelivered()).waiting).to.have.length(1);
  });
});

describe('Delivery and Web Locks', () => {
  it('a pass that fails inside the lock keeps the lock for later passes and posts nothing again at once', async () => {
    await resetServers();
    const { endpoint } = await servers();
    const lockName = `ankieta-outbox:test-${uuid()}`;
    const item = (id: string) => ({
      id,
      surveyId: 'konferencja',
      endpoint,
      body: JSON.stringify(makeResponse('konferencja', { overall: 3 }, id)),
      queuedAt: 0,
    });
    const first = item(uuid());
    let outbox = [first];
    let failOnce = true;
    const posts: string[] = [];
    const delivery = new Delivery({
      endpoint,
      source: {
        items: async () => [...outbox],
        claim: async () => true,
        unclaim: async () => {},
        // Storage refusing the write once, after the collector confirmed the first item.
        delivered: async (done) => {
          if (failOnce) {
            failOnce = false;
            throw new DOMException('The operation is insecure.', 'SecurityError');
          }
          outbox = outbox.filter((o) => o.id !== done.id);
        },
        rejected: async () => {},
      },
      report: () => {},
      clock: systemClock,
      random: () => 1,
      fetch: async (input, init) => {
        const held = (await navigator.locks.query()).held ?? [];
        posts.push(
          `${(init?.headers as Record<string, string>)['Idempotency-Key'] === first.id ? 'first' : 'second'}, lock ${held.some((l) => l.name === lockName) ? 'held' : 'not held'}`,
        );
        return fetch(input, init);
      },
      locks: navigator.locks,
      lockName,
      requestTimeoutMs: 5000,
      isOnline: () => true,
    });
    try {
      await delivery.flush('queued');
      expect(posts, 'not posted again at once, without the lock').to.deep.equal(['first, lock held']);
      outbox.push(item(uuid()));
      await delivery.flush('retry');
      expect(posts.slice(1), 'later passes still under the lock').to.deep.equal(['first, lock held', 'second, lock held']);
    } finally {
      delivery.dispose();
    }
  });
});
