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
  { id: 'hub-any', label: 'HUB, scope `*` (every hub role)', credential: { institution: 'HUB', scope: '*' }, token: 'valid' },
  { id: 'hub-review', label: 'HUB, scope `identity-review`', credential: { institution: 'HUB', scope: 'identity-review' }, token: 'valid' },
  { id: 'hub-case-read', label: 'HUB, scope `case-read`', credential: { institution: 'HUB', scope: 'case-read' }, token: 'valid' },
  { id: 'hub-ops', label: 'HUB, scope `ops-read`', credential: { institution: 'HUB', scope: 'ops-read' }, token: 'valid' },
  { id: 'hub-other-scope', label: 'HUB, unknown scope `lag-console` (the CLI refuses it; stored directly)', credential: { institution: 'HUB', scope: 'lag-console' }, token: 'valid' },
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
export type Service = 'intake' | 'identity' | 'case-status' | 'dedup' | 'api';

export interface Column {
  readonly id: string;
  readonly service: Service;
  readonly method: 'GET' | 'POST';
  /** Path with placeholders filled by the test: {childT1} {childT2} {mergedT1} {caseT1} {unknownChild} {unknownCase}. */
  readonly path: string;
  readonly description: string;
  /** Sends `X-Purpose` (the stated reason every read of child data needs). */
  readonly purpose: boolean;
  /**
   * The audit row an authenticated answer leaves (who, what, when, why). case-status audits every
   * answer after the purpose check, with the DECISION as status (403 for "exists, not yours" although
   * the caller sees 404); identity audits 200/308/404 and not the reviewer guard's 403 (ADR 0012).
   * `resource`: an id the row must name (null: none, e.g. national indicators).
   */
  readonly audit: { readonly table: 'case_api_audit' | 'identity_api_audit'; readonly action: string; readonly resource: string | null } | null;
  /** The Location a 308 must carry. */
  readonly redirect?: string;
}

export const COLUMNS = [
  { id: 'intake.court-order', service: 'intake', method: 'POST', path: '/v1/tribunals/orders', description: 'court order of court 1301 (T1)', purpose: false, audit: null },
  { id: 'intake.municipal-case', service: 'intake', method: 'POST', path: '/v1/municipalities/cases', description: 'municipal case of comuna 13101 (T1)', purpose: false, audit: null },
  { id: 'identity.read', service: 'identity', method: 'GET', path: '/v1/identities/{childT1}', description: 'golden record and records of a child', purpose: true, audit: { table: 'identity_api_audit', action: 'identity.read', resource: '{childT1}' } },
  { id: 'identity.read-merged', service: 'identity', method: 'GET', path: '/v1/identities/{mergedT1}', description: 'an identity merged into the T1 child', purpose: true, audit: { table: 'identity_api_audit', action: 'identity.read', resource: '{mergedT1}' }, redirect: '/v1/identities/{childT1}' },
  { id: 'identity.read-unknown', service: 'identity', method: 'GET', path: '/v1/identities/{unknownChild}', description: 'an identity id that does not exist', purpose: true, audit: { table: 'identity_api_audit', action: 'identity.read', resource: '{unknownChild}' } },
  { id: 'identity.tasks', service: 'identity', method: 'GET', path: '/v1/review/tasks', description: 'review queue (children side by side)', purpose: true, audit: { table: 'identity_api_audit', action: 'review.list', resource: '{task}' } },
  { id: 'case.timeline', service: 'case-status', method: 'GET', path: '/v1/children/{childT1}/timeline', description: 'timeline of a T1 child', purpose: true, audit: { table: 'case_api_audit', action: 'timeline.read', resource: '{childT1}' } },
  { id: 'case.timeline-t2', service: 'case-status', method: 'GET', path: '/v1/children/{childT2}/timeline', description: 'timeline of a T2 child', purpose: true, audit: { table: 'case_api_audit', action: 'timeline.read', resource: '{childT2}' } },
  { id: 'case.timeline-merged', service: 'case-status', method: 'GET', path: '/v1/children/{mergedT1}/timeline', description: 'timeline of an id merged into the T1 child', purpose: true, audit: { table: 'case_api_audit', action: 'timeline.read', resource: '{mergedT1}' }, redirect: '/v1/children/{childT1}/timeline' },
  { id: 'case.timeline-unknown', service: 'case-status', method: 'GET', path: '/v1/children/{unknownChild}/timeline', description: 'timeline of an id that does not exist', purpose: true, audit: { table: 'case_api_audit', action: 'timeline.read', resource: '{unknownChild}' } },
  { id: 'case.timeline-no-purpose', service: 'case-status', method: 'GET', path: '/v1/children/{childT1}/timeline', description: 'timeline of a T1 child WITHOUT X-Purpose', purpose: false, audit: null },
  { id: 'case.case', service: 'case-status', method: 'GET', path: '/v1/cases/{caseT1}', description: 'a T1 case (programme T1, court 1301)', purpose: true, audit: { table: 'case_api_audit', action: 'case.read', resource: '{caseT1}' } },
  { id: 'case.case-unknown', service: 'case-status', method: 'GET', path: '/v1/cases/{unknownCase}', description: 'a case id that does not exist', purpose: true, audit: { table: 'case_api_audit', action: 'case.read', resource: '{unknownCase}' } },
  { id: 'case.indicators', service: 'case-status', method: 'GET', path: '/v1/indicators?from=2024-01-01&to=2024-12-31', description: 'aggregate indicators', purpose: true, audit: { table: 'case_api_audit', action: 'indicators.read', resource: null } },
  { id: 'case.metrics', service: 'case-status', method: 'GET', path: '/metrics', description: 'Prometheus scrape (public by design, no personal data)', purpose: false, audit: null },
  { id: 'dedup.stats', service: 'dedup', method: 'GET', path: '/v1/dedup/stats', description: 'dedup reconciliation counters (counts only)', purpose: false, audit: null },
  { id: 'api.info', service: 'api', method: 'GET', path: '/v1', description: 'service index: what the API is (name, version)', purpose: false, audit: null },
] as const satisfies readonly Column[];

