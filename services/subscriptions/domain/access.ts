/**
 * Who may manage and read a subscription (pure; docs/adr/0015): only a MUNICIPALITY credential
 * whose scope is exactly the subscription's comuna CUT. A `*` scope is refused on purpose: a
 * subscription is one territory's stream, and no credential should see every territory's children.
 */

/** The parts of a credential (services/platform/auth) the rule needs. */
export interface CallerScope { readonly institution: string; readonly scope: string }

export type Access = 'OK' | 'FORBIDDEN_INSTITUTION' | 'FORBIDDEN_COMUNA';

export function mayManage(c: CallerScope, comunaCode: string): Access {
  if (c.institution !== 'MUNICIPALITY') return 'FORBIDDEN_INSTITUTION';
  return c.scope === comunaCode ? 'OK' : 'FORBIDDEN_COMUNA';
}
