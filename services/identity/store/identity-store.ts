/**
 * Set-at-a-time SQL of the identity stream: every function runs inside the caller's transaction
 * (a PoolClient after BEGIN) and takes or returns whole batches, so a batch of records costs a
 * fixed number of round trips, not a few per record. Tables: migrations/0001_identity.sql.
 */
import type { PoolClient } from 'pg';
import type { PersonRecord } from '../../../schemas/generated/person-record.v1';
import type { NewLedgerEntry } from '../domain/ledger';
import type { NormalisedPerson } from '../domain/matching';
import type { IdentityStatus, ReviewTaskExplanation } from './types';

/** A source record as the stream keeps it in memory. */
export interface StoredRecord {
  readonly recordKey: string;
  readonly identityId: string;
  readonly source: string;
  readonly sourceRecordId: string;
  readonly person: PersonRecord;
  readonly normalised: NormalisedPerson;
  readonly lastEventId: string;
  /** epoch ms */
  readonly observedAt: number;
  /** The blocking keys stored for the record (identity_blocking_keys rows). */
  readonly blockingKeys: readonly string[];
}

export interface StoredIdentity {
  readonly id: string;
  readonly status: IdentityStatus;
  readonly golden: unknown;
  readonly version: number;
}

interface RecordDbRow {
  record_key: string; identity_id: string; source: string; source_record_id: string;
  person: PersonRecord; normalised: NormalisedPerson; last_event_id: string; observed_ms: string; blocking_keys: string[];
}

const RECORD_COLUMNS = `record_key, identity_id, source, source_record_id, person, normalised, last_event_id, blocking_keys,
  (extract(epoch FROM observed_at) * 1000)::bigint AS observed_ms`;

function toRecord(r: RecordDbRow): StoredRecord {
  return {
    recordKey: r.record_key, identityId: r.identity_id, source: r.source, sourceRecordId: r.source_record_id,
    person: r.person, normalised: r.normalised, lastEventId: r.last_event_id, observedAt: Number(r.observed_ms), blockingKeys: r.blocking_keys,
  };
}

/**
 * Transaction-scoped advisory locks on blocking keys, taken in one statement in hash order (so two
 * transactions never wait on each other in a cycle). A transaction that will look for candidates
 * under a key first holds that key's lock: a concurrent transaction writing a record under the
 * same key waits until this one commits and then sees its new identity. Locks are namespaced by
 * schema (advisory locks are database-wide).
 */
export async function lockBlockingKeys(client: PoolClient, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await client.query(
    `SELECT pg_advisory_xact_lock(h) FROM (
       SELECT DISTINCT hashtextextended(current_schema() || '|' || k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY 1
     ) AS ordered`,
    [[...new Set(keys)]],
  );
}

/**
 * The records stored under the given keys, at most `cap` per key (skewed keys truncated,
 * deterministically: the smallest record keys). One index scan for all keys.
 */
export async function recordKeysByBlockingKey(client: PoolClient, keys: readonly string[], cap: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (keys.length === 0) return out;
  const { rows } = await client.query<{ key: string; record_key: string }>(
    'SELECT key, record_key FROM identity_blocking_keys WHERE key = ANY($1::text[]) ORDER BY key, record_key', [[...new Set(keys)]],
  );
  for (const r of rows) {
    const list = out.get(r.key);
    if (!list) out.set(r.key, [r.record_key]);
    else if (list.length < cap) list.push(r.record_key);
  }
  return out;
}

export async function identityIdsOfRecords(client: PoolClient, recordKeys: readonly string[]): Promise<Map<string, string>> {
  if (recordKeys.length === 0) return new Map();
  const { rows } = await client.query<{ record_key: string; identity_id: string }>(
    'SELECT record_key, identity_id FROM identity_records WHERE record_key = ANY($1::text[])', [[...new Set(recordKeys)]],
  );
  return new Map(rows.map((r) => [r.record_key, r.identity_id]));
}

