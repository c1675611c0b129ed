/**
 * Corrections by people: resolving review tasks, manual merges, splits and unlinks. Pure: given
 * the current state of the identities involved (with their records, open tasks and vetoes) and
 * a command, decide the state changes, the link-ledger entries and the identity events, or
 * refuse the command with a typed error. The store (store/corrections-*.ts) loads the state
 * under locks and applies the outcome in one transaction.
 *
 * Invariants kept here: each source record belongs to exactly one identity; a merged identity
 * keeps its id as a redirect to its survivor and is never reused; a veto ("not the same child")
 * is never contradicted by a correction; open tasks follow the identities they refer to.
 */
import { buildGoldenRecord, changedGoldenFields, DEFAULT_SURVIVORSHIP_POLICY } from './golden-record';
import type { PairExplanation } from './matching';
import { retargetTask } from './review-tasks';
export * from './corrections-types';
export { resolveRedirect } from './correction-work';
import { Refusal, refuse, resolveRedirect, Work } from './correction-work';
import type { CorrectionCommand, CorrectionContext, CorrectionOutcome, CorrectionResult, CorrectionState, CorrectionTask, IdentityChange, IdentityWrite } from './corrections-types';


function openTask(w: Work, taskId: string): CorrectionTask {
  const t = w.tasks.get(taskId);
  if (!t) refuse('TASK_NOT_FOUND', { taskId });
  if (t.status !== 'open') refuse('TASK_NOT_OPEN', { taskId, status: t.status });
  return t;
}

function explanationFor(t: CorrectionTask, identityId: string): PairExplanation | null {
  return t.candidates?.find((c) => c.identityId === identityId)?.explanation ?? null;
}

/**
 * Takes the task's record out of its provisional identity into a fresh one when that identity
 * also holds other records (the record was provisionally linked to a candidate); keeps it where
 * it is when the provisional identity is the record's own. Returns where the record ends up.
 */
function ensureOwnIdentity(w: Work, t: CorrectionTask, detail: Record<string, unknown>): string {
  const holder = w.owner.get(t.recordKey) ?? t.identityId;
  const others = w.recordsOf(holder).filter((k) => k !== t.recordKey);
  if (others.length === 0 && !w.isVetoed(t.recordKey, holder)) return holder;
  w.createIdentity(w.ctx.newIdentityId, holder);
  w.move([t.recordKey], holder, w.ctx.newIdentityId, detail, t.modelVersion);
  return w.ctx.newIdentityId;
}

