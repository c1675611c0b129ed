import 'reflect-metadata';
import { loadConfig } from '../platform/config/load-config';
import { createLogger } from '../platform/logging/create-logger';
import { createKafka } from '../platform/kafka/create-kafka';
import { kafkaSecurityOf } from '../platform/kafka/client-security';
import { createPool } from '../platform/postgres/create-pool';
import { createMetrics } from '../platform/http/metrics';
import { kafkaCheck, postgresCheck, registryCheck } from '../platform/http/dependency-checks';
import { createHubApp } from '../platform/nest/create-hub-app';
import { Shutdown } from '../platform/lifecycle/shutdown';
import { apiConfigSchema } from './config';
import { ApiModule } from './api.module';

/** Composition root of the `api` process: config → logger → clients → app → listen → shutdown. */
async function main(): Promise<void> {
  const config = loadConfig(apiConfigSchema, process.env);
  const log = createLogger({ service: 'api', level: config.LOG_LEVEL });
  const shutdown = new Shutdown(log);
  shutdown.listen();

  const pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: config.HUB_DB_SCHEMA, applicationName: 'hub-api' });
  shutdown.add('postgres', () => pool.end());
  const admin = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'hub-api', log, security: kafkaSecurityOf(config) }).admin();
  await admin.connect();
  shutdown.add('kafka-admin', () => admin.disconnect());

  const metrics = createMetrics('api');
  const checks = [kafkaCheck(admin), registryCheck(config.SCHEMA_REGISTRY_URL), postgresCheck(pool)];
  const app = await createHubApp({ module: ApiModule.register({ checks, metrics }), log, bodyLimitBytes: config.HTTP_BODY_LIMIT_BYTES });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  shutdown.add('http', () => app.close());
  log.info({ port: config.HTTP_PORT }, 'api listening');
}

main().catch((err: unknown) => {
  process.stderr.write(`api failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
