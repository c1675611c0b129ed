import 'reflect-metadata';
import { loadConfig } from '../../services/platform/config/load-config';
import { Shutdown } from '../../services/platform/lifecycle/shutdown';
import { createLogger } from '../../services/platform/logging/create-logger';
import { intakeConfigSchema } from './config';
import { startIntake } from './start-intake';

/**
 * Composition root of the `intake` process: institutions' records over HTTP (/v1), made durable
 * in a PostgreSQL outbox and relayed to Kafka exactly once.
 */
async function main(): Promise<void> {
  const config = loadConfig(intakeConfigSchema, process.env);
  const log = createLogger({ service: 'intake', level: config.LOG_LEVEL });
  const shutdown = new Shutdown(log);
  shutdown.listen();
  const intake = await startIntake(config, log);
  shutdown.add('intake', () => intake.close());
}

main().catch((err: unknown) => {
  process.stderr.write(`intake failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
