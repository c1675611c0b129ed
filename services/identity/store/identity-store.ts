/**
 * Set-at-a-time SQL of the identity stream: every function runs inside the caller's transaction
 * (a PoolClient after BEGIN) and takes or returns whole batches, so a batch of records costs a
 * fixed number of round trips, not a few per record. Tables: migrations/0001_identity.sql.
 */
import type { PoolClient } from 'pg';
import type { PersonRecord } from '../../../schemas/generated/person-record.v1';
import type { NewLedgerEntry } from '../domain/ledger';
import type { NormalisedPerson } from '../domain/matching';
import { TransientError } from '../../platform/errors';
import type { RecordContent, RecordContentCache } from './record-cache';
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

const SLIM_RECORD_COLUMNS = `record_key, identity_id, source, source_record_id, last_event_id, blocking_keys,
  (extract(epoch FROM observed_at) * 1000)::bigint AS observed_ms`;

/** Reads records' contents by key (under the caller's identity row locks). */
async function readContents(client: PoolClient, recordKeys: readonly string[]): Promise<(RecordContent & { recordKey: string })[]> {
  const { rows } = await client.query<{ doc: { record_key: string; last_event_id: string; person: PersonRecord; normalised: NormalisedPerson }[] | null }>(
    `SELECT json_agg(json_build_object('record_key', record_key, 'last_event_id', last_event_id, 'person', person, 'normalised', normalised)) AS doc
     FROM identity_records WHERE record_key = ANY($1::text[])`,
    [[...new Set(recordKeys)]],
  );
  return (rows[0]?.doc ?? []).map((r) => ({ recordKey: r.record_key, lastEventId: r.last_event_id, person: r.person, normalised: r.normalised }));
}

function toRecord(r: RecordDbRow): StoredRecord {
  return {
    recordKey: r.record_key, identityId: r.identity_id, source: r.source, sourceRecordId: r.source_record_id,
    person: r.person, normalised: r.normalised, lastEventId: r.last_event_id, observedAt: Number(r.observed_ms), blockingKeys: r.blocking_keys,
  };
}

/**
 * Lock stripes of the blocking keys. A key's lock is its stripe's lock: records sharing a key share
 * its stripe, so they still serialise (coarser locks only add waits between batches that share no
 * key, and concurrent batches already share broad keys, ADR 0011 Performance). The number of
 * locks one transaction holds is bounded by the stripe count, whatever its size: 1,024 stripes
 * let a transaction decide hundreds of records with at most 1,024 entries of PostgreSQL's shared
 * lock table (64 × max_connections), where per-key locks took ≈14 per record.
 * Every process of a consumer group must use the same stripes and hash: changing either needs
 * all identity processes stopped first (a mixed group would not exclude each other).
 */
export const KEY_LOCK_STRIPES = 1024;

/** FNV-1a (32 bit) of a blocking key, modulo the stripes: stable across processes and releases. */
export function keyStripe(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % KEY_LOCK_STRIPES;
}

/**
 * Claims the batch's event ids (processed_events) and advisory-locks the key stripes of the
 * records actually claimed, in ONE statement (one round trip instead of two). The claim runs
 * first: the lock subquery reads the claim's result through an init plan, so a redelivered event
 * (already claimed) locks nothing. Locks are taken in stripe order, so two transactions never wait
 * on each other in a cycle; a transaction that will look for candidates under a key holds that
 * key's stripe lock before any read (the next statement): a concurrent transaction writing a
 * record under the same key waits until this one commits and then sees its new identity. Locks are
 * namespaced by schema (advisory locks are database-wide): the two-int4 form, (hash of the schema,
 * stripe). Returns the event ids claimed now.
 */
