import { newFlags, planClaims, planEvents, type BatchItem } from './group-commit-plan';

const item = (claim: string | null, ...eventIds: string[]): BatchItem => ({ claim, eventIds });

describe('group-commit plan', () => {
  it('Given two items with the same key in one batch, When planned, Then the first claims it and the second waits for the committed answer', () => {
    const plan = planClaims([item('c1 k1', 'e1'), item(null, 'e2'), item('c1 k1', 'e1'), item('c2 k1', 'e3')]);
    expect(plan.proceeding).toEqual([0, 1, 3]);
    expect(plan.deferred).toEqual([2]);
  });

  it('Given the same record twice in a batch without keys, When planned, Then only the first inserts its event id', () => {
    const items = [item(null, 'e2'), item(null, 'e1'), item(null, 'e2')];
    const plan = planEvents(items, [0, 1, 2]);
    expect(plan.candidates).toEqual(['e1', 'e2']);
    expect(plan.inserts.get(0)).toEqual([true]);
    expect(plan.inserts.get(2)).toEqual([false]);
  });

  it('Given a deferred item, When events are planned, Then its records are not candidates', () => {
    const items = [item('k', 'e1'), item('k', 'e9')];
    const claims = planClaims(items);
    const plan = planEvents(items, claims.proceeding);
    expect(plan.candidates).toEqual(['e1']);
    expect(plan.inserts.has(1)).toBe(false);
  });

  it('Given a bundle whose records the database already holds in part, When flags are computed, Then only inserted records are new', () => {
    const bundle = item(null, 'e1', 'e2', 'e1');
    const plan = planEvents([bundle], [0]);
    expect(newFlags(bundle, plan.inserts.get(0)!, new Set(['e1']))).toEqual([true, false, false]);
  });
});
