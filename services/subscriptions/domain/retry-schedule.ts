/**
 * Retry policy of webhook deliveries (data, not ifs): exponential backoff with full jitter, capped,
 * and a dead state after `maxAttempts`. The jitter draw (0 ≤ u < 1) is passed in, keeping this pure.
 */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly maxDelayMs: number;
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 500, maxDelayMs: 60_000, maxAttempts: 12 };

export type AfterFailure = { readonly kind: 'RETRY'; readonly delayMs: number } | { readonly kind: 'DEAD' };

/**
 * After the `attempt`-th failed attempt (1-based): retry after a delay in [ceiling/2, ceiling) where
 * ceiling = min(max, base·2^(attempt−1)) ("equal jitter": never zero, so a down receiver is not
 * hammered, and spread so many subscriptions do not retry in lockstep), or give up.
 */
export function afterFailure(policy: RetryPolicy, attempt: number, jitter: number): AfterFailure {
  if (attempt >= policy.maxAttempts) return { kind: 'DEAD' };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const u = Math.min(Math.max(jitter, 0), 0.999999);
  return { kind: 'RETRY', delayMs: Math.round(ceiling / 2 + (ceiling / 2) * u) };
}
