import { expect } from '@open-wc/testing';
import type { OfflineSession } from '../../src/sync/index.js';
import { Harness, makeResponse, until } from '../support/offline-fixtures.js';
import { injectFaults, proxyLog, resetServers, servers, stored, type ProxyLogEntry } from '../support/servers.js';

/** Pairs of POSTs of one key that were on the wire at the same time. */
function overlapsPerKey(log: ProxyLogEntry[]): string[] {
  const found: string[] = [];
  log.forEach((a, i) =>
    log.slice(i + 1).forEach((b) => {
      if (a.key === b.key && a.start < (b.end ?? Infinity) && b.start < (a.end ?? Infinity)) found.push(a.key!);
    }),
  );
  return found;
}

function overlapsAtAll(log: ProxyLogEntry[]): number {
  let count = 0;
  log.forEach((a, i) =>
    log.slice(i + 1).forEach((b) => {
      if (a.start < (b.end ?? Infinity) && b.start < (a.end ?? Infinity)) count += 1;
    }),
  );
  return count;
}

describe('several tabs', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await resetServers();
  });
  afterEach(() => h.finish());

  async function completeMany(session: OfflineSession, count: number, tag: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      await session.saveAnswer('overall', (i % 5) + 1);
      ids.push(
        (await session.complete(makeResponse('konferencja', { overall: (i % 5) + 1, comments: `${tag} ${i}` }, session.responseId))).id,
      );
    }
    return ids;
  }

  it('two tabs flushing at once: one sender (Web Locks), each response sent once', async () => {
    const { endpoint } = await servers();
    await injectFaults({ type: 'delay', ms: 30, times: 100 });
    const tab = await h.tab();
    const here = h.session({ endpoint });
    const there = h.session({ endpoint }, tab);
    await Promise.all([here.restore(), there.restore()]);
    const ids = (await Promise.all([completeMany(here, 6, 'here'), completeMany(there, 6, 'there')])).flat();
    await until(async () => (await stored()).responses.length === 12, 'all delivered', 15000);
    const log = await proxyLog();
    expect(log.map((e) => e.key).sort()).to.deep.equal([...ids].sort());
    expect(overlapsAtAll(log)).to.equal(0);
    expect(new Set((await stored()).responses.map((r) => r.id)).size).to.equal(12);
  });

  it('without Web Locks two tabs never send the same response at the same time (leases)', async () => {
    const { endpoint } = await servers();
    await injectFaults({ type: 'delay', ms: 30, times: 100 });
    const tab = await h.tab();
    const here = h.session({ endpoint, locks: null });
    const there = h.session({ endpoint, locks: null }, tab);
    await Promise.all([here.restore(), there.restore()]);
    const ids = (await Promise.all([completeMany(here, 6, 'here'), completeMany(there, 6, 'there')])).flat();
    // Both flush everything they can see, concurrently.
    await Promise.all([here.retry(), there.retry()]);
    await until(async () => (await stored()).responses.length === 12, 'all delivered', 15000);
    const log = await proxyLog();
    expect(overlapsPerKey(log)).to.deep.equal([]);
    expect(log.map((e) => e.key).sort()).to.deep.equal([...ids].sort());
    console.log(
      `without Web Locks: 12 responses, ${log.length} POSTs, ${overlapsAtAll(log)} overlapping pairs of different responses, 0 of the same`,
    );
  });

  it('a tab closed mid-POST: the response stays queued and the next tab delivers it once', async () => {
    const { endpoint } = await servers();
    // The collector stores it, but the reply never comes back before the tab is gone.
    await injectFaults({ type: 'store-then-hang' });
    const tab = await h.tab();
    const there = h.session({ endpoint }, tab);
    await there.restore();
    const response = makeResponse('konferencja', { overall: 3 }, there.responseId);
    await there.complete(response);
    await until(async () => (await stored()).responses.length === 1, 'the request to reach the collector');
    // This tab waits for the lock the closing tab holds.
    const here = h.session({ endpoint });
    await here.restore();
    tab.close();
    await until(() => here.log.sent.includes(response.id), 'delivery by the other tab');
    const { responses, counts } = await stored();
    expect(responses.map((r) => r.id)).to.deep.equal([response.id]);
    expect(counts.byStatus).to.deep.equal({ 200: 1, 201: 1 });
  });

  it('a tab that queued a response hears "sent" when another tab delivered it', async () => {
    const { endpoint } = await servers();
    await injectFaults({ type: 'status', status: 503, retryAfter: 3600 });
    const tab = await h.tab();
    const there = h.session({ endpoint }, tab);
    await there.restore();
    const response = makeResponse('konferencja', { overall: 4 }, there.responseId);
    await there.complete(response);
    await until(() => there.status.state === 'waiting', 'the 503 with a long Retry-After');
    const here = h.session({ endpoint });
    await here.restore();
    await until(() => here.log.sent.includes(response.id), 'delivered here');
    // The next look at the outbox (here: another response completed inside the Retry-After window).
    await there.complete(makeResponse('konferencja', { overall: 5 }, there.responseId));
    await until(() => there.log.sent.includes(response.id), '"sent" in the tab that queued it');
    expect((await proxyLog()).filter((e) => e.key === response.id)).to.have.length(2);
  });
});
