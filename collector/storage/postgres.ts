import type pg from 'pg';
import { storedBodyHash } from '../stored-body.js';
import { bodyTimesToHour } from '../times.js';
import { batches } from './batches.js';
import { loadDriver } from './driver.js';
import type { Storage } from './types.js';

/**
 * Each entry upgrades the schema by one version, SQL or a function run in the same transaction.
 * Never edit a shipped one, unless it destroys data (migration 3 did).
 */
/** A query in the migration's transaction. */
type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<pg.QueryResult<R>>;

const MIGRATIONS: (string | ((query: Query) => Promise<void>))[] = [
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
  async (query) => {
    await query(`ALTER TABLE ankieta_responses ADD COLUMN received_on text;
      UPDATE ankieta_responses SET received_on = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD');
      CREATE INDEX ankieta_responses_received ON ankieta_responses (received_on);`);
    await timesToHour(query);
  },
  // For databases that ran migration 3 as first shipped (received_on = the device's submittedAt
  // day, at most the migration's): which rows it dated cannot be told from the rows received
  // since, so nothing is lowered and nothing deleted here. Rows were stored in the order received
  // (seq), so none was received before one stored ahead of it: a day earlier than any such row's
  // is raised to the latest of them. Rows received since keep theirs (their days only grow).
  // And the times of rows stored before they were cut to the hour are cut now.
  async (query) => {
    await query(`UPDATE ankieta_responses r SET received_on = m.latest
      FROM (SELECT seq, max(received_on) OVER (ORDER BY seq) AS latest FROM ankieta_responses) m
      WHERE m.seq = r.seq AND m.latest > r.received_on`);
    await timesToHour(query);
  },
  // The hash was of the bytes as received, while the body has its times cut to the hour: from a
  // client other than the widget the exact times could be found again from it (trying every
  // millisecond of the hour took seconds). It is now of the stored body, so it holds nothing the
  // body does not; and the same bytes make the same body, so a retry is still "already stored".
  (query) =>
    eachBatch(query, (rows) =>
      query(
        `UPDATE ankieta_responses r SET body_sha256 = u.hash FROM unnest($1::bigint[], $2::text[]) AS u(seq, hash) WHERE r.seq = u.seq`,
        [rows.map((row) => row.seq), rows.map((row) => storedBodyHash(row.body))],
      ),
    ),
  // Exports list responses by id (random, made on the device), no longer in the order received:
  // two surveys filled one after the other (an anonymous one and one for the e-mail address)
  // could be joined row by row across their exports. The index on seq served only that order.
  `CREATE INDEX ankieta_responses_survey_id ON ankieta_responses (survey_id, id);
   DROP INDEX ankieta_responses_survey;`,
  // A process of a version before migration 3, left running after another migrated the database
  // (processes restarted one by one), inserts without received_on: --retention-days never deleted
  // such a row. The database dates it itself now, and the rows it already wrote count as received
  // today: kept too long at worst, never deleted early.
  `ALTER TABLE ankieta_responses ALTER COLUMN received_on SET DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD');
   UPDATE ankieta_responses SET received_on = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') WHERE received_on IS NULL;`,
];

/** Cuts the startedAt and submittedAt of every stored body to the hour (see `bodyTimesToHour`). */
async function timesToHour(query: Query): Promise<void> {
  await eachBatch(query, async (rows) => {
    for (const row of rows) {
      const body = bodyTimesToHour(row.body);
      if (body !== undefined) await query('UPDATE ankieta_responses SET body = $1 WHERE seq = $2', [body, row.seq]);
    }
  });
}

/** Calls `visit` with every stored row, 1000 at a time, so that a migration holds a batch, not the table. */
async function eachBatch(query: Query, visit: (rows: { seq: string; body: string }[]) => Promise<unknown>): Promise<void> {
  for (let after = '0'; ;) {
    const { rows } = await query<{ seq: string; body: string }>(
      'SELECT seq, body FROM ankieta_responses WHERE seq > $1 ORDER BY seq LIMIT 1000',
      [after],
    );
    if (!rows.length) return;
    await visit(rows);
    after = rows.at(-1)!.seq;
  }
}

