/**
 * OfflineSession: everything `<ankieta-survey>`'s controller needs to keep a respondent's
 * answers on the device and deliver the completed response exactly once. UI-free: it
 * reports states and events; the controller translates them.
 *
 *   const session = new OfflineSession({ surveyId, endpoint });
 *   const draft = await session.restore();          // also starts delivery
 *   session.saveAnswer('overall', 4);               // a choice: written at once
 *   session.saveAnswer('comments', text, { immediate: false });   // typing: one write at a time
 *   await session.complete(model.toResponse({ id: session.responseId, startedAt: session.startedAt, … }));
 *   session.dispose();
 *
 * Nothing here throws or rejects: storage failures leave the form working in memory (and
 * storage is tried again on the next operation), delivery failures are retried or reported.
 */
import { uuid } from '../engine/uuid.js';
import type { AnswerValue, Response } from '../schema/index.js';
import { Autosave } from '../store/autosave.js';
import { type Clock, systemClock } from '../store/clock.js';
import { DEFAULT_OPEN_TIMEOUT_MS, Database, StorageError, type StorageFailure } from '../store/database.js';
import { OfflineStore } from '../store/offline-store.js';
import type { Draft, OutboxItem, UndeliveredItem } from '../store/records.js';
import { Delivery, type DeliveryReport, type OutboxSource } from './delivery.js';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './http.js';
import { toJson } from '../schema/builtins.js';

export type SessionState =
  'idle' | 'saved' | 'offline' | 'sending' | 'sent' | 'waiting' | 'not-delivered' | 'forbidden' | 'storage-unavailable';

export interface SessionStatus {
  /** What happened last, for the live region. */
  state: SessionState;
  /** Completed responses of this survey on this device waiting for this endpoint (the session sends the other surveys' too). */
  waiting: number;
  /** Responses the server refused for good, kept here for export. */
  undelivered: number;
  /** False while IndexedDB cannot be used and answers live only in this page. */
  storageAvailable: boolean;
}

export interface QueuedDetail {
  responseId: string;
  waiting: number;
}

export interface SentDetail {
  responseId: string;
}

export interface SessionErrorDetail {
  kind: 'storage' | 'delivery';
  message: string;
  /** HTTP status of a refused delivery. */
  status?: number;
  /** Which response the server refused. */
  responseId?: string;
  /** What went wrong with storage. */
  failure?: StorageFailure;
}

export interface OfflineSessionEventMap {
  status: CustomEvent<SessionStatus>;
  queued: CustomEvent<QueuedDetail>;
  sent: CustomEvent<SentDetail>;
  error: CustomEvent<SessionErrorDetail>;
}

export interface OfflineSessionOptions {
  /** The survey definition's id: the key of its drafts. */
  surveyId: string;
  /** Where completed responses are POSTed; absent: they only stay on this device. */
  endpoint?: string | null;
  /** Ask the browser not to evict the outbox (`navigator.storage.persist()`). */
  persist?: boolean;
  /**
   * Drafts untouched for longer are removed on load. Default: never, as progress is not to be
   * discarded after a time (and a device clock set a year ahead would have removed every draft
   * at once). Outbox items never expire.
   */
  draftTtlDays?: number;
  /** One database per Ankieta on the origin (default `ankieta`); tests use a fresh one each. */
  databaseName?: string;
  /** Longest wait for IndexedDB to open before carrying on in memory (default 3000). */
  openTimeoutMs?: number;
  /** Client timeout of one POST (default 15000). */
  requestTimeoutMs?: number;
  /**
   * Pause after the last keystroke before text is written. Default 0: written as typed, one
   * write at a time (WebKit drops writes started while a page unloads, so waiting risks text).
   */
  textDebounceMs?: number;
  /** For tests: `null` is a browser without IndexedDB. */
  indexedDB?: IDBFactory | null;
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
  /** For tests: `null` is a browser without Web Locks. */
  locks?: LockManager | null;
  /** For tests: what `persist()` is called on. */
  storage?: Pick<StorageManager, 'persist'> | null;
}

export interface SaveOptions {
  /**
   * False while typing: keystrokes that come during a write are written together by the
   * next one (or after the configured pause). Default true: a write of its own at once.
   */
  immediate?: boolean;
}