export type ColumnId = (typeof COLUMNS)[number]['id'];

export interface Cell {
  readonly row: RowId;
  readonly column: ColumnId;
  readonly status: 200 | 202 | 308 | 400 | 401 | 403 | 404;
  /** The error code of the body (`codigo`) when the service sends one. */
  readonly code?: string;
  readonly reason: string;
  /**
   * The answer must be byte-for-byte the one this same credential gets from that column (status,
   * body, no Location): "not yours" must not be told apart from "does not exist".
   */
  readonly sameAnswerAs?: ColumnId;
  /** Status the audit row records when it differs from the answer (the real decision). */
  readonly auditStatus?: number;
  /** Set when the expected (current) behaviour is a gap against issue 8, reported to the owner. */
  readonly finding?: string;
}

const AUTH_FAILURE: Partial<Record<RowId, Pick<Cell, 'status' | 'code' | 'reason'>>> = {
  revoked: { status: 401, code: 'TOKEN_REVOKED', reason: 'revoked credential (secret proven, row revoked)' },
  forged: { status: 401, code: 'TOKEN_INVALID', reason: 'secret does not match the stored hash' },
  malformed: { status: 401, code: 'TOKEN_INVALID', reason: 'not rnh_<id>_<secret>' },
  missing: { status: 401, code: 'TOKEN_MISSING', reason: 'no bearer token' },
};

type Decide = (row: RowId) => Omit<Cell, 'row' | 'column'>;

/** HUB rows without the `case-read` role: refused before any lookup, whatever id they ask for. */
const HUB_NO_CASE_READ: readonly RowId[] = ['hub-review', 'hub-ops', 'hub-other-scope'];
const HUB_CASE_READERS: readonly RowId[] = ['hub-any', 'hub-case-read'];
const T1_READERS: readonly RowId[] = ['tribunal-own', 'sename-own', 'muni-own'];
const T2_READERS: readonly RowId[] = ['tribunal-other', 'sename-other', 'muni-other'];
const REVIEWERS: readonly RowId[] = ['hub-any', 'hub-review'];

/**
 * What a case-status read decides before looking at the resource: null when the credential may read
 * cases at all. A refusal here depends on the credential only, so it must equal the answer to an
 * unknown id (`twin`), which the test checks.
 */
