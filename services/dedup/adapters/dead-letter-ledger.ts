import type { Producer, ProducerBatch, RecordMetadata } from 'kafkajs';
import type { Pool } from 'pg';
import { DLQ_HEADERS } from '../../platform/kafka/dead-letter';
import type { Logger } from '../../platform/logging/create-logger';
import { inTransaction } from '../../platform/postgres/create-pool';
import type { DedupMetrics } from './dedup-metrics';

export interface DeadLetterLedgerOptions {
  readonly pool: Pool;
  readonly metrics: DedupMetrics;
  /** Full input topic → its logical name and institution (dead letters may have no readable envelope). */
  readonly inputOf: (fullTopic: string) => { topic: string; institution: string } | undefined;
  readonly log: Logger;
}

interface Letter { topic: string; partition: number; offset: string; code: string }

function header(h: unknown): string | undefined {
  if (h === undefined || h === null) return undefined;
  return Buffer.isBuffer(h) ? h.toString('utf8') : Array.isArray(h) ? header(h[0]) : String(h);
}

/**
 * Wraps the producer the batch consumer dead-letters with, so dead letters enter the
 * reconciliation: each one is recorded by its input position (topic, partition, offset) and
 * counted (received + dead_lettered) exactly once. A redelivery after a crash would dead-letter
 * the same message again: it is recognised by position and neither sent nor counted twice. (A
 * crash between the Kafka send and the PostgreSQL commit sends it twice but counts it once.)
 * Every other producer call passes through untouched.
 */
export function withDeadLetterLedger(producer: Producer, opts: DeadLetterLedgerOptions): Producer {
  async function sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    const letters: Letter[] = [];
    for (const tm of batch.topicMessages ?? []) {
      for (const m of tm.messages) {
        const h = m.headers ?? {};
        const topic = header(h[DLQ_HEADERS.topic]);
        const partition = header(h[DLQ_HEADERS.partition]);
        const offset = header(h[DLQ_HEADERS.offset]);
        if (topic === undefined || partition === undefined || offset === undefined) throw new Error('dead letter without position headers');
        letters.push({ topic, partition: Number(partition), offset, code: header(h[DLQ_HEADERS.code]) ?? 'UNEXPECTED' });
      }
    }
    if (letters.length === 0) return producer.sendBatch(batch);
    const { rows } = await opts.pool.query<{ k: string }>(
      `SELECT d.topic || '/' || d.partition || '/' || d."offset" AS k FROM dedup_dead_letters d
       JOIN unnest($1::text[], $2::int[], $3::bigint[]) AS x(topic, partition, "offset") USING (topic, partition, "offset")`,
      [letters.map((l) => l.topic), letters.map((l) => l.partition), letters.map((l) => l.offset)]);
    const recorded = new Set(rows.map((r) => r.k));
    const fresh = (l: Letter) => !recorded.has(`${l.topic}/${l.partition}/${l.offset}`);
    const kept: ProducerBatch = {
      ...batch,
      topicMessages: (batch.topicMessages ?? []).map((tm) => ({
        ...tm,
        messages: tm.messages.filter((m) => {
          const h = m.headers ?? {};
          return !recorded.has(`${header(h[DLQ_HEADERS.topic])}/${header(h[DLQ_HEADERS.partition])}/${header(h[DLQ_HEADERS.offset])}`);
        }),
      })).filter((tm) => tm.messages.length > 0),
    };
    const toRecord = letters.filter(fresh);
    if (toRecord.length < letters.length) opts.log.warn({ skipped: letters.length - toRecord.length }, 'dead letters already sent before a restart were not sent again');
    if (toRecord.length === 0) return [];
    const result = await producer.sendBatch(kept);
    const counted = await inTransaction(opts.pool, async (client) => {
      const done: { topic: string; institution: string }[] = [];
      for (const l of toRecord) {
        const input = opts.inputOf(l.topic);
        const { rowCount } = await client.query(
          'INSERT INTO dedup_dead_letters (topic, partition, "offset", code) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [l.topic, l.partition, l.offset, l.code]);
        if (!rowCount || !input) continue;
        await client.query(
          `INSERT INTO dedup_counters AS c (topic, partition, institution, received, dead_lettered) VALUES ($1, $2, $3, 1, 1)
           ON CONFLICT (topic, partition, institution) DO UPDATE SET received = c.received + 1, dead_lettered = c.dead_lettered + 1`,
          [input.topic, l.partition, input.institution]);
        done.push(input);
      }
      return done;
    });
    for (const c of counted) opts.metrics.events.inc({ topic: c.topic, institution: c.institution, outcome: 'dead_lettered' });
    return result;
  }

  return new Proxy(producer, {
    get(target, prop, receiver) {
      if (prop === 'sendBatch') return sendBatch;
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
