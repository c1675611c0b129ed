import type { Admin, Kafka, Producer } from 'kafkajs';
import { createAvroCodec, type AvroCodec } from '../../services/platform/avro/avro-codec';
import { createSchemaRegistryClient, type SchemaRegistryClient } from '../../services/platform/avro/registry-client';
import { createKafka, createProducer } from '../../services/platform/kafka/create-kafka';
import { kafkaSecurityOf } from '../../services/platform/kafka/client-security';
import { ensureTopics } from '../../services/platform/kafka/ensure-topics';
import { deadLetterTopicOf } from '../../schemas/topics';
import { testConfig, testLogger, uniqueTopic } from './test-env';

/** A small record used by platform tests that must not depend on the business schemas. */
export const PING_SCHEMA = {
  type: 'record', name: 'Ping', namespace: 'hub.test',
  fields: [{ name: 'id', type: 'string' }, { name: 'n', type: 'int' }],
} as const;
export interface Ping { id: string; n: number }

export interface KafkaFixture {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly producer: Producer;
  readonly registry: SchemaRegistryClient;
  readonly codec: AvroCodec;
  readonly log: ReturnType<typeof testLogger>;
  /** Creates a fresh topic (and its .dlq) under the run's prefix. */
  topic(label: string, partitions?: number): Promise<string>;
  /** Reads every message currently on a topic, from the beginning. */
  readAll(topic: string, expected: number, timeoutMs?: number): Promise<{ key: string | null; value: Buffer | null; headers: Record<string, string> }[]>;
  close(): Promise<void>;
}

export async function createKafkaFixture(schemas: Record<string, object> = { 'hub.test.Ping': PING_SCHEMA }): Promise<KafkaFixture> {
  const config = testConfig();
  const log = testLogger();
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'test', log, security: kafkaSecurityOf(config) });
  const admin = kafka.admin();
  await admin.connect();
  const producer = await createProducer(kafka);
  const registry = createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL);
  const codec = createAvroCodec(registry, schemas);
  const consumers: { disconnect(): Promise<void> }[] = [];

  return {
    kafka, admin, producer, registry, codec, log,
    async topic(label, partitions = 1) {
      const name = uniqueTopic(label);
      const base = { partitions, cleanupPolicy: 'delete' as const, retentionMs: -1, key: 'k', records: [], deadLetter: false, description: 'test' };
      await ensureTopics(admin, [{ ...base, name }, { ...base, name: deadLetterTopicOf(name), partitions: 1 }]);
      return name;
    },
    async readAll(topic, expected, timeoutMs = 20000) {
      const consumer = kafka.consumer({ groupId: `reader-${topic}-${Date.now()}` });
      consumers.push(consumer);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const out: { key: string | null; value: Buffer | null; headers: Record<string, string> }[] = [];
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${out.length}/${expected} messages on ${topic}`)), timeoutMs);
        void consumer.run({
          eachMessage: async ({ message }) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
            out.push({ key: message.key?.toString() ?? null, value: message.value, headers });
            if (out.length >= expected) { clearTimeout(timer); resolve(); }
          },
        });
        if (expected === 0) { clearTimeout(timer); resolve(); }
      });
      await consumer.disconnect();
      return out;
    },
    async close() {
      await Promise.allSettled(consumers.map((c) => c.disconnect()));
      await producer.disconnect();
      await admin.disconnect();
    },
  };
}
