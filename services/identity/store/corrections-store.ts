/**
 * Applies people's corrections (domain/corrections.ts) to the identity tables in ONE transaction:
 * identities, record links, vetoes, review tasks, the append-only ledger, identity events (outbox)
 * and the audit row all commit together or not at all.
 *
 * Lock order (the same as the stream's, docs/adr/0012): identity rows FOR UPDATE in id order in
 * one statement (the stream takes its blocking-key advisory locks first, then the same row locks;
 * corrections take no advisory locks, so no cycle through them), then the review tasks involved
 * FOR UPDATE in id order. The set of identities is computed before locking (a command's
 * identities, their redirect chains, and every identity named by an open task on them) and
 * re-checked under the locks; if it grew meanwhile the transaction restarts with the larger set.
 * Deadlocks and serialization failures (40P01, 40001) are retried a few times.
 */
import type { Pool, PoolClient } from 'pg';
import type { PersonRecord } from '../../../schemas/generated/person-record.v1';
import {
  applyCorrection, identitiesNamedBy, type CorrectionCommand, type CorrectionContext, type CorrectionError, type CorrectionOutcome,
  type CorrectionState, type CorrectionTask, type IdentityState, type IdentityStatus,
} from '../domain/corrections';
import type { GoldenRecord } from '../domain/golden-record';
import type { CorrectionEvent, PublishIdentityChanges } from './corrections-events';
import type { ReviewTaskExplanation } from './types';
import { appendAudit, type AuditEntry } from './corrections-audit';

export interface CorrectionRequest {
  readonly command: CorrectionCommand;
  readonly ctx: CorrectionContext;
  /** Written in the same transaction as the correction (a refused one is audited by the caller). */
  readonly audit: Omit<AuditEntry, 'status' | 'resourceIds'> & { readonly status: number };
  readonly now: number;
}

export type CorrectionApplied =
  | { readonly ok: true; readonly outcome: CorrectionOutcome; readonly events: readonly CorrectionEvent[] }
  | { readonly ok: false; readonly error: CorrectionError };

const MAX_ATTEMPTS = 5;

export class CorrectionsStore {
  constructor(private readonly pool: Pool, private readonly publish: PublishIdentityChanges) {}