function resolveTask(w: Work, cmd: Extract<CorrectionCommand, { kind: 'resolve-task' }>): void {
  const t = openTask(w, cmd.taskId);
  const detail = { taskId: t.id, decision: cmd.decision, taskReason: t.reason };
  const holder = w.owner.get(t.recordKey) ?? t.identityId;
  if (cmd.decision === 'link') {
    const target = w.activeTarget(cmd.identityId);
    const candidates = t.candidateIdentityIds.map((c) => resolveRedirect(w.state.identities, c));
    if (!candidates.includes(target) && target !== holder) refuse('NOT_A_CANDIDATE', { taskId: t.id, identityId: cmd.identityId });
    const pair = explanationFor(t, target);
    if (target !== holder) w.move([t.recordKey], holder, target, { ...detail, pairs: pair ? [pair] : [] }, t.modelVersion);
    const at = w.log({ identityId: target, kind: 'review-resolved', recordKey: t.recordKey, explanation: { ...detail, pairs: pair ? [pair] : [] }, modelVersion: t.modelVersion });
    w.setPrimary(target, 'RECORD_LINKED', at, { affected: [t.recordKey] });
    w.writeTask(t, { status: 'resolved', identityId: target, candidateIdentityIds: t.candidateIdentityIds, resolution: 'link', resolutionDetail: { identityId: target } });
    return;
  }
  if (cmd.decision === 'not-the-same' && cmd.identityId !== undefined) {
    // One candidate is ruled out; the task goes on with the others, if any.
    const vetoed = w.activeTarget(cmd.identityId);
    const candidates = t.candidateIdentityIds.map((c) => resolveRedirect(w.state.identities, c));
    if (!candidates.includes(vetoed) && vetoed !== holder) refuse('NOT_A_CANDIDATE', { taskId: t.id, identityId: cmd.identityId });
    w.addVeto(t.recordKey, vetoed);
    const remaining = candidates.filter((c): c is string => c !== null && c !== vetoed && c !== holder);
    if (remaining.length > 0) {
      const home = vetoed === holder ? ensureOwnIdentity(w, t, detail) : holder;
      w.writeTask(t, { status: 'open', identityId: home, candidateIdentityIds: [...new Set(remaining)], resolution: null, resolutionDetail: null });
      return;
    }
  }
  const home = ensureOwnIdentity(w, t, detail);
  if (cmd.decision === 'not-the-same' && cmd.identityId === undefined) {
    for (const c of t.candidateIdentityIds) {
      const live = resolveRedirect(w.state.identities, c);
      if (live !== null && live !== home) w.addVeto(t.recordKey, live);
    }
  }
  const at = w.log({ identityId: home, kind: 'review-resolved', recordKey: t.recordKey, explanation: detail, modelVersion: t.modelVersion });
  w.setPrimary(home, 'RECORD_LINKED', at, { affected: [t.recordKey] });
  w.writeTask(t, {
    status: 'resolved', identityId: home, candidateIdentityIds: t.candidateIdentityIds,
    resolution: cmd.decision === 'new' ? 'new-identity' : 'not-the-same', resolutionDetail: { identityId: home },
  });
}

function merge(w: Work, cmd: Extract<CorrectionCommand, { kind: 'merge' }>): void {
  const from = w.activeSource(cmd.identityId);
  const into = w.activeTarget(cmd.into);
  if (into === from.id) refuse('SAME_IDENTITY', { identityId: from.id });
  const fromRecords = w.recordsOf(from.id);
  const intoRecords = w.recordsOf(into);
  // A reviewer said some record is not this child: merging would silently overrule them.
  for (const rk of fromRecords) if (w.isVetoed(rk, into)) refuse('VETO_CONFLICT', { recordKey: rk, identityId: into });
  for (const rk of intoRecords) if (w.isVetoed(rk, from.id)) refuse('VETO_CONFLICT', { recordKey: rk, identityId: from.id });

  const m = w.log({ identityId: from.id, kind: 'merged', otherIdentityId: into, explanation: { decision: 'manual-merge', direction: 'merged-into', recordKeys: fromRecords } });
  w.setPrimary(from.id, 'MERGED', m, { affected: fromRecords });
  const s = w.log({ identityId: into, kind: 'merged', otherIdentityId: from.id, explanation: { decision: 'manual-merge', direction: 'absorbed', recordKeys: fromRecords } });
  w.setPrimary(into, 'RECORD_LINKED', s, { mergedFrom: [from.id] });
  for (const rk of fromRecords) {
    w.owner.set(rk, into);
    w.moves.push({ recordKey: rk, from: from.id, to: into });
    const l = w.log({ identityId: into, kind: 'linked', recordKey: rk, otherIdentityId: from.id, explanation: { decision: 'manual-merge' } });
    w.setPrimary(into, 'RECORD_LINKED', l, { affected: [rk] });
  }
  w.status.set(from.id, 'merged');
  w.mergedInto.set(from.id, into);
  w.mergedAway.add(from.id);
  // "Record r is not child A" and A is B: r is not B either.
  for (const v of w.state.vetoes) if (v.identityId === from.id && w.owner.get(v.recordKey) !== into) w.addVeto(v.recordKey, into);
}

