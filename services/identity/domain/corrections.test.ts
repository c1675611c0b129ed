import { aRecord, aState, aTask, anIdentity } from '../../../test/builders/identity-corrections';
import { applyCorrection, type CorrectionCommand, type CorrectionContext, type CorrectionOutcome, type CorrectionState } from './corrections';

const ctx: CorrectionContext = { actor: 'user:0123456789abcdef', reason: 'revisión de documentos', causeId: 'req-1', newIdentityId: 'NNA-NEW' };

function ok(state: CorrectionState, cmd: CorrectionCommand): CorrectionOutcome {
  const r = applyCorrection(state, cmd, ctx);
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r.outcome;
}
function refused(state: CorrectionState, cmd: CorrectionCommand): string {
  const r = applyCorrection(state, cmd, ctx);
  if (r.ok) throw new Error('expected a refusal');
  return r.error.code;
}
const kinds = (o: CorrectionOutcome, id: string) => o.ledger.filter((e) => e.identityId === id).map((e) => e.kind);
const identity = (o: CorrectionOutcome, id: string) => o.identities.find((i) => i.id === id);
const task = (o: CorrectionOutcome, id: string) => o.tasks.find((t) => t.id === id);

/** A: two health records; B: one court record; P: the record under review alone (provisional). */
function world(): CorrectionState {
  return aState([
    anIdentity('A', [aRecord('HEALTH|H1'), aRecord('HEALTH|H2')]),
    anIdentity('B', [aRecord('TRIBUNAL|T1', { run: '15.222.333-1' })]),
    anIdentity('P', [aRecord('SCHOOL|S1')]),
  ], [aTask('t1', 'SCHOOL|S1', 'P', ['A', 'B'], { candidates: [{ identityId: 'A', explanation: { recordKey: 'HEALTH|H1', weight: 7.5, probability: 0.9, fields: [], rules: [] } }] })]);
}

