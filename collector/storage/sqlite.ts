import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, statfsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { storedBodyHash } from '../stored-body.js';
import { bodyTimesToHour } from '../times.js';
import { batches } from './batches.js';
import { loadDriver } from './driver.js';
import type { InsertOutcome, Storage, StoredResponse } from './types.js';

/**
 * Each entry upgrades the schema by one version (`PRAGMA user_version`), SQL or a function run in
 * the same transaction. Never edit a shipped one, unless it destroys data (migration 3 did).
 */
const MIGRATIONS: (string | ((db: Database.Database) => void))[] = [
  `CREATE TABLE ankieta_responses (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     survey_id TEXT NOT NULL,
     body_sha256 TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX ankieta_responses_survey ON ankieta_responses (survey_id, seq);`,
  // Ids of responses erased on request (RODO art. 17): the id only, so a retry is not stored again.
  `CREATE TABLE ankieta_erased (id TEXT PRIMARY KEY);`,
  // The day a response was received (UTC), for retention. The old schema holds no time of receipt
  // (submittedAt is the device's clock: a tablet set to 2020 had a response received today
  // deleted at the first start with --retention-days), so rows stored before count as received
  // on the day of this migration: kept too long at worst, never deleted early. Their times are cut
  // to the hour, as the collector stores them since.
  (db) => {
    db.exec(`ALTER TABLE ankieta_responses ADD COLUMN received_on TEXT;
             UPDATE ankieta_responses SET received_on = date('now');
             CREATE INDEX ankieta_responses_received ON ankieta_responses (received_on);`);
    timesToHour(db);
  },
  // For databases that ran migration 3 as first shipped (received_on = the device's submittedAt
  // day, at most the migration's): which rows it dated cannot be told from the rows received
  // since, so nothing is lowered and nothing deleted here. Rows were stored in the order received
  // (seq), so none was received before one stored ahead of it: a day earlier than any such row's
  // is raised to the latest of them. Rows received since keep theirs (their days only grow).
  // And the times of rows stored before they were cut to the hour are cut now.
  (db) => {
    db.exec(`UPDATE ankieta_responses SET received_on = m.latest
             FROM (SELECT seq, max(received_on) OVER (ORDER BY seq) AS latest FROM ankieta_responses) AS m
             WHERE m.seq = ankieta_responses.seq AND m.latest > ankieta_responses.received_on;`);
    timesToHour(db);
  },
  // The hash was of the bytes as received, while the body has its times cut to the hour: from a
  // client other than the widget the exact times could be found again from it (trying every
  // millisecond of the hour took seconds). It is now of the stored body, so it holds nothing the
  // body does not; and the same bytes make the same body, so a retry is still "already stored".
  (db) => {
    const update = db.prepare('UPDATE ankieta_responses SET body_sha256 = ? WHERE seq = ?');
    eachBody(db, (seq, body) => update.run(storedBodyHash(body), seq));
  },
  // Exports list responses by id (random, made on the device), no longer in the order received:
  // two surveys filled one after the other (an anonymous one and one for the e-mail address)
  // could be joined row by row across their exports. The index on seq served only that order.
  `CREATE INDEX ankieta_responses_survey_id ON ankieta_responses (survey_id, id);
   DROP INDEX ankieta_responses_survey;`,
];

/** The schema version (`PRAGMA user_version`) of a database this collector migrated: what an import reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Cuts the startedAt and submittedAt of every stored body to the hour (see `bodyTimesToHour`). */
function timesToHour(db: Database.Database): void {
  const update = db.prepare('UPDATE ankieta_responses SET body = ? WHERE seq = ?');
  eachBody(db, (seq, body) => {
    const cut = bodyTimesToHour(body);
    if (cut !== undefined) update.run(cut, seq);
  });
}

/** Calls `visit` with every stored row, read 1000 at a time so that a migration holds a batch, not the table. */
function eachBody(db: Database.Database, visit: (seq: number, body: string) => void): void {
  const page = db.prepare('SELECT seq, body FROM ankieta_responses WHERE seq > ? ORDER BY seq LIMIT 1000');
  for (let after = 0; ;) {
    const rows = page.all(after) as { seq: number; body: string }[];
    if (!rows.length) return;
    for (const row of rows) visit(row.seq, row.body);
    after = rows.at(-1)!.seq;
  }
}

