import { BROKER_PRINCIPAL, CONTROLLER_PRINCIPAL, SCRAM_MECHANISM } from './naming';
import { superUsers } from './acl-plan';

/**
 * The secured broker's settings, one source for docker-compose.yml (as the apache/kafka image's
 * KAFKA_* variables, checked by broker-properties.test.ts) and for the integration test's private
 * broker (infra/kafka-security/kafka-sasl.int.test.ts). Both start through
 * infra/compose/kafka/start-broker.sh, which turns the variables into server.properties, fills the
 * password placeholders from the secrets volume and formats the storage with the SCRAM users.
 */

/** Filled by start-broker.sh from files written by pki.sh; never in compose or the repository. */
export const SECRET_PLACEHOLDERS = {
  keystorePassword: '{{KEYSTORE_PASSWORD}}',
  brokerPassword: '{{BROKER_PASSWORD}}',
  controllerPassword: '{{CONTROLLER_PASSWORD}}',
} as const;

export interface BrokerListenerValues {
  /** host:port the listener binds to (`:9092` = every interface). */
  readonly bind: string;
  /** host:port clients are told to use (absent for the controller listener). */
  readonly advertised?: string;
}

export interface BrokerValues {
  readonly internal: BrokerListenerValues;
  readonly external: BrokerListenerValues;
  readonly controller: BrokerListenerValues;
  /** host:port of the controller as the broker reaches it (KRaft static voter). */
  readonly controllerAddress: string;
  readonly dataDir: string;
  /** Where pki.sh's `broker/` directory is mounted (keystore.p12, ca.pem). */
  readonly brokerSecretsDir: string;
  /**
   * One partition for the offsets and transaction-state topics: the test broker starts its first
   * transaction in seconds instead of creating 50 partitions. The Docker stack keeps Kafka's defaults.
   */
  readonly smallInternalTopics?: boolean;
}

const SCRAM_LOGIN = 'org.apache.kafka.common.security.scram.ScramLoginModule';
const PLAIN_LOGIN = 'org.apache.kafka.common.security.plain.PlainLoginModule';

/** server.properties entries, in a stable order. */
export function brokerProperties(v: BrokerValues): [string, string][] {
  const scram = SCRAM_MECHANISM.toLowerCase();
  const s = SECRET_PLACEHOLDERS;
  const props: [string, string][] = [
    ['process.roles', 'broker,controller'],
    ['node.id', '1'],
    ['controller.quorum.voters', `1@${v.controllerAddress}`],
    // INTERNAL: the hub's services on the private network; EXTERNAL: institutions and host tools;
    // CONTROLLER: the KRaft quorum. All three authenticate and encrypt.
    ['listeners', `INTERNAL://${v.internal.bind},EXTERNAL://${v.external.bind},CONTROLLER://${v.controller.bind}`],
    ['advertised.listeners', `INTERNAL://${v.internal.advertised},EXTERNAL://${v.external.advertised}`],
    ['listener.security.protocol.map', 'INTERNAL:SASL_SSL,EXTERNAL:SASL_SSL,CONTROLLER:SASL_SSL'],
    ['inter.broker.listener.name', 'INTERNAL'],
    ['controller.listener.names', 'CONTROLLER'],
    ['sasl.enabled.mechanisms', SCRAM_MECHANISM],
    ['sasl.mechanism.inter.broker.protocol', SCRAM_MECHANISM],
    [`listener.name.internal.${scram}.sasl.jaas.config`, `${SCRAM_LOGIN} required username="${BROKER_PRINCIPAL}" password="${s.brokerPassword}";`],
    [`listener.name.external.${scram}.sasl.jaas.config`, `${SCRAM_LOGIN} required;`],
    // SCRAM users are stored in the metadata log the controller serves, so the quorum itself uses
    // PLAIN with one static user (over TLS, never on a published port).
    ['listener.name.controller.sasl.enabled.mechanisms', 'PLAIN'],
    ['sasl.mechanism.controller.protocol', 'PLAIN'],
    ['listener.name.controller.plain.sasl.jaas.config', `${PLAIN_LOGIN} required username="${CONTROLLER_PRINCIPAL}" password="${s.controllerPassword}" user_${CONTROLLER_PRINCIPAL}="${s.controllerPassword}";`],
    // Clients re-authenticate within an hour (KIP-368; kafkajs and the Java client do), so a changed
    // or deleted SCRAM password also ends connections opened before the change.
    ['connections.max.reauth.ms', String(60 * 60 * 1000)],
    ['ssl.keystore.type', 'PKCS12'],
    ['ssl.keystore.location', `${v.brokerSecretsDir}/keystore.p12`],
    ['ssl.keystore.password', s.keystorePassword],
    ['ssl.key.password', s.keystorePassword],
    // The broker is a TLS client of its own controller listener: it trusts the hub's CA only.
    ['ssl.truststore.type', 'PEM'],
    ['ssl.truststore.location', `${v.brokerSecretsDir}/ca.pem`],
    ['ssl.enabled.protocols', 'TLSv1.3,TLSv1.2'],
    // Clients authenticate with SCRAM inside TLS, not with certificates (ADR 0016).
    ['ssl.client.auth', 'none'],
    ['authorizer.class.name', 'org.apache.kafka.metadata.authorizer.StandardAuthorizer'],
    ['allow.everyone.if.no.acl.found', 'false'],
    ['super.users', superUsers().map((u) => `User:${u}`).join(';')],
    ['log.dirs', v.dataDir],
    // Topics exist only through `hub prepare` and the operator (municipal topics): a typo fails.
    ['auto.create.topics.enable', 'false'],
    // One broker: internal topics and new topics can only have one replica.
    ['offsets.topic.replication.factor', '1'],
    ['transaction.state.log.replication.factor', '1'],
    ['transaction.state.log.min.isr', '1'],
    ['default.replication.factor', '1'],
    // A lone consumer should not wait 3 s for a rebalance that has nobody else to include.
    ['group.initial.rebalance.delay.ms', '0'],
  ];
  if (v.smallInternalTopics) props.push(['offsets.topic.num.partitions', '1'], ['transaction.state.log.num.partitions', '1'], ['num.network.threads', '2'], ['num.io.threads', '2']);
  return props;
}

