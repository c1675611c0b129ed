import { aCaseStatus, aCaseUpdated } from '../../../test/builders/case-status-events';
import { reroute, route, type RoutableSubscription, type RoutingInput } from './routing';

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

describe('party routing (the municipality is a party to the case)', () => {
  it('Given a child of Santiago whose case Ñuñoa\'s office referred, When the case changes, Then both Santiago and Ñuñoa receive the update', () => {
    const d = route(input({ parties: ['13120'], before: { comunaCode: '13101', parties: ['13120'] } }));
    expect(d.deliveries.map((x) => [x.subscriptionId, x.payload.type])).toEqual([['sub-stgo', 'STATE_CHANGED'], ['sub-nunoa', 'STATE_CHANGED']]);
    expect(d.parties).toEqual(['13120']);
  });

  it('Given Ñuñoa becomes a party between two updates, When the next update comes, Then Ñuñoa gets the full status and Santiago the update', () => {
    const d = route(input({ parties: ['13120'] }));
    expect(d.deliveries.map((x) => [x.subscriptionId, x.payload.type])).toEqual([['sub-stgo', 'STATE_CHANGED'], ['sub-nunoa', 'CHILD_ENTERED_TERRITORY']]);
  });

  it('Given Ñuñoa closed its local case, When the next update comes, Then Ñuñoa is told the child left and gets nothing else', () => {
    const d = route(input({ parties: [], before: { comunaCode: '13101', parties: ['13120'] } }));
    expect(d.deliveries.map((x) => [x.subscriptionId, x.payload.type])).toEqual([['sub-nunoa', 'CHILD_LEFT_TERRITORY'], ['sub-stgo', 'STATE_CHANGED']]);
  });

  it('Given a party that is also the territory, When routed, Then the comuna receives the update once per subscription', () => {
    const d = route(input({ parties: ['13101'] }));
    expect(d.deliveries.map((x) => x.subscriptionId)).toEqual(['sub-stgo']);
  });

  it('Given a child of unknown comuna with a party, When updated, Then only the party receives it', () => {
    const d = route(input({ update: aCaseUpdated({ childComunaCode: null }), before: { comunaCode: null, parties: ['13120'] }, parties: ['13120'] }));
    expect(d.deliveries.map((x) => [x.subscriptionId, x.payload.type])).toEqual([['sub-nunoa', 'STATE_CHANGED']]);
  });

  it('Given an office opens a local case without a case update, When rerouted, Then the new party gets the full status and nobody else anything', () => {
    const out = reroute({ childId: 'NNA-1', before: { comunaCode: '13101', parties: [] }, now: { comunaCode: '13101', parties: ['13120'] }, currentCases: [aCaseStatus()], at: 5, subscriptionsOf });
    expect(out.map((x) => [x.subscriptionId, x.payload.type])).toEqual([['sub-nunoa', 'CHILD_ENTERED_TERRITORY']]);
    expect(out[0]!.payload.cases).toHaveLength(1);
    const closed = reroute({ childId: 'NNA-1', before: { comunaCode: '13101', parties: ['13120'] }, now: { comunaCode: '13101', parties: [] }, currentCases: [aCaseStatus()], at: 6, subscriptionsOf });
    expect(closed.map((x) => [x.subscriptionId, x.payload.type])).toEqual([['sub-nunoa', 'CHILD_LEFT_TERRITORY']]);
  });
});
