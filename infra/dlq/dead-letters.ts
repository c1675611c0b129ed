import type { Admin, Kafka } from 'kafkajs';
import { DLQ_SUFFIX } from '../../schemas/topics';
import { DLQ_HEADERS } from '../../services/platform/kafka/dead-letter';
import { readTopicToEnd, type ReadMessage } from '../../services/platform/kafka/read-topic';

/** Consumer group whose committed offsets record how far each dead-letter topic has been replayed. */
export const REPLAY_GROUP = 'hub.dlq-replay';

/** Header a connector adds to the records it rejects (connectors/sdk/import/dead-letter-record.ts). */
const CONNECTOR_HEADER = 'hub.errors.connector';

/**
 * What an operator sees of one dead letter: where it came from and why it failed. Never the value:
 * it is a child's record. Reasons name fields, never values (see dead-letter.ts), so they are safe.
 */
export interface DeadLetterView {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly sourceTopic: string | null;
  readonly stage: string | null;
  readonly code: string | null;
  readonly field: string | null;
  readonly reason: string | null;
  readonly failedAt: string | null;
  readonly consumer: string | null;
  /** For records a connector rejected: file and line, to fix at the source. */
  readonly file: string | null;
  readonly location: string | null;
  /**
   * Only messages dead-lettered by a consumer carry the original Kafka message and can be put back
   * on their topic. A record a connector rejected is the institution's raw text, not an event: it is
   * fixed at the source and imported again.
   */
  readonly replayable: boolean;
  readonly replayed: boolean;
}

export interface DeadLetterTopicSummary {
  readonly topic: string;
  readonly sourceTopic: string;
  readonly total: number;
  readonly pendingReplay: number;
}

export function isDeadLetterTopic(topic: string, prefix: string): boolean {
  return topic.startsWith(prefix) && topic.endsWith(DLQ_SUFFIX);
}

export async function deadLetterTopics(admin: Admin, prefix: string): Promise<DeadLetterTopicSummary[]> {
  const topics = (await admin.listTopics()).filter((t) => isDeadLetterTopic(t, prefix)).sort();
  const out: DeadLetterTopicSummary[] = [];
  for (const topic of topics) {
    const [offsets, replayedUpTo] = await Promise.all([admin.fetchTopicOffsets(topic), replayedOffsets(admin, topic)]);
    let total = 0;
    let pending = 0;
    for (const o of offsets) {
      const low = BigInt(o.low);
      const high = BigInt(o.high);
      total += Number(high - low);
      const from = maxBig(low, replayedUpTo.get(o.partition) ?? low);
      pending += Number(high > from ? high - from : 0n);
    }
    out.push({ topic, sourceTopic: topic.slice(0, -DLQ_SUFFIX.length), total, pendingReplay: pending });
  }
  return out;
}

/** Per partition, the first offset not yet replayed (the replay group's committed offset). */
export async function replayedOffsets(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  const [fetched] = await admin.fetchOffsets({ groupId: REPLAY_GROUP, topics: [topic] });
  const out = new Map<number, bigint>();
  for (const p of fetched?.partitions ?? []) if (Number(p.offset) >= 0) out.set(p.partition, BigInt(p.offset));
  return out;
}

export async function readDeadLetters(kafka: Kafka, topic: string): Promise<{ view: DeadLetterView; message: ReadMessage }[]> {
  const admin = kafka.admin();
  await admin.connect();
  const replayed = await replayedOffsets(admin, topic).finally(() => admin.disconnect());
  const messages = await readTopicToEnd(kafka, topic);
  return messages
    .sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)))
    .map((m) => ({ view: viewOf(topic, m, replayed), message: m }));
}

export function viewOf(topic: string, m: ReadMessage, replayed: ReadonlyMap<number, bigint>): DeadLetterView {
  const h = (name: string): string | null => m.headers[name] ?? null;
  return {
    topic,
    partition: m.partition,
    offset: m.offset,
    sourceTopic: h(DLQ_HEADERS.topic),
    stage: h(DLQ_HEADERS.stage),
    code: h(DLQ_HEADERS.code),
    field: h(DLQ_HEADERS.field),
    reason: h(DLQ_HEADERS.message),
    failedAt: h(DLQ_HEADERS.failedAt),
    consumer: h(DLQ_HEADERS.consumer),
    file: h('hub.errors.source.file'),
    location: h('hub.errors.source.location'),
    replayable: h(CONNECTOR_HEADER) === null && h(DLQ_HEADERS.topic) !== null,
    replayed: BigInt(m.offset) < (replayed.get(m.partition) ?? 0n),
  };
}

function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
