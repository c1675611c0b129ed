import type { Pool } from 'pg';
import { createPool, quoteIdent } from '../postgres/create-pool';
import { discoverMigrations, runMigrations } from '../postgres/migrations/run-migrations';
import { findRepoRoot } from '../paths';
import { testConfig, uniqueId } from '../../../test/harness/test-env';
import { Authenticator } from './authenticator';
import { CredentialRepository } from './credential-repository';
import { parseToken, secretMatches } from './token';

describe('CredentialRepository (PostgreSQL)', () => {
  let pool: Pool;
  let repo: CredentialRepository;
  let schema: string;

  beforeAll(async () => {
    const config = testConfig();
    schema = `${config.HUB_DB_SCHEMA}_${uniqueId('cred').replace('-', '_')}`;
    pool = await createPool({ databaseUrl: config.DATABASE_URL, schema, applicationName: 'test', max: 2 });
    await runMigrations(pool, discoverMigrations(findRepoRoot()).filter((m) => m.component === 'platform'));
    repo = new CredentialRepository(pool);
  });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    await pool.end();
  });

  it('Given a new credential, When stored, Then only the SHA-256 of its secret is kept and it matches the printed token', async () => {
    const { credential, token } = await repo.create({ institution: 'TRIBUNAL', scope: '1301', label: 'SITFA' });
    const { rows } = await pool.query<{ row: string }>('SELECT row_to_json(c)::text AS row FROM credentials c WHERE id = $1', [credential.id]);
    const parsed = parseToken(token)!;
    expect(rows[0]!.row).not.toContain(parsed.secret);
    const stored = await repo.findStored(credential.id);
    expect(secretMatches(parsed.secret, stored!.secretHash)).toBe(true);
    expect(stored).toMatchObject({ institution: 'TRIBUNAL', scope: '1301', label: 'SITFA', revokedAt: null });
  });

  it('Given a credential, When revoked twice, Then the first revocation time is kept and the authenticator refuses it', async () => {
    const { credential, token } = await repo.create({ institution: 'SCHOOL', scope: '8485', label: null });
    const first = await repo.revoke(credential.id);
    const second = await repo.revoke(credential.id);
    expect(first!.revokedAt).toBeInstanceOf(Date);
    expect(second!.revokedAt).toEqual(first!.revokedAt);
    expect(await new Authenticator(repo).authenticate(`Bearer ${token}`)).toEqual({ ok: false, reason: 'TOKEN_REVOKED' });
    expect(await repo.revoke('ffffffffffffffff')).toBeNull();
  });

  it('Given an institution outside the catalogue, When inserted directly, Then the table refuses it', async () => {
    await expect(pool.query("INSERT INTO credentials (id, institution, scope, secret_sha256) VALUES ('0123456789abcdef', 'POLICIA', '1', decode(repeat('00', 32), 'hex'))")).rejects.toThrow(/check constraint/);
  });

  it('Given credentials, When listed, Then they come oldest first with no secret material', async () => {
    const all = await repo.list();
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const c of all) expect(Object.keys(c).sort()).toEqual(['createdAt', 'id', 'institution', 'label', 'revokedAt', 'scope']);
  });
});