describe('applyCorrection: resolving review tasks', () => {
  it('Given a task, When resolved as link to candidate A, Then the record moves to A, the empty provisional identity retires, and the ledger explains it', () => {
    const o = ok(world(), { kind: 'resolve-task', taskId: 't1', decision: 'link', identityId: 'A' });
    expect(o.recordMoves).toEqual([{ recordKey: 'SCHOOL|S1', from: 'P', to: 'A' }]);
    expect(identity(o, 'P')).toMatchObject({ status: 'retired', golden: null });
    expect(identity(o, 'A')?.golden?.recordCount).toBe(3);
    expect(task(o, 't1')).toMatchObject({ status: 'resolved', resolution: 'link', identityId: 'A' });
    expect(kinds(o, 'A')).toEqual(expect.arrayContaining(['linked', 'review-resolved']));
    expect(kinds(o, 'P')).toEqual(['unlinked', 'retired']);
    const linked = o.ledger.find((e) => e.kind === 'linked')!;
    expect(linked).toMatchObject({ actor: ctx.actor, reason: ctx.reason, causeId: 'req-1', modelVersion: 'm-1', recordKey: 'SCHOOL|S1' });
    expect(linked.explanation?.pairs).toEqual([expect.objectContaining({ weight: 7.5 })]);
    // In ledger order: P's last entry (retired) comes after A's link.
    expect(o.events.map((e) => [e.childId, e.kind])).toEqual([['A', 'RECORD_LINKED'], ['P', 'RETIRED']]);
    expect(o.events.find((e) => e.childId === 'A')).toMatchObject({ recordKeys: ['HEALTH|H1', 'HEALTH|H2', 'SCHOOL|S1'], affectedRecordKeys: ['SCHOOL|S1'], underReview: false });
  });

  it('Given a task, When linked to an identity that is not a candidate, Then it is refused', () => {
    const s = aState([...Object.values(world().identities), anIdentity('C', [aRecord('SENAME|X1')])], world().tasks);
    expect(refused(s, { kind: 'resolve-task', taskId: 't1', decision: 'link', identityId: 'C' })).toBe('NOT_A_CANDIDATE');
  });

  it('Given a candidate merged meanwhile, When linked to its old id, Then the link follows the redirect to the survivor', () => {
    const s = aState([
      anIdentity('A', [], { status: 'merged', mergedInto: 'B' }), anIdentity('B', [aRecord('TRIBUNAL|T1'), aRecord('HEALTH|H1')]), anIdentity('P', [aRecord('SCHOOL|S1')]),
    ], [aTask('t1', 'SCHOOL|S1', 'P', ['A'])]);
    const o = ok(s, { kind: 'resolve-task', taskId: 't1', decision: 'link', identityId: 'A' });
    expect(o.recordMoves).toEqual([{ recordKey: 'SCHOOL|S1', from: 'P', to: 'B' }]);
  });

  it('Given a task, When resolved as new identity, Then the record keeps its own provisional identity and no veto is stored', () => {
    const o = ok(world(), { kind: 'resolve-task', taskId: 't1', decision: 'new' });
    expect(o.recordMoves).toEqual([]);
    expect(o.vetoes).toEqual([]);
    expect(task(o, 't1')).toMatchObject({ status: 'resolved', resolution: 'new-identity', identityId: 'P' });
    expect(o.events).toEqual([expect.objectContaining({ childId: 'P', kind: 'RECORD_LINKED', underReview: false })]);
  });

  it('Given a record provisionally linked into candidate A, When resolved as new, Then it moves out to a fresh identity', () => {
    const s = aState([anIdentity('A', [aRecord('HEALTH|H1'), aRecord('SCHOOL|S1')]), anIdentity('B', [aRecord('TRIBUNAL|T1')])], [aTask('t1', 'SCHOOL|S1', 'A', ['B'])]);
    const o = ok(s, { kind: 'resolve-task', taskId: 't1', decision: 'new' });
    expect(o.recordMoves).toEqual([{ recordKey: 'SCHOOL|S1', from: 'A', to: 'NNA-NEW' }]);
    expect(identity(o, 'NNA-NEW')).toMatchObject({ created: true, status: 'active' });
    expect(kinds(o, 'NNA-NEW')).toEqual(['created', 'linked', 'review-resolved', 'golden-changed']);
  });

  it('Given a task, When resolved as not-the-same, Then every candidate is vetoed for the record (the engine\'s hard veto)', () => {
    const o = ok(world(), { kind: 'resolve-task', taskId: 't1', decision: 'not-the-same' });
    expect(o.vetoes.map((v) => [v.recordKey, v.identityId])).toEqual([['SCHOOL|S1', 'A'], ['SCHOOL|S1', 'B']]);
    expect(task(o, 't1')).toMatchObject({ status: 'resolved', resolution: 'not-the-same' });
    expect(kinds(o, 'A')).toEqual(['vetoed']);
  });

  it('Given two candidates, When one is declared not-the-same, Then it is vetoed and the task stays open on the other', () => {
    const o = ok(world(), { kind: 'resolve-task', taskId: 't1', decision: 'not-the-same', identityId: 'A' });
    expect(o.vetoes.map((v) => v.identityId)).toEqual(['A']);
    expect(task(o, 't1')).toMatchObject({ status: 'open', candidateIdentityIds: ['B'] });
  });

  it('Given a resolved task, When resolved again, Then it is refused', () => {
    const s = aState(Object.values(world().identities), [aTask('t1', 'SCHOOL|S1', 'P', ['A'], { status: 'resolved' })]);
    expect(refused(s, { kind: 'resolve-task', taskId: 't1', decision: 'new' })).toBe('TASK_NOT_OPEN');
    expect(refused(s, { kind: 'resolve-task', taskId: 'nope', decision: 'new' })).toBe('TASK_NOT_FOUND');
  });

  it('Given a veto of the record against A, When linked to A, Then it is refused', () => {
    const s = aState(Object.values(world().identities), world().tasks, [{ recordKey: 'SCHOOL|S1', identityId: 'A' }]);
    expect(refused(s, { kind: 'resolve-task', taskId: 't1', decision: 'link', identityId: 'A' })).toBe('VETOED');
  });
});