/**
 * Variables the apache/kafka image's scripts use for themselves, not broker settings; start-broker.sh
 * skips the same list.
 */
export const NON_PROPERTY_VARIABLES = ['KAFKA_HEAP_OPTS', 'KAFKA_OPTS', 'KAFKA_LOG4J_OPTS', 'KAFKA_JVM_PERFORMANCE_OPTS', 'KAFKA_GC_LOG_OPTS', 'KAFKA_JMX_OPTS', 'KAFKA_DEBUG', 'KAFKA_HOME', 'KAFKA_VERSION'] as const;

/**
 * A property as the apache/kafka image names its variable: `KAFKA_` + upper case, `.` → `_`,
 * `_` → `__`, `-` → `___` (so `listener.name.internal.scram-sha-512.sasl.jaas.config` is
 * `KAFKA_LISTENER_NAME_INTERNAL_SCRAM___SHA___512_SASL_JAAS_CONFIG`).
 */
export function propertyToVariable(key: string): string {
  return `KAFKA_${key.replace(/_/g, '__').replace(/-/g, '___').replace(/\./g, '_').toUpperCase()}`;
}

/** The reverse, as start-broker.sh does it. */
export function variableToProperty(name: string): string {
  return name.slice('KAFKA_'.length).toLowerCase().split('___').map((part) => part.split('__').map((p) => p.replace(/_/g, '.')).join('_')).join('-');
}

export function brokerEnvironment(v: BrokerValues): Record<string, string> {
  return Object.fromEntries(brokerProperties(v).map(([k, value]) => [propertyToVariable(k), value]));
}

/** The Docker stack's broker: service `kafka` on the compose network, EXTERNAL published on the host. */
export const COMPOSE_BROKER: BrokerValues = {
  internal: { bind: ':9092', advertised: 'kafka:9092' },
  external: { bind: ':29092', advertised: 'localhost:29092' },
  controller: { bind: ':9093' },
  controllerAddress: 'kafka:9093',
  dataDir: '/var/lib/kafka/data',
  brokerSecretsDir: '/etc/kafka/hub-secrets/broker',
};
