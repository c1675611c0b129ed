import type { Pool, PoolClient } from 'pg';
import { TransientError } from '../../../services/platform/errors';
import type { Logger } from '../../../services/platform/logging/create-logger';
import { classifyPgError } from '../../../services/platform/postgres/classify-pg-error';
import type { EncodedMessage } from '../../../services/platform/kafka/encoded-message';
import { newFlags, planClaims, planEvents, type BatchItem } from '../domain/group-commit-plan';

/** One accepted record: its event id and its encoded messages (today one: the institution event, ADR 0007). */
export interface OutboxRecord {
  readonly eventId: string;
  readonly messages: readonly EncodedMessage[];
}

export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

/** What one HTTP request asks to make durable. */
export interface Submission {
  readonly credentialId: string;
  readonly idempotency: { readonly key: string; readonly requestHash: string } | null;
  readonly records: readonly OutboxRecord[];
  /** The response to give (and store under the key), given which records are new. */
  respond(isNew: readonly boolean[]): StoredResponse;
}

export type WriteOutcome =
  /** Committed: new records are in the outbox, repeated ones were recognised. */
  | { readonly kind: 'written'; readonly response: StoredResponse }
  /** The key was used before for the same request: its stored response. Nothing was written. */
  | { readonly kind: 'replayed'; readonly response: StoredResponse }
  /** The key was used before for a different request. Nothing was written. */
  | { readonly kind: 'key-reused' };

export interface OutboxWriterOptions {
  /** NOTIFY channel the relay listens on. */
  readonly channel: string;
  /** Submissions per transaction at most. */
  readonly maxBatch?: number;
  /** Transactions in flight at once; submissions arriving meanwhile form the next batches. */
  readonly maxConcurrent?: number;
  readonly log: Logger;
  readonly onBatch?: (submissions: number, seconds: number) => void;
}

interface Pending {
  readonly s: Submission;
  resolve(o: WriteOutcome): void;
  reject(e: unknown): void;
}

const TRANSIENT_RETRIES = 2;

/**
 * Makes accepted records durable with group commit: submissions that arrive while transactions
 * are in flight are written together in the next one (multi-row inserts, one WAL flush), so
 * throughput grows with load while an idle writer commits a lone request at once. Per
 * transaction: claim Idempotency-Keys, insert event ids (a repeat is recognised by the primary
 * key), fix the stored response of repeats, insert the new records' messages into the outbox
 * and NOTIFY the relay. A submission's promise settles only after COMMIT.
 */
