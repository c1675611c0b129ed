import type { Kafka } from 'kafkajs';
import { SCHEMAS } from '../../../schemas';
import { TOPICS } from '../../../schemas/topics';
import { createAvroCodec } from '../../../services/platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../../../services/platform/avro/registry-client';
import { createProducer } from '../../../services/platform/kafka/create-kafka';
import { aChild, anEnvelope } from '../../builders/event-parts';
import { anAdmissionOrderIssued } from '../../builders/tribunal-events';

/** The three kinds of poison the issue names, each with the DLQ stage it must end in. */
export const POISON_KINDS = ['undecodable', 'unknown-schema-id', 'domain-violation'] as const;
export type PoisonKind = (typeof POISON_KINDS)[number];

export const POISON_TOPIC = TOPICS.tribunalEvents.name;

/**
 * Puts poison on the court topic, in the middle of real traffic: bytes that are not Avro at all,
 * the Confluent framing with a schema id the registry never issued, and a well-formed
 * AdmissionOrderIssued (registered schema) whose envelope has no event id, which the domain refuses.
 */
export async function injectPoison(kafka: Kafka, prefix: string, registryUrl: string, tag: string): Promise<Record<PoisonKind, string>> {
  const topic = prefix + POISON_TOPIC;
  const codec = createAvroCodec(createSchemaRegistryClient(registryUrl), SCHEMAS as Readonly<Record<string, object>>);
  const badId = Buffer.alloc(5 + 16);
  badId.writeUInt8(0, 0);
  badId.writeUInt32BE(2_000_000_000, 1);
  badId.fill(7, 5);
  const violating = anAdmissionOrderIssued({
    envelope: anEnvelope('TRIBUNAL', '1301', `POISON-${tag}`, { eventId: '' }),
    person: aChild('TRIBUNAL', `1301/POISON-${tag}`),
  });
  const keys: Record<PoisonKind, string> = {
    undecodable: `TRIBUNAL:poison-bytes-${tag}`,
    'unknown-schema-id': `TRIBUNAL:poison-schema-${tag}`,
    'domain-violation': `TRIBUNAL:1301/POISON-${tag}`,
  };
  const producer = await createProducer(kafka);
  try {
    await producer.send({
      topic, acks: -1,
      messages: [
        { key: keys.undecodable, value: Buffer.from(`not avro at all ${tag}`) },
        { key: keys['unknown-schema-id'], value: badId },
        { key: keys['domain-violation'], value: await codec.encode(topic, 'hub.tribunal.AdmissionOrderIssued', violating) },
      ],
    });
  } finally {
    await producer.disconnect();
  }
  return keys;
}
