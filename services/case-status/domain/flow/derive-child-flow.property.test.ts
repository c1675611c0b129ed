import fc from 'fast-check';
import { FLOW_RULES } from '../../config/flow-rules';
import { aCaseEvent, aCourt, aStay } from '../../../../test/builders/case-events';
import type { CaseInputEvent } from '../case-input-event';
import { deriveChildFlow } from './derive-child-flow';
import { addEvents, mergeFlows, splitFlow } from './operations';

/** Random event sets over a few stays and causes of one child, with colliding times on purpose. */
const OPS = ['order', 'admit', 'admitX', 'request', 'hearing', 'report', 'planB', 'planE', 'escalate', 'propose', 'accept', 'reject', 'egress',
  'derive', 'abscond', 'school'] as const;
const spec = fc.record({ op: fc.constantFrom(...OPS), stay: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 0, max: 400 }), hour: fc.constantFrom(0, 12) });

function toEvent(s: { op: typeof OPS[number]; stay: number; day: number; hour: number }, i: number, childId: string, key: string): CaseInputEvent {
  const when = new Date(Date.UTC(2023, 0, 1 + s.day, s.hour)).toISOString();
  const cause = { courtCode: '1301', rit: `P-${s.stay}-2023` };
  const st = aStay({ childId, caseRef: `S${s.stay}`, programmeCode: `P${s.stay}`, modality: s.stay === 2 ? 'CERECO' : 'CTD', cause, sourceRecordKey: key });
  const ct = aCourt({ childId, cause, prefix: `T${s.stay}` });
  const e = {
    order: () => ct.order(when, { programmeCode: `P${s.stay}` }),
    admit: () => st.admit(when, 'ORDEN_TRIBUNAL'),
    admitX: () => st.admit(when, 'EXTRAJUDICIAL'),
    request: () => ct.requestDiagnosis(when),
    hearing: () => ct.hearing(when, new Date(Date.UTC(2023, 0, 20 + s.day)).toISOString()),
    report: () => st.report(when),
    planB: () => st.plan(when, 'BREVE'),
    planE: () => st.plan(when, 'ESPECIALIZADA'),
    escalate: () => st.escalate(when),
    propose: () => st.propose(when),
    accept: () => ct.resolve(when, 'ACOGE'),
    reject: () => ct.resolve(when, 'RECHAZA'),
    egress: () => st.egress(when),
    derive: () => st.egress(when, { destination: 'PROGRAMA_RED_PROTECCION', derivationId: `D${s.stay}`, destinationProgrammeCode: `P${(s.stay + 1) % 3}` }),
    abscond: () => st.abscond(when, 'FUGA'),
    school: () => aCaseEvent('hub.school.EnrollmentRegistered', 'SCH', when, { childId }),
  }[s.op]();
  return { ...e, eventId: `${key}/${e.eventId}#${i}`, sourceRecordKey: key };
}

const eventSet = (childId: string, key: string, max = 25) =>
  fc.array(spec, { maxLength: max }).map((specs) => specs.map((s, i) => toEvent(s, i, childId, key)));

const derive = (events: readonly CaseInputEvent[], id?: string) => deriveChildFlow(events, FLOW_RULES, id);
const restamp = (events: readonly CaseInputEvent[], childId: string) => events.map((e) => ({ ...e, childId }));
const RUNS = { numRuns: 150 };

describe('deriveChildFlow properties', () => {
  it('Given any permutation of the same event set, When derived, Then the flow is the same', () => {
    fc.assert(fc.property(eventSet('CH-1', 'SENAME:a').chain((events) =>
      fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }))),
    ([events, shuffled]) => {
      expect(derive(shuffled)).toEqual(derive(events));
    }), RUNS);
  });

  it('Given a derived flow, When a late event is added, Then it equals deriving the full set from scratch', () => {
    fc.assert(fc.property(eventSet('CH-1', 'SENAME:a').filter((e) => e.length > 0).chain((events) =>
      fc.tuple(fc.constant(events), fc.integer({ min: 0, max: events.length - 1 }))),
    ([events, late]) => {
      const without = events.filter((_, i) => i !== late);
      expect(addEvents(derive(without, 'CH-1'), [events[late]!], FLOW_RULES)).toEqual(derive(events, 'CH-1'));
    }), RUNS);
  });

  it('Given two children, When their identities merge, Then the merged flow equals the flow of the union', () => {
    fc.assert(fc.property(eventSet('CH-A', 'SENAME:a', 15), eventSet('CH-B', 'TRIBUNAL:b', 15), (a, b) => {
      const merged = mergeFlows(derive(a, 'CH-A'), derive(b, 'CH-B'), 'CH-A', FLOW_RULES);
      expect(merged).toEqual(derive(restamp([...b, ...a], 'CH-A'), 'CH-A'));
    }), RUNS);
  });

  it('Given one identity holding two source records, When it splits, Then each flow equals the flow of its partition', () => {
    fc.assert(fc.property(eventSet('X', 'SENAME:a', 15), eventSet('X', 'SENAME:b', 15), (a, b) => {
      const union = derive(restamp([...a, ...b], 'CH-1'), 'CH-1');
      const split = splitFlow(union, (key) => (key === 'SENAME:a' ? 'CH-A' : 'CH-B'), FLOW_RULES);
      const expected = [derive(restamp(a, 'CH-A'), 'CH-A'), derive(restamp(b, 'CH-B'), 'CH-B')].filter((f) => f.events.length > 0);
      expect(split).toEqual(expected);
    }), RUNS);
  });

  it('Given any event set, When derived, Then every event is on the timeline exactly once (none dropped)', () => {
    fc.assert(fc.property(eventSet('CH-1', 'SENAME:a'), (events) => {
      const f = derive(events);
      expect(f.timeline.map((t) => t.eventId).sort()).toEqual(events.map((e) => e.eventId).sort());
    }), RUNS);
  });
});
