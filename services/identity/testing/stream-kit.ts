/**
 * Integration-test and benchmark kit of the identity stream: a namespace (topic prefix) with the
 * topics created, the tables migrated, a producer of PersonObserved and readers of the results.
 * Synthetic people only.
 */
import { randomBytes } from 'node:crypto';
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { SCHEMAS, type ChildIdentityChanged, type PersonObserved, type PersonRecord } from '../../../schemas';
import { allTopicSpecs, TOPICS } from '../../../schemas/topics';
import { createAvroCodec, type AvroCodec } from '../../platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../../platform/avro/registry-client';
import { loadConfig } from '../../platform/config/load-config';
import { createKafka, createProducer } from '../../platform/kafka/create-kafka';
import { ensureTopics } from '../../platform/kafka/ensure-topics';
import type { Logger } from '../../platform/logging/create-logger';
import { findRepoRoot } from '../../platform/paths';
import { createPool } from '../../platform/postgres/create-pool';
import { discoverMigrations, runMigrations } from '../../platform/postgres/migrations/run-migrations';
import { identityConfigSchema, type IdentityConfig } from '../config';
import { PERSON_OBSERVED_RECORD } from '../stream/identity-stream';

export interface StreamKit {
  readonly prefix: string;
  readonly pool: Pool;
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly producer: Producer;
  readonly codec: AvroCodec;
  readonly personTopic: string;
  readonly identityTopic: string;
  /** Config of an identity process in this namespace (HTTP port 0). */
  config(over?: Partial<Record<keyof IdentityConfig, string>>): IdentityConfig;
  /** Produces events in one send (so "at the same moment"); `partition` pins one explicitly. */
  produce(events: readonly { event: PersonObserved; partition?: number }[]): Promise<void>;
  /** Event ids the identity stream has claimed, among the given ones. */
  processedCount(eventIds: readonly string[]): Promise<number>;
  /** Deletes the namespace's topics and registry subjects (the DB schema belongs to the caller). */
  dropTopics(): Promise<void>;
  close(): Promise<void>;
}

