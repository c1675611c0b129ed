import { createHash } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Admin, Producer } from 'kafkajs';
import { Client, type Pool } from 'pg';
import { SCHEMAS } from '../../schemas';
import { INTERNAL_TOPICS, TOPICS } from '../../schemas/topics';
import { Authenticator } from '../platform/auth/authenticator';
import { CredentialRepository } from '../platform/auth/credential-repository';
import { createAvroCodec } from '../platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../platform/avro/registry-client';
import { kafkaCheck, postgresCheck, registryCheck } from '../platform/http/dependency-checks';
import type { HealthCheck } from '../platform/http/health';
import { createMetrics, type HubMetrics } from '../platform/http/metrics';
import { createBatchConsumer, type BatchConsumer } from '../platform/kafka/batch-consumer';
import { createKafka, createProducer } from '../platform/kafka/create-kafka';
import { createTransactionalPublisher } from '../platform/kafka/transactional-publisher';
import type { Logger } from '../platform/logging/create-logger';
import { createHubApp } from '../platform/nest/create-hub-app';
import { PlatformModule } from '../platform/nest/platform.module';
import { OutboxRelay } from '../platform/outbox/outbox-relay';
import { findRepoRoot } from '../platform/paths';
import { createPool } from '../platform/postgres/create-pool';
import { discoverMigrations, runMigrations } from '../platform/postgres/migrations/run-migrations';
import type { CaseStatusConfig } from './config';
import { CaseQueries } from './http/case-queries';
import { CaseStatusApiModule } from './http/case-api';
import { CASE_STATUS_RECORD, CASE_UPDATED_RECORD } from './stream/case-messages';
import { CASE_STATUS_OUTBOX, createCaseStreamHandler, runClockTick } from './stream/case-stream';

export interface RunningCaseStatus {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly pool: Pool;
  readonly consumer: BatchConsumer | null;
  /** Runs the deadline/timer clock once at `now` (tests inject the instant). */
  tick(now: number): Promise<number>;
  close(): Promise<void>;
}

export const CASE_STATUS_RELAY_STREAM = 'case-status-relay';

/** Topics the service consumes: the five institutions' events, capacity declarations, identities. */
export const CASE_INPUT_TOPICS = [
  TOPICS.tribunalEvents, TOPICS.senameEvents, TOPICS.municipalityEvents, TOPICS.schoolEvents, TOPICS.healthEvents, TOPICS.senameCapacity, TOPICS.identityChildren,
] as const;

@Module({})
class CaseStatusModule {
  static register(opts: { checks: readonly HealthCheck[]; metrics: HubMetrics; api: DynamicModule }): DynamicModule {
    return { module: CaseStatusModule, imports: [PlatformModule.register({ checks: opts.checks, metrics: opts.metrics }), opts.api] };
  }
}

/**
 * Builds and starts the case-status service: consumer (group `hub.case-status`) of the institution,
 * capacity and identity topics → one PostgreSQL transaction per batch (events, links, snapshots,
 * outbox) → relay → hub.case.status.v1 / hub.case.updates.v1; the deadline clock; /health, /metrics
 * and the query API. Used by main.ts, the integration tests and the benchmark.
 */
