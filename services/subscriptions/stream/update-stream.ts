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
import { route } from '../domain/routing';
import type { LoggedRow } from '../delivery/webhook-dispatcher';
import { appendDeliveries, currentParties, loadSubscriptions, type LoggedDelivery, type OnLogged } from '../store/delivery-log';

export const SUBSCRIPTIONS_CONSUMER = 'hub.subscriptions';
export const CASE_UPDATED_RECORD = 'hub.case.CaseUpdated';

export interface UpdateStreamOptions {
  readonly pool: Pool;
  readonly log: Logger;
  /** NOTIFY channel that wakes the dispatcher and SSE streams after a commit. */
  readonly channel: string;
  readonly attempts?: number;
  readonly observer?: { committed?(updates: number, deliveries: number): void };
  readonly onLogged?: OnLogged;
}

interface ChildState { comunaCode: string | null; parties: string[]; cases: Record<string, CaseStatus>; dirty: boolean }

async function loadChildren(client: PoolClient, ids: readonly string[]): Promise<Map<string, ChildState>> {
  const unique = [...new Set(ids)].sort();
  // Insert-then-lock in a stable order: two batches touching the same children (a merge) never deadlock.
  await client.query('INSERT INTO sub_children (child_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [unique]);
  const { rows } = await client.query<{ child_id: string; comuna_code: string | null; parties: string[]; cases: Record<string, CaseStatus> }>(
    'SELECT child_id, comuna_code, parties, cases FROM sub_children WHERE child_id = ANY($1::text[]) ORDER BY child_id FOR UPDATE', [unique]);
  return new Map(rows.map((r) => [r.child_id, { comunaCode: r.comuna_code, parties: r.parties, cases: r.cases, dirty: false }]));
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

  async function apply(client: PoolClient, updates: readonly CaseUpdated[]): Promise<LoggedRow[]> {
    const claimed = await claimNewEvents(client, SUBSCRIPTIONS_CONSUMER, updates.map((u) => u.envelope.eventId));
    const fresh = updates.filter((u) => claimed.delete(u.envelope.eventId));
    if (fresh.length === 0) return [];
    const children = await loadChildren(client, fresh.flatMap((u) => (u.previousChildId ? [u.childId, u.previousChildId] : [u.childId])));
    const subscriptionsOf = await loadSubscriptions(client);
    const parties = await currentParties(client, [...children.keys()]);
    const rows: LoggedDelivery[] = [];
    for (const u of fresh) {
      const state = children.get(u.childId)!;
      const previous = u.previousChildId && u.previousChildId !== u.childId ? children.get(u.previousChildId)! : null;
      const before = { comunaCode: state.comunaCode, parties: state.parties };
      const previousChild = previous ? { comunaCode: previous.comunaCode, parties: previous.parties } : null;
      applyToCases(state, u, previous);
      const decision = route({ update: u, before, previousChild, parties: parties.get(u.childId) ?? [], currentCases: Object.values(state.cases), subscriptionsOf });
      state.comunaCode = decision.comunaCode;
      state.parties = [...decision.parties];
      // The absorbed identity no longer exists as such: its audience was told it left; forget it.
      if (previous && u.kind === 'CHILD_MERGED' && Object.keys(previous.cases).length === 0) { previous.comunaCode = null; previous.parties = []; previous.dirty = true; }
      for (const d of decision.deliveries) rows.push({ d, eventId: u.envelope.eventId });
    }
    const dirty = [...children].filter(([, s]) => s.dirty);
    if (dirty.length > 0) {
      await client.query(
        `UPDATE sub_children c SET comuna_code = x.comuna, cases = x.cases, parties = ARRAY(SELECT jsonb_array_elements_text(x.parties))
         FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[]) AS x(id, comuna, cases, parties) WHERE c.child_id = x.id`,
        [dirty.map(([id]) => id), dirty.map(([, s]) => s.comunaCode), dirty.map(([, s]) => JSON.stringify(s.cases)), dirty.map(([, s]) => JSON.stringify(s.parties))]);
    }
    return appendDeliveries(client, opts.channel, rows);
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
        const logged = await apply(client, updates);
        await client.query('COMMIT');
        opts.onLogged?.(logged);
        opts.observer?.committed?.(updates.length, logged.length);
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
