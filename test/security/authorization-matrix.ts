/**
 * The hub's authorisation matrix as DATA (issue 8): credential kind × endpoint → expected HTTP
 * status and why. docs/security/authorization-matrix.md is the same table for people;
 * authorization-matrix.int.test.ts checks every cell against the real HTTP apps.
 *
 * Resources live in two territories. T1 owns the child, case and records the columns name;
 * T2 is "the other" territory: its credentials must not see T1's children, and T1's must not
 * see T2's child (column `case.timeline-t2`).
 */
import type { CredentialInstitution } from '../../services/platform/auth/credential';

export const TERRITORIES = {
  T1: { comuna: '13101', court: '1301', programme: '1130001' },
  T2: { comuna: '05101', court: '1302', programme: '1130002' },
} as const;
export const SCHOOL_RBD = '8485';
export const HEALTH_ESTABLISHMENT = '112100';

/** How the request authenticates: a valid credential, or one of the ways to fail. */
export type TokenKind = 'valid' | 'revoked' | 'forged' | 'malformed' | 'missing';

export interface CredentialRow {
  readonly id: string;
  readonly label: string;
  /** The credential created in PostgreSQL (also for `revoked` and `forged`, whose id is real). */
  readonly credential: { readonly institution: CredentialInstitution; readonly scope: string } | null;
  readonly token: TokenKind;
}

export const ROWS = [
  { id: 'hub-any', label: 'HUB, scope `*`', credential: { institution: 'HUB', scope: '*' }, token: 'valid' },
  { id: 'hub-review', label: 'HUB, scope `identity-review`', credential: { institution: 'HUB', scope: 'identity-review' }, token: 'valid' },
  { id: 'hub-other-scope', label: 'HUB, scope `lag-console` (unrelated scope)', credential: { institution: 'HUB', scope: 'lag-console' }, token: 'valid' },
  { id: 'tribunal-own', label: 'TRIBUNAL, own court (T1 1301)', credential: { institution: 'TRIBUNAL', scope: TERRITORIES.T1.court }, token: 'valid' },
  { id: 'tribunal-other', label: 'TRIBUNAL, other court (T2 1302)', credential: { institution: 'TRIBUNAL', scope: TERRITORIES.T2.court }, token: 'valid' },
  { id: 'sename-own', label: 'SENAME, own programme (T1)', credential: { institution: 'SENAME', scope: TERRITORIES.T1.programme }, token: 'valid' },
  { id: 'sename-other', label: 'SENAME, other programme (T2)', credential: { institution: 'SENAME', scope: TERRITORIES.T2.programme }, token: 'valid' },
  { id: 'muni-own', label: 'MUNICIPALITY, own comuna (T1 13101)', credential: { institution: 'MUNICIPALITY', scope: TERRITORIES.T1.comuna }, token: 'valid' },
  { id: 'muni-other', label: 'MUNICIPALITY, other comuna (T2 05101)', credential: { institution: 'MUNICIPALITY', scope: TERRITORIES.T2.comuna }, token: 'valid' },
  { id: 'school', label: 'SCHOOL (RBD 8485)', credential: { institution: 'SCHOOL', scope: SCHOOL_RBD }, token: 'valid' },
  { id: 'health', label: 'HEALTH (establishment 112100)', credential: { institution: 'HEALTH', scope: HEALTH_ESTABLISHMENT }, token: 'valid' },
  { id: 'revoked', label: 'revoked token (TRIBUNAL 1301, revoked)', credential: { institution: 'TRIBUNAL', scope: TERRITORIES.T1.court }, token: 'revoked' },
  { id: 'forged', label: 'forged token (real id, wrong secret)', credential: { institution: 'HUB', scope: '*' }, token: 'forged' },
  { id: 'malformed', label: 'malformed token (`Bearer rnh_nope`)', credential: null, token: 'malformed' },
  { id: 'missing', label: 'no Authorization header', credential: null, token: 'missing' },
] as const satisfies readonly CredentialRow[];

export type RowId = (typeof ROWS)[number]['id'];
export type Service = 'intake' | 'identity' | 'case-status' | 'api';

