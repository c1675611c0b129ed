import type { Pool } from 'pg';
import { OUTBOX_TABLE } from '../inputs';

export interface DedupCounts {
  readonly received: number;
  readonly forwarded: number;
  readonly duplicateEventId: number;
  readonly duplicateContent: number;
  readonly deadLettered: number;
  readonly personsEmitted: number;
}

export interface DedupStats {
  /** received = forwarded + duplicateEventId + duplicateContent + deadLettered, checked on the totals. */
  readonly reconciled: boolean;
  readonly totals: DedupCounts;
  readonly byTopic: readonly (DedupCounts & { topic: string; institution: string })[];
  /** PersonObserved rows committed but not yet relayed to Kafka. */
  readonly pendingPersonObserved: number;
}

const ZERO: DedupCounts = { received: 0, forwarded: 0, duplicateEventId: 0, duplicateContent: 0, deadLettered: 0, personsEmitted: 0 };

/** Reads the reconciliation counters (summed over partitions). Counts only: no ids, no personal data. */
export async function readDedupStats(pool: Pool): Promise<DedupStats> {
  const [{ rows }, outbox] = await Promise.all([
    pool.query<{ topic: string; institution: string; r: string; f: string; d1: string; d2: string; dl: string; p: string }>(
      `SELECT topic, institution, sum(received)::text r, sum(forwarded)::text f, sum(duplicate_event_id)::text d1,
              sum(duplicate_content)::text d2, sum(dead_lettered)::text dl, sum(persons_emitted)::text p
       FROM dedup_counters GROUP BY topic, institution ORDER BY topic, institution`),
    pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${OUTBOX_TABLE}`),
  ]);
  const byTopic = rows.map((r) => ({
    topic: r.topic, institution: r.institution,
    received: Number(r.r), forwarded: Number(r.f), duplicateEventId: Number(r.d1), duplicateContent: Number(r.d2), deadLettered: Number(r.dl), personsEmitted: Number(r.p),
  }));
  const totals = byTopic.reduce<DedupCounts>((t, c) => ({
    received: t.received + c.received, forwarded: t.forwarded + c.forwarded, duplicateEventId: t.duplicateEventId + c.duplicateEventId,
    duplicateContent: t.duplicateContent + c.duplicateContent, deadLettered: t.deadLettered + c.deadLettered, personsEmitted: t.personsEmitted + c.personsEmitted,
  }), ZERO);
  const reconciled = totals.received === totals.forwarded + totals.duplicateEventId + totals.duplicateContent + totals.deadLettered;
  return { reconciled, totals, byTopic, pendingPersonObserved: Number(outbox.rows[0]!.n) };
}
