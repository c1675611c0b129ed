/**
 * The working copy a correction mutates (see corrections.ts), and the refusal it throws. Internal
 * to the corrections decider: not exported from the domain index.
 */
import { ledgerEntry, type NewLedgerEntry } from './ledger';
import type { CorrectionContext, CorrectionError, CorrectionErrorCode, CorrectionState, CorrectionTask, IdentityChange, IdentityChangeKind, IdentityState, IdentityStatus, TaskWrite, VetoState } from './corrections-types';
import type { GoldenInput } from './golden-record';

export class Refusal {
  constructor(readonly error: CorrectionError) {}
}

export function refuse(code: CorrectionErrorCode, params: Record<string, string> = {}): never {
  throw new Refusal({ code, params });
}

/** Follows merge redirects; null when an id on the way is unknown. Refuses loops (corrupt state). */
export function resolveRedirect(identities: Readonly<Record<string, IdentityState>>, id: string): string | null {
  const seen = new Set<string>();
  let cur = identities[id];
  while (cur && cur.status === 'merged' && cur.mergedInto !== null) {
    if (seen.has(cur.id)) refuse('REDIRECT_LOOP', { identityId: id });
    seen.add(cur.id);
    cur = identities[cur.mergedInto];
  }
  return cur ? cur.id : null;
}

/** The working copy a command mutates; the outcome is derived from it at the end. */
export class Work {
  readonly status = new Map<string, IdentityStatus>();
  readonly mergedInto = new Map<string, string | null>();
  readonly created = new Set<string>();
  /** Identities merged away by this command (their records' places were decided by a person). */
  readonly mergedAway = new Set<string>();
  readonly owner = new Map<string, string>();
  readonly inputs = new Map<string, GoldenInput>();
  readonly moves: { recordKey: string; from: string; to: string }[] = [];
  readonly vetoes: (VetoState & { reason: string })[] = [];
  readonly ledger: NewLedgerEntry[] = [];
  readonly events: IdentityChange[] = [];
  readonly touched = new Set<string>();
  readonly tasks = new Map<string, CorrectionTask>();
  readonly taskWrites = new Map<string, TaskWrite>();
  /** Primary change per identity: which event kind to publish and what it carries. */
  readonly primary = new Map<string, { kind: IdentityChangeKind; ledgerIndex: number; affected: string[]; mergedFrom: string[]; related: string[] }>();

  constructor(readonly state: CorrectionState, readonly ctx: CorrectionContext) {
    for (const i of Object.values(state.identities)) {
      this.status.set(i.id, i.status);
      this.mergedInto.set(i.id, i.mergedInto);
      for (const r of i.records) { this.owner.set(r.recordKey, i.id); this.inputs.set(r.recordKey, r); }
    }
    for (const t of state.tasks) this.tasks.set(t.id, t);
  }

  identity(id: string): IdentityState {
    const i = this.state.identities[id];
    if (!i) refuse('IDENTITY_NOT_FOUND', { identityId: id });
    return i;
  }

  /** An identity a command acts on: must exist and be active (a merged one is refused, not followed). */
  activeSource(id: string): IdentityState {
    const i = this.identity(id);
    if (i.status === 'merged') refuse('IDENTITY_MERGED', { identityId: id, mergedInto: resolveRedirect(this.state.identities, id) ?? '' });
    if (i.status === 'retired') refuse('IDENTITY_RETIRED', { identityId: id });
    return i;
  }

  /** An identity a command moves records into: merge redirects are followed to the survivor. */
  activeTarget(id: string): string {
    this.identity(id);
    const live = resolveRedirect(this.state.identities, id);
    if (live === null) refuse('IDENTITY_NOT_FOUND', { identityId: id });
    if (this.status.get(live) !== 'active') refuse('IDENTITY_RETIRED', { identityId: live });
    return live;
  }

  recordsOf(id: string): string[] {
    return [...this.owner.entries()].filter(([, o]) => o === id).map(([k]) => k).sort();
  }

  isVetoed(recordKey: string, identityId: string): boolean {
    return this.state.vetoes.some((v) => v.recordKey === recordKey && v.identityId === identityId)
      || this.vetoes.some((v) => v.recordKey === recordKey && v.identityId === identityId);
  }

  log(e: Omit<Parameters<typeof ledgerEntry>[0], 'actor' | 'reason' | 'causeId'> & { reason?: string }): number {
    this.ledger.push(ledgerEntry({ actor: this.ctx.actor, reason: this.ctx.reason, causeId: this.ctx.causeId, ...e }));
    this.touched.add(e.identityId);
    return this.ledger.length - 1;
  }

  setPrimary(id: string, kind: IdentityChangeKind, ledgerIndex: number, extra: { affected?: string[]; mergedFrom?: string[]; related?: string[] } = {}): void {
    const cur = this.primary.get(id);
    if (cur) {
      cur.affected.push(...(extra.affected ?? []));
      cur.mergedFrom.push(...(extra.mergedFrom ?? []));
      cur.related.push(...(extra.related ?? []));
      return;
    }
    this.primary.set(id, { kind, ledgerIndex, affected: [...(extra.affected ?? [])], mergedFrom: [...(extra.mergedFrom ?? [])], related: [...(extra.related ?? [])] });
  }

  createIdentity(id: string, related: string | null): void {
    if (this.state.identities[id] || this.created.has(id)) throw new Error('newIdentityId collides with an existing identity id');
    this.created.add(id);
    this.status.set(id, 'active');
    this.mergedInto.set(id, null);
    const at = this.log({ identityId: id, kind: 'created', otherIdentityId: related, explanation: { decision: 'manual' } });
    this.setPrimary(id, 'CREATED', at, { related: related ? [related] : [] });
  }

  /** Moves records between identities with unlinked/linked ledger entries on both sides. */
  move(recordKeys: readonly string[], from: string, to: string, explanation: Record<string, unknown> | null, modelVersion: string | null = null): void {
    for (const rk of recordKeys) {
      if (this.isVetoed(rk, to)) refuse('VETOED', { recordKey: rk, identityId: to });
      this.owner.set(rk, to);
      this.moves.push({ recordKey: rk, from, to });
      const u = this.log({ identityId: from, kind: 'unlinked', recordKey: rk, otherIdentityId: to, explanation, modelVersion });
      this.setPrimary(from, 'RECORD_UNLINKED', u, { affected: [rk] });
      const l = this.log({ identityId: to, kind: 'linked', recordKey: rk, otherIdentityId: from, explanation, modelVersion });
      this.setPrimary(to, 'RECORD_LINKED', l, { affected: [rk] });
    }
  }

  addVeto(recordKey: string, identityId: string): void {
    if (this.isVetoed(recordKey, identityId)) return;
    this.vetoes.push({ recordKey, identityId, reason: this.ctx.reason });
    this.log({ identityId, kind: 'vetoed', recordKey, explanation: { decision: 'not-the-same' } });
  }

  writeTask(t: CorrectionTask, w: Omit<TaskWrite, 'id'>): void {
    this.taskWrites.set(t.id, { id: t.id, ...w });
    this.tasks.set(t.id, { ...t, status: w.status, identityId: w.identityId, candidateIdentityIds: w.candidateIdentityIds });
  }
}
