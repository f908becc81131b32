/**
 * The operations Ankieta performs on its object store, each one IndexedDB transaction.
 * They reject only with StorageError (from Database); the session decides what to do then.
 */
import { promisifyRequest } from 'idb-keyval';
import type { AnswerValue } from '../schema/index.js';
import type { Database } from './database.js';
import {
  type DoneMark,
  type Draft,
  type DraftMeta,
  type OutboxItem,
  type UndeliveredItem,
  DONE_PREFIX,
  donePrefix,
  DRAFT_PREFIX,
  MARKS_CURSOR,
  MARKS_END,
  OUTBOX_PREFIX,
  UNDELIVERED_PREFIX,
  answerKey,
  answersPrefix,
  doneKey,
  draftKey,
  draftPrefix,
  isItemFor,
  outboxKey,
  prefixRange,
  surveyAnswersPrefix,
  undeliveredKey,
} from './records.js';

export interface LoadedState {
  /** The most recently edited draft of the survey that is neither expired nor completed. */
  draft?: Draft;
  outbox: OutboxItem[];
  undelivered: UndeliveredItem[];
  /** A response of the survey was completed here in the last 30 days (its completion marks). */
  completed: boolean;
}

/** `consumed`: another tab completed this response id; the draft needs a new one. */
export type SaveDraftResult = 'saved' | 'consumed';
/** `id-taken`: the id already went out with different answers; the response needs a new id. */
export type EnqueueResult = 'queued' | 'already-queued' | 'id-taken';
export type LeaseResult = 'leased' | 'busy' | 'gone';

const MARK_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * How many completion marks one load looks at for pruning: some 5 ms in headless Chromium. A
 * kiosk that completes 500 responses a day and loads the page once a day then keeps 20 000 to
 * 30 000 marks, against the 15 000 of its last 30 days.
 */
const MARKS_PER_LOAD = 1000;

export class OfflineStore {
  readonly database: Database;

  constructor(database: Database) {
    this.database = database;
  }

  /**
   * Load-time housekeeping (expired, completed and orphaned drafts go, and a bounded share of
   * the completion marks is pruned) and everything the session shows.
   */
  load(surveyId: string, endpoint: string | null, now: number, draftTtlMs: number): Promise<LoadedState> {
    return this.database.transaction('readwrite', async (store) => {
      const metas = prefixRange(draftPrefix(surveyId));
      const answers = prefixRange(surveyAnswersPrefix(surveyId));
      const [metaKeys, metaValues, answerKeys, answerValues, outbox, undelivered, draftKeys, cursor] = await Promise.all([
        promisifyRequest(store.getAllKeys(metas)),
        promisifyRequest(store.getAll(metas)) as Promise<DraftMeta[]>,
        promisifyRequest(store.getAllKeys(answers)),
        promisifyRequest(store.getAll(answers)) as Promise<AnswerValue[]>,
        promisifyRequest(store.getAll(prefixRange(OUTBOX_PREFIX))) as Promise<OutboxItem[]>,
        promisifyRequest(store.getAll(prefixRange(UNDELIVERED_PREFIX))) as Promise<UndeliveredItem[]>,
        promisifyRequest(store.getAllKeys(prefixRange(DRAFT_PREFIX))),
        promisifyRequest(store.get(MARKS_CURSOR)) as Promise<string>,
      ]);
      // A kiosk leaves some 500 marks a day, and reading them all made every load slower (110 ms
      // at 20 000). The marks of this survey's drafts are looked up one by one, and for pruning
      // each load looks at MARKS_PER_LOAD marks of any survey, from where the last load stopped:
      // a survey no longer shown on the device has its marks pruned too.
      const marks = IDBKeyRange.bound(cursor > DONE_PREFIX && cursor < MARKS_END ? cursor : DONE_PREFIX, MARKS_END, true);
      const [marked, markKeys, markValues, completed] = await Promise.all([
        Promise.all(metaKeys.map((key) => promisifyRequest(store.count(`done${String(key).slice(5)}`)))),
        promisifyRequest(store.getAllKeys(marks, MARKS_PER_LOAD)),
        promisifyRequest(store.getAll(marks, MARKS_PER_LOAD)) as Promise<DoneMark[]>,
        promisifyRequest(store.count(prefixRange(donePrefix(surveyId)))),
      ]);
      const drafts = new Set(draftKeys);
      markValues.forEach((mark, index) => {
        const key = String(markKeys[index]);
        // A mark says a draft was completed: one written back under its id by a tab that still
        // held it is removed below. After 30 days the mark goes too (not after this page's
        // drafts' age limit: the mark may be another survey's, whose pages keep drafts longer),
        // but never while such a draft is left, which would then come back. One dated more than
        // 30 days ahead was made by a wrong clock, since put right: it goes as one would after
        // the clock jumped forward, not 30 days after that date.
        if (!(mark?.at >= now - MARK_TTL_MS && mark.at <= now + MARK_TTL_MS) && !drafts.has(`draft${key.slice(4)}`)) store.delete(key);
      });
      // Past the last mark, the next load starts again from the first.
      store.put(markKeys[MARKS_PER_LOAD - 1] ?? '', MARKS_CURSOR);
      const cutoff = now - draftTtlMs;
      const live = new Map<string, DraftMeta>();
      metaValues.forEach((meta, index) => {
        if (isMeta(meta) && meta.updatedAt >= cutoff && !marked[index]) live.set(meta.responseId, meta);
        else store.delete(metaKeys[index]!);
      });
      const byDraft = new Map<string, [string, AnswerValue][]>();
      answerKeys.forEach((key, index) => {
        const [responseId, questionId] = splitAnswerKey(String(key), surveyId);
        if (!live.has(responseId)) {
          // Left by a write that raced a completion or an expiry.
          store.delete(key);
          return;
        }
        const list = byDraft.get(responseId) ?? [];
        list.push([questionId, answerValues[index]!]);
        byDraft.set(responseId, list);
      });
      let newest: DraftMeta | undefined;
      for (const meta of live.values()) if (!newest || meta.updatedAt > newest.updatedAt) newest = meta;
      return {
        ...(newest ? { draft: { ...newest, answers: Object.fromEntries(byDraft.get(newest.responseId) ?? []) } } : {}),
        outbox: outbox.filter((item) => isItemFor(item, endpoint)),
        undelivered: undelivered.filter((item) => isItemFor(item, endpoint)),
        completed: completed > 0,
      };
    });
  }

