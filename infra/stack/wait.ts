/** Bounded polling: readiness is always observed, never assumed after a fixed sleep. */
export interface PollOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Checked before each attempt; a thrown error stops the wait at once (e.g. the process died). */
  readonly failFast?: () => void;
}

/** Resolves true once `check` resolves true, false when the time is up. */
export async function pollUntil(check: () => Promise<boolean>, opts: PollOptions): Promise<boolean> {
  const deadline = Date.now() + opts.timeoutMs;
  const interval = opts.intervalMs ?? 500;
  for (;;) {
    opts.failFast?.();
    if (await check()) return true;
    if (Date.now() + interval > deadline) return false;
    await sleep(interval);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
