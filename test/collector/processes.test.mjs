// Several stateless collector processes on one PostgreSQL database, as in production behind
// a reverse proxy: they migrate the schema once between them, store a response once however
// many of them receive it, and each exports what any of them stored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { conferenceResponse, exportResponses, postgresMissing, postJson, startCollector, storages, TOKEN } from './helpers.mjs';

const postgres = storages().find((s) => s.name === 'PostgreSQL');
const PROCESSES = 3;

if (postgres) {
  describe(`${PROCESSES} collector processes on one PostgreSQL database`, () => {
    let place;
    let collectors = [];
    before(async () => {
      place = await postgres.create();
      // Started at the same moment on an empty database: the advisory lock serialises migration.
      collectors = await Promise.all(
        Array.from({ length: PROCESSES }, () => startCollector([...place.args, '--token', TOKEN, '--rate-limit', '0'])),
      );
    });
    after(async () => {
      await Promise.all(collectors.map((c) => c.stop()));
      await place?.drop();
    });

    it('stores one row when the same response reaches every process at once', async () => {
      const body = JSON.stringify({ ...conferenceResponse(), surveyId: 'wiele' });
      const results = await Promise.all(collectors.flatMap((c) => Array.from({ length: 8 }, () => postJson(c.url, body))));
      const statuses = results.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 201).length, 1);
      assert.equal(statuses.filter((s) => s === 200).length, statuses.length - 1);
      for (const c of collectors) {
        const { responses } = (await exportResponses(c.url, 'wiele')).json;
        assert.deepEqual(
          responses.map((r) => JSON.stringify(r)),
          [body],
        );
      }
    });

    it('exports from any process what all of them stored, and refuses a conflicting body sent to another', async () => {
      const responses = Array.from({ length: 30 }, () => ({ ...conferenceResponse(), surveyId: 'rozproszona' }));
      const results = await Promise.all(responses.map((r, i) => postJson(collectors[i % PROCESSES].url, r)));
      assert.deepEqual(new Set(results.map((r) => r.status)), new Set([201]));
      const conflict = await postJson(collectors[1].url, { ...responses[0], answers: { ...responses[0].answers, overall: 2 } });
      assert.equal(conflict.status, 409);
      for (const c of collectors) {
        const exported = (await exportResponses(c.url, 'rozproszona')).json;
        assert.deepEqual(new Set(exported.responses.map((r) => r.id)), new Set(responses.map((r) => r.id)));
      }
    });
  });
} else {
  it(postgresMissing, { skip: postgresMissing }, () => {});
}