  /**
   * Writes the answers named in `keys` (or the whole draft) with blind puts and deletes, and
   * commits at once: no read stands between the call and the writes, so a write started in
   * `pagehide` is complete before the page goes. Answers not named are left as another tab
   * may have set them. Values are read from `current()` when the transaction starts, so a
   * write that waited for a connection still stores the newest values.
   */
  saveDraft(current: () => Draft, keys: readonly string[] | 'all'): Promise<SaveDraftResult> {
    const { surveyId, responseId } = current();
    return this.database.transaction('readwrite', (store) => {
      const draft = current();
      // This tab completed or restarted the draft meanwhile: the write has nothing left to say.
      if (draft.responseId !== responseId) return 'saved';
      const { answers, ...meta } = draft;
      const consumed = promisifyRequest(store.count(doneKey(surveyId, responseId)));
      store.put(meta, draftKey(surveyId, responseId));
      if (keys === 'all') {
        store.delete(prefixRange(answersPrefix(surveyId, responseId)));
        for (const [questionId, value] of Object.entries(answers)) store.put(value, answerKey(surveyId, responseId, questionId));
      } else {
        for (const questionId of keys) {
          if (Object.hasOwn(answers, questionId)) store.put(answers[questionId], answerKey(surveyId, responseId, questionId));
          else store.delete(answerKey(surveyId, responseId, questionId));
        }
      }
      store.transaction.commit?.();
      // A completion mark means another tab finished this response; what was just written is
      // removed on the next load, and the caller carries on under a new id.
      return consumed.then((count): SaveDraftResult => (count > 0 ? 'consumed' : 'saved'));
    });
  }

  /** "Start over": every draft of the survey goes. */
  deleteDrafts(surveyId: string): Promise<void> {
    return this.database.transaction('readwrite', (store) => {
      store.delete(prefixRange(draftPrefix(surveyId)));
      store.delete(prefixRange(surveyAnswersPrefix(surveyId)));
    });
  }

  /**
   * Completion: the draft becomes an outbox item in one transaction, so the response is
   * never in both places or in neither.
   */
  enqueue(surveyId: string, draftResponseId: string, item: OutboxItem, now: number): Promise<EnqueueResult> {
    return this.database.transaction(
      'readwrite',
      async (store) => {
        const [queued, refused, mark] = await Promise.all([
          promisifyRequest(store.get(outboxKey(item.id))) as Promise<OutboxItem | undefined>,
          promisifyRequest(store.count(undeliveredKey(item.id))),
          promisifyRequest(store.count(doneKey(surveyId, item.id))),
        ]);
        if (queued) {
          if (queued.body !== item.body) return 'id-taken';
          removeDraft(store, surveyId, draftResponseId);
          return 'already-queued';
        }
        if (refused > 0 || mark > 0) return 'id-taken';
        store.put(item, outboxKey(item.id));
        // Also removes a draft under the item's id, of which there is none when it differs from
        // the draft's (a new id, given because this one was taken).
        markDone(store, surveyId, [item.id, draftResponseId], now);
        return 'queued';
      },
      'strict',
    );
  }

