/**
 * The source record → child link table, maintained from hub.identity.children.v1 (docs/adr/0014).
 * Identity events are keyed by child id, so a merge's two sides (or a split's) may arrive in either
 * order: each event only asserts what it knows — an ACTIVE identity owns its recordKeys and no longer
 * owns the others; a MERGED one hands its records to the survivor (redirect); a RETIRED one owns none.
 * Any order converges on the identity service's final state.
 */
import type { PoolClient } from 'pg';
import type { ChildIdentityChanged } from '../../../schemas';
import { setComuna } from './case-store';

/**
 * Serialises link changes with the storing of events of the same source records: without it, an event
 * stored while a concurrent batch links its record would read the link before that batch commits and
 * stay parked for ever (the linking batch's UPDATE cannot see the uncommitted row). Keys are locked in
 * one sorted pass per transaction, so two batches cannot deadlock on them.
 */
export async function lockRecordKeys(client: PoolClient, eventKeys: readonly string[], identities: readonly ChildIdentityChanged[]): Promise<void> {
  const keys = new Set(eventKeys);
  const children = new Set<string>();
  for (const e of identities) {
    for (const k of e.recordKeys) keys.add(k);
    for (const k of e.affectedRecordKeys) keys.add(k);
    children.add(e.childId);
    if (e.mergedInto) children.add(e.mergedInto);
  }
  if (children.size > 0) {
    const { rows } = await client.query<{ record_key: string }>('SELECT record_key FROM case_record_links WHERE child_id = ANY($1::text[])', [[...children]]);
    for (const r of rows) keys.add(r.record_key);
  }
  const sorted = [...keys].sort();
  if (sorted.length === 0) return;
  await client.query("SELECT pg_advisory_xact_lock(hashtext('case-record:' || k)) FROM unnest($1::text[]) AS k ORDER BY k", [sorted]);
}

/** Applies one identity event; returns every child whose event set may have changed. */
export async function applyIdentityEvent(client: PoolClient, e: ChildIdentityChanged): Promise<string[]> {
  const affected = new Set<string>([e.childId]);
  const changedKeys = new Set<string>();
  if (e.status === 'ACTIVE') {
    const { rows: upserted } = await client.query<{ record_key: string }>(
      `INSERT INTO case_record_links (record_key, child_id) SELECT unnest($1::text[]), $2
       ON CONFLICT (record_key) DO UPDATE SET child_id = EXCLUDED.child_id, updated_at = now()
       WHERE case_record_links.child_id <> EXCLUDED.child_id
       RETURNING record_key`, [e.recordKeys, e.childId],
    );
    for (const r of upserted) changedKeys.add(r.record_key);
    const { rows: dropped } = await client.query<{ record_key: string }>(
      'DELETE FROM case_record_links WHERE child_id = $1 AND NOT (record_key = ANY($2::text[])) RETURNING record_key', [e.childId, e.recordKeys],
    );
    for (const r of dropped) changedKeys.add(r.record_key);
    for (const from of e.mergedFrom) await redirect(client, from, e.childId);
    await setComuna(client, e.childId, e.golden?.comunaCode ?? null);
  } else if (e.status === 'MERGED' && e.mergedInto) {
    affected.add(e.mergedInto);
    const { rows } = await client.query<{ record_key: string }>(
      'UPDATE case_record_links SET child_id = $2, updated_at = now() WHERE child_id = $1 RETURNING record_key', [e.childId, e.mergedInto],
    );
    for (const r of rows) changedKeys.add(r.record_key);
    await redirect(client, e.childId, e.mergedInto);
  } else {
    const { rows } = await client.query<{ record_key: string }>('DELETE FROM case_record_links WHERE child_id = $1 RETURNING record_key', [e.childId]);
    for (const r of rows) changedKeys.add(r.record_key);
  }
  if (changedKeys.size > 0) {
    const keys = [...changedKeys];
    const { rows: before } = await client.query<{ child_id: string }>(
      'SELECT DISTINCT child_id FROM case_events WHERE record_key = ANY($1::text[]) AND child_id IS NOT NULL', [keys],
    );
    for (const r of before) affected.add(r.child_id);
    const { rows: after } = await client.query<{ child_id: string | null }>(
      `UPDATE case_events ce SET child_id = l.child_id
         FROM (SELECT k AS record_key, (SELECT child_id FROM case_record_links WHERE record_key = k) AS child_id FROM unnest($1::text[]) AS k) l
        WHERE ce.record_key = l.record_key AND ce.child_id IS DISTINCT FROM l.child_id
        RETURNING ce.child_id`, [keys],
    );
    for (const r of after) if (r.child_id) affected.add(r.child_id);
  }
  return [...affected];
}

async function redirect(client: PoolClient, from: string, to: string): Promise<void> {
  if (from === to) return;
  await client.query(
    `INSERT INTO case_child_redirects (child_id, merged_into) VALUES ($1, $2)
     ON CONFLICT (child_id) DO UPDATE SET merged_into = EXCLUDED.merged_into`, [from, to],
  );
  // Chains collapse: whoever redirected to `from` now redirects to `to`.
  await client.query('UPDATE case_child_redirects SET merged_into = $2 WHERE merged_into = $1 AND child_id <> $2', [from, to]);
  // A survivor that was split off again is live: it must not redirect.
  await client.query('DELETE FROM case_child_redirects WHERE child_id = $1', [to]);
}
