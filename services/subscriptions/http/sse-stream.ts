/**
 * Server-Sent Events over the delivery log (docs/adr/0015): `id:` is the delivery's seq, so a client
 * that reconnects with `Last-Event-ID: <seq>` resumes right after the last event it saw and misses
 * nothing (the log is durable and ordered). The stream reads the log itself, independent of the
 * webhook status; every event sent is audited (channel SSE).
 */
import type { ServerResponse } from 'node:http';
import type { Pool } from 'pg';

export interface SseOptions {
  readonly pool: Pool;
  readonly subscriptionId: string;
  /** The credential that opened the stream: recorded with every event sent (who). */
  readonly credentialId: string;
  readonly lastEventId: string | undefined;
  /** Resolves when new deliveries may exist (NOTIFY), or after the poll interval. */
  readonly wait: (ms: number) => Promise<void>;
  readonly pollMs: number;
  readonly heartbeatMs?: number;
}

export async function streamDeliveries(res: ServerResponse, o: SseOptions): Promise<void> {
  let after = o.lastEventId && /^\d{1,18}$/.test(o.lastEventId.trim()) ? o.lastEventId.trim() : '0';
  let open = true;
  res.on('close', () => { open = false; });
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write('retry: 2000\n\n');
  let lastWrite = Date.now();
  while (open) {
    const { rows } = await o.pool.query<{ seq: string; event_type: string; payload: unknown }>(
      'SELECT seq::text, event_type, payload FROM sub_deliveries WHERE subscription_id = $1 AND seq > $2::bigint ORDER BY sub_deliveries.seq LIMIT 500', [o.subscriptionId, after]);
    if (rows.length > 0 && open) {
      const chunk = rows.map((r) => `id: ${r.seq}\nevent: ${r.event_type}\ndata: ${JSON.stringify({ deliveryId: r.seq, ...(r.payload as object) })}\n\n`).join('');
      res.write(chunk);
      lastWrite = Date.now();
      await o.pool.query(
        "INSERT INTO sub_delivery_audit (delivery_seq, subscription_id, channel, attempt, outcome, credential_id) SELECT unnest($1::bigint[]), $2, 'SSE', 1, 'SENT', $3",
        [rows.map((r) => r.seq), o.subscriptionId, o.credentialId]);
      after = rows[rows.length - 1]!.seq;
      if (rows.length === 500) continue;
    } else if (Date.now() - lastWrite > (o.heartbeatMs ?? 15000)) {
      res.write(': keep-alive\n\n');
      lastWrite = Date.now();
    }
    await o.wait(o.pollMs);
  }
}