/**
 * Row-locks identities (FOR UPDATE, in id order, one statement) and returns them. Everyone who
 * changes an identity's membership or golden record takes these locks (the stream after its key
 * locks, the review API alone), so golden records are computed from a stable set of records.
 */
export async function lockIdentities(client: PoolClient, ids: readonly string[]): Promise<Map<string, StoredIdentity>> {
  if (ids.length === 0) return new Map();
  const { rows } = await client.query<{ id: string; status: IdentityStatus; golden: unknown; version: number }>(
    'SELECT id, status, golden, version FROM identities WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
    [[...new Set(ids)].sort()],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, status: r.status, golden: r.golden, version: r.version }]));
}

export async function recordsOfIdentities(client: PoolClient, ids: readonly string[]): Promise<StoredRecord[]> {
  if (ids.length === 0) return [];
  const { rows } = await client.query<RecordDbRow>(
    `SELECT ${RECORD_COLUMNS} FROM identity_records WHERE identity_id = ANY($1::text[])`, [[...new Set(ids)]],
  );
  return rows.map(toRecord);
}

export async function recordsByKey(client: PoolClient, recordKeys: readonly string[]): Promise<StoredRecord[]> {
  if (recordKeys.length === 0) return [];
  const { rows } = await client.query<RecordDbRow>(
    `SELECT ${RECORD_COLUMNS} FROM identity_records WHERE record_key = ANY($1::text[])`, [[...new Set(recordKeys)]],
  );
  return rows.map(toRecord);
}

/**
 * Vetoes ("not the same child") of the given records, with each vetoed identity followed through
 * merge redirects: a record declared not to be X is not the identity X was merged into either.
 */
export async function vetoesOf(client: PoolClient, recordKeys: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (recordKeys.length === 0) return out;
  const { rows } = await client.query<{ record_key: string; identity_id: string }>(
    `WITH RECURSIVE chain(record_key, identity_id, depth) AS (
       SELECT record_key, identity_id, 0 FROM identity_vetoes WHERE record_key = ANY($1::text[])
       UNION
       SELECT c.record_key, i.merged_into, c.depth + 1 FROM chain c JOIN identities i ON i.id = c.identity_id
       WHERE i.merged_into IS NOT NULL AND c.depth < 64
     ) SELECT DISTINCT record_key, identity_id FROM chain`,
    [[...new Set(recordKeys)]],
  );
  for (const r of rows) {
    const set = out.get(r.record_key);
    if (set) set.add(r.identity_id); else out.set(r.record_key, new Set([r.identity_id]));
  }
  return out;
}

/** For each record, whether its current link was decided by a person (then the engine never moves it). */
export async function linkActors(client: PoolClient, recordKeys: readonly string[]): Promise<Map<string, string>> {
  if (recordKeys.length === 0) return new Map();
  const { rows } = await client.query<{ record_key: string; actor: string }>(
    `SELECT DISTINCT ON (record_key) record_key, actor FROM identity_ledger
     WHERE record_key = ANY($1::text[]) AND kind = 'linked' ORDER BY record_key, seq DESC`,
    [[...new Set(recordKeys)]],
  );
  return new Map(rows.map((r) => [r.record_key, r.actor]));
}

export interface OpenTask { readonly id: string; readonly recordKey: string; readonly identityId: string; readonly candidateIdentityIds: readonly string[] }

/** Open review tasks of the given records, or naming the given identities (as holder or candidate). */
export async function openTasksFor(client: PoolClient, recordKeys: readonly string[], identityIds: readonly string[]): Promise<OpenTask[]> {
  if (recordKeys.length === 0 && identityIds.length === 0) return [];
  const { rows } = await client.query<{ id: string; record_key: string; identity_id: string; candidate_identity_ids: string[] }>(
    `SELECT id, record_key, identity_id, candidate_identity_ids FROM review_tasks
     WHERE status = 'open' AND (record_key = ANY($1::text[]) OR identity_id = ANY($2::text[]) OR candidate_identity_ids && $2::text[])`,
    [[...new Set(recordKeys)], [...new Set(identityIds)]],
  );
  return rows.map((r) => ({ id: r.id, recordKey: r.record_key, identityId: r.identity_id, candidateIdentityIds: r.candidate_identity_ids }));
}

