import { aCaseStatus, aCaseUpdated } from '../../../test/builders/case-status-events';
import { route, type RoutableSubscription, type RoutingInput } from './routing';

const subs: RoutableSubscription[] = [
  { id: 'sub-stgo', comunaCode: '13101', eventTypes: null, active: true },
  { id: 'sub-stgo-deadlines', comunaCode: '13101', eventTypes: ['DEADLINE_BREACHED'], active: true },
  { id: 'sub-nunoa', comunaCode: '13120', eventTypes: null, active: true },
  { id: 'sub-nunoa-paused', comunaCode: '13120', eventTypes: null, active: false },
];
const subscriptionsOf = (c: string) => subs.filter((s) => s.comunaCode === c);
const input = (over: Partial<RoutingInput>): RoutingInput => ({
  update: aCaseUpdated(), before: { comunaCode: '13101' }, previousChild: null, currentCases: [aCaseStatus()], subscriptionsOf, ...over,
});

describe('territory routing', () => {
  it('Given a child of Santiago, When its case changes state, Then only Santiago subscriptions admitting the type receive it', () => {
    const d = route(input({}));
    expect(d.deliveries.map((x) => [x.subscriptionId, x.payload.type])).toEqual([['sub-stgo', 'STATE_CHANGED']]);
    expect(d.comunaCode).toBe('13101');
  });

  it('Given a filter on DEADLINE_BREACHED, When a deadline is breached, Then the filtered subscription receives it too', () => {
    const d = route(input({ update: aCaseUpdated({ kind: 'DEADLINE_BREACHED', deadlineId: 'C:1130045:ING-2024-55501/DIAGNOSIS_20_BUSINESS_DAYS/x' }) }));
    expect(d.deliveries.map((x) => x.subscriptionId).sort()).toEqual(['sub-stgo', 'sub-stgo-deadlines']);
    expect(d.deliveries[0]!.payload.deadlineRuleId).toBe('DIAGNOSIS_20_BUSINESS_DAYS');
  });

  it('Given a child that moves from Santiago to Ñuñoa, When the next update arrives, Then Santiago gets a bare LEFT notice and Ñuñoa the full status', () => {
    const other = aCaseStatus({ caseId: 'C:1130046:X', state: 'ADMITTED' });
    const d = route(input({ update: aCaseUpdated({ childComunaCode: '13120' }), currentCases: [aCaseStatus(), other] }));
    const left = d.deliveries.filter((x) => x.payload.type === 'CHILD_LEFT_TERRITORY');
    expect(left.map((x) => x.subscriptionId).sort()).toEqual(['sub-stgo', 'sub-stgo-deadlines']);
    expect(Object.keys(left[0]!.payload).sort()).toEqual(['childId', 'occurredAt', 'type']);
    const entered = d.deliveries.filter((x) => x.payload.type === 'CHILD_ENTERED_TERRITORY');
    expect(entered.map((x) => x.subscriptionId)).toEqual(['sub-nunoa']);
    expect(entered[0]!.payload.cases!.map((c) => c.caseId)).toEqual(['C:1130045:ING-2024-55501', 'C:1130046:X']);
    expect(d.comunaCode).toBe('13120');
  });

  it('Given a merge of an identity from Ñuñoa into a child of Santiago, When the case is re-pointed, Then Ñuñoa learns the absorbed child left and Santiago gets the merge', () => {
    const d = route(input({
      update: aCaseUpdated({ kind: 'CHILD_MERGED', previousChildId: 'NNA-OLD' }), previousChild: { comunaCode: '13120' },
    }));
    expect(d.deliveries.map((x) => [x.subscriptionId, x.childId, x.payload.type])).toEqual([
      ['sub-nunoa', 'NNA-OLD', 'CHILD_LEFT_TERRITORY'],
      ['sub-stgo', 'NNA-0000000000000000000000TEST', 'CHILD_MERGED'],
    ]);
  });

  it('Given a child whose comuna is unknown, When it is updated, Then nobody receives it and the old municipality is told it left', () => {
    const d = route(input({ update: aCaseUpdated({ childComunaCode: null }) }));
    expect(d.deliveries.map((x) => x.payload.type)).toEqual(['CHILD_LEFT_TERRITORY', 'CHILD_LEFT_TERRITORY']);
    expect(d.comunaCode).toBeNull();
  });

  it('Given any update, When its payload is built, Then it carries no admission comuna nor exit destination', () => {
    const d = route(input({ update: aCaseUpdated({ snapshot: aCaseStatus({ exitDestination: 'HOGAR' }) }) }));
    const json = JSON.stringify(d.deliveries[0]!.payload);
    expect(json).not.toContain('comunaCode');
    expect(json).not.toContain('HOGAR');
    expect(d.deliveries[0]!.payload.case!.state).toBe('IN_DIAGNOSIS');
  });
});
