import type { PoolClient } from 'pg';
import type { BatchPlan, Claim, CounterDelta, PriorState } from '../domain/dedup-decision';
import { personKeyText, type InstitutionEvent } from '../domain/institution-event';

/**
 * PostgreSQL side of one batch: read what the decision needs, then store what it decided. Both
 * run inside the caller's transaction (DedupHandler), together with the outbox rows.
 */
export class DedupStore {
  /**
   * Locks the partition's row first: a second consumer handling the same partition (a zombie
   * after a rebalance) waits here and then sees this batch as already handled.
   */
  async loadPrior(client: PoolClient, topic: string, partition: number, events: readonly InstitutionEvent[]): Promise<PriorState> {
    await client.query('INSERT INTO dedup_partition_offsets (topic, partition, next_offset) VALUES ($1, $2, -1) ON CONFLICT DO NOTHING', [topic, partition]);
    const { rows: [offsetRow] } = await client.query<{ next_offset: string }>(
      'SELECT next_offset::text FROM dedup_partition_offsets WHERE topic = $1 AND partition = $2 FOR UPDATE', [topic, partition]);
    const nextOffset = offsetRow && offsetRow.next_offset !== '-1' ? offsetRow.next_offset : null;

    const eventIds = [...new Set(events.map((e) => e.envelope.eventId))];
    const sourceKeys = [...new Set(events.map((e) => e.sourceKey))];
    const personKeys = new Map(events.map((e) => [personKeyText(e.personKey), e.personKey]));
    // One connection runs one query at a time: sequential, not Promise.all.
    const claims = await client.query<{ event_id: string; content_hash: string; first_topic: string; first_partition: number; first_offset: string }>(
        'SELECT event_id, content_hash, first_topic, first_partition, first_offset::text FROM dedup_event_claims WHERE event_id = ANY($1::text[])', [eventIds]);
    const contents = await client.query<{ source_key: string; content_hash: string }>(
        'SELECT source_key, content_hash FROM dedup_source_records WHERE source_key = ANY($1::text[])', [sourceKeys]);
    const persons = await client.query<{ institution: string; person_record_id: string; person_hash: string }>(
        `SELECT p.institution, p.person_record_id, p.person_hash FROM dedup_person_hashes p
         JOIN unnest($1::text[], $2::text[]) AS k(institution, person_record_id) USING (institution, person_record_id)`,
        [[...personKeys.values()].map((k) => k.institution), [...personKeys.values()].map((k) => k.personRecordId)]);
    return {
      nextOffset,
      claims: new Map(claims.rows.map((r): [string, Claim] => [r.event_id, { contentHash: r.content_hash, position: { topic: r.first_topic, partition: r.first_partition, offset: r.first_offset } }])),
      contents: new Map(contents.rows.map((r) => [r.source_key, r.content_hash])),
      persons: new Map(persons.rows.map((r) => [personKeyText({ institution: r.institution, personRecordId: r.person_record_id }), r.person_hash])),
    };
  }

  async apply(client: PoolClient, topic: string, partition: number, plan: BatchPlan, counters: readonly CounterDelta[]): Promise<void> {
    const claims = [...plan.newClaims];
    if (claims.length > 0) {
      await client.query(
        `INSERT INTO dedup_event_claims (event_id, content_hash, first_topic, first_partition, first_offset)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[]) ON CONFLICT DO NOTHING`,
        [claims.map(([id]) => id), claims.map(([, c]) => c.contentHash), claims.map(([, c]) => c.position.topic), claims.map(([, c]) => c.position.partition), claims.map(([, c]) => c.position.offset)]);
    }
    const contents = [...plan.contentUpdates];
    if (contents.length > 0) {
      await client.query(
        `INSERT INTO dedup_source_records (source_key, content_hash, last_event_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
         ON CONFLICT (source_key) DO UPDATE SET content_hash = EXCLUDED.content_hash, last_event_id = EXCLUDED.last_event_id, updated_at = now()`,
        [contents.map(([k]) => k), contents.map(([, c]) => c.contentHash), contents.map(([, c]) => c.eventId)]);
    }
    const persons = [...plan.personUpdates.values()];
    if (persons.length > 0) {
      await client.query(
        `INSERT INTO dedup_person_hashes (institution, person_record_id, person_hash, last_event_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT (institution, person_record_id) DO UPDATE SET person_hash = EXCLUDED.person_hash, last_event_id = EXCLUDED.last_event_id, updated_at = now()`,
        [persons.map((p) => p.key.institution), persons.map((p) => p.key.personRecordId), persons.map((p) => p.personHash), persons.map((p) => p.eventId)]);
    }
    if (counters.length > 0) {
      await client.query(
        `INSERT INTO dedup_counters AS c (topic, partition, institution, received, forwarded, duplicate_event_id, duplicate_content, persons_emitted)
         SELECT t, $2::int, i, r, f, d1, d2, p FROM unnest($1::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[]) AS x(t, i, r, f, d1, d2, p)
         ON CONFLICT (topic, partition, institution) DO UPDATE SET
           received = c.received + EXCLUDED.received, forwarded = c.forwarded + EXCLUDED.forwarded,
           duplicate_event_id = c.duplicate_event_id + EXCLUDED.duplicate_event_id,
           duplicate_content = c.duplicate_content + EXCLUDED.duplicate_content,
           persons_emitted = c.persons_emitted + EXCLUDED.persons_emitted`,
        [counters.map((c) => c.topic), partition, counters.map((c) => c.institution), counters.map((c) => c.received), counters.map((c) => c.forwarded),
          counters.map((c) => c.duplicateEventId), counters.map((c) => c.duplicateContent), counters.map((c) => c.personsEmitted)]);
    }
    if (plan.nextOffset !== null) {
      await client.query('UPDATE dedup_partition_offsets SET next_offset = GREATEST(next_offset, $3::bigint) WHERE topic = $1 AND partition = $2', [topic, partition, plan.nextOffset]);
    }
  }
}
