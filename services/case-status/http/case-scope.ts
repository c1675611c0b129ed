/**
 * Who sees what of a child's case flow (pure; docs/adr/0014). HUB staff with the `case-read` role (or
 * `*`) see everything, other HUB roles nothing (services/platform/auth/hub-scopes.ts); a municipality
 * (scope = comuna CUT) sees children whose CURRENT comuna (golden record) is its own; SENAME (scope =
 * programme code) sees the cases of its programmes; a court (scope = court code) sees the cases linked
 * to its causes; schools and health establishments never see timelines (issue 6 gives them a flag).
 * Scope `*` covers every unit of the institution.
 */
import { ANY_UNIT, type Credential } from '../../platform/auth/credential';
import { holdsHubScope } from '../../platform/auth/hub-scopes';
import type { CaseInputEvent, CaseView } from '../domain';

export type ChildAccess = { readonly kind: 'ALL' } | { readonly kind: 'CASES'; readonly caseIds: ReadonlySet<string> } | { readonly kind: 'NONE' };

/** Which of the child's cases the credential sees, given the child's current comuna and events. */
export function childAccess(c: Pick<Credential, 'institution' | 'scope'>, childComuna: string | null, cases: readonly CaseView[],
  eventsById: ReadonlyMap<string, CaseInputEvent>): ChildAccess {
  const any = c.scope === ANY_UNIT;
  switch (c.institution) {
    case 'HUB': return holdsHubScope(c, 'case-read') ? { kind: 'ALL' } : { kind: 'NONE' };
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

/** Why a credential may not read cases at all, decided before any lookup (so it says nothing about the id asked for). */
export type CaseReadDenial = 'FORBIDDEN_INSTITUTION' | 'HUB_SCOPE_REQUIRED';

export function caseReadDenial(c: Pick<Credential, 'institution' | 'scope'>): CaseReadDenial | null {
  if (c.institution === 'HUB') return holdsHubScope(c, 'case-read') ? null : 'HUB_SCOPE_REQUIRED';
  return c.institution === 'MUNICIPALITY' || c.institution === 'SENAME' || c.institution === 'TRIBUNAL' ? null : 'FORBIDDEN_INSTITUTION';
}

/** Institutions (and HUB roles) that may read timelines and cases at all (others get 403 before any lookup). */
export function mayReadCases(c: Pick<Credential, 'institution' | 'scope'>): boolean {
  return caseReadDenial(c) === null;
}

/**
 * Indicators are aggregates: every reading institution (a municipality gets its territory beside the
 * national figure); for HUB staff the same `case-read` role, as they are derived from the cases.
 */
export function mayReadIndicators(c: Pick<Credential, 'institution' | 'scope'>): boolean {
  return mayReadCases(c);
}
