import { createServer } from 'node:net';
import { eventually } from '../../harness/test-env';

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns a value (never a fixed sleep): the test harness's `eventually`, polled every 250 ms by default. */
export function pollUntil<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, what: string, intervalMs = 250): Promise<T> {
  return eventually(probe, timeoutMs, what, intervalMs);
}
