/**
 * Writes to the delivery log shared by the consumers and the flag look-ups (docs/adr/0015): the routed
 * deliveries of one transaction, then a NOTIFY that wakes the dispatcher, the Kafka relay and SSE
 * streams after the commit. Returns the new rows' seqs so the caller can hand them to the dispatcher.
 */
import type { PoolClient } from 'pg';
import { isEventType } from '../domain/event-types';
import type { RoutableSubscription, RoutedDelivery } from '../domain/routing';
import type { LoggedRow } from '../delivery/webhook-dispatcher';

export interface LoggedDelivery { readonly d: RoutedDelivery; readonly eventId: string }

/** Called with the rows a transaction logged, after its COMMIT (the dispatcher's hand-over). */
export type OnLogged = (rows: readonly LoggedRow[]) => void;

export async function appendDeliveries(client: PoolClient, channel: string, rows: readonly LoggedDelivery[]): Promise<LoggedRow[]> {
  if (rows.length === 0) return [];
  const { rows: inserted } = await client.query<{ seq: string; subscription_id: string; child_id: string; event_type: string; event_id: string }>(
    `INSERT INTO sub_deliveries (subscription_id, child_id, event_type, event_id, payload)
     SELECT s, c, t, e, p FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS x(s, c, t, e, p, n)
     ORDER BY n
     ON CONFLICT DO NOTHING
     RETURNING seq::text, subscription_id, child_id, event_type, event_id`,
    [rows.map((r) => r.d.subscriptionId), rows.map((r) => r.d.childId), rows.map((r) => r.d.payload.type), rows.map((r) => r.eventId), rows.map((r) => JSON.stringify(r.d.payload))],
  );
  await client.query('SELECT pg_notify($1, $2)', [channel, '']);
  // The payload objects are already in hand: match them back instead of reading the jsonb again.
  const byKey = new Map(rows.map((r) => [`${r.d.subscriptionId}\u0000${r.eventId}\u0000${r.d.childId}\u0000${r.d.payload.type}`, r.d.payload]));
  return inserted.map((r) => ({
    seq: Number(r.seq), subscriptionId: r.subscription_id, childId: r.child_id, eventType: r.event_type,
    payload: byKey.get(`${r.subscription_id}\u0000${r.event_id}\u0000${r.child_id}\u0000${r.event_type}`)!,
  })).sort((a, b) => a.seq - b.seq);
}

/** Subscriptions by comuna. Paused ones keep receiving into their log (delivery resumes where it stopped); deleted ones do not. */
export async function loadSubscriptions(client: PoolClient): Promise<(comuna: string) => RoutableSubscription[]> {
  const { rows } = await client.query<{ id: string; comuna_code: string; event_types: string[] | null }>(
    "SELECT id, comuna_code, event_types FROM sub_subscriptions WHERE status <> 'DELETED'");
  const by = new Map<string, RoutableSubscription[]>();
  for (const r of rows) {
    const list = by.get(r.comuna_code) ?? [];
    list.push({ id: r.id, comunaCode: r.comuna_code, eventTypes: r.event_types ? r.event_types.filter(isEventType) : null, active: true });
    by.set(r.comuna_code, list);
  }
  return (c) => by.get(c) ?? [];
}

/** The comunas whose office has an open local case with one of the child's records, per child. */
export async function currentParties(client: PoolClient, childIds: readonly string[]): Promise<Map<string, string[]>> {
  if (childIds.length === 0) return new Map();
  const { rows } = await client.query<{ child_id: string; parties: string[] }>(
    `SELECT l.child_id, array_agg(DISTINCT p.comuna_code ORDER BY p.comuna_code) AS parties
     FROM sub_record_links l JOIN sub_parties p ON p.record_key = l.record_key AND p.open
     WHERE l.child_id = ANY($1::text[]) GROUP BY l.child_id`, [[...new Set(childIds)]]);
  return new Map(rows.map((r) => [r.child_id, r.parties]));
}