interface Pending {
  response: StoredResponse;
  resolve: (outcome: InsertOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * `mkdir -p`, one level at a time: Node's `{ recursive: true }` loops for ever where a directory
 * cannot be made and is not there (under /proc on Linux).
 */
function makeDirectory(dir: string): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return;
    if (code !== 'ENOENT' || dirname(dir) === dir || existsSync(dirname(dir))) throw error;
    makeDirectory(dirname(dir));
    mkdirSync(dir, { mode: 0o700 });
  }
}

/**
 * The embedded storage: one SQLite file, one collector process. Inserts that arrive while a
 * commit is running are written together in the next transaction (group commit), so the cost
 * of making a commit durable is shared by every response waiting for it.
 */
export async function openSqlite(dataDir: string): Promise<Storage> {
  const Driver = await loadDriver<typeof Database>('better-sqlite3', 'the embedded storage');
  try {
    makeDirectory(dataDir);
  } catch (error) {
    throw new Error(`cannot create the data directory ${dataDir} (--data-dir): ${(error as Error).message}`);
  }
  const file = join(dataDir, 'ankieta.sqlite');
  let db: Database.Database;
  refuseForeign(dataDir);
  const lock = lockDataDir(Driver, dataDir);
  try {
    restrictPermissions(dataDir);
    db = new Driver(file);
    db.pragma('journal_mode = WAL');
  } catch (error) {
    lock.close();
    // SQLite's own message ("unable to open database file") names no path.
    throw new Error(`cannot open the SQLite database ${file}: ${(error as Error).message} (${openAdvice(dataDir)})`);
  }
  // In WAL mode synchronous=NORMAL survives a killed process but may lose the last commits
  // on power loss or an OS crash; FULL syncs the log on every commit, so a response is on
  // disk before its 201 is sent. Group commit below keeps that affordable.
  db.pragma('synchronous = FULL');
  // A second process on the same file (not supported, but easy to do by mistake) waits
  // instead of failing at once.
  db.pragma('busy_timeout = 5000');
  // An erased response's bytes are overwritten in the file, not only unlinked from the table.
  db.pragma('secure_delete = ON');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    lock.close();
    // "attempt to write a readonly database" names neither the file nor what to do.
    if ((error as { code?: string }).code?.startsWith('SQLITE_'))
      throw new Error(`cannot write the SQLite database ${file}: ${(error as Error).message} (${openAdvice(dataDir)})`);
    throw error;
  }

  /**
   * The files this connection writes to, as opened. Should the data directory be removed (or the
   * file replaced) while the collector runs, SQLite goes on writing to the open but unlinked
   * files, and everything written since is gone at the next start. So every write, and /healthz,
   * first checks that the paths still lead to the files it has open; a write is acknowledged only
   * when they still do after its commit.
   */
  const identity = (path: string) => {
    try {
      const stat = statSync(path);
      return `${stat.dev}:${stat.ino}`;
    } catch {
      return 'missing';
    }
  };
  const opened = [file, `${file}-wal`].map((path) => ({ path, identity: identity(path) }));
  /**
   * What was stored is still in the files this process holds open, until it stops (a restart
   * would lose it): on Linux, the commands that copy them out through /proc, as the database and
   * its log side by side.
   */
  const rescue = () => {
    const copies: string[] = [];
    try {
      for (const fd of readdirSync('/proc/self/fd')) {
        const target = readlinkSync(`/proc/self/fd/${fd}`).replace(/ \(deleted\)$/, '');
        const suffix = target === file ? '' : target === `${file}-wal` ? '-wal' : undefined;
        if (suffix !== undefined && !copies.some((c) => c.endsWith(`recovered.sqlite${suffix}`)))
          copies.push(`cp /proc/${process.pid}/fd/${fd} ${join(dirname(dataDir), `recovered.sqlite${suffix}`)}`);
      }
    } catch {
      // Not Linux.
    }
    return copies.length === 2
      ? `What was stored is still in the files it holds open, until it stops: before restarting, copy them out (as its user or root): ${copies.sort().join('; ')}; then check the copy (sqlite3 ${join(dirname(dataDir), 'recovered.sqlite')} 'PRAGMA integrity_check') and put it in place as after a restore`
      : 'What was stored before is gone with that file unless restored from a backup';
  };
  let lost: string | undefined;
  const checkFiles = () => {
    if (!lost) {
      const gone = opened.find((f) => identity(f.path) !== f.identity);
      if (!gone) return;
      lost = `${gone.path} was ${identity(gone.path) === 'missing' ? 'deleted' : 'replaced'} while the collector ran`;
      console.error(
        `ankieta-collector: ${lost}: responses and erasures get 503 (the widgets keep them and retry) and /healthz fails until the collector is restarted (--data-dir ${dataDir}). ${rescue()}`,
      );
    }
    throw new Error(`${lost}: restart the collector`);
  };

  const insert = db.prepare(
    'INSERT INTO ankieta_responses (id, survey_id, body_sha256, body, received_on) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const existing = db.prepare('SELECT body_sha256 FROM ankieta_responses WHERE id = ?').pluck();
  const erased = db.prepare('SELECT 1 FROM ankieta_erased WHERE id = ?').pluck();
  const eraseOne = db.transaction((surveyId: string, id: string) => {
    if (db.prepare('DELETE FROM ankieta_responses WHERE survey_id = ? AND id = ?').run(surveyId, id).changes === 0) return false;
    db.prepare('INSERT INTO ankieta_erased (id) VALUES (?) ON CONFLICT (id) DO NOTHING').run(id);
    return true;
  });
  const writeBatch = db.transaction((batch: Pending[]) => {
    const today = new Date().toISOString().slice(0, 10);
    return batch.map(({ response: r }): InsertOutcome => {
      if (erased.get(r.id)) return 'erased';
      if (insert.run(r.id, r.surveyId, r.bodySha256, r.body, today).changes === 1) return 'created';
      return existing.get(r.id) === r.bodySha256 ? 'same' : 'conflict';
    });
  });

  /** Exports reading now; an erasure's checkpoint waits for the last of them (see `erase`). */
  let readers = 0;
  let checkpointOwed = false;
  /** The next try of a checkpoint another program's reader held up. */
  let retry: NodeJS.Timeout | undefined;
  /**
   * Zeroes erased rows in the file and empties the log. While a snapshot is open the log cannot
   * be emptied (its reader may still need it): SQLite would wait for it (busy_timeout, with the
   * event loop blocked) and give up. So it is done when the last export ends instead.
   *
   * Another program reading the file holds the log too: `sqlite3 … .backup` (see README) for the
   * whole copy. SQLite then waited the 5 s of busy_timeout with every request stalled, gave up
   * without an error, and the erased answers stayed in the log until a checkpoint weeks later.
   * So this one does not wait: held up, it says so once and tries again every second.
   */
  let heldUpSaid = false;
  const checkpoint = () => {
    if (readers) return void (checkpointOwed = true);
    db.pragma('busy_timeout = 0');
    let busy: number | undefined;
    try {
      busy = (db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]?.busy;
    } finally {
      db.pragma('busy_timeout = 5000');
    }
    checkpointOwed = !!busy;
    if (checkpointOwed && !heldUpSaid)
      console.error(
        `ankieta-collector: another program is reading ${file} (a backup?): what was deleted leaves the database's files once it ends (tried every second)`,
      );
    else if (!checkpointOwed && heldUpSaid) console.error(`ankieta-collector: what was deleted has left the files of ${file}`);
    heldUpSaid = checkpointOwed;
    if (checkpointOwed && !retry)
      retry = setTimeout(() => {
        retry = undefined;
        if (db.open && checkpointOwed && !readers) tryCheckpoint();
      }, 1000).unref();
  };
  /** A checkpoint whose failure is said and tried again (the deletion it follows is committed already). */
  const tryCheckpoint = () => {
    try {
      checkpoint();
    } catch (error) {
      console.error(`ankieta-collector: checkpoint after a deletion failed: ${(error as Error).message}`);
      checkpointOwed = true;
      retry ??= setTimeout(() => {
        retry = undefined;
        if (db.open && checkpointOwed && !readers) tryCheckpoint();
      }, 1000).unref();
    }
  };
  // A deletion of the last run whose checkpoint a reader held up when it stopped: done now.
  tryCheckpoint();

  let queue: Pending[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    try {
      checkFiles();
      // IMMEDIATE: a deferred transaction reads first and then fails at once ('database is
      // locked') when another connection writes meanwhile, whatever busy_timeout says.
      const outcomes = writeBatch.immediate(batch);
      // Committed, but to the file the path still names? Else the widget keeps it and retries.
      checkFiles();
      batch.forEach((p, i) => p.resolve(outcomes[i]!));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  };

  return {
    description: `SQLite ${file}`,
    insert(response) {
      return new Promise((resolve, reject) => {
        if (queue.push({ response, resolve, reject }) === 1) setImmediate(flush);
      });
    },
    async snapshot(surveyId) {
      // Its own connection: WAL lets it read one moment's data while this one writes. A
      // statement left open across awaits would keep this connection busy, and its inserts with it.
      const reader = new Driver(file, { readonly: true, fileMustExist: true });
      readers++;
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        reader.close();
        if (--readers || !checkpointOwed || !db.open) return;
        try {
          checkpoint();
        } catch (error) {
          // Owed still: the next erasure or export tries again.
          checkpointOwed = true;
          console.error(`ankieta-collector: checkpoint after a deletion failed: ${(error as Error).message}`);
        }
      };
      try {
        reader.pragma('busy_timeout = 5000');
        // The read transaction, and the snapshot with it, starts at its first read: the count.
        reader.exec('BEGIN');
        const count = reader.prepare('SELECT count(*) FROM ankieta_responses WHERE survey_id = ?').pluck().get(surveyId) as number;
        // By id, which says nothing of when a response came (see MIGRATIONS). Keyset pagination
        // on the index (survey_id, id): each query starts after the last id read, so none holds
        // more than its batch, and none skips or repeats a row (ids are unique).
        const page = reader.prepare('SELECT id, body FROM ankieta_responses WHERE survey_id = ? AND id > ? ORDER BY id LIMIT ?');
        const bodies = () => {
          let after = '';
          return batches((limit) => {
            const rows = page.all(surveyId, after, limit) as { id: string; body: string }[];
            after = rows.at(-1)?.id ?? after;
            return rows.map((row) => row.body);
          });
        };
        return { count, bodies, close };
      } catch (error) {
        await close();
        throw error;
      }
    },
    async erase(surveyId, id) {
      if (queue.length) flush();
      checkFiles();
      // IMMEDIATE: the write lock is taken first, so busy_timeout applies (see writeBatch).
      const erased = eraseOne.immediate(surveyId, id);
      checkFiles();
      // With WAL the erased row stays in the -wal file (and secure_delete zeroes only the page
      // written back) until a checkpoint, after about 4 MB of later writes: weeks, for one
      // conference. Checkpointing now zeroes it in the file and empties the log.
      // An export reading now holds the log: then the checkpoint comes when it ends.
      if (erased) tryCheckpoint();
      return erased;
    },
    async purge(before) {
      if (queue.length) flush();
      checkFiles();
      // ISO days compare as text.
      const deleted = db.prepare('DELETE FROM ankieta_responses WHERE received_on < ?').run(before).changes;
      // As after an erasure: the deleted rows leave the file and the log now, not at the next
      // checkpoint (after about 4 MB of later writes, or at the stop).
      if (deleted) tryCheckpoint();
      return deleted;
    },
    async ping() {
      checkFiles();
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (queue.length) flush();
      clearTimeout(retry);
      if (checkpointOwed)
        console.error(
          `ankieta-collector: what was deleted is still in the files of ${file} (another program was reading it): it leaves them at the next start`,
        );
      db.close();
      lock.close();
    },
  };
}