export async function startCaseStatus(config: CaseStatusConfig, log: Logger, over: { now?: () => number; clock?: boolean; onCrash?: (e: Error) => void } = {}): Promise<RunningCaseStatus> {
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => { for (const c of closers.splice(0).reverse()) await c().catch((e: unknown) => log.warn({ err: String(e) }, 'close failed')); };
  const now = over.now ?? Date.now;
  try {
    const pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: config.HUB_DB_SCHEMA, applicationName: 'hub-case-status', max: config.CASE_STATUS_PARTITIONS_CONCURRENTLY + 6 });
    closers.push(() => pool.end());
    // The whole repository's set, as `hub prepare` applies it: a subset would take the other
    // components' applied migrations for ones missing on disk and refuse to start.
    await runMigrations(pool, discoverMigrations(findRepoRoot()));
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'hub-case-status', log });
    const admin: Admin = kafka.admin();
    await admin.connect();
    closers.push(() => admin.disconnect());
    const codec = createAvroCodec(createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
    const p = config.HUB_TOPIC_PREFIX;
    await codec.registerAll(p + TOPICS.caseStatus.name, [CASE_STATUS_RECORD]);
    await codec.registerAll(p + TOPICS.caseUpdates.name, [CASE_UPDATED_RECORD]);
    await codec.registerAll(p + INTERNAL_TOPICS.ingestCheckpoints.name, ['hub.connector.IngestCheckpoint']);

    const metrics = createMetrics('case_status');
    const channel = `case_status_outbox_${createHash('sha256').update(config.HUB_DB_SCHEMA).digest('hex').slice(0, 16)}`;
    const relay = new OutboxRelay({
      table: CASE_STATUS_OUTBOX,
      connect: async () => {
        const client = new Client({ connectionString: config.DATABASE_URL, application_name: 'hub-case-status-relay', options: `-c search_path=${config.HUB_DB_SCHEMA}` });
        await client.connect();
        return client;
      },
      createPublisher: () => createTransactionalPublisher({ kafka, codec, topicPrefix: p, stream: p + CASE_STATUS_RELAY_STREAM, log }),
      stream: p + CASE_STATUS_RELAY_STREAM,
      lockName: `${config.HUB_DB_SCHEMA}.case-status-relay`,
      channel,
      batchSize: config.CASE_STATUS_RELAY_BATCH,
      log,
      onPublished: (_records, messages) => { for (const m of messages) metrics.messagesProduced.inc({ topic: m.topic }); },
    });
    relay.start();
    closers.push(() => relay.stop());

    const streamOpts = { pool, codec, topicPrefix: p, outboxChannel: channel, log, now };
    let consumer: BatchConsumer | null = null;
    if (config.CASE_STATUS_CONSUMER === 'on') {
      const producer: Producer = await createProducer(kafka);
      closers.push(() => producer.disconnect());
      consumer = createBatchConsumer({
        kafka, codec, producer, log, metrics,
        groupId: p + config.CASE_STATUS_GROUP_ID,
        topics: CASE_INPUT_TOPICS.map((t) => p + t.name),
        fromBeginning: true,
        partitionsConsumedConcurrently: config.CASE_STATUS_PARTITIONS_CONCURRENTLY,
        // The handler is order-free across partitions (re-derivation from each child's event set,
        // claims by event id), so batches of several partitions may share one transaction.
        coalescePartitions: config.CASE_STATUS_COALESCE === 'on',
        handle: createCaseStreamHandler(streamOpts),
        onCrash: (e) => over.onCrash?.(e),
      });
      await consumer.start();
      const c = consumer;
      closers.push(() => c.stop());
      if (over.clock !== false) {
        let running = false;
        const timer = setInterval(() => {
          if (running) return;
          running = true;
          runClockTick(streamOpts, now()).catch((e: unknown) => log.warn({ err: String(e) }, 'case-status clock tick failed')).finally(() => { running = false; });
        }, config.CASE_STATUS_CLOCK_MS);
        closers.push(async () => clearInterval(timer));
      }
    }

    const authenticator = new Authenticator(new CredentialRepository(pool), { ttlMs: config.CASE_STATUS_AUTH_CACHE_MS });
    const api = CaseStatusApiModule.register({ queries: new CaseQueries(pool, now), authenticator });
    const app = await createHubApp({
      module: CaseStatusModule.register({ checks: [kafkaCheck(admin), registryCheck(config.SCHEMA_REGISTRY_URL), postgresCheck(pool)], metrics, api }),
      log,
    });
    await app.init();
    await app.listen(config.HTTP_PORT, config.HTTP_HOST);
    closers.push(() => app.close());
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
    log.info({ port }, 'case-status service listening');
    return {
      app, url: `http://${config.HTTP_HOST === '0.0.0.0' ? '127.0.0.1' : config.HTTP_HOST}:${port}`, pool, consumer,
      tick: (at) => runClockTick(streamOpts, at), close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
