import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';

export interface ReadMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
}

/**
 * Everything committed on a topic right now, read with read_committed (aborted transactions are
 * invisible) until every partition reaches its high watermark. For counting what really landed.
 */
export async function readTopicToEnd(kafka: Kafka, topic: string, timeoutMs = 60000): Promise<ReadMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const pending = new Map(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high)]));
  const out: ReadMessage[] = [];
  if (pending.size === 0) return out;
  const groupId = `hub-reader-${randomBytes(5).toString('hex')}`;
  const consumer = kafka.consumer({ groupId, readUncommitted: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out reading ${topic}: ${out.length} messages so far`)), timeoutMs);
      consumer.on(consumer.events.END_BATCH_PROCESS, (e) => {
        const high = pending.get(e.payload.partition);
        if (high !== undefined && BigInt(e.payload.lastOffset) + 1n >= high) pending.delete(e.payload.partition);
        if (pending.size === 0) { clearTimeout(timer); resolve(); }
      });
      consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          for (const m of batch.messages) {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(m.headers ?? {})) headers[k] = String(v);
            out.push({ partition: batch.partition, offset: m.offset, key: m.key?.toString() ?? null, value: m.value, headers });
          }
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
    // The reader's group is throw-away: leave nothing behind for `hub lag` to list.
    const cleanup = kafka.admin();
    await cleanup.connect().then(() => cleanup.deleteGroups([groupId])).catch(() => undefined).finally(() => cleanup.disconnect());
  }
  return out;
}
