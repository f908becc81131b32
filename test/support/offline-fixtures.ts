/**
 * Helpers shared by the store and sync tests: a fresh database per test, raw reads that do
 * not go through the code under test, responses, waiting for a condition, a second "tab"
 * (a same-origin iframe with its own realm, connections and locks), and a guard that fails
 * the test on any uncaught exception or unhandled rejection.
 */
import type { Response } from '../../src/schema/index.js';
import { uuid } from '../../src/engine/uuid.js';
import { OfflineSession as OfflineSessionClass, type OfflineSession, type OfflineSessionOptions } from '../../src/sync/index.js';

const databases = new Set<string>();

export function freshDatabaseName(): string {
  const name = `ankieta-test-${uuid()}`;
  databases.add(name);
  return name;
}

/** Deletes every database made by `freshDatabaseName` (connections left open are closed by versionchange). */
export async function deleteTestDatabases(): Promise<void> {
  await Promise.all(
    [...databases].map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
  databases.clear();
}

/**
 * Everything in the database, read over a connection of its own. Retried when Chromium's
 * "clear site data" closes the connection under the read (it finishes after the command).
 */
export async function rawRecords(name: string): Promise<Map<string, unknown>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await readAll(name);
    } catch (error) {
      if (attempt >= 5 || !['AbortError', 'InvalidStateError', 'UnknownError'].includes((error as Error).name)) throw error;
      await sleep(50);
    }
  }
}

async function readAll(name: string): Promise<Map<string, unknown>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains('records')) return new Map();
    const tx = db.transaction('records', 'readonly');
    const store = tx.objectStore('records');
    const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
    return new Map(keys.map((key, i) => [String(key), values[i]]));
  } finally {
    db.close();
  }
}

/** Writes records as they are, past the code under test (damaged or foreign records). */
export async function putRaw(name: string, records: Record<string, unknown>): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const tx = db.transaction('records', 'readwrite');
    for (const [key, value] of Object.entries(records)) tx.objectStore('records').put(value, key);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function rawKeys(name: string, prefix: string): Promise<string[]> {
  return [...(await rawRecords(name)).keys()].filter((key) => key.startsWith(prefix));
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function makeResponse(surveyId: string, answers: Response['answers'], id: string = uuid()): Response {
  // To the hour, as the widget sends times (the collector stores any other time cut to the hour).
  const now = new Date(Math.floor(Date.now() / 36e5) * 36e5).toISOString();
  return { id, surveyId, surveyVersion: 1, locale: 'pl', startedAt: now, submittedAt: now, answers };
}

export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects uncaught exceptions and unhandled rejections in this window (and tabs opened by openTab). */
export class UncaughtGuard {
  readonly errors: string[] = [];
  readonly #stop = new AbortController();

  constructor(target: Window = window) {
    this.watch(target);
  }

  watch(target: Window): void {
    const signal = this.#stop.signal;
    target.addEventListener('error', (event) => this.errors.push(`error: ${event.message}`), { signal });
    target.addEventListener('unhandledrejection', (event) => this.errors.push(`unhandled rejection: ${String(event.reason)}`), { signal });
  }

  stop(): string[] {
    this.#stop.abort();
    return this.errors;
  }
}

export interface Tab {
  window: Window & { OfflineSession: typeof OfflineSession };
  frame: HTMLIFrameElement;
  session(options: OfflineSessionOptions): OfflineSession;
  /** A real reload of the tab: pagehide fires, pending requests are cut, locks are released. */
  reload(): Promise<void>;
  /** Closes the tab (removes the frame). */
  close(): void;
}

/** A second tab on the same origin: its own realm, IndexedDB connections and lock requests. */
export async function openTab(guard?: UncaughtGuard): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.src = new URL('./tab.html', import.meta.url).href;
  const loaded = () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('tab did not load')), 10000);
      const check = () => {
        const win = frame.contentWindow as (Window & { OfflineSession?: unknown }) | null;
        if (win?.OfflineSession) {
          clearTimeout(timer);
          guard?.watch(win);
          resolve();
        } else setTimeout(check, 10);
      };
      check();
    });
  document.body.append(frame);
  await loaded();
  const tab: Tab = {
    get window() {
      return frame.contentWindow as Tab['window'];
    },
    frame,
    session: (options) => new tab.window.OfflineSession(options),
    async reload() {
      (tab.window as { OfflineSession?: unknown }).OfflineSession = undefined;
      tab.window.location.reload();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await loaded();
    },
    close: () => frame.remove(),
  };
  return tab;
}

export interface SessionLog {
  states: string[];
  queued: { responseId: string; waiting: number }[];
  sent: string[];
  errors: { kind: string; message: string; status?: number; failure?: string; responseId?: string }[];
}

/** Everything a session reported, in order. */
export function listen(session: OfflineSession): SessionLog {
  const log: SessionLog = { states: [], queued: [], sent: [], errors: [] };
  session.addEventListener('status', (event) => {
    // Only changes of state (a status event also reports a changed count).
    if (log.states.at(-1) !== event.detail.state) log.states.push(event.detail.state);
  });
  session.addEventListener('queued', (event) => log.queued.push(event.detail));
  session.addEventListener('sent', (event) => log.sent.push(event.detail.responseId));
  session.addEventListener('error', (event) => log.errors.push(event.detail));
  return log;
}

/**
 * One test's world: a fresh database, sessions and tabs that are disposed afterwards, and
 * the guard against uncaught exceptions (checked in `finish`).
 */
export class Harness {
  readonly guard = new UncaughtGuard();
  readonly databaseName = freshDatabaseName();
  readonly #sessions: OfflineSession[] = [];
  readonly #tabs: Tab[] = [];

  session(options: Partial<OfflineSessionOptions> = {}, tab?: Tab): OfflineSession & { log: SessionLog } {
    const full: OfflineSessionOptions = { surveyId: 'konferencja', databaseName: this.databaseName, ...options };
    const session = (tab ? tab.session(full) : new OfflineSessionClass(full)) as OfflineSession & { log: SessionLog };
    session.log = listen(session);
    this.#sessions.push(session);
    return session;
  }

  async tab(): Promise<Tab> {
    const tab = await openTab(this.guard);
    this.#tabs.push(tab);
    return tab;
  }

  async finish(): Promise<void> {
    for (const session of this.#sessions) session.dispose();
    for (const tab of this.#tabs) tab.close();
    await deleteTestDatabases();
    const errors = this.guard.stop();
    if (errors.length) throw new Error(`uncaught in the page: ${errors.join('; ')}`);
  }
}

/** Delegates to the real IndexedDB, except for the opens `override` answers. */
export function factory(override: (call: number, name: string) => IDBOpenDBRequest | undefined): IDBFactory & { calls: number } {
  const wrapper = {
    calls: 0,
    open(name: string, version?: number) {
      wrapper.calls += 1;
      return override(wrapper.calls, name) ?? (version === undefined ? indexedDB.open(name) : indexedDB.open(name, version));
    },
    deleteDatabase: (name: string) => indexedDB.deleteDatabase(name),
    databases: () => indexedDB.databases(),
    cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
  };
  return wrapper;
}
