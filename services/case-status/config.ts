import { z } from 'zod';
import { hubConfigSchema } from '../platform/config/hub-config';

export const caseStatusConfigSchema = hubConfigSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8086).describe('Port of the case-status service (health, metrics, query API); 0: any free port, for tests.'),
  HTTP_HOST: z.string().default('127.0.0.1').describe('Interface the case-status service binds to.'),
  CASE_STATUS_GROUP_ID: z.string().regex(/^[a-zA-Z0-9._-]+$/).default('hub.case-status').describe('Consumer group of the case-status stream (the topic prefix is prepended).'),
  CASE_STATUS_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(3).describe('Partition batches taken at once; with CASE_STATUS_COALESCE=on they are handled together in one transaction, otherwise each in its own (children are locked).'),
  CASE_STATUS_COALESCE: z.enum(['on', 'off']).default('off').describe('Hand the batches of several partitions to one transaction (group commit: one PostgreSQL transaction and one offset commit per fetch round instead of one per partition).'),
  CASE_STATUS_RELAY_BATCH: z.coerce.number().int().min(2).max(10000).default(1000).describe('Outbox rows per Kafka transaction of the case-status relay.'),
  CASE_STATUS_CLOCK_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000).describe('How often the deadline/timer clock re-evaluates children whose next change has passed.'),
  CASE_STATUS_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60000).default(5000).describe('How long a looked-up credential is reused (delay before a revocation takes effect).'),
  CASE_STATUS_CONSUMER: z.enum(['on', 'off']).default('on').describe('Run the consumer and the clock (off: query API only).'),
});

export type CaseStatusConfig = z.output<typeof caseStatusConfigSchema>;
