/**
 * A token bucket per client address, in this process's memory only: addresses are never
 * written anywhere. With N collector processes behind a proxy each keeps its own buckets,
 * so a client may get up to N times the limit; that is acceptable for slowing down floods.
 */
/**
 * The bucket of a client address. An IPv6 client gets its /64 (what one home line or phone is
 * given), so rotating through the addresses inside it gains nothing; IPv4 as it is.
 */
export function rateLimitKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.replace(/%.*$/, '').split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...front, ...Array(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back] : front;
  return `${groups
    .slice(0, 4)
    .map((group) => (parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`;
}

export class RateLimiter {
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #sweeper: NodeJS.Timeout;

  /** `perMinute` requests per minute, with bursts of up to `perMinute`. */
  constructor(perMinute: number) {
    this.#capacity = perMinute;
    this.#perMs = perMinute / 60_000;
    // Full buckets carry no information; dropping them bounds memory by recent clients.
    this.#sweeper = setInterval(() => this.#sweep(), 60_000).unref();
  }

  /** 0 when the request may go ahead, else the seconds to wait (for `Retry-After`). */
  take(client: string, now = Date.now()): number {
    const bucket = this.#buckets.get(client) ?? { tokens: this.#capacity, at: now };
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.at) * this.#perMs);
    bucket.at = now;
    this.#buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
  }

  close(): void {
    clearInterval(this.#sweeper);
  }

  #sweep(now = Date.now()): void {
    for (const [client, bucket] of this.#buckets)
      if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.#capacity) this.#buckets.delete(client);
  }
}
