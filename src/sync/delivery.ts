/**
 * The outbox sender: one pass sends the waiting items oldest first, stops at the first
 * failure and schedules the next pass with backoff. Among tabs one sender holds a Web Lock;
 * without Web Locks each item is leased in IndexedDB so no item is ever sent twice at once.
 * A tab may close mid-POST: the item stays until a 2xx is seen and the server dedupes the
 * repeat by its Idempotency-Key.
 */
import type { Clock } from '../store/clock.js';
import type { OutboxItem } from '../store/records.js';
import { backoffDelay } from './backoff.js';
import { post } from './http.js';

export interface OutboxSource {
  /** The items to send now, oldest first. Never rejects. */
  items(): Promise<OutboxItem[]>;
  /** Claims the item for this sender (a lease where Web Locks are missing); false: leave it. */
  claim(item: OutboxItem, until: number): Promise<boolean>;
  unclaim(item: OutboxItem): Promise<void>;
  delivered(item: OutboxItem): Promise<void>;
  rejected(item: OutboxItem, status: number, detail: string): Promise<void>;
}

export type DeliveryReport =
  | { type: 'sending'; id: string; surveyId: string }
  | { type: 'waiting' }
  | { type: 'offline' }
  | { type: 'forbidden'; status: number; detail: string; id: string; surveyId: string }
  | { type: 'idle' };

export type FlushTrigger = 'start' | 'online' | 'visible' | 'queued' | 'timer' | 'retry';

export interface DeliveryOptions {
  endpoint: string;
  source: OutboxSource;
  report: (report: DeliveryReport) => void;
  clock: Clock;
  random: () => number;
  fetch: typeof fetch;
  /** `null` where Web Locks are missing: items are leased instead. */
  locks: LockManager | null;
  lockName: string;
  requestTimeoutMs: number;
  isOnline: () => boolean;
}

/** `held`: inside a Retry-After window the pass only looked; `cut`: "try again" cut its attempt short. */
type PassResult = 'done' | 'failed' | 'held' | 'cut';

/** An attempt open this long when "try again" is pressed is taken as hanging, and started over (then twice as long, and so on). */
const HANGING_MS = 2000;

/** A lease outlives a request that hangs until its client timeout. */
const LEASE_MARGIN_MS = 5000;

export class Delivery {
  readonly #options: DeliveryOptions;
  readonly #abort = new AbortController();
  #failures = 0;
  /** Attempts cut off by the client timeout since the last delivery: each doubles the next one's. */
  #timeouts = 0;
  /** Set by Retry-After: no attempt before this, whatever triggers it. */
  #notBefore = 0;
  #timer: unknown;
  /** Surveys whose responses got 401/403/404 (the collector's "unknown survey" is one survey's). */
  #stopped = new Set<string>();
  #running: Promise<void> | undefined;
  /** Web Locks refused in this context: passes run without them. */
  #lockless = false;
  #again = false;
  /** The attempt in progress, for "try again" to cut short. */
  #attempt: AbortController | undefined;
  #attemptStarted = 0;
  /** How long an attempt must have been open for "try again" to cut it: doubled by each cut, until a delivery. */
  #hangingMs = HANGING_MS;

  constructor(options: DeliveryOptions) {
    this.#options = options;
  }

  /**
   * 401/403/404 was seen for one of this survey's responses: none of them is sent until
   * `flush('retry')` or the next page load. Other surveys' responses still go.
   */
  isStopped(surveyId: string): boolean {
    return this.#stopped.has(surveyId);
  }

  /**
   * A response of this survey queued now would be posted at once: online, not stopped, outside
   * a Retry-After window. (Another tab may hold the Web Lock for its pass, up to one request
   * timeout per item, 15 s growing to 2 min on a link that keeps timing out; this tab's pass,
   * waiting for the lock, sends it after that.)
   */
  postsNow(surveyId: string): boolean {
    return (
      !this.#abort.signal.aborted &&
      !this.#stopped.has(surveyId) &&
      this.#options.isOnline() &&
      this.#options.clock.now() >= this.#notBefore
    );
  }

  flush(trigger: FlushTrigger): Promise<void> {
    if (this.#abort.signal.aborted) return Promise.resolve();
    if (trigger === 'retry') {
      this.#stopped.clear();
      this.#failures = 0;
      this.#notBefore = 0;
    } else if (trigger === 'online') {
      // The network is back: what failed before says little about now.
      this.#failures = 0;
    }
    // Inside a Retry-After window a trigger only looks at the outbox; the timer sends.
    const mayPost = trigger === 'timer' || trigger === 'retry' || this.#options.clock.now() >= this.#notBefore;
    if (this.#running) {
      this.#again ||= mayPost;
      // "Spróbuj ponownie" while an attempt hangs (Wi-Fi that passes nothing) did nothing until its
      // timeout, up to 2 min: the attempt is given up now and the pass starts over. If the collector
      // got it meanwhile, the same Idempotency-Key makes the repeat a no-op.
      // One younger than 2 s is let be (a tab's own flush right after queueing, a quick link).
      // Each cut doubles the wait before the next tap cuts: tapped again and again on a slow link,
      // each attempt had been cut before its reply came, and nothing was ever marked sent.
      if (trigger === 'retry' && this.#options.clock.now() - this.#attemptStarted > this.#hangingMs) {
        this.#hangingMs *= 2;
        this.#attempt?.abort();
      }
      return this.#running;
    }
    this.#running = this.#loop(mayPost).finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  dispose(): void {
    this.#abort.abort();
    this.#attempt?.abort();
    this.#clearTimer();
  }

  async #loop(mayPost: boolean): Promise<void> {
    let result = await this.#exclusively(() => this.#pass(mayPost));
    // A trigger that came during the pass runs another, unless the pass failed: then the
    // backoff timer it set decides when to try again.
    while (result !== 'failed' && this.#again && !this.#abort.signal.aborted) {
      this.#again = false;
      result = await this.#exclusively(() => this.#pass(true));
    }
    this.#again = false;
  }

