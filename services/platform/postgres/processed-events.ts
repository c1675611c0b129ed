import type { PoolClient } from 'pg';

/**
 * Claims event ids for a consumer inside the caller's transaction and returns the ones not seen
 * before. Apply effects only for those; commit the transaction; then commit the Kafka offset.
 */
export async function claimNewEvents(client: PoolClient, consumer: string, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const { rows } = await client.query<{ event_id: string }>(
    `INSERT INTO processed_events (consumer, event_id)
     SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, [...new Set(eventIds)]],
  );
  return new Set(rows.map((r) => r.event_id));
}
