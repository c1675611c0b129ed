import { Counter, Gauge, Histogram } from 'prom-client';
import type { Pool } from 'pg';
import type { HubMetrics } from '../../services/platform/http/metrics';

/**
 * The intake's own metrics, on the process registry. Labels are routes (templates from the route
 * table), status codes and topics: never ids, values or anything a person could be found by.
 */
export interface IntakeMetrics {
  readonly requests: Counter<'route' | 'status'>;
  readonly requestSeconds: Histogram<'route'>;
  readonly commitBatchSize: Histogram;
  readonly commitSeconds: Histogram;
  readonly relayedRecords: Counter;
  readonly relayDelaySeconds: Histogram;
}

export function createIntakeMetrics(base: HubMetrics, pool: Pool): IntakeMetrics {
  const registers = [base.registry];
  new Gauge({
    name: 'hub_intake_outbox_depth', help: 'Outbox rows (messages) not yet committed to Kafka.', registers,
    async collect() { this.set(Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM intake_outbox')).rows[0]!.n)); },
  });
  new Gauge({
    name: 'hub_intake_relay_lag_seconds', help: 'Age of the oldest outbox row: how far the relay is behind (0 when empty).', registers,
    async collect() {
      const { rows } = await pool.query<{ s: number | null }>('SELECT extract(epoch FROM now() - min(created_at))::float8 AS s FROM intake_outbox');
      this.set(rows[0]?.s ?? 0);
    },
  });
  return {
    requests: new Counter({ name: 'hub_http_requests_total', help: 'HTTP requests by route template and status.', labelNames: ['route', 'status'], registers }),
    requestSeconds: new Histogram({ name: 'hub_http_request_duration_seconds', help: 'HTTP request time by route template.', labelNames: ['route'], buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers }),
    commitBatchSize: new Histogram({ name: 'hub_intake_commit_batch_size', help: 'Requests written per outbox transaction (group commit).', buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256], registers }),
    commitSeconds: new Histogram({ name: 'hub_intake_commit_duration_seconds', help: 'Time of one outbox transaction.', buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers }),
    relayedRecords: new Counter({ name: 'hub_intake_relayed_records_total', help: 'Accepted records the relay committed to Kafka.', registers }),
    relayDelaySeconds: new Histogram({ name: 'hub_intake_relay_delay_seconds', help: 'From acceptance (outbox commit) to the Kafka commit of a record.', buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers }),
  };
}
