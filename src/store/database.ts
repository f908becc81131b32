/**
 * One IndexedDB connection that survives the ways browsers break it (see RELIABILITY.md):
 * IndexedDB missing or throwing on access, `open` rejected, `open` never settling (Safari's
 * first open, or an upgrade blocked by an old tab), the connection closed under us (data
 * cleared, `versionchange`, Safari dropping it), and QuotaExceededError arriving as an abort.
 *
 * idb-keyval's own `createStore` caches a failed or closed connection until reload; this
 * class opens a fresh one on the next operation instead, and is passed to idb-keyval as its
 * store function.
 */
import type { UseStore } from 'idb-keyval';

export type StorageFailure = 'missing' | 'open-failed' | 'timeout' | 'quota' | 'closed' | 'failed';

export class StorageError extends Error {
  override name = 'StorageError';
  readonly failure: StorageFailure;

  constructor(failure: StorageFailure, message: string, options?: ErrorOptions) {
    super(message, options);
    this.failure = failure;
  }
}

export interface DatabaseOptions {
  name: string;
  storeName?: string;
  /** How long an `open` may take before the form carries on in memory. */
  openTimeoutMs?: number;
  /** `null` behaves as a browser without IndexedDB; omitted means `globalThis.indexedDB`. */
  indexedDB?: IDBFactory | null;
  /**
   * Called when a connection replaces one that was lost (site data cleared, versionchange):
   * what was stored may be gone, so the caller writes what it holds again. Also called when
   * opening works again after operations failed without waiting for it.
   */
  onReconnect?: () => void;
}

export type TransactionBody<T> = (store: IDBObjectStore) => T | PromiseLike<T>;

export const DEFAULT_OPEN_TIMEOUT_MS = 3000;

export class Database {
  readonly name: string;
  readonly storeName: string;
  readonly #openTimeoutMs: number;
  readonly #factory: IDBFactory | null | undefined;
  readonly #onReconnect: (() => void) | undefined;
  #db: IDBDatabase | undefined;
  #connectedBefore = false;
  #opening: Promise<IDBDatabase> | undefined;
  /** Opens in a row that timed out. */
  #stalls = 0;
  #closed = false;

  constructor(options: DatabaseOptions) {
    this.name = options.name;
    this.storeName = options.storeName ?? 'records';
    this.#openTimeoutMs = options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
    this.#factory = options.indexedDB;
    this.#onReconnect = options.onReconnect;
  }

  /** The store function idb-keyval's `get`/`set`/`del` accept. */
  readonly store: UseStore = (mode, body) => this.transaction(mode, body);

