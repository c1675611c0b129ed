import { isUnknownTopic, type AdminSource } from './admin-source';
import { buildGroupReport, type GroupReport } from './domain/group-report';
import { hubServiceOf, type HubGroupNaming } from './domain/hub-groups';
import type { LogEndPoint } from './domain/lag-seconds';
import { lagSecondsOf } from './domain/lag-seconds';
import type { LagRules } from './domain/rules';
import { appendSample, lagOf, pushBounded, type OffsetSample } from './domain/samples';
import type { GroupStatus } from './domain/status';
import type { RecordTimestamps } from './record-timestamps';
import { markerKey, type MarkerProbe, type MarkerTarget } from './marker-probe';
import { sampleCluster, type ClusterSnapshot } from './sampler';

export interface LagReport {
  /** When the newest sample was taken (ms since the epoch). */
  readonly at: number;
  readonly rules: { readonly windowSize: number; readonly minSamples: number; readonly allowedLag: number; readonly sampleIntervalMs: number };
  readonly groups: readonly GroupReport[];
}

export interface HistoryPoint {
  readonly at: number;
  readonly totalLag: number;
  readonly maxLagSeconds: number | null;
  readonly status: GroupStatus;
}

export interface LagMonitorOptions {
  readonly admin: AdminSource;
  readonly rules: LagRules;
  readonly naming: HubGroupNaming;
  readonly timestamps: RecordTimestamps;
  readonly now: () => number;
  readonly sampleIntervalMs: number;
  /** Requests reuse a report at most this old; older ones sample again (lag at request time). */
  readonly freshMs: number;
  readonly historyPoints: number;
  readonly include?: (group: string) => boolean;
  /** Told about a failed sample (the next one retries). */
  readonly onError?: (err: unknown) => void;
  /** Told how long each successful sample took (ms). */
  readonly onSampled?: (ms: number) => void;
  /** Reads partitions whose small, idle lag may be only transaction markers (docs/adr/0009). */
  readonly markers?: MarkerProbe;
  /** Largest lag per partition worth that read (a transaction leaves one marker per partition). */
  readonly markerMaxLag?: number;
}

interface PartitionState {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  window: OffsetSample[];
  ownerClientId: string | null;
  lagSeconds: number | null;
}

const KEY = '\u0000';

/**
 * Keeps a sliding window of samples per (group, topic, partition), the log-end history per
 * partition (for lag-in-seconds brackets) and a lag history per group (for charts), and turns
 * them into reports with the pure evaluator. Periodic polls feed the history; requests may add a
 * fresh sample first, so the lag they show is the lag now, not at the last poll (Burrow #127).
 */
export class LagMonitor {
  private readonly partitions = new Map<string, PartitionState>();
  private readonly logEnds = new Map<string, LogEndPoint[]>();
  private readonly history = new Map<string, HistoryPoint[]>();
  private groupMeta = new Map<string, { state: string; members: GroupReport['members'] }>();
  private last: LagReport | undefined;
  private inFlight: Promise<LagReport> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** markerKey → only markers pending; a key names exact offsets, so an answer never goes stale. */
  private readonly markerAnswers = new Map<string, boolean>();
  private markerRun: Promise<void> | undefined;

  constructor(private readonly opts: LagMonitorOptions) {}