export async function createStreamKit(env: NodeJS.ProcessEnv, label: string, log: Logger): Promise<StreamKit> {
  const base = loadConfig(identityConfigSchema, env);
  const prefix = `${base.HUB_TOPIC_PREFIX}${label}-${randomBytes(3).toString('hex')}.`;
  const pool = await createPool({ databaseUrl: base.DATABASE_URL, schema: base.HUB_DB_SCHEMA, applicationName: 'identity-test', max: 4 });
  await runMigrations(pool, discoverMigrations(findRepoRoot()).filter((m) => m.component === 'platform' || m.component === 'identity'));
  const kafka = createKafka({ brokers: base.KAFKA_BROKERS, clientId: 'identity-test', log });
  const admin = kafka.admin();
  await admin.connect();
  const wanted = new Set([TOPICS.personObserved.name, TOPICS.identityChildren.name, 'hub.connector.checkpoints.v1']);
  const specs = allTopicSpecs(prefix).filter((s) => [...wanted].some((w) => s.name === prefix + w || s.name === `${prefix}${w}.dlq`));
  await ensureTopics(admin, specs);
  const producer = await createProducer(kafka);
  const registry = createSchemaRegistryClient(base.SCHEMA_REGISTRY_URL);
  const codec = createAvroCodec(registry, SCHEMAS as Readonly<Record<string, object>>);
  const personTopic = prefix + TOPICS.personObserved.name;
  const identityTopic = prefix + TOPICS.identityChildren.name;
  await codec.registerAll(personTopic, [PERSON_OBSERVED_RECORD]);

  return {
    prefix, pool, kafka, admin, producer, codec, personTopic, identityTopic,
    config(over = {}) {
      return loadConfig(identityConfigSchema, { ...env, HUB_TOPIC_PREFIX: prefix, HTTP_PORT: '0', ...over });
    },
    async produce(events) {
      const messages = await Promise.all(events.map(async ({ event, partition }) => ({
        key: `${event.envelope.sourceInstitution}:${event.person.sourceRecordId}`,
        value: await codec.encode(personTopic, PERSON_OBSERVED_RECORD, event),
        headers: { 'hub.event.id': event.envelope.eventId },
        ...(partition === undefined ? {} : { partition }),
      })));
      await producer.send({ topic: personTopic, acks: -1, messages });
    },
    async processedCount(eventIds) {
      const { rows } = await pool.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM processed_events WHERE consumer = 'hub.identity' AND event_id = ANY($1::text[])`, [[...eventIds]],
      );
      return Number(rows[0]!.n);
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

/** A synthetic child: the identity attributes every institution would record for them. */
export interface SyntheticChild {
  readonly run: string | null;
  readonly givenNames: string;
  readonly paternalSurname: string;
  readonly maternalSurname: string;
  readonly birthDate: string;
  readonly sex: 'F' | 'M';
  readonly comunaCode: string;
}

/** One institution's observation of a child, as a PersonObserved with a unique event id. */
export function observation(child: SyntheticChild, institution: string, sourceRecordId: string, over: {
  eventId?: string; occurredAt?: number; recordedAt?: number; person?: Partial<PersonRecord>;
} = {}): PersonObserved {
  const occurredAt = over.occurredAt ?? Date.UTC(2024, 2, 1, 12, 0, 0);
  return {
    envelope: {
      eventId: over.eventId ?? `${institution}:${sourceRecordId}:${randomBytes(4).toString('hex')}`,
      sourceInstitution: institution, sourceUnit: null, sourceRecordId,
      occurredAt, recordedAt: over.recordedAt ?? occurredAt + 1000, schemaVersion: 1, traceId: null,
    },
    person: {
      source: institution, sourceRecordId, run: child.run, identifiers: [],
      givenNames: child.givenNames, paternalSurname: child.paternalSurname, maternalSurname: child.maternalSurname,
      birthDate: child.birthDate, sex: child.sex, comunaCode: child.comunaCode, address: null, phone: null,
      ...over.person,
    },
  };
}

/** Modulo-11 check digit of a RUN body (matching.md §5.3). */
export function runCheckDigit(body: number): string {
  let sum = 0;
  let factor = 2;
  for (let n = body; n > 0; n = Math.floor(n / 10)) {
    sum += (n % 10) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const dv = 11 - (sum % 11);
  return dv === 11 ? '0' : dv === 10 ? 'K' : String(dv);
}

export function validRun(body: number): string {
  return `${body}-${runCheckDigit(body)}`;
}

const GIVEN = ['Camila', 'Valentina', 'Isidora', 'Josefa', 'Martina', 'Agustina', 'Benjamín', 'Vicente', 'Mateo', 'Tomás', 'Joaquín', 'Maximiliano', 'Florencia', 'Amanda', 'Emilia'];
const SECOND = ['Antonia', 'Ignacia', 'Belén', 'Paz', 'Andrés', 'Alonso', 'Ignacio', 'José', 'Esperanza', 'Sofía'];
const SURNAMES = ['Muñoz', 'Rojas', 'Díaz', 'Pérez', 'Soto', 'Contreras', 'Silva', 'Martínez', 'Sepúlveda', 'Morales', 'Rodríguez', 'López', 'Fuentes', 'Hernández', 'Torres', 'Araya', 'Flores', 'Espinoza', 'Valenzuela', 'Castillo', 'Tapia', 'Reyes', 'Gutiérrez', 'Castro', 'Pizarro', 'Álvarez', 'Vásquez', 'Sánchez', 'Fernández', 'Ramírez'];
const COMUNAS = ['13101', '13110', '13114', '13119', '05101', '08101', '09101', '02101', '04101', '10101'];

/** A deterministic synthetic child number `n` (distinct valid RUNs, varied names and dates). */
export function syntheticChild(n: number, salt = 0): SyntheticChild {
  const h = (n * 2654435761 + salt * 40503) >>> 0;
  const girl = (h & 1) === 0;
  const given = GIVEN[h % GIVEN.length]!;
  return {
    run: validRun(20_000_000 + ((n * 7919 + salt * 104729) % 9_000_000)),
    givenNames: `${given} ${SECOND[(h >>> 4) % SECOND.length]}`,
    paternalSurname: SURNAMES[(h >>> 8) % SURNAMES.length]!,
    maternalSurname: SURNAMES[(h >>> 13) % SURNAMES.length]!,
    birthDate: `${2008 + ((h >>> 3) % 16)}-${String(1 + ((h >>> 7) % 12)).padStart(2, '0')}-${String(1 + ((h >>> 11) % 28)).padStart(2, '0')}`,
    sex: girl ? 'F' : 'M',
    comunaCode: COMUNAS[(h >>> 17) % COMUNAS.length]!,
  };
}

/** Reads identity events from the beginning until `done` says so (or the timeout passes). */
export async function readIdentityEvents(
  kit: StreamKit, done: (events: readonly ChildIdentityChanged[]) => boolean, timeoutMs = 60000,
): Promise<ChildIdentityChanged[]> {
  const consumer = kit.kafka.consumer({ groupId: `${kit.prefix}reader-${randomBytes(4).toString('hex')}` });
  await consumer.connect();
  const out: ChildIdentityChanged[] = [];
  try {
    await consumer.subscribe({ topic: kit.identityTopic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`identity events: condition not met after ${out.length} events`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const d = await kit.codec.decode<ChildIdentityChanged>(message.value);
          out.push(d.value);
          if (done(out)) { clearTimeout(timer); resolve(); }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return out;
}
