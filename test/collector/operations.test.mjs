// What an operations review found: the data directory removed under a running collector, files
// left readable by others, SIGTERM under keep-alive traffic, an unresponsive PostgreSQL, two
// collectors on one SQLite file, and start errors that did not say what was wrong.
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { conferenceResponse, exportResponses, postJson, request, startCollector, storages, TOKEN } from './helpers.mjs';

const sqlite = storages()[0];

describe('the SQLite data directory removed while the collector runs', () => {
  it('refuses responses with 503 and fails /healthz, logging why, instead of acknowledging what a restart loses', async () => {
    const place = await sqlite.create();
    const args = [...place.args, '--token', TOKEN, '--rate-limit', '0'];
    let collector = await startCollector(args);
    try {
      assert.equal((await postJson(collector.url, conferenceResponse())).status, 201);
      rmSync(place.dataDir, { recursive: true, force: true });
      const acknowledged = [];
      for (let i = 0; i < 5; i++) {
        const response = conferenceResponse();
        const reply = await postJson(collector.url, response);
        if (reply.status < 300) acknowledged.push(response.id);
        else {
          assert.equal(reply.status, 503);
          assert.equal(reply.headers['retry-after'], '5');
        }
      }
      assert.deepEqual(acknowledged, [], 'nothing acknowledged after the directory went');
      assert.equal((await request('GET', `${collector.url}/healthz`)).status, 503);
      assert.match(collector.output.stderr, /ankieta\.sqlite was deleted while the collector ran: .*503.*restarted/);
      await collector.stop();
      assert.ok(!existsSync(join(place.dataDir, 'ankieta.sqlite')), 'nothing written where the directory was');
      collector = await startCollector(args);
      assert.equal((await exportResponses(collector.url, 'konferencja')).json.count, 0);
    } finally {
      await collector.stop();
      await place.drop();
    }
  });
});
