import type { Client } from 'pg';
import { isRetriable } from '../errors';
import type { EncodedMessage } from '../kafka/encoded-message';
import type { Checkpoint, TransactionalPublisher } from '../kafka/transactional-publisher';
import type { Logger } from '../logging/create-logger';
import { decodeSeqRanges, encodeSeqRanges } from './seq-ranges';

export interface OutboxRelayOptions {
  /** The outbox table (shape in README.md), e.g. `intake_outbox`. */
  readonly table: string;
  /** A new dedicated connection (not from the pool): it holds the advisory lock and LISTENs. */
  readonly connect: () => Promise<Client>;
  readonly createPublisher: () => Promise<TransactionalPublisher>;
  /** Checkpoint stream id (also the Kafka transactional id's basis). */
  readonly stream: string;
  /** Advisory lock name: one relay per database schema. */
  readonly lockName: string;
  /** NOTIFY channel the writer signals on. */
  readonly channel: string;
  readonly batchSize?: number;
  /** Fallback poll when no notification arrives (lost connection, another process's writes). */
  readonly idlePollMs?: number;
  readonly log: Logger;
  readonly now?: () => number;
  readonly onPublished?: (records: number, messages: readonly EncodedMessage[], delaysSeconds: readonly number[]) => void;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  part: number;
  parts: number;
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
  created_ms: string;
}

/** Records relayed since the stream began, carried in its checkpoint. */
interface Counts { readonly received: number; readonly published: number }

/**
 * Moves a PostgreSQL outbox to Kafka exactly once (the intake's, and every service's that makes
 * its effects and its outgoing events durable in one PostgreSQL transaction). One relay per schema (advisory lock; a second
 * process waits). Each batch of outbox rows is published in ONE Kafka transaction together with a
 * checkpoint naming the rows' seqs; the rows are deleted only after that commit. If the process
 * dies between the commit and the delete, the next relay reads the checkpoint and deletes the
 * rows it names instead of publishing them again. Wakes on NOTIFY from the writer, so latency is
 * one Kafka transaction; a slow poll is only a fallback.
 */
export class OutboxRelay {
  private stopping = false;
  private wake: (() => void) | null = null;
  private stopWake: (() => void) | null = null;
  /** Set by a notification that arrived while the relay was busy, so the next sleep returns at once. */
  private notified = false;
  private loop: Promise<void> | null = null;
  private client: Client | null = null;
  private readonly batchSize: number;
  private readonly now: () => number;
  private readonly table: string;

  constructor(private readonly opts: OutboxRelayOptions) {
    this.table = quoteIdent(opts.table);
    this.batchSize = opts.batchSize ?? 1000;
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    this.loop ??= this.runForever();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopWake?.();
    await this.loop;
  }

