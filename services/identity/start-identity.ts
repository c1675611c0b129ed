import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Admin, Producer } from 'kafkajs';
import { Client, type Pool } from 'pg';
import { SCHEMAS } from '../../schemas';
import { INTERNAL_TOPICS, TOPICS } from '../../schemas/topics';
import { createAvroCodec, type AvroCodec } from '../platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../platform/avro/registry-client';
import { kafkaCheck, postgresCheck, registryCheck } from '../platform/http/dependency-checks';
import type { HealthCheck } from '../platform/http/health';
import { createMetrics, type HubMetrics } from '../platform/http/metrics';
import { createBatchConsumer, type BatchConsumer } from '../platform/kafka/batch-consumer';
import { createKafka, createProducer } from '../platform/kafka/create-kafka';
import { kafkaSecurityOf } from '../platform/kafka/client-security';
import { createTransactionalPublisher } from '../platform/kafka/transactional-publisher';
import type { Logger } from '../platform/logging/create-logger';
import { createHubApp } from '../platform/nest/create-hub-app';
import { PlatformModule } from '../platform/nest/platform.module';
import { OutboxRelay } from '../platform/outbox/outbox-relay';
import { createPool } from '../platform/postgres/create-pool';
import type { IdentityConfig } from './config';
import { DEFAULT_MODEL, parseModel, type MatchingModel } from './domain/matching';
import { createIdentityMetrics } from './stream/identity-metrics';
import { createIdentityStreamHandler, IDENTITY_OUTBOX, PERSON_OBSERVED_RECORD } from './stream/identity-stream';
import { IDENTITY_EVENT_RECORD } from './stream/identity-events';
import { mountIdentityApi } from './http-mount';

export interface RunningIdentity {
  readonly app: NestFastifyApplication;
  /** `http://host:port`, the port actually bound. */
  readonly url: string;
  readonly pool: Pool;
  readonly model: MatchingModel;
  readonly consumer: BatchConsumer | null;
  /** Stops consuming, lets the relay finish its batch, closes clients. */
  close(): Promise<void>;
}

/** Base of the relay's checkpoint stream id; the topic prefix is prepended (transactional ids are broker-wide). */
export const IDENTITY_RELAY_STREAM = 'identity-relay';

/** The model the stream decides with: a trained JSON file, or the committed default. */
export function loadModel(path: string | undefined): MatchingModel {
  if (!path) return DEFAULT_MODEL;
  return parseModel(JSON.parse(readFileSync(path, 'utf8')));
}

@Module({})
class IdentityModule {
  static register(opts: { checks: readonly HealthCheck[]; metrics: HubMetrics; api: DynamicModule }): DynamicModule {
    return {
      module: IdentityModule,
      imports: [PlatformModule.register({ checks: opts.checks, metrics: opts.metrics }), opts.api],
    };
  }
}

/**
 * Builds and starts the identity service: PersonObserved consumer (group `hub.identity`) →
 * identities, ledger, review tasks and outbox in one PostgreSQL transaction per batch → relay →
 * `hub.identity.children.v1`; plus /health, /metrics and the review API. Used by main.ts, the
 * integration tests and the benchmark, so all three run the same composition.
 */
