import { Counter, Gauge, Histogram } from 'prom-client';
import type { Pool } from 'pg';
import type { HubMetrics } from '../../platform/http/metrics';
import type { DecisionKind } from '../domain/stream-resolution';
import { countOpenTasks } from '../store/identity-store';
import type { BatchStage, IdentityStreamObserver } from './identity-stream';

/**
 * The identity service's metrics. Labels are decision kinds only: never ids, names or anything a
 * child could be found by.
 */
export interface IdentityMetrics extends IdentityStreamObserver {
  readonly decisions: Counter<'kind'>;
  readonly decisionSeconds: Histogram;
  readonly relayedEvents: Counter;
}

export function createIdentityMetrics(base: HubMetrics, pool: Pool): IdentityMetrics {
  const registers = [base.registry];
  new Gauge({
    name: 'hub_identity_review_queue_size', help: 'Open review tasks.', registers,
    async collect() { this.set(await countOpenTasks(pool)); },
  });
  new Gauge({
    name: 'hub_identity_outbox_depth', help: 'Identity events not yet committed to Kafka.', registers,
    async collect() { this.set(Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM identity_outbox')).rows[0]!.n)); },
  });
  const decisions = new Counter({ name: 'hub_identity_decisions_total', help: 'Records decided by the identity stream, by decision (link, new, review, stay, move, split-off).', labelNames: ['kind'], registers });
  const redeliveries = new Counter({ name: 'hub_identity_redeliveries_total', help: 'Input events seen again after a restart (recognised by their claimed id, not re-applied).', registers });
  const decisionSeconds = new Histogram({
    name: 'hub_identity_decision_latency_seconds', help: 'From the input event\'s envelope recordedAt to the commit of its decision.',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10, 30], registers,
  });
  const stageSeconds = new Counter({
    name: 'hub_identity_batch_stage_seconds_total', help: 'Time spent in each stage of the stream\'s batch transactions (connect, claim-lock, candidates, details, decide, write, encode, ledger-outbox, commit).',
    labelNames: ['stage'], registers,
  });
  return {
    decisions, decisionSeconds,
    relayedEvents: new Counter({ name: 'hub_identity_events_relayed_total', help: 'Identity events the relay committed to Kafka.', registers }),
    decided(kind: DecisionKind, latencyMs: number) {
      decisions.inc({ kind });
      decisionSeconds.observe(Math.max(0, latencyMs) / 1000);
    },
    redelivered(n: number) { redeliveries.inc(n); },
    stage(stage: BatchStage, seconds: number) { stageSeconds.inc({ stage }, seconds); },
  };
}