  /**
   * Runs `body` in one transaction and resolves with its value once the transaction has
   * committed. When a connection is open the transaction is created synchronously, so a
   * write started in `pagehide` is queued before the page goes away. Rejects only with a
   * StorageError.
   */
  transaction<T>(mode: IDBTransactionMode, body: TransactionBody<T>, durability: IDBTransactionDurability = 'default'): Promise<T> {
    if (this.#closed) return Promise.reject(new StorageError('closed', 'the database was closed by its owner'));
    return this.#attempt(mode, body, durability)
      .catch((error: unknown) => {
        if (classify(error) !== 'closed' || this.#closed) throw error;
        // The connection went away between operations (data cleared, versionchange, Safari):
        // an aborted transaction left nothing behind, so one retry on a fresh connection is safe.
        this.#forget();
        return this.#attempt(mode, body, durability);
      })
      .catch((error: unknown) => {
        const failure = classify(error);
        if (failure === 'closed') this.#forget();
        throw error instanceof StorageError ? error : new StorageError(failure, describe(error), { cause: error });
      });
  }

  /** Closes the connection for good (the session is disposed). */
  close(): void {
    this.#closed = true;
    this.#forget();
  }

  #attempt<T>(mode: IDBTransactionMode, body: TransactionBody<T>, durability: IDBTransactionDurability): Promise<T> {
    const run = (db: IDBDatabase): Promise<T> => {
      const tx = db.transaction(this.storeName, mode, { durability });
      const committed = settled(tx);
      let result: T | PromiseLike<T>;
      try {
        result = body(tx.objectStore(this.storeName));
      } catch (error) {
        committed.catch(() => undefined);
        try {
          tx.abort();
        } catch {
          // Already finished: nothing to undo.
        }
        throw error;
      }
      return Promise.all([result, committed]).then(([value]) => value);
    };
    if (this.#db) {
      try {
        return run(this.#db);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.#connect().then(run);
  }

  #connect(): Promise<IDBDatabase> {
    if (!this.#opening) {
      const opening = this.#open();
      this.#opening = opening;
      const clear = () => {
        if (this.#opening === opening) this.#opening = undefined;
      };
      opening.then((db) => {
        clear();
        this.#adopt(db);
      }, clear);
    }
    // Operations waiting at the same time share one open. After two opens in a row timed out,
    // IndexedDB hangs (more than Safari's first open): each operation in turn waited its own
    // timeout, and a completed response left 9 s after the thank-you screen. Now one fails at
    // once, and is kept and sent from memory; the open it started goes on, and once one
    // succeeds, the caller is told to write what it holds.
    return this.#stalls > 1 ? Promise.reject(new StorageError('timeout', 'IndexedDB hangs')) : this.#opening;
  }

  #adopt(db: IDBDatabase): void {
    if (this.#closed) {
      db.close();
      return;
    }
    this.#db = db;
    if (this.#connectedBefore || this.#stalls > 1) this.#onReconnect?.();
    this.#connectedBefore = true;
    this.#stalls = 0;
    // Another tab wants to upgrade or delete the database (a newer Ankieta, the user
    // clearing data): step aside so it is not blocked, and reconnect on the next operation.
    db.onversionchange = () => {
      db.close();
      if (this.#db === db) this.#db = undefined;
    };
    db.onclose = () => {
      if (this.#db === db) this.#db = undefined;
    };
  }

  #forget(): void {
    const db = this.#db;
    this.#db = undefined;
    db?.close();
  }

  #open(): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      let factory: IDBFactory | null | undefined;
      try {
        factory = this.#factory === undefined ? globalThis.indexedDB : this.#factory;
      } catch (error) {
        // Opaque origins and some privacy modes throw on merely touching `indexedDB`.
        reject(new StorageError('missing', describe(error), { cause: error }));
        return;
      }
      if (!factory) {
        reject(new StorageError('missing', 'IndexedDB is not available'));
        return;
      }
      const idb = factory;
      let settled = false;
      let blocked = false;
      const timer = setTimeout(() => {
        settled = true;
        this.#stalls += 1;
        reject(
          new StorageError(
            'timeout',
            blocked ? 'opening the database is blocked by another tab' : `opening the database took longer than ${this.#openTimeoutMs} ms`,
          ),
        );
      }, this.#openTimeoutMs);
      const fail = (failure: StorageFailure, cause: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(new StorageError(failure, describe(cause), { cause }));
      };
      const request = (version?: number) => {
        let req: IDBOpenDBRequest;
        try {
          // An undefined version is no version (WebIDL): the database opens as it is.
          req = idb.open(this.name, version);
        } catch (error) {
          fail('open-failed', error);
          return;
        }
        req.onupgradeneeded = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(this.storeName)) db.createObjectStore(this.storeName);
        };
        req.onblocked = () => {
          blocked = true;
        };
        req.onerror = (event) => {
          event.preventDefault();
          fail('open-failed', req.error);
        };
        req.onsuccess = () => {
          const db = req.result;
          if (settled) {
            // The open outlived its timeout; the session has moved on without it.
            db.close();
            return;
          }
          if (!db.objectStoreNames.contains(this.storeName)) {
            // Opened without a version so that an older tab never meets a VersionError; the
            // store is missing (first run, or the database was made by something else): upgrade.
            const next = db.version + 1;
            db.close();
            request(next);
            return;
          }
          settled = true;
          clearTimeout(timer);
          resolve(db);
        };
      };
      request();
    });
  }
}

/** Like idb-keyval's promisifyRequest for a transaction, through listeners: idb-keyval's own bodies set `oncomplete`. */
function settled(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.addEventListener('complete', () => resolve());
    tx.addEventListener('abort', () => reject(tx.error));
  });
}

function classify(error: unknown): StorageFailure {
  if (error instanceof StorageError) return error.failure;
  const name = (error as { name?: unknown } | null)?.name;
  switch (name) {
    case 'QuotaExceededError':
      return 'quota';
    case 'InvalidStateError':
    case 'AbortError':
    case 'TransactionInactiveError':
    case 'NotFoundError':
      return 'closed';
    default:
      return 'failed';
  }
}

function describe(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return error === null || error === undefined ? 'the transaction was aborted' : String(error);
}
