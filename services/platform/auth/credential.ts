/**
 * A credential: what one institution, or one unit of it (a court, a programme, a school…), uses to
 * send records to the hub. The secret is never stored, only its SHA-256 (token.ts); revoking keeps
 * the row, so audits can still name who sent what.
 */
export interface Credential {
  /** Public id, the middle part of the token (`rnh_<id>_<secret>`); safe to log. */
  readonly id: string;
  readonly institution: CredentialInstitution;
  /** The unit it may publish as (court code, programme code, comuna CUT, RBD, DEIS code), or `*`. */
  readonly scope: string;
  /** Free text for operators (who holds it, which system); never shown to other institutions. */
  readonly label: string | null;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

/** A stored credential with its secret's hash: what authentication compares against. */
export interface StoredCredential extends Credential {
  readonly secretHash: Buffer;
}

/**
 * Institutions that hold credentials. The same codes as the connectors' `sourceInstitution`
 * (connectors/sdk/record-kind.ts); repeated here because the platform may not import connectors.
 * `HUB` is the hub's own staff (e.g. identity reviewers, scope `identity-review`): no connector
 * route accepts it, and only hub APIs that name its scope do (docs/adr/0012).
 */
export const CREDENTIAL_INSTITUTIONS = ['TRIBUNAL', 'SENAME', 'MUNICIPALITY', 'SCHOOL', 'HEALTH', 'HUB'] as const;
export type CredentialInstitution = (typeof CREDENTIAL_INSTITUTIONS)[number];

/** Scope that covers every unit of the credential's institution. Only ever set explicitly. */
export const ANY_UNIT = '*';

export function isCredentialInstitution(v: string): v is CredentialInstitution {
  return (CREDENTIAL_INSTITUTIONS as readonly string[]).includes(v);
}
