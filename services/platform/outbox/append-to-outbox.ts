import type { PoolClient } from 'pg';
import type { EncodedMessage } from '../kafka/encoded-message';

/** One fact to publish: its event id and its encoded messages, published together. */
export interface OutboxEntry {
  readonly eventId: string;
  readonly messages: readonly EncodedMessage[];
}

/**
 * Appends entries to an outbox table inside the caller's transaction and signals the relay. The
 * caller commits: the messages become durable together with the effects that produced them, and
 * the relay (OutboxRelay) moves them to Kafka exactly once. NOTIFY is transactional in
 * PostgreSQL, so the relay wakes only after the commit.
 */
export async function appendToOutbox(client: PoolClient, table: string, channel: string, entries: readonly OutboxEntry[]): Promise<number> {
  const eventIds: string[] = [];
  const parts: number[] = [];
  const counts: number[] = [];
  const topics: string[] = [];
  const keys: string[] = [];
  const values: Buffer[] = [];
  const headers: string[] = [];
  for (const e of entries) {
    e.messages.forEach((m, i) => {
      eventIds.push(e.eventId);
      parts.push(i);
      counts.push(e.messages.length);
      topics.push(m.topic);
      keys.push(m.key);
      values.push(m.value);
      headers.push(JSON.stringify(m.headers ?? {}));
    });
  }
  if (eventIds.length === 0) return 0;
  await client.query(
    `INSERT INTO ${quoteIdent(table)} (event_id, part, parts, topic, key, value, headers)
     SELECT * FROM unnest($1::text[], $2::smallint[], $3::smallint[], $4::text[], $5::text[], $6::bytea[], $7::jsonb[])`,
    [eventIds, parts, counts, topics, keys, values, headers],
  );
  await client.query('SELECT pg_notify($1, $2)', [channel, String(eventIds.length)]);
  return eventIds.length;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
