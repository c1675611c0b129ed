/**
 * Where integration tests get real Kafka, a schema registry and PostgreSQL, in this order:
 *  1. `KAFKA_BROKERS` + `SCHEMA_REGISTRY_URL` (+ `DATABASE_URL`) when set: someone else runs them;
 *  2. Testcontainers, when a Docker engine answers;
 *  3. the embedded local stack (Kafka and Apicurio from Maven Central jars), started if needed.
 * No mocks: every integration test talks to the real broker, registry and database.
 */
import { existsSync } from 'node:fs';
import { LOCAL_DEFAULTS } from '../../services/platform/config/hub-config';

export interface Infrastructure {
  readonly source: 'env' | 'testcontainers' | 'local-stack';
  readonly kafkaBrokers: string;
  readonly schemaRegistryUrl: string;
  readonly databaseUrl: string;
  /** Stops what this test run started (nothing when it reused running infrastructure). */
  stop(): Promise<void>;
}

export async function provideInfrastructure(env: NodeJS.ProcessEnv): Promise<Infrastructure> {
  if (env.KAFKA_BROKERS && env.SCHEMA_REGISTRY_URL) {
    return {
      source: 'env',
      kafkaBrokers: env.KAFKA_BROKERS,
      schemaRegistryUrl: env.SCHEMA_REGISTRY_URL,
      databaseUrl: env.DATABASE_URL ?? LOCAL_DEFAULTS.databaseUrl,
      stop: async () => undefined,
    };
  }
  if (env.HUB_TEST_NO_DOCKER !== '1' && (await dockerAnswers(env))) {
    const { startContainers } = await import('./testcontainers-stack');
    return startContainers();
  }
  const { stackUp, stackDown } = await import('../../infra/stack/stack');
  const up = await stackUp({ databaseUrl: env.DATABASE_URL });
  const startedByUs = up.started.length > 0 && env.HUB_KEEP_STACK !== '1';
  return {
    source: 'local-stack',
    kafkaBrokers: up.kafkaBrokers.join(','),
    schemaRegistryUrl: up.schemaRegistryUrl,
    databaseUrl: up.databaseUrl,
    stop: async () => { if (startedByUs) await stackDown({ databaseUrl: env.DATABASE_URL }); },
  };
}

/** Cheap probe first (socket or DOCKER_HOST), then ask the engine itself. */
async function dockerAnswers(env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
