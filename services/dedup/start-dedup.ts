import { createHash } from 'node:crypto';
import type { Admin, Producer } from 'kafkajs';
import { Client, type Pool } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SCHEMAS } from '../../schemas';
import { INTERNAL_TOPICS, TOPICS } from '../../schemas/topics';
import { createAvroCodec } from '../platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../platform/avro/registry-client';
import { kafkaCheck, postgresCheck, registryCheck } from '../platform/http/dependency-checks';
import { createMetrics } from '../platform/http/metrics';
import { createKafka, createProducer } from '../platform/kafka/create-kafka';
import { createTransactionalPublisher } from '../platform/kafka/transactional-publisher';
import type { Logger } from '../platform/logging/create-logger';
import { createHubApp } from '../platform/nest/create-hub-app';
import { KafkaBatchTransport } from '../platform/nest/kafka-batch-transport';
import { OutboxRelay } from '../platform/outbox/outbox-relay';
import { createPool } from '../platform/postgres/create-pool';
import { withDeadLetterLedger } from './adapters/dead-letter-ledger';
import { DedupHandler } from './adapters/dedup-handler';
import { createDedupMetrics } from './adapters/dedup-metrics';
import type { DedupConfig } from './config';
import { DedupModule } from './http/dedup.module';
import { DEDUP_INPUTS, OUTBOX_TABLE, PERSON_OBSERVED_RECORD } from './inputs';

export interface RunningDedup {
  readonly app: NestFastifyApplication;
  /** `http://host:port`, the port actually bound. */
  readonly url: string;
  readonly pool: Pool;
  /** Stops consuming, lets the relay finish its transaction, closes clients. */
  close(): Promise<void>;
}

/** Base of the relay's checkpoint stream id; the topic prefix is prepended (transactional ids are broker-wide). */
export const RELAY_STREAM = 'dedup-relay';

export interface StartDedupOptions {
  /** The consumer stopped for good (a bug, docs/adr/0002): main.ts exits non-zero so the supervisor restarts it. */
  readonly onCrash?: (error: Error) => void;
}

/**
 * Builds and starts the dedup service: institution topics → dedup decision → PostgreSQL (claims,
 * counters, person hashes, outbox) → relay → hub.identity.person-observed.v1. Used by main.ts,
 * the integration tests and the benchmark, so all three run the same composition.
 */
export async function startDedup(config: DedupConfig, log: Logger, opts: StartDedupOptions = {}): Promise<RunningDedup> {
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => { for (const c of closers.splice(0).reverse()) await c().catch((e: unknown) => log.warn({ err: String(e) }, 'close failed')); };
  try {
    const pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: config.HUB_DB_SCHEMA, applicationName: 'hub-dedup', max: config.DEDUP_PARTITIONS_CONCURRENTLY + 3 });
    closers.push(() => pool.end());
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'hub-dedup', log });
    const admin: Admin = kafka.admin();
    await admin.connect();
    closers.push(() => admin.disconnect());
    const registry = createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL);
    const codec = createAvroCodec(registry, SCHEMAS as Readonly<Record<string, object>>);
    // What the service writes, registered (or found) now: a bad deploy fails at start.
    await codec.registerAll(config.HUB_TOPIC_PREFIX + TOPICS.personObserved.name, [PERSON_OBSERVED_RECORD]);
    await codec.registerAll(config.HUB_TOPIC_PREFIX + INTERNAL_TOPICS.ingestCheckpoints.name, ['hub.connector.IngestCheckpoint']);

    const metrics = createMetrics('dedup');
    const dedupMetrics = createDedupMetrics(metrics);
    const channel = `dedup_outbox_${createHash('sha256').update(config.HUB_DB_SCHEMA).digest('hex').slice(0, 16)}`;
    const handler = new DedupHandler({ pool, codec, topicPrefix: config.HUB_TOPIC_PREFIX, channel, metrics: dedupMetrics, log });
    const inputs = new Map(DEDUP_INPUTS.map((i) => [config.HUB_TOPIC_PREFIX + i.topic.name, { topic: i.topic.name, institution: i.institution }]));
    const dlqProducer: Producer = await createProducer(kafka);
    closers.push(() => dlqProducer.disconnect());

    const transport = new KafkaBatchTransport({
      kafka,
      groupId: config.HUB_TOPIC_PREFIX + config.DEDUP_GROUP_ID,
      codec,
      producer: withDeadLetterLedger(dlqProducer, { pool, metrics: dedupMetrics, inputOf: (t) => inputs.get(t), log }),
      log,
      topicPrefix: config.HUB_TOPIC_PREFIX,
      metrics,
      partitionsConsumedConcurrently: config.DEDUP_PARTITIONS_CONCURRENTLY,
      onCrash: opts.onCrash,
    });
    const app = await createHubApp({
      module: DedupModule.register({ checks: [kafkaCheck(admin), registryCheck(config.SCHEMA_REGISTRY_URL), postgresCheck(pool)], metrics, handler, pool }),
      log,
      transport,
    });
    await app.init();

    const relay = new OutboxRelay({
      table: OUTBOX_TABLE,
      connect: async () => {
        const client = new Client({ connectionString: config.DATABASE_URL, application_name: 'hub-dedup-relay', options: `-c search_path=${config.HUB_DB_SCHEMA}` });
        await client.connect();
        return client;
      },
      createPublisher: () => createTransactionalPublisher({ kafka, codec, topicPrefix: config.HUB_TOPIC_PREFIX, stream: config.HUB_TOPIC_PREFIX + RELAY_STREAM, log }),
      stream: config.HUB_TOPIC_PREFIX + RELAY_STREAM,
      lockName: `${config.HUB_DB_SCHEMA}.dedup-relay`,
      channel,
      batchSize: config.DEDUP_RELAY_BATCH,
      log,
      onPublished: (_records, messages, delays) => {
        for (const m of messages) metrics.messagesProduced.inc({ topic: m.topic });
        for (const d of delays) dedupMetrics.relayDelay.observe(d);
      },
    });
    relay.start();
    closers.push(() => relay.stop());

    await app.startAllMicroservices();
    await app.listen(config.HTTP_PORT, config.HTTP_HOST);
    // Closing the app stops the consumer first (last registered, first closed), then the relay, then clients.
    closers.push(() => app.close());
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
    log.info({ port, topics: DEDUP_INPUTS.length }, 'dedup listening');
    return { app, url: `http://${config.HTTP_HOST === '0.0.0.0' ? '127.0.0.1' : config.HTTP_HOST}:${port}`, pool, close };
  } catch (err) {
    await close();
    throw err;
  }
}
