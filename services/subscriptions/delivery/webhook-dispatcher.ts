/**
 * Webhook dispatcher (docs/adr/0015): sends the delivery log to each ACTIVE subscription's URL.
 * One query per pass finds the head PENDING delivery of every (subscription, child) — so per child a
 * delivery waits for the previous one (domain/ordering.ts) — and requests go out without waiting for
 * each other: at most `perSubscription` in flight per subscription and `globalLimit` overall, each with
 * a timeout, so a slow or dead receiver only ever occupies its own slots, never another's nor the
 * consumer's. Outcomes are written in batches (one transaction per flush, with the audit rows);
 * failures back off with jitter (domain/retry-schedule.ts) and become DEAD after the last attempt.
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

interface Head extends QueuedDelivery {
  readonly subscriptionId: string;
  readonly url: string;
  readonly secret: string;
  readonly eventType: string;
  readonly payload: unknown;
  readonly attempts: number;
}

interface Outcome { readonly seq: number; readonly subscriptionId: string; readonly status: 'PENDING' | 'DELIVERED' | 'DEAD'; readonly attempts: number; readonly nextAt: number; readonly error: string | null; readonly httpStatus: number | null; readonly audit: string }

export class WebhookDispatcher {
  /** Deliveries sent or awaiting their flush: never picked again until their outcome is written. */
  private readonly inFlight = new Set<number>();
  private readonly perSub = new Map<string, number>();
  private outcomes: Outcome[] = [];
  private flushing: Promise<void> | null = null;
  private polling: Promise<void> | null = null;
  private again = false;
  private readonly now: () => number;
  private readonly random: () => number;
  private stopped = false;

  constructor(private readonly opts: DispatcherOptions) {
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
  }

  /** One scheduling pass (coalesced: a call during a pass schedules one more pass). */
  poll(): Promise<void> {
    if (this.polling) { this.again = true; return this.polling; }
    this.polling = (async () => {
      do {
        this.again = false;
        if (!this.stopped) await this.pass();
        // Passes triggered by many flushes are coalesced; a short pause bounds the scan rate under load.
        if (this.again) await new Promise((r) => setTimeout(r, 20));
      } while (this.again && !this.stopped);
    })().finally(() => { this.polling = null; });
    return this.polling;
  }

  private async pass(): Promise<void> {
    const free = this.opts.globalLimit - this.inFlight.size;
    if (free <= 0) return;
    const { rows } = await this.opts.pool.query<{ seq: string; subscription_id: string; url: string; secret: string; child_id: string; next_ms: string; event_type: string; payload: unknown; attempts: number }>(
      `SELECT DISTINCT ON (d.subscription_id, d.child_id) d.seq::text AS seq, d.subscription_id, s.url, s.secret, d.child_id,
              (extract(epoch FROM d.next_attempt_at) * 1000)::bigint::text AS next_ms, d.event_type, d.payload, d.attempts
       FROM sub_deliveries d JOIN sub_subscriptions s ON s.id = d.subscription_id AND s.status = 'ACTIVE'
       WHERE d.status = 'PENDING'
       ORDER BY d.subscription_id, d.child_id, d.seq
       LIMIT 20000`);
    const bySub = new Map<string, Head[]>();
    for (const r of rows) {
      const h: Head = { seq: Number(r.seq), childId: r.child_id, status: 'PENDING', nextAttemptAt: Number(r.next_ms), subscriptionId: r.subscription_id, url: r.url, secret: r.secret, eventType: r.event_type, payload: r.payload, attempts: r.attempts };
      const list = bySub.get(h.subscriptionId) ?? [];
      list.push(h);
      bySub.set(h.subscriptionId, list);
    }
    const now = this.now();
    let budget = free;
    for (const [subId, heads] of bySub) {
      if (budget <= 0) break;
      const busy = this.perSub.get(subId) ?? 0;
      // A child whose head is in flight is skipped (its next one must wait for that outcome).
      const idle = heads.filter((h) => !this.inFlight.has(h.seq));
      const chosen = sendable(idle, now, Math.min(this.opts.perSubscription - busy, budget));
      for (const h of chosen) {
        budget--;
        this.inFlight.add(h.seq);
        this.perSub.set(subId, (this.perSub.get(subId) ?? 0) + 1);
        void this.send(h);
      }
    }
  }

  private async send(d: Head): Promise<void> {
    const attempt = d.attempts + 1;
    let httpStatus: number | null = null;
    let error: string | null = null;
    try {
      const body = JSON.stringify({ deliveryId: String(d.seq), ...(d.payload as object) });
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: sign(d.secret, body, this.now() / 1000),
          [DELIVERY_ID_HEADER]: String(d.seq),
          [EVENT_TYPE_HEADER]: d.eventType,
        },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      httpStatus = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (e) {
      error = e instanceof Error ? e.name : 'ERROR';
    }
    const base = { seq: d.seq, subscriptionId: d.subscriptionId, attempts: attempt, httpStatus, error };
    if (error === null) this.outcomes.push({ ...base, status: 'DELIVERED', nextAt: this.now(), audit: 'DELIVERED' });
    else {
      const next = afterFailure(this.opts.policy, attempt, this.random());
      this.outcomes.push(next.kind === 'DEAD' ? { ...base, status: 'DEAD', nextAt: this.now(), audit: 'DEAD' } : { ...base, status: 'PENDING', nextAt: this.now() + next.delayMs, audit: 'FAILED' });
    }
    void this.flush();
  }

  /** Writes collected outcomes (one transaction), then frees their slots and schedules a pass for the children's next deliveries. */
  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      while (this.outcomes.length > 0) {
        const batch = this.outcomes;
        this.outcomes = [];
        try {
          await this.write(batch);
        } catch (e) {
          // Not written: the deliveries stay PENDING in the log and are sent again (receivers deduplicate on the id).
          this.opts.log.warn({ err: e instanceof Error ? e.message : String(e), n: batch.length }, 'webhook outcomes not recorded');
        }
        for (const o of batch) {
          this.inFlight.delete(o.seq);
          this.perSub.set(o.subscriptionId, Math.max(0, (this.perSub.get(o.subscriptionId) ?? 1) - 1));
        }
        void this.poll().catch((e: unknown) => this.opts.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'dispatcher pass failed'));
      }
    })().finally(() => { this.flushing = null; });
    return this.flushing;
  }

  private async write(batch: readonly Outcome[]): Promise<void> {
    const client = await this.opts.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `UPDATE sub_deliveries d SET status = x.status, attempts = x.attempts, next_attempt_at = to_timestamp(x.next_ms / 1000.0),
           last_error = x.err, delivered_at = CASE WHEN x.status = 'DELIVERED' THEN to_timestamp(x.next_ms / 1000.0) ELSE d.delivered_at END
         FROM unnest($1::bigint[], $2::text[], $3::int[], $4::float8[], $5::text[]) AS x(seq, status, attempts, next_ms, err)
         WHERE d.seq = x.seq`,
        [batch.map((o) => o.seq), batch.map((o) => o.status), batch.map((o) => o.attempts), batch.map((o) => o.nextAt), batch.map((o) => o.error)]);
      await client.query(
        `INSERT INTO sub_delivery_audit (delivery_seq, subscription_id, channel, attempt, outcome, http_status)
         SELECT s, sub, 'WEBHOOK', a, o, h FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::int[]) AS x(s, sub, a, o, h)`,
        [batch.map((o) => o.seq), batch.map((o) => o.subscriptionId), batch.map((o) => o.attempts), batch.map((o) => o.audit), batch.map((o) => o.httpStatus)]);
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
    const deadline = Date.now() + this.opts.timeoutMs + 1000;
    while ((this.inFlight.size > 0 || this.flushing) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await this.polling?.catch(() => undefined);
  }
}