export interface Column {
  readonly id: string;
  readonly service: Service;
  readonly method: 'GET' | 'POST';
  /** Path with placeholders filled by the test: {childT1} {childT2} {mergedT1} {caseT1} {unknownChild}. */
  readonly path: string;
  readonly description: string;
  /** Sends `X-Purpose` (the stated reason every read of child data needs). */
  readonly purpose: boolean;
  /** A 200 here is a read of a child's data: it must leave an audit row (who, what, when, why). */
  readonly audit: { readonly table: 'case_api_audit' | 'identity_api_audit'; readonly action: string; readonly resource: string } | null;
}

export const COLUMNS = [
  { id: 'intake.court-order', service: 'intake', method: 'POST', path: '/v1/tribunals/orders', description: 'court order of court 1301 (T1)', purpose: false, audit: null },
  { id: 'intake.municipal-case', service: 'intake', method: 'POST', path: '/v1/municipalities/cases', description: 'municipal case of comuna 13101 (T1)', purpose: false, audit: null },
  { id: 'identity.read', service: 'identity', method: 'GET', path: '/v1/identities/{childT1}', description: 'golden record and records of a child', purpose: true, audit: { table: 'identity_api_audit', action: 'identity.read', resource: '{childT1}' } },
  { id: 'identity.tasks', service: 'identity', method: 'GET', path: '/v1/review/tasks', description: 'review queue (children side by side)', purpose: true, audit: { table: 'identity_api_audit', action: 'review.list', resource: '{task}' } },
  { id: 'case.timeline', service: 'case-status', method: 'GET', path: '/v1/children/{childT1}/timeline', description: 'timeline of a T1 child', purpose: true, audit: { table: 'case_api_audit', action: 'timeline.read', resource: '{childT1}' } },
  { id: 'case.timeline-t2', service: 'case-status', method: 'GET', path: '/v1/children/{childT2}/timeline', description: 'timeline of a T2 child', purpose: true, audit: { table: 'case_api_audit', action: 'timeline.read', resource: '{childT2}' } },
  { id: 'case.timeline-merged', service: 'case-status', method: 'GET', path: '/v1/children/{mergedT1}/timeline', description: 'timeline of an id merged into the T1 child', purpose: true, audit: null },
  { id: 'case.timeline-unknown', service: 'case-status', method: 'GET', path: '/v1/children/{unknownChild}/timeline', description: 'timeline of an id that does not exist', purpose: true, audit: null },
  { id: 'case.timeline-no-purpose', service: 'case-status', method: 'GET', path: '/v1/children/{childT1}/timeline', description: 'timeline of a T1 child WITHOUT X-Purpose', purpose: false, audit: null },
  { id: 'case.case', service: 'case-status', method: 'GET', path: '/v1/cases/{caseT1}', description: 'a T1 case (programme T1, court 1301)', purpose: true, audit: { table: 'case_api_audit', action: 'case.read', resource: '{caseT1}' } },
  { id: 'case.indicators', service: 'case-status', method: 'GET', path: '/v1/indicators?from=2024-01-01&to=2024-12-31', description: 'aggregate indicators', purpose: true, audit: null },
  { id: 'case.metrics', service: 'case-status', method: 'GET', path: '/metrics', description: 'Prometheus scrape (exempt, no personal data)', purpose: false, audit: null },
  { id: 'api.info', service: 'api', method: 'GET', path: '/v1', description: 'what the API is (name, version)', purpose: false, audit: null },
] as const satisfies readonly Column[];

export type ColumnId = (typeof COLUMNS)[number]['id'];

export interface Cell {
  readonly row: RowId;
  readonly column: ColumnId;
  readonly status: 200 | 202 | 308 | 400 | 401 | 403 | 404;
  /** The error code of the body (`codigo`) when the service sends one. */
  readonly code?: string;
  readonly reason: string;
  /** Set when the expected (current) behaviour is a gap against issue 8, reported to the owner. */
  readonly finding?: string;
}

