import { z } from 'zod';
import { csv } from './load-config';
import { SecretString } from './secret-string';

/** Default local addresses: the embedded stack (`npx hub stack up`) and the machine's PostgreSQL. */
export const LOCAL_DEFAULTS = {
  kafkaBrokers: '127.0.0.1:9092',
  schemaRegistryUrl: 'http://127.0.0.1:8081/apis/ccompat/v7',
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
} as const;

/**
 * Environment every hub process shares. Services extend it (`hubConfigSchema.extend({...})`).
 * Each variable is described, so the schema doubles as the configuration reference (docs/configuration.md).
 */
export const hubConfigSchema = z.object({
  KAFKA_BROKERS: csv.default([LOCAL_DEFAULTS.kafkaBrokers]).describe('Kafka bootstrap servers, host:port, comma-separated.'),
  SCHEMA_REGISTRY_URL: z.url().default(LOCAL_DEFAULTS.schemaRegistryUrl).describe('Confluent-compatible schema registry base URL.'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL').default(LOCAL_DEFAULTS.databaseUrl).describe('PostgreSQL connection URL. Redacted in logs.'),
  HUB_DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'expected a lower-case SQL identifier').default('hub').describe('PostgreSQL schema that holds the hub tables (tests use a fresh one per run).'),
  HUB_TOPIC_PREFIX: z.string().regex(/^[a-zA-Z0-9._-]*$/, 'only letters, digits, dot, dash and underscore').default('').describe('Prefix for every topic name (tests use a unique one per run).'),
  // Kafka client security (docs/security/kafka.md). Combinations are checked, and the files read,
  // once by kafkaSecurityOf (services/platform/kafka/client-security.ts) at the composition root.
  KAFKA_SECURITY_PROTOCOL: z.enum(['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL']).default('PLAINTEXT').describe('Kafka security.protocol of the listener KAFKA_BROKERS points at; SASL_SSL in the Docker stack.'),
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-512', 'scram-sha-256']).optional().describe('SASL mechanism for SASL_* protocols (the hub\'s brokers accept scram-sha-512).'),
  KAFKA_SASL_USERNAME: z.string().regex(/^[a-zA-Z0-9._-]{1,64}$/, 'letters, digits, dot, dash, underscore').optional().describe('SASL user (principal User:<name>), e.g. hub-dedup.'),
  KAFKA_SASL_PASSWORD: z.string().min(1).transform((s) => new SecretString(s)).optional().describe('SASL password. Prefer KAFKA_SASL_PASSWORD_FILE; never logged.'),
  KAFKA_SASL_PASSWORD_FILE: z.string().min(1).optional().describe('File holding the SASL password (compose secret); read once at start, trailing newline ignored.'),
  KAFKA_SSL_CA_FILE: z.string().min(1).optional().describe('PEM file of the CA that signed the brokers\' certificates (SSL/SASL_SSL); default: the system CAs.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level.'),
  HUB_LANG: z.string().optional().describe('Language of messages for people: es (default) or en.'),
});

export type HubConfig = z.output<typeof hubConfigSchema>;