function split(w: Work, identityId: string, recordKeys: readonly string[], into: string | undefined, kind: 'split' | 'unlink'): void {
  const source = w.activeSource(identityId);
  if (recordKeys.length === 0) refuse('NO_RECORDS', { identityId });
  const keys = [...new Set(recordKeys)].sort();
  const own = new Set(w.recordsOf(source.id));
  for (const k of keys) if (!own.has(k)) refuse('RECORD_NOT_IN_IDENTITY', { identityId, recordKey: k });
  if (keys.length === own.size) refuse('SPLIT_ALL_RECORDS', { identityId });
  let target: string;
  if (into !== undefined) {
    target = w.activeTarget(into);
    if (target === source.id) refuse('SAME_IDENTITY', { identityId });
  } else {
    target = w.ctx.newIdentityId;
    w.createIdentity(target, source.id);
  }
  for (const k of keys) if (w.isVetoed(k, target)) refuse('VETOED', { recordKey: k, identityId: target });
  if (kind === 'split') {
    const at = w.log({ identityId: source.id, kind: 'split', otherIdentityId: target, explanation: { decision: 'manual-split', recordKeys: keys } });
    w.setPrimary(source.id, 'SPLIT', at, { related: [target] });
  }
  w.move(keys, source.id, target, { decision: kind === 'split' ? 'manual-split' : 'manual-unlink' });
  // Tasks that asked "is this record one of S?" must now also ask about the part split off S.
  for (const t of [...w.tasks.values()]) {
    if (t.status === 'open' && t.candidateIdentityIds.includes(source.id) && !t.candidateIdentityIds.includes(target)) {
      w.writeTask(t, { status: 'open', identityId: t.identityId, candidateIdentityIds: [...t.candidateIdentityIds, target], resolution: null, resolutionDetail: null });
    }
  }
}

/**
 * Re-targets or closes every open task after the command: a task whose record's identity was
 * merged away by a person closes (that person decided where the record belongs); every other
 * open task follows review-tasks.ts retargetTask (redirects, moved records, dropped candidates).
 */
function followTasks(w: Work): void {
  const view = {
    resolve: (id: string) => {
      if (w.created.has(id)) return id;
      if (!w.status.has(id)) return null;
      let cur = id;
      const seen = new Set<string>();
      while (w.status.get(cur) === 'merged' && !seen.has(cur)) { seen.add(cur); cur = w.mergedInto.get(cur) ?? cur; }
      return cur;
    },
    identityOfRecord: (rk: string) => w.owner.get(rk) ?? null,
    isActive: (id: string) => w.status.get(id) === 'active' && (w.created.has(id) || w.recordsOf(id).length > 0),
    isVetoed: (rk: string, id: string) => w.isVetoed(rk, id),
  };
  for (const t of [...w.tasks.values()]) {
    if (t.status === 'open' && w.mergedAway.has(t.identityId)) {
      // The record under review sat in an identity a person merged into another: its place is decided.
      const to = view.resolve(t.identityId) ?? t.identityId;
      w.writeTask(t, { status: 'closed', identityId: to, candidateIdentityIds: t.candidateIdentityIds, resolution: 'resolved-by-merge', resolutionDetail: { mergedInto: to } });
      w.log({ identityId: to, kind: 'review-closed', recordKey: t.recordKey, explanation: { taskId: t.id, closedBecause: 'resolved-by-merge' } });
      continue;
    }
    const r = retargetTask(t, view);
    if (r.kind === 'retargeted') {
      w.writeTask(t, { status: 'open', identityId: r.identityId, candidateIdentityIds: r.candidateIdentityIds, resolution: null, resolutionDetail: null });
    } else if (r.kind === 'closed') {
      w.writeTask(t, { status: 'closed', identityId: r.identityId, candidateIdentityIds: t.candidateIdentityIds, resolution: r.reason, resolutionDetail: null });
      w.log({ identityId: r.identityId, kind: 'review-closed', recordKey: t.recordKey, explanation: { taskId: t.id, closedBecause: r.reason } });
    }
  }
}