const AUTH_FAILURE: Partial<Record<RowId, Pick<Cell, 'status' | 'code' | 'reason'>>> = {
  revoked: { status: 401, code: 'TOKEN_REVOKED', reason: 'revoked credential (secret proven, row revoked)' },
  forged: { status: 401, code: 'TOKEN_INVALID', reason: 'secret does not match the stored hash' },
  malformed: { status: 401, code: 'TOKEN_INVALID', reason: 'not rnh_<id>_<secret>' },
  missing: { status: 401, code: 'TOKEN_MISSING', reason: 'no bearer token' },
};

const READERS: readonly RowId[] = ['hub-any', 'hub-review', 'hub-other-scope', 'tribunal-own', 'tribunal-other', 'sename-own', 'sename-other', 'muni-own', 'muni-other'];
const HUB_ANY_SCOPE_FINDING = 'case-status ignores the HUB scope: any HUB credential (e.g. `lag-console`) reads every child (services/case-status/http/case-scope.ts childAccess/mayReadCases)';

type Decide = (row: RowId) => Omit<Cell, 'row' | 'column'>;

/** Per column: what each authenticated row gets (auth failures are the same 401s everywhere, except public columns). */
const DECIDE: Record<ColumnId, Decide> = {
  'intake.court-order': (r) => r === 'tribunal-own' ? { status: 202, reason: 'own court publishes its own record' }
    : r === 'tribunal-other' ? { status: 403, code: 'WRONG_UNIT', reason: 'record names court 1301, credential is 1302' }
      : { status: 403, code: 'WRONG_INSTITUTION', reason: 'only TRIBUNAL credentials publish on /v1/tribunals' },
  'intake.municipal-case': (r) => r === 'muni-own' ? { status: 202, reason: 'own comuna publishes its own record' }
    : r === 'muni-other' ? { status: 403, code: 'WRONG_UNIT', reason: 'record names comuna 13101, credential is 05101' }
      : { status: 403, code: 'WRONG_INSTITUTION', reason: 'only MUNICIPALITY credentials publish on /v1/municipalities' },
  'identity.read': (r) => r === 'hub-any' || r === 'hub-review' ? { status: 200, reason: 'hub reviewer (scope identity-review or *), audited' }
    : { status: 403, code: 'FORBIDDEN', reason: 'only HUB reviewers browse identities (ADR 0012)' },
  'identity.tasks': (r) => r === 'hub-any' || r === 'hub-review' ? { status: 200, reason: 'hub reviewer, audited' }
    : { status: 403, code: 'FORBIDDEN', reason: 'only HUB reviewers see the review queue' },
  'case.timeline': (r) => {
    if (r === 'hub-other-scope') return { status: 200, reason: 'HUB sees every child', finding: HUB_ANY_SCOPE_FINDING };
    if (r === 'hub-any' || r === 'hub-review') return { status: 200, reason: 'HUB sees every child (ADR 0014)' };
    if (r === 'tribunal-own') return { status: 200, reason: 'the case is linked to a cause of court 1301' };
    if (r === 'sename-own') return { status: 200, reason: 'the case is in the credential\'s programme' };
    if (r === 'muni-own') return { status: 200, reason: 'the child\'s current comuna is the credential\'s' };
    if (r === 'tribunal-other' || r === 'sename-other' || r === 'muni-other') return { status: 403, code: 'FORBIDDEN_CHILD', reason: 'child of another territory' };
    return { status: 403, code: 'FORBIDDEN_INSTITUTION', reason: 'schools and health never read timelines' };
  },
  'case.timeline-t2': (r) => {
    if (r === 'hub-other-scope') return { status: 200, reason: 'HUB sees every child', finding: HUB_ANY_SCOPE_FINDING };
    if (r === 'hub-any' || r === 'hub-review') return { status: 200, reason: 'HUB sees every child' };
    if (r === 'tribunal-other' || r === 'sename-other' || r === 'muni-other') return { status: 200, reason: 'T2 credential, T2 child' };
    if (r === 'tribunal-own' || r === 'sename-own' || r === 'muni-own') return { status: 403, code: 'FORBIDDEN_CHILD', reason: 'T1 credential, T2 child' };
    return { status: 403, code: 'FORBIDDEN_INSTITUTION', reason: 'schools and health never read timelines' };
  },
  'case.timeline-merged': (r) => READERS.includes(r)
    ? { status: 308, code: 'CHILD_MERGED', reason: 'merged id redirects to the survivor before the territory check',
      finding: r.endsWith('-other') ? 'the 308 names the survivor id to credentials of another territory (services/case-status/http/case-queries.ts timeline: redirect before childAccess); ids are pseudonymous, low risk' : undefined }
    : { status: 403, code: 'FORBIDDEN_INSTITUTION', reason: 'schools and health never read timelines' },
  'case.timeline-unknown': (r) => READERS.includes(r)
    ? { status: 404, code: 'CHILD_NOT_FOUND', reason: 'no such child (404 vs 403 tells a reader whether an id exists; ids are pseudonymous)' }
    : { status: 403, code: 'FORBIDDEN_INSTITUTION', reason: 'refused before any lookup' },
  'case.timeline-no-purpose': () => ({ status: 400, code: 'PURPOSE_REQUIRED', reason: 'nothing is read without a stated purpose (checked before the institution)' }),
  'case.case': (r) => {
    if (r === 'hub-other-scope') return { status: 200, reason: 'HUB sees every case', finding: HUB_ANY_SCOPE_FINDING };
    if (r === 'hub-any' || r === 'hub-review') return { status: 200, reason: 'HUB sees every case' };
    if (r === 'tribunal-own' || r === 'sename-own' || r === 'muni-own') return { status: 200, reason: 'case of the credential\'s court / programme / comuna' };
    if (r === 'tribunal-other' || r === 'sename-other' || r === 'muni-other') return { status: 403, code: 'FORBIDDEN_CASE', reason: 'case of another territory' };
    return { status: 403, code: 'FORBIDDEN_INSTITUTION', reason: 'schools and health never read cases' };
  },
  'case.indicators': (r) => READERS.includes(r)
    ? { status: 200, reason: 'aggregates; a municipality also gets its territory' }
    : { status: 403, code: 'FORBIDDEN_INDICATORS', reason: 'schools and health do not read indicators' },
  'case.metrics': () => ({ status: 200, reason: 'operators\' scrape, unauthenticated by design; counts only (the PII scan reads it)' }),
  'api.info': () => ({ status: 200, reason: 'public description of the API (name, version), no data',
    finding: 'GET /v1 of services/api is unauthenticated: issue 8 says every endpoint authenticates; it serves only static text' }),
};

