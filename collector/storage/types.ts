/** What the HTTP layer needs from a storage; SQLite and PostgreSQL implement it. */
export interface StoredResponse {
  id: string;
  surveyId: string;
  /** SHA-256 (hex) of `body`: the same id with another body is a conflict. */
  bodySha256: string;
  /** The checked response written out again, its times cut to the hour (UTF-8 JSON text): what exports return. */
  body: string;
}

/**
 * `created`: stored now; `same`: already stored with the same body; `conflict`: the id holds
 * another body; `erased`: the response was erased on request and is not stored again.
 */
export type InsertOutcome = 'created' | 'same' | 'conflict' | 'erased';

export interface Storage {
  /** For the start line, e.g. `SQLite /srv/ankieta-data/ankieta.sqlite`; never includes a password. */
  readonly description: string;
  /** Resolves only once the row is durable, so the caller may acknowledge it. */
  insert(response: StoredResponse): Promise<InsertOutcome>;
  /**
   * One survey's responses as they are now, for an export: later inserts, erasures and
   * deletions do not change what it reads. Close it when done (it holds a read transaction).
   */
  snapshot(surveyId: string): Promise<ResponsesSnapshot>;
  /**
   * Deletes one response (a respondent's request under RODO art. 17) and keeps its id, never its
   * content, so a device retrying it is acknowledged without storing it again. False when no
   * response of that survey has the id.
   */
  erase(surveyId: string, id: string): Promise<boolean>;
  /**
   * Deletes every response received before the day `before` (`YYYY-MM-DD`, UTC); returns how
   * many. The day of receipt is the collector's, not the device's `submittedAt`: a tablet with a
   * wrong clock (or any client) would otherwise keep a response for ever, or have it go within
   * the hour. Only the day is kept, no time.
   */
  purge(before: string): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A survey's responses at one moment (a read transaction on its own connection): what an
 * export reads, a batch at a time, so that no export holds every response in memory.
 */
export interface ResponsesSnapshot {
  /** How many responses it holds: as many as `bodies()` yields. */
  readonly count: number;
  /**
   * The bodies in the order of their ids (random: nothing of when they came), in batches of at most BATCH_ROWS (fewer when bodies are
   * large; see batches.ts). May be read more than once, one reading at a time: each reading
   * yields the same bodies.
   */
  bodies(): AsyncGenerator<string[], void, undefined>;
  /** Ends the read transaction and frees its connection; never throws. */
  close(): Promise<void>;
}
