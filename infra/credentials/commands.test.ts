import type { CliContext } from '../cli/command';
import { createTranslator, type Lang } from '../../services/platform/i18n/i18n';
import type { Credential } from '../../services/platform/auth/credential';
import { issueToken, parseToken } from '../../services/platform/auth/token';
import { createCredentialCommands, type CredentialStore } from './commands';
import { credentialMessages } from './messages';

/** An in-memory credential table, so the commands' behaviour is tested without PostgreSQL (see the .int test for the real one). */
function memoryStore() {
  const rows: Credential[] = [];
  const store: CredentialStore = {
    async create(input) {
      const t = issueToken();
      const c: Credential = { id: t.credentialId, ...input, createdAt: new Date('2026-03-04T13:30:00Z'), revokedAt: null };
      rows.push(c);
      return { credential: c, token: t.token };
    },
    async list() { return [...rows]; },
    async revoke(id) {
      const i = rows.findIndex((r) => r.id === id);
      if (i < 0) return null;
      rows[i] = { ...rows[i]!, revokedAt: rows[i]!.revokedAt ?? new Date('2026-03-05T12:00:00Z') };
      return rows[i]!;
    },
  };
  return { rows, store };
}

async function run(store: CredentialStore, argv: { path: string; positional?: string[]; flags?: Record<string, string | boolean> }, lang: Lang = 'es') {
  const out: string[] = [];
  const err: string[] = [];
  const tr = createTranslator(lang, credentialMessages.es, credentialMessages.en);
  const ctx: CliContext = { lang, t: tr.t, out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false, env: {} };
  const cmd = createCredentialCommands(async () => ({ store, close: async () => undefined })).find((c) => c.path[1] === argv.path)!;
  const code = await cmd.run({ positional: argv.positional ?? [], flags: argv.flags ?? {} }, ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('hub credentials', () => {
  it('Given a court code, When a credential is created, Then a bearer token is printed once with Spanish instructions', async () => {
    const { rows, store } = memoryStore();
    const r = await run(store, { path: 'create', flags: { institution: 'tribunal', scope: '1301' } });
    expect(r.code).toBe(0);
    const token = /token: (\S+)/.exec(r.out)![1]!;
    expect(parseToken(token)?.credentialId).toBe(rows[0]!.id);
    expect(r.out).toContain('Credencial creada para TRIBUNAL, alcance 1301 (código del tribunal).');
    expect(r.out).toContain('no podrá mostrarlo de nuevo');
    expect(rows[0]).toMatchObject({ institution: 'TRIBUNAL', scope: '1301' });
  });

  it('Given a municipality comuna written with 4 digits, When created, Then the scope is stored as the connector will name the unit', async () => {
    const { rows, store } = memoryStore();
    expect((await run(store, { path: 'create', flags: { institution: 'MUNICIPALITY', scope: '8101' } })).code).toBe(0);
    expect(rows[0]!.scope).toBe('08101');
  });

  it('Given a misspelt hub role, When a HUB credential is created, Then it is refused naming the hub roles', async () => {
    const { rows, store } = memoryStore();
    const r = await run(store, { path: 'create', flags: { institution: 'HUB', scope: 'case-raed' } });
    expect(r.code).toBe(2);
    expect(r.err).toContain('un rol del hub (identity-review, case-read, ops-read)');
    expect(rows).toHaveLength(0);
  });

  it('Given scope * for HUB, When created, Then the warning says it grants every hub role', async () => {
    const { store } = memoryStore();
    const r = await run(store, { path: 'create', flags: { institution: 'HUB', scope: '*' } });
    expect(r.code).toBe(0);
    expect(r.out).toContain('otorga todos los roles del hub');
  });

  it('Given --json, When created, Then one JSON line carries the id, scope and token', async () => {
    const { store } = memoryStore();
    const r = await run(store, { path: 'create', flags: { institution: 'SENAME', scope: '*', json: true } });
    const parsed = JSON.parse(r.out) as { token: string; scope: string; institution: string };
    expect(parsed).toMatchObject({ institution: 'SENAME', scope: '*' });
    expect(parseToken(parsed.token)).not.toBeNull();
  });

  it('Given scope *, When created, Then the operator is warned it covers every unit', async () => {
    const { store } = memoryStore();
    const r = await run(store, { path: 'create', flags: { institution: 'HEALTH', scope: '*' } });
    expect(r.out).toContain('alcance * permite publicar como cualquier unidad de HEALTH');
  });

  it('Given a missing scope, an unknown institution or an invalid unit, When created, Then nothing is stored and it explains why (exit 2)', async () => {
    const { rows, store } = memoryStore();
    expect((await run(store, { path: 'create', flags: { institution: 'TRIBUNAL' } })).err).toContain('Uso: npx hub credentials create');
    const unknown = await run(store, { path: 'create', flags: { institution: 'POLICIA', scope: '1' } });
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('Institución desconocida: POLICIA');
    const bad = await run(store, { path: 'create', flags: { institution: 'SCHOOL', scope: 'abc' } }, 'en');
    expect(bad.err).toContain('Invalid scope for SCHOOL: abc');
    expect(rows).toHaveLength(0);
  });

  it('Given credentials, When listed, Then each shows id, institution, scope and state, and never a secret', async () => {
    const { store } = memoryStore();
    const created = await run(store, { path: 'create', flags: { institution: 'TRIBUNAL', scope: '1301', label: 'SITFA Santiago' } });
    const token = /token: (\S+)/.exec(created.out)![1]!;
    await run(store, { path: 'create', flags: { institution: 'SCHOOL', scope: '8485' } });
    const r = await run(store, { path: 'list' });
    expect(r.out).toMatch(/1301\s+2026-03-04 10:30\s+vigente\s+SITFA Santiago/);
    expect(r.out).toContain('2 credencial(es), 2 vigente(s).');
    expect(r.out).not.toContain(parseToken(token)!.secret);
  });

  it('Given a credential, When revoked twice, Then it is revoked once and the second time says since when', async () => {
    const { rows, store } = memoryStore();
    await run(store, { path: 'create', flags: { institution: 'TRIBUNAL', scope: '1301' } });
    const id = rows[0]!.id;
    const first = await run(store, { path: 'revoke', positional: [id] });
    expect(first.out).toContain(`Credencial ${id} revocada`);
    const second = await run(store, { path: 'revoke', positional: [id] });
    expect(second.out).toContain('ya estaba revocada desde 2026-03-05 09:00');
    expect((await run(store, { path: 'list' })).out).toContain('0 vigente(s)');
    expect((await run(store, { path: 'revoke', positional: ['0000000000000000'] })).err).toContain('No existe la credencial');
  });
});
