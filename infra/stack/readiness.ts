import { LOCAL_HOST } from '../services';
import type { ManagedComponent } from './progress';
import { isAlive, tailFile, type Started } from './process';
import { isPortOpen } from './net';
import { pollUntil } from './wait';
import { removePidFile } from './pidfile';
import { StackError } from './errors';

/**
 * Waits until `probe` succeeds. If the process exits meanwhile, fails at once with the tail of
 * its log (a port clash or a bad config shows up there, not in our exception).
 */
export async function awaitReady(component: ManagedComponent, proc: Started, logFile: string, pidFile: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
  const failFast = (): void => {
    if (!isAlive(proc.pid)) {
      removePidFile(pidFile);
      throw new StackError('process-died', `${component} (pid ${proc.pid}) exited during start`, { component, pid: proc.pid, log: logFile }, tailFile(logFile, proc.logOffset));
    }
  };
  const ready = await pollUntil(probe, { timeoutMs, intervalMs: 500, failFast });
  if (!ready) {
    throw new StackError('not-ready', `${component} not ready after ${timeoutMs} ms`, { component, seconds: Math.round(timeoutMs / 1000), log: logFile }, tailFile(logFile, proc.logOffset));
  }
}

/** Refuses to start when another program already listens on one of our ports. */
export async function assertPortsFree(component: ManagedComponent, ports: readonly number[]): Promise<void> {
  for (const port of ports) {
    if (await isPortOpen(LOCAL_HOST, port, 500)) {
      throw new StackError('port-busy', `${LOCAL_HOST}:${port} is already in use`, { component, port });
    }
  }
}
