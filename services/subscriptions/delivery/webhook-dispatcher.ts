/**
 * Delivery dispatcher (docs/adr/0015): sends the delivery log to each ACTIVE subscription — signed
 * webhooks, or the municipality's own Kafka topic (delivery/kafka-sink.ts).
 *
 * Throughput and isolation come from keeping the queue in memory, per subscription (a "lane"):
 *  - the consumers hand over the rows they logged right after their commit (`offer`), so a delivery
 *    leaves without any further database read; the log stays the source of truth: lanes are (re)loaded
 *    from it at start, on `rescan` (redeliver, resume), when a lane overflowed, and by a periodic sweep;
 *  - per child, only the head (lowest seq) delivery is in flight and the next waits for its outcome
 *    (domain/ordering.ts); a DEAD head lets the child proceed (it stays visible and redeliverable);
 *  - each lane has its own keep-alive HTTP agent and at most `perSubscription` requests in flight, and a
 *    lane whose heads all wait for a retry is skipped without looking at its backlog, so a dead receiver
 *    only ever occupies its own slots, never another's nor the consumer's;
 *  - outcomes are written in batches (one UPDATE and one audit INSERT per flush).
 * Delivery is at least once: an outcome not yet written when the process stops is sent again after a
 * restart (same X-Hub-Delivery-Id; receivers deduplicate on it).
 */
import http from 'node:http';
import https from 'node:https';
import type { Pool } from 'pg';
import type { Logger } from '../../platform/logging/create-logger';
import { afterFailure, type RetryPolicy } from '../domain/retry-schedule';
import { literalTargetRefused, type PrivateTargetPolicy } from '../domain/webhook-target';
import { PRIVATE_TARGET, publicOnlyLookup } from './public-only-lookup';
import { DELIVERY_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, sign } from './signature';

export interface DispatcherOptions {
  readonly pool: Pool;
  readonly log: Logger;
  readonly policy: RetryPolicy;
  readonly timeoutMs: number;
  readonly perSubscription: number;
  readonly globalLimit: number;
  /** Deliveries kept in memory per subscription; beyond, the rest waits in the log (a dead receiver's backlog). */
  readonly laneCapacity?: number;
  /** Safety-net sweep of the log for pending deliveries the lanes do not know (ms). */
  readonly sweepMs?: number;
  /** Sends a batch of one KAFKA subscription's deliveries, in seq order (absent: KAFKA subscriptions wait). */
  readonly kafka?: KafkaSink;
  readonly now?: () => number;
  readonly random?: () => number;
  /** `deny`: refuse to connect to non-public addresses, whatever the name resolves to (SSRF guard). */
  readonly privateTargets?: PrivateTargetPolicy;
}

/** A row of the delivery log as the dispatcher needs it. */
export interface LoggedRow {
  readonly seq: number;
  readonly subscriptionId: string;
  readonly childId: string;
  readonly eventType: string;
  readonly payload: object;
  readonly attempts?: number;
  readonly nextAttemptAt?: number;
}

export interface KafkaSink {
  send(sub: { readonly id: string; readonly comunaCode: string }, rows: readonly LoggedRow[]): Promise<void>;
}

interface Sub { readonly id: string; readonly comunaCode: string; readonly url: string | null; readonly secret: string | null; readonly status: string; readonly channel: string }

interface Item { readonly row: LoggedRow; attempts: number; nextAt: number }

interface Outcome { readonly seq: number; readonly subscriptionId: string; readonly status: 'PENDING' | 'DELIVERED' | 'DEAD'; readonly attempts: number; readonly nextAt: number; readonly error: string | null; readonly httpStatus: number | null; readonly audit: string; readonly channel: string }

