/**
 * The subscriptions batch handler (docs/adr/0015). Per consumed batch of hub.case.updates.v1 (keyed
 * by childId, so a child's updates arrive in order) ONE PostgreSQL transaction:
 *  1. claim the updates' event ids (processed_events, consumer `hub.subscriptions`): redeliveries skipped;
 *  2. lock the children concerned (sub_children), apply each update to the child's current cases and
 *     route it by territory (domain/routing.ts);
 *  3. append one sub_deliveries row per (subscription, routed update): the delivery log;
 *  4. NOTIFY the dispatcher and SSE streams; COMMIT; then the consumer commits the offsets.
 * So a committed offset means every delivery it implies is durably queued, exactly once.
 */
import type { Pool, PoolClient } from 'pg';
import type { CaseStatus, CaseUpdated } from '../../../schemas';
import { isRetriable, PermanentError } from '../../platform/errors';
import type { ConsumedMessage } from '../../platform/kafka/batch-consumer';
import type { Logger } from '../../platform/logging/create-logger';
import { classifyPgError } from '../../platform/postgres/classify-pg-error';
import { claimNewEvents } from '../../platform/postgres/processed-events';
import { route, type RoutableSubscription, type RoutedDelivery } from '../domain/routing';
import { isEventType } from '../domain/event-types';

export const SUBSCRIPTIONS_CONSUMER = 'hub.subscriptions';
export const CASE_UPDATED_RECORD = 'hub.case.CaseUpdated';

export interface UpdateStreamOptions {
  readonly pool: Pool;
  readonly log: Logger;
  /** NOTIFY channel that wakes the dispatcher and SSE streams after a commit. */
  readonly channel: string;
  readonly attempts?: number;
  readonly observer?: { committed?(updates: number, deliveries: number): void };
}

interface ChildState { comunaCode: string | null; cases: Record<string, CaseStatus>; dirty: boolean }

async function loadChildren(client: PoolClient, ids: readonly string[]): Promise<Map<string, ChildState>> {
  const unique = [...new Set(ids)].sort();
  // Insert-then-lock in a stable order: two batches touching the same children (a merge) never deadlock.
  await client.query('INSERT INTO sub_children (child_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [unique]);
  const { rows } = await client.query<{ child_id: string; comuna_code: string | null; cases: Record<string, CaseStatus> }>(
    'SELECT child_id, comuna_code, cases FROM sub_children WHERE child_id = ANY($1::text[]) ORDER BY child_id FOR UPDATE', [unique]);
  return new Map(rows.map((r) => [r.child_id, { comunaCode: r.comuna_code, cases: r.cases, dirty: false }]));
}

async function loadSubscriptions(client: PoolClient): Promise<(comuna: string) => RoutableSubscription[]> {
  // Paused subscriptions keep receiving into their log (delivery resumes where it stopped); deleted ones do not.
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

function applyToCases(state: ChildState, u: CaseUpdated, previous: ChildState | null): void {
  if (previous && u.previousChildId && u.previousChildId !== u.childId && previous.cases[u.caseId]) {
    delete previous.cases[u.caseId];
    previous.dirty = true;
  }
  if (u.kind === 'CASE_REMOVED' || u.snapshot === null) delete state.cases[u.caseId];
  else state.cases[u.caseId] = u.snapshot;
  state.dirty = true;
}

export function createUpdateStreamHandler(opts: UpdateStreamOptions): (messages: readonly ConsumedMessage[]) => Promise<void> {
  const attempts = opts.attempts ?? 5;
  const log = opts.log.child({ component: 'subscriptions-stream' });

  async function apply(client: PoolClient, updates: readonly CaseUpdated[]): Promise<number> {
    const claimed = await claimNewEvents(client, SUBSCRIPTIONS_CONSUMER, updates.map((u) => u.envelope.eventId));
    const fresh = updates.filter((u) => claimed.delete(u.envelope.eventId));
    if (fresh.length === 0) return 0;
    const children = await loadChildren(client, fresh.flatMap((u) => (u.previousChildId ? [u.childId, u.previousChildId] : [u.childId])));
    const subscriptionsOf = await loadSubscriptions(client);
    const rows: { d: RoutedDelivery; eventId: string }[] = [];
    for (const u of fresh) {
      const state = children.get(u.childId)!;
      const previous = u.previousChildId && u.previousChildId !== u.childId ? children.get(u.previousChildId)! : null;
      const before = { comunaCode: state.comunaCode };
      const previousChild = previous ? { comunaCode: previous.comunaCode } : null;
      applyToCases(state, u, previous);
      const decision = route({ update: u, before, previousChild, currentCases: Object.values(state.cases), subscriptionsOf });
      state.comunaCode = decision.comunaCode;
      // The absorbed identity no longer exists as such: its municipality was told it left; forget its comuna.
      if (previous && u.kind === 'CHILD_MERGED' && Object.keys(previous.cases).length === 0) { previous.comunaCode = null; previous.dirty = true; }
      for (const d of decision.deliveries) rows.push({ d, eventId: u.envelope.eventId });
    }
    const dirty = [...children].filter(([, s]) => s.dirty);
    if (dirty.length > 0) {
      await client.query(
        `UPDATE sub_children c SET comuna_code = x.comuna, cases = x.cases
         FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS x(id, comuna, cases) WHERE c.child_id = x.id`,
        [dirty.map(([id]) => id), dirty.map(([, s]) => s.comunaCode), dirty.map(([, s]) => JSON.stringify(s.cases))]);
    }
    if (rows.length > 0) {
      await client.query(
        `INSERT INTO sub_deliveries (subscription_id, child_id, event_type, event_id, payload)
         SELECT s, c, t, e, p FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS x(s, c, t, e, p, n)
         ORDER BY n
         ON CONFLICT DO NOTHING`,
        [rows.map((r) => r.d.subscriptionId), rows.map((r) => r.d.childId), rows.map((r) => r.d.payload.type), rows.map((r) => r.eventId), rows.map((r) => JSON.stringify(r.d.payload))],
      );
      await client.query('SELECT pg_notify($1, $2)', [opts.channel, '']);
    }
    return rows.length;
  }

  return async (messages) => {
    const updates = messages.filter((m) => m.recordName === CASE_UPDATED_RECORD).map((m) => {
      const u = m.value as CaseUpdated;
      if (!u?.envelope?.eventId || !u.childId) throw new PermanentError('SUBSCRIPTIONS_BAD_UPDATE', `record at offset ${m.offset} has no event id or child id`);
      return u;
    });
    if (updates.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      const client = await opts.pool.connect();
      try {
        await client.query('BEGIN');
        const n = await apply(client, updates);
        await client.query('COMMIT');
        opts.observer?.committed?.(updates.length, n);
        return;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        const e = classifyPgError(err);
        if (!isRetriable(e) || attempt >= attempts) throw e;
        log.warn({ attempt }, 'subscriptions batch retried');
      } finally {
        client.release();
      }
    }
  };
}
