export {
  OfflineSession,
  DEFAULT_DRAFT_TTL_DAYS,
  type OfflineSessionOptions,
  type OfflineSessionEventMap,
  type SessionState,
  type SessionStatus,
  type QueuedDetail,
  type SentDetail,
  type SessionErrorDetail,
  type SaveOptions,
} from './session.js';
export { backoffDelay, parseRetryAfter, FIRST_RETRY_MS, MAX_RETRY_MS } from './backoff.js';
export { REJECTED_STATUSES, FORBIDDEN_STATUSES, DEFAULT_REQUEST_TIMEOUT_MS, type Outcome } from './http.js';
export type { Draft } from '../store/records.js';