  async apply(req: CorrectionRequest): Promise<CorrectionApplied> {
    let extra: string[] = [];
    for (let attempt = 1; ; attempt += 1) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const r = await this.attempt(client, req, extra);
        if (r.kind === 'grow') {
          await client.query('ROLLBACK');
          extra = r.ids;
          if (attempt >= MAX_ATTEMPTS) throw new Error('identity set kept changing under concurrent corrections');
          continue;
        }
        if (!r.result.ok) { await client.query('ROLLBACK'); return r.result; }
        await client.query('COMMIT');
        return r.result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (err as { code?: string }).code;
        if ((code === '40P01' || code === '40001') && attempt < MAX_ATTEMPTS) continue;
        throw err;
      } finally {
        client.release();
      }
    }
  }

  private async attempt(client: PoolClient, req: CorrectionRequest, extra: readonly string[]): Promise<{ kind: 'grow'; ids: string[] } | { kind: 'done'; result: CorrectionApplied }> {
    const { command } = req;
    const taskId = command.kind === 'resolve-task' ? command.taskId : null;
    // 1. Which identities: unlocked reads, then locked, then re-checked.
    const wanted = await closure(client, [...identitiesNamedBy(command), ...extra], taskId);
    const locked = await lockIdentityRows(client, wanted);
    const again = await closure(client, [...locked.keys()], taskId);
    if (again.some((id) => !locked.has(id))) return { kind: 'grow', ids: again };
    const tasks = await lockTasks(client, [...locked.keys()], taskId);
    const state = await loadState(client, locked, tasks);

    // 2. Decide (pure).
    const decided = applyCorrection(state, command, req.ctx);
    if (!decided.ok) return { kind: 'done', result: decided };
    const o = decided.outcome;

    // 3. Apply.
    const created = o.identities.filter((i) => i.created);
    if (created.length > 0) {
      await client.query('INSERT INTO identities (id, golden) SELECT * FROM unnest($1::text[], $2::jsonb[])',
        [created.map((i) => i.id), created.map((i) => JSON.stringify(i.golden ?? {}))]);
    }
    // Record moves before identity status: the ledger and FKs never see a merged identity holding records.
    for (const m of o.recordMoves) {
      await client.query('UPDATE identity_records SET identity_id = $2, linked_at = now(), updated_at = now() WHERE record_key = $1 AND identity_id = $3', [m.recordKey, m.to, m.from]);
    }
    await client.query(
      `UPDATE identities i SET status = u.status, merged_into = u.merged_into, golden = u.golden, version = i.version + 1, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS u(id, status, merged_into, golden) WHERE i.id = u.id`,
      [o.identities.map((i) => i.id), o.identities.map((i) => i.status), o.identities.map((i) => i.mergedInto), o.identities.map((i) => JSON.stringify(i.golden ?? {}))],
    );
    if (o.vetoes.length > 0) {
      await client.query(
        `INSERT INTO identity_vetoes (record_key, identity_id, actor, reason) SELECT r, i, $3, x FROM unnest($1::text[], $2::text[], $4::text[]) AS u(r, i, x)
         ON CONFLICT (record_key, identity_id) DO NOTHING`,
        [o.vetoes.map((v) => v.recordKey), o.vetoes.map((v) => v.identityId), req.ctx.actor, o.vetoes.map((v) => v.reason)],
      );
    }
    for (const t of o.tasks) {
      const done = t.status !== 'open';
      await client.query(
        `UPDATE review_tasks SET status = $2, identity_id = $3, candidate_identity_ids = $4, resolution = $5, resolution_detail = $6,
           resolved_at = CASE WHEN $7 THEN now() ELSE resolved_at END, resolved_by = CASE WHEN $7 THEN $8 ELSE resolved_by END,
           version = version + 1, updated_at = now()
         WHERE id = $1`,
        [t.id, t.status, t.identityId, t.candidateIdentityIds, t.resolution, t.resolutionDetail === null ? null : JSON.stringify(t.resolutionDetail), done, req.ctx.actor],
      );
    }
    const seqs: string[] = [];
    for (const e of o.ledger) {
      const { rows } = await client.query<{ seq: string }>(
        `INSERT INTO identity_ledger (identity_id, kind, record_key, other_identity_id, actor, reason, explanation, model_version, cause_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING seq::text AS seq`,
        [e.identityId, e.kind, e.recordKey, e.otherIdentityId, e.actor, e.reason, e.explanation === null ? null : JSON.stringify(e.explanation), e.modelVersion, e.causeId],
      );
      seqs.push(rows[0]!.seq);
    }
    const events: CorrectionEvent[] = o.events.map(({ ledgerIndex, ...e }) => ({
      ...e, ledgerSeq: seqs[ledgerIndex]!, eventId: `${req.ctx.causeId}:${seqs[ledgerIndex]!}`, causeId: req.ctx.causeId, occurredAt: req.now,
    }));
    await this.publish(client, events);
    await appendAudit(client, { ...req.audit, resourceIds: auditIds(command, o) });
    return { kind: 'done', result: { ok: true, outcome: o, events } };
  }
}

/** The ids an audit row names for a correction: the command's task and every identity and record it changed. */
function auditIds(command: CorrectionCommand, o: CorrectionOutcome): string[] {
  const ids = new Set<string>();
  if (command.kind === 'resolve-task') ids.add(command.taskId);
  for (const i of o.touchedIdentityIds) ids.add(i);
  for (const m of o.recordMoves) ids.add(m.recordKey);
  return [...ids];
}

/**
 * Identities a command involves: the named ones and the task's, their redirect chains up to the
 * live survivor, and every identity named by an open task on any of those (holder or candidate),
 * so re-targeting sees them all.
 */
