import * as net from 'node:net';

/** True when something accepts TCP connections on host:port (cheap pre-check before protocol probes). */
export function isPortOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Short reason of a failed fetch or connection, e.g. `ECONNREFUSED`, for status details. */
export function errorReason(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as Error & { code?: unknown }).code;
      return typeof code === 'string' ? code : cause.message;
    }
    const code = (err as Error & { code?: unknown }).code;
    return typeof code === 'string' ? code : err.message;
  }
  return String(err);
}
