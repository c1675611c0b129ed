/**
 * Integration-test and benchmark kit of the case-status service: a namespace (topic prefix) with its
 * topics, the tables migrated, producers of institution and identity events, a reader of case.updates.
 * Synthetic data only.
 */
import { randomBytes } from 'node:crypto';
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { SCHEMAS, type CaseUpdated, type ChildIdentityChanged } from '../../../schemas';
import { allTopicSpecs, childEventKey, TOPICS } from '../../../schemas/topics';
import { createAvroCodec, type AvroCodec } from '../../platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../../platform/avro/registry-client';
import { loadConfig } from '../../platform/config/load-config';
import { createKafka, createProducer } from '../../platform/kafka/create-kafka';
import { ensureTopics } from '../../platform/kafka/ensure-topics';
import type { Logger } from '../../platform/logging/create-logger';
import { findRepoRoot } from '../../platform/paths';
import { createPool } from '../../platform/postgres/create-pool';
import { discoverMigrations, runMigrations } from '../../platform/postgres/migrations/run-migrations';
import { caseStatusConfigSchema, type CaseStatusConfig } from '../config';
import { CASE_INPUT_TOPICS } from '../start-case-status';

const TOPIC_OF_NAMESPACE: Record<string, string> = {
  tribunal: TOPICS.tribunalEvents.name, sename: TOPICS.senameEvents.name, municipality: TOPICS.municipalityEvents.name,
  school: TOPICS.schoolEvents.name, health: TOPICS.healthEvents.name,
};

export interface InstitutionEvent { readonly recordName: string; readonly value: { envelope: { eventId: string; sourceInstitution: string }; person: { sourceRecordId: string } } }

export interface CaseKit {
  readonly prefix: string;
  readonly pool: Pool;
  readonly kafka: Kafka;
  readonly codec: AvroCodec;
  readonly producer: Producer;
  config(over?: Partial<Record<keyof CaseStatusConfig, string>>): CaseStatusConfig;
  produceEvents(events: readonly InstitutionEvent[]): Promise<void>;
  produceIdentity(events: readonly ChildIdentityChanged[]): Promise<void>;
  /** Every CaseUpdated on hub.case.updates.v1 (read_committed) once `done` holds. */
  readUpdates(done: (u: readonly CaseUpdated[]) => boolean, timeoutMs?: number): Promise<CaseUpdated[]>;
  dropTopics(): Promise<void>;
  close(): Promise<void>;
}

export async function createCaseKit(env: NodeJS.ProcessEnv, label: string, log: Logger): Promise<CaseKit> {
  const base = loadConfig(caseStatusConfigSchema, env);
  const prefix = `${base.HUB_TOPIC_PREFIX}${label}-${randomBytes(3).toString('hex')}.`;
  const pool = await createPool({ databaseUrl: base.DATABASE_URL, schema: base.HUB_DB_SCHEMA, applicationName: 'case-status-test', max: 4 });
  await runMigrations(pool, discoverMigrations(findRepoRoot()).filter((m) => m.component === 'platform' || m.component === 'case-status'));
  const kafka = createKafka({ brokers: base.KAFKA_BROKERS, clientId: 'case-status-test', log });
  const admin: Admin = kafka.admin();
  await admin.connect();
  const wanted = new Set<string>([...CASE_INPUT_TOPICS.map((t) => t.name), TOPICS.caseStatus.name, TOPICS.caseUpdates.name, 'hub.connector.checkpoints.v1']);
  await ensureTopics(admin, allTopicSpecs(prefix).filter((s) => wanted.has(s.name.slice(prefix.length))));
  const producer = await createProducer(kafka);
  const codec = createAvroCodec(createSchemaRegistryClient(base.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
  return {
    prefix, pool, kafka, codec, producer,
    config: (over = {}) => loadConfig(caseStatusConfigSchema, { ...env, HUB_TOPIC_PREFIX: prefix, HTTP_PORT: '0', ...over }),
    async produceEvents(events) {
      const byTopic = new Map<string, { key: string; value: Buffer; headers: Record<string, string> }[]>();
      for (const e of events) {
        const topic = prefix + TOPIC_OF_NAMESPACE[e.recordName.split('.')[1]!]!;
        const value = await codec.encode(topic, e.recordName, e.value);
        const list = byTopic.get(topic) ?? [];
        list.push({ key: childEventKey(e.value.envelope.sourceInstitution, e.value.person.sourceRecordId), value, headers: { 'hub.event.id': e.value.envelope.eventId } });
        byTopic.set(topic, list);
      }
      for (const [topic, messages] of byTopic) await producer.send({ topic, acks: -1, messages });
    },
    async produceIdentity(events) {
      const topic = prefix + TOPICS.identityChildren.name;
      const messages = await Promise.all(events.map(async (e) => ({
        key: e.childId, value: await codec.encode(topic, 'hub.identity.ChildIdentityChanged', e), headers: { 'hub.event.id': e.envelope.eventId },
      })));
      await producer.send({ topic, acks: -1, messages });
    },
    async readUpdates(done, timeoutMs = 60000) {
      const consumer = kafka.consumer({ groupId: `${prefix}reader-${randomBytes(4).toString('hex')}` });
      await consumer.connect();
      const out: CaseUpdated[] = [];
      try {
        await consumer.subscribe({ topic: prefix + TOPICS.caseUpdates.name, fromBeginning: true });
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`case updates: condition not met after ${out.length} updates`)), timeoutMs);
          void consumer.run({
            eachMessage: async ({ message }) => {
              out.push((await codec.decode<CaseUpdated>(message.value)).value);
              if (done(out)) { clearTimeout(timer); resolve(); }
            },
          });
        });
      } finally {
        await consumer.disconnect();
      }
      return out;
    },
    async dropTopics() {
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
      if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30000 }).catch(() => undefined);
      const res = await fetch(`${base.SCHEMA_REGISTRY_URL}/subjects`).catch(() => null);
      if (res?.ok) {
        for (const s of ((await res.json()) as string[]).filter((x) => x.startsWith(prefix))) {
          const url = `${base.SCHEMA_REGISTRY_URL}/subjects/${encodeURIComponent(s)}`;
          await fetch(url, { method: 'DELETE' }).catch(() => undefined);
          await fetch(`${url}?permanent=true`, { method: 'DELETE' }).catch(() => undefined);
        }
      }
    },
    async close() {
      await producer.disconnect().catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