  private async runForever(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.runOnce();
        failures = 0;
      } catch (err) {
        failures++;
        this.opts.log.error({ err: err instanceof Error ? err.message : String(err), failures }, 'outbox relay stopped; restarting');
        await this.sleep(Math.min(10000, 250 * 2 ** failures), false);
      }
    }
  }

  /** One session: lock, recover, relay until stopped or an error ends the session. */
  private async runOnce(): Promise<void> {
    const client = await this.opts.connect();
    this.client = client;
    let publisher: TransactionalPublisher | null = null;
    // A lost connection must end the session (and with it the lock), not crash the process.
    client.on('error', (err) => { this.opts.log.warn({ err: err.message }, 'relay connection error'); this.stopWake?.(); });
    client.on('notification', () => { this.notified = true; this.wake?.(); });
    try {
      await client.query(`LISTEN ${quoteIdent(this.opts.channel)}`);
      if (!(await this.acquireLock(client))) return;
      publisher = await this.opts.createPublisher();
      let counts = await this.recover(client, publisher);
      this.opts.log.info({ stream: this.opts.stream, published: counts.published }, 'outbox relay running');
      while (!this.stopping) {
        this.notified = false;
        const read = await this.nextRows(client);
        if (read.length === 0) { await this.sleep(this.opts.idlePollMs ?? 1000); continue; }
        const whole = completeRecords(read);
        const rows = whole.length > 0 ? whole : read;
        const records = rows.filter((r) => r.part === 0).length;
        counts = { received: counts.received + records, published: counts.published + records };
        const seqs = rows.map((r) => BigInt(r.seq));
        const checkpoint: Checkpoint = {
          stream: this.opts.stream, position: encodeSeqRanges(seqs), complete: false,
          received: counts.received, published: counts.published, deadLettered: 0, duplicates: 0, withWarnings: 0,
          updatedAt: this.now(),
        };
        const messages = rows.map((r): EncodedMessage => ({ topic: r.topic, key: r.key, value: r.value, headers: r.headers }));
        await this.publishOnce(publisher, messages, checkpoint);
        await client.query(`DELETE FROM ${this.table} WHERE seq = ANY($1::bigint[])`, [rows.map((r) => r.seq)]);
        const at = this.now();
        this.opts.onPublished?.(records, messages, rows.filter((r) => r.part === 0).map((r) => Math.max(0, (at - Number(r.created_ms)) / 1000)));
      }
    } finally {
      this.client = null;
      await publisher?.close().catch(() => undefined);
      // Ending the session releases the advisory lock.
      await client.end().catch(() => undefined);
    }
  }

  private async acquireLock(client: Client): Promise<boolean> {
    let waiting = false;
    while (!this.stopping) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [this.opts.lockName]);
      if (rows[0]?.ok) return true;
      if (!waiting) { this.opts.log.info({ lock: this.opts.lockName }, 'another relay holds the outbox; waiting'); waiting = true; }
      await this.sleep(2000, false);
    }
    return false;
  }

  /** The last committed batch may still be in the outbox (crash after commit, before delete): drop it. */
  private async recover(client: Client, publisher: TransactionalPublisher): Promise<Counts> {
    const last = await publisher.readCheckpoint();
    if (!last) return { received: 0, published: 0 };
    const ranges = decodeSeqRanges(last.position);
    if (ranges === null) throw new Error(`checkpoint of stream ${this.opts.stream} has a position that is not an outbox seq list`);
    if (ranges.length > 0) {
      const { rowCount } = await client.query(
        `DELETE FROM ${this.table} o USING unnest($1::bigint[], $2::bigint[]) AS r(first, last) WHERE o.seq BETWEEN r.first AND r.last`,
        [ranges.map((r) => String(r.first)), ranges.map((r) => String(r.last))],
      );
      if (rowCount) this.opts.log.warn({ rows: rowCount }, 'outbox rows already published before a restart were removed, not republished');
    }
    return { received: last.received, published: last.published };
  }

  private async nextRows(client: Client): Promise<OutboxRow[]> {
    const { rows } = await client.query<OutboxRow>(
      `SELECT seq::text, event_id, part, parts, topic, key, value, headers, (extract(epoch FROM created_at) * 1000)::bigint::text AS created_ms
       FROM ${this.table} ORDER BY seq LIMIT $1`, [this.batchSize],
    );
    return rows;
  }

  /**
   * Publishes a batch; after a failure, asks Kafka whether the transaction committed anyway (an
   * ambiguous commit) before sending the same batch again, so a retry never duplicates it.
   */
  private async publishOnce(publisher: TransactionalPublisher, messages: readonly EncodedMessage[], checkpoint: Checkpoint): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await publisher.publish(messages, checkpoint);
        return;
      } catch (err) {
        if (!isRetriable(err) || attempt >= 5 || this.stopping) throw err;
        this.opts.log.warn({ attempt, err: err instanceof Error ? err.message : String(err) }, 'relay transaction failed; checking whether it committed');
        const last = await publisher.readCheckpoint();
        if (last?.position === checkpoint.position) return;
        await this.sleep(200 * 2 ** attempt, false);
      }
    }
  }

  /** Waits for stop(), the timeout or, when `byNotify`, a notification. */
  private sleep(ms: number, byNotify = true): Promise<void> {
    if (this.stopping || (byNotify && this.notified)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => { clearTimeout(timer); this.wake = null; this.stopWake = null; resolve(); };
      const timer = setTimeout(done, ms);
      this.stopWake = done;
      if (byNotify) this.wake = done;
    });
  }
}

/**
 * Keeps only rows whose record is whole in the batch: a record's messages (one today; the outbox
 * allows several) go in the same transaction. A LIMIT can cut a record; its rows come next batch.
 */
function completeRecords(rows: readonly OutboxRow[]): OutboxRow[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.event_id, (count.get(r.event_id) ?? 0) + 1);
  return rows.filter((r) => count.get(r.event_id) === r.parts);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