function caseGate(r: RowId, what: string, twin?: ColumnId): Omit<Cell, 'row' | 'column'> | null {
  const same = twin ? { sameAnswerAs: twin } : {};
  if (HUB_NO_CASE_READ.includes(r)) return { status: 403, code: 'HUB_SCOPE_REQUIRED', reason: `HUB staff read ${what} only with scope case-read (or *)`, ...same };
  if (r === 'school' || r === 'health') return { status: 403, code: 'FORBIDDEN_INSTITUTION', reason: `schools and health never read ${what}`, ...same };
  return null;
}

const notYourChild = (why: string): Omit<Cell, 'row' | 'column'> => ({
  status: 404, code: 'CHILD_NOT_FOUND', reason: `${why}: answered exactly like an unknown id`, sameAnswerAs: 'case.timeline-unknown', auditStatus: 403,
});
const notYourCase = (why: string): Omit<Cell, 'row' | 'column'> => ({
  status: 404, code: 'CASE_NOT_FOUND', reason: `${why}: answered exactly like an unknown case`, sameAnswerAs: 'case.case-unknown', auditStatus: 403,
});
const identityGate = (r: RowId, ok: Omit<Cell, 'row' | 'column'>, twin?: ColumnId): Omit<Cell, 'row' | 'column'> => REVIEWERS.includes(r) ? ok
  : { status: 403, code: 'FORBIDDEN', reason: 'only HUB reviewers (identity-review or *) browse identities, refused before any lookup (ADR 0012)', ...(twin ? { sameAnswerAs: twin } : {}) };