  /** Samples every `sampleIntervalMs` until stop(); a failed sample is reported and retried next time. */
  start(): void {
    this.stopped = false;
    const tick = async (): Promise<void> => {
      await this.sample(true).catch(() => undefined);
      if (!this.stopped) this.timer = setTimeout(() => void tick(), this.opts.sampleIntervalMs);
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.inFlight?.catch(() => undefined);
    await this.markerRun;
  }

  /** The report as of now: the last one when fresh enough, else a new sample. */
  async current(): Promise<LagReport> {
    if (this.last && this.opts.now() - this.last.at <= this.opts.freshMs) return this.last;
    return this.sample(false);
  }

  historyOf(group: string): readonly HistoryPoint[] {
    return this.history.get(group) ?? [];
  }

  /** Takes one sample (single-flight: concurrent callers share it). `record` adds a history point. */
  sample(record: boolean): Promise<LagReport> {
    if (this.inFlight) return this.inFlight;
    const started = this.opts.now();
    this.inFlight = this.doSample(record)
      .then((r) => { this.opts.onSampled?.(this.opts.now() - started); return r; })
      .catch((err: unknown) => { this.opts.onError?.(err); throw err; })
      .finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  private async doSample(record: boolean): Promise<LagReport> {
    const include = this.opts.include ?? (() => true);
    const snapshot = await this.snapshot(include);
    const seen = new Set<string>();
    const seenTopics = new Set<string>();
    this.groupMeta = new Map(snapshot.groups.map((g) => [g.group, { state: g.state, members: g.members }]));
    for (const g of snapshot.groups) {
      for (const p of g.partitions) {
        const key = [g.group, p.topic, p.partition].join(KEY);
        const tp = [p.topic, p.partition].join(KEY);
        seen.add(key);
        seenTopics.add(tp);
        const state = this.partitions.get(key) ?? { group: g.group, topic: p.topic, partition: p.partition, window: [], ownerClientId: null, lagSeconds: null };
        state.window = appendSample(state.window, { at: snapshot.at, committed: p.committed, logEnd: p.logEnd, low: p.low, owner: p.owner }, this.opts.rules);
        state.ownerClientId = p.ownerClientId;
        this.partitions.set(key, state);
        this.logEnds.set(tp, appendLogEnd(this.logEnds.get(tp) ?? [], { at: snapshot.at, logEnd: p.logEnd }));
      }
    }
    // Groups and partitions that disappeared (deleted, expired) leave the console.
    for (const key of [...this.partitions.keys()]) if (!seen.has(key)) this.partitions.delete(key);
    for (const tp of [...this.logEnds.keys()]) if (!seenTopics.has(tp)) this.logEnds.delete(tp);
    for (const group of [...this.history.keys()]) if (!this.groupMeta.has(group)) this.history.delete(group);

    await this.resolveLagSeconds(snapshot.at);
    void this.checkMarkers();
    const report = this.report(snapshot.at);
    if (record) {
      for (const g of report.groups) {
        this.history.set(g.group, pushBounded(this.history.get(g.group) ?? [], { at: report.at, totalLag: g.totalLag, maxLagSeconds: g.maxLagSeconds, status: g.status }, this.opts.historyPoints));
      }
    }
    this.last = report;
    return report;
  }

  /**
   * Waits for marker reads of the current idle lags (started after each sample), then rebuilds
   * the report with their answers. `hub lag` calls it before printing.
   */
  async settleMarkers(): Promise<LagReport | undefined> {
    await this.markerRun;
    await this.checkMarkers();
    if (this.last) this.last = this.report(this.last.at);
    return this.last;
  }

  /** Small lags unchanged over the last two samples, not yet read: maybe only markers. */
  private markerTargets(): MarkerTarget[] {
    const max = this.opts.markerMaxLag ?? 0;
    const targets = new Map<string, MarkerTarget>();
    for (const p of this.partitions.values()) {
      const [prev, cur] = p.window.slice(-2);
      if (!prev || !cur) continue;
      const lag = lagOf(cur);
      if (lag <= 0 || lag > max || prev.committed !== cur.committed || prev.logEnd !== cur.logEnd) continue;
      const t = { topic: p.topic, partition: p.partition, from: cur.committed ?? cur.low, to: cur.logEnd };
      if (!this.markerAnswers.has(markerKey(t))) targets.set(markerKey(t), t);
    }
    return [...targets.values()];
  }

  private checkMarkers(): Promise<void> {
    const probe = this.opts.markers;
    if (!probe || this.markerRun) return this.markerRun ?? Promise.resolve();
    const targets = this.markerTargets();
    if (targets.length === 0) return Promise.resolve();
    this.markerRun = probe.check(targets)
      .then((answers) => {
        if (this.markerAnswers.size > 50_000) this.markerAnswers.clear();
        for (const [k, v] of answers) this.markerAnswers.set(k, v);
        if (this.last && answers.size > 0) this.last = this.report(this.last.at);
      })
      .catch((err: unknown) => this.opts.onError?.(err))
      .finally(() => { this.markerRun = undefined; });
    return this.markerRun;
  }

  /** One sample; a client poisoned by a deleted topic is replaced and the sample retried once. */
  private async snapshot(include: (group: string) => boolean): Promise<ClusterSnapshot> {
    for (let attempt = 0; ; attempt++) {
      try {
        const snapshot = await sampleCluster(await this.opts.admin.current(), { now: this.opts.now, include });
        if (snapshot.staleTopics) this.opts.admin.invalidate();
        return snapshot;
      } catch (err) {
        if (attempt > 0 || !isUnknownTopic(err)) throw err;
        this.opts.admin.invalidate();
      }
    }
  }

  private async resolveLagSeconds(now: number): Promise<void> {
    await Promise.all([...this.partitions.values()].map(async (p) => {
      const current = p.window[p.window.length - 1]!;
      const lag = lagOf(current);
      if (lag <= 0) { p.lagSeconds = 0; return; }
      const offset = Math.max(current.committed ?? current.low, current.low);
      try {
        const ts = await this.opts.timestamps.at(p.topic, p.partition, offset, this.logEnds.get([p.topic, p.partition].join(KEY)) ?? [], now);
        p.lagSeconds = lagSecondsOf(lag, ts, now);
      } catch (err) {
        p.lagSeconds = null;
        if (isUnknownTopic(err)) this.opts.admin.invalidate();
      }
    }));
  }

  private report(at: number): LagReport {
    const byGroup = new Map<string, PartitionState[]>();
    for (const p of this.partitions.values()) byGroup.set(p.group, [...(byGroup.get(p.group) ?? []), p]);
    const groups = [...this.groupMeta.entries()].map(([group, meta]) => buildGroupReport({
      group,
      hubService: hubServiceOf(group, this.opts.naming),
      state: meta.state,
      members: meta.members,
      partitions: (byGroup.get(group) ?? []).map((p) => {
        const cur = p.window[p.window.length - 1]!;
        const onlyMarkers = this.markerAnswers.get(markerKey({ topic: p.topic, partition: p.partition, from: cur.committed ?? cur.low, to: cur.logEnd })) === true;
        return { topic: p.topic, partition: p.partition, window: p.window, lagSeconds: p.lagSeconds, ownerClientId: p.ownerClientId, onlyMarkers };
      }),
    }, this.opts.rules, at)).sort((a, b) => a.group.localeCompare(b.group));
    const r = this.opts.rules;
    return { at, rules: { windowSize: r.windowSize, minSamples: r.minSamples, allowedLag: r.allowedLag, sampleIntervalMs: this.opts.sampleIntervalMs }, groups };
  }
}

/** Log-end history with flat runs compressed to their first and last points (enough for brackets). */
function appendLogEnd(points: readonly LogEndPoint[], p: LogEndPoint): LogEndPoint[] {
  const a = points[points.length - 1];
  const b = points[points.length - 2];
  const base = a && b && a.logEnd === p.logEnd && b.logEnd === p.logEnd ? points.slice(0, -1) : points;
  return pushBounded(base, p, 240);
}
