/**
 * Who sees what of a child's case flow (pure; docs/adr/0014). HUB sees everything; a municipality
 * (scope = comuna CUT) sees children whose CURRENT comuna (golden record) is its own; SENAME (scope =
 * programme code) sees the cases of its programmes; a court (scope = court code) sees the cases linked
 * to its causes; schools and health establishments never see timelines (issue 6 gives them a flag).
 * Scope `*` covers every unit of the institution.
 */
import { ANY_UNIT, type Credential } from '../../platform/auth/credential';
import type { CaseInputEvent, CaseView } from '../domain';

export type ChildAccess = { readonly kind: 'ALL' } | { readonly kind: 'CASES'; readonly caseIds: ReadonlySet<string> } | { readonly kind: 'NONE' };

/** Which of the child's cases the credential sees, given the child's current comuna and events. */
export function childAccess(c: Pick<Credential, 'institution' | 'scope'>, childComuna: string | null, cases: readonly CaseView[],
  eventsById: ReadonlyMap<string, CaseInputEvent>): ChildAccess {
  const any = c.scope === ANY_UNIT;
  switch (c.institution) {
    case 'HUB': return { kind: 'ALL' };
    case 'MUNICIPALITY': return any || (childComuna !== null && childComuna === c.scope) ? { kind: 'ALL' } : { kind: 'NONE' };
    case 'SENAME': {
      const ids = cases.filter((k) => k.programmeCode !== null && (any || k.programmeCode === c.scope)).map((k) => k.caseId);
      return ids.length > 0 ? { kind: 'CASES', caseIds: new Set(ids) } : { kind: 'NONE' };
    }
    case 'TRIBUNAL': {
      const ids = cases.filter((k) => k.eventIds.some((id) => {
        const cause = eventsById.get(id)?.cause;
        return cause !== null && cause !== undefined && (any || cause.courtCode === c.scope);
      })).map((k) => k.caseId);
      return ids.length > 0 ? { kind: 'CASES', caseIds: new Set(ids) } : { kind: 'NONE' };
    }
    default: return { kind: 'NONE' };
  }
}

/** Institutions that may read timelines and cases at all (others get 403 before any lookup). */
export function mayReadCases(c: Pick<Credential, 'institution'>): boolean {
  return c.institution === 'HUB' || c.institution === 'MUNICIPALITY' || c.institution === 'SENAME' || c.institution === 'TRIBUNAL';
}

/** Indicators are aggregates: every reading institution; a municipality gets its territory beside the national figure. */
export function mayReadIndicators(c: Pick<Credential, 'institution'>): boolean {
  return mayReadCases(c);
}
