import { INTAKE_CONNECTORS } from '../../connectors/intake/connectors';
import { ANY_UNIT, CREDENTIAL_INSTITUTIONS, isCredentialInstitution, type Credential, type CredentialInstitution } from '../../services/platform/auth/credential';
import { CredentialRepository } from '../../services/platform/auth/credential-repository';
import { HUB_SCOPES } from '../../services/platform/auth/hub-scopes';
import { canonicalScope } from '../../services/platform/auth/scope';
import { hubConfigSchema } from '../../services/platform/config/hub-config';
import { loadConfig } from '../../services/platform/config/load-config';
import { createPool } from '../../services/platform/postgres/create-pool';
import type { CliContext, Command } from '../cli/command';

/** What the commands need from the credential table (CredentialRepository, or a fake in tests). */
export interface CredentialStore {
  create(input: { institution: CredentialInstitution; scope: string; label: string | null }): Promise<{ credential: Credential; token: string }>;
  list(): Promise<Credential[]>;
  revoke(id: string): Promise<Credential | null>;
}

export type OpenStore = (env: NodeJS.ProcessEnv) => Promise<{ store: CredentialStore; close(): Promise<void> }>;

const openPostgresStore: OpenStore = async (env) => {
  const config = loadConfig(hubConfigSchema, env);
  const pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: config.HUB_DB_SCHEMA, applicationName: 'hub-credentials', max: 1 });
  return { store: new CredentialRepository(pool), close: () => pool.end() };
};

/** What a scope names, per institution, from the connector specs (shown in messages and help). */
function scopeMeaning(institution: CredentialInstitution, ctx: CliContext): string {
  if (institution === 'HUB') return ctx.t('credentials.hubRoles', { roles: HUB_SCOPES.join(', ') });
  const spec = INTAKE_CONNECTORS.find((s) => s.institution === institution);
  return spec ? spec.scopeMeaning[ctx.lang] : institution;
}

export function createCredentialCommands(open: OpenStore = openPostgresStore): Command[] {
  const withStore = async (ctx: CliContext, body: (store: CredentialStore) => Promise<number>): Promise<number> => {
    let opened: Awaited<ReturnType<OpenStore>> | undefined;
    try {
      opened = await open(ctx.env);
      return await body(opened.store);
    } catch (err) {
      if ((err as { code?: unknown }).code === '42P01') { ctx.err(ctx.t('credentials.noTable')); return 1; }
      ctx.err(ctx.t('credentials.failed', { reason: err instanceof Error ? err.message : String(err) }));
      return 1;
    } finally {
      await opened?.close().catch(() => undefined);
    }
  };
  const institutions = CREDENTIAL_INSTITUTIONS.join('|');

  const create: Command = {
    path: ['credentials', 'create'],
    usage: `--institution <${institutions}> --scope <unidad|*> [--label TEXTO] [--json]`,
    summary: { es: 'Crea la credencial de una institución o unidad e imprime su token (una sola vez)', en: 'Create the credential of an institution or unit and print its token (once)' },
    async run(args, ctx) {
      const rawInstitution = typeof args.flags.institution === 'string' ? args.flags.institution.trim().toUpperCase() : '';
      const rawScope = typeof args.flags.scope === 'string' ? args.flags.scope : '';
      if (!rawInstitution || !rawScope) { ctx.err(ctx.t('credentials.usage.create', { institutions })); return 2; }
      if (!isCredentialInstitution(rawInstitution)) { ctx.err(ctx.t('credentials.unknownInstitution', { name: rawInstitution, institutions })); return 2; }
      const meaning = scopeMeaning(rawInstitution, ctx);
      const scope = canonicalScope(rawInstitution, rawScope);
      if (scope === null) { ctx.err(ctx.t('credentials.invalidScope', { institution: rawInstitution, scope: rawScope, meaning })); return 2; }
      const label = typeof args.flags.label === 'string' ? args.flags.label : null;
      return withStore(ctx, async (store) => {
        const { credential, token } = await store.create({ institution: rawInstitution, scope, label });
        if (args.flags.json === true) {
          ctx.out(JSON.stringify({ id: credential.id, institution: credential.institution, scope: credential.scope, label: credential.label, createdAt: credential.createdAt.toISOString(), token }));
          return 0;
        }
        ctx.out(ctx.t('credentials.created', { institution: credential.institution, scope: credential.scope, meaning }));
        ctx.out(ctx.t('credentials.created.id', { id: credential.id }));
        ctx.out(ctx.t('credentials.created.token', { token }));
        if (credential.scope === ANY_UNIT) ctx.out(ctx.t(credential.institution === 'HUB' ? 'credentials.created.anyHubRole' : 'credentials.created.anyUnit', { institution: credential.institution }));
        ctx.out(ctx.t('credentials.created.save'));
        ctx.out(ctx.t('credentials.created.use'));
        return 0;
      });
    },
  };

  const list: Command = {
    path: ['credentials', 'list'],
    usage: '[--json]',
    summary: { es: 'Lista las credenciales (sin secretos): institución, alcance, creación y revocación', en: 'List credentials (no secrets): institution, scope, creation and revocation' },
    run: (args, ctx) => withStore(ctx, async (store) => {
      const all = await store.list();
      if (args.flags.json === true) {
        ctx.out(JSON.stringify(all.map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), revokedAt: c.revokedAt?.toISOString() ?? null }))));
        return 0;
      }
      if (all.length === 0) { ctx.out(ctx.t('credentials.list.empty')); return 0; }
      const rows = [ctx.t('credentials.list.header').split('|'), ...all.map((c) => [
        c.id, c.institution, c.scope, when(c.createdAt), c.revokedAt ? when(c.revokedAt) : ctx.t('credentials.list.active'), c.label ?? '',
      ])];
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
      for (const r of rows) ctx.out(r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
      ctx.out(ctx.t('credentials.list.summary', { total: all.length, active: all.filter((c) => !c.revokedAt).length }));
      return 0;
    }),
  };

  const revoke: Command = {
    path: ['credentials', 'revoke'],
    usage: '<id>',
    summary: { es: 'Revoca una credencial (se rechaza en segundos; el registro se conserva para auditoría)', en: 'Revoke a credential (refused within seconds; the row is kept for audit)' },
    async run(args, ctx) {
      const id = args.positional[0];
      if (!id) { ctx.err(ctx.t('credentials.usage.revoke')); return 2; }
      return withStore(ctx, async (store) => {
        const before = (await store.list()).find((c) => c.id === id);
        if (!before) { ctx.err(ctx.t('credentials.notFound', { id })); return 1; }
        if (before.revokedAt) { ctx.out(ctx.t('credentials.alreadyRevoked', { id, at: when(before.revokedAt) })); return 0; }
        const revoked = await store.revoke(id);
        if (!revoked) { ctx.err(ctx.t('credentials.notFound', { id })); return 1; }
        ctx.out(ctx.t('credentials.revoked', { id, at: when(revoked.revokedAt!) }));
        return 0;
      });
    },
  };

  return [create, list, revoke];
}

/** `2026-03-04 10:30`, Chile's legal time (America/Santiago): unambiguous in both languages and sortable. */
const SANTIAGO = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
function when(d: Date): string {
  const p = Object.fromEntries(SANTIAGO.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export const credentialCommands: readonly Command[] = createCredentialCommands();