describe('applyCorrection: manual merge', () => {
  it('Given A and B, When A is merged into B, Then A redirects to B with all its records, keeps its id, and both ledgers say so', () => {
    const o = ok(world(), { kind: 'merge', identityId: 'A', into: 'B' });
    expect(identity(o, 'A')).toMatchObject({ status: 'merged', mergedInto: 'B', golden: null, created: false });
    expect(o.recordMoves.map((m) => m.recordKey)).toEqual(['HEALTH|H1', 'HEALTH|H2']);
    expect(identity(o, 'B')?.golden?.run?.value).toBe('12345678-5'); // HEALTH outranks TRIBUNAL for the RUN
    expect(kinds(o, 'A')).toEqual(['merged']);
    expect(kinds(o, 'B')).toEqual(['merged', 'linked', 'linked', 'golden-changed']);
    expect(o.events.map((e) => [e.childId, e.kind, e.mergedInto, e.mergedFrom])).toEqual([['A', 'MERGED', 'B', []], ['B', 'RECORD_LINKED', null, ['A']]]);
  });

  it('Given an open task with candidates A and B, When A is merged into B, Then the task re-targets to B only', () => {
    const o = ok(world(), { kind: 'merge', identityId: 'A', into: 'B' });
    expect(task(o, 't1')).toMatchObject({ status: 'open', identityId: 'P', candidateIdentityIds: ['B'] });
    expect(o.events.find((e) => e.childId === 'B')?.underReview).toBe(true);
  });

  it('Given a task whose only candidate is merged into the task\'s own identity, When merged, Then the task closes', () => {
    const s = aState(Object.values(world().identities), [aTask('t2', 'SCHOOL|S1', 'P', ['A'])]);
    const o = ok(s, { kind: 'merge', identityId: 'A', into: 'P' });
    expect(task(o, 't2')).toMatchObject({ status: 'closed', resolution: 'no-candidates-left' });
    expect(kinds(o, 'P')).toContain('review-closed');
  });

  it('Given an open task whose provisional identity a reviewer merges into candidate A, When merged, Then the task closes as resolved by the merge', () => {
    const o = ok(world(), { kind: 'merge', identityId: 'P', into: 'A' });
    expect(task(o, 't1')).toMatchObject({ status: 'closed', identityId: 'A', resolution: 'resolved-by-merge' });
    expect(o.ledger.filter((e) => e.kind === 'review-closed').map((e) => e.identityId)).toEqual(['A']);
    expect(o.events.find((e) => e.childId === 'A')?.underReview).toBe(false);
  });

  it('Given invalid merges, When asked, Then each is refused with its own code', () => {
    const s = aState([...Object.values(world().identities), anIdentity('M', [], { status: 'merged', mergedInto: 'A' }), anIdentity('R', [], { status: 'retired' })]);
    expect(refused(s, { kind: 'merge', identityId: 'A', into: 'A' })).toBe('SAME_IDENTITY');
    expect(refused(s, { kind: 'merge', identityId: 'A', into: 'M' })).toBe('SAME_IDENTITY'); // M redirects to A
    expect(refused(s, { kind: 'merge', identityId: 'M', into: 'B' })).toBe('IDENTITY_MERGED');
    expect(refused(s, { kind: 'merge', identityId: 'A', into: 'R' })).toBe('IDENTITY_RETIRED');
    expect(refused(s, { kind: 'merge', identityId: 'A', into: 'Z' })).toBe('IDENTITY_NOT_FOUND');
  });

  it('Given a merged target, When merging into it, Then the redirect is followed to the survivor', () => {
    const s = aState([...Object.values(world().identities), anIdentity('M', [], { status: 'merged', mergedInto: 'B' })]);
    const o = ok(s, { kind: 'merge', identityId: 'A', into: 'M' });
    expect(identity(o, 'A')?.mergedInto).toBe('B');
  });

  it('Given a reviewer vetoed a record of A against B, When merging A into B, Then it is refused (a veto is never overruled silently)', () => {
    const s = aState(Object.values(world().identities), [], [{ recordKey: 'HEALTH|H1', identityId: 'B' }]);
    expect(refused(s, { kind: 'merge', identityId: 'A', into: 'B' })).toBe('VETO_CONFLICT');
  });

  it('Given a veto of another record against A, When A is merged into B, Then the veto also holds against B', () => {
    const s = aState(Object.values(world().identities), [], [{ recordKey: 'SCHOOL|S1', identityId: 'A' }]);
    const o = ok(s, { kind: 'merge', identityId: 'A', into: 'B' });
    expect(o.vetoes.map((v) => [v.recordKey, v.identityId])).toEqual([['SCHOOL|S1', 'B']]);
  });
});

