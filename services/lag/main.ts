import 'reflect-metadata';
import { loadConfig } from '../platform/config/load-config';
import { createLogger } from '../platform/logging/create-logger';
import { Shutdown } from '../platform/lifecycle/shutdown';
import { lagConfigSchema } from './config';
import { startLag } from './start-lag';

/**
 * Composition root of the `lag` process: samples every consumer group through the Kafka admin
 * API, evaluates Burrow's rules, and serves /metrics, /v1/lag and the operators' console.
 */
async function main(): Promise<void> {
  const config = loadConfig(lagConfigSchema, process.env);
  const log = createLogger({ service: 'lag', level: config.LOG_LEVEL });
  const shutdown = new Shutdown(log);
  shutdown.listen();
  const lag = await startLag(config, log);
  shutdown.add('lag', () => lag.close());
  log.info({ port: lag.port }, 'lag monitor listening');
}

main().catch((err: unknown) => {
  process.stderr.write(`lag failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
