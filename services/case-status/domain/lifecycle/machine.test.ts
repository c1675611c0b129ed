import { LIFECYCLE } from '../../config/lifecycle';
import { aCourt, aStay } from '../../../../test/builders/case-events';
import { INITIAL_CASE_STATE, advanceTo, decide, evolve } from './machine';

describe('lifecycle table (data)', () => {
  const states = new Set(LIFECYCLE.states.map((s) => s.id));

  it('Given the table, When checked, Then every transition names known states and at least one institution', () => {
    for (const t of LIFECYCLE.transitions) {
      for (const f of t.from) expect(f === 'NONE' || states.has(f)).toBe(true);
      if (t.to !== null) expect(states.has(t.to)).toBe(true);
      expect(t.institutions.length).toBeGreaterThan(0);
    }
    for (const a of LIFECYCLE.automatic) expect(states.has(a.from) && states.has(a.to)).toBe(true);
  });

  it('Given the states S0-S12, When reachability is checked, Then all but IN_RECEPTION (no acogida event yet) can be entered', () => {
    const targets = new Set([...LIFECYCLE.transitions.map((t) => t.to), ...LIFECYCLE.automatic.map((a) => a.to)]);
    expect(LIFECYCLE.states.filter((s) => !targets.has(s.id)).map((s) => s.id)).toEqual(['IN_RECEPTION']);
    expect(LIFECYCLE.states.map((s) => s.code)).toEqual(Array.from({ length: 13 }, (_, i) => `S${i}`));
  });

  it('Given transition ids, When listed, Then they are unique', () => {
    const ids = [...LIFECYCLE.transitions.map((t) => t.id), ...LIFECYCLE.automatic.map((a) => a.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('decide / evolve', () => {
  const stay = aStay();

  it('Given no state, When an admission is decided, Then it yields StateChanged to ADMITTED and the stay facts, without mutating the input', () => {
    const d = decide(INITIAL_CASE_STATE, stay.admit('2024-03-04'), LIFECYCLE);
    expect(d).toEqual([
      { type: 'StateChanged', change: expect.objectContaining({ from: 'NONE', to: 'ADMITTED', transitionId: 'ADMIT', forced: false }) },
      { type: 'FactsUpdated', facts: { modality: 'CTD', admissionKind: 'ORDEN_TRIBUNAL' } },
    ]);
    expect(INITIAL_CASE_STATE.state).toBe('NONE');
  });

  it('Given an admitted stay, When a RECHAZA resolution is decided outside EGRESS_PROPOSED, Then nothing changes and it is flagged', () => {
    let s = INITIAL_CASE_STATE;
    for (const d of decide(s, stay.admit('2024-03-04'), LIFECYCLE)) s = evolve(s, d);
    const d = decide(s, aCourt().resolve('2024-03-10', 'RECHAZA'), LIFECYCLE);
    expect(d.map((x) => x.type)).toEqual(['DataQualityFlagged']);
  });

  it('Given a discharge to the family from a CTD, When timers advance, Then follow-up starts at once and closes 90 days later', () => {
    let s = INITIAL_CASE_STATE;
    for (const e of [stay.admit('2024-03-04'), stay.egress('2024-04-01')]) for (const d of decide(s, e, LIFECYCLE)) s = evolve(s, d);
    s = advanceTo(s, Number.MAX_SAFE_INTEGER, LIFECYCLE);
    expect(s.history.slice(-3).map((h) => [h.to, h.transitionId])).toEqual([['DISCHARGED', 'EXECUTE_EGRESS'], ['IN_FOLLOW_UP', 'START_FOLLOW_UP'], ['CLOSED', 'CLOSE_FOLLOW_UP']]);
    expect(s.history[s.history.length - 1]!.at - s.history[s.history.length - 2]!.at).toBe(90 * 86_400_000);
  });
});
