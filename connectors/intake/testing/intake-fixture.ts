import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { prepareHub } from '../../../infra/bootstrap/prepare-hub';
import { SCHEMAS } from '../../../schemas';
import { createAvroCodec, type AvroCodec } from '../../../services/platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../../../services/platform/avro/registry-client';
import { CredentialRepository } from '../../../services/platform/auth/credential-repository';
import type { CredentialInstitution } from '../../../services/platform/auth/credential';
import { loadConfig } from '../../../services/platform/config/load-config';
import { createKafka } from '../../../services/platform/kafka/create-kafka';
import { createLogger, type Logger } from '../../../services/platform/logging/create-logger';
import { createPool, quoteIdent } from '../../../services/platform/postgres/create-pool';
import { readTopicToEnd } from '../../../test/support/read-topic';
import { EVENT_ID_HEADER } from '../../../services/platform/kafka/encoded-message';
import { intakeConfigSchema, type IntakeConfig } from '../config';

/**
 * An isolated world for one intake test file (or benchmark run): its own PostgreSQL schema and
 * topic prefix under the run's namespace, migrated and with topics and schemas in place, so
 * several intakes (and their relays, one per schema) never see each other.
 */
export interface IntakeWorld {
  readonly config: IntakeConfig;
  /** Environment for a child intake process. */
  readonly env: NodeJS.ProcessEnv;
  readonly kafka: Kafka;
  readonly codec: AvroCodec;
  credential(institution: CredentialInstitution, scope: string): Promise<{ id: string; token: string }>;
  revoke(id: string): Promise<void>;
  /** Every committed message on a topic (read_committed), to the end of each partition. */
  readTopic(unprefixed: string): Promise<TopicMessage[]>;
  /** Outbox rows not yet relayed. */
  outboxDepth(): Promise<number>;
  readonly pool: Pool;
  /** Drops the world's database schema; with `topics`, also its topics and registry subjects (tests leave those to the run's teardown). */
  close(opts?: { topics?: boolean }): Promise<void>;
}

export interface TopicMessage {
  readonly key: string | null;
  readonly value: Buffer;
  readonly eventId: string | undefined;
  readonly headers: Record<string, string>;
}

export async function createIntakeWorld(label: string, baseEnv: NodeJS.ProcessEnv = process.env, log: Logger = quietLogger()): Promise<IntakeWorld> {
  const id = randomBytes(3).toString('hex');
  const schema = `${baseEnv.HUB_DB_SCHEMA ?? 'hub'}_${label}_${id}`.slice(0, 63);
  const env: NodeJS.ProcessEnv = { ...baseEnv, HUB_DB_SCHEMA: schema, HUB_TOPIC_PREFIX: `${baseEnv.HUB_TOPIC_PREFIX ?? ''}${label}-${id}.`, HTTP_PORT: '0' };
  const config = loadConfig(intakeConfigSchema, env);
  await prepareHub(config, log);
  const pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: config.HUB_DB_SCHEMA, applicationName: 'intake-test', max: 2 });
  const repo = new CredentialRepository(pool);
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'intake-test', log });
  const codec = createAvroCodec(createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
  return {
    config, env, kafka, codec,
    async credential(institution, scope) {
      const { credential, token } = await repo.create({ institution, scope, label: 'test' });
      return { id: credential.id, token };
    },
    async revoke(credentialId) { await repo.revoke(credentialId); },
    async readTopic(topic) {
      return (await readTopicToEnd(kafka, config.HUB_TOPIC_PREFIX + topic)).map((m) => ({ key: m.key, value: m.value!, headers: m.headers, eventId: m.headers[EVENT_ID_HEADER] }));
    },
    pool,
    async outboxDepth() { return Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM intake_outbox')).rows[0]!.n); },
    async close(opts = {}) {
      await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(config.HUB_DB_SCHEMA)} CASCADE`).catch(() => undefined);
      await pool.end();
      if (opts.topics) await dropTopicsAndSubjects(kafka, config.SCHEMA_REGISTRY_URL, config.HUB_TOPIC_PREFIX);
    },
  };
}

function quietLogger(): Logger {
  return createLogger({ service: 'intake-test', level: 'warn', destination: process.stderr as never });
}

async function dropTopicsAndSubjects(kafka: Kafka, registryUrl: string, prefix: string): Promise<void> {
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
