import 'reflect-metadata';
import { loadConfig } from '../platform/config/load-config';
import { Shutdown } from '../platform/lifecycle/shutdown';
import { createLogger } from '../platform/logging/create-logger';
import { privateWebhookPolicy, subscriptionsConfigSchema } from './config';
import { startSubscriptions } from './start-subscriptions';

/**
 * Composition root of the `subscriptions` process: hub.case.updates.v1 → municipal delivery log →
 * signed webhooks and SSE; /health, /metrics, subscriptions API (8087).
 */
async function main(): Promise<void> {
  const parsed = loadConfig(subscriptionsConfigSchema, process.env);
  // The SSRF guard's default depends on the deployment: deny in production (docs/adr/0015).
  const config = { ...parsed, SUBSCRIPTIONS_PRIVATE_WEBHOOKS: privateWebhookPolicy(parsed, process.env.NODE_ENV) };
  const log = createLogger({ service: 'subscriptions', level: config.LOG_LEVEL });
  const shutdown = new Shutdown(log);
  shutdown.listen();
  const service = await startSubscriptions(config, log, { onCrash: () => { void shutdown.run().then(() => process.exit(1)); } });
  shutdown.add('subscriptions', () => service.close());
}

main().catch((err: unknown) => {
  process.stderr.write(`subscriptions failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