/**
 * One collector per data directory: two on one SQLite file made about a third of the POSTs fail
 * with 'database is locked'. The lock is SQLite's own on a file of its own (ankieta.lock, an
 * exclusive lock held until this process ends), so the operating system releases it when the
 * process dies, however it dies: no stale lock to remove after a kill -9 or a power cut.
 */
function lockDataDir(Driver: typeof Database, dataDir: string): Database.Database {
  const path = join(dataDir, 'ankieta.lock');
  let lock: Database.Database | undefined;
  try {
    lock = new Driver(path, { timeout: 0 });
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.pragma('journal_mode = MEMORY');
    // The first write takes the exclusive lock, kept from then on (locking_mode EXCLUSIVE).
    lock.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder;');
    lock.prepare('INSERT INTO holder VALUES (?)').run(process.pid);
    lock.exec('COMMIT');
    return lock;
  } catch (error) {
    lock?.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      throw new Error(
        `another collector is running on ${dataDir} (it holds ${path}): one collector process per SQLite database; stop it first, or use PostgreSQL for several`,
      );
    throw new Error(`cannot lock ${path}: ${(error as Error).message} (${openAdvice(dataDir)})`);
  }
}

/**
 * What to check when the database cannot be opened or written: a full file system (SQLite says
 * "disk I/O error"), else the permissions.
 */
