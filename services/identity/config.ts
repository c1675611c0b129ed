import { z } from 'zod';
import { hubConfigSchema } from '../platform/config/hub-config';

export const identityConfigSchema = hubConfigSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8083).describe('Port of the identity service (health, metrics, review API); 0: any free port, for tests.'),
  HTTP_HOST: z.string().default('127.0.0.1').describe('Interface the identity service binds to; loopback unless deployed behind a gateway.'),
  HTTP_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(64 * 1024).describe('Largest accepted request body of the review API (413 above it).'),
  IDENTITY_MODEL_PATH: z.string().min(1).optional().describe('JSON file of the matching model (hub matching train); the committed DEFAULT_MODEL when unset.'),
  IDENTITY_GROUP_ID: z.string().regex(/^[a-zA-Z0-9._-]+$/).default('hub.identity').describe('Consumer group of the identity stream (the topic prefix is prepended).'),
  IDENTITY_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(3).describe('Partitions of person-observed handled at once by one process (each batch is one transaction).'),
  IDENTITY_RECORDS_PER_TRANSACTION: z.coerce.number().int().min(1).max(1000).default(100).describe('Records decided per PostgreSQL transaction (a larger consumed batch is split in offset order; each transaction holds at most 1,024 key-stripe locks whatever its size, docs/adr/0011).'),
  IDENTITY_RELAY_BATCH: z.coerce.number().int().min(2).max(10000).default(1000).describe('Outbox rows per Kafka transaction of the identity-event relay.'),
  IDENTITY_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60000).default(5000).describe('How long a looked-up review-API credential is reused: the delay before a revocation takes effect.'),
  IDENTITY_CONSUMER: z.enum(['on', 'off']).default('on').describe('Run the person-observed consumer (off: API only, e.g. a second API replica).'),
});

export type IdentityConfig = z.output<typeof identityConfigSchema>;
