import type { Pool } from 'pg';
import type { Credential, CredentialInstitution, StoredCredential } from './credential';
import { issueToken } from './token';

interface Row {
  id: string;
  institution: CredentialInstitution;
  scope: string;
  secret_sha256: Buffer;
  label: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = 'id, institution, scope, secret_sha256, label, created_at, revoked_at';

/** The `credentials` table (services/platform/migrations/0002_credentials.sql). */
export class CredentialRepository {
  constructor(private readonly pool: Pool) {}

  /** Creates a credential and returns it with its token: the only time the token exists in clear. */
  async create(input: { institution: CredentialInstitution; scope: string; label: string | null }): Promise<{ credential: Credential; token: string }> {
    const issued = issueToken();
    const { rows } = await this.pool.query<Row>(
      `INSERT INTO credentials (id, institution, scope, secret_sha256, label) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [issued.credentialId, input.institution, input.scope, issued.secretHash, input.label],
    );
    return { credential: toCredential(rows[0]!), token: issued.token };
  }

  async findStored(id: string): Promise<StoredCredential | null> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM credentials WHERE id = $1`, [id]);
    return rows[0] ? { ...toCredential(rows[0]), secretHash: rows[0].secret_sha256 } : null;
  }

  async list(): Promise<Credential[]> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM credentials ORDER BY created_at, id`);
    return rows.map(toCredential);
  }

  /** Revokes once: the first revocation time is kept. null when the id does not exist. */
  async revoke(id: string): Promise<Credential | null> {
    const { rows } = await this.pool.query<Row>(
      `UPDATE credentials SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`, [id],
    );
    return rows[0] ? toCredential(rows[0]) : null;
  }
}

function toCredential(r: Row): Credential {
  return { id: r.id, institution: r.institution, scope: r.scope, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at };
}
