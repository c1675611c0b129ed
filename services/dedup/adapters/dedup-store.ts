import type { PoolClient } from 'pg';
import type { BatchPlan, Claim, CounterDelta, PriorState } from '../domain/dedup-decision';
import { personKeyText, type InstitutionEvent } from '../domain/institution-event';

/**
 * PostgreSQL side of one batch: read what the decision needs, then store what it decided. Both
 * run inside the caller's transaction (DedupHandler), together with the outbox rows. Three round
 * trips (lock, read, write): on a loaded machine each statement costs far more than its work.
 */
export class DedupStore {
  /**
   * Locks the partition's row first (ON CONFLICT DO UPDATE locks it and returns its latest
   * committed value): a second consumer handling the same partition (a zombie after a rebalance)
   * waits here and then sees this batch as already handled.
   */
  async loadPrior(client: PoolClient, topic: string, partition: number, events: readonly InstitutionEvent[]): Promise<PriorState> {
    const { rows: [offsetRow] } = await client.query<{ next_offset: string }>(
      `INSERT INTO dedup_partition_offsets AS o (topic, partition, next_offset) VALUES ($1, $2, -1)
       ON CONFLICT (topic, partition) DO UPDATE SET next_offset = o.next_offset RETURNING next_offset::text`, [topic, partition]);
    const nextOffset = offsetRow && offsetRow.next_offset !== '-1' ? offsetRow.next_offset : null;

    const personKeys = [...new Map(events.map((e) => [personKeyText(e.personKey), e.personKey])).values()];
    const { rows } = await client.query<{ kind: 'c' | 's' | 'p'; k1: string; k2: string | null; h: string; t: string | null; p: number | null; o: string | null }>(
      `SELECT 'c' AS kind, event_id AS k1, NULL::text AS k2, content_hash AS h, first_topic AS t, first_partition AS p, first_offset::text AS o
         FROM dedup_event_claims WHERE event_id = ANY($1::text[])
       UNION ALL
       SELECT 's', source_key, NULL, content_hash, NULL, NULL, NULL FROM dedup_source_records WHERE source_key = ANY($2::text[])
       UNION ALL
       SELECT 'p', d.institution, d.person_record_id, d.person_hash, NULL, NULL, NULL FROM dedup_person_hashes d
         JOIN unnest($3::text[], $4::text[]) AS k(institution, person_record_id) USING (institution, person_record_id)`,
      [[...new Set(events.map((e) => e.envelope.eventId))], [...new Set(events.map((e) => e.sourceKey))],
        personKeys.map((k) => k.institution), personKeys.map((k) => k.personRecordId)]);
    const claims = new Map<string, Claim>();
    const contents = new Map<string, string>();
    const persons = new Map<string, string>();
    for (const r of rows) {
      if (r.kind === 'c') claims.set(r.k1, { contentHash: r.h, position: { topic: r.t!, partition: r.p!, offset: r.o! } });
      else if (r.kind === 's') contents.set(r.k1, r.h);
      else persons.set(personKeyText({ institution: r.k1, personRecordId: r.k2! }), r.h);
    }
    return { nextOffset, claims, contents, persons };
  }

  /** Every change of the batch in one statement (data-modifying CTEs over distinct tables). */
  async apply(client: PoolClient, topic: string, partition: number, plan: BatchPlan, counters: readonly CounterDelta[]): Promise<void> {
    const claims = [...plan.newClaims];
    const contents = [...plan.contentUpdates];
    const persons = [...plan.personUpdates.values()];
    await client.query(
      `WITH claims AS (
         INSERT INTO dedup_event_claims (event_id, content_hash, first_topic, first_partition, first_offset)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[]) ON CONFLICT DO NOTHING
       ), contents AS (
         INSERT INTO dedup_source_records (source_key, content_hash, last_event_id)
         SELECT * FROM unnest($6::text[], $7::text[], $8::text[])
         ON CONFLICT (source_key) DO UPDATE SET content_hash = EXCLUDED.content_hash, last_event_id = EXCLUDED.last_event_id, updated_at = now()
       ), persons AS (
         INSERT INTO dedup_person_hashes (institution, person_record_id, person_hash, last_event_id)
         SELECT * FROM unnest($9::text[], $10::text[], $11::text[], $12::text[])
         ON CONFLICT (institution, person_record_id) DO UPDATE SET person_hash = EXCLUDED.person_hash, last_event_id = EXCLUDED.last_event_id, updated_at = now()
       ), counters AS (
         INSERT INTO dedup_counters AS c (topic, partition, institution, received, forwarded, duplicate_event_id, duplicate_content, persons_emitted)
         SELECT t, $19::int, i, r, f, d1, d2, p FROM unnest($13::text[], $14::text[], $15::bigint[], $16::bigint[], $17::bigint[], $18::bigint[], $20::bigint[]) AS x(t, i, r, f, d1, d2, p)
         ON CONFLICT (topic, partition, institution) DO UPDATE SET
           received = c.received + EXCLUDED.received, forwarded = c.forwarded + EXCLUDED.forwarded,
           duplicate_event_id = c.duplicate_event_id + EXCLUDED.duplicate_event_id,
           duplicate_content = c.duplicate_content + EXCLUDED.duplicate_content,
           persons_emitted = c.persons_emitted + EXCLUDED.persons_emitted
       ), offsets AS (
         UPDATE dedup_partition_offsets SET next_offset = GREATEST(next_offset, $22::bigint) WHERE topic = $21 AND partition = $19 AND $22::bigint IS NOT NULL
       )
       SELECT 1`,
      [
        claims.map(([id]) => id), claims.map(([, c]) => c.contentHash), claims.map(([, c]) => c.position.topic), claims.map(([, c]) => c.position.partition), claims.map(([, c]) => c.position.offset),
        contents.map(([k]) => k), contents.map(([, c]) => c.contentHash), contents.map(([, c]) => c.eventId),
        persons.map((p) => p.key.institution), persons.map((p) => p.key.personRecordId), persons.map((p) => p.personHash), persons.map((p) => p.eventId),
        counters.map((c) => c.topic), counters.map((c) => c.institution), counters.map((c) => c.received), counters.map((c) => c.forwarded),
        counters.map((c) => c.duplicateEventId), counters.map((c) => c.duplicateContent), partition, counters.map((c) => c.personsEmitted),
        topic, plan.nextOffset,
      ]);
  }
}
