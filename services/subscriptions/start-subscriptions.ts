import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Admin, Producer } from 'kafkajs';
import { Client, type Pool } from 'pg';
import { SCHEMAS } from '../../schemas';
import { TOPICS } from '../../schemas/topics';
import { Authenticator } from '../platform/auth/authenticator';
import { CredentialRepository } from '../platform/auth/credential-repository';
import { createAvroCodec } from '../platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../platform/avro/registry-client';
import { kafkaCheck, postgresCheck, registryCheck } from '../platform/http/dependency-checks';
import type { HealthCheck } from '../platform/http/health';
import { createMetrics, type HubMetrics } from '../platform/http/metrics';
import { createBatchConsumer, type BatchConsumer } from '../platform/kafka/batch-consumer';
import { createKafka, createProducer } from '../platform/kafka/create-kafka';
import { kafkaSecurityOf } from '../platform/kafka/client-security';
import type { Logger } from '../platform/logging/create-logger';
import { createHubApp } from '../platform/nest/create-hub-app';
import { PlatformModule } from '../platform/nest/platform.module';
import { findRepoRoot } from '../platform/paths';
import { createPool } from '../platform/postgres/create-pool';
import { discoverMigrations, runMigrations } from '../platform/postgres/migrations/run-migrations';
import type { SubscriptionsConfig } from './config';
import { createKafkaSink } from './delivery/kafka-sink';
import { WebhookDispatcher, type LoggedRow } from './delivery/webhook-dispatcher';
import { FlagService } from './http/flag-service';
import { SubscriptionService } from './http/subscription-service';
import { SubscriptionsApiModule } from './http/subscriptions-api';
import { createPartyStreamHandler } from './stream/party-stream';
import { createUpdateStreamHandler } from './stream/update-stream';

export interface RunningSubscriptions {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly pool: Pool;
  readonly consumer: BatchConsumer | null;
  close(): Promise<void>;
}

@Module({})
class SubscriptionsModule {
  static register(opts: { checks: readonly HealthCheck[]; metrics: HubMetrics; api: DynamicModule }): DynamicModule {
    return { module: SubscriptionsModule, imports: [PlatformModule.register({ checks: opts.checks, metrics: opts.metrics }), opts.api] };
  }
}

/**
 * Builds and starts the subscriptions service (docs/adr/0015): consumer (group `hub.subscriptions`)
 * of hub.case.updates.v1 → delivery log in PostgreSQL (one transaction per batch) → webhook
 * dispatcher and SSE streams, woken by NOTIFY; /health, /metrics and the subscriptions API.
 */
