import { Counter, Histogram } from 'prom-client';
import type { HubMetrics } from '../../platform/http/metrics';

/** Prometheus counters of the dedup service. Labels: topics, institution codes and outcomes only. */
export interface DedupMetrics {
  /** outcome: forwarded, duplicate_event_id, duplicate_content, dead_lettered. */
  readonly events: Counter<'topic' | 'institution' | 'outcome'>;
  /** Redelivered messages recognised as already handled (crash before an offset commit): not duplicates. */
  readonly replayed: Counter<'topic'>;
  readonly personsEmitted: Counter<'institution'>;
  /** An event id re-sent with different content: a publisher reused an id. */
  readonly idConflicts: Counter<'topic'>;
  /** From the batch's PostgreSQL commit (outbox row) to the PersonObserved's Kafka commit. */
  readonly relayDelay: Histogram;
}

export function createDedupMetrics(metrics: HubMetrics): DedupMetrics {
  const registers = [metrics.registry];
  return {
    events: new Counter({ name: 'hub_dedup_events_total', help: 'Institution events seen by deduplication, by topic, institution and outcome (forwarded, duplicate_event_id, duplicate_content, dead_lettered).', labelNames: ['topic', 'institution', 'outcome'], registers }),
    replayed: new Counter({ name: 'hub_dedup_replayed_total', help: 'Redelivered messages already handled before a restart (not duplicates, no effect).', labelNames: ['topic'], registers }),
    personsEmitted: new Counter({ name: 'hub_dedup_person_observed_total', help: 'PersonObserved events derived (person block new or changed), by institution.', labelNames: ['institution'], registers }),
    idConflicts: new Counter({ name: 'hub_dedup_event_id_conflicts_total', help: 'Event ids re-sent with a different content (dropped as duplicates).', labelNames: ['topic'], registers }),
    relayDelay: new Histogram({ name: 'hub_dedup_relay_delay_seconds', help: 'Time a PersonObserved waits in the outbox before its Kafka transaction commits.', buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers }),
  };
}
