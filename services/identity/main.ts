import 'reflect-metadata';
import { loadConfig } from '../platform/config/load-config';
import { Shutdown } from '../platform/lifecycle/shutdown';
import { createLogger } from '../platform/logging/create-logger';
import { identityConfigSchema } from './config';
import { startIdentity } from './start-identity';

/**
 * Composition root of the `identity` process: PersonObserved → child identities (link ledger,
 * golden records, review tasks) → `hub.identity.children.v1`; /health, /metrics and the review API.
 */
async function main(): Promise<void> {
  const config = loadConfig(identityConfigSchema, process.env);
  const log = createLogger({ service: 'identity', level: config.LOG_LEVEL });
  const shutdown = new Shutdown(log);
  shutdown.listen();
  // A consumer that stopped for good (a bug) must not leave a healthy-looking process behind.
  const identity = await startIdentity(config, log, { onCrash: () => { void shutdown.run().then(() => process.exit(1)); } });
  shutdown.add('identity', () => identity.close());
}

main().catch((err: unknown) => {
  process.stderr.write(`identity failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
