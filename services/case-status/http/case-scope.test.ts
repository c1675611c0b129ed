import { aCourt, aStay } from '../../../test/builders/case-events';
import { FLOW_RULES } from '../config/flow-rules';
import { deriveChildFlow, type CaseInputEvent } from '../domain';
import { caseReadDenial, childAccess, mayReadCases, mayReadIndicators, type ChildAccess } from './case-scope';

/**
 * Who sees what of a child's flow: one child with two stays in two programmes, each under a cause of
 * a different court, derived by the real core.
 */
const CAUSE_A = { courtCode: '1301', rit: 'P-100-2024' };
const CAUSE_B = { courtCode: '2201', rit: 'P-200-2024' };
const courtA = aCourt({ cause: CAUSE_A, prefix: 'TA' });
const courtB = aCourt({ cause: CAUSE_B, prefix: 'TB' });
const stayA = aStay({ programmeCode: 'P-A', caseRef: 'ING-A', cause: CAUSE_A });
const stayB = aStay({ programmeCode: 'P-B', caseRef: 'ING-B', cause: CAUSE_B });
const events: CaseInputEvent[] = [
  courtA.order('2024-01-02', { programmeCode: 'P-A' }), stayA.admit('2024-01-05'), stayA.egress('2024-03-01'),
  courtB.order('2024-04-02', { programmeCode: 'P-B' }), stayB.admit('2024-04-04'),
];
const flow = deriveChildFlow(events, FLOW_RULES, 'CH-1');
const byId = new Map(events.map((e) => [e.eventId, e]));
const caseOf = (programme: string) => flow.cases.find((c) => c.programmeCode === programme)!.caseId;
const access = (institution: string, scope: string, comuna: string | null = '13101'): ChildAccess =>
  childAccess({ institution: institution as 'HUB', scope }, comuna, flow.cases, byId);
const caseIds = (a: ChildAccess) => (a.kind === 'CASES' ? [...a.caseIds].sort() : a.kind);

describe('case scope', () => {
  it('Given the derived flow, When set up, Then the child has one case per programme (the fixture is what the tests assume)', () => {
    expect(flow.cases.map((c) => c.programmeCode).sort()).toEqual(['P-A', 'P-B']);
  });

  it('Given a HUB credential with the case-read role or `*`, When access is decided, Then it sees the whole flow', () => {
    expect(access('HUB', '*')).toEqual({ kind: 'ALL' });
    expect(access('HUB', 'case-read')).toEqual({ kind: 'ALL' });
  });

  it('Given a HUB credential of another role (identity reviewers, operators) or an unknown scope, When access is decided, Then it sees nothing and is refused before any lookup', () => {
    for (const scope of ['identity-review', 'ops-read', 'lag-console']) {
      expect(access('HUB', scope)).toEqual({ kind: 'NONE' });
      expect(caseReadDenial({ institution: 'HUB', scope })).toBe('HUB_SCOPE_REQUIRED');
      expect(mayReadIndicators({ institution: 'HUB', scope })).toBe(false);
    }
    expect(caseReadDenial({ institution: 'HUB', scope: 'case-read' })).toBeNull();
  });

  it('Given a municipality, When the child lives in its comuna, Then it sees everything; otherwise nothing', () => {
    expect(access('MUNICIPALITY', '13101')).toEqual({ kind: 'ALL' });
    expect(access('MUNICIPALITY', '05101')).toEqual({ kind: 'NONE' });
    expect(access('MUNICIPALITY', '13101', null)).toEqual({ kind: 'NONE' });
    expect(access('MUNICIPALITY', '*', null)).toEqual({ kind: 'ALL' });
  });

  it('Given a SENAME programme, When access is decided, Then it sees only its programme\'s cases', () => {
    expect(caseIds(access('SENAME', 'P-A'))).toEqual([caseOf('P-A')]);
    expect(caseIds(access('SENAME', 'P-B'))).toEqual([caseOf('P-B')]);
    expect(access('SENAME', 'P-OTHER')).toEqual({ kind: 'NONE' });
    expect(caseIds(access('SENAME', '*'))).toEqual([caseOf('P-A'), caseOf('P-B')].sort());
  });

  it('Given a court, When access is decided, Then it sees the cases linked to its own causes only', () => {
    expect(caseIds(access('TRIBUNAL', '1301'))).toEqual([caseOf('P-A')]);
    expect(caseIds(access('TRIBUNAL', '2201'))).toEqual([caseOf('P-B')]);
    expect(access('TRIBUNAL', '9999')).toEqual({ kind: 'NONE' });
    expect(caseIds(access('TRIBUNAL', '*'))).toEqual([caseOf('P-A'), caseOf('P-B')].sort());
  });

  it('Given a court, When the events of a case are unknown (not in the map), Then it sees nothing of that case', () => {
    expect(childAccess({ institution: 'TRIBUNAL', scope: '1301' }, '13101', flow.cases, new Map())).toEqual({ kind: 'NONE' });
  });

  it('Given schools and health establishments, When access is decided, Then they never see timelines nor indicators', () => {
    for (const institution of ['SCHOOL', 'HEALTH']) {
      expect(access(institution, '*')).toEqual({ kind: 'NONE' });
      expect(mayReadCases({ institution: institution as 'SCHOOL', scope: '*' })).toBe(false);
      expect(mayReadIndicators({ institution: institution as 'SCHOOL', scope: '*' })).toBe(false);
      expect(caseReadDenial({ institution: institution as 'SCHOOL', scope: '*' })).toBe('FORBIDDEN_INSTITUTION');
    }
    for (const institution of ['MUNICIPALITY', 'SENAME', 'TRIBUNAL'] as const) {
      expect(mayReadCases({ institution, scope: 'X' })).toBe(true);
      expect(mayReadIndicators({ institution, scope: 'X' })).toBe(true);
    }
  });
});