/** Per column: what each authenticated row gets (auth failures are the same 401s everywhere, except public columns). */
const DECIDE: Record<ColumnId, Decide> = {
  'intake.court-order': (r) => r === 'tribunal-own' ? { status: 202, reason: 'own court publishes its own record' }
    : r === 'tribunal-other' ? { status: 403, code: 'WRONG_UNIT', reason: 'record names court 1301, credential is 1302' }
      : { status: 403, code: 'WRONG_INSTITUTION', reason: 'only TRIBUNAL credentials publish on /v1/tribunals' },
  'intake.municipal-case': (r) => r === 'muni-own' ? { status: 202, reason: 'own comuna publishes its own record' }
    : r === 'muni-other' ? { status: 403, code: 'WRONG_UNIT', reason: 'record names comuna 13101, credential is 05101' }
      : { status: 403, code: 'WRONG_INSTITUTION', reason: 'only MUNICIPALITY credentials publish on /v1/municipalities' },
  'identity.read': (r) => identityGate(r, { status: 200, reason: 'hub reviewer (scope identity-review or *), audited' }, 'identity.read-unknown'),
  'identity.read-merged': (r) => identityGate(r, { status: 308, code: 'IDENTITY_REDIRECTED', reason: 'reviewers see every identity, so the redirect to the survivor tells them nothing new' }, 'identity.read-unknown'),
  'identity.read-unknown': (r) => identityGate(r, { status: 404, code: 'IDENTITY_NOT_FOUND', reason: 'no such identity (only reviewers, who may see all, get this far)' }),
  'identity.tasks': (r) => identityGate(r, { status: 200, reason: 'hub reviewer, audited' }),
  'case.timeline': (r) => caseGate(r, 'timelines', 'case.timeline-unknown')
    ?? (HUB_CASE_READERS.includes(r) ? { status: 200, reason: 'HUB staff with case-read see every child (ADR 0014), audited with purpose' }
      : r === 'tribunal-own' ? { status: 200, reason: 'the case is linked to a cause of court 1301' }
        : r === 'sename-own' ? { status: 200, reason: 'the case is in the credential\'s programme' }
          : r === 'muni-own' ? { status: 200, reason: 'the child\'s current comuna is the credential\'s' }
            : notYourChild('child of another territory')),
  'case.timeline-t2': (r) => caseGate(r, 'timelines', 'case.timeline-unknown')
    ?? (HUB_CASE_READERS.includes(r) ? { status: 200, reason: 'HUB staff with case-read see every child' }
      : T2_READERS.includes(r) ? { status: 200, reason: 'T2 credential, T2 child' }
        : notYourChild('T1 credential, T2 child')),
  'case.timeline-merged': (r) => caseGate(r, 'timelines', 'case.timeline-unknown')
    ?? (HUB_CASE_READERS.includes(r) || T1_READERS.includes(r) ? { status: 308, code: 'CHILD_MERGED', reason: 'merged id redirects to the survivor, for callers entitled to the survivor only' }
      : notYourChild('merged into a child of another territory: no redirect, the survivor id is not revealed')),
  'case.timeline-unknown': (r) => caseGate(r, 'timelines') ?? { status: 404, code: 'CHILD_NOT_FOUND', reason: 'no such child (the same answer as a child the credential may not see)' },
  'case.timeline-no-purpose': () => ({ status: 400, code: 'PURPOSE_REQUIRED', reason: 'nothing is read without a stated purpose (checked before anything else)' }),
  'case.case': (r) => caseGate(r, 'cases', 'case.case-unknown')
    ?? (HUB_CASE_READERS.includes(r) ? { status: 200, reason: 'HUB staff with case-read see every case' }
      : T1_READERS.includes(r) ? { status: 200, reason: 'case of the credential\'s court / programme / comuna' }
        : notYourCase('case of another territory')),
  'case.case-unknown': (r) => caseGate(r, 'cases') ?? { status: 404, code: 'CASE_NOT_FOUND', reason: 'no such case (the same answer as a case the credential may not see)' },
  'case.indicators': (r) => HUB_NO_CASE_READ.includes(r) ? { status: 403, code: 'HUB_SCOPE_REQUIRED', reason: 'indicators derive from the cases: HUB staff need case-read (or *)' }
    : r === 'school' || r === 'health' ? { status: 403, code: 'FORBIDDEN_INDICATORS', reason: 'schools and health do not read indicators' }
      : { status: 200, reason: 'aggregates; a municipality also gets its territory' },
  'case.metrics': () => ({ status: 200, reason: 'operators\' scrape, public by design (loopback / operators\' network); counts only (the PII scan reads it)' }),
  'dedup.stats': (r) => r === 'hub-any' || r === 'hub-ops' ? { status: 200, reason: 'hub operators (scope ops-read or *): counters only' }
    : { status: 403, code: 'HUB_SCOPE_REQUIRED', reason: 'operational counters are for hub operators (ops-read) only' },
  'api.info': () => ({ status: 200, reason: 'public by design: static service index (name, version, description), no data about children or institutions' }),
};

/** Columns that answer without authentication, by design (docs/security/README.md): every row gets the column's decision. */
export const PUBLIC_COLUMNS: ReadonlySet<ColumnId> = new Set<ColumnId>(['case.metrics', 'api.info']);

export function cellOf(row: RowId, column: ColumnId): Cell {
  const failure = AUTH_FAILURE[row];
  if (failure && !PUBLIC_COLUMNS.has(column)) return { row, column, ...failure };
  return { row, column, ...DECIDE[column](row) };
}

/** Every cell, row-major. */
export const MATRIX: readonly Cell[] = ROWS.flatMap((r) => COLUMNS.map((c) => cellOf(r.id, c.id)));

/** Endpoints not in the matrix, and why (kept here so the doc and the data agree). */
export const NOT_IN_MATRIX = [
  { service: 'subscriptions', reason: 'MUNICIPALITY credentials only, own comuna; another comuna\'s subscription id answers 404 like an unknown one (services/subscriptions/http/subscription-service.ts `owned`); owned and tested by the subscriptions engineer (subscriptions.int.test.ts); gaps reported in docs/security/README.md' },
  { service: 'lag', reason: 'unauthenticated read-only numbers on loopback by design (ADR 0009); not reachable from institutions' },
  { service: 'intake (GET /v1/openapi.json, GET /v1/docs)', reason: 'public by design: the API description institutions integrate against; no data' },
  { service: 'identity (POST merge/split/resolve, GET explain)', reason: 'same guards as the reads (CredentialGuard + IdentityReviewerGuard); covered by services/identity/http/identity-api.int.test.ts' },
] as const;
