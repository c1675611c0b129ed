/** A message ready for Kafka: full (prefixed) topic, key, Avro bytes in the Confluent wire format. */
export interface EncodedMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Header every hub event message carries: the event id, so tools can count and dedupe without decoding. */
export const EVENT_ID_HEADER = 'hub.event.id';
