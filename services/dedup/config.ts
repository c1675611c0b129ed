import { z } from 'zod';
import { hubConfigSchema } from '../platform/config/hub-config';

export const dedupConfigSchema = hubConfigSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8084).describe('Port of /health, /metrics and /v1/dedup/stats (0: any free port, for tests).'),
  HTTP_HOST: z.string().default('127.0.0.1').describe('Interface the dedup service binds to.'),
  DEDUP_GROUP_ID: z.string().min(1).default('hub.dedup').describe('Consumer group of the institution topics; HUB_TOPIC_PREFIX is prepended.'),
  DEDUP_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(32).default(3).describe('Partitions handled at once (each batch is one PostgreSQL transaction).'),
  DEDUP_RELAY_BATCH: z.coerce.number().int().min(2).max(10000).default(1000).describe('Outbox rows (PersonObserved) per Kafka transaction of the relay.'),
});

export type DedupConfig = z.output<typeof dedupConfigSchema>;
