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
export { backoffDelay, parseRetryAfter } from './backoff.js';
export type { Draft } from '../store/records.js';
