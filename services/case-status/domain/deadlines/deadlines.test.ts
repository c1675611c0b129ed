import { CHILE_BUSINESS_CALENDAR as cal } from '../../config/calendar';
import { DEADLINE_RULES } from '../../config/deadline-rules';
import { FLOW_RULES } from '../../config/flow-rules';
import { aCourt, aStay, ms } from '../../../../test/builders/case-events';
import type { CaseInputEvent } from '../case-input-event';
import { deriveChildFlow } from '../flow/derive-child-flow';
import { deadlinesFor } from './deadlines';

const report = (events: CaseInputEvent[], asOf: string) => deadlinesFor(deriveChildFlow(events, FLOW_RULES), ms(asOf), DEADLINE_RULES, cal);
const ids = (list: readonly { ruleId: string; status: string }[]) => list.map((d) => `${d.ruleId}:${d.status}`);

describe('deadlinesFor', () => {
  const stay = aStay();
  const court = aCourt();

  it('Given an extrajudicial admission, When no order arrives, Then it is due 12 h before and breached at 48 h', () => {
    const events = [stay.admit('2024-06-01T02:00:00Z', 'EXTRAJUDICIAL')];
    expect(ids(report(events, '2024-06-02T12:00:00Z').pending)).toContain('REGULARISATION_48H:PENDING');
    expect(ids(report(events, '2024-06-02T15:00:00Z').due)).toContain('REGULARISATION_48H:DUE');
    const late = report(events, '2024-06-03T02:00:00Z').breached[0]!;
    expect(late).toMatchObject({ ruleId: 'REGULARISATION_48H', status: 'BREACHED', dueAt: ms('2024-06-03T02:00:00Z'),
      deadlineId: 'C:P-CTD-1:ING-1/REGULARISATION_48H/ING-1-adm' });
  });

  it('Given an extrajudicial admission regularised after 30 h, When evaluated, Then the 48 h rule is met', () => {
    const r = report([stay.admit('2024-06-01T02:00:00Z', 'EXTRAJUDICIAL'), court.order('2024-06-02T08:00:00Z')], '2024-06-10');
    expect(ids(r.met)).toContain('REGULARISATION_48H:MET');
  });

  it('Given a CTD diagnosis requested on Mon 4 March 2024, When evaluated, Then it is due at the end of Tue 2 April (Santiago), Good Friday skipped', () => {
    const events = [stay.admit('2024-03-04T10:00:00Z'), court.requestDiagnosis('2024-03-04T14:00:00Z')];
    const d = report(events, '2024-03-10').pending.find((x) => x.ruleId === 'DIAGNOSIS_20_BUSINESS_DAYS')!;
    expect(d.dueAt).toBe(ms('2024-04-03T03:00:00Z'));
    expect(report(events, '2024-03-31').due.map((x) => x.ruleId)).toContain('DIAGNOSIS_20_BUSINESS_DAYS');
    expect(report(events, '2024-04-03T03:00:00Z').breached.map((x) => x.ruleId)).toContain('DIAGNOSIS_20_BUSINESS_DAYS');
    const onTime = report([...events, stay.report('2024-04-02T20:00:00Z')], '2024-05-01');
    expect(ids(onTime.met)).toContain('DIAGNOSIS_20_BUSINESS_DAYS:MET');
    const late = report([...events, stay.report('2024-04-04')], '2024-05-01');
    expect(ids(late.breached)).toContain('DIAGNOSIS_20_BUSINESS_DAYS:MET_LATE');
  });

  it('Given a court-set due date on the request, When evaluated, Then it replaces the statutory 20 business days', () => {
    const r = report([stay.admit('2024-03-04'), court.requestDiagnosis('2024-03-04', {}, { dueDate: '2024-03-15' })], '2024-03-05');
    expect(r.pending.find((x) => x.ruleId === 'DIAGNOSIS_20_BUSINESS_DAYS')!.dueAt).toBe(ms('2024-03-16T03:00:00Z'));
  });

  it('Given a report a day after asOf, When evaluated at asOf, Then it does not count yet (replays see what was known)', () => {
    const events = [stay.admit('2024-03-04'), court.requestDiagnosis('2024-03-04'), stay.report('2024-04-10')];
    expect(ids(report(events, '2024-04-09').breached)).toContain('DIAGNOSIS_20_BUSINESS_DAYS:BREACHED');
  });

  it('Given a COD admission with no report, When 5 days pass, Then the COD rule is breached; not the 20-day one', () => {
    const cod = aStay({ programmeCode: 'P-COD', modality: 'COD' });
    const r = report([cod.admit('2024-05-01T12:00:00Z')], '2024-05-06T12:00:00Z');
    expect(ids(r.breached)).toEqual(['COD_DIAGNOSIS_5_DAYS:BREACHED']);
  });

  it('Given a CTDE stay, When the PII comes on day 31, Then PII_30_DAYS is met late; in CERECO the limit is 10 days', () => {
    const ctde = aStay({ programmeCode: 'P-CTDE', modality: 'CTDE' });
    const r = report([ctde.admit('2024-05-01'), ctde.report('2024-05-20'), ctde.plan('2024-06-01', 'ESPECIALIZADA')], '2024-07-01');
    expect(ids(r.breached)).toContain('PII_30_DAYS:MET_LATE');
    const cer = aStay({ programmeCode: 'P-CER', modality: 'CERECO' });
    const r2 = report([cer.admit('2024-05-01'), cer.plan('2024-05-09', 'CERECO')], '2024-07-01');
    expect(ids(r2.met)).toEqual(['CERECO_PII_10_DAYS:MET']);
  });

  it('Given a hearing on 20 May and a report on 19 May, When evaluated, Then the 2-days-before rule is met late; rescheduling moves it', () => {
    const base = [stay.admit('2024-05-01'), court.hearing('2024-05-05', '2024-05-20T14:00:00Z'), stay.report('2024-05-19T10:00:00Z')];
    const r = report(base, '2024-05-21');
    expect(r.breached.find((x) => x.ruleId === 'REPORT_2_DAYS_BEFORE_HEARING')).toMatchObject({ status: 'MET_LATE', dueAt: ms('2024-05-18T14:00:00Z') });
    const moved = report([...base, court.hearing('2024-05-10', '2024-05-25T14:00:00Z', 'H1', 2)], '2024-05-26');
    expect(ids(moved.met)).toContain('REPORT_2_DAYS_BEFORE_HEARING:MET');
  });

  it('Given a stay that ends before a deadline with nothing done, When evaluated, Then the deadline is not applicable, not breached', () => {
    const r = report([stay.admit('2024-05-01', 'DERIVACION'), stay.egress('2024-05-05', { destination: 'PROGRAMA_RED_PROTECCION' })], '2024-08-01');
    expect(r.breached).toEqual([]);
    expect(ids(r.notApplicable).sort()).toEqual(['DIAGNOSIS_20_BUSINESS_DAYS:NOT_APPLICABLE', 'PII_30_DAYS:NOT_APPLICABLE']);
  });

  it('Given pending deadlines, When evaluated, Then nextChangeAt is the earliest future warn or due instant', () => {
    const r = report([stay.admit('2024-06-01T02:00:00Z', 'EXTRAJUDICIAL')], '2024-06-01T03:00:00Z');
    expect(r.nextChangeAt).toBe(ms('2024-06-02T14:00:00Z'));
  });
});