/** Columns that answer without authentication (every row gets the column's decision). */
const PUBLIC_COLUMNS: ReadonlySet<ColumnId> = new Set<ColumnId>(['case.metrics', 'api.info']);

export function cellOf(row: RowId, column: ColumnId): Cell {
  const failure = AUTH_FAILURE[row];
  if (failure && !PUBLIC_COLUMNS.has(column)) return { row, column, ...failure };
  return { row, column, ...DECIDE[column](row) };
}

/** Every cell, row-major. */
export const MATRIX: readonly Cell[] = ROWS.flatMap((r) => COLUMNS.map((c) => cellOf(r.id, c.id)));

/** Endpoints not in the matrix yet, and why (kept here so the doc and the data agree). */
export const NOT_IN_MATRIX = [
  { service: 'subscriptions', reason: 'pending: being written by another engineer (services/subscriptions); to be added when its API settles' },
  { service: 'lag', reason: 'unauthenticated read-only numbers on loopback by design (ADR 0009); not reachable from institutions' },
  { service: 'dedup (GET /v1/dedup/stats)', reason: 'unauthenticated reconciliation counters (counts only, scanned by the PII test); a finding against "every endpoint authenticates"' },
  { service: 'identity (POST merge/split/resolve)', reason: 'same guards as the reads (CredentialGuard + IdentityReviewerGuard); covered by services/identity/http/identity-api.int.test.ts' },
] as const;
