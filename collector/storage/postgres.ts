import type pg from 'pg';
import { bodyTimesToHour } from '../times.js';
import { batches } from './batches.js';
import { loadDriver } from './driver.js';
import type { Storage } from './types.js';

/**
 * Each entry upgrades the schema by one version, SQL or a function run in the same transaction.
 * Never edit a shipped one, unless it destroys data (migration 3 did).
 */
const MIGRATIONS: (string | ((client: pg.PoolClient) => Promise<void>))[] = [
  `CREATE TABLE ankieta_responses (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     id uuid NOT NULL UNIQUE,
     survey_id text NOT NULL,
     body_sha256 text NOT NULL,
     body text NOT NULL
   );
   CREATE INDEX ankieta_responses_survey ON ankieta_responses (survey_id, seq);`,
  // Ids of responses erased on request (RODO art. 17): the id only, so a retry is not stored again.
  `CREATE TABLE ankieta_erased (id uuid PRIMARY KEY);`,
  // The day a response was received (UTC), for retention. The old schema holds no time of receipt
  // (submittedAt is the device's clock: a tablet set to 2020 had a response received today
  // deleted at the first start with --retention-days), so rows stored before count as received
  // on the day of this migration: kept too long at worst, never deleted early. Their times are cut
  // to the hour, as the collector stores them since.
  async (client) => {
    await client.query(`ALTER TABLE ankieta_responses ADD COLUMN received_on text;
      UPDATE ankieta_responses SET received_on = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD');
      CREATE INDEX ankieta_responses_received ON ankieta_responses (received_on);`);
    await timesToHour(client);
  },
  // For databases that ran migration 3 as first shipped (received_on = the device's submittedAt
  // day, at most the migration's): which rows it dated cannot be told from the rows received
  // since, so nothing is lowered and nothing deleted here. Rows were stored in the order received
  // (seq), so none was received before one stored ahead of it: a day earlier than any such row's
  // is raised to the latest of them. Rows received since keep theirs (their days only grow).
  // And the times of rows stored before they were cut to the hour are cut now.
  async (client) => {
    await client.query(`UPDATE ankieta_responses r SET received_on = m.latest
      FROM (SELECT seq, max(received_on) OVER (ORDER BY seq) AS latest FROM ankieta_responses) m
      WHERE m.seq = r.seq AND m.latest > r.received_on`);
    await timesToHour(client);
  },
];

/** Cuts the startedAt and submittedAt of every stored body to the hour (see `bodyTimesToHour`). */
async function timesToHour(client: pg.PoolClient): Promise<void> {
  for (let after = '0'; ;) {
    const { rows } = await client.query<{ seq: string; body: string }>(
      'SELECT seq, body FROM ankieta_responses WHERE seq > $1 ORDER BY seq LIMIT 1000',
      [after],
    );
    if (!rows.length) return;
    for (const row of rows) {
      const body = bodyTimesToHour(row.body);
      if (body !== undefined) await client.query('UPDATE ankieta_responses SET body = $1 WHERE seq = $2', [body, row.seq]);
    }
    after = rows.at(-1)!.seq;
  }
}

/** Connections per process for exports, besides the pool of 10 for everything else. */
const EXPORT_CONNECTIONS = 2;

/** Any constant: it only has to be the same in every collector process that migrates. */
const MIGRATION_LOCK = 0x616e6b69;

/**
 * The production storage: any number of stateless collector processes on one PostgreSQL
 * database. Each insert is its own transaction, committed (with the server's default
 * `synchronous_commit = on`) before the query returns, so before the 2xx is sent.
 */
