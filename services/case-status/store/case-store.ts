/** SQL of the case-status state (migrations/0001_case_status.sql). Callers hold the transaction. */
import type { PoolClient, Pool } from 'pg';
import type { CaseInputEvent, CapacityDeclaration } from '../domain';
import type { CaseStatusBody } from '../stream/case-snapshot';

type Db = Pick<PoolClient, 'query'> | Pool;

export interface StoredEvent { readonly recordKey: string; readonly event: CaseInputEvent }

/** Stores events (idempotent by event id) with the child their record is linked to now (NULL = parked). Returns the children touched. */
export async function storeEvents(db: Db, events: readonly StoredEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const { rows } = await db.query<{ child_id: string | null }>(
    `INSERT INTO case_events (event_id, record_key, child_id, event_time, event)
     SELECT e.id, e.rk, l.child_id, to_timestamp(e.t / 1000.0), e.ev
       FROM unnest($1::text[], $2::text[], $3::float8[], $4::jsonb[]) AS e(id, rk, t, ev)
       LEFT JOIN case_record_links l ON l.record_key = e.rk
     ON CONFLICT (event_id) DO NOTHING
     RETURNING child_id`,
    [events.map((e) => e.event.eventId), events.map((e) => e.recordKey), events.map((e) => e.event.eventTime), events.map((e) => JSON.stringify(e.event))],
  );
  return [...new Set(rows.map((r) => r.child_id).filter((c): c is string => c !== null))];
}

/** Events of the children, grouped by child (their stored childId is replaced by the current link). */
export async function eventsOfChildren(db: Db, childIds: readonly string[]): Promise<Map<string, CaseInputEvent[]>> {
  const out = new Map<string, CaseInputEvent[]>(childIds.map((c) => [c, []]));
  if (childIds.length === 0) return out;
  const { rows } = await db.query<{ child_id: string; event: CaseInputEvent }>(
    'SELECT child_id, event FROM case_events WHERE child_id = ANY($1::text[])', [[...childIds]],
  );
  for (const r of rows) out.get(r.child_id)!.push({ ...r.event, childId: r.child_id });
  return out;
}

/** Serialises work on the same children across concurrent batches (sorted: no deadlock between two). */
export async function lockChildren(db: Db, childIds: readonly string[]): Promise<void> {
  const sorted = [...new Set(childIds)].sort();
  if (sorted.length === 0) return;
  await db.query("SELECT pg_advisory_xact_lock(hashtext('case-child:' || c)) FROM unnest($1::text[]) AS c ORDER BY c", [sorted]);
}

export interface StoredSnapshot { readonly caseId: string; readonly childId: string; readonly version: number; readonly status: CaseStatusBody; readonly removed: boolean }

export async function snapshotsOf(db: Db, childIds: readonly string[], caseIds: readonly string[]): Promise<Map<string, StoredSnapshot>> {
  const { rows } = await db.query<{ case_id: string; child_id: string; version: string; status: CaseStatusBody; removed: boolean }>(
    'SELECT case_id, child_id, version::text, status, removed FROM case_snapshots WHERE child_id = ANY($1::text[]) OR case_id = ANY($2::text[]) FOR UPDATE',
    [[...childIds], [...caseIds]],
  );
  return new Map(rows.map((r) => [r.case_id, { caseId: r.case_id, childId: r.child_id, version: Number(r.version), status: r.status, removed: r.removed }]));
}

export async function upsertSnapshots(db: Db, rows: readonly { caseId: string; childId: string; version: number; status: CaseStatusBody | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO case_snapshots (case_id, child_id, version, status, removed)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::jsonb[], $5::boolean[])
     ON CONFLICT (case_id) DO UPDATE SET child_id = EXCLUDED.child_id, version = EXCLUDED.version,
       status = CASE WHEN EXCLUDED.removed THEN case_snapshots.status ELSE EXCLUDED.status END, removed = EXCLUDED.removed, updated_at = now()`,
    [rows.map((r) => r.caseId), rows.map((r) => r.childId), rows.map((r) => r.version), rows.map((r) => JSON.stringify(r.status ?? {})), rows.map((r) => r.status === null)],
  );
}

/** Claims deadline notices; returns the `deadlineId|status` pairs not emitted before. */
export async function claimDeadlineNotices(db: Db, notices: readonly { deadlineId: string; status: string }[]): Promise<Set<string>> {
  if (notices.length === 0) return new Set();
  const { rows } = await db.query<{ deadline_id: string; status: string }>(
    `INSERT INTO case_deadline_events (deadline_id, status) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT DO NOTHING RETURNING deadline_id, status`,
    [notices.map((n) => n.deadlineId), notices.map((n) => n.status)],
  );
  return new Set(rows.map((r) => `${r.deadline_id}|${r.status}`));
}

export async function childrenInfo(db: Db, childIds: readonly string[]): Promise<Map<string, { comunaCode: string | null }>> {
  const { rows } = await db.query<{ child_id: string; comuna_code: string | null }>(
    'SELECT child_id, comuna_code FROM case_children WHERE child_id = ANY($1::text[])', [[...childIds]],
  );
  return new Map(rows.map((r) => [r.child_id, { comunaCode: r.comuna_code }]));
}

export async function setNextChanges(db: Db, next: readonly { childId: string; at: number | null }[]): Promise<void> {
  if (next.length === 0) return;
  await db.query(
    `INSERT INTO case_children (child_id, next_change_at)
     SELECT c, CASE WHEN t IS NULL THEN NULL ELSE to_timestamp(t / 1000.0) END FROM unnest($1::text[], $2::float8[]) AS x(c, t)
     ON CONFLICT (child_id) DO UPDATE SET next_change_at = EXCLUDED.next_change_at, updated_at = now()`,
    [next.map((n) => n.childId), next.map((n) => n.at)],
  );
}

export async function setComuna(db: Db, childId: string, comunaCode: string | null): Promise<void> {
  await db.query(
    `INSERT INTO case_children (child_id, comuna_code) VALUES ($1, $2)
     ON CONFLICT (child_id) DO UPDATE SET comuna_code = EXCLUDED.comuna_code, updated_at = now()`, [childId, comunaCode],
  );
}

/** Children whose next clock-driven change is due. */
export async function childrenDueAt(db: Db, now: number, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ child_id: string }>(
    'SELECT child_id FROM case_children WHERE next_change_at <= to_timestamp($1 / 1000.0) ORDER BY next_change_at LIMIT $2', [now, limit],
  );
  return rows.map((r) => r.child_id);
}

/** The survivor a (possibly chained) merged id redirects to, or null. */
export async function redirectOf(db: Db, childId: string): Promise<string | null> {
  let current = childId;
  for (let i = 0; i < 20; i++) {
    const { rows } = await db.query<{ merged_into: string }>('SELECT merged_into FROM case_child_redirects WHERE child_id = $1', [current]);
    if (!rows[0]) return current === childId ? null : current;
    current = rows[0].merged_into;
  }
  return current;
}

export async function storeCapacity(db: Db, rows: readonly { eventId: string; declaration: CapacityDeclaration }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    'INSERT INTO case_capacity (event_id, declaration) SELECT * FROM unnest($1::text[], $2::jsonb[]) ON CONFLICT DO NOTHING',
    [rows.map((r) => r.eventId), rows.map((r) => JSON.stringify(r.declaration))],
  );
}

export async function allCapacity(db: Db): Promise<CapacityDeclaration[]> {
  const { rows } = await db.query<{ declaration: CapacityDeclaration }>('SELECT declaration FROM case_capacity');
  return rows.map((r) => r.declaration);
}
