import { allTopicSpecs } from '../../schemas/topics';
import { SCHEMAS } from '../../schemas';
import type { HubConfig } from '../../services/platform/config/hub-config';
import type { Logger } from '../../services/platform/logging/create-logger';
import { createKafka } from '../../services/platform/kafka/create-kafka';
import { kafkaSecurityOf } from '../../services/platform/kafka/client-security';
import { ensureTopics, type EnsureTopicsResult } from '../../services/platform/kafka/ensure-topics';
import { createPool } from '../../services/platform/postgres/create-pool';
import { discoverMigrations, runMigrations } from '../../services/platform/postgres/migrations/run-migrations';
import { createSchemaRegistryClient } from '../../services/platform/avro/registry-client';
import { subjectFor } from '../../services/platform/avro/subject-naming';
import { findRepoRoot } from '../../services/platform/paths';

export interface PrepareResult {
  readonly migrations: readonly string[];
  readonly topics: EnsureTopicsResult;
  readonly subjects: readonly string[];
}

export type PrepareStep = 'migrations' | 'topics' | 'schemas';

/**
 * Makes the hub's shared resources match the code, idempotently, before any service starts:
 * database migrations, topics (with DLQs), and every event schema registered under its topic's
 * subject with BACKWARD compatibility. An incompatible schema change fails here, at deploy time.
 */
export async function prepareHub(config: HubConfig, log: Logger, onStep: (s: PrepareStep) => void = () => undefined): Promise<PrepareResult> {
  onStep('migrations');
  const pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: config.HUB_DB_SCHEMA, applicationName: 'hub-prepare', max: 2 });
  let migrations: string[];
  try {
    migrations = (await runMigrations(pool, discoverMigrations(findRepoRoot()))).applied;
  } finally {
    await pool.end();
  }

  onStep('topics');
  const specs = allTopicSpecs(config.HUB_TOPIC_PREFIX);
  const admin = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'hub-prepare', log, security: kafkaSecurityOf(config) }).admin();
  await admin.connect();
  let topics: EnsureTopicsResult;
  try {
    topics = await ensureTopics(admin, specs);
  } finally {
    await admin.disconnect();
  }

  onStep('schemas');
  const registry = createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL);
  const subjects: string[] = [];
  for (const spec of specs) {
    for (const record of spec.records) {
      const schema = (SCHEMAS as Readonly<Record<string, object>>)[record];
      if (!schema) throw new Error(`topic ${spec.name} declares record ${record}, which has no schema in schemas/`);
      const subject = subjectFor(spec.name, record);
      await registry.register(subject, schema);
      await registry.setCompatibility(subject, 'BACKWARD');
      subjects.push(subject);
    }
  }
  log.info({ migrations: migrations.length, topicsCreated: topics.created.length, subjects: subjects.length }, 'hub prepared');
  return { migrations, topics, subjects };
}
