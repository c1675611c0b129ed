import type { IHeaders, Kafka } from 'kafkajs';
import { createProducer } from '../../services/platform/kafka/create-kafka';
import type { Logger } from '../../services/platform/logging/create-logger';
import { readDeadLetters, REPLAY_GROUP } from './dead-letters';

/** Header a replayed message carries: where it was dead-lettered, so a second failure is traceable. */
export const REPLAYED_FROM_HEADER = 'hub.dlq.replayed-from';

export interface ReplayResult {
  readonly topic: string;
  /** Put back on their source topic. */
  readonly replayed: number;
  /** Connector rejections (raw records): skipped, to be fixed at the source. */
  readonly notReplayable: number;
  /** Already replayed by an earlier run. */
  readonly alreadyReplayed: number;
}

/**
 * Puts a dead-letter topic's pending messages back on their source topics, in order, exactly once:
 * each batch of re-sent messages and the replay group's new offsets go in ONE Kafka transaction,
 * so a crash or a second run never re-sends what was already replayed. The original bytes and
 * headers go back untouched, minus the `hub.errors.*` reason (plus REPLAYED_FROM_HEADER), so the
 * consumer sees the same event id and stays idempotent.
 */
export async function replayDeadLetters(kafka: Kafka, topic: string, dryRun: boolean, log: Logger): Promise<ReplayResult> {
  const letters = await readDeadLetters(kafka, topic);
  const pending = letters.filter((l) => !l.view.replayed);
  const toSend = pending.filter((l) => l.view.replayable);
  const result: ReplayResult = {
    topic,
    replayed: toSend.length,
    notReplayable: pending.length - toSend.length,
    alreadyReplayed: letters.length - pending.length,
  };
  if (dryRun || pending.length === 0) return dryRun ? result : { ...result, replayed: 0 };

  const producer = await createProducer(kafka, { transactionalId: `hub-dlq-replay:${topic}` });
  try {
    const txn = await producer.transaction();
    try {
      const bySource = new Map<string, { key: string | null; value: Buffer | null; headers: IHeaders }[]>();
      for (const { view, message } of toSend) {
        const list = bySource.get(view.sourceTopic!) ?? [];
        list.push({ key: message.key, value: message.value, headers: replayHeaders(message.headers, `${topic}:${view.partition}:${view.offset}`) });
        bySource.set(view.sourceTopic!, list);
      }
      if (bySource.size > 0) await txn.sendBatch({ acks: -1, topicMessages: [...bySource].map(([t, messages]) => ({ topic: t, messages })) });
      // Every pending message, replayable or not, is now handled: the next run starts after them.
      const next = new Map<number, bigint>();
      for (const { view } of pending) {
        const after = BigInt(view.offset) + 1n;
        if ((next.get(view.partition) ?? -1n) < after) next.set(view.partition, after);
      }
      await txn.sendOffsets({
        consumerGroupId: REPLAY_GROUP,
        topics: [{ topic, partitions: [...next].map(([partition, offset]) => ({ partition, offset: String(offset) })) }],
      });
      await txn.commit();
    } catch (err) {
      await txn.abort().catch((e: unknown) => log.warn({ err: e }, 'abort after a failed replay also failed'));
      throw err;
    }
  } finally {
    await producer.disconnect();
  }
  return result;
}

function replayHeaders(headers: Readonly<Record<string, string>>, from: string): IHeaders {
  const out: IHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (!k.startsWith('hub.errors.')) out[k] = v;
  out[REPLAYED_FROM_HEADER] = from;
  return out;
}
