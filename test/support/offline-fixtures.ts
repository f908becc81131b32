/**
 * Helpers shared by the store and sync tests: a fresh database per test, raw reads that do
 * not go through the code under test, responses, waiting for a condition, a second "tab"
 * (a same-origin iframe with its own realm, connections and locks), and a guard that fails
 * the test on any uncaught exception or unhandled rejection.
 */
import type { Response } from '../../src/schema/index.js';
import { uuid } from '../../src/engine/uuid.js';
import type { OfflineSession, OfflineSessionOptions } from '../../src/sync/index.js';

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

/** Everything in the database, read over a connection of its own. */
export async function rawRecords(name: string): Promise<Map<string, unknown>> {
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
  const now = new Date().toISOString();
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
