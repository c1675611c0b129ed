import { FLOW_RULES } from '../../config/flow-rules';
import { aCaseEvent, aCourt, aStay, ms } from '../../../../test/builders/case-events';
import { deriveChildFlow } from './derive-child-flow';
import { caseStateAt } from './operations';
import type { ChildFlow } from './types';

const derive = (events: Parameters<typeof deriveChildFlow>[0]): ChildFlow => deriveChildFlow(events, FLOW_RULES);
const path = (f: ChildFlow, i = 0) => f.cases[i]!.history.map((h) => h.to);

describe('deriveChildFlow', () => {
  const court = aCourt();
  const stay = aStay({ cause: { courtCode: '1301', rit: 'P-100-2024' } });
  const fullCtd = [
    court.order('2024-03-01'),
    stay.admit('2024-03-04'),
    court.requestDiagnosis('2024-03-05'),
    stay.report('2024-03-25'),
    stay.plan('2024-04-02', 'BREVE'),
    stay.escalate('2024-05-02'),
    stay.propose('2024-07-01'),
    court.resolve('2024-07-10', 'ACOGE'),
    stay.egress('2024-07-12'),
  ];

  it('Given a complete CTD stay across court and centre, When derived, Then it walks S0 to S12 with follow-up of 90 days', () => {
    const f = derive(fullCtd);
    expect(f.cases).toHaveLength(1);
    expect(f.cases[0]!.caseId).toBe('C:P-CTD-1:ING-1');
    expect(path(f)).toEqual([
      'REFERRAL_ORDERED', 'ADMITTED', 'IN_DIAGNOSIS', 'REPORTED_TO_COURT', 'IN_INTERVENTION_BRIEF', 'IN_INTERVENTION_SPECIALISED',
      'EGRESS_PROPOSED', 'EGRESS_ORDERED', 'DISCHARGED', 'IN_FOLLOW_UP', 'CLOSED',
    ]);
    expect(f.alerts).toEqual([]);
    const c = f.cases[0]!;
    expect(caseStateAt(c, ms('2024-08-01'))).toBe('IN_FOLLOW_UP');
    expect(caseStateAt(c, ms('2024-10-11'))).toBe('CLOSED');
    expect(c.stateAfterLastEvent).toBe('IN_FOLLOW_UP');
    expect(c.proposals[0]!.resolution?.decision).toBe('ACOGE');
    expect(c.diagnosisRequests[0]!.reportedAt).toBe(ms('2024-03-25'));
    expect(f.timeline.map((t) => t.kind)).toEqual(Array(9).fill('STATE'));
  });

  it('Given the same events arriving in reverse, When derived, Then the flow is identical (event time, not arrival)', () => {
    expect(derive([...fullCtd].reverse())).toEqual(derive(fullCtd));
  });

  it('Given an egress with no admission, When derived, Then the event is kept, the case is DISCHARGED and a NO_ADMISSION alert is raised', () => {
    const f = derive([aStay({ caseRef: 'ING-9' }).egress('2024-02-01')]);
    expect(f.cases[0]!.history.map((h) => [h.to, h.forced])).toEqual([['DISCHARGED', true], ['CLOSED', false]]);
    expect(f.alerts.map((a) => a.code)).toEqual(['NO_ADMISSION']);
    expect(f.timeline).toHaveLength(1);
  });

  it('Given an extrajudicial admission and the court order a day later, When derived, Then S1 is regularised to S2', () => {
    const s = aStay();
    const f = derive([s.admit('2024-06-01T02:00:00Z', 'EXTRAJUDICIAL'), aCourt().order('2024-06-02')]);
    expect(path(f)).toEqual(['ADMITTED_PROVISIONAL', 'ADMITTED']);
    expect(f.cases[0]!.history[1]!.transitionId).toBe('REGULARISE');
    expect(f.cases[0]!.order?.at).toBe(ms('2024-06-02'));
  });

  it('Given an order whose admission has not arrived, When the admission arrives later, Then the referral case becomes the stay', () => {
    const order = aCourt().order('2024-03-01', { programmeCode: 'P-CTD-1' });
    const before = derive([order]);
    expect(before.cases.map((c) => [c.caseId, c.stateAfterLastEvent])).toEqual([['R:TF-ord-1', 'REFERRAL_ORDERED']]);
    const after = derive([order, aStay().admit('2024-03-03')]);
    expect(after.cases.map((c) => [c.caseId, c.stateAfterLastEvent])).toEqual([['C:P-CTD-1:ING-1', 'ADMITTED']]);
  });

  it('Given an order naming another cause than the admission, When derived, Then they are not linked', () => {
    const f = derive([aCourt({ cause: { courtCode: '1301', rit: 'P-999-2024' } }).order('2024-03-01'), stay.admit('2024-03-03')]);
    expect(f.cases.map((c) => c.caseId).sort()).toEqual(['C:P-CTD-1:ING-1', 'R:TF-ord-1']);
  });

  it('Given an egress by derivation and an admission echoing its id, When derived, Then the stays are linked as a transfer and it is no re-entry', () => {
    const ctd = aStay({ caseRef: 'A' });
    const res = aStay({ caseRef: 'B', programmeCode: 'P-RES-1', modality: 'RESIDENCIA' });
    const f = derive([
      ctd.admit('2024-01-01', 'DERIVACION'),
      ctd.egress('2024-02-01', { destination: 'PROGRAMA_RED_PROTECCION', cause: 'DIAGNOSTICO_CONCLUIDO', derivationId: 'DER-1' }),
      res.admit('2024-02-02', 'DERIVACION', { derivationId: 'DER-1' }),
    ]);
    const [a, b] = f.cases;
    expect([a!.transferTo, b!.transferFrom]).toEqual(['C:P-RES-1:B', 'C:P-CTD-1:A']);
    expect(b!.reentry).toBeNull();
    expect(f.alerts).toEqual([]);
  });

  it('Given a discharge, When the child is admitted again within 6 months, Then the new stay carries the re-entry flag; after 6 months it does not', () => {
    const first = aStay({ caseRef: 'A' });
    const base = [first.admit('2023-11-01', 'DERIVACION'), first.egress('2024-01-10T12:00:00Z')];
    const within = derive([...base, aStay({ caseRef: 'B', programmeCode: 'P-2' }).admit('2024-07-10T11:00:00Z', 'DERIVACION')]);
    expect(within.cases[1]!.reentry).toEqual({ previousCaseId: 'C:P-CTD-1:A', previousExitAt: ms('2024-01-10T12:00:00Z'), daysSinceExit: 181 });
    const after = derive([...base, aStay({ caseRef: 'B', programmeCode: 'P-2' }).admit('2024-07-10T12:00:00Z', 'DERIVACION')]);
    expect(after.cases[1]!.reentry).toBeNull();
  });

  it('Given an abandono and a centre event 10 days later, When derived, Then the stay re-opens in its previous state', () => {
    const s = aStay({ programmeCode: 'P-RES', modality: 'RESIDENCIA' });
    const f = derive([s.admit('2024-03-01', 'DERIVACION'), s.plan('2024-03-03', 'ESPECIALIZADA'), s.abscond('2024-03-10'), s.propose('2024-03-20')]);
    expect(path(f)).toEqual(['ADMITTED', 'IN_INTERVENTION_SPECIALISED', 'DISCHARGED', 'IN_INTERVENTION_SPECIALISED', 'EGRESS_PROPOSED']);
    expect(f.cases[0]!.history[3]!.transitionId).toBe('RETURN_AFTER_ABSCONDMENT');
    expect(f.cases[0]!.exit).toBeNull();
    expect(f.alerts).toEqual([]);
  });

  it('Given an abandono with no return, When derived, Then the stay closes 30 days later and its exit is unplanned', () => {
    const s = aStay();
    const f = derive([s.admit('2024-03-01', 'DERIVACION'), s.abscond('2024-03-10', 'ABANDONO')]);
    const c = f.cases[0]!;
    expect(c.exit).toMatchObject({ kind: 'UNPLANNED', abscondmentKind: 'ABANDONO' });
    expect(caseStateAt(c, ms('2024-04-08'))).toBe('DISCHARGED');
    expect(caseStateAt(c, ms('2024-04-10'))).toBe('CLOSED');
  });

  it('Given a rejected proposal, When derived, Then the child stays in EGRESS_PROPOSED and the rejection is the resolution', () => {
    const f = derive([...fullCtd.slice(0, 7), court.resolve('2024-07-10', 'RECHAZA')]);
    expect(f.cases[0]!.stateAfterLastEvent).toBe('EGRESS_PROPOSED');
    expect(f.cases[0]!.proposals[0]!.resolution?.decision).toBe('RECHAZA');
  });

  it('Given a court request for a cause no stay has, When derived, Then it is kept on the timeline as UNLINKED with an alert', () => {
    const f = derive([stay.admit('2024-03-04'), aCourt({ cause: { courtCode: '9999', rit: 'P-1-2020' } }).requestDiagnosis('2024-03-05', {}, {}, 1),
      aStay({ caseRef: 'ING-2', programmeCode: 'P-2' }).admit('2024-03-04')]);
    expect(f.alerts.map((a) => a.code)).toEqual(['UNLINKED_COURT_EVENT']);
    expect(f.timeline.find((t) => t.recordName === 'hub.tribunal.DiagnosisRequested')?.kind).toBe('UNLINKED');
  });

  it('Given school and health events, When derived, Then they appear on the timeline as signals and change no case', () => {
    const f = derive([stay.admit('2024-03-04'), aCaseEvent('hub.school.WithdrawalRegistered', 'SCH-1', '2024-03-10', { details: { signalCode: 'DESERCION' } })]);
    expect(f.timeline.map((t) => [t.kind, t.caseId])).toEqual([['STATE', 'C:P-CTD-1:ING-1'], ['SIGNAL', null]]);
    expect(f.cases[0]!.history).toHaveLength(1);
  });

  it('Given a plan created before any diagnosis in a CTD, When derived, Then it is applied and flagged as out of lifecycle', () => {
    const f = derive([stay.admit('2024-03-04'), stay.plan('2024-03-06', 'BREVE')]);
    expect(f.cases[0]!.stateAfterLastEvent).toBe('IN_INTERVENTION_BRIEF');
    expect(f.alerts.map((a) => a.code)).toEqual(['OUT_OF_LIFECYCLE']);
  });

  it('Given a CERECO stay, When a PII is created right after admission, Then it goes to specialised intervention without alert', () => {
    const c = aStay({ programmeCode: 'P-CER', modality: 'CERECO' });
    const f = derive([c.admit('2024-03-04'), c.plan('2024-03-10', 'CERECO')]);
    expect(f.cases[0]!.stateAfterLastEvent).toBe('IN_INTERVENTION_SPECIALISED');
    expect(f.alerts).toEqual([]);
  });

  it('Given two events with one id, When derived, Then the fact counts once', () => {
    const adm = stay.admit('2024-03-04');
    expect(derive([adm, adm]).events).toHaveLength(1);
  });
});
