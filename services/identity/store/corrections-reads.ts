/**
 * Reads of the review API: open review tasks (keyset pagination), an identity with its golden
 * record and source records, and the ledger that explains it. Plain reads on the pool (READ
 * COMMITTED snapshots per statement are enough: each answer is one statement's view or is
 * re-checked, and nothing here decides anything).
 */
import type { Pool } from 'pg';
import type { PersonRecord } from '../../../schemas/generated/person-record.v1';
import type { IdentityStatus } from '../domain/corrections';
import type { LedgerEntry, LedgerKind } from '../domain/ledger';
import type { ReviewTaskExplanation } from './types';

export interface OpenTaskRead {
  readonly id: string;
  readonly reason: string;
  readonly recordKey: string;
  readonly identityId: string;
  readonly candidateIdentityIds: readonly string[];
  readonly explanation: ReviewTaskExplanation;
  readonly modelVersion: string;
  readonly createdAt: Date;
}

export interface TaskPage {
  readonly tasks: readonly OpenTaskRead[];
  /** PersonRecord of every record the page's explanations name (the reviewed and the compared ones). */
  readonly persons: ReadonlyMap<string, PersonRecord>;
  /** Current identity of those records (records move while tasks wait). */
  readonly holders: ReadonlyMap<string, string>;
  readonly nextCursor: string | null;
}

export interface IdentityRead {
  readonly id: string;
  readonly status: IdentityStatus;
  readonly mergedInto: string | null;
  readonly golden: unknown;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface RecordRead {
  readonly recordKey: string;
  readonly source: string;
  readonly sourceRecordId: string;
  readonly person: PersonRecord;
  readonly observedAt: Date;
  readonly linkedAt: Date;
}

/** Cursor = the last task's (created_at, id), opaque to clients. */
function encodeCursor(t: OpenTaskRead): string {
  return Buffer.from(`${t.createdAt.toISOString()}|${t.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { at: string; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return at && id && !Number.isNaN(Date.parse(at)) ? { at, id } : null;
}

export class CorrectionsReads {
  constructor(private readonly pool: Pool) {}

  async openTasks(limit: number, cursor: { at: string; id: string } | null): Promise<TaskPage> {
    const { rows } = await this.pool.query<{
      id: string; reason: string; record_key: string; identity_id: string; candidate_identity_ids: string[];
      explanation: ReviewTaskExplanation; model_version: string; created_at: Date;
    }>(
      `SELECT id, reason, record_key, identity_id, candidate_identity_ids, explanation, model_version, created_at FROM review_tasks
       WHERE status = 'open' AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::text))
       ORDER BY created_at, id LIMIT $1`,
      [limit + 1, cursor?.at ?? null, cursor?.id ?? ''],
    );
    const tasks = rows.slice(0, limit).map((r) => ({
      id: r.id, reason: r.reason, recordKey: r.record_key, identityId: r.identity_id, candidateIdentityIds: r.candidate_identity_ids,
      explanation: r.explanation, modelVersion: r.model_version, createdAt: r.created_at,
    }));
    const keys = new Set<string>();
    for (const t of tasks) {
      keys.add(t.recordKey);
      for (const c of t.explanation?.candidates ?? []) keys.add(c.explanation.recordKey);
    }
    const { rows: recs } = await this.pool.query<{ record_key: string; identity_id: string; person: PersonRecord }>(
      'SELECT record_key, identity_id, person FROM identity_records WHERE record_key = ANY($1::text[])', [[...keys]]);
    return {
      tasks,
      persons: new Map(recs.map((r) => [r.record_key, r.person])),
      holders: new Map(recs.map((r) => [r.record_key, r.identity_id])),
      nextCursor: rows.length > limit ? encodeCursor(tasks[tasks.length - 1]!) : null,
    };
  }

  async task(id: string): Promise<{ status: string; recordKey: string } | null> {
    const { rows } = await this.pool.query<{ status: string; record_key: string }>('SELECT status, record_key FROM review_tasks WHERE id = $1', [id]);
    return rows[0] ? { status: rows[0].status, recordKey: rows[0].record_key } : null;
  }

  async identity(id: string): Promise<IdentityRead | null> {
    const { rows } = await this.pool.query<{ id: string; status: IdentityStatus; merged_into: string | null; golden: unknown; version: number; created_at: Date; updated_at: Date }>(
      'SELECT id, status, merged_into, golden, version, created_at, updated_at FROM identities WHERE id = $1', [id]);
    const r = rows[0];
    return r ? { id: r.id, status: r.status, mergedInto: r.merged_into, golden: r.golden, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at } : null;
  }

  /** The live identity a (possibly merged) id redirects to, following the whole chain; null when unknown. */
  async survivorOf(id: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>(
      `WITH RECURSIVE up(id, next, depth) AS (
         SELECT id, merged_into, 0 FROM identities WHERE id = $1
         UNION ALL SELECT i.id, i.merged_into, up.depth + 1 FROM up JOIN identities i ON i.id = up.next WHERE up.depth < 64
       ) SELECT id FROM up WHERE next IS NULL`, [id]);
    return rows[0]?.id ?? null;
  }

  async records(identityId: string): Promise<RecordRead[]> {
    const { rows } = await this.pool.query<{ record_key: string; source: string; source_record_id: string; person: PersonRecord; observed_at: Date; linked_at: Date }>(
      'SELECT record_key, source, source_record_id, person, observed_at, linked_at FROM identity_records WHERE identity_id = $1 ORDER BY record_key', [identityId]);
    return rows.map((r) => ({ recordKey: r.record_key, source: r.source, sourceRecordId: r.source_record_id, person: r.person, observedAt: r.observed_at, linkedAt: r.linked_at }));
  }

  /** Ledger entries of the identity, and of the given records wherever they were (their whole history). */
  async ledger(identityId: string, recordKeys: readonly string[]): Promise<LedgerEntry[]> {
    const { rows } = await this.pool.query<{
      seq: string; identity_id: string; kind: LedgerKind; record_key: string | null; other_identity_id: string | null; actor: string;
      reason: string; explanation: LedgerEntry['explanation']; model_version: string | null; cause_id: string | null; at: Date;
    }>(
      `SELECT seq::text AS seq, identity_id, kind, record_key, other_identity_id, actor, reason, explanation, model_version, cause_id, at
       FROM identity_ledger WHERE identity_id = $1 OR record_key = ANY($2::text[]) ORDER BY seq`, [identityId, [...recordKeys]]);
    return rows.map((r) => ({
      seq: r.seq, identityId: r.identity_id, kind: r.kind, recordKey: r.record_key, otherIdentityId: r.other_identity_id, actor: r.actor,
      reason: r.reason, explanation: r.explanation, modelVersion: r.model_version, causeId: r.cause_id, at: r.at,
    }));
  }
}
