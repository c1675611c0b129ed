/**
 * A real local HTTP webhook receiver for integration tests and the benchmark: verifies the signature
 * like a municipality would, records what it accepted, and can be taken down and brought back on
 * the same port (connection refused while down).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, verify, type Verification } from '../delivery/signature';

export interface Received { readonly deliveryId: string; readonly type: string; readonly childId: string; readonly body: Record<string, unknown>; readonly at: number }

export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  readonly rejected: Verification[];
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(secret: string, opts: { delayMs?: number; status?: () => number } = {}): Promise<Receiver> {
  const received: Received[] = [];
  const rejected: Verification[] = [];
  const seen = new Set<string>();
  const make = (): Server => createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = req.headers[SIGNATURE_HEADER];
      const v = verify(secret, body, Array.isArray(header) ? header[0] : header, Date.now() / 1000);
      const reply = () => {
        if (v !== 'OK') { rejected.push(v); res.writeHead(401).end(); return; }
        const status = opts.status?.() ?? 200;
        if (status >= 200 && status < 300) {
          const parsed = JSON.parse(body) as Record<string, unknown>;
          const id = String(req.headers['x-hub-delivery-id']);
          // Idempotent receiver: a redelivered id is acknowledged, not recorded twice.
          if (!seen.has(id)) { seen.add(id); received.push({ deliveryId: id, type: String(parsed.type), childId: String(parsed.childId), body: parsed, at: Date.now() }); }
        }
        res.writeHead(status).end();
      };
      if (opts.delayMs) setTimeout(reply, opts.delayMs); else reply();
    });
  });
  let server = make();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  let isUp = true;
  const stop = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  return {
    url: `http://127.0.0.1:${port}/hook`, received, rejected,
    async down() { if (isUp) { isUp = false; await stop(); } },
    async up() { if (!isUp) { server = make(); await new Promise<void>((r) => server.listen(port, '127.0.0.1', r)); isUp = true; } },
    async close() { if (isUp) { isUp = false; await stop(); } },
  };
}
