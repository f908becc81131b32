/**
 * Browser-side handles on the offline test servers (test/support/offline-plugin.mjs): the
 * collector, the fault-injecting proxy in front of it, and the browser's own network and
 * storage switches.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type Fault =
  | {
      type: 'status';
      status: number;
      retryAfter?: number | string;
      date?: string;
      /** A string is sent as it is, anything else as JSON. */
      body?: unknown;
      contentType?: string;
      location?: string;
      times?: number;
    }
  | { type: 'hang' | 'store-then-hang' | 'drop-reply' | 'reset'; times?: number }
  | { type: 'delay'; ms: number; times?: number };

export interface ProxyLogEntry {
  key: string | null;
  start: number;
  end: number | null;
  fault: Fault['type'] | null;
  /** What the browser got; 'cut' when the connection was closed instead. */
  status: number | 'cut' | null;
  /** What the collector answered, when the request was passed on. */
  upstream: number | null;
  /** The Referer the browser sent (a survey sends none). */
  referer: string | null;
}

export interface StoredResponse {
  id: string;
  surveyId: string;
  answers: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Servers {
  /** The endpoint the session posts to: the proxy in front of the collector. */
  endpoint: string;
  /** The collector itself, bypassing the proxy. */
  direct: string;
}

const command = <T>(name: string, payload?: unknown) => executeServerCommand<T, unknown>(`offline:${name}`, payload);

export const servers = () => command<Servers>('servers');
/** The collector itself (its base URL; the test page's origin allowed) and its export token. */
export const organiser = () => command<{ collector: string; token: string }>('organiser');
/**
 * Whether the browser's automation can switch the network state, the quota and site data
 * (Chromium's DevTools protocol). The tests that need it live in `*.chromium.test.ts`.
 */
/** The endpoint of a real collector that does not allow the test page's origin. */
export const collectorElsewhere = () => command<{ endpoint: string }>('elsewhere');
export const capabilities = () => command<{ cdp: boolean }>('capabilities');
/** Forgets every stored response, rule, random fault and log entry; accepts connections again. */
export const resetServers = () => command<boolean>('reset');
export const injectFaults = (...rules: Fault[]) => command<boolean>('faults', { rules });
export const randomFaults = (config: { rate: number; faults: Fault[]; seed?: number } | null) => command<boolean>('random', config);
export const refuseConnections = (refuse: boolean) => command<boolean>('refuse', { refuse });
export const proxyLog = () => command<ProxyLogEntry[]>('log');
/**
 * What the collector stored for survey `konferencja` since the last reset (read from its
 * export), and how it answered each request passed to it (seen at the proxy).
 */
export const stored = () => command<{ responses: StoredResponse[]; counts: { byStatus: Record<string, number> } }>('stored');
/** Chromium's network emulation: navigator.onLine and the online/offline events follow it. */
export const setOffline = (offline: boolean) => command<boolean>('network', { offline });
/**
 * Chromium only: a storage quota for this origin (null restores the default). Setting one
 * also clears the origin's IndexedDB: Chromium applies it only to freshly set-up storage.
 */
export const overrideQuota = (bytes: number | null) => command<boolean>('quota', { bytes });
/** Chromium only: what "clear site data" does to IndexedDB (open connections are closed). */
export const clearSiteStorage = () => command<boolean>('clear-storage');
/** Chromium: another tab in front hides this page (a real visibilitychange), or brings it back. */
export const setHidden = (hidden: boolean) => command<boolean>('visibility', { hidden });
/** Serves `text` at /offline/survey on the test server, or (stall) accepts requests there and never answers. */
export const serveDefinition = (config: { text?: string; stall: boolean }) => command<boolean>('definition', config);
/** The Referer of the last request for /offline/survey ('' when none was sent). */
export const definitionReferer = () => command<string>('definition-referer');