export async function startSubscriptions(config: SubscriptionsConfig, log: Logger, over: { onCrash?: (e: Error) => void; now?: () => number } = {}): Promise<RunningSubscriptions> {
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => { for (const c of closers.splice(0).reverse()) await c().catch((e: unknown) => log.warn({ err: String(e) }, 'close failed')); };
  try {
    const pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: config.HUB_DB_SCHEMA, applicationName: 'hub-subscriptions', max: config.SUBSCRIPTIONS_PARTITIONS_CONCURRENTLY + 12 });
    closers.push(() => pool.end());
    // The whole repository's set, as `hub prepare` applies it: a subset would take the other
    // components' applied migrations for ones missing on disk and refuse to start.
    await runMigrations(pool, discoverMigrations(findRepoRoot()));
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'hub-subscriptions', log, security: kafkaSecurityOf(config) });
    const admin: Admin = kafka.admin();
    await admin.connect();
    closers.push(() => admin.disconnect());
    const codec = createAvroCodec(createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
    const metrics = createMetrics('subscriptions');

    // One LISTEN connection per process wakes the dispatcher and every open SSE stream after a commit.
    const channel = `sub_deliveries_${createHash('sha256').update(config.HUB_DB_SCHEMA).digest('hex').slice(0, 16)}`;
    const wake = new EventEmitter();
    wake.setMaxListeners(0);
    const listener = new Client({ connectionString: config.DATABASE_URL, application_name: 'hub-subscriptions-listen' });
    await listener.connect();
    closers.push(() => listener.end());
    listener.on('notification', () => wake.emit('wake'));
    listener.on('error', (e) => log.warn({ err: e.message }, 'subscriptions listener error'));
    await listener.query(`LISTEN ${channel}`);
    const wait = (ms: number) => new Promise<void>((resolve) => {
      const done = () => { clearTimeout(t); wake.off('wake', done); resolve(); };
      const t = setTimeout(done, ms);
      wake.on('wake', done);
    });

    let consumer: BatchConsumer | null = null;
    let dispatcher: WebhookDispatcher | null = null;
    const privateTargets = config.SUBSCRIPTIONS_PRIVATE_WEBHOOKS ?? 'allow';
    if (config.SUBSCRIPTIONS_CONSUMER === 'on') {
      const producer: Producer = await createProducer(kafka);
      closers.push(() => producer.disconnect());
      // The dispatcher first (closed last): the consumers hand it what they log, after each commit.
      const d = new WebhookDispatcher({
        pool, log, now: over.now,
        policy: { baseMs: config.SUBSCRIPTIONS_RETRY_BASE_MS, maxDelayMs: config.SUBSCRIPTIONS_RETRY_MAX_MS, maxAttempts: config.SUBSCRIPTIONS_MAX_ATTEMPTS },
        timeoutMs: config.SUBSCRIPTIONS_TIMEOUT_MS, perSubscription: config.SUBSCRIPTIONS_PER_SUBSCRIPTION, globalLimit: config.SUBSCRIPTIONS_GLOBAL_LIMIT,
        laneCapacity: config.SUBSCRIPTIONS_LANE_CAPACITY, sweepMs: config.SUBSCRIPTIONS_SWEEP_MS, privateTargets,
        kafka: createKafkaSink({ producer, admin, codec, topicPrefix: config.HUB_TOPIC_PREFIX, log }),
      });
      dispatcher = d;
      let stopped = false;
      const loop = (async () => {
        while (!stopped) {
          await d.poll().catch((e: unknown) => log.warn({ err: e instanceof Error ? e.message : String(e) }, 'dispatcher poll failed'));
          await wait(config.SUBSCRIPTIONS_POLL_MS);
        }
      })();
      closers.push(async () => { stopped = true; wake.emit('wake'); await loop; await d.stop(); });
      const onLogged = (rows: readonly LoggedRow[]) => d.offer(rows);

      consumer = createBatchConsumer({
        kafka, codec, producer, log, metrics,
        groupId: config.HUB_TOPIC_PREFIX + config.SUBSCRIPTIONS_GROUP_ID,
        topics: [config.HUB_TOPIC_PREFIX + TOPICS.caseUpdates.name],
        fromBeginning: true,
        partitionsConsumedConcurrently: config.SUBSCRIPTIONS_PARTITIONS_CONCURRENTLY,
        handle: createUpdateStreamHandler({ pool, log, channel, onLogged }),
        onCrash: (e) => over.onCrash?.(e),
      });
      await consumer.start();
      const c = consumer;
      closers.push(() => c.stop());
      // Identity links and municipal local cases: who else is a party to a child's cases, and the flag's RUN keys.
      const parties = createBatchConsumer({
        kafka, codec, producer, log, metrics,
        groupId: config.HUB_TOPIC_PREFIX + config.SUBSCRIPTIONS_PARTIES_GROUP_ID,
        topics: [config.HUB_TOPIC_PREFIX + TOPICS.identityChildren.name, config.HUB_TOPIC_PREFIX + TOPICS.municipalityEvents.name],
        fromBeginning: true,
        partitionsConsumedConcurrently: config.SUBSCRIPTIONS_PARTITIONS_CONCURRENTLY,
        handle: createPartyStreamHandler({ pool, log, channel, onLogged }),
        onCrash: (e) => over.onCrash?.(e),
      });
      await parties.start();
      closers.push(() => parties.stop());
    }

    const authenticator = new Authenticator(new CredentialRepository(pool), { ttlMs: config.SUBSCRIPTIONS_AUTH_CACHE_MS });
    const rescan = (id: string) => { void dispatcher?.rescan(id); };
    const handOver = (rows: readonly LoggedRow[]) => dispatcher?.offer(rows);
    const api = SubscriptionsApiModule.register({ service: new SubscriptionService(pool, rescan, privateTargets), flags: new FlagService(pool, channel, over.now, handOver), authenticator, sse: { wait, pollMs: Math.max(config.SUBSCRIPTIONS_POLL_MS, 500) } });
    const app = await createHubApp({
      module: SubscriptionsModule.register({ checks: [kafkaCheck(admin), registryCheck(config.SCHEMA_REGISTRY_URL), postgresCheck(pool)], metrics, api }),
      log,
    });
    await app.init();
    await app.listen(config.HTTP_PORT, config.HTTP_HOST);
    // SSE responses are long-lived: close them before Nest waits for connections to drain.
    closers.push(async () => { app.getHttpServer().closeAllConnections?.(); await app.close(); });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
    log.info({ port }, 'subscriptions service listening');
    return { app, url: `http://${config.HTTP_HOST === '0.0.0.0' ? '127.0.0.1' : config.HTTP_HOST}:${port}`, pool, consumer, close };
  } catch (err) {
    await close();
    throw err;
  }
}
