import { createHash } from 'node:crypto';
import type { Admin } from 'kafkajs';
import { Client, type Pool } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SCHEMAS } from '../../schemas';
import { INTERNAL_TOPICS } from '../../schemas/topics';
import { createAvroCodec } from '../../services/platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../../services/platform/avro/registry-client';
import { Authenticator } from '../../services/platform/auth/authenticator';
import { CredentialRepository } from '../../services/platform/auth/credential-repository';
import { kafkaCheck, postgresCheck, registryCheck } from '../../services/platform/http/dependency-checks';
import { createMetrics } from '../../services/platform/http/metrics';
import { createKafka } from '../../services/platform/kafka/create-kafka';
import { kafkaSecurityOf } from '../../services/platform/kafka/client-security';
import type { Logger } from '../../services/platform/logging/create-logger';
import { createHubApp } from '../../services/platform/nest/create-hub-app';
import { createPool } from '../../services/platform/postgres/create-pool';
import { createTransactionalPublisher } from '../../services/platform/kafka/transactional-publisher';
import type { IntakeConfig } from './config';
import { INTAKE_CONNECTORS } from './connectors';
import { renderDocsPage } from './http/docs-page';
import { setUpIntakeFastify } from './http/fastify-setup';
import { IntakeErrorsFilter } from './http/intake-errors.filter';
import { createIntakeMetrics } from './intake-metrics';
import { IntakeModule } from './intake.module';
import { IntakeService } from './intake-service';
import { buildOpenApi } from './openapi';
import { OutboxRelay } from '../../services/platform/outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';
import { intakeRoutes } from './routes';

export interface RunningIntake {
  readonly app: NestFastifyApplication;
  /** `http://host:port`, the port actually bound. */
  readonly url: string;
  readonly pool: Pool;
  /** Stops accepting, lets stored requests settle, stops the relay, closes clients. */
  close(): Promise<void>;
}

/** Base of the relay's checkpoint stream id; the topic prefix is prepended (transactional ids are broker-wide). */
export const RELAY_STREAM = 'intake-relay';

/**
 * Builds and starts the intake: HTTP routes → outbox (PostgreSQL) → relay → Kafka. Used by
 * main.ts, the integration tests and the benchmark, so all three run the same composition.
 */
export async function startIntake(config: IntakeConfig, log: Logger): Promise<RunningIntake> {
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => { for (const c of closers.splice(0).reverse()) await c().catch((e: unknown) => log.warn({ err: String(e) }, 'close failed')); };
  try {
    const pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: config.HUB_DB_SCHEMA, applicationName: 'hub-intake', max: config.INTAKE_COMMIT_CONCURRENCY + 4 });
    closers.push(() => pool.end());
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'hub-intake', log, security: kafkaSecurityOf(config) });
    const admin: Admin = kafka.admin();
    await admin.connect();
    closers.push(() => admin.disconnect());

    const registry = createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL);
    const codec = createAvroCodec(registry, SCHEMAS as Readonly<Record<string, object>>);
    const routes = intakeRoutes(INTAKE_CONNECTORS, { fhir: config.INTAKE_FHIR === 'on' });
    // Every schema the routes can write, registered (or found) now: a bad deploy fails at start,
    // and the first request of each kind does not wait for the registry.
    const byTopic = new Map<string, Set<string>>();
    for (const spec of INTAKE_CONNECTORS) for (const k of spec.kinds) byTopic.set(k.topic, (byTopic.get(k.topic) ?? new Set()).add(k.recordName));
    byTopic.set(INTERNAL_TOPICS.ingestCheckpoints.name, new Set(['hub.connector.IngestCheckpoint']));
    for (const [topic, records] of byTopic) await codec.registerAll(config.HUB_TOPIC_PREFIX + topic, [...records]);

    const metrics = createMetrics('intake');
    const intakeMetrics = createIntakeMetrics(metrics, pool);
    const channel = `intake_outbox_${createHash('sha256').update(config.HUB_DB_SCHEMA).digest('hex').slice(0, 16)}`;
    const writer = new OutboxWriter(pool, {
      channel, log, maxConcurrent: config.INTAKE_COMMIT_CONCURRENCY,
      onBatch: (n, s) => { intakeMetrics.commitBatchSize.observe(n); intakeMetrics.commitSeconds.observe(s); },
    });
    const service = new IntakeService({ writer, codec, topicPrefix: config.HUB_TOPIC_PREFIX, now: Date.now });
    const authenticator = new Authenticator(new CredentialRepository(pool), { ttlMs: config.INTAKE_AUTH_CACHE_MS });
    const openapi = buildOpenApi(routes, { bodyLimitBytes: config.HTTP_BODY_LIMIT_BYTES });

    const app = await createHubApp({
      module: IntakeModule.register({
        checks: [kafkaCheck(admin), registryCheck(config.SCHEMA_REGISTRY_URL), postgresCheck(pool)],
        metrics, authenticator, openapi, docsPage: renderDocsPage(openapi),
        http: { service, routes: new Map(routes.map((r) => [r.path, r])), log },
      }),
      log,
      bodyLimitBytes: config.HTTP_BODY_LIMIT_BYTES,
    });
    app.useGlobalFilters(new IntakeErrorsFilter(log, config.HTTP_BODY_LIMIT_BYTES));
    await app.init();
    setUpIntakeFastify(app, { routes: new Set(routes.map((r) => r.path)), metrics: intakeMetrics });
    // Stored requests settle before the pool closes: a client never gets a 202 for nothing.
    closers.push(() => writer.drain());

    const relay = new OutboxRelay({
      table: 'intake_outbox',
      connect: async () => {
        const client = new Client({ connectionString: config.DATABASE_URL, application_name: 'hub-intake-relay', options: `-c search_path=${config.HUB_DB_SCHEMA}` });
        await client.connect();
        return client;
      },
      createPublisher: () => createTransactionalPublisher({ kafka, codec, topicPrefix: config.HUB_TOPIC_PREFIX, stream: config.HUB_TOPIC_PREFIX + RELAY_STREAM, log }),
      stream: config.HUB_TOPIC_PREFIX + RELAY_STREAM,
      lockName: `${config.HUB_DB_SCHEMA}.intake-relay`,
      channel,
      batchSize: config.INTAKE_RELAY_BATCH,
      log,
      onPublished: (records, messages, delays) => {
        intakeMetrics.relayedRecords.inc(records);
        for (const m of messages) metrics.messagesProduced.inc({ topic: m.topic });
        for (const d of delays) intakeMetrics.relayDelaySeconds.observe(d);
      },
    });
    relay.start();
    closers.push(() => relay.stop());

    await app.listen(config.HTTP_PORT, config.HTTP_HOST);
    closers.push(() => app.close());
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
    log.info({ port, routes: routes.length }, 'intake listening');
    return { app, url: `http://${config.HTTP_HOST === '0.0.0.0' ? '127.0.0.1' : config.HTTP_HOST}:${port}`, pool, close };
  } catch (err) {
    await close();
    throw err;
  }
}
