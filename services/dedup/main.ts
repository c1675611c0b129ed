import 'reflect-metadata';
import { loadConfig } from '../platform/config/load-config';
import { Shutdown } from '../platform/lifecycle/shutdown';
import { createLogger } from '../platform/logging/create-logger';
import { dedupConfigSchema } from './config';
import { startDedup } from './start-dedup';

/**
 * Composition root of the `dedup` process: drops re-deliveries from the five institution topics,
 * counts them, and derives PersonObserved (hub.identity.person-observed.v1) when a child's person
 * block is new or changed (docs/adr/0013).
 */
async function main(): Promise<void> {
  const config = loadConfig(dedupConfigSchema, process.env);
  const log = createLogger({ service: 'dedup', level: config.LOG_LEVEL });
  const shutdown = new Shutdown(log);
  shutdown.listen();
  const dedup = await startDedup(config, log, {
    // A bug stopped the consumer: exit non-zero so the supervisor restarts us and the lag shows it.
    onCrash: () => { void shutdown.run().then(() => process.exit(1)); },
  });
  shutdown.add('dedup', () => dedup.close());
}

main().catch((err: unknown) => {
  process.stderr.write(`dedup failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
