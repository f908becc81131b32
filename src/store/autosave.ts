/**
 * The draft being filled, kept in memory and written to IndexedDB as it is given: a choice
 * at once; text as it is typed, one write at a time (a keystroke during a write is carried
 * by the next one), or after a pause when a debounce is configured; and at once whenever
 * the caller flushes (blur, pagehide, hidden). Writing as typed rather than at pagehide is
 * what keeps text in WebKit, which drops IndexedDB writes started while a page unloads.
 * When storage fails the memory copy stays authoritative and the unsaved answers are
 * written on the next attempt.
 */
import type { AnswerValue } from '../schema/index.js';
import type { Clock } from './clock.js';
import type { StorageError } from './database.js';
import type { OfflineStore } from './offline-store.js';
import type { Draft } from './records.js';

export interface AutosaveOptions {
  store: OfflineStore;
  surveyId: string;
  clock: Clock;
  newId: () => string;
  /** Pause after the last keystroke before text is written; 0 (default): as typed. */
  debounceMs?: number;
  onSaved: () => void;
  onFailed: (error: StorageError) => void;
}

export const TEXT_DEBOUNCE_MS = 0;
/** With a pause: the longest a stream of keystrokes may go unsaved. */
export const TEXT_MAX_WAIT_MS = 1000;

export class Autosave {
  readonly #options: AutosaveOptions;
  // Set by reset(), from the constructor.
  #responseId!: string;
  #startedAt!: string;
  #answers = new Map<string, AnswerValue>();
  #pageId: string | undefined;
  #updatedAt!: number;
  #dirty = new Set<string>();
  #pageDirty = false;
  #whole = false;
  #timer: unknown;
  #firstChangeAt: number | undefined;
  #pending: { promise: Promise<void>; resolve: (done: Promise<void>) => void } | undefined;
  #writes = new Set<Promise<void>>();
  /** Text arrived while a write was under way: write again when it settles. */
  #behind = false;
  #stopped = false;

  constructor(options: AutosaveOptions) {
    this.#options = options;
    this.reset();
  }

  get responseId(): string {
    return this.#responseId;
  }

  get startedAt(): string {
    return this.#startedAt;
  }

  /** Nothing answered yet in this draft. */
  get pristine(): boolean {
    return this.#answers.size === 0 && this.#pageId === undefined;
  }

  draft(): Draft {
    return {
      surveyId: this.#options.surveyId,
      responseId: this.#responseId,
      answers: Object.fromEntries(this.#answers),
      ...(this.#pageId === undefined ? {} : { pageId: this.#pageId }),
      startedAt: this.#startedAt,
      updatedAt: this.#updatedAt,
    };
  }

  /** Continue a draft found on load. */
  adopt(draft: Draft): void {
    this.#cancelTimer();
    this.#responseId = draft.responseId;
    this.#startedAt = draft.startedAt;
    this.#answers = new Map(Object.entries(draft.answers));
    this.#pageId = draft.pageId;
    this.#updatedAt = draft.updatedAt;
    this.#forgetChanges();
  }

  /** A new, empty draft (after completion or "start over"); nothing is written until the next answer. */
  reset(): void {
    this.#cancelTimer();
    this.#responseId = this.#options.newId();
    this.#updatedAt = this.#options.clock.now();
    this.#startedAt = new Date(this.#updatedAt).toISOString();
    this.#answers = new Map();
    this.#pageId = undefined;
    this.#forgetChanges();
  }

  set(questionId: string, value: AnswerValue | undefined, immediate: boolean): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (value === undefined) this.#answers.delete(questionId);
    else this.#answers.set(questionId, value);
    this.#dirty.add(questionId);
    this.#updatedAt = this.#options.clock.now();
    return immediate ? this.flush() : this.#schedule();
  }

  setPage(pageId: string | undefined): Promise<void> {
    if (this.#stopped || pageId === this.#pageId) return this.flush();
    this.#pageId = pageId;
    this.#pageDirty = true;
    this.#updatedAt = this.#options.clock.now();
    return this.flush();
  }

  /** Writes what is pending now; resolves when every write so far has committed or failed. */
  flush(): Promise<void> {
    this.#cancelTimer();
    const waiting = this.#pending;
    this.#pending = undefined;
    this.#startWrite();
    const done = Promise.all(this.#writes).then(() => undefined);
    waiting?.resolve(done);
    return done;
  }

  /** Writes the whole draft again: storage came back, or the stored copy may be gone. */
  rewrite(): Promise<void> {
    if (!this.pristine) this.#whole = true;
    return this.flush();
  }

  stop(): void {
    this.#stopped = true;
    this.#behind = false;
    this.#cancelTimer();
    this.#pending?.resolve(Promise.resolve());
    this.#pending = undefined;
  }

  #startWrite(): Promise<void> | undefined {
    if (this.#stopped || !(this.#whole || this.#pageDirty || this.#dirty.size > 0)) return undefined;
    const keys = this.#whole ? 'all' : [...this.#dirty];
    const pageChanged = this.#pageDirty;
    this.#forgetChanges();
    const write = this.#write(keys, pageChanged);
    this.#writes.add(write);
    void write.then(() => {
      this.#writes.delete(write);
      if (this.#behind) {
        this.#behind = false;
        void this.flush();
      }
    });
    return write;
  }

  #schedule(): Promise<void> {
    const { clock } = this.#options;
    const debounce = this.#options.debounceMs ?? TEXT_DEBOUNCE_MS;
    if (debounce <= 0) {
      if (this.#writes.size === 0) return this.flush();
      this.#behind = true;
    } else {
      const now = clock.now();
      this.#firstChangeAt ??= now;
      if (this.#timer !== undefined) clock.clearTimeout(this.#timer);
      const wait = Math.max(0, Math.min(debounce, this.#firstChangeAt + TEXT_MAX_WAIT_MS - now));
      this.#timer = clock.setTimeout(() => {
        this.#timer = undefined;
        void this.flush();
      }, wait);
    }
    if (!this.#pending) {
      let resolve!: (done: Promise<void>) => void;
      const promise = new Promise<Promise<void>>((r) => (resolve = r)).then((done) => done);
      this.#pending = { promise, resolve };
    }
    return this.#pending.promise;
  }

  #write(keys: readonly string[] | 'all', pageChanged: boolean): Promise<void> {
    const { store, onSaved, onFailed, newId } = this.#options;
    const responseId = this.#responseId;
    return store
      .saveDraft(() => this.draft(), keys)
      .then(
        (result) => {
          if (result === 'saved') return onSaved();
          if (responseId !== this.#responseId) return;
          // Another tab completed this response: what this tab holds becomes a new response.
          this.#responseId = newId();
          this.#whole = true;
          return this.#startWrite();
        },
        (error: StorageError) => {
          if (responseId !== this.#responseId) return onFailed(error);
          if (keys === 'all') this.#whole = true;
          else for (const key of keys) this.#dirty.add(key);
          this.#pageDirty ||= pageChanged;
          onFailed(error);
        },
      );
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) this.#options.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#firstChangeAt = undefined;
  }

  #forgetChanges(): void {
    this.#dirty.clear();
    this.#pageDirty = false;
    this.#whole = false;
  }
}
