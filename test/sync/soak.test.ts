import { expect } from '@open-wc/testing';
import type { Clock } from '../../src/store/clock.js';
import type { OfflineSession } from '../../src/sync/index.js';
import { Harness, makeResponse, rawKeys, sleep, until, type Tab } from '../support/offline-fixtures.js';
import {
  capabilities,
  proxyLog,
  randomFaults,
  refuseConnections,
  resetServers,
  servers,
  setOffline,
  stored,
  type Fault,
} from '../support/servers.js';

const RESPONSES = 520;
/** The backoff runs this much faster here; its real schedule is checked in backoff.test.ts. */
const TIME_WARP = 50;

const warped: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms / TIME_WARP),
  clearTimeout: (handle) => clearTimeout(handle as number),
};

const faults: Fault[] = [
  { type: 'status', status: 503 },
  { type: 'status', status: 503, retryAfter: 1 },
  { type: 'status', status: 429, retryAfter: 1 },
  { type: 'status', status: 500 },
  { type: 'reset' },
  { type: 'reset' },
  { type: 'drop-reply' },
  { type: 'drop-reply' },
  // Stored, and the reply never comes: the client timeout ends the wait.
  { type: 'store-then-hang' },
];

describe('soak: responses through a flaky network, with reloads, offline spells and a second tab', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await resetServers();
  });
  afterEach(async () => {
    if ((await capabilities()).cdp) await setOffline(false);
    await refuseConnections(false);
    await randomFaults(null);
    await h.finish();
  });

  it(`delivers ${RESPONSES} responses through a proxy failing 30% of requests: lost 0, duplicated 0`, async function () {
    this.timeout(110_000);
    const started = performance.now();
    const { endpoint } = await servers();
    const options = { endpoint, clock: warped, requestTimeoutMs: 150 };
    await randomFaults({ rate: 0.3, faults, seed: 2016 });

    let here: OfflineSession = h.session(options);
    await here.restore();
    const tab: Tab = await h.tab();
    let there: OfflineSession = h.session(options, tab);
    await there.restore();

    // Offline spells: navigator.onLine false where the browser's automation can switch it
    // (Chromium), otherwise a dead network while navigator.onLine stays true (Firefox).
    const { cdp } = await capabilities();
    const goOffline = (offline: boolean) => (cdp ? setOffline(offline) : refuseConnections(offline));
    const completed = new Map<number, string>();
    const counts = { here: 0, there: 0, reloads: 0, tabReloads: 0, offlineSpells: 0 };
    for (let seq = 0; seq < RESPONSES; seq += 1) {
      const inTab = seq % 3 === 2;
      const session = inTab ? there : here;
      await session.saveAnswer('overall', (seq % 5) + 1);
      await session.saveAnswer('comments', `odpowiedź ${seq}`, { immediate: false });
      const queued = await session.complete(
        makeResponse('konferencja', { seq, overall: (seq % 5) + 1, comments: `odpowiedź ${seq}` }, session.responseId),
      );
      completed.set(seq, queued.id);
      counts[inTab ? 'there' : 'here'] += 1;

      if (seq % 41 === 40) {
        // A reload of this page: the session goes (cutting its request) and a new one starts.
        here.dispose();
        here = h.session(options);
        await here.restore();
        counts.reloads += 1;
      }
      if (seq % 67 === 66) {
        // A real reload of the second tab, usually in the middle of a request.
        await tab.reload();
        there = h.session(options, tab);
        await there.restore();
        counts.tabReloads += 1;
      }
      if (seq % 97 === 96) {
        await goOffline(true);
        for (let extra = 0; extra < 2 && seq + 1 < RESPONSES; extra += 1) {
          seq += 1;
          const queued = await here.complete(makeResponse('konferencja', { seq, overall: 3, comments: 'offline' }, here.responseId));
          completed.set(seq, queued.id);
          counts.here += 1;
        }
        await sleep(100);
        await goOffline(false);
        counts.offlineSpells += 1;
      }
      if (seq % 10 === 0) await sleep(5);
    }

    // The proxy keeps failing 30% of requests until the outbox is empty.
    await until(async () => (await stored()).responses.length >= completed.size, 'every response at the collector', 60_000);
    await until(async () => (await rawKeys(h.databaseName, 'outbox:')).length === 0, 'an empty outbox', 10_000);

    const { responses, counts: collector } = await stored();
    const seqs = responses.map((r) => r.answers.seq as number);
    const distinct = new Set(seqs);
    const lost = [...completed.keys()].filter((seq) => !distinct.has(seq));
    const duplicated = seqs.length - distinct.size;
    const log = await proxyLog();
    const injected = log.filter((e) => e.fault !== null).length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `soak: ${completed.size} completed (${counts.here} in this page, ${counts.there} in the second tab), ` +
        `${distinct.size} delivered, lost ${lost.length}, duplicated ${duplicated}; ` +
        `${log.length} POSTs of which ${injected} failed on purpose (${((100 * injected) / log.length).toFixed(0)}%), ` +
        `collector replies ${JSON.stringify(collector.byStatus)}; ` +
        `${counts.reloads} reloads, ${counts.tabReloads} tab reloads, ` +
        `${counts.offlineSpells} ${cdp ? 'offline spells' : 'spells of a dead network'}; ${seconds} s`,
    );
    expect(completed.size).to.be.at.least(500);
    expect(lost).to.deep.equal([]);
    expect(duplicated).to.equal(0);
    expect(collector.byStatus['409']).to.equal(undefined);
    expect(here.status.undelivered + there.status.undelivered).to.equal(0);
  });
});