  #exclusively(pass: () => Promise<PassResult>): Promise<PassResult> {
    const { locks, lockName } = this.#options;
    if (!locks || this.#lockless) return pass();
    let granted = false;
    const locked = () => {
      granted = true;
      return pass();
    };
    return locks.request(lockName, { signal: this.#abort.signal }, locked).catch((error: Error): PassResult | Promise<PassResult> => {
      // Web Locks refused here (a frame sandboxed without allow-same-origin, storage blocked
      // for third parties): so is IndexedDB, so no other tab shares this outbox. Before, nothing
      // was ever sent, and the status said "Wysyłanie…" for good. (A pass that failed inside
      // the lock is not a refusal.)
      if (granted || error.name !== 'SecurityError') return 'failed';
      this.#lockless = true;
      return pass();
    });
  }

  async #pass(mayPost: boolean): Promise<PassResult> {
    const { source, report, clock, locks, isOnline } = this.#options;
    if (this.#abort.signal.aborted) return 'failed';
    const items = (await source.items()).filter((item) => !this.#stopped.has(item.surveyId));
    if (items.length === 0) {
      this.#clearTimer();
      report({ type: 'idle' });
      return 'done';
    }
    if (!mayPost) {
      report({ type: 'waiting' });
      return 'held';
    }
    this.#clearTimer();
    if (!isOnline()) {
      report({ type: 'offline' });
      return 'failed';
    }
    // Doubled after each attempt the timeout cut off, up to 8×: on a link where one upload takes
    // longer than the timeout, every attempt was cut off, although the collector stored the
    // first, and the status said "waiting" for good while the phone uploaded it again and again.
    // Other failures (a quick 503, a refused connection) leave it, and the lease, as they are.
    const timeoutMs = this.#options.requestTimeoutMs * 2 ** Math.min(this.#timeouts, 3);
    const leaseMs = timeoutMs + LEASE_MARGIN_MS;
    let leftForOthers = false;
    for (const item of items) {
      if (this.#abort.signal.aborted) return 'failed';
      if (this.#stopped.has(item.surveyId)) continue;
      if (!(await source.claim(item, clock.now() + leaseMs))) {
        leftForOthers = true;
        continue;
      }
      report({ type: 'sending', id: item.id, surveyId: item.surveyId });
      this.#attempt = new AbortController();
      this.#attemptStarted = clock.now();
      const outcome = await post(item, {
        endpoint: this.#options.endpoint,
        fetch: this.#options.fetch,
        timeoutMs,
        signal: this.#attempt.signal,
        now: () => clock.now(),
      });
      this.#attempt = undefined;
      switch (outcome.kind) {
        case 'delivered':
          this.#failures = 0;
          this.#timeouts = 0;
          this.#hangingMs = HANGING_MS;
          this.#notBefore = 0;
          await source.delivered(item);
          break;
        case 'rejected':
          await source.rejected(item, outcome.status, outcome.detail);
          break;
        case 'forbidden':
          await source.unclaim(item);
          this.#stopped.add(item.surveyId);
          report({ type: 'forbidden', status: outcome.status, detail: outcome.detail, id: item.id, surveyId: item.surveyId });
          break;
        case 'retry': {
          await source.unclaim(item);
          this.#failures += 1;
          if (outcome.timedOut) this.#timeouts += 1;
          const now = clock.now();
          if (outcome.retryAfterMs !== undefined) this.#notBefore = now + outcome.retryAfterMs;
          const delay = Math.max(backoffDelay(this.#failures, this.#options.random), outcome.retryAfterMs ?? 0);
          this.#schedule(delay);
          report({ type: isOnline() ? 'waiting' : 'offline' });
          return 'failed';
        }
        case 'aborted':
          await source.unclaim(item);
          return this.#abort.signal.aborted ? 'failed' : 'cut';
      }
    }
    // Another tab holds some items (no Web Locks): look again once its lease could have run out.
    if (leftForOthers && !locks) this.#schedule(leaseMs);
    report({ type: 'idle' });
    return 'done';
  }

  #schedule(delay: number): void {
    this.#clearTimer();
    this.#timer = this.#options.clock.setTimeout(() => {
      this.#timer = undefined;
      // The timer counts elapsed time, at least the Retry-After: its window is over now, even if
      // the device's clock was put back meanwhile (it would hold every later trigger as long).
      this.#notBefore = 0;
      void this.flush('timer');
    }, delay);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#options.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