export const DEFAULT_DRAFT_TTL_DAYS = Infinity;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface OfflineSession {
  addEventListener<K extends keyof OfflineSessionEventMap>(
    type: K,
    listener: (event: OfflineSessionEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof OfflineSessionEventMap>(
    type: K,
    listener: (event: OfflineSessionEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

export class OfflineSession extends EventTarget {
  readonly surveyId: string;
  /**
   * A response of this survey was completed on this device in the last 30 days, as IndexedDB
   * has it: a browser killed right after sending may lose the page's localStorage flag.
   */
  completedBefore = false;
  /** The absolute endpoint URL, or null when responses only stay on the device. */
  readonly endpoint: string | null;
  readonly #options: OfflineSessionOptions;
  readonly #clock: Clock;
  readonly #database: Database;
  readonly #store: OfflineStore;
  readonly #autosave: Autosave;
  readonly #delivery: Delivery | undefined;
  readonly #listeners = new AbortController();
  /** Web Locks, or null where they are missing and items are leased instead. */
  readonly #locks: LockManager | null;
  readonly #owner = uuid();
  #status: SessionStatus = { state: 'idle', waiting: 0, undelivered: 0, storageAvailable: true };
  /** The outbox for this endpoint as last seen, plus completions held in memory. */
  #outbox = new Map<string, OutboxItem>();
  /** Completed while storage failed: not in IndexedDB yet. */
  #inMemory = new Map<string, { item: OutboxItem; draftId: string }>();
  #undelivered = new Map<string, UndeliveredItem>();
  /** Refused or delivered while storage failed: the move is written when storage returns. */
  #unsavedUndelivered = new Map<string, string>();
  #unsavedDelivered = new Map<string, { surveyId: string; draftId: string }>();
  /** Completed here (or found on load): a `sent` is due when it leaves the outbox. */
  #mine = new Set<string>();
  #sendingFromMemory = new Set<string>();
  #passDelivered = false;
  #passRejected = false;
  #restoring: Promise<Draft | undefined> | undefined;
  #persisted: boolean | undefined;
  #disposed = false;

  constructor(options: OfflineSessionOptions) {
    super();
    this.#options = options;
    this.surveyId = options.surveyId;
    this.#clock = options.clock ?? systemClock;
    this.endpoint = resolveEndpoint(options.endpoint);
    this.#locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;
    this.#database = new Database({
      name: options.databaseName ?? 'ankieta',
      openTimeoutMs: options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS,
      onReconnect: () => this.#writeAgain(),
      indexedDB: options.indexedDB,
    });
    this.#store = new OfflineStore(this.#database);
    this.#autosave = new Autosave({
      store: this.#store,
      surveyId: this.surveyId,
      clock: this.#clock,
      newId: uuid,
      debounceMs: options.textDebounceMs,
      onSaved: () => {
        this.#storageWorked();
        if (['idle', 'saved', 'sent', 'storage-unavailable'].includes(this.#status.state)) this.#setStatus({ state: 'saved' });
      },
      onFailed: (error) => this.#storageFailed(error),
    });
    if (this.endpoint) {
      this.#delivery = new Delivery({
        endpoint: this.endpoint,
        source: this.#source(),
        report: (report) => this.#onDelivery(report),
        clock: this.#clock,
        random: options.random ?? Math.random,
        fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
        locks: this.#locks,
        lockName: `ankieta-outbox:${this.#database.name}`,
        requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        isOnline: () => globalThis.navigator?.onLine !== false,
      });
    }
    this.#listen();
  }

  get status(): SessionStatus {
    return { ...this.#status };
  }

  /** The id the response being filled will carry (use it in `toResponse`). */
  get responseId(): string {
    return this.#autosave.responseId;
  }

  /** When the response being filled was started (ISO 8601), kept across reloads. */
  get startedAt(): string {
    return this.#autosave.startedAt;
  }

  /**
   * Whether the browser agreed to keep the data from eviction (with `persist`): undefined
   * until it answers, which in Firefox takes the user's click.
   */
  get persisted(): boolean | undefined {
    return this.#persisted;
  }

  /**
   * Loads the newest draft of this survey (removing expired ones) and the outbox, requests
   * persistent storage if asked to, and starts delivery. Resolves undefined when there is
   * no draft or storage cannot be used.
   */
  restore(): Promise<Draft | undefined> {
    this.#restoring ??= this.#restore();
    return this.#restoring;
  }

  saveAnswer(questionId: string, value: AnswerValue | undefined, options: SaveOptions = {}): Promise<void> {
    if (this.#disposed) return Promise.resolve();
    return this.#autosave.set(questionId, value, options.immediate ?? true);
  }

  savePage(pageId: string | undefined): Promise<void> {
    if (this.#disposed) return Promise.resolve();
    return this.#autosave.setPage(pageId);
  }

  /** Writes pending text now (wire it to blur); pagehide and hidden are wired here. */
  flushDraft(): Promise<void> {
    return this.#autosave.flush();
  }

  /**
   * The draft was completed in another tab: this one goes on with a new draft, deleting nothing
   * (another tab may already have started one).
   */
  forgetDraft(): void {
    this.#autosave.reset();
  }

  /** The draft being filled, as it would be saved (kept by "Zacznij od nowa" for its undo). */
  get draft(): Draft {
    return this.#autosave.draft();
  }

  /**
   * "Zacznij od nowa" undone: the cleared draft goes on under its own id and start time, written
   * again. Under a new id, a copy open in another tab would not know when it was sent.
   */
  resumeDraft(draft: Draft): Promise<void> {
    if (this.#disposed) return Promise.resolve();
    this.#autosave.adopt(draft);
    return this.#autosave.rewrite();
  }

  /**
   * The draft was completed in another tab, but this one holds answers of its own: they are
   * written again, which moves them to a new response id (the completed one is taken).
   */
  keepDraft(): Promise<void> {
    return this.#autosave.rewrite();
  }

  /** "Start over": drops every draft of this survey; the next answer begins a new response. */
  async startOver(): Promise<void> {
    if (this.#disposed) return;
    this.#autosave.reset();
    try {
      await this.#store.deleteDrafts(this.surveyId);
      this.#storageWorked();
    } catch (error) {
      this.#storageFailed(error);
    }
    if (this.#status.state === 'saved') this.#setStatus({ state: 'idle' });
  }

  /**
   * Completion: in one transaction the draft becomes an outbox item, then delivery starts.
   * Resolves with what was queued; its id differs from `response.id` only when that id was
   * already completed elsewhere (the same draft finished in another tab).
   */
  async complete(response: Response): Promise<Response> {
    if (this.#disposed) return response;
    const draftId = this.#autosave.responseId;
    this.#autosave.reset();
    let queued = response;
    let item = this.#item(queued);
    try {
      if ((await this.#store.enqueue(this.surveyId, draftId, item, this.#clock.now())) === 'id-taken') {
        queued = { ...response, id: uuid() };
        item = this.#item(queued);
        await this.#store.enqueue(this.surveyId, draftId, item, this.#clock.now());
      }
      this.#storageWorked();
    } catch (error) {
      this.#inMemory.set(item.id, { item, draftId });
      this.#storageFailed(error);
    }
    this.#outbox.set(item.id, item);
    this.#mine.add(item.id);
    // Without an endpoint the response stays here: "saved on this device" only if it was stored.
    const kept = this.#status.storageAvailable ? 'saved' : 'storage-unavailable';
    this.#setStatus({
      state: this.#delivery
        ? this.#delivery.isStopped(response.surveyId)
          ? 'forbidden'
          : globalThis.navigator?.onLine === false
            ? 'offline'
            : // Posted at once: "sending" now, not "waiting" for the few ms until the pass starts
              // (a screen reader heard "1 response waiting, it will be sent automatically" first).
              this.#delivery.postsNow(response.surveyId)
              ? 'sending'
              : 'waiting'
        : kept,
    });
    this.#emit('queued', { responseId: item.id, waiting: this.#status.waiting });
    void this.#delivery?.flush('queued');
    return queued;
  }

  /** Delivers now: after 401/403/404, or when the respondent presses "try again". */
  retry(): Promise<void> {
    return this.#delivery?.flush('retry') ?? Promise.resolve();
  }

  /**
   * The "not delivered" list and the responses still waiting, as JSON for the respondent
   * or the site owner to download and hand over.
   */
  exportUndelivered(): string {
    // To the hour, as the responses' own times: to the millisecond, the file handed to the site
    // owner would say exactly when each was sent.
    const iso = (ms: number) => new Date(ms - (ms % 36e5)).toISOString();
    return toJson(
      {
        format: 'ankieta-undelivered',
        version: 1,
        exportedAt: iso(this.#clock.now()),
        endpoint: this.endpoint,
        undelivered: [...this.#undelivered.values()].filter(this.#ours).map((item) => ({
          response: parseBody(item.body),
          status: item.status,
          detail: item.detail,
          queuedAt: iso(item.queuedAt),
          failedAt: iso(item.failedAt),
        })),
        waiting: [...this.#outbox.values()]
          .filter(this.#ours)
          .map((item) => ({ response: parseBody(item.body), queuedAt: iso(item.queuedAt) })),
      },
      2,
    );
  }

  /** Stops listening and sending, writes pending text, then closes the database. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#listeners.abort();
    this.#delivery?.dispose();
    const written = this.#autosave.flush();
    this.#autosave.stop();
    void written.then(() => this.#database.close());
  }

  async #restore(): Promise<Draft | undefined> {
    let draft: Draft | undefined;
    try {
      const ttlMs = (this.#options.draftTtlDays ?? DEFAULT_DRAFT_TTL_DAYS) * DAY_MS;
      const state = await this.#store.load(this.surveyId, this.endpoint, this.#clock.now(), ttlMs);
      for (const item of state.outbox) {
        this.#outbox.set(item.id, item);
        if (this.#ours(item)) this.#mine.add(item.id);
      }
      for (const item of state.undelivered) this.#undelivered.set(item.id, item);
      this.completedBefore = state.completed;
      // Answers given before the stored draft could be read win over it.
      if (state.draft && this.#autosave.pristine) {
        this.#autosave.adopt(state.draft);
        draft = this.#autosave.draft();
      }
    } catch (error) {
      this.#storageFailed(error);
    }
    this.#setStatus({});
    if (this.#options.endpoint && !this.endpoint) {
      this.#emit('error', {
        kind: 'delivery',
        message: `the endpoint "${this.#options.endpoint}" is not a URL; responses stay on this device`,
      });
    }
    // Not awaited: Firefox asks the user, and the answer may never come.
    if (this.#options.persist) void this.#requestPersist();
    void this.#delivery?.flush('start');
    return draft;
  }

  async #requestPersist(): Promise<void> {
    const storage = this.#options.storage === undefined ? globalThis.navigator?.storage : this.#options.storage;
    try {
      // No StorageManager, or one without persist(): the call throws, and the answer is no.
      this.#persisted = await storage!.persist();
    } catch {
      this.#persisted = false;
    }
  }

  #item(response: Response): OutboxItem {
    return {
      id: response.id,
      surveyId: response.surveyId,
      endpoint: this.endpoint,
      body: toJson(response),
      queuedAt: this.#clock.now(),
    };
  }

  #source(): OutboxSource {
    return {
      items: () => this.#items(),
      claim: async (item, until) => {
        if (this.#inMemory.has(item.id)) {
          this.#sendingFromMemory.add(item.id);
          return true;
        }
        // With Web Locks the lock is the claim; the lease is for browsers without them.
        if (this.#locks) return true;
        try {
          const result = await this.#store.lease(item.id, this.#owner, this.#clock.now(), until);
          this.#storageWorked();
          return result === 'leased';
        } catch (error) {
          this.#storageFailed(error);
          return false;
        }
      },
      unclaim: async (item) => {
        if (this.#sendingFromMemory.delete(item.id)) return;
        if (this.#locks) return;
        try {
          await this.#store.release(item.id, this.#owner);
        } catch (error) {
          this.#storageFailed(error);
        }
      },
      delivered: async (item) => {
        const held = this.#inMemory.get(item.id);
        this.#inMemory.delete(item.id);
        this.#sendingFromMemory.delete(item.id);
        this.#outbox.delete(item.id);
        const mine = this.#mine.delete(item.id);
        if (mine) this.#passDelivered = true;
        const draftId = held?.draftId ?? item.id;
        try {
          await this.#store.delivered(item.surveyId, item.id, this.#clock.now(), draftId);
          this.#storageWorked();
        } catch (error) {
          // Still in IndexedDB it would only be sent again and deduplicated by the server;
          // held in memory its completion mark must still be written, or its draft returns.
          if (held) this.#unsavedDelivered.set(item.id, { surveyId: item.surveyId, draftId });
          this.#storageFailed(error);
        }
        this.#setStatus({});
        if (mine) this.#emit('sent', { responseId: item.id });
      },
      rejected: async (item, status, detail) => {
        const held = this.#inMemory.get(item.id);
        this.#inMemory.delete(item.id);
        this.#sendingFromMemory.delete(item.id);
        this.#outbox.delete(item.id);
        const ours = this.#own(item);
        this.#mine.delete(item.id);
        if (ours) this.#passRejected = true;
        const { lease: _, ...rest } = item;
        const record: UndeliveredItem = { ...rest, failedAt: this.#clock.now(), status, detail };
        this.#undelivered.set(item.id, record);
        try {
          await this.#store.undeliver(item.surveyId, record, this.#clock.now(), held?.draftId);
          this.#storageWorked();
        } catch (error) {
          this.#unsavedUndelivered.set(item.id, held?.draftId ?? item.id);
          this.#storageFailed(error);
        }
        this.#setStatus(ours ? { state: 'not-delivered' } : {});
        if (ours)
          this.#emit('error', { kind: 'delivery', status, responseId: item.id, message: `HTTP ${status}${detail ? `: ${detail}` : ''}` });
      },
    };
  }

  async #items(): Promise<OutboxItem[]> {
    await this.#writeHeldBack();
    const known = [...this.#outbox.values()].filter((item) => !this.#inMemory.has(item.id));
    let lists: Awaited<ReturnType<OfflineStore['lists']>>;
    try {
      lists = await this.#store.lists(this.endpoint, known);
    } catch (error) {
      this.#storageFailed(error);
      return [...this.#inMemory.values()].map(({ item }) => item);
    }
    const present = new Set(lists.outbox.map((item) => item.id));
    const refused = new Set(lists.undelivered.map((item) => item.id));
    for (const item of known) {
      if (present.has(item.id)) continue;
      if (!lists.marked.has(item.id)) {
        // Gone without a completion mark: the site's data was cleared under us. This page
        // still holds the response, so it goes back into the outbox.
        this.#inMemory.set(item.id, { item, draftId: item.id });
      } else if (this.#mine.delete(item.id) && !refused.has(item.id)) {
        // Completed here and delivered by another tab.
        this.#passDelivered = true;
        this.#emit('sent', { responseId: item.id });
      }
    }
    const held = [...this.#inMemory.values()].map(({ item }) => item);
    this.#outbox = new Map([...lists.outbox, ...held].map((item) => [item.id, item]));
    for (const item of lists.undelivered) this.#undelivered.set(item.id, item);
    this.#setStatus({});
    return [...this.#outbox.values()].sort((a, b) => a.queuedAt - b.queuedAt);
  }

  /** Writes what storage could not take before: completions, deliveries and refusals made in memory. */
  async #writeHeldBack(): Promise<void> {
    let wrote = false;
    try {
      for (const [id, { item, draftId }] of this.#inMemory) {
        // An item on the wire stays in memory until its reply, so no other tab can pick it up meanwhile.
        if (this.#sendingFromMemory.has(id)) continue;
        let stored = item;
        if ((await this.#store.enqueue(this.surveyId, draftId, item, this.#clock.now())) === 'id-taken') {
          const response = { ...(JSON.parse(item.body) as Response), id: uuid() };
          stored = { ...item, id: response.id, body: toJson(response) };
          await this.#store.enqueue(this.surveyId, draftId, stored, this.#clock.now());
          this.#outbox.delete(id);
          this.#mine.delete(id);
          this.#mine.add(stored.id);
        }
        this.#inMemory.delete(id);
        this.#outbox.set(stored.id, stored);
        wrote = true;
      }
      for (const [id, { surveyId, draftId }] of this.#unsavedDelivered) {
        await this.#store.delivered(surveyId, id, this.#clock.now(), draftId);
        this.#unsavedDelivered.delete(id);
        wrote = true;
      }
      for (const [id, draftId] of this.#unsavedUndelivered) {
        const record = this.#undelivered.get(id);
        if (record) await this.#store.undeliver(record.surveyId, record, this.#clock.now(), draftId);
        this.#unsavedUndelivered.delete(id);
        wrote = true;
      }
      // Written after an open got through again (nothing else may write: a completed form has no draft).
      if (wrote) this.#storageWorked();
    } catch (error) {
      this.#storageFailed(error);
    }
  }

  #onDelivery(report: DeliveryReport): void {
    // Another survey's response, sent on the way, is no news here (see #setStatus); another
    // survey's refusal (the collector does not know that survey) stops only that survey.
    if ((report.type === 'sending' || report.type === 'forbidden') && !this.#own(report)) return;
    let next: SessionState = report.type;
    if (report.type === 'idle') {
      const { state } = this.#status;
      next = state;
      if ([...this.#outbox.values()].some(this.#ours)) next = state === 'forbidden' ? state : 'waiting';
      else if (this.#passRejected) next = 'not-delivered';
      else if (this.#passDelivered || state === 'sending' || state === 'waiting' || state === 'offline') next = 'sent';
    }
    // A pass ends with anything but "sending".
    if (report.type !== 'sending') this.#passDelivered = this.#passRejected = false;
    this.#setStatus({ state: next });
    if (report.type === 'forbidden')
      this.#emit('error', {
        kind: 'delivery',
        status: report.status,
        message: `HTTP ${report.status}${report.detail ? `: ${report.detail}` : ''}`,
      });
  }

  /** After a write only: reads succeed where writes fail (a full quota). */
  #storageWorked(): void {
    if (this.#status.storageAvailable) return;
    this.#setStatus({ storageAvailable: true, ...(this.#status.state === 'storage-unavailable' ? { state: 'idle' } : {}) });
    this.#writeAgain();
  }

  /**
   * Storage is back (a write worked, a lost connection was replaced, or an open got through after
   * IndexedDB hung): write what only memory held. The draft first, so nothing typed is lost.
   */
  #writeAgain(): void {
    void this.#autosave.rewrite();
    if (this.#inMemory.size + this.#unsavedDelivered.size + this.#unsavedUndelivered.size > 0) {
      if (this.#delivery) void this.#delivery.flush('queued');
      else void this.#writeHeldBack();
    }
  }

  #storageFailed(error: unknown): void {
    if (this.#disposed) return;
    // Said once: a failure on every later write would announce it again and again.
    if (!this.#status.storageAvailable) return;
    this.#setStatus({ storageAvailable: false, state: 'storage-unavailable' });
    const failure = error instanceof StorageError ? error.failure : 'failed';
    this.#emit('error', { kind: 'storage', failure, message: error instanceof Error ? error.message : String(error) });
  }

  /**
   * Whether a response is this survey's. Every survey on one collector sends what waits for it,
   * but a refused response and its answers are shown and handed over only in its own survey: on
   * a shared device they are someone else's.
   */
  #ours = (item: { surveyId: string }) => item.surveyId === this.surveyId;

  /** Whether what delivery reports on is this survey's, or was completed here. */
  #own = ({ id, surveyId }: { id: string; surveyId: string }) => this.#mine.has(id) || surveyId === this.surveyId;

  #setStatus(change: Partial<SessionStatus>): void {
    const waiting = [...this.#outbox.values()].filter(this.#ours).length;
    // Sending what another survey left waiting is no news to this survey's respondent: once
    // nothing of its own waits, it hears that its responses went, and nothing after.
    const delivering = (state?: SessionState) => ['sending', 'waiting', 'offline'].includes(state!);
    if (!waiting && delivering(change.state)) change.state = delivering(this.#status.state) ? 'sent' : this.#status.state;
    const next: SessionStatus = {
      ...this.#status,
      ...change,
      waiting,
      undelivered: [...this.#undelivered.values()].filter(this.#ours).length,
    };
    const previous = this.#status;
    this.#status = next;
    // Four plain fields, always in the same order: equal JSON is an equal status.
    if (JSON.stringify(previous) !== JSON.stringify(next)) this.#emit('status', { ...next });
  }

  #emit<K extends keyof OfflineSessionEventMap>(type: K, detail: OfflineSessionEventMap[K]['detail']): void {
    if (this.#disposed) return;
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  #listen(): void {
    const signal = this.#listeners.signal;
    const win = globalThis.window;
    const doc = globalThis.document;
    if (!win || !doc) return;
    win.addEventListener('online', () => void this.#delivery?.flush('online'), { signal });
    win.addEventListener(
      'offline',
      () => {
        if (this.#status.waiting > 0) this.#setStatus({ state: 'offline' });
      },
      { signal },
    );
    // pagehide and unload are unreliable on mobile, which is why answers are written as
    // they are given; these only catch text still waiting for its pause.
    win.addEventListener('pagehide', () => void this.#autosave.flush(), { signal });
    doc.addEventListener(
      'visibilitychange',
      () => {
        if (doc.visibilityState === 'hidden') void this.#autosave.flush();
        else void this.#delivery?.flush('visible');
      },
      { signal },
    );
  }
}

function resolveEndpoint(endpoint: string | null | undefined): string | null {
  if (!endpoint) return null;
  try {
    return new URL(endpoint, globalThis.document?.baseURI ?? globalThis.location?.href).href;
  } catch {
    return null;
  }
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
