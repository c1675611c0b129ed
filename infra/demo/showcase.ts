import type { Pool } from 'pg';
import { CredentialRepository } from '../../services/platform/auth/credential-repository';
import { canonicalScope } from '../../services/platform/auth/scope';

/** Label of the credentials the demo creates: the next demo revokes them (they are only for trying the APIs). */
export const DEMO_CREDENTIAL_LABEL = 'demo (npm start)';
/** Scope of hub staff who work the identity review queue (services/identity/http/reviewer.guard.ts). */
const IDENTITY_REVIEW_SCOPE = 'identity-review';

/** Stated purposes (X-Purpose, audited by the APIs). ASCII so any shell and HTTP client pass them unchanged. */
export const PURPOSES = {
  timeline: 'seguimiento de caso (demo)',
  review: 'cola de revision de identidades (demo)',
  indicators: 'indicadores de la red (demo)',
} as const;

export interface Candidate {
  readonly childId: string;
  readonly comuna: string;
  readonly institutions: number;
  readonly events: number;
}

/**
 * Children worth showing: linked (not merged away), with a known comuna (a municipality reads the
 * children of its territory), most institutions first, then the richest timeline. Reads the
 * case-status service's tables, where the timeline API reads from; the API itself then confirms.
 */
export async function childCandidates(pool: Pool, limit = 8): Promise<Candidate[]> {
  const { rows } = await pool.query<{ child_id: string; comuna_code: string; institutions: string; events: string }>(`
    SELECT e.child_id, c.comuna_code, count(DISTINCT e.event->>'institution') AS institutions, count(*) AS events
      FROM case_events e JOIN case_children c ON c.child_id = e.child_id
     WHERE e.child_id IS NOT NULL AND c.comuna_code IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM case_child_redirects r WHERE r.child_id = e.child_id)
     GROUP BY e.child_id, c.comuna_code
     ORDER BY count(DISTINCT e.event->>'institution') DESC, count(*) DESC, e.child_id
     LIMIT $1`, [limit]);
  return rows.flatMap((r) => {
    const comuna = canonicalScope('MUNICIPALITY', r.comuna_code);
    return comuna === null ? [] : [{ childId: r.child_id, comuna, institutions: Number(r.institutions), events: Number(r.events) }];
  });
}

export interface DemoCredentials {
  readonly revoked: number;
  create(institution: 'MUNICIPALITY' | 'HUB', scope: string): Promise<string>;
}

/** Revokes the previous demo's credentials, then creates new ones on demand (tokens returned once, never stored). */
export async function demoCredentials(pool: Pool): Promise<DemoCredentials> {
  const repo = new CredentialRepository(pool);
  let revoked = 0;
  for (const c of await repo.list()) {
    if (c.label === DEMO_CREDENTIAL_LABEL && c.revokedAt === null) { await repo.revoke(c.id); revoked++; }
  }
  return {
    revoked,
    async create(institution, scope) {
      return (await repo.create({ institution, scope, label: DEMO_CREDENTIAL_LABEL })).token;
    },
  };
}

export const reviewScope = IDENTITY_REVIEW_SCOPE;

/** GET with the demo's headers: exactly what the printed `curl` sends. */
export async function getWith(url: string, token: string, purpose: string, lang: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, 'x-purpose': purpose, 'accept-language': lang },
    redirect: 'manual', signal: AbortSignal.timeout(30000),
  });
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* CSV */ }
  return { status: res.status, body };
}

/** Distinct institutions on a timeline answer (the `institution` of its entries). */
export function timelineInstitutions(body: unknown): string[] {
  const timeline = (body as { timeline?: { institution?: unknown }[] } | null)?.timeline ?? [];
  return [...new Set(timeline.map((t) => t.institution).filter((i): i is string => typeof i === 'string'))].sort();
}

/** A ready-to-paste curl line (single quotes: tokens and URLs have none). */
export function curlLine(url: string, token: string, purpose: string): string {
  return `curl -s -H 'Authorization: Bearer ${token}' -H 'X-Purpose: ${purpose}' '${url}'`;
}
