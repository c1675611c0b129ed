import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { GROUP_STATUS_CODE, GROUP_STATUSES, PARTITION_STATUS_CODE } from './domain/status';
import type { LagReport } from './lag-monitor';

/**
 * Metric names the lag monitor exports (documented in services/lag/README.md). The alert rules
 * and the Grafana dashboard in infra/monitoring/ may use only these (a test checks it).
 */
export const LAG_METRICS = {
  partitionCommitted: 'hub_lag_partition_committed_offset',
  partitionLogEnd: 'hub_lag_partition_log_end_offset',
  partitionLag: 'hub_lag_partition_lag_messages',
  partitionLagSeconds: 'hub_lag_partition_lag_seconds',
  partitionStatus: 'hub_lag_partition_status_code',
  partitionConsumptionRate: 'hub_lag_partition_consumption_rate',
  partitionProductionRate: 'hub_lag_partition_production_rate',
  groupStatus: 'hub_lag_group_status',
  groupStatusCode: 'hub_lag_group_status_code',
  groupTotalLag: 'hub_lag_group_lag_messages',
  groupMaxLagSeconds: 'hub_lag_group_max_lag_seconds',
  groupMembers: 'hub_lag_group_members',
  groupConsumptionRate: 'hub_lag_group_consumption_rate',
  groups: 'hub_lag_groups',
  sampleAge: 'hub_lag_sample_age_seconds',
  sampleDuration: 'hub_lag_sample_duration_seconds',
  sampleErrors: 'hub_lag_sample_errors_total',
} as const;

export interface LagMetrics {
  readonly sampleDuration: Histogram;
  readonly sampleErrors: Counter;
}

const PARTITION_LABELS = ['group', 'topic', 'partition', 'hub_service'] as const;
const GROUP_LABELS = ['group', 'hub_service'] as const;

/**
 * Registers the lag gauges. Their values are computed when Prometheus scrapes (`collect`): the
 * scrape asks the monitor for the report as of now (a fresh sample when the last is older than
 * LAG_FRESH_MS), so a stopped consumer's lag keeps growing between polls (Burrow #127).
 */
export function registerLagMetrics(registry: Registry, current: () => Promise<LagReport>, now: () => number): LagMetrics {
  const registers = [registry];
  let cached: Promise<LagReport> | undefined;
  // All gauges of one scrape share one report; without one (Kafka unreachable) they are left
  // empty and hub_lag_sample_errors_total tells why, rather than failing the whole scrape.
  const report = (): Promise<LagReport> => {
    if (!cached) {
      cached = current().catch(() => ({ at: now(), rules: { windowSize: 0, minSamples: 0, allowedLag: 0, sampleIntervalMs: 0 }, groups: [] }));
      setTimeout(() => { cached = undefined; }, 250).unref();
    }
    return cached;
  };
  const partitionGauge = (name: string, help: string, pick: (p: LagReport['groups'][number]['partitions'][number]) => number | null) =>
    new Gauge({
      name, help, labelNames: PARTITION_LABELS, registers,
      async collect() {
        this.reset();
        for (const g of (await report()).groups) {
          for (const p of g.partitions) {
            const v = pick(p);
            if (v !== null) this.set({ group: g.group, topic: p.topic, partition: String(p.partition), hub_service: g.hubService ?? '' }, v);
          }
        }
      },
    });
  const groupGauge = (name: string, help: string, pick: (g: LagReport['groups'][number]) => number | null) =>
    new Gauge({
      name, help, labelNames: GROUP_LABELS, registers,
      async collect() {
        this.reset();
        for (const g of (await report()).groups) {
          const v = pick(g);
          if (v !== null) this.set({ group: g.group, hub_service: g.hubService ?? '' }, v);
        }
      },
    });

  partitionGauge(LAG_METRICS.partitionCommitted, 'Committed offset of a group on a partition (next offset it reads).', (p) => p.committedOffset);
  partitionGauge(LAG_METRICS.partitionLogEnd, 'Log-end offset (last stable offset) of a partition the group consumes.', (p) => p.logEndOffset);
  partitionGauge(LAG_METRICS.partitionLag, 'Lag in messages: log-end offset minus committed offset, at scrape time.', (p) => p.lag);
  partitionGauge(LAG_METRICS.partitionLagSeconds, 'Seconds the record at the committed offset has waited (0 when caught up).', (p) => p.lagSeconds);
  partitionGauge(LAG_METRICS.partitionStatus, 'Burrow partition status: 0 OK, 1 WARN, 2 STALL, 3 STOP, 4 REWIND.', (p) => PARTITION_STATUS_CODE[p.status]);
  partitionGauge(LAG_METRICS.partitionConsumptionRate, 'Messages per second the group committed on the partition, over the window.', (p) => p.consumptionPerSecond);
  partitionGauge(LAG_METRICS.partitionProductionRate, 'Messages per second appended to the partition, over the window.', (p) => p.productionPerSecond);
  groupGauge(LAG_METRICS.groupStatusCode, 'Burrow group status: 0 OK, 1 WARN, 2 ERR (a partition is STOP, STALL or REWIND).', (g) => GROUP_STATUS_CODE[g.status]);
  groupGauge(LAG_METRICS.groupTotalLag, 'Sum of the lag of the group over its partitions, in messages.', (g) => g.totalLag);
  groupGauge(LAG_METRICS.groupMaxLagSeconds, 'Largest lag in seconds over the group partitions.', (g) => g.maxLagSeconds);
  groupGauge(LAG_METRICS.groupMembers, 'Live members of the group.', (g) => g.members.length);
  groupGauge(LAG_METRICS.groupConsumptionRate, 'Messages per second the group committed, over the window.', (g) => g.consumptionPerSecond);
  new Gauge({
    name: LAG_METRICS.groupStatus, help: 'Burrow group status as a one-hot label: 1 for the current status.', labelNames: [...GROUP_LABELS, 'status'], registers,
    async collect() {
      this.reset();
      for (const g of (await report()).groups) {
        for (const s of GROUP_STATUSES) this.set({ group: g.group, hub_service: g.hubService ?? '', status: s }, s === g.status ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: LAG_METRICS.groups, help: 'Consumer groups monitored, by status.', labelNames: ['status'], registers,
    async collect() {
      this.reset();
      const groups = (await report()).groups;
      for (const s of GROUP_STATUSES) this.set({ status: s }, groups.filter((g) => g.status === s).length);
    },
  });
  new Gauge({
    name: LAG_METRICS.sampleAge, help: 'Age of the sample the scrape reports on, in seconds.', registers,
    async collect() {
      this.set(Math.max(0, (now() - (await report()).at) / 1000));
    },
  });
  return {
    sampleDuration: new Histogram({ name: LAG_METRICS.sampleDuration, help: 'Time to sample the cluster once (admin API round trips).', buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers }),
    sampleErrors: new Counter({ name: LAG_METRICS.sampleErrors, help: 'Samples of the cluster that failed (Kafka unreachable, timeouts).', registers }),
  };
}