function openAdvice(dataDir: string): string {
  try {
    const { bavail, bsize } = statfsSync(dataDir);
    if (bavail * bsize < 1024 * 1024) return `no space left on the file system of ${dataDir}: free some, or give another --data-dir`;
  } catch {
    // Not there: the permissions below say what to check.
  }
  return 'the directory and the file must be writable by this user; --data-dir';
}

/**
 * A data directory another user controls, or a symbolic link among the collector's files in it:
 * the collector (often run as root) would create the file a planted link points at, or make it
 * readable by itself only, anywhere on the machine. So it does not start.
 */
function refuseForeign(dataDir: string): void {
  const { uid: owner, mode } = statSync(dataDir);
  const self = process.getuid?.();
  if (self !== undefined && owner !== self && owner !== 0)
    throw new RefusedDataDir(
      `${dataDir} (--data-dir) belongs to user ${owner}, not to the collector's (${self}): run the collector as that user (sudo -u '#${owner}' …), or give it a directory of its own`,
    );
  const names = readdirSync(dataDir);
  for (const name of names)
    if (OWN_FILE.test(name) && lstatSync(join(dataDir, name)).isSymbolicLink())
      throw new RefusedDataDir(
        `${join(dataDir, name)} is a symbolic link: the collector's files in --data-dir must be files of its own (remove the link; did another user put it there?)`,
      );
  // Others could put a link in it between two starts. (One that holds only the collector's
  // files is made 700 instead, see restrictPermissions.)
  if (mode & 0o022 && !names.every((name) => OWN_FILE.test(name)))
    throw new RefusedDataDir(
      `${dataDir} (--data-dir) can be written by its group or other users (${(mode & 0o777).toString(8)}) and holds files besides the collector's: give the collector a directory of its own, or chmod go-w it`,
    );
}

