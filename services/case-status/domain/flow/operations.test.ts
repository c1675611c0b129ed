import { FLOW_RULES } from '../../config/flow-rules';
import { aCourt, aStay, ms } from '../../../../test/builders/case-events';
import { deriveChildFlow } from './derive-child-flow';
import { addEvents, caseStateAt, mergeFlows, removedCaseIds, splitFlow } from './operations';

describe('late events, merges and splits (examples)', () => {
  const cause = { courtCode: '1301', rit: 'P-77-2024' };
  // The court knows the child as CH-COURT, the programme as CH-SENAME: two identities until matching merges them.
  const courtEvents = [aCourt({ childId: 'CH-COURT', cause }).order('2024-03-01'), aCourt({ childId: 'CH-COURT', cause }).requestDiagnosis('2024-03-02')];
  const stay = aStay({ childId: 'CH-SENAME', cause, sourceRecordKey: 'SENAME:rec-9' });
  const programmeEvents = [stay.report('2024-03-20'), stay.admit('2024-03-04')];

  it('Given two identities later merged, When the flows merge, Then the order links to the admission and the referral case is tombstoned', () => {
    const court = deriveChildFlow(courtEvents, FLOW_RULES);
    const programme = deriveChildFlow(programmeEvents, FLOW_RULES);
    expect(court.cases.map((c) => c.caseId)).toEqual(['R:TF-ord-1']);
    expect(programme.cases[0]!.history.map((h) => h.to)).toEqual(['ADMITTED', 'REPORTED_TO_COURT']);

    const merged = mergeFlows(programme, court, 'CH-SENAME', FLOW_RULES);
    expect(merged.cases.map((c) => [c.caseId, c.childId])).toEqual([['C:P-CTD-1:ING-1', 'CH-SENAME']]);
    expect(merged.cases[0]!.history.map((h) => h.to)).toEqual(['REFERRAL_ORDERED', 'ADMITTED', 'IN_DIAGNOSIS', 'REPORTED_TO_COURT']);
    expect(removedCaseIds(court, [merged])).toEqual(['R:TF-ord-1']);
    expect(merged.events.every((e) => e.childId === 'CH-SENAME')).toBe(true);
  });

  it('Given the merge was wrong, When it is split by source record, Then each child gets back its own flow', () => {
    const merged = mergeFlows(deriveChildFlow(programmeEvents, FLOW_RULES), deriveChildFlow(courtEvents, FLOW_RULES), 'CH-SENAME', FLOW_RULES);
    const [a, b] = splitFlow(merged, (key) => (key === 'SENAME:rec-9' ? 'CH-SENAME' : 'CH-COURT'), FLOW_RULES);
    expect(a!.childId).toBe('CH-COURT');
    expect(a!.cases.map((c) => c.caseId)).toEqual(['R:TF-ord-1']);
    expect(b!.cases[0]!.history.map((h) => h.to)).toEqual(['ADMITTED', 'REPORTED_TO_COURT']);
  });

  it('Given a derived flow, When an egress from months ago arrives late, Then the state is re-derived to DISCHARGED and the timers follow', () => {
    const s = aStay({ programmeCode: 'P-RES', modality: 'RESIDENCIA' });
    const flow = deriveChildFlow([s.admit('2024-01-10', 'DERIVACION'), s.plan('2024-01-20', 'ESPECIALIZADA')], FLOW_RULES);
    expect(caseStateAt(flow.cases[0]!, ms('2024-06-01'))).toBe('IN_INTERVENTION_SPECIALISED');
    const late = addEvents(flow, [s.egress('2024-03-01', { destination: 'FAMILIA_ORIGEN' })], FLOW_RULES);
    expect(caseStateAt(late.cases[0]!, ms('2024-06-01'))).toBe('CLOSED');
    expect(caseStateAt(late.cases[0]!, ms('2024-02-01'))).toBe('IN_INTERVENTION_SPECIALISED');
  });
});
