/**
 * `ankieta-collector --database-url … --import-sqlite <file>`: copies what a SQLite collector
 * stored into PostgreSQL, then exits. An export re-POSTed to the new collector would lose two
 * things the collector keeps per response: the ids erased on request (RODO art. 17), so that a
 * device retrying an erased response would have it stored again; and the day of receipt, so that
 * every response would count as received on the day of the move for --retention-days.
 *
 * Safe to run again, also onto a database that already receives responses: a response there with
 * the same body is left as it is, one with another body is a conflict (listed, never
 * overwritten), and an erasure in either database wins.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { ImportOptions } from './options.js';
import { loadDriver } from './storage/driver.js';
import { CONNECT_TIMEOUT_MS, describePostgres, MIGRATION_QUERY_TIMEOUT_MS, migrate } from './storage/postgres.js';
import { SCHEMA_VERSION } from './storage/sqlite.js';
import { sha256, storedBodyHash } from './stored-body.js';

/** Rows per transaction, and about the most characters of bodies in one (a body may be up to 64 MiB). */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 8 << 20;
/** Erased ids per transaction: an id is all they hold. */
const ERASED_BATCH = 5000;
/** A progress line on stderr at most this often (none for an import that takes less). */
const PROGRESS_MS = 1000;

/** Said when the file or its directory cannot be read: the collector keeps them to its own user (700, 600). */
const OWN_USER_ONLY = " (the collector's files are readable by its own user only: import as that user, e.g. sudo -u ankieta, or as root)";

/** A file or a setting to change before trying again (exit status 2, as for bad options). */
export class ImportRefused extends Error {
  readonly exitCode = 2;
}

/** SQLite's codes for a file whose pages are not what it wrote: SQLITE_CORRUPT and its extended codes. */
const isCorrupt = (error: unknown) => /^SQLITE_CORRUPT/.test(String((error as { code?: unknown }).code));

/** The refusal of a damaged file (a bad disk, a torn or cut copy): the same at every run, so no "run it again". */
const damaged = (file: string, what: string, copied = false) =>
  new ImportRefused(
    `${file} (--import-sqlite) is damaged (${what}), and ${copied ? 'what was copied before this point stays in PostgreSQL' : 'nothing was copied'}: import a backup of it instead, or what sqlite3's .recover saves of it into a new file once a collector of this version has been started on that file`,
  );

/** One row of ankieta_responses, as both schemas keep it (seq aside: PostgreSQL numbers its own). */
interface Row {
  id: string;
  survey_id: string;
  body_sha256: string;
  body: string;
  /** Null only in a row an older collector process wrote after the migration that added it. */
  received_on: string | null;
}

/** One moment of a SQLite collector's database, read without changing it. */
interface Source {
  readonly description: string;
  readonly responses: number;
  readonly erased: number;
  /** The erased ids, ERASED_BATCH at a time. */
  erasedIds(): Generator<string[]>;
  /** The responses in the order they were stored (seq), a batch at a time. */
  rows(): Generator<Row[]>;
  /** Why what was read may not be one moment's data, or undefined (see `openSource`). */
  changed(): string | undefined;
  close(): void;
}