class Lane {
  /** Per child, its queued deliveries in seq order; the head is the only one ever in flight. */
  readonly byChild = new Map<string, Item[]>();
  /** Seqs queued, in flight, or finalised but not yet written: never loaded twice. */
  readonly known = new Set<number>();
  readonly busy = new Set<string>();
  queued = 0;
  inFlight = 0;
  /** Earliest instant a not-busy head is due (Infinity: nothing to do until something changes). */
  nextDueAt = 0;
  overflow = false;
  agent: http.Agent | null = null;
  constructor(public sub: Sub) {}

  add(row: LoggedRow, attempts: number, nextAt: number): void {
    if (this.known.has(row.seq)) return;
    this.known.add(row.seq);
    const list = this.byChild.get(row.childId);
    const item: Item = { row, attempts, nextAt };
    if (!list) this.byChild.set(row.childId, [item]);
    else {
      let i = list.length;
      while (i > 0 && list[i - 1]!.row.seq > row.seq) i--;
      // Never in front of a head that is in flight: its outcome decides what comes next.
      if (i === 0 && this.busy.has(row.childId)) i = 1;
      list.splice(i, 0, item);
    }
    this.queued++;
    this.nextDueAt = Math.min(this.nextDueAt, nextAt);
  }
}

export class WebhookDispatcher {
  private readonly lanes = new Map<string, Lane>();
  /**
   * Lanes being (re)loaded from the log. Rows offered meanwhile wait in `offered` and join after the read
   * (duplicates are dropped by seq); `again`: a rescan was asked meanwhile (redeliver), read once more.
   */
  private readonly reloading = new Map<string, { p: Promise<void>; again: boolean; offered: LoggedRow[] }>();
  private inFlight = 0;
  private outcomes: Outcome[] = [];
  private flushing: Promise<void> | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private pumpScheduled = false;
  private rr = 0;
  private adopting: Promise<void> = Promise.resolve();
  /** Lane reloads at once: each holds a pool connection for two queries; many at once would starve the consumers. */
  private reloadSlots = 4;
  private readonly reloadWaiters: (() => void)[] = [];
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly capacity: number;
  private stopped = false;
  private started = false;
  private lastSweep = 0;

  constructor(private readonly opts: DispatcherOptions) {
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.capacity = opts.laneCapacity ?? 5000;
  }

  /** Rows just committed to the log (the consumers' and the flag look-ups' hand-over). */
  offer(rows: readonly LoggedRow[]): void {
    if (this.stopped) return;
    const unknown = new Set<string>();
    for (const r of rows) {
      const loading = this.reloading.get(r.subscriptionId);
      // A loading lane reads the log once more; an overflowed one takes what it needs from the log when it drains.
      if (loading) { loading.offered.push(r); continue; }
      const lane = this.lanes.get(r.subscriptionId);
      if (!lane) { unknown.add(r.subscriptionId); continue; }
      if (lane.overflow) continue;
      if (lane.queued >= this.capacity) { lane.overflow = true; continue; }
      lane.add(r, r.attempts ?? 0, r.nextAttemptAt ?? 0);
    }
    if (unknown.size > 0) void this.adopt(rows.filter((r) => unknown.has(r.subscriptionId)));
    this.schedulePump();
  }

