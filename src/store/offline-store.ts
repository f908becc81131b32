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
  type OutboxItem,
  type UndeliveredItem,
  OUTBOX_PREFIX,
  UNDELIVERED_PREFIX,
  doneKey,
  donePrefix,
  draftKey,
  draftPrefix,
  outboxKey,
  prefixRange,
  undeliveredKey,
} from './records.js';

export interface LoadedState {
  /** The most recently edited draft of the survey that is neither expired nor completed. */
  draft?: Draft;
  outbox: OutboxItem[];
  undelivered: UndeliveredItem[];
}

/** `consumed`: another tab completed this response id; the draft needs a new one. */
export type SaveDraftResult = 'saved' | 'consumed';
/** `id-taken`: the id already went out with different answers; the response needs a new id. */
export type EnqueueResult = 'queued' | 'already-queued' | 'id-taken';
export type LeaseResult = 'leased' | 'busy' | 'gone';

export class OfflineStore {
  readonly database: Database;

  constructor(database: Database) {
    this.database = database;
  }

  /** Load-time housekeeping (expired drafts and marks go) and everything the session shows. */
  load(surveyId: string, endpoint: string | null, now: number, draftTtlMs: number): Promise<LoadedState> {
    return this.database.transaction('readwrite', async (store) => {
      const drafts = prefixRange(draftPrefix(surveyId));
      const marks = prefixRange(donePrefix(surveyId));
      const [draftKeys, draftValues, markKeys, markValues, outbox, undelivered] = await Promise.all([
        promisifyRequest(store.getAllKeys(drafts)),
        promisifyRequest(store.getAll(drafts)),
        promisifyRequest(store.getAllKeys(marks)),
        promisifyRequest(store.getAll(marks)),
        promisifyRequest(store.getAll(prefixRange(OUTBOX_PREFIX))),
        promisifyRequest(store.getAll(prefixRange(UNDELIVERED_PREFIX))),
      ]);
      const cutoff = now - draftTtlMs;
      const completed = new Set<string>();
      markValues.forEach((mark: DoneMark, index) => {
        const key = String(markKeys[index]);
        // A mark only has to outlive the drafts it guards, and those expire at the same age.
        if (!(mark?.at >= cutoff)) store.delete(key);
        else completed.add(key.slice(donePrefix(surveyId).length));
      });
      let newest: Draft | undefined;
      draftValues.forEach((draft: Draft, index) => {
        if (!isDraft(draft) || draft.updatedAt < cutoff || completed.has(draft.responseId)) {
          store.delete(draftKeys[index]!);
        } else if (!newest || draft.updatedAt > newest.updatedAt) {
          newest = draft;
        }
      });
      return {
        ...(newest ? { draft: newest } : {}),
        outbox: (outbox as OutboxItem[]).filter((item) => item.endpoint === endpoint),
        undelivered: (undelivered as UndeliveredItem[]).filter((item) => item.endpoint === endpoint),
      };
    });
  }

  /**
   * Writes the answers named in `keys` (or the whole draft) into the stored draft. Values are
   * read from `current()` inside the transaction, so a write that was retried or overtaken
   * still stores the newest values. Keys not named are left as another tab may have set them.
   */
  saveDraft(current: () => Draft, keys: readonly string[] | 'all', pageChanged: boolean): Promise<SaveDraftResult> {
    const { surveyId, responseId } = current();
    return this.database.transaction('readwrite', async (store) => {
      const [mark, stored] = await Promise.all([
        promisifyRequest(store.get(doneKey(surveyId, responseId))),
        promisifyRequest(store.get(draftKey(surveyId, responseId))) as Promise<Draft | undefined>,
      ]);
      if (mark) return 'consumed';
      const draft = current();
      // This tab completed or restarted the draft meanwhile: the write has nothing left to say.
      if (draft.responseId !== responseId) return 'saved';
      if (stored && isDraft(stored) && keys !== 'all') {
        const answers = new Map<string, AnswerValue>(Object.entries(stored.answers));
        for (const key of keys) {
          if (Object.hasOwn(draft.answers, key)) answers.set(key, draft.answers[key]!);
          else answers.delete(key);
        }
        const merged: Draft = { ...stored, answers: Object.fromEntries(answers), updatedAt: draft.updatedAt };
        if (pageChanged) {
          if (draft.pageId === undefined) delete merged.pageId;
          else merged.pageId = draft.pageId;
        }
        store.put(merged, draftKey(surveyId, responseId));
      } else {
        store.put(draft, draftKey(surveyId, responseId));
      }
      return 'saved';
    });
  }