export async function startIdentity(config: IdentityConfig, log: Logger, over: { model?: MatchingModel; onCrash?: (e: Error) => void } = {}): Promise<RunningIdentity> {
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => { for (const c of closers.splice(0).reverse()) await c().catch((e: unknown) => log.warn({ err: String(e) }, 'close failed')); };
  try {
    const model = over.model ?? loadModel(config.IDENTITY_MODEL_PATH);
    const pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: config.HUB_DB_SCHEMA, applicationName: 'hub-identity', max: config.IDENTITY_PARTITIONS_CONCURRENTLY + 6 });
    closers.push(() => pool.end());
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'hub-identity', log, security: kafkaSecurityOf(config) });
    const admin: Admin = kafka.admin();
    await admin.connect();
    closers.push(() => admin.disconnect());
    const registry = createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL);
    const codec: AvroCodec = createAvroCodec(registry, SCHEMAS as Readonly<Record<string, object>>);
    const identityTopic = config.HUB_TOPIC_PREFIX + TOPICS.identityChildren.name;
    await codec.registerAll(identityTopic, [IDENTITY_EVENT_RECORD]);
    await codec.registerAll(config.HUB_TOPIC_PREFIX + INTERNAL_TOPICS.ingestCheckpoints.name, ['hub.connector.IngestCheckpoint']);

    const metrics = createMetrics('identity');
    const identityMetrics = createIdentityMetrics(metrics, pool);
    const channel = `identity_outbox_${createHash('sha256').update(config.HUB_DB_SCHEMA).digest('hex').slice(0, 16)}`;

    const relay = new OutboxRelay({
      table: IDENTITY_OUTBOX,
      connect: async () => {
        const client = new Client({ connectionString: config.DATABASE_URL, application_name: 'hub-identity-relay', options: `-c search_path=${config.HUB_DB_SCHEMA}` });
        await client.connect();
        return client;
      },
      createPublisher: () => createTransactionalPublisher({ kafka, codec, topicPrefix: config.HUB_TOPIC_PREFIX, stream: config.HUB_TOPIC_PREFIX + IDENTITY_RELAY_STREAM, log }),
      stream: config.HUB_TOPIC_PREFIX + IDENTITY_RELAY_STREAM,
      lockName: `${config.HUB_DB_SCHEMA}.identity-relay`,
      channel,
      batchSize: config.IDENTITY_RELAY_BATCH,
      log,
      onPublished: (records, messages) => {
        identityMetrics.relayedEvents.inc(records);
        for (const m of messages) metrics.messagesProduced.inc({ topic: m.topic });
      },
    });
    relay.start();
    closers.push(() => relay.stop());

    let consumer: BatchConsumer | null = null;
    if (config.IDENTITY_CONSUMER === 'on') {
      const producer: Producer = await createProducer(kafka);
      closers.push(() => producer.disconnect());
      consumer = createBatchConsumer({
        kafka, codec, producer, log, metrics,
        groupId: config.HUB_TOPIC_PREFIX + config.IDENTITY_GROUP_ID,
        topics: [config.HUB_TOPIC_PREFIX + TOPICS.personObserved.name],
        partitionsConsumedConcurrently: config.IDENTITY_PARTITIONS_CONCURRENTLY,
        handle: createIdentityStreamHandler({
          pool, codec, model, topicPrefix: config.HUB_TOPIC_PREFIX, outboxChannel: channel, log, observer: identityMetrics,
          recordsPerTransaction: config.IDENTITY_RECORDS_PER_TRANSACTION,
        }),
        onCrash: (e) => over.onCrash?.(e),
      });
      await codec.registerAll(config.HUB_TOPIC_PREFIX + TOPICS.personObserved.name, [PERSON_OBSERVED_RECORD]);
      await consumer.start();
      const c = consumer;
      closers.push(() => c.stop());
    }

    const api = mountIdentityApi({ config, pool, codec, log, channel });
    const app = await createHubApp({
      module: IdentityModule.register({
        checks: [kafkaCheck(admin), registryCheck(config.SCHEMA_REGISTRY_URL), postgresCheck(pool)], metrics, api,
      }),
      log,
      bodyLimitBytes: config.HTTP_BODY_LIMIT_BYTES,
    });
    await app.init();
    await app.listen(config.HTTP_PORT, config.HTTP_HOST);
    closers.push(() => app.close());
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
    log.info({ port, modelVersion: model.version }, 'identity service listening');
    return { app, url: `http://${config.HTTP_HOST === '0.0.0.0' ? '127.0.0.1' : config.HTTP_HOST}:${port}`, pool, model, consumer, close };
  } catch (err) {
    await close();
    throw err;
  }
}
