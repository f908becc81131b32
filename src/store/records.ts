/**
 * What Ankieta keeps in its one object store. Drafts, the outbox, the "not delivered" list
 * and completion marks share the store so that completing a response is one transaction.
 *
 *   draft:<surveyId>:<responseId>   Draft        answers being given (one per response)
 *   outbox:<responseId>             OutboxItem   completed, waiting for a 2xx
 *   undelivered:<responseId>        Undelivered  refused by the server (400/409/413/415/422)
 *   done:<surveyId>:<responseId>    DoneMark     this response id was completed; a tab still
 *                                                editing that draft must start a new one
 */
import type { Answers } from '../schema/index.js';

export interface Draft {
  surveyId: string;
  /** The id the response will carry, and its Idempotency-Key. */
  responseId: string;
  answers: Answers;
  pageId?: string;
  /** ISO 8601, becomes the response's `startedAt`. */
  startedAt: string;
  /** Epoch milliseconds of the last write; drafts older than the TTL are removed on load. */
  updatedAt: number;
}

export interface OutboxItem {
  id: string;
  surveyId: string;
  /** Absolute URL; `null` when the page has no endpoint and the response only stays here. */
  endpoint: string | null;
  /** The exact JSON that is POSTed, so that every retry is byte-identical. */
  body: string;
  /** Epoch milliseconds. Outbox items never expire. */
  queuedAt: number;
  /** Who is sending it right now, where Web Locks are missing. */
  lease?: { owner: string; until: number };
}

export interface UndeliveredItem {
  id: string;
  surveyId: string;
  endpoint: string | null;
  body: string;
  queuedAt: number;
  failedAt: number;
  status: number;
  /** The start of the server's reply, for the site owner. */
  detail: string;
}

export interface DoneMark {
  surveyId: string;
  at: number;
}

export const draftPrefix = (surveyId: string): string => `draft:${surveyId}:`;
export const draftKey = (surveyId: string, responseId: string): string => `${draftPrefix(surveyId)}${responseId}`;
export const OUTBOX_PREFIX = 'outbox:';
export const outboxKey = (id: string): string => `${OUTBOX_PREFIX}${id}`;
export const UNDELIVERED_PREFIX = 'undelivered:';
export const undeliveredKey = (id: string): string => `${UNDELIVERED_PREFIX}${id}`;
export const donePrefix = (surveyId: string): string => `done:${surveyId}:`;
export const doneKey = (surveyId: string, responseId: string): string => `${donePrefix(surveyId)}${responseId}`;

/** Every key that starts with `prefix` (keys are plain strings without U+FFFF). */
export const prefixRange = (prefix: string): IDBKeyRange => IDBKeyRange.bound(prefix, `${prefix}\uffff`);