  /** "Start over": every draft of the survey goes. */
  deleteDrafts(surveyId: string): Promise<void> {
    return this.database.transaction('readwrite', (store) => {
      store.delete(prefixRange(draftPrefix(surveyId)));
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
          promisifyRequest(store.get(undeliveredKey(item.id))),
          promisifyRequest(store.get(doneKey(surveyId, item.id))),
        ]);
        if (queued) {
          if (queued.body !== item.body) return 'id-taken';
          store.delete(draftKey(surveyId, draftResponseId));
          return 'already-queued';
        }
        if (refused || mark) return 'id-taken';
        store.delete(draftKey(surveyId, draftResponseId));
        store.put(item, outboxKey(item.id));
        const done: DoneMark = { surveyId, at: now };
        store.put(done, doneKey(surveyId, item.id));
        if (draftResponseId !== item.id) store.put(done, doneKey(surveyId, draftResponseId));
        return 'queued';
      },
      'strict',
    );
  }

  /**
   * The outbox (oldest first) and the "not delivered" list for one endpoint, and which of
   * the `completed` responses carry a completion mark (gone from the outbox because they
   * were delivered, rather than because the site's data was cleared).
   */
  lists(
    endpoint: string | null,
    completed: readonly { surveyId: string; id: string }[] = [],
  ): Promise<{ outbox: OutboxItem[]; undelivered: UndeliveredItem[]; marked: Set<string> }> {
    return this.database.transaction('readonly', async (store) => {
      const [outbox, undelivered, marks] = await Promise.all([
        promisifyRequest(store.getAll(prefixRange(OUTBOX_PREFIX))) as Promise<OutboxItem[]>,
        promisifyRequest(store.getAll(prefixRange(UNDELIVERED_PREFIX))) as Promise<UndeliveredItem[]>,
        Promise.all(completed.map(({ surveyId, id }) => promisifyRequest(store.count(doneKey(surveyId, id))))),
      ]);
      return {
        outbox: outbox.filter((item) => item.endpoint === endpoint).sort((a, b) => a.queuedAt - b.queuedAt),
        undelivered: undelivered.filter((item) => item.endpoint === endpoint),
        marked: new Set(completed.filter((_, index) => marks[index]! > 0).map(({ id }) => id)),
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
    return this.database.transaction(
      'readwrite',
      (store) => {
        store.delete(outboxKey(id));
        const done: DoneMark = { surveyId, at: now };
        for (const responseId of new Set([id, draftId])) {
          store.delete(draftKey(surveyId, responseId));
          store.put(done, doneKey(surveyId, responseId));
        }
      },
      'strict',
    );
  }

  /** The server refused the response for good: it moves to the "not delivered" list. */
  undeliver(surveyId: string, record: UndeliveredItem, now: number, draftId: string = record.id): Promise<void> {
    return this.database.transaction(
      'readwrite',
      (store) => {
        store.delete(outboxKey(record.id));
        store.put(record, undeliveredKey(record.id));
        const done: DoneMark = { surveyId, at: now };
        for (const responseId of new Set([record.id, draftId])) {
          store.delete(draftKey(surveyId, responseId));
          store.put(done, doneKey(surveyId, responseId));
        }
      },
      'strict',
    );
  }
}

function isDraft(value: unknown): value is Draft {
  const draft = value as Draft | null;
  return (
    typeof draft === 'object' &&
    draft !== null &&
    typeof draft.responseId === 'string' &&
    typeof draft.startedAt === 'string' &&
    typeof draft.updatedAt === 'number' &&
    typeof draft.answers === 'object' &&
    draft.answers !== null
  );
}