function finish(w: Work): CorrectionOutcome {
  const policy = w.ctx.policy ?? DEFAULT_SURVIVORSHIP_POLICY;
  const ids = [...new Set([...w.touched, ...w.moves.flatMap((m) => [m.from, m.to])])].sort();
  const identities: IdentityWrite[] = [];
  for (const id of ids) {
    const records = w.recordsOf(id);
    let status = w.status.get(id) ?? 'active';
    if (status === 'active' && records.length === 0) {
      // Its last record left: the id stays (never reused), answers as retired.
      status = 'retired';
      w.status.set(id, status);
      const at = w.log({ identityId: id, kind: 'retired', explanation: { decision: 'no-records-left' } });
      w.primary.set(id, { kind: 'RETIRED', ledgerIndex: at, affected: w.primary.get(id)?.affected ?? [], mergedFrom: [], related: [] });
    }
    const before = w.state.identities[id]?.golden ?? null;
    const golden = status === 'active' ? buildGoldenRecord(records.map((k) => w.inputs.get(k)!), policy) : null;
    if (golden) {
      const fields = changedGoldenFields(before, golden);
      if (fields.length > 0) {
        const at = w.log({ identityId: id, kind: 'golden-changed', explanation: { fields, policyVersion: policy.version } });
        if (!w.primary.has(id)) w.primary.set(id, { kind: 'GOLDEN_CHANGED', ledgerIndex: at, affected: [], mergedFrom: [], related: [] });
      }
    }
    identities.push({ id, created: w.created.has(id), status, mergedInto: w.mergedInto.get(id) ?? null, golden });
  }
  const underReview = (id: string) => [...w.tasks.values()].some((t) => t.status === 'open' && (t.identityId === id || t.candidateIdentityIds.includes(id)));
  const events: IdentityChange[] = [];
  for (const [id, p] of [...w.primary.entries()].sort(([, a], [, b]) => a.ledgerIndex - b.ledgerIndex)) {
    const write = identities.find((i) => i.id === id)!;
    const live = write.status === 'active';
    events.push({
      childId: id, kind: p.kind, status: write.status === 'active' ? 'ACTIVE' : write.status === 'merged' ? 'MERGED' : 'RETIRED',
      affectedRecordKeys: [...new Set(p.affected)].sort(), recordKeys: live ? w.recordsOf(id) : [],
      mergedInto: write.mergedInto, mergedFrom: [...new Set(p.mergedFrom)], relatedChildIds: [...new Set(p.related)],
      underReview: live && underReview(id), golden: write.golden, ledgerIndex: p.ledgerIndex,
      actor: w.ctx.actor, reason: w.ctx.reason, modelVersion: null,
    });
  }
  return {
    identities, recordMoves: w.moves, tasks: [...w.taskWrites.values()], vetoes: w.vetoes, ledger: w.ledger, events,
    touchedIdentityIds: ids,
  };
}

/** Decides a correction. Never throws for a refused command: returns its typed error. */
export function applyCorrection(state: CorrectionState, command: CorrectionCommand, ctx: CorrectionContext): CorrectionResult {
  const w = new Work(state, ctx);
  try {
    switch (command.kind) {
      case 'resolve-task': resolveTask(w, command); break;
      case 'merge': merge(w, command); break;
      case 'split': split(w, command.identityId, command.recordKeys, command.into, 'split'); break;
      case 'unlink': split(w, command.identityId, [command.recordKey], undefined, 'unlink'); break;
    }
    followTasks(w);
    return { ok: true, outcome: finish(w) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.error };
    throw e;
  }
}

/** Identity ids a command names directly (the store loads these, their redirect chains and their tasks' identities). */
export function identitiesNamedBy(command: CorrectionCommand): readonly string[] {
  switch (command.kind) {
    case 'resolve-task': return 'identityId' in command && command.identityId ? [command.identityId] : [];
    case 'merge': return [command.identityId, command.into];
    case 'split': return command.into ? [command.identityId, command.into] : [command.identityId];
    case 'unlink': return [command.identityId];
  }
}
