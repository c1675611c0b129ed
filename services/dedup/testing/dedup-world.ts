import { randomBytes } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { prepareHub } from '../../../infra/bootstrap/prepare-hub';
import { SCHEMAS, type PersonObserved } from '../../../schemas';
import { childEventKey, TOPICS } from '../../../schemas/topics';
import { createAvroCodec, type AvroCodec } from '../../platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../../platform/avro/registry-client';
import { loadConfig } from '../../platform/config/load-config';
import { createKafka, createProducer } from '../../platform/kafka/create-kafka';
import { EVENT_ID_HEADER } from '../../platform/kafka/encoded-message';
import { createLogger, type Logger } from '../../platform/logging/create-logger';
import { createPool, quoteIdent } from '../../platform/postgres/create-pool';
import { readTopicToEnd } from '../../../test/support/read-topic';
import { readDedupStats, type DedupStats } from '../adapters/dedup-stats';
import { dedupConfigSchema, type DedupConfig } from '../config';
import { SOURCE_EVENT_ID_HEADER } from '../inputs';

/** An institution child event to produce: its topic spec key, Avro record name and value. */
export interface InputEvent {
  readonly topic: string;
  readonly recordName: string;
  readonly value: { envelope: { eventId: string; sourceInstitution: string } & Record<string, unknown>; person?: { sourceRecordId: string } } & Record<string, unknown>;
}

export interface ObservedMessage {
  readonly key: string | null;
  readonly eventId: string | undefined;
  readonly sourceEventId: string | undefined;
  readonly value: PersonObserved;
}

/**
 * An isolated world for one dedup test file (or benchmark run): its own PostgreSQL schema and
 * topic prefix under the run's namespace, migrated, with topics and schemas in place.
 */
export interface DedupWorld {
  readonly config: DedupConfig;
  /** Environment for a child dedup process. */
  readonly env: NodeJS.ProcessEnv;
  readonly kafka: Kafka;
  readonly codec: AvroCodec;
  readonly pool: Pool;
  readonly producer: Producer;
  /** Produces events (plain idempotent producer, acks=all), keyed like connectors do. */
  produce(events: readonly InputEvent[]): Promise<void>;
  /** Produces raw bytes to an institution topic (poison tests). */
  produceRaw(topic: string, key: string, value: Buffer): Promise<void>;
  /** Every committed PersonObserved, decoded. */
  readPersonObserved(): Promise<ObservedMessage[]>;
  readRaw(unprefixedTopic: string): ReturnType<typeof readTopicToEnd>;
  stats(): Promise<DedupStats>;
  close(opts?: { topics?: boolean }): Promise<void>;
}

export async function createDedupWorld(label: string, baseEnv: NodeJS.ProcessEnv = process.env, log: Logger = quietLogger()): Promise<DedupWorld> {
  const id = randomBytes(3).toString('hex');
  const schema = `${baseEnv.HUB_DB_SCHEMA ?? 'hub'}_${label}_${id}`.slice(0, 63);
  const env: NodeJS.ProcessEnv = { ...baseEnv, HUB_DB_SCHEMA: schema, HUB_TOPIC_PREFIX: `${baseEnv.HUB_TOPIC_PREFIX ?? ''}${label}-${id}.`, HTTP_PORT: '0' };
  const config = loadConfig(dedupConfigSchema, env);
  const pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: config.HUB_DB_SCHEMA, applicationName: 'dedup-test', max: 3 });
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'dedup-test', log });
  try {
    await prepareHub(config, log);
  } catch (err) {
    // A half-prepared world (topics created, the registry failed) is removed, not left on a shared disk.
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(config.HUB_DB_SCHEMA)} CASCADE`).catch(() => undefined);
    await pool.end();
    await dropTopicsAndSubjects(kafka, config.SCHEMA_REGISTRY_URL, config.HUB_TOPIC_PREFIX).catch(() => undefined);
    throw err;
  }
  const codec = createAvroCodec(createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
  const producer = await createProducer(kafka);
  const p = config.HUB_TOPIC_PREFIX;
  return {
    config, env, kafka, codec, pool, producer,
    async produce(events) {
      const byTopic = new Map<string, { key: string; value: Buffer; headers: Record<string, string> }[]>();
      for (const e of events) {
        const topic = p + e.topic;
        const value = await codec.encode(topic, e.recordName, e.value);
        const list = byTopic.get(topic) ?? [];
        list.push({ key: childEventKey(e.value.envelope.sourceInstitution, e.value.person?.sourceRecordId ?? '(none)'), value, headers: { [EVENT_ID_HEADER]: e.value.envelope.eventId } });
        byTopic.set(topic, list);
      }
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    },
    async produceRaw(topic, key, value) {
      await producer.send({ topic: p + topic, acks: -1, messages: [{ key, value }] });
    },
    async readPersonObserved() {
      const raw = await readTopicToEnd(kafka, p + TOPICS.personObserved.name);
      const out: ObservedMessage[] = [];
      for (const m of raw) {
        out.push({ key: m.key, eventId: m.headers[EVENT_ID_HEADER], sourceEventId: m.headers[SOURCE_EVENT_ID_HEADER], value: (await codec.decode<PersonObserved>(m.value)).value });
      }
      return out;
    },
    readRaw(topic) { return readTopicToEnd(kafka, p + topic); },
    stats() { return readDedupStats(pool); },
    async close(opts = {}) {
      await producer.disconnect().catch(() => undefined);
      await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(config.HUB_DB_SCHEMA)} CASCADE`).catch(() => undefined);
      await pool.end();
      if (opts.topics) await dropTopicsAndSubjects(kafka, config.SCHEMA_REGISTRY_URL, p);
    },
  };
}

function quietLogger(): Logger {
  return createLogger({ service: 'dedup-test', level: 'warn', destination: process.stderr as never });
}

/** Removes a world's topics and registry subjects (benchmarks; tests leave them to the run's teardown). */
export async function dropTopicsAndSubjects(kafka: Kafka, registryUrl: string, prefix: string): Promise<void> {
  if (!prefix) throw new Error('refusing to drop topics without a prefix');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30000 });
  } finally {
    await admin.disconnect();
  }
  const res = await fetch(`${registryUrl}/subjects`);
  if (!res.ok) return;
  for (const s of ((await res.json()) as string[]).filter((x) => x.startsWith(prefix))) {
    const url = `${registryUrl}/subjects/${encodeURIComponent(s)}`;
    await fetch(url, { method: 'DELETE' });
    await fetch(`${url}?permanent=true`, { method: 'DELETE' });
  }
}
