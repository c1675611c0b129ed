import { ANY_UNIT, type Credential } from './credential';

/**
 * What the hub's own staff (institution `HUB`) may do. A HUB credential carries exactly one of
 * these scopes, or `*` (every HUB role, granted explicitly only); any other scope grants nothing.
 * Each role is the least an activity needs (docs/security/README.md, "HUB scopes"):
 *
 * - `identity-review`: review tasks, identity reads and corrections (identity API, ADR 0012).
 *   Reviewers compare identifying fields; they do NOT read case timelines.
 * - `case-read`: children's timelines, cases and indicators (case-status API, ADR 0014), e.g.
 *   the hub's support desk answering an institution's ticket. Every read is audited with its purpose.
 * - `ops-read`: operational counters without personal data (`GET /v1/dedup/stats`).
 *
 * Created with `npx hub credentials create --institution HUB --scope <role>`.
 */
export const HUB_SCOPES = ['identity-review', 'case-read', 'ops-read'] as const;
export type HubScope = (typeof HUB_SCOPES)[number];

export function isHubScope(v: string): v is HubScope {
  return (HUB_SCOPES as readonly string[]).includes(v);
}

/** Pure rule: a HUB credential whose scope is the role, or `*`. Institutions never hold hub roles. */
export function holdsHubScope(c: Pick<Credential, 'institution' | 'scope'>, role: HubScope): boolean {
  return c.institution === 'HUB' && (c.scope === role || c.scope === ANY_UNIT);
}
