/**
 * Webhook dispatcher (docs/adr/0015): sends the delivery log to each ACTIVE subscription's URL.
 * Independence is the point: every subscription has its own worker (at most one round in flight,
 * at most `perSubscription` requests), all share a global limit, and every request has a timeout,
 * so a slow or dead receiver only ever occupies its own slots and never the consumer. Per child,
 * a delivery waits for the previous one (domain/ordering.ts); failures back off with jitter
 * (domain/retry-schedule.ts) and become DEAD after the last attempt. Every attempt is audited.
 */
import type { Pool } from 'pg';
import type { Logger } from '../../platform/logging/create-logger';
import { sendable, type QueuedDelivery } from '../domain/ordering';
import { afterFailure, type RetryPolicy } from '../domain/retry-schedule';
import { DELIVERY_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, sign } from './signature';

export interface DispatcherOptions {
  readonly pool: Pool;
  readonly log: Logger;
  readonly policy: RetryPolicy;
  readonly timeoutMs: number;
  readonly perSubscription: number;
  readonly globalLimit: number;
  readonly now?: () => number;
  readonly random?: () => number;
}

interface Row extends QueuedDelivery { readonly event_type: string; readonly payload: unknown; readonly attempts: number }
interface Sub { readonly id: string; readonly url: string; readonly secret: string }

/** A counting semaphore: the global bound on requests in flight. */
class Slots {
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}
  async take(): Promise<void> {
    if (this.used < this.size) { this.used++; return; }
    await new Promise<void>((r) => this.waiting.push(r));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next(); else this.used--;
  }
}

export class WebhookDispatcher {
  private readonly running = new Map<string, Promise<void>>();
  private readonly slots: Slots;
  private readonly now: () => number;
  private readonly random: () => number;
  private stopped = false;

  constructor(private readonly opts: DispatcherOptions) {
    this.slots = new Slots(opts.globalLimit);
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
  }

  /** One scheduling pass: starts a round for every subscription with due work that is not already running one. */
  async poll(): Promise<void> {
    if (this.stopped) return;
    const { rows } = await this.opts.pool.query<Sub>(
      `SELECT s.id, s.url, s.secret FROM sub_subscriptions s
       WHERE s.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM sub_deliveries d WHERE d.subscription_id = s.id AND d.status = 'PENDING' AND d.next_attempt_at <= to_timestamp($1 / 1000.0))`,
      [this.now()]);
    for (const sub of rows) {
      if (this.running.has(sub.id)) continue;
      const round = this.round(sub)
        .catch((e: unknown) => this.opts.log.warn({ subscriptionId: sub.id, err: e instanceof Error ? e.message : String(e) }, 'webhook round failed'))
        .finally(() => this.running.delete(sub.id));
      this.running.set(sub.id, round);
    }
  }

  /** Sends what is sendable now for one subscription, repeating while progress is made. */
  private async round(sub: Sub): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const { rows } = await this.opts.pool.query<Row & { next: Date }>(
        `SELECT seq::text AS seq, child_id AS "childId", status, extract(epoch FROM next_attempt_at) * 1000 AS "nextAttemptAt", event_type, payload, attempts
         FROM sub_deliveries WHERE subscription_id = $1 AND status = 'PENDING' ORDER BY sub_deliveries.seq LIMIT 500`, [sub.id]);
      const batch = sendable(rows.map((r) => ({ ...r, seq: Number(r.seq), nextAttemptAt: Number(r.nextAttemptAt) })), this.now(), this.opts.perSubscription);
      if (batch.length === 0) return;
      const results = await Promise.all(batch.map((d) => this.send(sub, d)));
      if (!results.some((ok) => ok)) return;
    }
  }

  private async send(sub: Sub, d: Row): Promise<boolean> {
    await this.slots.take();
    const attempt = d.attempts + 1;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const body = JSON.stringify({ deliveryId: String(d.seq), ...(d.payload as object) });
      const res = await fetch(sub.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: sign(sub.secret, body, this.now() / 1000),
          [DELIVERY_ID_HEADER]: String(d.seq),
          [EVENT_TYPE_HEADER]: d.event_type,
        },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (e) {
      error = e instanceof Error ? e.name : 'ERROR';
    } finally {
      this.slots.give();
    }
    if (error === null) {
      await this.record(d, sub.id, attempt, 'DELIVERED', status,
        `UPDATE sub_deliveries SET status = 'DELIVERED', attempts = $2, delivered_at = to_timestamp($3 / 1000.0), last_error = NULL WHERE seq = $1`, [d.seq, attempt, this.now()]);
      return true;
    }
    const next = afterFailure(this.opts.policy, attempt, this.random());
    if (next.kind === 'DEAD') {
      await this.record(d, sub.id, attempt, 'DEAD', status, "UPDATE sub_deliveries SET status = 'DEAD', attempts = $2, last_error = $3 WHERE seq = $1", [d.seq, attempt, error]);
    } else {
      await this.record(d, sub.id, attempt, 'FAILED', status,
        'UPDATE sub_deliveries SET attempts = $2, last_error = $3, next_attempt_at = to_timestamp($4 / 1000.0) WHERE seq = $1', [d.seq, attempt, error, this.now() + next.delayMs]);
    }
    return false;
  }

  private async record(d: Row, subscriptionId: string, attempt: number, outcome: string, httpStatus: number | null, sql: string, params: unknown[]): Promise<void> {
    const client = await this.opts.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(sql, params);
      await client.query('INSERT INTO sub_delivery_audit (delivery_seq, subscription_id, channel, attempt, outcome, http_status) VALUES ($1, $2, $3, $4, $5, $6)',
        [d.seq, subscriptionId, 'WEBHOOK', attempt, outcome, httpStatus]);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.running.values()]);
  }
}