/** A data directory the collector will not use: a setting to change, not a failure to retry (exit status 2). */
export class RefusedDataDir extends Error {
  readonly exitCode = 2;
}

/** The files of the embedded storage in its directory (the lock file included). */
const OWN_FILE = /^ankieta\.(sqlite(-wal|-shm|-journal)?|lock)$/;

/**
 * Makes the data readable by the collector's user only, as a fresh install makes it (directory
 * 700, files 600): an older version left a directory made under umask 022 at 755 and the
 * database at 644, and SQLite gives a new -wal or -shm the database's mode. Says on stderr what
 * it changed. A directory that holds other files too (--data-dir pointed at a shared one) is
 * not changed, only its own files, and a line says so.
 */
function restrictPermissions(dataDir: string): void {
  const changed: string[] = [];
  const octal = (mode: number) => mode.toString(8).padStart(3, '0');
  const names = readdirSync(dataDir);
  const dirMode = statSync(dataDir).mode & 0o777;
  if (dirMode & 0o077) {
    if (names.every((name) => OWN_FILE.test(name))) {
      chmodSync(dataDir, 0o700);
      changed.push(`${dataDir} ${octal(dirMode)} -> 700`);
    } else
      console.error(
        `ankieta-collector: ${dataDir} (--data-dir) is ${octal(dirMode)} and holds files besides the collector's, so it is left as it is (its database files are made 600); give the collector a directory of its own, or chmod 700 it`,
      );
  }
  for (const name of names.filter((n) => OWN_FILE.test(n))) {
    const path = join(dataDir, name);
    const mode = statSync(path).mode & 0o777;
    if (!(mode & 0o077)) continue;
    chmodSync(path, mode & 0o700);
    changed.push(`${name} ${octal(mode)} -> ${octal(mode & 0o700)}`);
  }
  if (changed.length) console.error(`ankieta-collector: made the stored responses readable by this user only: ${changed.join(', ')}`);
}

function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length)
      throw new Error(
        `the database has schema version ${version}, newer than this collector knows (${MIGRATIONS.length}): upgrade the collector`,
      );
    for (let v = version; v < MIGRATIONS.length; v++) {
      const migration = MIGRATIONS[v]!;
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
    }
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