  /**
   * Lanes for subscriptions first seen in a hand-over (created after the last sweep): one query for all of
   * them, and the offered rows join directly; anything of theirs logged earlier is found by the next sweep.
   */
  private async adopt(rows: readonly LoggedRow[]): Promise<void> {
    const ids = [...new Set(rows.map((r) => r.subscriptionId))];
    const pending = this.adopting;
    this.adopting = pending.then(async () => {
      const { rows: subs } = await this.opts.pool.query<{ id: string; comuna_code: string; url: string | null; secret: string | null; status: string; channel: string }>(
        "SELECT id, comuna_code, url, secret, status, channel FROM sub_subscriptions WHERE id = ANY($1::text[]) AND status <> 'DELETED'", [ids]);
      for (const s of subs) if (!this.lanes.has(s.id)) this.lanes.set(s.id, new Lane({ id: s.id, comunaCode: s.comuna_code, url: s.url, secret: s.secret, status: s.status, channel: s.channel }));
      this.offer(rows.filter((r) => this.lanes.has(r.subscriptionId)));
    }).catch((e: unknown) => this.opts.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'subscriptions not adopted; the sweep will'));
    await this.adopting;
  }

  /** Reloads one subscription (its row and its pending deliveries) from the log: after redeliver, resume, create. */
  rescan(subscriptionId: string): Promise<void> {
    return this.reload(subscriptionId);
  }

  /**
   * Called periodically (and woken by NOTIFY): the first call loads every lane; later calls send what is due
   * and, every `sweepMs`, reconcile the lanes with the log's pending counts.
   */
  async poll(): Promise<void> {
    if (this.stopped) return;
    if (!this.started) {
      this.started = true;
      this.lastSweep = this.now();
      await this.sweep(true);
    } else if (this.now() - this.lastSweep >= (this.opts.sweepMs ?? 5000)) {
      this.lastSweep = this.now();
      await this.sweep(false);
    }
    this.pump();
  }

  private async sweep(all: boolean): Promise<void> {
    const { rows: subs } = await this.opts.pool.query<{ id: string; comuna_code: string; url: string | null; secret: string | null; status: string; channel: string }>(
      "SELECT id, comuna_code, url, secret, status, channel FROM sub_subscriptions WHERE status <> 'DELETED'");
    const live = new Set(subs.map((s) => s.id));
    for (const [id, lane] of this.lanes) if (!live.has(id)) { lane.agent?.destroy(); this.lanes.delete(id); }
    const resumed: string[] = [];
    for (const s of subs) {
      const sub: Sub = { id: s.id, comunaCode: s.comuna_code, url: s.url, secret: s.secret, status: s.status, channel: s.channel };
      const lane = this.lanes.get(s.id);
      if (!lane) { this.lanes.set(s.id, new Lane(sub)); resumed.push(s.id); continue; }
      if (lane.sub.url !== sub.url) { lane.agent?.destroy(); lane.agent = null; }
      if (lane.sub.status !== 'ACTIVE' && sub.status === 'ACTIVE') resumed.push(s.id);
      lane.sub = sub;
    }
    const { rows: counts } = await this.opts.pool.query<{ subscription_id: string; n: string }>(
      "SELECT subscription_id, count(*)::text AS n FROM sub_deliveries WHERE status = 'PENDING' GROUP BY subscription_id");
    const stale = new Set(all ? [] : resumed);
    for (const c of counts) {
      const lane = this.lanes.get(c.subscription_id);
      // More pending in the log than the lane knows of (an overflow, a row handed to nobody): reload it.
      if (lane && (all || lane.overflow || Number(c.n) > lane.known.size)) stale.add(c.subscription_id);
    }
    await Promise.all([...stale].map((id) => this.reload(id)));
  }

  private reload(subscriptionId: string): Promise<void> {
    const existing = this.reloading.get(subscriptionId);
    if (existing) { existing.again = true; return existing.p; }
    const state = { p: Promise.resolve(), again: false, offered: [] as LoggedRow[] };
    this.reloading.set(subscriptionId, state);
    const run = async (): Promise<void> => {
      if (this.reloadSlots > 0) this.reloadSlots--; else await new Promise<void>((r) => this.reloadWaiters.push(r));
      try { await load(); } finally { const next = this.reloadWaiters.shift(); if (next) next(); else this.reloadSlots++; }
    };
    const load = async (): Promise<void> => {
      const { rows: subRows } = await this.opts.pool.query<{ id: string; comuna_code: string; url: string | null; secret: string | null; status: string; channel: string }>(
        "SELECT id, comuna_code, url, secret, status, channel FROM sub_subscriptions WHERE id = $1 AND status <> 'DELETED'", [subscriptionId]);
      const s = subRows[0];
      if (!s) { this.lanes.get(subscriptionId)?.agent?.destroy(); this.lanes.delete(subscriptionId); return; }
      const sub: Sub = { id: s.id, comunaCode: s.comuna_code, url: s.url, secret: s.secret, status: s.status, channel: s.channel };
      const lane = this.lanes.get(subscriptionId) ?? new Lane(sub);
      this.lanes.set(subscriptionId, lane);
      if (lane.sub.url !== sub.url) { lane.agent?.destroy(); lane.agent = null; }
      lane.sub = sub;
      do {
        state.again = false;
        // Outcomes waiting to be written would otherwise be read back as PENDING and sent twice.
        await this.flushNow();
        const { rows } = await this.opts.pool.query<{ seq: string; child_id: string; event_type: string; payload: object; attempts: number; next_ms: string }>(
          `SELECT seq::text, child_id, event_type, payload, attempts, (extract(epoch FROM next_attempt_at) * 1000)::bigint::text AS next_ms
           FROM sub_deliveries WHERE subscription_id = $1 AND status = 'PENDING' ORDER BY seq LIMIT $2`, [subscriptionId, this.capacity]);
        lane.overflow = rows.length >= this.capacity;
        for (const r of rows) lane.add({ seq: Number(r.seq), subscriptionId, childId: r.child_id, eventType: r.event_type, payload: r.payload }, r.attempts, Number(r.next_ms));
      } while (state.again && !this.stopped);
      if (!lane.overflow) for (const r of state.offered.splice(0)) lane.add(r, r.attempts ?? 0, r.nextAttemptAt ?? 0);
    };
    state.p = run().catch((e: unknown) => {
      this.opts.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'subscription lane not loaded');
    }).finally(() => {
      this.reloading.delete(subscriptionId);
      this.schedulePump();
    });
    return state.p;
  }

  private schedulePump(): void {
    if (this.pumpScheduled || this.stopped) return;
    this.pumpScheduled = true;
    setImmediate(() => { this.pumpScheduled = false; this.pump(); });
  }

  /** Starts every due head delivery, lane by lane (round robin), within the per-lane and global limits. */
  private pump(): void {
    if (this.stopped) return;
    const now = this.now();
    const lanes = [...this.lanes.values()];
    if (lanes.length === 0) return;
    this.rr = (this.rr + 1) % lanes.length;
    for (let k = 0; k < lanes.length && this.inFlight < this.opts.globalLimit; k++) {
      const lane = lanes[(this.rr + k) % lanes.length]!;
      if (lane.queued === 0 || lane.sub.status !== 'ACTIVE' || lane.nextDueAt > now) continue;
      if (lane.overflow && lane.queued < this.capacity / 2 && !this.reloading.has(lane.sub.id)) void this.reload(lane.sub.id);
      if (lane.sub.channel === 'KAFKA') { this.startKafka(lane, now); continue; }
      if (lane.inFlight >= this.opts.perSubscription) continue;
      const due: Item[] = [];
      let nextDue = Infinity;
      for (const [child, list] of lane.byChild) {
        if (lane.busy.has(child)) continue;
        const head = list[0]!;
        if (head.nextAt <= now) due.push(head); else nextDue = Math.min(nextDue, head.nextAt);
      }
      due.sort((a, b) => a.row.seq - b.row.seq);
      const room = Math.min(this.opts.perSubscription - lane.inFlight, this.opts.globalLimit - this.inFlight);
      for (const item of due.slice(0, room)) this.startWebhook(lane, item);
      // Heads left over are due now; otherwise the lane sleeps until its earliest retry.
      lane.nextDueAt = due.length > room ? now : nextDue;
    }
  }

  private startWebhook(lane: Lane, item: Item): void {
    lane.busy.add(item.row.childId);
    lane.inFlight++;
    this.inFlight++;
    void this.post(lane, item).then(({ httpStatus, error }) => this.settle(lane, [item], httpStatus, error, 'WEBHOOK'));
  }

  private startKafka(lane: Lane, now: number): void {
    const sink = this.opts.kafka;
    if (!sink || lane.inFlight > 0) return;
    // The topic is keyed by child, so one batch in seq order keeps every child's order; batches go one at a time.
    const items = [...lane.byChild.values()].flat().sort((a, b) => a.row.seq - b.row.seq);
    const batch: Item[] = [];
    for (const it of items) { if (it.nextAt > now) break; batch.push(it); if (batch.length >= 500) break; }
    if (batch.length === 0) { lane.nextDueAt = Math.min(...items.map((i) => i.nextAt)); return; }
    for (const it of batch) lane.busy.add(it.row.childId);
    lane.inFlight++;
    this.inFlight++;
    void sink.send(lane.sub, batch.map((b) => b.row)).then(
      () => this.settle(lane, batch, null, null, 'KAFKA'),
      (e: unknown) => this.settle(lane, batch, null, e instanceof Error ? e.name : 'ERROR', 'KAFKA'),
    );
  }

  private post(lane: Lane, item: Item): Promise<{ httpStatus: number | null; error: string | null }> {
    const sub = lane.sub;
    if (!sub.url || !sub.secret) return Promise.resolve({ httpStatus: null, error: 'NO_URL' });
    const url = new URL(sub.url);
    const secure = url.protocol === 'https:';
    if (literalTargetRefused(sub.url, this.opts.privateTargets ?? 'allow')) return Promise.resolve({ httpStatus: null, error: PRIVATE_TARGET });
    const agentOpts = { keepAlive: true, maxSockets: this.opts.perSubscription, ...(this.opts.privateTargets === 'deny' ? { lookup: publicOnlyLookup } : {}) };
    lane.agent ??= secure ? new https.Agent(agentOpts) : new http.Agent(agentOpts);
    const body = JSON.stringify({ deliveryId: String(item.row.seq), ...item.row.payload });
    return new Promise((resolve) => {
      let done = false;
      const finish = (httpStatus: number | null, error: string | null) => { if (!done) { done = true; resolve({ httpStatus, error }); } };
      const req = (secure ? https : http).request(url, {
        method: 'POST',
        agent: lane.agent!,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          [SIGNATURE_HEADER]: sign(sub.secret!, body, this.now() / 1000),
          [DELIVERY_ID_HEADER]: String(item.row.seq),
          [EVENT_TYPE_HEADER]: item.row.eventType,
        },
      }, (res) => {
        res.resume();
        res.on('end', () => finish(res.statusCode ?? null, res.statusCode && res.statusCode >= 200 && res.statusCode < 300 ? null : `HTTP ${res.statusCode}`));
        res.on('error', () => finish(res.statusCode ?? null, 'RESPONSE_ERROR'));
      });
      req.setTimeout(this.opts.timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
      req.on('error', (e: NodeJS.ErrnoException) => finish(null, e.code ?? e.name));
      req.end(body);
    });
  }

  /** Records the outcome of items sent together (one webhook, or one Kafka batch) and moves their children on. */
  private settle(lane: Lane, items: readonly Item[], httpStatus: number | null, error: string | null, channel: string): void {
    lane.inFlight--;
    this.inFlight--;
    const now = this.now();
    const jitter = this.random();
    for (const item of items) {
      const attempts = item.attempts + 1;
      const next = error === null ? null : afterFailure(this.opts.policy, attempts, jitter);
      const child = item.row.childId;
      lane.busy.delete(child);
      const base = { seq: item.row.seq, subscriptionId: lane.sub.id, attempts, httpStatus, error, channel };
      const final = error === null || next?.kind === 'DEAD';
      if (final) {
        const list = lane.byChild.get(child);
        const i = list ? list.indexOf(item) : -1;
        if (list && i >= 0) { list.splice(i, 1); lane.queued--; if (list.length === 0) lane.byChild.delete(child); }
        this.outcomes.push(error === null ? { ...base, status: 'DELIVERED', nextAt: now, audit: 'DELIVERED' } : { ...base, status: 'DEAD', nextAt: now, audit: 'DEAD' });
      } else {
        item.attempts = attempts;
        item.nextAt = now + (next as { delayMs: number }).delayMs;
        this.outcomes.push({ ...base, status: 'PENDING', nextAt: item.nextAt, audit: 'FAILED' });
      }
      const head = lane.byChild.get(child)?.[0];
      if (head) lane.nextDueAt = Math.min(lane.nextDueAt, head.nextAt);
    }
    this.scheduleFlush();
    this.schedulePump();
  }

  private scheduleFlush(): void {
    if (this.outcomes.length >= 500) { void this.flushNow(); return; }
    this.flushTimer ??= setTimeout(() => { this.flushTimer = null; void this.flushNow(); }, 10);
  }

  /** Writes the collected outcomes (one transaction per batch); on failure keeps them and tries again. */
  private flushNow(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => (this.outcomes.length > 0 ? this.flushNow() : undefined));
    if (this.outcomes.length === 0) return Promise.resolve();
    this.flushing = (async () => {
      while (this.outcomes.length > 0) {
        const batch = this.outcomes;
        this.outcomes = [];
        try {
          await this.write(batch);
          for (const o of batch) if (o.status !== 'PENDING') this.lanes.get(o.subscriptionId)?.known.delete(o.seq);
        } catch (e) {
          this.opts.log.warn({ err: e instanceof Error ? e.message : String(e), n: batch.length }, 'delivery outcomes not recorded; retrying');
          this.outcomes = [...batch, ...this.outcomes];
          if (this.stopped) return;
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })().finally(() => { this.flushing = null; });
    return this.flushing;
  }

  private async write(batch: readonly Outcome[]): Promise<void> {
    // Several attempts of one delivery may share a batch: the row takes the last, the audit keeps all.
    const last = new Map<number, Outcome>();
    for (const o of batch) last.set(o.seq, o);
    const rows = [...last.values()];
    const client = await this.opts.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `UPDATE sub_deliveries d SET status = x.status, attempts = x.attempts, next_attempt_at = to_timestamp(x.next_ms / 1000.0),
           last_error = x.err, delivered_at = CASE WHEN x.status = 'DELIVERED' THEN to_timestamp(x.next_ms / 1000.0) ELSE d.delivered_at END
         FROM unnest($1::bigint[], $2::text[], $3::int[], $4::float8[], $5::text[]) AS x(seq, status, attempts, next_ms, err)
         WHERE d.seq = x.seq`,
        [rows.map((o) => o.seq), rows.map((o) => o.status), rows.map((o) => o.attempts), rows.map((o) => o.nextAt), rows.map((o) => o.error)]);
      await client.query(
        `INSERT INTO sub_delivery_audit (delivery_seq, subscription_id, channel, attempt, outcome, http_status)
         SELECT s, sub, c, a, o, h FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::text[], $6::int[]) AS x(s, sub, c, a, o, h)`,
        [batch.map((o) => o.seq), batch.map((o) => o.subscriptionId), batch.map((o) => o.channel), batch.map((o) => o.attempts), batch.map((o) => o.audit), batch.map((o) => o.httpStatus)]);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /** Lets requests in flight finish (bounded by the timeout) and writes their outcomes. */
  async stop(): Promise<void> {
    this.stopped = true;
    const deadline = Date.now() + this.opts.timeoutMs + 1000;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    if (this.flushTimer) { clearTimeout(this.flushTimer); this.flushTimer = null; }
    await this.flushNow().catch(() => undefined);
    for (const lane of this.lanes.values()) lane.agent?.destroy();
  }
}
