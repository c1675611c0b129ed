import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { HubServiceSpec } from '../services';
import { restartDelayMs, serviceCommand } from './service-process';

export interface SupervisorOptions {
  readonly root: string;
  readonly logDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly production: boolean;
  /** Told when a service exits unexpectedly and is about to be restarted. */
  readonly onRestart?: (service: string, code: number | null, delayMs: number) => void;
}

interface Running {
  child: ChildProcess;
  failures: number;
  stopping: boolean;
  timer?: NodeJS.Timeout;
}

/**
 * Runs each hub service as a real child process (so a crash or kill -9 affects one service, as
 * in production), appends its output to `<logDir>/<service>.log`, and restarts it with backoff
 * when it dies on its own.
 */
export class Supervisor {
  private readonly running = new Map<string, Running>();

  constructor(private readonly opts: SupervisorOptions) {}

  /** Starts (or restarts) a service; `extraEnv` is kept for restarts. */
  start(spec: HubServiceSpec, extraEnv: NodeJS.ProcessEnv = {}): void {
    const { command, args } = serviceCommand(spec, this.opts.root, this.opts.production);
    const log = createWriteStream(path.join(this.opts.logDir, `${spec.name}.log`), { flags: 'a' });
    const env = { ...this.opts.env, ...extraEnv, SWC_NODE_PROJECT: path.join(this.opts.root, 'tsconfig.json') };
    const child = spawn(command, args, { cwd: this.opts.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Two sources into one log: neither may end it (the default `end: true` would close the stream
    // when stdout ends, and stderr's next write would throw ERR_STREAM_WRITE_AFTER_END in the
    // supervisor itself). The log closes when the child's streams are both done.
    log.on('error', () => undefined);
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.once('close', () => log.end());
    const state: Running = this.running.get(spec.name) ?? { child, failures: 0, stopping: false };
    state.child = child;
    this.running.set(spec.name, state);
    const startedAt = Date.now();
    child.on('exit', (code, signal) => {
      // A clean exit (code 0, or the SIGINT a terminal's Ctrl-C sends to the whole process group)
      // is a deliberate stop, not a crash: restart only what died on its own.
      if (state.stopping || code === 0 || signal === 'SIGINT') return;
      state.failures = Date.now() - startedAt > 60000 ? 1 : state.failures + 1;
      const delay = restartDelayMs(state.failures);
      this.opts.onRestart?.(spec.name, code, delay);
      state.timer = setTimeout(() => this.start(spec, extraEnv), delay);
    });
  }

  pids(): Record<string, number | undefined> {
    return Object.fromEntries([...this.running].map(([n, r]) => [n, r.child.pid]));
  }

  /** SIGTERM every service, wait for them (bounded), SIGKILL what is left. */
  async stopAll(graceMs = 15000): Promise<void> {
    await Promise.all([...this.running.values()].map((r) => {
      r.stopping = true;
      if (r.timer) clearTimeout(r.timer);
      if (r.child.exitCode !== null || r.child.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const kill = setTimeout(() => r.child.kill('SIGKILL'), graceMs);
        r.child.once('exit', () => { clearTimeout(kill); resolve(); });
        r.child.kill('SIGTERM');
      });
    }));
  }
}
