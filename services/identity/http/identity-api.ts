import type { HttpException } from '@nestjs/common';
import type { Credential } from '../../platform/auth/credential';
import { isRetriable } from '../../platform/errors';
import type { Lang } from '../../platform/i18n/i18n';
import { classifyPgError } from '../../platform/postgres/classify-pg-error';
import type { CorrectionCommand } from '../domain/corrections';
import { sideBySide } from '../domain/review-tasks';
import { appendAudit } from '../store/corrections-audit';
import { CorrectionsReads, decodeCursor } from '../store/corrections-reads';
import { CorrectionsStore } from '../store/corrections-store';
import { apiError, correctionError, CORRECTION_STATUS, t } from './api-errors';
import type { IdentityApiDeps } from './identity-api.module';

/** Who asks, why, in which language, under which request id: every audited call carries it. */
export interface Caller {
  readonly credential: Credential;
  readonly lang: Lang;
  readonly requestId: string;
  /** X-Purpose for reads; the body's reason for corrections. */
  readonly purpose: string;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly location?: string;
}

/** Reviewers are recorded in the ledger as `user:<credential id>` (the ledger's actor convention). */
export function actorOf(c: Credential): string {
  return `user:${c.id}`;
}

/**
 * The review API's use cases, between the controllers (HTTP details) and the store. Each one
 * audits: reads append the audit row BEFORE any child's data leaves (no audit, no data: a failed
 * audit write answers 503); corrections write it inside their own transaction; refused
 * corrections are audited too, with their status.
 */
export class IdentityApi {
  private readonly reads: CorrectionsReads;
  private readonly store: CorrectionsStore;
  private readonly maxPage: number;

  constructor(private readonly deps: IdentityApiDeps) {
    this.reads = new CorrectionsReads(deps.pool);
    this.store = new CorrectionsStore(deps.pool, deps.publish);
    this.maxPage = deps.maxPageSize ?? 200;
  }

  async listTasks(caller: Caller, limit: number, cursor: string | undefined): Promise<Answer> {
    const at = cursor === undefined ? null : decodeCursor(cursor);
    if (cursor !== undefined && at === null) throw apiError(400, 'INVALID_CURSOR', caller.lang);
    const page = await this.guarded(caller, () => this.reads.openTasks(Math.min(limit, this.maxPage), at));
    const tasks = page.tasks.map((task) => {
      const holder = page.holders.get(task.recordKey) ?? task.identityId;
      const explained = task.explanation?.candidates ?? [];
      return {
        id: task.id, reason: task.reason, createdAt: task.createdAt.toISOString(), modelVersion: task.modelVersion,
        record: { recordKey: task.recordKey, identityId: holder },
        // Current candidates (re-targeted); each with the engine's comparison when one was stored for it.
        candidates: task.candidateIdentityIds.map((identityId) => {
          const e = explained.find((c) => (page.holders.get(c.explanation.recordKey) ?? c.identityId) === identityId);
          return e ? sideBySide(task.recordKey, { identityId, explanation: e.explanation }, page.persons)
            : { identityId, comparedRecordKey: null, weight: null, probability: null, rules: [], fields: [] };
        }),
      };
    });
    const ids = tasks.flatMap((t) => [t.id, t.record.recordKey, t.record.identityId, ...t.candidates.flatMap((c) => [c.identityId, ...(c.comparedRecordKey ? [c.comparedRecordKey] : [])])]);
    await this.audit(caller, 'review.list', ids, 200);
    return { status: 200, body: { tasks, nextCursor: page.nextCursor } };
  }

  async getIdentity(caller: Caller, id: string): Promise<Answer> {
    const identity = await this.guarded(caller, () => this.reads.identity(id));
    if (!identity) {
      await this.audit(caller, 'identity.read', [id], 404);
      throw apiError(404, 'IDENTITY_NOT_FOUND', caller.lang, { identityId: id });
    }
    if (identity.status === 'merged') {
      // 308: the merged id is a permanent alias of its survivor; clients re-ask with the same method and headers.
      const survivor = await this.guarded(caller, () => this.reads.survivorOf(id));
      await this.audit(caller, 'identity.read', [id, survivor ?? ''], 308);
      const location = `/v1/identities/${encodeURIComponent(survivor ?? '')}`;
      return { status: 308, location, body: { codigo: 'IDENTITY_REDIRECTED', mensaje: t(caller.lang, 'IDENTITY_REDIRECTED', { identityId: id, mergedInto: survivor ?? '' }), mergedInto: survivor, location } };
    }
    const records = await this.guarded(caller, () => this.reads.records(id));
    await this.audit(caller, 'identity.read', [id, ...records.map((r) => r.recordKey)], 200);
    return {
      status: 200,
      body: {
        id: identity.id, status: identity.status, version: identity.version,
        createdAt: identity.createdAt.toISOString(), updatedAt: identity.updatedAt.toISOString(),
        golden: identity.status === 'active' ? identity.golden : null,
        records: records.map((r) => ({
          recordKey: r.recordKey, source: r.source, sourceRecordId: r.sourceRecordId,
          observedAt: r.observedAt.toISOString(), linkedAt: r.linkedAt.toISOString(), person: r.person,
        })),
      },
    };
  }

