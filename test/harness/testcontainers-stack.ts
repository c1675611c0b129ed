import { GenericContainer, Wait } from 'testcontainers';
import { KafkaContainer } from '@testcontainers/kafka';
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import type { Infrastructure } from './infrastructure';

/** Same stack as docker-compose.yml, for machines with a Docker engine. */
export async function startContainers(): Promise<Infrastructure> {
  const [kafka, registry, postgres] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().withExposedPorts(9093).start(),
    new GenericContainer('apicurio/apicurio-registry:3.1.6')
      .withExposedPorts(8080)
      .withWaitStrategy(Wait.forHttp('/apis/ccompat/v7/subjects', 8080))
      .start(),
    new PostgreSqlContainer('postgres:16-alpine').start(),
  ]);
  return {
    source: 'testcontainers',
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    schemaRegistryUrl: `http://${registry.getHost()}:${registry.getMappedPort(8080)}/apis/ccompat/v7`,
    databaseUrl: postgres.getConnectionUri(),
    stop: async () => { await Promise.all([kafka.stop(), registry.stop(), postgres.stop()]); },
  };
}