/** How long a connection to the server may take to open, a query to be answered, a statement to run on the server. */
export const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 6_000;
const STATEMENT_TIMEOUT_MS = 5_000;
/** A migration may rewrite every row, and waits for another process's: no statement timeout, 10 min per query. */
export const MIGRATION_QUERY_TIMEOUT_MS = 600_000;

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
  // Without timeouts a server that stops answering (stopped, or behind a dead network path) hung
  // every POST and /healthz, and a start, without a word. Now a connection must be made within
  // CONNECT_TIMEOUT_MS and a query answered within QUERY_TIMEOUT_MS (the server ends a statement
  // after STATEMENT_TIMEOUT_MS itself): then the request gets 503 (the widget retries), /healthz 503.
  const timeouts = {
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
  };
  const pool = new driver.Pool({ connectionString, max: 10, ...timeouts });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error(`ankieta-collector: PostgreSQL connection lost: ${error.message}`));
  // Exports hold a connection for as long as their reader takes: their own few, so that slow
  // downloads never take the connections responses are stored with (a third export waits).
  const exportPool = new driver.Pool({ connectionString, max: EXPORT_CONNECTIONS, ...timeouts });
  exportPool.on('error', (error) => console.error(`ankieta-collector: PostgreSQL connection lost: ${error.message}`));
  const description = describePostgres(connectionString);
  try {
    await migrate(pool);
  } catch (error) {
    await Promise.all([pool.end(), exportPool.end()]).catch(() => undefined);
    const message = (error as Error).message;
    throw new Error(
      `${description.replace('PostgreSQL', 'PostgreSQL at')}: ${/timeout/i.test(message) ? `no answer within ${CONNECT_TIMEOUT_MS / 1000} s (${message})` : message}`,
    );
  }

  return {
    description,
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
            // By id, which says nothing of when a response came (see MIGRATIONS), on the index (survey_id, id).
            `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT body FROM ankieta_responses WHERE survey_id = $1 ORDER BY id`,
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

/** `PostgreSQL host:port/database`, for the start line and messages: never the user or password. */
export function describePostgres(connectionString: string): string {
  const url = new URL(connectionString);
  return `PostgreSQL ${url.hostname || url.searchParams.get('host') || 'localhost'}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

/**
 * Processes starting together take turns on an advisory lock, so each migration runs once. An
 * import from SQLite (import-sqlite.ts) runs it too before it writes a row.
 */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  // Every query of the migration may take long: its own timeout, and none on the server.
  const query: Query = (text, values = []) => client.query({ text, values, query_timeout: MIGRATION_QUERY_TIMEOUT_MS } as pg.QueryConfig);
  try {
    await query('BEGIN');
    await query('SET LOCAL statement_timeout = 0');
    await query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await query('CREATE TABLE IF NOT EXISTS ankieta_schema (version integer NOT NULL)');
    const row = await query<{ version: number }>('SELECT version FROM ankieta_schema');
    const version = row.rows[0]?.version ?? 0;
    if (version > MIGRATIONS.length)
      throw new Error(
        `the database has schema version ${version}, newer than this collector knows (${MIGRATIONS.length}): upgrade the collector`,
      );
    for (let v = version; v < MIGRATIONS.length; v++) {
      const migration = MIGRATIONS[v]!;
      if (typeof migration === 'string') await query(migration);
      else await migration(query);
    }
    if (row.rows.length === 0) await query('INSERT INTO ankieta_schema (version) VALUES ($1)', [MIGRATIONS.length]);
    else await query('UPDATE ankieta_schema SET version = $1', [MIGRATIONS.length]);
    await query('COMMIT');
  } catch (error) {
    await client.query({ text: 'ROLLBACK', query_timeout: QUERY_TIMEOUT_MS } as pg.QueryConfig).catch(() => undefined);
    // A connection in an unknown state is not reused (the pool ends it).
    client.release(error as Error);
    throw error;
  }
  client.release();
}
