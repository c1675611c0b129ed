import { parseCutCode, parseRbd } from '../chile';
import { ANY_UNIT, type Credential, type CredentialInstitution } from './credential';
import { isHubScope } from './hub-scopes';

/**
 * What a credential may do, decided from plain values (pure). A court publishes only as itself:
 * the route's institution must be the credential's, and the unit the record names (its court
 * code, programme, comuna, RBD or establishment) must be the credential's scope, unless the
 * scope is `*` (every unit of that institution, granted explicitly).
 */
export type Denial = 'WRONG_INSTITUTION' | 'WRONG_UNIT';

export function checkInstitution(c: Pick<Credential, 'institution'>, institution: string): Denial | null {
  return c.institution === institution ? null : 'WRONG_INSTITUTION';
}

export function checkUnit(c: Pick<Credential, 'scope'>, unit: string): Denial | null {
  return c.scope === ANY_UNIT || c.scope === unit ? null : 'WRONG_UNIT';
}

/** Units as codes: letters, digits, `.`, `_`, `-` (the connectors' id type), up to 64. */
const UNIT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * A scope as operators type it → the unit exactly as the connector will name it in records, so
 * the comparison in checkUnit is plain equality: comuna CUT codes padded to 5 digits (`8101` →
 * `08101`), RBDs without check digit or leading zeros (`08485-3` → `8485`); for HUB one of the
 * staff roles of hub-scopes.ts (a typo would otherwise create a credential that may do nothing).
 * null when invalid.
 */
export function canonicalScope(institution: CredentialInstitution, raw: string): string | null {
  const s = raw.trim();
  if (s === ANY_UNIT) return ANY_UNIT;
  if (institution === 'HUB') return isHubScope(s) ? s : null;
  if (institution === 'MUNICIPALITY') {
    const r = parseCutCode(s);
    return r.ok ? r.code : null;
  }
  if (institution === 'SCHOOL') {
    const [num, dv] = s.split('-');
    const r = parseRbd(num, dv);
    return r.ok ? String(r.rbd) : null;
  }
  return UNIT.test(s) ? s : null;
}
