import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import type { Infrastructure } from './infrastructure';

/** Removes this run's namespace (topics, registry subjects, DB schema), then stops what setup started. */
export default async function globalTeardown(): Promise<void> {
  const infra = (globalThis as { __hubInfra?: Infrastructure }).__hubInfra;
  const prefix = process.env.HUB_TOPIC_PREFIX;
  const dbSchema = process.env.HUB_DB_SCHEMA;
  if (!infra || !prefix || !dbSchema) return;
  await Promise.allSettled([dropTopics(infra, prefix), dropSubjects(infra, prefix), dropSchema(infra, dbSchema)]);
  await infra.stop();
}

async function dropTopics(infra: Infrastructure, prefix: string): Promise<void> {
  const admin = new Kafka({ brokers: infra.kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30000 });
  } finally {
    await admin.disconnect();
  }
}

async function dropSubjects(infra: Infrastructure, prefix: string): Promise<void> {
  const res = await fetch(`${infra.schemaRegistryUrl}/subjects`);
  if (!res.ok) return;
  const subjects = ((await res.json()) as string[]).filter((s) => s.startsWith(prefix));
  for (const s of subjects) {
    const url = `${infra.schemaRegistryUrl}/subjects/${encodeURIComponent(s)}`;
    await fetch(url, { method: 'DELETE' });
    await fetch(`${url}?permanent=true`, { method: 'DELETE' });
  }
}

async function dropSchema(infra: Infrastructure, dbSchema: string): Promise<void> {
  const db = new Client({ connectionString: infra.databaseUrl });
  await db.connect();
  try {
    await db.query(`DROP SCHEMA IF EXISTS "${dbSchema}" CASCADE`);
  } finally {
    await db.end();
  }
}
