import type { GroupReport, LagReport } from '../../services/lag';

/** The services between an imported record and the child's timeline, review queue and indicators. */
export const PIPELINE_SERVICES = ['dedup', 'identity', 'case-status'] as const;

export interface Backlog {
  /** Messages not yet read by the pipeline's consumer groups (transaction markers excluded). */
  readonly total: number;
  readonly byService: Readonly<Record<string, number>>;
  /** Pipeline services with no consumer group yet (still joining). */
  readonly missing: readonly string[];
}

/** What is left to read, from the lag service's report (pure). A partition whose lag is only commit markers has nothing left. */
export function backlogOf(groups: readonly Pick<GroupReport, 'hubService' | 'partitions'>[], services: readonly string[] = PIPELINE_SERVICES): Backlog {
  const byService: Record<string, number> = {};
  for (const g of groups) {
    if (g.hubService === null || !services.includes(g.hubService)) continue;
    const lag = g.partitions.reduce((n, p) => n + (p.onlyMarkers ? 0 : Math.max(0, p.lag)), 0);
    byService[g.hubService] = (byService[g.hubService] ?? 0) + lag;
  }
  const missing = services.filter((s) => byService[s] === undefined);
  return { total: Object.values(byService).reduce((a, b) => a + b, 0), byService, missing };
}

export function caughtUp(b: Backlog): boolean {
  return b.missing.length === 0 && b.total === 0;
}

export type CatchUpOutcome = 'caught-up' | 'timeout' | 'aborted';

/**
 * Polls the lag service (`GET /v1/lag`, the console's own source) until the pipeline has read
 * everything twice in a row: one empty reading can fall between a service reading a batch and
 * publishing what it derived from it. Bounded by `timeoutMs`; reports every `reportEveryMs`.
 */
export async function waitForCatchUp(o: {
  readonly lagUrl: string;
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly pollMs?: number;
  readonly reportEveryMs?: number;
  readonly onBacklog: (b: Backlog, elapsedMs: number) => void;
  readonly now?: () => number;
}): Promise<CatchUpOutcome> {
  const now = o.now ?? Date.now;
  const started = now();
  const pollMs = o.pollMs ?? 2000;
  const reportEvery = o.reportEveryMs ?? 10000;
  let lastReport = started;
  let emptyReadings = 0;
  while (!o.signal.aborted) {
    const backlog = await readBacklog(o.lagUrl);
    if (backlog !== null) {
      emptyReadings = caughtUp(backlog) ? emptyReadings + 1 : 0;
      if (emptyReadings >= 2) return 'caught-up';
      if (!caughtUp(backlog) && now() - lastReport >= reportEvery) { lastReport = now(); o.onBacklog(backlog, now() - started); }
    }
    if (now() - started > o.timeoutMs) return 'timeout';
    await sleep(pollMs, o.signal);
  }
  return 'aborted';
}

async function readBacklog(lagUrl: string): Promise<Backlog | null> {
  try {
    // The lag service samples the whole cluster per request: seconds on a busy shared broker.
    const res = await fetch(lagUrl, { signal: AbortSignal.timeout(30000) });
    if (!res.ok) return null;
    return backlogOf(((await res.json()) as LagReport).groups);
  } catch {
    return null; // the lag service restarting, or slow under load: ask again
  }
}

/** A sleep that ends early when the signal fires (Ctrl-C must not wait for a poll interval). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) { resolve(); return; }
    const done = (): void => { clearTimeout(timer); signal.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
