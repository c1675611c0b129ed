import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StackError } from '../../../infra/stack/errors';
import { probeKafka, startKafka } from '../../../infra/stack/kafka';
import { kafkaAddress, resolveStackOptions, stackPaths } from '../../../infra/stack/options';
import { livePid } from '../../../infra/stack/pidfile';
import { stopProcess } from '../../../infra/stack/process';
import { freePort, pollUntil } from './net';

/**
 * A single-node broker of our own, started by the embedded stack's code (same cached jars, same
 * server.properties template) in a temp home on free ports, so a test can restart "the broker"
 * without touching the shared one other engineers and CI use.
 */
export interface PrivateKafka {
  readonly brokers: string;
  readonly home: string;
  /** SIGTERM (a clean broker shutdown) or SIGKILL (a crash). */
  stop(how?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startPrivateKafka(): Promise<PrivateKafka> {
  const home = mkdtempSync(path.join(tmpdir(), 'hub-faults-kafka-'));
  const [kafkaPort, controllerPort, registryPort] = [await freePort(), await freePort(), await freePort()];
  const opts = resolveStackOptions(process.env, { home, kafkaPort, controllerPort, registryPort });
  const paths = stackPaths(opts);
  const pid = () => livePid(paths.kafkaPid, 'kafka', home);
  const k: PrivateKafka = {
    brokers: kafkaAddress(opts),
    home,
    async stop(how = 'SIGTERM') {
      const p = pid();
      if (p === undefined) return;
      if (how === 'SIGKILL') {
        process.kill(p, 'SIGKILL');
        await stopProcess(p, 10_000); // waits until gone (SIGTERM to a dead pid is a no-op)
      } else {
        await stopProcess(p, 30_000);
      }
    },
    async start() {
      try {
        await startKafka(opts, paths);
      } catch (err) {
        // The stack gives a broker 90 s; on a loaded shared machine a restart can take longer.
        // Still alive and starting: keep waiting (a poll) rather than fail the run.
        if (!(err instanceof StackError && err.code === 'not-ready') || pid() === undefined) throw err;
        await pollUntil(async () => ((await probeKafka(kafkaPort)).ok ? true : undefined), 600_000, 'the private broker to answer', 1000);
      }
    },
    async destroy() {
      await k.stop('SIGKILL').catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    },
  };
  await k.start();
  return k;
}