export async function claimAndLockKeys(
  client: PoolClient, consumer: string, eventIds: readonly string[], keysByEvent: ReadonlyMap<string, readonly string[]>,
): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const lockStripes: number[] = [];
  const lockEvents: string[] = [];
  for (const [eventId, keys] of keysByEvent) {
    for (const stripe of new Set(keys.map(keyStripe))) { lockStripes.push(stripe); lockEvents.push(eventId); }
  }
  const { rows } = await client.query<{ claimed: string[] | null; locks: string }>(
    `WITH claimed AS (
       INSERT INTO processed_events (consumer, event_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id
     ), locked AS (
       SELECT count(pg_advisory_xact_lock(hashtext(current_schema() || '|identity-key-stripes'), s)) AS n FROM (
         SELECT DISTINCT u.s FROM unnest($3::int4[], $4::text[]) AS u(s, e)
         WHERE u.e = ANY (ARRAY(SELECT event_id FROM claimed))
         ORDER BY 1
       ) AS ordered
     )
     SELECT ARRAY(SELECT event_id FROM claimed) AS claimed, (SELECT n FROM locked)::text AS locks`,
    [consumer, [...new Set(eventIds)], lockStripes, lockEvents],
  );
  return new Set(rows[0]?.claimed ?? []);
}

/** What the batch's blocking keys reach, read under the key locks, with the owning identities row-locked. */
export interface CandidateBlocks {
  /** blocking key → record keys stored under it (at most `cap`, the smallest record keys, in key order). */
  readonly byKey: Map<string, string[]>;
  /** record key → identity id, for the candidate records and the batch's own known records. */
  readonly owners: Map<string, string>;
  /** The owning identities, row-locked (FOR UPDATE, id order). */
  readonly identities: Map<string, StoredIdentity>;
}

/**
 * One statement (was three). Each key's block is read by an index-only scan of the primary key
 * (key, record_key) that stops after `cap` rows (LATERAL … LIMIT): a skewed key costs `cap` rows,
 * not its whole block (row_number() over the block read all of it, which grows with the store).
 * Every lookup is `= ANY (ARRAY(subquery))`, an index scan on an array
 * parameter: `IN (subquery) OR ...` made PostgreSQL scan the whole table (seen with EXPLAIN).
 * The result is one json document (json_agg: text concatenation, much cheaper for PostgreSQL
 * than building jsonb). The records under the given keys, truncated per key to `cap`
 * deterministically (the smallest record keys — skewed keys are cut in the database, not shipped
 * whole), the identities owning them or the batch's own records, and those identities row-locked
 * FOR UPDATE in id order. Everyone who changes an identity's membership or golden record takes
 * these row locks (the stream after its key locks, the review API alone), so the records read by
 * the NEXT statement (a fresh snapshot, taken after the locks are granted) are stable.
 */
export async function loadCandidateBlocks(client: PoolClient, keys: readonly string[], batchRecordKeys: readonly string[], cap: number): Promise<CandidateBlocks> {
  const { rows } = await client.query<{ doc: { blocks: [string, string][]; owners: [string, string][]; identities: { id: string; status: IdentityStatus; golden: unknown; version: number }[] } }>(
    `WITH blocks AS MATERIALIZED (
       SELECT k.key, b.record_key FROM unnest($1::text[]) AS k(key)
       CROSS JOIN LATERAL (
         SELECT record_key FROM identity_blocking_keys WHERE key = k.key ORDER BY record_key LIMIT $3
       ) AS b
     ), owners AS MATERIALIZED (
       SELECT record_key, identity_id FROM identity_records
       WHERE record_key = ANY (ARRAY(SELECT record_key FROM blocks UNION SELECT unnest($2::text[])))
     ), locked AS MATERIALIZED (
       SELECT id, status, golden, version FROM identities WHERE id = ANY (ARRAY(SELECT DISTINCT identity_id FROM owners)) ORDER BY id FOR UPDATE
     )
     SELECT json_build_object(
       'blocks', (SELECT coalesce(json_agg(json_build_array(key, record_key) ORDER BY key, record_key), '[]'::json) FROM blocks),
       'owners', (SELECT coalesce(json_agg(json_build_array(record_key, identity_id)), '[]'::json) FROM owners),
       'identities', (SELECT coalesce(json_agg(json_build_object('id', id, 'status', status, 'golden', golden, 'version', version) ORDER BY id), '[]'::json) FROM locked)
     ) AS doc`,
    [[...new Set(keys)], [...new Set(batchRecordKeys)], cap],
  );
  const doc = rows[0]!.doc;
  const byKey = new Map<string, string[]>();
  for (const [key, recordKey] of doc.blocks) {
    const list = byKey.get(key);
    if (list) list.push(recordKey); else byKey.set(key, [recordKey]);
  }
  return {
    byKey,
    owners: new Map(doc.owners),
    identities: new Map(doc.identities.map((i) => [i.id, i])),
  };
}