/** `12 000`: figures in the lines it prints, grouped as in the README. */
const figure = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const plural = (n: number, word: string) => `${figure(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * Opens the SQLite file read-only, and refuses (ImportRefused) what is no collector's database
 * of this version. Nothing is written to it or made beside it, whether a collector runs on it or not.
 */
async function openSource(file: string): Promise<Source> {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportRefused(
      code === 'ENOENT'
        ? `${file} (--import-sqlite) does not exist: give the SQLite collector's database, ankieta.sqlite in its --data-dir`
        : `cannot read ${file} (--import-sqlite): ${(error as Error).message}${code === 'EACCES' ? OWN_USER_ONLY : ''}`,
    );
  }
  if (stat.isDirectory())
    throw new ImportRefused(
      `${file} (--import-sqlite) is a directory: give the database file in it${existsSync(join(file, 'ankieta.sqlite')) ? `, ${join(file, 'ankieta.sqlite')}` : ''}`,
    );
  if (!stat.isFile()) throw new ImportRefused(`${file} (--import-sqlite) is not a regular file`);
  try {
    accessSync(file, constants.R_OK);
  } catch (error) {
    throw new ImportRefused(`cannot read ${file} (--import-sqlite): ${(error as Error).message}${OWN_USER_ONLY}`);
  }

  // URI file names (for immutable=1 below) are understood only when this is set as the driver loads.
  process.env.SQLITE_USE_URI = '1';
  const Driver = await loadDriver<typeof Database>('better-sqlite3', 'an import from SQLite');

  // A collector running on the file holds ankieta.lock in its directory (lockDataDir in
  // storage/sqlite.ts) for as long as it runs. A read transaction on that lock file tells whether
  // one does (it is refused at once), and when none does, keeps one from starting until the
  // import ends: it would find the lock taken and exit ("another collector is running").
  let guard: Database.Database | undefined;
  let running = false;
  const lockFile = join(dirname(file), 'ankieta.lock');
  if (basename(file) === 'ankieta.sqlite' && existsSync(lockFile))
    try {
      guard = new Driver(lockFile, { readonly: true, fileMustExist: true, timeout: 0 });
      guard.exec('BEGIN');
      guard.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      guard?.close();
      guard = undefined;
      running = (error as { code?: string }).code === 'SQLITE_BUSY';
    }

  // In WAL mode a reader needs the -wal and -shm files, and makes them where they are missing:
  // files of the importing user (root, often) left beside the database, which the collector's
  // own user could then not open. They are there while a collector runs on the file (and after
  // one was killed): then it is read through them, one moment's data as an export reads it,
  // while the collector goes on writing. Without them no collector has it open: it is read as
  // immutable, which takes no lock and makes no file (the guard above keeps a collector from
  // starting on it meanwhile; `changed` tells when there was none to keep one out).
  const wal = existsSync(`${file}-wal`) || running;
  const before = `${stat.size}:${stat.mtimeMs}`;
  let db: Database.Database;
  try {
    db = new Driver(wal ? file : `${pathToFileURL(file).href}?immutable=1`, { readonly: true, fileMustExist: true });
  } catch (error) {
    guard?.close();
    throw new Error(`cannot open ${file} (--import-sqlite): ${(error as Error).message}`);
  }
  const close = () => {
    db.close();
    guard?.close();
  };

  try {
    let tables: string[];
    let version: number;
    try {
      // The read transaction, and the moment it sees, starts at its first read.
      db.exec('BEGIN');
      tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB')
        throw new ImportRefused(`${file} (--import-sqlite) is not a SQLite database: give the collector's ankieta.sqlite`);
      // A file cut short (a torn copy) fails here already, at its first page of tables.
      if (isCorrupt(error)) throw damaged(file, (error as Error).message);
      throw error;
    }
    if (!tables.includes('ankieta_responses'))
      throw new ImportRefused(`${file} (--import-sqlite) is a SQLite database but not the collector's: it has no ankieta_responses table`);
    if (version > SCHEMA_VERSION)
      throw new ImportRefused(
        `${file} (--import-sqlite) has schema version ${version}, newer than this collector knows (${SCHEMA_VERSION}): import with the collector version that wrote it, or a newer one`,
      );
    // Rows of an older schema lack what later migrations added or changed (the day of receipt,
    // times to the hour, the hash of the stored body). The import does not change the file, and
    // does not repeat the migrations on the way.
    if (version < SCHEMA_VERSION || !tables.includes('ankieta_erased'))
      throw new ImportRefused(
        `${file} (--import-sqlite) has schema version ${version}, older than this collector's (${SCHEMA_VERSION}), and an import never changes it: start this version of the collector on it once (--data-dir ${dirname(file)}; it migrates the file at start), stop it, then import`,
      );

    // A damaged file (a bad disk, a torn copy) would fail part-way, after batches were committed,
    // and at the same place at every run: it is refused before anything is copied. quick_check
    // reads every page (about a second for 100 MB).
    // A large file takes seconds (5 s for 560 MB not in the page cache): say what it is doing.
    if (stat.size > 100 * 1024 * 1024)
      process.stderr.write(`ankieta-collector: checking ${file} (${Math.round(stat.size / 1024 / 1024)} MB) before copying it\n`);
    let check: string;
    try {
      check = String(db.pragma('quick_check(1)', { simple: true }));
    } catch (error) {
      check = (error as Error).message;
    }
    if (check !== 'ok') throw damaged(file, `SQLite's quick_check: ${check}`);
    // quick_check sees pages, not what is in them: a byte changed inside a body leaves every page
    // well formed. Each body's hash was taken when it was stored, so a body that no longer has it
    // is damaged (an export of its survey would be broken JSON, its CSV a 503). A body stored by an
    // early version as received has the hash of the body the collector would store now (schema 5).
    const altered: string[] = [];
    try {
      for (const row of db.prepare('SELECT id, body, body_sha256 FROM ankieta_responses').iterate() as IterableIterator<Row>)
        if (sha256(row.body) !== row.body_sha256 && storedBodyHash(row.body) !== row.body_sha256) altered.push(row.id);
    } catch (error) {
      if (isCorrupt(error)) throw damaged(file, (error as Error).message);
      throw error;
    }
    if (altered.length)
      throw damaged(
        file,
        `${plural(altered.length, 'stored response')} no longer as stored: ${altered.slice(0, 5).join(', ')}${altered.length > 5 ? ', …' : ''}`,
      );
    const responses = db.prepare('SELECT count(*) FROM ankieta_responses').pluck().get() as number;
    const erased = db.prepare('SELECT count(*) FROM ankieta_erased').pluck().get() as number;
    return {
      description: `SQLite ${file}`,
      responses,
      erased,
      *erasedIds() {
        const batch: string[] = [];
        for (const id of db.prepare('SELECT id FROM ankieta_erased ORDER BY id').pluck().iterate() as IterableIterator<string>) {
          batch.push(id);
          if (batch.length === ERASED_BATCH) yield batch.splice(0);
        }
        if (batch.length) yield batch;
      },
      *rows() {
        // In the order received, so that PostgreSQL's seq keeps it among the rows copied.
        const all = db.prepare('SELECT id, survey_id, body_sha256, body, received_on FROM ankieta_responses ORDER BY seq').iterate();
        let batch: Row[] = [];
        let chars = 0;
        // Should a page still prove damaged past the checks above, the refusal says what was copied.
        const each = function* () {
          try {
            yield* all as IterableIterator<Row>;
          } catch (error) {
            if (isCorrupt(error)) throw damaged(file, (error as Error).message, true);
            throw error;
          }
        };
        for (const row of each()) {
          batch.push(row);
          chars += row.body.length;
          if (batch.length === BATCH_ROWS || chars >= BATCH_CHARS) {
            yield batch;
            batch = [];
            chars = 0;
          }
        }
        if (batch.length) yield batch;
      },
      changed() {
        if (wal) return undefined;
        let now;
        try {
          now = statSync(file);
        } catch {
          return `${file} was removed or replaced while it was read`;
        }
        if (existsSync(`${file}-wal`) || `${now.size}:${now.mtimeMs}` !== before)
          return `${file} was written while it was read (a collector started on it?)`;
        return undefined;
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** What an import did, for its summary line. */
interface Figures {
  imported: number;
  present: number;
  /** Of those present, how many got SQLite's earlier day of receipt. */
  redated: number;
  erasedThere: number;
  conflicts: number;
  erasedCopied: number;
  erasedPresent: number;
  deleted: number;
  /** Received before --retention-days: not copied. */
  expired: number;
}

/**
 * Runs the import and returns the exit status: 0 done, 3 done but with conflicts (listed on
 * stderr). Throws ImportRefused (status 2) for what is no collector's database, and any other
 * error (status 1) for a failure: what was committed before it stays, and a second run goes on.
 */
export async function importSqlite(options: ImportOptions): Promise<number> {
  const source = await openSource(options.importSqlite);
  try {
    const driver = await loadDriver<typeof pg>('pg', 'PostgreSQL storage');
    const target = describePostgres(options.databaseUrl);
    // One connection; a query gets as long as a migration's (large bodies take long).
    const pool = new driver.Pool({
      connectionString: options.databaseUrl,
      max: 1,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: MIGRATION_QUERY_TIMEOUT_MS,
      application_name: 'ankieta-collector --import-sqlite',
    });
    pool.on('error', (error) => console.error(`ankieta-collector: PostgreSQL connection lost: ${error.message}`));
    try {
      // The schema as the collector has it, migrated as at its start, before a row is written.
      try {
        await migrate(pool);
      } catch (error) {
        const message = (error as Error).message;
        throw new Error(
          `${target.replace('PostgreSQL', 'PostgreSQL at')}: ${/timeout/i.test(message) ? `no answer within ${CONNECT_TIMEOUT_MS / 1000} s (${message})` : message}`,
        );
      }
      // As the collectors count it (collector/index.ts): a day before this one is past.
      const before = options.retentionDays
        ? new Date(Date.now() - options.retentionDays * 86_400_000).toISOString().slice(0, 10)
        : undefined;
      const figures = await copy(source, pool, before);
      const changed = source.changed();
      const present = `${figure(figures.present)} already present${figures.redated ? ` (${figure(figures.redated)} given the earlier day of receipt SQLite had)` : ''}`;
      // The one line on stdout, as a start has its start line.
      process.stdout.write(
        `ankieta-collector: imported ${source.description} into ${target}: ${plural(source.responses, 'response')}: ${figure(figures.imported)} imported, ${present}, ${figure(figures.erasedThere)} not copied (erased in PostgreSQL), ${before ? `${figure(figures.expired)} not copied (received before ${before}, --retention-days ${options.retentionDays}), ` : ''}${plural(figures.conflicts, 'conflict')}; ${plural(source.erased, 'erased id')}: ${figure(figures.erasedCopied)} copied, ${figure(figures.erasedPresent)} already present; ${plural(figures.deleted, 'response')} deleted from PostgreSQL as erased\n`,
      );
      if (changed) {
        process.stderr.write(
          `ankieta-collector: ${changed}: what was read may not be one moment's data; stop the collector on it and run the import again\n`,
        );
        return 1;
      }
      if (figures.conflicts)
        process.stderr.write(
          `ankieta-collector: ${plural(figures.conflicts, 'response')} in SQLite not imported: PostgreSQL holds another body under the same id (listed above); PostgreSQL's is kept\n`,
        );
      return figures.conflicts ? 3 : 0;
    } finally {
      await pool.end();
    }
  } finally {
    source.close();
  }
}

/** Copies the erased ids, then the responses, each batch in a transaction of its own. */
async function copy(source: Source, pool: pg.Pool, before: string | undefined): Promise<Figures> {
  const figures: Figures = {
    imported: 0,
    present: 0,
    redated: 0,
    erasedThere: 0,
    conflicts: 0,
    erasedCopied: 0,
    erasedPresent: 0,
    deleted: 0,
    expired: 0,
  };
  const client = await pool.connect();
  // Whatever default the server has: a batch may wait for a collector's insert of the same id.
  await client.query('SET statement_timeout = 0');
  // A batch is committed whole or not at all: a failure (or a kill) between two leaves the
  // database as after the last commit, and a second run skips what that one copied.
  const transaction = async <T>(work: () => Promise<T>): Promise<T> => {
    await client.query('BEGIN');
    try {
      const result = await work();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };
  try {
    // Erasures first (RODO art. 17): an id erased in SQLite is erased in PostgreSQL too, and a
    // response stored there under it goes: a device retrying the erased response to the new
    // collector before the import had it stored again, and the erasure request still stands.
    for (const ids of source.erasedIds())
      await transaction(async () => {
        const copied = (await client.query('INSERT INTO ankieta_erased (id) SELECT unnest($1::uuid[]) ON CONFLICT (id) DO NOTHING', [ids]))
          .rowCount!;
        figures.erasedCopied += copied;
        figures.erasedPresent += ids.length - copied;
        figures.deleted += (await client.query('DELETE FROM ankieta_responses WHERE id = ANY($1::uuid[])', [ids])).rowCount!;
      });

    let done = 0;
    let said = Date.now();
    for (const rows of source.rows()) {
      // Past the retention period: PostgreSQL's collectors deleted it, or will within the hour; a
      // second run would bring it back. A row without a day (an older process wrote it) is copied.
      const kept = before ? rows.filter((row) => row.received_on === null || row.received_on >= before) : rows;
      const expired = rows.filter((row) => !kept.includes(row));
      await transaction(async () => {
        if (kept.length) await copyBatch(client, kept, figures);
        // One PostgreSQL holds already (a device sent it again after the move) gets SQLite's
        // earlier day, as any response present does: the collectors' next hourly deletion takes it.
        const redated = expired.length ? await earlierDay(client, expired) : 0;
        figures.present += redated;
        figures.redated += redated;
        figures.expired += expired.length - redated;
      });
      done += rows.length;
      if (Date.now() - said >= PROGRESS_MS && done < source.responses) {
        process.stderr.write(`ankieta-collector: went through ${figure(done)} of ${plural(source.responses, 'response')}\n`);
        said = Date.now();
      }
    }

    // A collector on PostgreSQL storing a response while its id was being marked erased above
    // (its check for an erased id came before that commit) stored it all the same: none such stays.
    figures.deleted += (await client.query('DELETE FROM ankieta_responses r USING ankieta_erased e WHERE r.id = e.id')).rowCount!;
    return figures;
  } finally {
    client.release();
  }
}

/** One batch of responses, in the caller's transaction. */
async function copyBatch(client: pg.PoolClient, rows: Row[], figures: Figures): Promise<void> {
  const column = <K extends keyof Row>(key: K) => rows.map((row) => row[key]);
  // Not over an erased id (erased in PostgreSQL after a device sent it to the new collector),
  // nor over a response already there.
  const inserted = await client.query<{ id: string }>(
    `INSERT INTO ankieta_responses (id, survey_id, body_sha256, body, received_on)
     SELECT b.id, b.survey_id, b.body_sha256, b.body, COALESCE(b.received_on, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD'))
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS b(id, survey_id, body_sha256, body, received_on, n)
     WHERE NOT EXISTS (SELECT 1 FROM ankieta_erased e WHERE e.id = b.id)
     ORDER BY b.n
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [column('id'), column('survey_id'), column('body_sha256'), column('body'), column('received_on')],
  );
  figures.imported += inserted.rows.length;
  if (inserted.rows.length === rows.length) return;
  const copied = new Set(inserted.rows.map((row) => row.id));
  const others = rows.filter((row) => !copied.has(row.id));
  const found = await client.query<{
    id: string;
    survey_id: string | null;
    body_sha256: string | null;
    received_on: string | null;
    erased: boolean;
  }>(
    `SELECT b.id, r.survey_id, r.body_sha256, r.received_on, EXISTS (SELECT 1 FROM ankieta_erased e WHERE e.id = b.id) AS erased
     FROM unnest($1::uuid[]) AS b(id) LEFT JOIN ankieta_responses r ON r.id = b.id`,
    [others.map((row) => row.id)],
  );
  const there = new Map(found.rows.map((row) => [row.id, row]));
  const earlier: Row[] = [];
  for (const row of others) {
    // Every id has its row (a left join from the batch's ids).
    const other = there.get(row.id)!;
    if (other.erased) figures.erasedThere++;
    // Gone since the insert looked (deleted by a collector's --retention-days): as good as present.
    else if (!other.body_sha256 || other.body_sha256 === row.body_sha256) {
      figures.present++;
      // Received by SQLite first, then again by PostgreSQL (a device that never got SQLite's
      // answer retried it there): the day of receipt is SQLite's, the earlier one, which
      // --retention-days counts from.
      if (other.body_sha256 && row.received_on !== null && (other.received_on === null || other.received_on > row.received_on))
        earlier.push(row);
    } else {
      figures.conflicts++;
      // Ids and days only: what the collector logs of a response (an erasure's line names its id too).
      process.stderr.write(
        `ankieta-collector: conflict: response ${row.id} is in PostgreSQL with another body (survey ${other.survey_id}, received ${other.received_on ?? 'on an unknown day'}) than in SQLite (survey ${row.survey_id}, received ${row.received_on ?? 'on an unknown day'}): not imported, PostgreSQL's is kept\n`,
      );
    }
  }
  if (earlier.length) figures.redated += await earlierDay(client, earlier);
}

/** Gives the responses PostgreSQL holds with the same body SQLite's day of receipt where it is earlier; returns how many. */
async function earlierDay(client: pg.PoolClient, rows: Row[]): Promise<number> {
  const dated = rows.filter((row) => row.received_on !== null);
  if (!dated.length) return 0;
  return (
    await client.query(
      `UPDATE ankieta_responses r SET received_on = u.day FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, day, hash)
       WHERE r.id = u.id AND r.body_sha256 = u.hash AND (r.received_on IS NULL OR r.received_on > u.day)`,
      [dated.map((row) => row.id), dated.map((row) => row.received_on), dated.map((row) => row.body_sha256)],
    )
  ).rowCount!;
}