describe('applyCorrection: split and unlink', () => {
  it('Given A with two records, When one is split out, Then it goes to a new identity and both golden records are rebuilt', () => {
    const o = ok(world(), { kind: 'split', identityId: 'A', recordKeys: ['HEALTH|H2'] });
    expect(o.recordMoves).toEqual([{ recordKey: 'HEALTH|H2', from: 'A', to: 'NNA-NEW' }]);
    expect(identity(o, 'NNA-NEW')).toMatchObject({ created: true, status: 'active' });
    expect(identity(o, 'A')?.golden?.recordCount).toBe(1);
    expect(kinds(o, 'A')).toEqual(['split', 'unlinked']);
    expect(o.events.map((e) => [e.childId, e.kind, e.relatedChildIds])).toEqual([['NNA-NEW', 'CREATED', ['A']], ['A', 'SPLIT', ['NNA-NEW']]]);
  });

  it('Given a split into an existing identity, When applied, Then the records join it and its golden record changes where they win', () => {
    const o = ok(world(), { kind: 'split', identityId: 'A', recordKeys: ['HEALTH|H2'], into: 'B' });
    expect(o.recordMoves).toEqual([{ recordKey: 'HEALTH|H2', from: 'A', to: 'B' }]);
    expect(o.identities.some((i) => i.created)).toBe(false);
    expect(kinds(o, 'B')).toEqual(['linked', 'golden-changed']);
    expect(o.ledger.find((e) => e.kind === 'golden-changed')?.explanation).toMatchObject({ fields: ['run'] });
  });

  it('Given an open task whose record is split out, When applied, Then the task follows its record; tasks asking about A also ask about the new part', () => {
    const s = aState([
      anIdentity('A', [aRecord('HEALTH|H1'), aRecord('SCHOOL|S1')]), anIdentity('B', [aRecord('TRIBUNAL|T1')]), anIdentity('C', [aRecord('SENAME|X1')]),
    ], [aTask('t1', 'SCHOOL|S1', 'A', ['B']), aTask('t2', 'SENAME|X1', 'C', ['A'])]);
    const o = ok(s, { kind: 'split', identityId: 'A', recordKeys: ['SCHOOL|S1'] });
    expect(task(o, 't1')).toMatchObject({ status: 'open', identityId: 'NNA-NEW', candidateIdentityIds: ['B'] });
    expect(task(o, 't2')).toMatchObject({ status: 'open', identityId: 'C', candidateIdentityIds: ['A', 'NNA-NEW'] });
  });

  it('Given invalid splits, When asked, Then each is refused', () => {
    const s = world();
    expect(refused(s, { kind: 'split', identityId: 'A', recordKeys: ['HEALTH|H1', 'HEALTH|H2'] })).toBe('SPLIT_ALL_RECORDS');
    expect(refused(s, { kind: 'split', identityId: 'A', recordKeys: ['TRIBUNAL|T1'] })).toBe('RECORD_NOT_IN_IDENTITY');
    expect(refused(s, { kind: 'split', identityId: 'A', recordKeys: [] })).toBe('NO_RECORDS');
    expect(refused(s, { kind: 'split', identityId: 'A', recordKeys: ['HEALTH|H1'], into: 'A' })).toBe('SAME_IDENTITY');
    const vetoed = aState(Object.values(s.identities), [], [{ recordKey: 'HEALTH|H1', identityId: 'B' }]);
    expect(refused(vetoed, { kind: 'split', identityId: 'A', recordKeys: ['HEALTH|H1'], into: 'B' })).toBe('VETOED');
  });

  it('Given A with two records, When one is unlinked, Then it gets its own identity with unlinked/linked entries and no split entry', () => {
    const o = ok(world(), { kind: 'unlink', identityId: 'A', recordKey: 'HEALTH|H1' });
    expect(o.recordMoves).toEqual([{ recordKey: 'HEALTH|H1', from: 'A', to: 'NNA-NEW' }]);
    // Same values in H2: no golden-changed entry, but the stored provenance now names H2.
    expect(kinds(o, 'A')).toEqual(['unlinked']);
    expect(identity(o, 'A')?.golden?.run?.provenance.recordKey).toBe('HEALTH|H2');
    expect(o.events.find((e) => e.childId === 'A')?.kind).toBe('RECORD_UNLINKED');
  });
});

describe('applyCorrection: purity', () => {
  it('Given a state, When a command is decided, Then the input state is not modified and the same input gives the same outcome', () => {
    const s = world();
    const before = JSON.stringify(s);
    const a = applyCorrection(s, { kind: 'merge', identityId: 'A', into: 'B' }, ctx);
    expect(JSON.stringify(s)).toBe(before);
    expect(applyCorrection(s, { kind: 'merge', identityId: 'A', into: 'B' }, ctx)).toEqual(a);
  });
});
