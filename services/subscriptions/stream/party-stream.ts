/**
 * Who else is a party to a child's cases (docs/adr/0015, issue 6 §1): the handler of the consumer
 * group `hub.subscriptions.parties` over hub.identity.children.v1 and hub.municipality.events.v1.
 *  - identity changes keep `sub_record_links` (source record → child id) and `sub_identities` (status,
 *    a lookup key of the golden RUN for the schools/health flag);
 *  - a municipal CaseOpened / ReferralMade makes the office's comuna a party while its local case is
 *    open; CaseClosed ends it (`sub_parties`, keyed by the office's record of the child).
 * When a child the service already routes gains or loses a party, in the same transaction the new
 * party gets the child's full current status and a former one a LEFT notice (domain/routing.ts
 * `reroute`); later case updates reach every party (stream/update-stream.ts).
 */
import type { Pool, PoolClient } from 'pg';
import type { CaseClosed, CaseOpened, CaseStatus, ChildIdentityChanged, ReferralMade } from '../../../schemas';
import { isRetriable } from '../../platform/errors';
import type { ConsumedMessage } from '../../platform/kafka/batch-consumer';
import type { Logger } from '../../platform/logging/create-logger';
import { classifyPgError } from '../../platform/postgres/classify-pg-error';
import { claimNewEvents } from '../../platform/postgres/processed-events';
import { reroute } from '../domain/routing';
import type { LoggedRow } from '../delivery/webhook-dispatcher';
import { appendDeliveries, currentParties, loadSubscriptions, type LoggedDelivery, type OnLogged } from '../store/delivery-log';
import { runKey } from '../store/run-key';

export const PARTIES_CONSUMER = 'hub.subscriptions.parties';
const IDENTITY = 'hub.identity.ChildIdentityChanged';
const OPENS = new Set(['hub.municipality.CaseOpened', 'hub.municipality.ReferralMade']);
const CLOSES = 'hub.municipality.CaseClosed';

export interface PartyStreamOptions { readonly pool: Pool; readonly log: Logger; readonly channel: string; readonly attempts?: number; readonly onLogged?: OnLogged }

type Fact = { kind: 'identity'; e: ChildIdentityChanged } | { kind: 'party'; e: CaseOpened | ReferralMade | CaseClosed; open: boolean };

function factOf(m: ConsumedMessage): Fact | null {
  if (m.recordName === IDENTITY) return { kind: 'identity', e: m.value as ChildIdentityChanged };
  if (OPENS.has(m.recordName)) return { kind: 'party', e: m.value as CaseOpened | ReferralMade, open: true };
  if (m.recordName === CLOSES) return { kind: 'party', e: m.value as CaseClosed, open: false };
  return null;
}

async function linkedChildren(client: PoolClient, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const { rows } = await client.query<{ child_id: string }>('SELECT DISTINCT child_id FROM sub_record_links WHERE record_key = ANY($1::text[])', [[...new Set(keys)]]);
  return rows.map((r) => r.child_id);
}

async function applyIdentity(client: PoolClient, e: ChildIdentityChanged, touched: Set<string>): Promise<void> {
  const active = e.status === 'ACTIVE';
  const keys = active ? [...e.recordKeys].sort() : [];
  for (const c of await linkedChildren(client, [...keys, ...e.affectedRecordKeys])) touched.add(c);
  touched.add(e.childId);
  await client.query(
    `INSERT INTO sub_identities (child_id, status, merged_into, run_key) VALUES ($1, $2, $3, $4)
     ON CONFLICT (child_id) DO UPDATE SET status = EXCLUDED.status, merged_into = EXCLUDED.merged_into, run_key = EXCLUDED.run_key`,
    [e.childId, e.status, e.mergedInto ?? null, active && e.golden?.run ? runKey(e.golden.run) : null]);
  await client.query('DELETE FROM sub_record_links WHERE child_id = $1 AND NOT (record_key = ANY($2::text[]))', [e.childId, keys]);
  if (keys.length > 0) {
    await client.query(
      `INSERT INTO sub_record_links (record_key, child_id) SELECT unnest($1::text[]), $2
       ON CONFLICT (record_key) DO UPDATE SET child_id = EXCLUDED.child_id`, [keys, e.childId]);
  }
}