  /**
   * The outbox (oldest first) and the "not delivered" list for one endpoint, and which of
   * the `known` responses that left the outbox carry a completion mark (they were delivered,
   * rather than lost with the site's data).
   */
  lists(
    endpoint: string | null,
    known: readonly { surveyId: string; id: string }[] = [],
  ): Promise<{ outbox: OutboxItem[]; undelivered: UndeliveredItem[]; marked: Set<string> }> {
    return this.database.transaction('readonly', async (store) => {
      const [outbox, undelivered] = await Promise.all([
        promisifyRequest(store.getAll(prefixRange(OUTBOX_PREFIX))) as Promise<OutboxItem[]>,
        promisifyRequest(store.getAll(prefixRange(UNDELIVERED_PREFIX))) as Promise<UndeliveredItem[]>,
      ]);
      const present = new Set(outbox.map((item) => item?.id));
      const gone = known.filter(({ id }) => !present.has(id));
      const marks = await Promise.all(gone.map(({ surveyId, id }) => promisifyRequest(store.count(doneKey(surveyId, id)))));
      return {
        outbox: outbox.filter((item) => isItemFor(item, endpoint)).sort((a, b) => a.queuedAt - b.queuedAt),
        undelivered: undelivered.filter((item) => isItemFor(item, endpoint)),
        marked: new Set(gone.filter((_, index) => marks[index]! > 0).map(({ id }) => id)),
      };
    });
  }

  /** Claims an item for one sender where Web Locks are missing (a compare-and-set). */
  lease(id: string, owner: string, now: number, until: number): Promise<LeaseResult> {
    return this.database.transaction('readwrite', async (store) => {
      const item = (await promisifyRequest(store.get(outboxKey(id)))) as OutboxItem | undefined;
      if (!item) return 'gone';
      if (item.lease && item.lease.until > now && item.lease.owner !== owner) return 'busy';
      store.put({ ...item, lease: { owner, until } }, outboxKey(id));
      return 'leased';
    });
  }

  release(id: string, owner: string): Promise<void> {
    return this.database.transaction('readwrite', async (store) => {
      const item = (await promisifyRequest(store.get(outboxKey(id)))) as OutboxItem | undefined;
      if (item?.lease?.owner !== owner) return;
      const { lease: _, ...rest } = item;
      store.put(rest, outboxKey(id));
    });
  }

  /**
   * A 2xx was seen: the item leaves the outbox. `draftId` names the draft of a completion
   * made in memory while storage failed, which is still stored and must not come back.
   */
  delivered(surveyId: string, id: string, now: number, draftId: string = id): Promise<void> {
    // Default durability: should a crash undo this, the item is sent again and the server
    // recognises its Idempotency-Key. Only the completion itself must reach the disk first.
    return this.database.transaction('readwrite', (store) => {
      store.delete(outboxKey(id));
      markDone(store, surveyId, [id, draftId], now);
    });
  }

  /** The server refused the response for good: it moves to the "not delivered" list. */
  undeliver(surveyId: string, record: UndeliveredItem, now: number, draftId: string = record.id): Promise<void> {
    // As with `delivered`: undone by a crash, the item is only refused once more.
    return this.database.transaction('readwrite', (store) => {
      store.delete(outboxKey(record.id));
      store.put(record, undeliveredKey(record.id));
      markDone(store, surveyId, [record.id, draftId], now);
    });
  }
}

function removeDraft(store: IDBObjectStore, surveyId: string, responseId: string): void {
  store.delete(draftKey(surveyId, responseId));
  store.delete(prefixRange(answersPrefix(surveyId, responseId)));
}

function markDone(store: IDBObjectStore, surveyId: string, responseIds: string[], now: number): void {
  // To the hour, like the response's own times: the 30-day pruning needs no more, and to the
  // millisecond it tied a response id on a kiosk's device to the person who stood there.
  const done: DoneMark = { surveyId, at: now - (now % 36e5) };
  for (const responseId of new Set(responseIds)) {
    removeDraft(store, surveyId, responseId);
    store.put(done, doneKey(surveyId, responseId));
  }
}

function splitAnswerKey(key: string, surveyId: string): [string, string] {
  const rest = key.slice(surveyAnswersPrefix(surveyId).length);
  const colon = rest.indexOf(':');
  return [rest.slice(0, colon), rest.slice(colon + 1)];
}

function isMeta(value: unknown): value is DraftMeta {
  const meta = value as DraftMeta | null;
  return (
    typeof meta === 'object' &&
    meta !== null &&
    typeof meta.responseId === 'string' &&
    typeof meta.startedAt === 'string' &&
    typeof meta.updatedAt === 'number'
  );
}
