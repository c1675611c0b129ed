import type { Logger } from '../logging/create-logger';

/**
 * Graceful shutdown: on SIGINT/SIGTERM, close resources in reverse order of acquisition
 * (stop consuming before closing the producer and the database), bounded by a deadline after
 * which the process exits anyway so an orchestrator never waits forever.
 */
export class Shutdown {
  private readonly closers: { name: string; close: () => Promise<unknown> }[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly log: Logger, private readonly deadlineMs = 15000) {}

  /** Registers a resource; closed in reverse registration order. */
  add(name: string, close: () => Promise<unknown>): void {
    this.closers.push({ name, close });
  }

  listen(signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): void {
    for (const s of signals) {
      process.once(s, () => {
        this.log.info({ signal: s }, 'shutting down');
        void this.run().then(() => process.exit(0));
      });
    }
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      const timer = setTimeout(() => { this.log.error('shutdown deadline passed, exiting'); process.exit(1); }, this.deadlineMs);
      timer.unref();
      for (const c of [...this.closers].reverse()) {
        try {
          await c.close();
        } catch (err) {
          this.log.warn({ resource: c.name, err: (err as Error).message }, 'close failed');
        }
      }
      clearTimeout(timer);
    })();
    return this.running;
  }
}
