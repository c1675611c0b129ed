import type { Pool, PoolClient } from 'pg';

/**
 * One row of the review API's audit (table identity_api_audit, migrations/0002, append-only):
 * who (credential id), what (action, resource ids), why (stated purpose or correction reason),
 * the request id and the answer's status. Ids only, never personal data.
 */
export interface AuditEntry {
  readonly credentialId: string;
  readonly action: string;
  readonly resourceIds: readonly string[];
  readonly purpose: string;
  readonly requestId: string;
  readonly status: number;
}

export async function appendAudit(db: Pool | PoolClient, e: AuditEntry): Promise<void> {
  await db.query(
    'INSERT INTO identity_api_audit (credential_id, action, resource_ids, purpose, request_id, status) VALUES ($1, $2, $3, $4, $5, $6)',
    [e.credentialId, e.action, [...new Set(e.resourceIds)], e.purpose, e.requestId, e.status],
  );
}
