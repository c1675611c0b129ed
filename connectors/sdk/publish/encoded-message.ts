import type { AvroCodec } from '../../../services/platform/avro/avro-codec';
import type { OutgoingMessage } from '../process-record';

/** A message ready for Kafka: full (prefixed) topic, key, Avro bytes in the Confluent wire format. */
export interface EncodedMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Header every connector message carries: the event id, so tools can count and dedupe without decoding. */
export const EVENT_ID_HEADER = 'hub.event.id';

/** Encodes accepted records' messages through the registry codec (schemas registered once per process). */
export async function encodeMessages(codec: AvroCodec, topicPrefix: string, messages: readonly OutgoingMessage[],
  headers: Readonly<Record<string, string>> = {}): Promise<EncodedMessage[]> {
  const out: EncodedMessage[] = [];
  for (const m of messages) {
    const topic = topicPrefix + m.topic;
    out.push({ topic, key: m.key, value: await codec.encode(topic, m.recordName, m.value), headers: { ...headers, [EVENT_ID_HEADER]: m.eventId } });
  }
  return out;
}