export class OutboxWriter {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];
  private readonly maxBatch: number;
  private readonly maxConcurrent: number;

  constructor(private readonly pool: Pool, private readonly opts: OutboxWriterOptions) {
    this.maxBatch = opts.maxBatch ?? 256;
    this.maxConcurrent = opts.maxConcurrent ?? 4;
  }

  submit(s: Submission): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ s, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every submission received so far has settled. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Requests parsed in the same turn of the event loop join the same batch.
    setImmediate(() => { this.scheduled = false; this.pump(); });
  }

  private pump(): void {
    while (this.inFlight < this.maxConcurrent && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.runBatch(batch).finally(() => {
        this.inFlight--;
        if (this.queue.length > 0) this.pump();
        else if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((w) => w());
      });
    }
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    const started = process.hrtime.bigint();
    for (let attempt = 0; ; attempt++) {
      try {
        const { written, deferred } = await this.writeBatch(batch);
        this.opts.onBatch?.(batch.length, Number(process.hrtime.bigint() - started) / 1e9);
        for (const [p, response] of written) p.resolve({ kind: 'written', response });
        if (deferred.length > 0) await this.settleDeferred(deferred);
        return;
      } catch (err) {
        const e = classifyPgError(err);
        if (e instanceof TransientError && attempt < TRANSIENT_RETRIES) {
          this.opts.log.warn({ code: e.code, attempt, submissions: batch.length }, 'outbox transaction failed; retrying the batch');
          await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
          continue;
        }
        this.opts.log.error({ err: e instanceof Error ? e.message : String(e), submissions: batch.length }, 'outbox transaction failed; nothing of the batch was written');
        for (const p of batch) p.reject(e);
        return;
      }
    }
  }

  private async writeBatch(batch: Pending[]): Promise<{ written: [Pending, StoredResponse][]; deferred: Pending[] }> {
    const items: BatchItem[] = batch.map(({ s }) => ({
      claim: s.idempotency ? `${s.credentialId}\u0000${s.idempotency.key}` : null,
      eventIds: s.records.map((r) => r.eventId),
    }));
    const claims = planClaims(items);
    const deferred = new Set(claims.deferred);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const optimistic = new Map<number, StoredResponse>();
      const lost = await this.claimKeys(client, batch, claims.proceeding, optimistic);
      lost.forEach((i) => deferred.add(i));
      const proceeding = claims.proceeding.filter((i) => !lost.has(i));

      const events = planEvents(items, proceeding);
      const inserted = await this.insertEvents(client, batch, items, events.inserts, events.candidates);

      const written: [Pending, StoredResponse][] = [];
      const corrections: { i: number; response: StoredResponse }[] = [];
      const rows: OutboxRow[] = [];
      for (const i of proceeding) {
        const { s } = batch[i]!;
        const flags = newFlags(items[i]!, events.inserts.get(i)!, inserted);
        const response = s.respond(flags);
        const guess = optimistic.get(i);
        if (guess && JSON.stringify(guess) !== JSON.stringify(response)) corrections.push({ i, response });
        written.push([batch[i]!, response]);
        s.records.forEach((r, k) => {
          if (!flags[k]) return;
          r.messages.forEach((m, part) => rows.push({ eventId: r.eventId, part, parts: r.messages.length, m }));
        });
      }
      if (corrections.length > 0) await this.correctResponses(client, batch, corrections);
      if (rows.length > 0) {
        await insertOutbox(client, rows);
        await client.query('SELECT pg_notify($1, $2)', [this.opts.channel, '']);
      }
      await client.query('COMMIT');
      return { written, deferred: [...deferred].sort((a, b) => a - b).map((i) => batch[i]!) };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Inserts the keys (with the response as if every record were new); returns the items whose key was already taken. */
  private async claimKeys(client: PoolClient, batch: Pending[], proceeding: readonly number[], optimistic: Map<number, StoredResponse>): Promise<Set<number>> {
    const keyed = proceeding.filter((i) => batch[i]!.s.idempotency !== null)
      .sort((a, b) => compareKeys(batch[a]!.s, batch[b]!.s));
    if (keyed.length === 0) return new Set();
    for (const i of keyed) optimistic.set(i, batch[i]!.s.respond(batch[i]!.s.records.map(() => true)));
    const { rows } = await client.query<{ credential_id: string; idem_key: string }>(
      `INSERT INTO intake_idempotency_keys (credential_id, idem_key, request_sha256, status, response)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int2[], $5::json[])
       ON CONFLICT DO NOTHING RETURNING credential_id, idem_key`,
      [
        keyed.map((i) => batch[i]!.s.credentialId),
        keyed.map((i) => batch[i]!.s.idempotency!.key),
        keyed.map((i) => batch[i]!.s.idempotency!.requestHash),
        keyed.map((i) => optimistic.get(i)!.status),
        keyed.map((i) => JSON.stringify(optimistic.get(i)!.body)),
      ],
    );
    const claimed = new Set(rows.map((r) => `${r.credential_id}\u0000${r.idem_key}`));
    return new Set(keyed.filter((i) => !claimed.has(`${batch[i]!.s.credentialId}\u0000${batch[i]!.s.idempotency!.key}`)));
  }

  private async insertEvents(client: PoolClient, batch: Pending[], items: BatchItem[], inserts: ReadonlyMap<number, readonly boolean[]>, candidates: readonly string[]): Promise<Set<string>> {
    if (candidates.length === 0) return new Set();
    const owner = new Map<string, string>();
    for (const [i, flags] of inserts) items[i]!.eventIds.forEach((id, r) => { if (flags[r]) owner.set(id, batch[i]!.s.credentialId); });
    const { rows } = await client.query<{ event_id: string }>(
      `INSERT INTO intake_accepted_events (event_id, credential_id)
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING RETURNING event_id`,
      [candidates, candidates.map((id) => owner.get(id)!)],
    );
    return new Set(rows.map((r) => r.event_id));
  }

  private async correctResponses(client: PoolClient, batch: Pending[], corrections: { i: number; response: StoredResponse }[]): Promise<void> {
    await client.query(
      `UPDATE intake_idempotency_keys k SET status = u.status, response = u.response
       FROM unnest($1::text[], $2::text[], $3::int2[], $4::json[]) AS u(credential_id, idem_key, status, response)
       WHERE k.credential_id = u.credential_id AND k.idem_key = u.idem_key`,
      [
        corrections.map((c) => batch[c.i]!.s.credentialId),
        corrections.map((c) => batch[c.i]!.s.idempotency!.key),
        corrections.map((c) => c.response.status),
        corrections.map((c) => JSON.stringify(c.response.body)),
      ],
    );
  }

  /** Items whose key was taken: answer from the committed row (replay or 422); requeue if it vanished. */
  private async settleDeferred(deferred: Pending[]): Promise<void> {
    try {
      const { rows } = await this.pool.query<{ credential_id: string; idem_key: string; request_sha256: string; status: number; response: unknown }>(
        `SELECT k.credential_id, k.idem_key, k.request_sha256, k.status, k.response FROM intake_idempotency_keys k
         JOIN unnest($1::text[], $2::text[]) AS u(credential_id, idem_key) USING (credential_id, idem_key)`,
        [deferred.map((p) => p.s.credentialId), deferred.map((p) => p.s.idempotency!.key)],
      );
      const byKey = new Map(rows.map((r) => [`${r.credential_id}\u0000${r.idem_key}`, r]));
      for (const p of deferred) {
        const row = byKey.get(`${p.s.credentialId}\u0000${p.s.idempotency!.key}`);
        if (!row) { this.queue.push(p); this.schedule(); continue; }
        p.resolve(row.request_sha256 === p.s.idempotency!.requestHash
          ? { kind: 'replayed', response: { status: row.status, body: row.response } }
          : { kind: 'key-reused' });
      }
    } catch (err) {
      for (const p of deferred) p.reject(classifyPgError(err));
    }
  }
}

interface OutboxRow {
  readonly eventId: string;
  readonly part: number;
  readonly parts: number;
  readonly m: EncodedMessage;
}

async function insertOutbox(client: PoolClient, rows: readonly OutboxRow[]): Promise<void> {
  await client.query(
    `INSERT INTO intake_outbox (event_id, part, parts, topic, key, value, headers)
     SELECT * FROM unnest($1::text[], $2::int2[], $3::int2[], $4::text[], $5::text[], $6::bytea[], $7::jsonb[])`,
    [
      rows.map((r) => r.eventId), rows.map((r) => r.part), rows.map((r) => r.parts),
      rows.map((r) => r.m.topic), rows.map((r) => r.m.key), rows.map((r) => r.m.value),
      rows.map((r) => JSON.stringify(r.m.headers ?? {})),
    ],
  );
}

function compareKeys(a: Submission, b: Submission): number {
  const x = `${a.credentialId}\u0000${a.idempotency!.key}`;
  const y = `${b.credentialId}\u0000${b.idempotency!.key}`;
  return x < y ? -1 : x > y ? 1 : 0;
}
