import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { errorCode } from '../errors';
import { deadLetterTopicOf } from '../../../schemas/topics';

/**
 * Dead-letter headers. Names follow Kafka Connect's `__connect.errors.*` (KIP-298) so Kafka
 * operators recognise them; `hub.` because these are the hub's, not Connect's. The error message
 * is written by hub code and must never contain personal data (it names fields, never values).
 */
export const DLQ_HEADERS = {
  topic: 'hub.errors.topic',
  partition: 'hub.errors.partition',
  offset: 'hub.errors.offset',
  stage: 'hub.errors.stage',
  consumer: 'hub.errors.consumer',
  code: 'hub.errors.code',
  message: 'hub.errors.message',
  field: 'hub.errors.field',
  failedAt: 'hub.errors.failed.at',
} as const;

export interface DeadLetter {
  readonly topic: string;
  readonly partition: number;
  readonly message: Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'offset'>;
  /** Where it failed: `decode` or `handle` (or a connector stage: `parse`, `validate`, `map`). */
  readonly stage: string;
  readonly consumer: string;
  readonly error: unknown;
  readonly at: number;
}

export function deadLetterHeaders(d: DeadLetter): IHeaders {
  const field = (d.error as { field?: unknown })?.field;
  const headers: IHeaders = {
    ...(d.message.headers ?? {}),
    [DLQ_HEADERS.topic]: d.topic,
    [DLQ_HEADERS.partition]: String(d.partition),
    [DLQ_HEADERS.offset]: d.message.offset,
    [DLQ_HEADERS.stage]: d.stage,
    [DLQ_HEADERS.consumer]: d.consumer,
    [DLQ_HEADERS.code]: errorCode(d.error),
    [DLQ_HEADERS.message]: d.error instanceof Error ? d.error.message.slice(0, 1000) : 'unknown error',
    [DLQ_HEADERS.failedAt]: new Date(d.at).toISOString(),
  };
  if (typeof field === 'string') headers[DLQ_HEADERS.field] = field;
  return headers;
}

/** Sends the original bytes, untouched, to `<topic>.dlq` with the reason in headers (acks=all). */
export async function sendToDeadLetter(producer: Producer, letters: readonly DeadLetter[]): Promise<void> {
  if (letters.length === 0) return;
  const byTopic = new Map<string, DeadLetter[]>();
  for (const l of letters) {
    const dlq = deadLetterTopicOf(l.topic);
    const list = byTopic.get(dlq);
    if (list) list.push(l); else byTopic.set(dlq, [l]);
  }
  await producer.sendBatch({
    acks: -1,
    topicMessages: [...byTopic].map(([topic, ls]) => ({
      topic,
      messages: ls.map((l) => ({ key: l.message.key, value: l.message.value, headers: deadLetterHeaders(l) })),
    })),
  });
}
