// kill -9 during a burst of POSTs: every response that got a 2xx must be there after a
// restart, exactly once, and resending everything (as the widget's outbox does for replies
// it never got) must neither duplicate nor conflict.
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { conferenceResponse, exportResponses, postgresMissing, postJson, request, startCollector, storages, TOKEN } from './helpers.mjs';

const CONCURRENCY = 16;
const MAX_SENT = 5000;

for (const storage of storages()) {
  describe(`crash safety on ${storage.name}`, () => {
    let place;
    let collector;
    before(async () => {
      place = await storage.create();
    });
    after(async () => {
      await collector?.stop();
      await place?.drop();
    });

    it('keeps every acknowledged response exactly once through kill -9 and a restart', async (t) => {
      const args = [...place.args, '--token', TOKEN, '--rate-limit', '0'];
      collector = await startCollector(args);
      const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      const url = `${collector.url}/api/responses`;
      const sent = new Map();
      const acknowledged = new Set();
      let killed = false;
      // Kill once a few hundred are acknowledged. The workers keep sending until their own
      // request fails, so POSTs are in flight (being read, validated or committed) at the kill.
      const killAt = 200 + Math.floor(Math.random() * 200);

      const worker = async () => {
        while (sent.size < MAX_SENT) {
          const response = { ...conferenceResponse(), surveyId: 'crash' };
          const body = JSON.stringify(response);
          sent.set(response.id, body);
          try {
            const res = await request('POST', url, { headers: { 'Content-Type': 'application/json' }, body, agent });
            if (res.status >= 200 && res.status < 300) acknowledged.add(response.id);
            else throw new Error(`unexpected ${res.status}: ${res.text}`);
          } catch (error) {
            if (killed) return;
            throw error;
          }
          if (!killed && acknowledged.size >= killAt) {
            killed = true;
            collector.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      agent.destroy();
      assert.equal(killed, true, 'the collector was killed mid-burst');
      const exit = await collector.exited;
      assert.equal(exit.signal, 'SIGKILL');

      collector = await startCollector(args);
      const present = (await exportResponses(collector.url, 'crash')).json.responses;
      const counts = new Map();
      for (const r of present) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
      const duplicates = [...counts.values()].filter((n) => n > 1).length;
      const lostAcknowledged = [...acknowledged].filter((id) => !counts.has(id));
      const storedUnacknowledged = [...counts.keys()].filter((id) => !acknowledged.has(id)).length;

      t.diagnostic(
        `${storage.name}: sent ${sent.size}, acknowledged ${acknowledged.size}, in flight at the kill ${sent.size - acknowledged.size}, present after restart ${present.length} ` +
          `(${storedUnacknowledged} stored but unacknowledged when killed), acknowledged but lost ${lostAcknowledged.length}, duplicates ${duplicates}`,
      );
      assert.deepEqual(lostAcknowledged, []);
      assert.equal(duplicates, 0);
      for (const r of present) assert.equal(JSON.stringify(r), sent.get(r.id), 'stored body is the body sent');

      // The outbox resends whatever it has no 2xx for; resending everything must be safe.
      const statuses = new Map();
      const ids = [...sent.keys()];
      for (let i = 0; i < ids.length; i += CONCURRENCY) {
        const results = await Promise.all(ids.slice(i, i + CONCURRENCY).map((id) => postJson(collector.url, sent.get(id))));
        for (const res of results) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
      t.diagnostic(`${storage.name}: resend after restart: ${[...statuses].map(([s, n]) => `${n}×${s}`).join(', ')}`);
      assert.deepEqual(
        [...statuses.keys()].filter((s) => s !== 200 && s !== 201),
        [],
      );
      assert.equal(statuses.get(200) ?? 0, present.length);
      const final = (await exportResponses(collector.url, 'crash')).json;
      assert.equal(final.count, sent.size);
      assert.equal(new Set(final.responses.map((r) => r.id)).size, sent.size);
    });
  });
}

if (postgresMissing) it(postgresMissing, { skip: postgresMissing }, () => {});
