import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { provideInfrastructure, type Infrastructure } from './infrastructure';

/**
 * Jest global setup for the integration project. Provides real infrastructure and gives this
 * run its own namespace: a topic prefix and a fresh PostgreSQL schema, so concurrent runs (and a
 * developer's running hub) never see each other's data. Workers inherit the env vars set here.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const infra = await provideInfrastructure(process.env);
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const dbSchema = `it_${runId}`;

  process.env.KAFKA_BROKERS = infra.kafkaBrokers;
  process.env.SCHEMA_REGISTRY_URL = infra.schemaRegistryUrl;
  process.env.DATABASE_URL = infra.databaseUrl;
  process.env.HUB_TOPIC_PREFIX = `it-${runId}.`;
  process.env.HUB_DB_SCHEMA = dbSchema;
  process.env.HUB_TEST_RUN_ID = runId;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';

  const db = new Client({ connectionString: infra.databaseUrl });
  await db.connect();
  try {
    await db.query(`CREATE SCHEMA IF NOT EXISTS "${dbSchema}"`);
  } finally {
    await db.end();
  }
  (globalThis as { __hubInfra?: Infrastructure }).__hubInfra = infra;
  process.stderr.write(`\n[test] infrastructure: ${infra.source} (kafka ${infra.kafkaBrokers}, registry ${infra.schemaRegistryUrl}); namespace it-${runId}; ready in ${Date.now() - started} ms\n`);
}