// Bulk writes pass ONE jsonb document (jsonb_to_recordset) rather than parallel arrays: pg's
// array literal escaping of JSON values cost more than the inserts themselves (bench profile).

export async function insertIdentities(client: PoolClient, rows: readonly { id: string; golden: unknown }[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    'INSERT INTO identities (id, golden) SELECT u.id, u.golden FROM jsonb_to_recordset($1::jsonb) AS u(id text, golden jsonb)',
    [JSON.stringify(rows)],
  );
}

/** Golden record and status of existing identities; bumps their version. */
export async function updateIdentities(client: PoolClient, rows: readonly { id: string; status: IdentityStatus; golden: unknown }[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `UPDATE identities i SET status = u.status, golden = u.golden, version = i.version + 1, updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS u(id text, status text, golden jsonb) WHERE i.id = u.id`,
    [JSON.stringify(rows)],
  );
}

/** Inserts or replaces records (their data, identity, last event, keys); linked_at changes only when the identity does. */
export async function upsertRecords(client: PoolClient, rows: readonly StoredRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO identity_records (record_key, identity_id, source, source_record_id, person, normalised, last_event_id, observed_at, blocking_keys)
     SELECT u."recordKey", u."identityId", u.source, u."sourceRecordId", u.person, u.normalised, u."lastEventId",
            to_timestamp(u."observedAt" / 1000.0), ARRAY(SELECT jsonb_array_elements_text(u."blockingKeys"))
     FROM jsonb_to_recordset($1::jsonb) AS u("recordKey" text, "identityId" text, source text, "sourceRecordId" text, person jsonb,
          normalised jsonb, "lastEventId" text, "observedAt" float8, "blockingKeys" jsonb)
     ON CONFLICT (record_key) DO UPDATE SET blocking_keys = EXCLUDED.blocking_keys,
       linked_at = CASE WHEN identity_records.identity_id = EXCLUDED.identity_id THEN identity_records.linked_at ELSE now() END,
       identity_id = EXCLUDED.identity_id, person = EXCLUDED.person, normalised = EXCLUDED.normalised,
       last_event_id = EXCLUDED.last_event_id, observed_at = EXCLUDED.observed_at, updated_at = now()`,
    [JSON.stringify(rows.map((r) => ({
      recordKey: r.recordKey, identityId: r.identityId, source: r.source, sourceRecordId: r.sourceRecordId, person: r.person,
      normalised: r.normalised, lastEventId: r.lastEventId, observedAt: r.observedAt, blockingKeys: r.blockingKeys,
    })))],
  );
}

/** Key changes of records: rows to delete (old keys no longer emitted) and to insert (new ones). */
export async function replaceBlockingKeys(client: PoolClient, changes: ReadonlyMap<string, { readonly before: readonly string[]; readonly after: readonly string[] }>): Promise<void> {
  const delKeys: string[] = [];
  const delOwners: string[] = [];
  const addKeys: string[] = [];
  const addOwners: string[] = [];
  for (const [recordKey, { before, after }] of changes) {
    const b = new Set(before);
    const a = new Set(after);
    for (const k of b) if (!a.has(k)) { delKeys.push(k); delOwners.push(recordKey); }
    for (const k of a) if (!b.has(k)) { addKeys.push(k); addOwners.push(recordKey); }
  }
  if (delKeys.length > 0) {
    await client.query(
      'DELETE FROM identity_blocking_keys d USING unnest($1::text[], $2::text[]) AS u(k, r) WHERE d.key = u.k AND d.record_key = u.r',
      [delKeys, delOwners],
    );
  }
  if (addKeys.length > 0) {
    await client.query(
      'INSERT INTO identity_blocking_keys (key, record_key) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
      [addKeys, addOwners],
    );
  }
}

/** Reserves `n` ledger sequence numbers, ascending, so events can carry them before the rows are written. */
export async function reserveLedgerSeqs(client: PoolClient, n: number): Promise<string[]> {
  if (n === 0) return [];
  const { rows } = await client.query<{ seq: string }>(
    `SELECT nextval(pg_get_serial_sequence('identity_ledger', 'seq'))::text AS seq FROM generate_series(1, $1) ORDER BY 1`, [n],
  );
  return rows.map((r) => r.seq).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
}

/** Appends ledger entries (with reserved seqs, or database-assigned when `seqs` is omitted). */
export async function appendLedger(client: PoolClient, entries: readonly NewLedgerEntry[], seqs?: readonly string[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const s = seqs ?? await reserveLedgerSeqs(client, entries.length);
  await client.query(
    `INSERT INTO identity_ledger (seq, identity_id, kind, record_key, other_identity_id, actor, reason, explanation, model_version, cause_id)
     OVERRIDING SYSTEM VALUE
     SELECT u.seq, u."identityId", u.kind, u."recordKey", u."otherIdentityId", u.actor, u.reason, u.explanation, u."modelVersion", u."causeId"
     FROM jsonb_to_recordset($1::jsonb) AS u(seq bigint, "identityId" text, kind text, "recordKey" text, "otherIdentityId" text,
          actor text, reason text, explanation jsonb, "modelVersion" text, "causeId" text)`,
    [JSON.stringify(entries.map((e, i) => ({ ...e, seq: s[i] })))],
  );
  return [...s];
}

export interface NewReviewTask {
  readonly id: string;
  readonly reason: string;
  readonly recordKey: string;
  readonly identityId: string;
  readonly candidateIdentityIds: readonly string[];
  readonly explanation: ReviewTaskExplanation;
  readonly modelVersion: string;
}

export async function closeTasks(client: PoolClient, ids: readonly string[], resolution: string, by: string): Promise<void> {
  if (ids.length === 0) return;
  await client.query(
    `UPDATE review_tasks SET status = 'closed', resolution = $2, resolved_by = $3, resolved_at = now(), updated_at = now(), version = version + 1
     WHERE id = ANY($1::text[]) AND status = 'open'`,
    [[...ids], resolution, by],
  );
}

export async function insertTasks(client: PoolClient, tasks: readonly NewReviewTask[]): Promise<void> {
  if (tasks.length === 0) return;
  await client.query(
    `INSERT INTO review_tasks (id, reason, record_key, identity_id, candidate_identity_ids, explanation, model_version)
     SELECT t.id, t.reason, t.record_key, t.identity_id, ARRAY(SELECT jsonb_array_elements_text(t.candidates)), t.explanation, t.model_version
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[])
       AS t(id, reason, record_key, identity_id, candidates, explanation, model_version)`,
    [
      tasks.map((t) => t.id), tasks.map((t) => t.reason), tasks.map((t) => t.recordKey), tasks.map((t) => t.identityId),
      tasks.map((t) => JSON.stringify(t.candidateIdentityIds)), tasks.map((t) => JSON.stringify(t.explanation)), tasks.map((t) => t.modelVersion),
    ],
  );
}

/** Follows merge redirects to the live identity; null when the id was never issued. */
export async function resolveRedirect(client: Pick<PoolClient, 'query'>, id: string): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `WITH RECURSIVE chain(id, merged_into, depth) AS (
       SELECT id, merged_into, 0 FROM identities WHERE id = $1
       UNION ALL
       SELECT i.id, i.merged_into, c.depth + 1 FROM chain c JOIN identities i ON i.id = c.merged_into WHERE c.depth < 64
     ) SELECT id FROM chain WHERE merged_into IS NULL LIMIT 1`,
    [id],
  );
  return rows[0]?.id ?? null;
}

export async function countOpenTasks(client: Pick<PoolClient, 'query'>): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM review_tasks WHERE status = 'open'`);
  return Number(rows[0]?.n ?? 0);
}
