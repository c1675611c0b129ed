/**
 * Every Kafka topic of the hub, declared as data: the contract between services, next to the
 * schemas of the records it carries. `hub stack`/`hub start` create them idempotently
 * (services/platform/kafka/ensure-topics.ts). Naming: `hub.<domain>.<name>.v<major>`; each
 * topic with `deadLetter: true` gets `<topic>.dlq`.
 */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** `compact` for state topics (latest value per key); `delete` for event streams. */
  readonly cleanupPolicy: 'delete' | 'compact';
  /** -1 keeps records forever: an accepted record must never age out before it is processed. */
  readonly retentionMs: number;
  /** What the message key is; ordering is per key. */
  readonly key: string;
  /** Fully-qualified Avro record names that may appear on the topic (TopicRecordNameStrategy). */
  readonly records: readonly string[];
  readonly deadLetter: boolean;
  readonly description: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Dead letters are kept for 90 days: long enough to fix and replay, short enough to honour minimisation. */
export const DLQ_RETENTION_MS = 90 * DAY_MS;
export const DLQ_SUFFIX = '.dlq';

export const TOPICS = {
  personObserved: {
    name: 'hub.identity.person-observed.v1',
    partitions: 6,
    cleanupPolicy: 'delete',
    retentionMs: -1,
    key: 'source institution + source record id',
    records: ['hub.identity.PersonObserved'],
    deadLetter: true,
    description: 'A child as one institution knows them; input of deduplication and matching.',
  },
} as const satisfies Record<string, TopicSpec>;

export function deadLetterTopicOf(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/** Every topic to create, dead-letter topics included, with the run's prefix applied. */
export function allTopicSpecs(prefix = ''): TopicSpec[] {
  const specs: TopicSpec[] = [];
  for (const t of Object.values(TOPICS) as TopicSpec[]) {
    specs.push({ ...t, name: prefix + t.name });
    if (t.deadLetter) {
      specs.push({
        name: prefix + deadLetterTopicOf(t.name),
        partitions: 1,
        cleanupPolicy: 'delete',
        retentionMs: DLQ_RETENTION_MS,
        key: t.key,
        records: [],
        deadLetter: false,
        description: `Messages of ${t.name} that could not be processed, with the reason in headers.`,
      });
    }
  }
  return specs;
}
