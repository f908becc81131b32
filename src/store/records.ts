/**
 * What Ankieta keeps in its one object store. Drafts, the outbox, the "not delivered" list
 * and completion marks share the store so that completing a response is one transaction.
 *
 *   draft:<surveyId>:<responseId>   DraftMeta    a response being filled: page, startedAt, updatedAt
 *   answer:<surveyId>:<responseId>:<questionId>
 *                                   AnswerValue  one answer of that draft; one record per answer
 *                                                so that a write never needs a read first (it
 *                                                must finish inside pagehide) and two tabs on
 *                                                one draft merge answer by answer
 *   outbox:<responseId>             OutboxItem   completed, waiting for a 2xx
 *   undelivered:<responseId>        Undelivered  refused by the server (400/409/413/415/422)
 *   done:<surveyId>:<responseId>    DoneMark     this response id was completed; a tab still
 *                                                editing that draft must start a new one
 *   marks-cursor                    string       the last mark key the previous load looked at
 *                                                when pruning marks ('': start from the first)
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

export type DraftMeta = Omit<Draft, 'answers'>;

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

/**
 * Whether a record read from the outbox or the "not delivered" list is one for `endpoint`. A
 * record that is not an item at all (damaged, or written by some other script on the site) is
 * left where it is and skipped: one bad record must not stop every draft and delivery here.
 */
export const isItemFor = (item: unknown, endpoint: string | null): item is OutboxItem & UndeliveredItem => {
  const { id, surveyId, body, queuedAt } = (item ?? {}) as Partial<OutboxItem>;
  return (
    typeof id === 'string' &&
    typeof surveyId === 'string' &&
    typeof body === 'string' &&
    typeof queuedAt === 'number' &&
    (item as OutboxItem).endpoint === endpoint
  );
};

export const DRAFT_PREFIX = 'draft:';
export const draftPrefix = (surveyId: string): string => `${DRAFT_PREFIX}${surveyId}:`;
export const draftKey = (surveyId: string, responseId: string): string => `${draftPrefix(surveyId)}${responseId}`;
/** Every answer of every draft of the survey. */
export const surveyAnswersPrefix = (surveyId: string): string => `answer:${surveyId}:`;
export const answersPrefix = (surveyId: string, responseId: string): string => `${surveyAnswersPrefix(surveyId)}${responseId}:`;
export const answerKey = (surveyId: string, responseId: string, questionId: string): string =>
  `${answersPrefix(surveyId, responseId)}${questionId}`;
export const OUTBOX_PREFIX = 'outbox:';
export const outboxKey = (id: string): string => `${OUTBOX_PREFIX}${id}`;
export const UNDELIVERED_PREFIX = 'undelivered:';
export const undeliveredKey = (id: string): string => `${UNDELIVERED_PREFIX}${id}`;
export const DONE_PREFIX = 'done:';
export const donePrefix = (surveyId: string): string => `${DONE_PREFIX}${surveyId}:`;
export const doneKey = (surveyId: string, responseId: string): string => `${donePrefix(surveyId)}${responseId}`;

/** Every key that starts with `prefix` (keys are plain strings without U+FFFF). */
export const prefixRange = (prefix: string): IDBKeyRange => IDBKeyRange.bound(prefix, `${prefix}\uffff`);
/** Above every mark key of every survey. */
export const MARKS_END = `${DONE_PREFIX}\uffff`;
export const MARKS_CURSOR = 'marks-cursor';
