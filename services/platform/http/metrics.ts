import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per process, with `service` as a default label. Metric names are
 * documented in docs/operations.md. Labels never carry personal data: topics, codes, outcomes.
 */
export function createMetrics(service: string): HubMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'hub_process_' });
  return {
    registry,
    messagesConsumed: new Counter({ name: 'hub_messages_consumed_total', help: 'Messages handled by a consumer, by topic and outcome (handled, dead_lettered).', labelNames: ['topic', 'outcome'], registers: [registry] }),
    batchDuration: new Histogram({ name: 'hub_batch_duration_seconds', help: 'Time to handle one consumed batch.', labelNames: ['topic'], buckets: [0.005, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry] }),
    messagesProduced: new Counter({ name: 'hub_messages_produced_total', help: 'Messages acknowledged by Kafka (acks=all), by topic.', labelNames: ['topic'], registers: [registry] }),
  };
}

export interface HubMetrics {
  readonly registry: Registry;
  readonly messagesConsumed: Counter<'topic' | 'outcome'>;
  readonly batchDuration: Histogram<'topic'>;
  readonly messagesProduced: Counter<'topic'>;
}