async function closure(client: PoolClient, seed: readonly string[], taskId: string | null): Promise<string[]> {
  const ids = new Set(seed);
  if (taskId !== null) {
    const { rows } = await client.query<{ identity_id: string; candidate_identity_ids: string[] }>(
      'SELECT identity_id, candidate_identity_ids FROM review_tasks WHERE id = $1', [taskId]);
    for (const r of rows) { ids.add(r.identity_id); for (const c of r.candidate_identity_ids) ids.add(c); }
  }
  for (let round = 0; round < 4; round += 1) {
    const before = ids.size;
    const { rows } = await client.query<{ id: string }>(
      `WITH RECURSIVE up(id, depth) AS (
         SELECT id, 0 FROM identities WHERE id = ANY($1::text[])
         UNION SELECT i.merged_into, up.depth + 1 FROM up JOIN identities i ON i.id = up.id WHERE i.merged_into IS NOT NULL AND up.depth < 64
       ) SELECT DISTINCT id FROM up
       UNION SELECT DISTINCT unnest(array_append(candidate_identity_ids, identity_id)) FROM review_tasks
         WHERE status = 'open' AND (identity_id = ANY($1::text[]) OR candidate_identity_ids && $1::text[])`,
      [[...ids]],
    );
    for (const r of rows) ids.add(r.id);
    if (ids.size === before) break;
  }
  return [...ids].sort();
}

interface IdentityDbRow { id: string; status: IdentityStatus; merged_into: string | null; golden: unknown }

async function lockIdentityRows(client: PoolClient, ids: readonly string[]): Promise<Map<string, IdentityDbRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await client.query<IdentityDbRow>(
    'SELECT id, status, merged_into, golden FROM identities WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [[...ids].sort()]);
  return new Map(rows.map((r) => [r.id, r]));
}

interface TaskDbRow {
  id: string; status: 'open' | 'resolved' | 'closed'; reason: string; record_key: string; identity_id: string;
  candidate_identity_ids: string[]; model_version: string; explanation: ReviewTaskExplanation;
}

async function lockTasks(client: PoolClient, identityIds: readonly string[], taskId: string | null): Promise<CorrectionTask[]> {
  const { rows } = await client.query<TaskDbRow>(
    `SELECT id, status, reason, record_key, identity_id, candidate_identity_ids, model_version, explanation FROM review_tasks
     WHERE id = $2 OR (status = 'open' AND (identity_id = ANY($1::text[]) OR candidate_identity_ids && $1::text[]))
     ORDER BY id FOR UPDATE`,
    [identityIds, taskId],
  );
  return rows.map((r) => ({
    id: r.id, status: r.status, reason: r.reason, recordKey: r.record_key, identityId: r.identity_id,
    candidateIdentityIds: r.candidate_identity_ids, modelVersion: r.model_version, candidates: r.explanation?.candidates ?? [],
  }));
}

/** A stored golden record is used only if it is one of ours (C2 stores `{}` before the first build). */
function asGolden(v: unknown): GoldenRecord | null {
  return typeof v === 'object' && v !== null && 'policyVersion' in v ? (v as GoldenRecord) : null;
}

async function loadState(client: PoolClient, identities: ReadonlyMap<string, IdentityDbRow>, tasks: readonly CorrectionTask[]): Promise<CorrectionState> {
  const ids = [...identities.keys()];
  const { rows } = await client.query<{ record_key: string; identity_id: string; source: string; person: PersonRecord; observed_ms: string }>(
    `SELECT record_key, identity_id, source, person, (extract(epoch FROM observed_at) * 1000)::bigint::text AS observed_ms
     FROM identity_records WHERE identity_id = ANY($1::text[]) ORDER BY record_key`, [ids]);
  const byIdentity = new Map<string, IdentityState['records'][number][]>();
  for (const r of rows) {
    const list = byIdentity.get(r.identity_id) ?? [];
    list.push({ recordKey: r.record_key, institution: r.source, observedAt: Number(r.observed_ms), person: r.person });
    byIdentity.set(r.identity_id, list);
  }
  const recordKeys = [...new Set([...rows.map((r) => r.record_key), ...tasks.map((t) => t.recordKey)])];
  const { rows: vetoes } = await client.query<{ record_key: string; identity_id: string }>(
    'SELECT record_key, identity_id FROM identity_vetoes WHERE identity_id = ANY($1::text[]) OR record_key = ANY($2::text[])', [ids, recordKeys]);
  const state: Record<string, IdentityState> = {};
  for (const [id, r] of identities) {
    state[id] = { id, status: r.status, mergedInto: r.merged_into, records: byIdentity.get(id) ?? [], golden: asGolden(r.golden) };
  }
  return { identities: state, tasks, vetoes: vetoes.map((v) => ({ recordKey: v.record_key, identityId: v.identity_id })) };
}
