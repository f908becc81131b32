/** What the HTTP layer needs from a storage; SQLite and PostgreSQL implement it. */
export interface StoredResponse {
  id: string;
  surveyId: string;
  /** SHA-256 (hex) of the exact request body: the same id with other bytes is a conflict. */
  bodySha256: string;
  /** The request body as received (UTF-8 JSON text), so exports return exactly what was sent. */
  body: string;
}

/**
 * `created`: stored now; `same`: already stored with identical bytes; `conflict`: the id holds
 * another body; `erased`: the response was erased on request and is not stored again.
 */
export type InsertOutcome = 'created' | 'same' | 'conflict' | 'erased';

export interface Storage {
  /** For the start line, e.g. `SQLite /srv/ankieta-data/ankieta.sqlite`; never includes a password. */
  readonly description: string;
  /** Resolves only once the row is durable, so the caller may acknowledge it. */
  insert(response: StoredResponse): Promise<InsertOutcome>;
  /** Bodies of one survey's responses, in the order they were stored. */
  bodies(surveyId: string): Promise<string[]>;
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
