import 'reflect-metadata';
import { loadConfig } from '../platform/config/load-config';
import { Shutdown } from '../platform/lifecycle/shutdown';
import { createLogger } from '../platform/logging/create-logger';
import { caseStatusConfigSchema } from './config';
import { startCaseStatus } from './start-case-status';

/**
 * Composition root of the `case-status` process: institution + identity events → case flows per
 * child → hub.case.status.v1 / hub.case.updates.v1; deadline clock; /health, /metrics, query API (8086).
 */
async function main(): Promise<void> {
  const config = loadConfig(caseStatusConfigSchema, process.env);
  const log = createLogger({ service: 'case-status', level: config.LOG_LEVEL });
  const shutdown = new Shutdown(log);
  shutdown.listen();
  const service = await startCaseStatus(config, log, { onCrash: () => { void shutdown.run().then(() => process.exit(1)); } });
  shutdown.add('case-status', () => service.close());
}

main().catch((err: unknown) => {
  process.stderr.write(`case-status failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