/** The rest of the world a batch is decided against: read after the identity row locks. */
export interface WorldDetails {
  readonly records: StoredRecord[];
  readonly vetoes: Map<string, Set<string>>;
  /** record key → actor of its current link (last `linked` entry). */
  readonly linkActors: Map<string, string>;
  readonly openTasks: OpenTask[];
}

/**
 * One statement (was five), run after `loadCandidateBlocks` so its snapshot sees the identities'
 * membership as of the row locks: all records of the locked identities plus the given known batch
 * records, the batch records' vetoes (merge redirects followed: a record declared not to be X is
 * not the identity X was merged into either), whether their current link was decided by a person,
 * and the open review tasks of the batch records or naming the locked identities.
 */
export async function loadWorldDetails(
  client: PoolClient, identityIds: readonly string[], batchRecordKeys: readonly string[], knownBatchRecordKeys: readonly string[],
  cache?: RecordContentCache,
): Promise<WorldDetails> {
  // With a cache, records come without their content (person, normalised): ids, keys and dates
  // only; contents the cache does not hold (or holds for another event) are read by id below.
  const columns = cache ? SLIM_RECORD_COLUMNS : RECORD_COLUMNS;
  const { rows } = await client.query<{ doc: {
    records: (Omit<RecordDbRow, 'observed_ms' | 'person' | 'normalised'> & { observed_ms: number; person?: PersonRecord; normalised?: NormalisedPerson })[];
    vetoes: [string, string][]; actors: [string, string][];
    tasks: { id: string; record_key: string; identity_id: string; candidate_identity_ids: string[] }[];
  } }>(
    `WITH RECURSIVE chain(record_key, identity_id, depth) AS (
       SELECT record_key, identity_id, 0 FROM identity_vetoes WHERE record_key = ANY($2::text[])
       UNION
       SELECT c.record_key, i.merged_into, c.depth + 1 FROM chain c JOIN identities i ON i.id = c.identity_id
       WHERE i.merged_into IS NOT NULL AND c.depth < 64
     ), recs AS (
       SELECT ${columns} FROM identity_records WHERE identity_id = ANY($1::text[]) OR record_key = ANY($3::text[])
     ), actors AS (
       SELECT DISTINCT ON (record_key) record_key, actor FROM identity_ledger
       WHERE record_key = ANY($3::text[]) AND kind = 'linked' ORDER BY record_key, seq DESC
     ), tasks AS (
       SELECT id, record_key, identity_id, candidate_identity_ids FROM review_tasks
       WHERE status = 'open' AND (record_key = ANY($2::text[]) OR identity_id = ANY($1::text[]) OR candidate_identity_ids && $1::text[])
     )
     SELECT json_build_object(
       'records', (SELECT coalesce(json_agg(to_json(recs)), '[]'::json) FROM recs),
       'vetoes', (SELECT coalesce(json_agg(json_build_array(record_key, identity_id)), '[]'::json) FROM (SELECT DISTINCT record_key, identity_id FROM chain) AS d),
       'actors', (SELECT coalesce(json_agg(json_build_array(record_key, actor)), '[]'::json) FROM actors),
       'tasks', (SELECT coalesce(json_agg(to_json(tasks)), '[]'::json) FROM tasks)
     ) AS doc`,
    [[...new Set(identityIds)], [...new Set(batchRecordKeys)], [...new Set(knownBatchRecordKeys)]],
  );
  const doc = rows[0]!.doc;
  const vetoes = new Map<string, Set<string>>();
  for (const [recordKey, identityId] of doc.vetoes) {
    const set = vetoes.get(recordKey);
    if (set) set.add(identityId); else vetoes.set(recordKey, new Set([identityId]));
  }
  let records: StoredRecord[];
  if (!cache) {
    records = doc.records.map((r) => toRecord({ ...r, person: r.person!, normalised: r.normalised!, observed_ms: String(r.observed_ms) }));
  } else {
    const contents = new Map<string, RecordContent>();
    const missing: string[] = [];
    for (const r of doc.records) {
      const c = cache.get(r.record_key, r.last_event_id);
      if (c) contents.set(r.record_key, c); else missing.push(r.record_key);
    }
    if (missing.length > 0) {
      for (const c of await readContents(client, missing)) { contents.set(c.recordKey, c); cache.put(c.recordKey, c); }
    }
    records = doc.records.map((r) => {
      const c = contents.get(r.record_key);
      // The row cannot change under the identity row locks this transaction holds: a mismatch is a bug or a lost lock.
      if (c === undefined || c.lastEventId !== r.last_event_id) throw new TransientError('IDENTITY_RECORD_CHANGED', 'a candidate record changed while its identity was locked');
      return toRecord({ ...r, person: c.person, normalised: c.normalised, observed_ms: String(r.observed_ms) });
    });
  }
  return {
    records,
    vetoes,
    linkActors: new Map(doc.actors),
    openTasks: doc.tasks.map((t) => ({ id: t.id, recordKey: t.record_key, identityId: t.identity_id, candidateIdentityIds: t.candidate_identity_ids })),
  };
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

export interface OpenTask { readonly id: string; readonly recordKey: string; readonly identityId: string; readonly candidateIdentityIds: readonly string[] }

export interface NewReviewTask {
  readonly id: string;
  readonly reason: string;
  readonly recordKey: string;
  readonly identityId: string;
  readonly candidateIdentityIds: readonly string[];
  readonly explanation: ReviewTaskExplanation;
  readonly modelVersion: string;
}

/** Everything a batch writes before its ledger: new and changed identities, records, key changes, tasks. */
export interface BatchWrites {
  readonly newIdentities: readonly { id: string; golden: unknown }[];
  readonly changedIdentities: readonly { id: string; status: IdentityStatus; golden: unknown }[];
  readonly records: readonly StoredRecord[];
  /** Key changes of written records: stored keys before the batch, and now. */
  readonly keyChanges: ReadonlyMap<string, { readonly before: readonly string[]; readonly after: readonly string[] }>;
  readonly tasksToClose: readonly string[];
  readonly tasksToOpen: readonly NewReviewTask[];
  /** Ledger sequence numbers to reserve (the events carry them, so they are known before the ledger rows are written). */
  readonly ledgerEntries: number;
}

/**
 * Writes a decided batch in (at most) two statements instead of eight: tasks closed first (a
 * record's replacement task may be opened below, and at most one task per record is open), then
 * ONE statement of data-modifying CTEs for identities, records, blocking keys and new tasks, whose
 * result is the reserved ledger sequence numbers, ascending. The parts touch disjoint rows (new vs.
 * changed identities, deleted vs. added (key, record) pairs), and foreign keys are checked at the
 * end of the statement, so records can name identities created by the same statement.
 * Bulk rows travel as ONE jsonb document per table (jsonb_to_recordset): pg's array-literal
 * escaping of JSON values cost more than the inserts themselves (bench profile).
 */
export async function writeBatch(client: PoolClient, w: BatchWrites, closeResolution: string, closedBy: string): Promise<string[]> {
  if (w.tasksToClose.length > 0) {
    await client.query(
      `UPDATE review_tasks SET status = 'closed', resolution = $2, resolved_by = $3, resolved_at = now(), updated_at = now(), version = version + 1
       WHERE id = ANY($1::text[]) AND status = 'open'`,
      [[...w.tasksToClose], closeResolution, closedBy],
    );
  }
  const delKeys: string[] = [];
  const delOwners: string[] = [];
  const addKeys: string[] = [];
  const addOwners: string[] = [];
  for (const [recordKey, { before, after }] of w.keyChanges) {
    const b = new Set(before);
    const a = new Set(after);
    for (const k of b) if (!a.has(k)) { delKeys.push(k); delOwners.push(recordKey); }
    for (const k of a) if (!b.has(k)) { addKeys.push(k); addOwners.push(recordKey); }
  }
  const params: unknown[] = [];
  const param = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const parts: string[] = [];
  if (w.newIdentities.length > 0) {
    parts.push(`new_identities AS (
      INSERT INTO identities (id, golden) SELECT u.id, u.golden FROM jsonb_to_recordset(${param(JSON.stringify(w.newIdentities))}::jsonb) AS u(id text, golden jsonb))`);
  }
  if (w.changedIdentities.length > 0) {
    // Golden record and status of existing identities; bumps their version (optimistic checks of the API).
    parts.push(`changed_identities AS (
      UPDATE identities i SET status = u.status, golden = u.golden, version = i.version + 1, updated_at = now()
      FROM jsonb_to_recordset(${param(JSON.stringify(w.changedIdentities))}::jsonb) AS u(id text, status text, golden jsonb) WHERE i.id = u.id)`);
  }
  if (w.records.length > 0) {
    // Inserts or replaces records; linked_at changes only when the identity does.
    parts.push(`records AS (
      INSERT INTO identity_records (record_key, identity_id, source, source_record_id, person, normalised, last_event_id, observed_at, blocking_keys)
      SELECT u."recordKey", u."identityId", u.source, u."sourceRecordId", u.person, u.normalised, u."lastEventId",
             to_timestamp(u."observedAt" / 1000.0), ARRAY(SELECT jsonb_array_elements_text(u."blockingKeys"))
      FROM jsonb_to_recordset(${param(JSON.stringify(w.records.map((r) => ({
        recordKey: r.recordKey, identityId: r.identityId, source: r.source, sourceRecordId: r.sourceRecordId, person: r.person,
        normalised: r.normalised, lastEventId: r.lastEventId, observedAt: r.observedAt, blockingKeys: r.blockingKeys,
      }))))}::jsonb) AS u("recordKey" text, "identityId" text, source text, "sourceRecordId" text, person jsonb,
           normalised jsonb, "lastEventId" text, "observedAt" float8, "blockingKeys" jsonb)
      ON CONFLICT (record_key) DO UPDATE SET blocking_keys = EXCLUDED.blocking_keys,
        linked_at = CASE WHEN identity_records.identity_id = EXCLUDED.identity_id THEN identity_records.linked_at ELSE now() END,
        identity_id = EXCLUDED.identity_id, person = EXCLUDED.person, normalised = EXCLUDED.normalised,
        last_event_id = EXCLUDED.last_event_id, observed_at = EXCLUDED.observed_at, updated_at = now())`);
  }
  if (delKeys.length > 0) {
    parts.push(`old_keys AS (
      DELETE FROM identity_blocking_keys d USING unnest(${param(delKeys)}::text[], ${param(delOwners)}::text[]) AS u(k, r)
      WHERE d.key = u.k AND d.record_key = u.r)`);
  }
  if (addKeys.length > 0) {
    parts.push(`new_keys AS (
      INSERT INTO identity_blocking_keys (key, record_key) SELECT * FROM unnest(${param(addKeys)}::text[], ${param(addOwners)}::text[])
      ON CONFLICT DO NOTHING)`);
  }
  if (w.tasksToOpen.length > 0) {
    const t = w.tasksToOpen;
    parts.push(`new_tasks AS (
      INSERT INTO review_tasks (id, reason, record_key, identity_id, candidate_identity_ids, explanation, model_version)
      SELECT t.id, t.reason, t.record_key, t.identity_id, ARRAY(SELECT jsonb_array_elements_text(t.candidates)), t.explanation, t.model_version
      FROM unnest(${param(t.map((x) => x.id))}::text[], ${param(t.map((x) => x.reason))}::text[], ${param(t.map((x) => x.recordKey))}::text[],
                  ${param(t.map((x) => x.identityId))}::text[], ${param(t.map((x) => JSON.stringify(x.candidateIdentityIds)))}::jsonb[],
                  ${param(t.map((x) => JSON.stringify(x.explanation)))}::jsonb[], ${param(t.map((x) => x.modelVersion))}::text[])
        AS t(id, reason, record_key, identity_id, candidates, explanation, model_version))`);
  }
  const reserve = `SELECT nextval(pg_get_serial_sequence('identity_ledger', 'seq'))::text AS seq FROM generate_series(1, ${param(w.ledgerEntries)}::int) ORDER BY 1`;
  if (parts.length === 0 && w.ledgerEntries === 0) return [];
  const { rows } = await client.query<{ seq: string }>(parts.length > 0 ? `WITH ${parts.join(',\n')}\n${reserve}` : reserve, params);
  return rows.map((r) => r.seq).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
}

/** An outbox row group: one fact's encoded messages (services/platform/outbox). */
export interface OutboxMessage { readonly eventId: string; readonly topic: string; readonly key: string; readonly value: Buffer; readonly headers: Readonly<Record<string, string>> }

/**
 * Appends ledger entries (with their reserved seqs) and the events' outbox rows, and signals the
 * relay, in ONE statement (was three). Same rows as appendToOutbox (services/platform/outbox) with
 * one message per fact; NOTIFY is transactional, so the relay wakes only after the commit.
 */
export async function appendLedgerAndOutbox(
  client: PoolClient, entries: readonly NewLedgerEntry[], seqs: readonly string[], outboxTable: string, channel: string, outbox: readonly OutboxMessage[],
): Promise<void> {
  if (entries.length === 0 && outbox.length === 0) return;
  await client.query(
    `WITH ledger AS (
       INSERT INTO identity_ledger (seq, identity_id, kind, record_key, other_identity_id, actor, reason, explanation, model_version, cause_id)
       OVERRIDING SYSTEM VALUE
       SELECT u.seq, u."identityId", u.kind, u."recordKey", u."otherIdentityId", u.actor, u.reason, u.explanation, u."modelVersion", u."causeId"
       FROM jsonb_to_recordset($1::jsonb) AS u(seq bigint, "identityId" text, kind text, "recordKey" text, "otherIdentityId" text,
            actor text, reason text, explanation jsonb, "modelVersion" text, "causeId" text)
     ), outbox AS (
       INSERT INTO ${quoteIdent(outboxTable)} (event_id, part, parts, topic, key, value, headers)
       SELECT e, 0, 1, t, k, v, h FROM unnest($2::text[], $3::text[], $4::text[], $5::bytea[], $6::jsonb[]) AS u(e, t, k, v, h)
     )
     SELECT CASE WHEN $8::int > 0 THEN pg_notify($7, $8::text) END`,
    [
      JSON.stringify(entries.map((e, i) => ({ ...e, seq: seqs[i] }))),
      outbox.map((m) => m.eventId), outbox.map((m) => m.topic), outbox.map((m) => m.key), outbox.map((m) => m.value),
      outbox.map((m) => JSON.stringify(m.headers)), channel, outbox.length,
    ],
  );
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
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
