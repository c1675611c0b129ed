import type { AvroCodec } from '../../../services/platform/avro/avro-codec';
import { EVENT_ID_HEADER, type EncodedMessage } from '../../../services/platform/kafka/encoded-message';
import type { OutgoingMessage } from '../process-record';

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