  async explain(caller: Caller, id: string): Promise<Answer> {
    const identity = await this.guarded(caller, () => this.reads.identity(id));
    if (!identity) {
      await this.audit(caller, 'identity.explain', [id], 404);
      throw apiError(404, 'IDENTITY_NOT_FOUND', caller.lang, { identityId: id });
    }
    const records = await this.guarded(caller, () => this.reads.records(id));
    const keys = records.map((r) => r.recordKey);
    const ledger = await this.guarded(caller, () => this.reads.ledger(id, keys));
    await this.audit(caller, 'identity.explain', [id, ...keys], 200);
    const entry = (e: (typeof ledger)[number]) => ({
      seq: e.seq, at: e.at.toISOString(), identityId: e.identityId, kind: e.kind, recordKey: e.recordKey, otherIdentityId: e.otherIdentityId,
      actor: e.actor, reason: e.reason, explanation: e.explanation, modelVersion: e.modelVersion, causeId: e.causeId,
    });
    return {
      status: 200,
      body: {
        id, status: identity.status, mergedInto: identity.mergedInto,
        // Why each record is here: the entry that put it in this identity (last link-type entry), and its whole history.
        records: keys.map((k) => {
          const history = ledger.filter((e) => e.recordKey === k);
          const why = [...history].reverse().find((e) => e.identityId === id && (e.kind === 'linked' || e.kind === 'created' || e.kind === 'review-resolved'));
          return { recordKey: k, why: why ? entry(why) : null, history: history.map(entry) };
        }),
        history: ledger.filter((e) => e.identityId === id).map(entry),
      },
    };
  }

  resolve(caller: Caller, taskId: string, decision: 'link' | 'new' | 'not-the-same', identityId: string | undefined): Promise<Answer> {
    const command: CorrectionCommand = decision === 'link'
      ? { kind: 'resolve-task', taskId, decision, identityId: identityId! }
      : decision === 'new' ? { kind: 'resolve-task', taskId, decision }
        : { kind: 'resolve-task', taskId, decision, ...(identityId ? { identityId } : {}) };
    return this.correct(caller, 'review.resolve', command, [taskId, ...(identityId ? [identityId] : [])]);
  }

  merge(caller: Caller, id: string, into: string): Promise<Answer> {
    return this.correct(caller, 'identity.merge', { kind: 'merge', identityId: id, into }, [id, into]);
  }

  split(caller: Caller, id: string, recordKeys: readonly string[], into: string | undefined): Promise<Answer> {
    return this.correct(caller, 'identity.split', { kind: 'split', identityId: id, recordKeys, ...(into ? { into } : {}) }, [id, ...(into ? [into] : []), ...recordKeys]);
  }

  private async correct(caller: Caller, action: string, command: CorrectionCommand, named: readonly string[]): Promise<Answer> {
    const now = this.deps.now();
    const applied = await this.guarded(caller, () => this.store.apply({
      command, now,
      ctx: { actor: actorOf(caller.credential), reason: caller.purpose, causeId: caller.requestId, newIdentityId: this.deps.newIdentityId(), policy: this.deps.policy },
      audit: { credentialId: caller.credential.id, action, purpose: caller.purpose, requestId: caller.requestId, status: 200 },
    }));
    if (!applied.ok) {
      await this.audit(caller, action, named, CORRECTION_STATUS[applied.error.code]);
      throw correctionError(applied.error, caller.lang);
    }
    const o = applied.outcome;
    return {
      status: 200,
      body: {
        identities: o.identities.map((i) => ({ id: i.id, created: i.created, status: i.status, mergedInto: i.mergedInto })),
        moved: o.recordMoves,
        tasks: o.tasks.map((t) => ({ id: t.id, status: t.status, identityId: t.identityId, candidateIdentityIds: t.candidateIdentityIds, resolution: t.resolution })),
        vetoes: o.vetoes.map((v) => ({ recordKey: v.recordKey, identityId: v.identityId })),
        ledgerSeqs: applied.events.map((e) => e.ledgerSeq),
      },
    };
  }

  private async audit(caller: Caller, action: string, ids: readonly string[], status: number): Promise<void> {
    await this.guarded(caller, () => appendAudit(this.deps.pool, {
      credentialId: caller.credential.id, action, resourceIds: ids.filter(Boolean), purpose: caller.purpose, requestId: caller.requestId, status,
    }));
  }

  /** Store failures: 503 (retriable) or 500, logged by code only. */
  private async guarded<T>(caller: Caller, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (isHttpException(err)) throw err;
      const e = classifyPgError(err);
      this.deps.log.error({ requestId: caller.requestId, err: e instanceof Error ? e.message : String(e) }, 'identity api: store failed');
      throw apiError(isRetriable(e) ? 503 : 500, isRetriable(e) ? 'UNAVAILABLE' : 'INTERNAL', caller.lang);
    }
  }
}

function isHttpException(e: unknown): e is HttpException {
  return typeof e === 'object' && e !== null && typeof (e as HttpException).getStatus === 'function';
}

