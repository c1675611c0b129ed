import { createHash } from 'node:crypto';
import { indicatorRows, loadIndicatorInput } from '../../../services/case-status/indicators';
import type { HubRun } from './hub-run';

/**
 * What a run produced, in a form two runs can be compared in: child ids are replaced by the
 * identity they stand for (the set of source records linked to it), since which event happened to
 * create an identity (and so its id) may differ between runs; everything else is compared as is.
 */
export interface Outcome {
  /** Each identity as its sorted source-record keys; the list sorted. */
  readonly identities: readonly string[];
  /** caseId → status (child ids canonical), removed cases included. */
  readonly cases: Readonly<Record<string, string>>;
  /** Indicator rows (no child ids in them) over the generated window, at a fixed instant. */
  readonly indicators: string;
  /** comuna → sorted fingerprints of the deliveries received (payload without deliveryId/occurredAt, child ids canonical). */
  readonly deliveries: Readonly<Record<string, readonly string[]>>;
  /** comuna → per canonical child, the order of its deliveries (fingerprints), as received. */
  readonly perChildOrder: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  readonly counts: { identities: number; records: number; cases: number; deliveries: number; caseEvents: number; parkedCaseEvents: number };
}

const CHILD_ID = /^NNA-[0-9A-Z]{26}$/;
const short = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

export async function readOutcome(run: HubRun, window: { from: string; to: string }): Promise<Outcome> {
  const { rows: recs } = await run.pool.query<{ identity_id: string; record_key: string }>('SELECT identity_id, record_key FROM identity_records');
  const byIdentity = new Map<string, string[]>();
  for (const r of recs) byIdentity.set(r.identity_id, [...(byIdentity.get(r.identity_id) ?? []), r.record_key]);
  const canonicalOf = new Map<string, string>();
  for (const [id, keys] of byIdentity) canonicalOf.set(id, `ID(${short(keys.sort().join('\n'))})`);
  // A merged id stands for its survivor.
  const { rows: merged } = await run.pool.query<{ id: string; merged_into: string }>("SELECT id, merged_into FROM identities WHERE status = 'merged'");
  const into = new Map(merged.map((m) => [m.id, m.merged_into]));
  const canon = (id: string): string => {
    let cur = id;
    for (let i = 0; i < 100 && into.has(cur); i++) cur = into.get(cur)!;
    return canonicalOf.get(cur) ?? `UNLINKED(${id === cur ? 'self' : 'merged'})`;
  };
  const canonJson = (v: unknown, drop: ReadonlySet<string> = new Set()): string => JSON.stringify(v, (k, x: unknown) => {
    if (drop.has(k)) return undefined;
    if (typeof x === 'string' && CHILD_ID.test(x)) return canon(x);
    if (x && typeof x === 'object' && !Array.isArray(x)) return Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    return x;
  });

  const identities = [...byIdentity.values()].map((keys) => keys.sort().join('+')).sort();
  const { rows: snaps } = await run.pool.query<{ case_id: string; status: unknown; removed: boolean }>('SELECT case_id, status, removed FROM case_snapshots');
  const cases: Record<string, string> = {};
  for (const s of snaps.sort((a, b) => a.case_id.localeCompare(b.case_id))) cases[s.case_id] = `${s.removed ? 'REMOVED ' : ''}${canonJson(s.status)}`;

  const input = await loadIndicatorInput(run.pool);
  const rows = indicatorRows(input, { from: window.from, to: window.to, by: 'region', asOf: Date.UTC(2024, 0, 1) });
  const indicators = JSON.stringify(rows);

  const deliveries: Record<string, string[]> = {};
  const perChildOrder: Record<string, Record<string, string[]>> = {};
  let total = 0;
  for (const [comuna, r] of run.receivers) {
    // deliveryId is the run's delivery-log sequence and occurredAt the instant the hub published
    // the update: neither is content. Redeliveries are recognised by the receiver on deliveryId.
    const drop = new Set(['deliveryId', 'occurredAt']);
    const fps = r.received.map((d) => ({ child: canon(d.childId), fp: canonJson(d.body, drop) }));
    deliveries[comuna] = fps.map((f) => f.fp).sort();
    const order: Record<string, string[]> = {};
    for (const f of fps) (order[f.child] ??= []).push(f.fp);
    perChildOrder[comuna] = order;
    total += fps.length;
  }
  const caseEvents = Number((await run.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM case_events')).rows[0]!.n);
  // Events case-status holds without a child (waiting for the identity link): a diagnostic of lost identity events.
  const parkedCaseEvents = Number((await run.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM case_events WHERE child_id IS NULL')).rows[0]!.n);
  return {
    identities, cases, indicators, deliveries, perChildOrder,
    counts: { identities: byIdentity.size, records: recs.length, cases: snaps.length, deliveries: total, caseEvents, parkedCaseEvents },
  };
}

/** Human-readable differences between two outcomes (empty: equal). */
export function diffOutcomes(expected: Outcome, actual: Outcome): string[] {
  const out: string[] = [];
  const setDiff = (what: string, a: readonly string[], b: readonly string[]) => {
    const sa = new Map<string, number>();
    for (const x of a) sa.set(x, (sa.get(x) ?? 0) + 1);
    const sb = new Map<string, number>();
    for (const x of b) sb.set(x, (sb.get(x) ?? 0) + 1);
    const missing = [...sa].filter(([x, n]) => (sb.get(x) ?? 0) < n).map(([x]) => x);
    const extra = [...sb].filter(([x, n]) => (sa.get(x) ?? 0) < n).map(([x]) => x);
    if (missing.length) out.push(`${what}: ${missing.length} missing, e.g. ${missing.slice(0, 3).join(' | ').slice(0, 600)}`);
    if (extra.length) out.push(`${what}: ${extra.length} extra, e.g. ${extra.slice(0, 3).join(' | ').slice(0, 600)}`);
  };
  setDiff('identities', expected.identities, actual.identities);
  const caseIds = new Set([...Object.keys(expected.cases), ...Object.keys(actual.cases)]);
  const differing = [...caseIds].filter((id) => expected.cases[id] !== actual.cases[id]);
  if (differing.length) out.push(`cases: ${differing.length} differ, e.g. ${differing.slice(0, 2).map((id) => `${id}: ${expected.cases[id] ?? '∅'} ≠ ${actual.cases[id] ?? '∅'}`).join(' | ').slice(0, 1200)}`);
  if (expected.indicators !== actual.indicators) out.push('indicators differ');
  for (const comuna of new Set([...Object.keys(expected.deliveries), ...Object.keys(actual.deliveries)])) {
    setDiff(`deliveries ${comuna}`, expected.deliveries[comuna] ?? [], actual.deliveries[comuna] ?? []);
    const eo = expected.perChildOrder[comuna] ?? {};
    const ao = actual.perChildOrder[comuna] ?? {};
    const wrongOrder = Object.keys(eo).filter((c) => ao[c] && JSON.stringify(eo[c]) !== JSON.stringify(ao[c]));
    if (wrongOrder.length) out.push(`deliveries ${comuna}: ${wrongOrder.length} children with a different order or content`);
  }
  return out;
}