async function applyParty(client: PoolClient, f: Extract<Fact, { kind: 'party' }>, touched: Set<string>): Promise<void> {
  const key = `${f.e.person.source}|${f.e.person.sourceRecordId}`;
  await client.query(
    `INSERT INTO sub_parties (record_key, comuna_code, local_case_id, open) VALUES ($1, $2, $3, $4)
     ON CONFLICT (record_key, comuna_code, local_case_id) DO UPDATE SET open = EXCLUDED.open`,
    [key, f.e.comunaCode, f.e.localCaseId, f.open]);
  for (const c of await linkedChildren(client, [key])) touched.add(c);
}

/** Re-derives the parties of children already routed; routes ENTERED/LEFT for the differences. */
async function rerouteChildren(client: PoolClient, channel: string, childIds: readonly string[], at: number, eventId: string): Promise<LoggedRow[]> {
  if (childIds.length === 0) return [];
  const { rows: kids } = await client.query<{ child_id: string; comuna_code: string | null; parties: string[]; cases: Record<string, CaseStatus> }>(
    'SELECT child_id, comuna_code, parties, cases FROM sub_children WHERE child_id = ANY($1::text[]) ORDER BY child_id FOR UPDATE', [[...new Set(childIds)].sort()]);
  if (kids.length === 0) return [];
  const parties = await currentParties(client, kids.map((k) => k.child_id));
  const subscriptionsOf = await loadSubscriptions(client);
  const out: LoggedDelivery[] = [];
  const changed: { id: string; parties: string[] }[] = [];
  for (const k of kids) {
    const now = parties.get(k.child_id) ?? [];
    if (now.join(',') === [...k.parties].sort().join(',')) continue;
    changed.push({ id: k.child_id, parties: now });
    const ds = reroute({ childId: k.child_id, before: { comunaCode: k.comuna_code, parties: k.parties }, now: { comunaCode: k.comuna_code, parties: now }, currentCases: Object.values(k.cases), at, subscriptionsOf });
    for (const d of ds) out.push({ d, eventId });
  }
  if (changed.length > 0) {
    await client.query(
      `UPDATE sub_children c SET parties = ARRAY(SELECT jsonb_array_elements_text(x.p)) FROM unnest($1::text[], $2::jsonb[]) AS x(id, p) WHERE c.child_id = x.id`,
      [changed.map((c) => c.id), changed.map((c) => JSON.stringify(c.parties))]);
  }
  return appendDeliveries(client, channel, out);
}

export function createPartyStreamHandler(opts: PartyStreamOptions): (messages: readonly ConsumedMessage[]) => Promise<void> {
  const attempts = opts.attempts ?? 5;
  const log = opts.log.child({ component: 'subscriptions-parties' });
  return async (messages) => {
    const facts = messages.map(factOf).filter((f): f is Fact => f !== null);
    if (facts.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      const client = await opts.pool.connect();
      try {
        await client.query('BEGIN');
        const logged: LoggedRow[] = [];
        const fresh = await claimNewEvents(client, PARTIES_CONSUMER, facts.map((f) => f.e.envelope.eventId));
        // One fact at a time, in offset order: each reroute sees the state its fact produced.
        for (const f of facts) {
          if (!fresh.delete(f.e.envelope.eventId)) continue;
          const touched = new Set<string>();
          if (f.kind === 'identity') await applyIdentity(client, f.e, touched);
          else await applyParty(client, f, touched);
          logged.push(...await rerouteChildren(client, opts.channel, [...touched], f.e.envelope.occurredAt, f.e.envelope.eventId));
        }
        await client.query('COMMIT');
        opts.onLogged?.(logged);
        return;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        const e = classifyPgError(err);
        if (!isRetriable(e) || attempt >= attempts) throw e;
        log.warn({ attempt }, 'subscriptions parties batch retried');
      } finally {
        client.release();
      }
    }
  };
}
