/**
 * Per-client token buckets: `burst` requests at once, refilled at `perSecond`. Pure apart from the
 * injected clock. Idle buckets are forgotten (a full bucket carries no information), so memory
 * stays bounded by the number of clients active within a refill period.
 */
export interface BucketLimits {
  readonly perSecond: number;
  readonly burst: number;
}

export type TakeResult = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = 0;

  constructor(private readonly limits: BucketLimits, private readonly now: () => number) {}

  take(client: string): TakeResult {
    const at = this.now();
    this.sweep(at);
    const b = this.buckets.get(client) ?? { tokens: this.limits.burst, at };
    b.tokens = Math.min(this.limits.burst, b.tokens + ((at - b.at) / 1000) * this.limits.perSecond);
    b.at = at;
    this.buckets.set(client, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / this.limits.perSecond)) };
  }

  private sweep(at: number): void {
    const fullAfterMs = (this.limits.burst / this.limits.perSecond) * 1000;
    if (at - this.lastSweep < fullAfterMs) return;
    this.lastSweep = at;
    for (const [k, b] of this.buckets) if (at - b.at >= fullAfterMs) this.buckets.delete(k);
  }
}
