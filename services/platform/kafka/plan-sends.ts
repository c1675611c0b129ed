import type { Message } from 'kafkajs';

/**
 * Kafka refuses a record batch larger than the topic's `max.message.bytes` (1 MiB by default),
 * and kafkajs sends everything one call gives a partition as ONE batch. So a transaction's
 * messages are split into several sends, none giving any partition more than `maxBytes`.
 * Partitions are computed up front with the same murmur2 partitioner, passed in.
 */
export interface PlannedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: Message;
  readonly bytes: number;
}

export type TopicMessages = { topic: string; messages: Message[] };

/** Default cap per partition and send: well under 1 MiB, leaving room for batch and record overheads. */
export const MAX_PARTITION_BYTES_PER_SEND = 768 * 1024;

export function planSends(messages: readonly PlannedMessage[], maxBytes = MAX_PARTITION_BYTES_PER_SEND): TopicMessages[][] {
  const sends: TopicMessages[][] = [];
  let current = new Map<string, TopicMessages>();
  let bytesByPartition = new Map<string, number>();
  for (const m of messages) {
    const tp = `${m.topic}\u0000${m.partition}`;
    const used = bytesByPartition.get(tp) ?? 0;
    if (used > 0 && used + m.bytes > maxBytes) {
      sends.push([...current.values()]);
      current = new Map();
      bytesByPartition = new Map();
    }
    bytesByPartition.set(tp, (bytesByPartition.get(tp) ?? 0) + m.bytes);
    let tm = current.get(m.topic);
    if (!tm) { tm = { topic: m.topic, messages: [] }; current.set(m.topic, tm); }
    tm.messages.push({ ...m.message, partition: m.partition });
  }
  if (current.size > 0) sends.push([...current.values()]);
  return sends;
}

/** Approximate bytes a message takes in a record batch (key, value, headers, ~70 bytes of framing). */
export function messageBytes(m: Message): number {
  let n = 70 + (m.value ? (m.value as Buffer).length : 0) + (m.key ? Buffer.byteLength(m.key as string) : 0);
  if (m.headers) for (const [k, v] of Object.entries(m.headers)) n += Buffer.byteLength(k) + (typeof v === 'string' ? Buffer.byteLength(v) : (v as Buffer | undefined)?.length ?? 0) + 4;
  return n;
}
