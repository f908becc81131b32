export { Database, StorageError, DEFAULT_OPEN_TIMEOUT_MS, type StorageFailure, type DatabaseOptions } from './database.js';
export { OfflineStore, type LoadedState, type SaveDraftResult, type EnqueueResult, type LeaseResult } from './offline-store.js';
export { systemClock, type Clock } from './clock.js';
export type { Draft, OutboxItem, UndeliveredItem } from './records.js';
