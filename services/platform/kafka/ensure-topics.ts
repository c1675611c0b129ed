import { ConfigResourceTypes, type Admin } from 'kafkajs';
import type { TopicSpec } from '../../../schemas/topics';

function configEntries(spec: TopicSpec): { name: string; value: string }[] {
  const entries = [
    { name: 'cleanup.policy', value: spec.cleanupPolicy },
    { name: 'retention.ms', value: String(spec.retentionMs) },
  ];
  if (spec.cleanupPolicy === 'compact') entries.push({ name: 'min.cleanable.dirty.ratio', value: '0.1' });
  return entries;
}

export interface EnsureTopicsResult {
  readonly created: string[];
  readonly updated: string[];
  readonly unchanged: string[];
}

/**
 * Creates missing topics and brings existing ones in line with their declaration (configs,
 * partition count upwards only: Kafka cannot shrink a topic). Safe to run at every start.
 */
export async function ensureTopics(admin: Admin, specs: readonly TopicSpec[]): Promise<EnsureTopicsResult> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existing.has(s.name));
  const present = specs.filter((s) => existing.has(s.name));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((s) => ({ topic: s.name, numPartitions: s.partitions, replicationFactor: -1, configEntries: configEntries(s) })),
    });
  }
  const updated: string[] = [];
  if (present.length > 0) {
    const meta = await admin.fetchTopicMetadata({ topics: present.map((s) => s.name) });
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: present.map((s) => ({ type: ConfigResourceTypes.TOPIC, name: s.name, configNames: ['cleanup.policy', 'retention.ms'] })),
    });
    for (const spec of present) {
      const current = described.resources.find((r) => r.resourceName === spec.name)?.configEntries ?? [];
      const wanted = configEntries(spec).filter((e) => e.name !== 'min.cleanable.dirty.ratio');
      const drift = wanted.some((w) => current.find((c) => c.configName === w.name)?.configValue !== w.value);
      const partitions = meta.topics.find((t) => t.name === spec.name)?.partitions.length ?? spec.partitions;
      if (drift) {
        await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: spec.name, configEntries: configEntries(spec) }] });
      }
      if (partitions < spec.partitions) await admin.createPartitions({ topicPartitions: [{ topic: spec.name, count: spec.partitions }] });
      if (drift || partitions < spec.partitions) updated.push(spec.name);
    }
  }
  return {
    created: missing.map((s) => s.name),
    updated,
    unchanged: present.map((s) => s.name).filter((n) => !updated.includes(n)),
  };
}
