import { z } from 'zod';
import { hubConfigSchema } from '../platform/config/hub-config';

export const subscriptionsConfigSchema = hubConfigSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8087).describe('Port of the subscriptions service (health, metrics, subscriptions API, SSE); 0: any free port, for tests.'),
  HTTP_HOST: z.string().default('127.0.0.1').describe('Interface the subscriptions service binds to.'),
  SUBSCRIPTIONS_GROUP_ID: z.string().regex(/^[a-zA-Z0-9._-]+$/).default('hub.subscriptions').describe('Consumer group reading hub.case.updates.v1 (the topic prefix is prepended).'),
  SUBSCRIPTIONS_PARTIES_GROUP_ID: z.string().regex(/^[a-zA-Z0-9._-]+$/).default('hub.subscriptions.parties').describe('Consumer group reading hub.identity.children.v1 and hub.municipality.events.v1 (record links, RUN keys, municipal local cases).'),
  SUBSCRIPTIONS_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(3).describe('Partitions handled at once (each batch is one transaction).'),
  SUBSCRIPTIONS_POLL_MS: z.coerce.number().int().min(10).max(60000).default(250).describe('How often the webhook dispatcher looks for due deliveries (also woken by NOTIFY).'),
  SUBSCRIPTIONS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000).describe('Timeout of one webhook request.'),
  SUBSCRIPTIONS_PER_SUBSCRIPTION: z.coerce.number().int().min(1).max(64).default(4).describe('Webhook requests in flight per subscription (different children only).'),
  SUBSCRIPTIONS_GLOBAL_LIMIT: z.coerce.number().int().min(1).max(4096).default(256).describe('Webhook requests in flight in the whole process.'),
  SUBSCRIPTIONS_RETRY_BASE_MS: z.coerce.number().int().min(1).max(600000).default(500).describe('First retry delay ceiling (doubles per attempt, equal jitter).'),
  SUBSCRIPTIONS_RETRY_MAX_MS: z.coerce.number().int().min(1).max(3600000).default(60000).describe('Cap of the retry delay.'),
  SUBSCRIPTIONS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12).describe('Attempts before a delivery is DEAD (visible in the API, redeliverable).'),
  SUBSCRIPTIONS_LANE_CAPACITY: z.coerce.number().int().min(10).max(1000000).default(5000).describe('Deliveries kept in memory per subscription; beyond that a (dead) receiver\'s backlog waits in the log.'),
  SUBSCRIPTIONS_SWEEP_MS: z.coerce.number().int().min(100).max(600000).default(5000).describe('How often the dispatcher reconciles its in-memory queues with the delivery log (safety net).'),
  SUBSCRIPTIONS_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60000).default(5000).describe('How long a looked-up credential is reused.'),
  SUBSCRIPTIONS_PRIVATE_WEBHOOKS: z.enum(['allow', 'deny']).optional().describe('Webhook targets on loopback, link-local or private addresses (SSRF guard, domain/webhook-target.ts). Default: deny when NODE_ENV=production, allow otherwise (local receivers in development and tests).'),
  SUBSCRIPTIONS_CONSUMER: z.enum(['on', 'off']).default('on').describe('Run the consumer and the dispatcher (off: API only).'),
});

export type SubscriptionsConfig = z.output<typeof subscriptionsConfigSchema>;

/** The SSRF policy in force: explicit setting, else deny in production. */
export function privateWebhookPolicy(config: Pick<SubscriptionsConfig, 'SUBSCRIPTIONS_PRIVATE_WEBHOOKS'>, nodeEnv: string | undefined): 'allow' | 'deny' {
  return config.SUBSCRIPTIONS_PRIVATE_WEBHOOKS ?? (nodeEnv === 'production' ? 'deny' : 'allow');
}