export async function openPostgres(connectionString: string): Promise<Storage> {
  const driver = await loadDriver<typeof pg>('pg', 'PostgreSQL storage');
  const pool = new driver.Pool({ connectionString, max: 10 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error(`ankieta-collector: PostgreSQL connection lost: ${error.message}`));
  // Exports hold a connection for as long as their reader takes: their own few, so that slow
  // downloads never take the connections responses are stored with (a third export waits).
  const exportPool = new driver.Pool({ connectionString, max: EXPORT_CONNECTIONS });
  exportPool.on('error', (error) => console.error(`ankieta-collector: PostgreSQL connection lost: ${error.message}`));
  await migrate(pool);

  const url = new URL(connectionString);
  return {
    description: `PostgreSQL ${url.hostname || url.searchParams.get('host') || 'localhost'}${url.port ? `:${url.port}` : ''}${url.pathname}`,
    async insert(r) {
      // ON CONFLICT waits for a concurrent insert of the same id to commit, so the loser
      // of a race then reads the winner's row. An erased id is not stored again.
      const inserted = await pool.query(
        `INSERT INTO ankieta_responses (id, survey_id, body_sha256, body, received_on)
         SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM ankieta_erased WHERE id = $1)
         ON CONFLICT (id) DO NOTHING`,
        [r.id, r.surveyId, r.bodySha256, r.body, new Date().toISOString().slice(0, 10)],
      );
      if (inserted.rowCount === 1) return 'created';
      const found = await pool.query<{ body_sha256: string }>('SELECT body_sha256 FROM ankieta_responses WHERE id = $1', [r.id]);
      if (!found.rows.length && (await pool.query('SELECT 1 FROM ankieta_erased WHERE id = $1', [r.id])).rowCount) return 'erased';
      return found.rows[0]?.body_sha256 === r.bodySha256 ? 'same' : 'conflict';
    },
    async erase(surveyId, id) {
      // The row goes at once; PostgreSQL reclaims its space (and overwrites it) at the next VACUUM.
      const result = await pool.query(
        `WITH gone AS (DELETE FROM ankieta_responses WHERE survey_id = $1 AND id = $2 RETURNING id)
         INSERT INTO ankieta_erased (id) SELECT id FROM gone ON CONFLICT (id) DO NOTHING RETURNING id`,
        [surveyId, id],
      );
      if (result.rowCount) return true;
      // Erased before: the response is gone either way.
      return false;
    },
    async purge(before) {
      // ISO days compare as text.
      return (await pool.query('DELETE FROM ankieta_responses WHERE received_on < $1', [before])).rowCount ?? 0;
    },
    async snapshot(surveyId) {
      const client = await exportPool.connect();
      // The connection may drop while the export waits for its reader, between queries: the
      // client then emits 'error', which would end the process unheard (the next query fails).
      const lost = (error: Error) => console.error(`ankieta-collector: PostgreSQL connection lost during an export: ${error.message}`);
      client.on('error', lost);
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        try {
          await client.query('COMMIT');
          client.off('error', lost);
          client.release();
        } catch (error) {
          // A connection in an unknown state is not reused (the pool ends it).
          client.release(error as Error);
        }
      };
      try {
        // Every query of the transaction sees the database as it was at its first.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const counted = await client.query<{ n: string }>('SELECT count(*) AS n FROM ankieta_responses WHERE survey_id = $1', [surveyId]);
        // A cursor per reading: one scan, however the planner reads it. (Keyset queries, one per
        // batch, were planned as a sort of every later row each time while the table had no
        // statistics yet: 100 batches of 50 000 fresh rows took seconds.)
        let readings = 0;
        async function* bodies() {
          const cursor = `ankieta_export_${++readings}`;
          await client.query(
            `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT body FROM ankieta_responses WHERE survey_id = $1 ORDER BY seq`,
            [surveyId],
          );
          yield* batches(async (limit) =>
            (await client.query<{ body: string }>(`FETCH ${limit} FROM ${cursor}`)).rows.map((row) => row.body),
          );
          await client.query(`CLOSE ${cursor}`);
        }
        return { count: Number(counted.rows[0]!.n), bodies, close };
      } catch (error) {
        closed = true;
        client.release(error as Error);
        throw error;
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await Promise.all([pool.end(), exportPool.end()]);
    },
  };
}

/** Processes starting together take turns on an advisory lock, so each migration runs once. */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS ankieta_schema (version integer NOT NULL)');
    const row = await client.query<{ version: number }>('SELECT version FROM ankieta_schema');
    const version = row.rows[0]?.version ?? 0;
    if (version > MIGRATIONS.length)
      throw new Error(
        `the database has schema version ${version}, newer than this collector knows (${MIGRATIONS.length}): upgrade the collector`,
      );
    for (let v = version; v < MIGRATIONS.length; v++) {
      const migration = MIGRATIONS[v]!;
      if (typeof migration === 'string') await client.query(migration);
      else await migration(client);
    }
    if (row.rows.length === 0) await client.query('INSERT INTO ankieta_schema (version) VALUES ($1)', [MIGRATIONS.length]);
    else await client.query('UPDATE ankieta_schema SET version = $1', [MIGRATIONS.length]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
