import { evaluatePartition } from './evaluate-partition';
import { ratesOf } from './rates';
import type { LagRules } from './rules';
import { lagOf, type OffsetSample, type Ownership } from './samples';
import { groupStatusOf, type GroupStatus, type PartitionStatus, type StatusReason } from './status';

export interface MemberReport {
  readonly memberId: string;
  readonly clientId: string;
  readonly clientHost: string;
  /** Partitions assigned to it. */
  readonly partitions: number;
}

export interface PartitionReport {
  readonly topic: string;
  readonly partition: number;
  readonly committedOffset: number | null;
  readonly logEndOffset: number;
  readonly lowOffset: number;
  /** logEndOffset − committedOffset (− lowOffset when nothing was committed), at the newest sample. */
  readonly lag: number;
  readonly lagSeconds: number | null;
  readonly status: PartitionStatus;
  readonly reason: StatusReason;
  readonly complete: number;
  readonly consumptionPerSecond: number | null;
  readonly productionPerSecond: number | null;
  readonly owner: Ownership;
  readonly ownerClientId: string | null;
  /** The lag is only transaction markers: nothing left to read (the status is OK). */
  readonly onlyMarkers: boolean;
}

export interface GroupReport {
  readonly group: string;
  /** The hub service this group belongs to, by naming convention; null for other groups. */
  readonly hubService: string | null;
  /** Kafka's group state: Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, Unknown. */
  readonly state: string;
  readonly members: readonly MemberReport[];
  readonly status: GroupStatus;
  readonly totalLag: number;
  readonly maxLag: number;
  readonly maxLagSeconds: number | null;
  readonly consumptionPerSecond: number | null;
  readonly productionPerSecond: number | null;
  readonly partitions: readonly PartitionReport[];
}

export interface PartitionInput {
  readonly topic: string;
  readonly partition: number;
  readonly window: readonly OffsetSample[];
  readonly lagSeconds: number | null;
  readonly ownerClientId: string | null;
  readonly onlyMarkers?: boolean;
}

export interface GroupInput {
  readonly group: string;
  readonly hubService: string | null;
  readonly state: string;
  readonly members: readonly MemberReport[];
  readonly partitions: readonly PartitionInput[];
}

export function buildGroupReport(input: GroupInput, rules: LagRules, now: number): GroupReport {
  const partitions = input.partitions
    .filter((p) => p.window.length > 0)
    .map((p) => partitionReport(p, rules, input.group, now))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const seconds = partitions.map((p) => p.lagSeconds).filter((s): s is number => s !== null);
  return {
    group: input.group,
    hubService: input.hubService,
    state: input.state,
    members: input.members,
    status: groupStatusOf(partitions.map((p) => p.status)),
    totalLag: sum(partitions.map((p) => p.lag)),
    maxLag: Math.max(0, ...partitions.map((p) => p.lag)),
    maxLagSeconds: seconds.length > 0 ? Math.max(...seconds) : partitions.length === 0 ? 0 : null,
    consumptionPerSecond: sumOrNull(partitions.map((p) => p.consumptionPerSecond)),
    productionPerSecond: sumOrNull(partitions.map((p) => p.productionPerSecond)),
    partitions,
  };
}

function partitionReport(p: PartitionInput, rules: LagRules, group: string, now: number): PartitionReport {
  const current = p.window[p.window.length - 1]!;
  const onlyMarkers = p.onlyMarkers === true;
  const verdict = evaluatePartition(p.window, rules, group, now, { onlyMarkersPending: onlyMarkers });
  const rates = ratesOf(p.window);
  return {
    topic: p.topic,
    partition: p.partition,
    committedOffset: current.committed,
    logEndOffset: current.logEnd,
    lowOffset: current.low,
    lag: lagOf(current),
    lagSeconds: onlyMarkers ? 0 : p.lagSeconds,
    status: verdict.status,
    reason: verdict.reason,
    complete: verdict.complete,
    consumptionPerSecond: rates.consumptionPerSecond,
    productionPerSecond: rates.productionPerSecond,
    owner: current.owner,
    ownerClientId: p.ownerClientId,
    onlyMarkers,
  };
}

/** The `hub lag --json` row: the stable, documented shape. */
export interface LagRow {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  readonly committedOffset: number | null;
  readonly logEndOffset: number;
  readonly lag: number;
  readonly lagSeconds: number | null;
  readonly status: PartitionStatus;
}

export function lagRows(groups: readonly GroupReport[]): LagRow[] {
  return groups.flatMap((g) => g.partitions.map((p) => ({
    group: g.group, topic: p.topic, partition: p.partition, committedOffset: p.committedOffset,
    logEndOffset: p.logEndOffset, lag: p.lag, lagSeconds: p.lagSeconds, status: p.status,
  })));
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function sumOrNull(xs: readonly (number | null)[]): number | null {
  const known = xs.filter((x): x is number => x !== null);
  return known.length > 0 ? sum(known) : null;
}
