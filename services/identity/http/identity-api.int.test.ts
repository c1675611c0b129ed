import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { aRecord } from '../../../test/builders/identity-corrections';
import { testConfig } from '../../../test/harness/test-env';
import { Authenticator } from '../../platform/auth/authenticator';
import { CredentialRepository } from '../../platform/auth/credential-repository';
import type { CredentialInstitution } from '../../platform/auth/credential';
import { postgresCheck } from '../../platform/http/dependency-checks';
import { createMetrics } from '../../platform/http/metrics';
import { createLogger } from '../../platform/logging/create-logger';
import { PlatformModule } from '../../platform/nest/platform.module';
import { createHubApp } from '../../platform/nest/create-hub-app';
import { createPool, quoteIdent } from '../../platform/postgres/create-pool';
import { discoverMigrations, runMigrations } from '../../platform/postgres/migrations/run-migrations';
import { findRepoRoot } from '../../platform/paths';
import { buildGoldenRecord, DEFAULT_SURVIVORSHIP_POLICY, type GoldenInput } from '../domain/golden-record';
import { normalisePerson, type PairExplanation } from '../domain/matching';
import { outboxPublisher } from '../store/corrections-events';
import { vetoesOf } from '../store/identity-store';
import { IdentityApiErrorsFilter } from './identity-api-errors.filter';
import { IdentityApiModule, type IdentityApiDeps } from './identity-api.module';

interface Answer { status: number; headers: Headers; body: Record<string, unknown> }
type Token = { id: string; token: string };

/**
 * The review and identity API over real PostgreSQL (the identity and platform migrations in a
 * schema of its own), built as start-identity.ts mounts it. Identities, records and tasks are
 * seeded with SQL as the stream leaves them; Kafka is not needed (events stop at the outbox,
 * which the relay owns).
 */
describe('identity review API', () => {
  const log = createLogger({ service: 'identity-api-test', level: 'warn', destination: process.stderr as never });
  let pool: Pool;
  let app: NestFastifyApplication;
  let url: string;
  let reviewer: Token;
  let court: Token;
  let otherHub: Token;
  let schema: string;
  let n = 0;
  const uid = () => `${randomBytes(3).toString('hex')}${(n += 1)}`;

  async function call(method: string, path: string, opts: { body?: unknown; token?: Token | null; purpose?: string | null; lang?: string; redirect?: 'manual' | 'follow' } = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (opts.token !== null) headers.authorization = `Bearer ${(opts.token ?? reviewer).token}`;
    if (opts.purpose !== null) headers['x-purpose'] = opts.purpose ?? 'TICKET-4711 revisión de duplicados';
    if (opts.lang) headers['accept-language'] = opts.lang;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, { method, headers, body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body), redirect: opts.redirect ?? 'manual' });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) as Record<string, unknown> : {} };
  }

  async function seedIdentity(id: string, records: readonly GoldenInput[]): Promise<void> {
    await pool.query('INSERT INTO identities (id, golden) VALUES ($1, $2)', [id, JSON.stringify(buildGoldenRecord(records, DEFAULT_SURVIVORSHIP_POLICY))]);
    for (const r of records) {
      await pool.query(
        `INSERT INTO identity_records (record_key, identity_id, source, source_record_id, person, normalised, last_event_id, observed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8 / 1000.0))`,
        [r.recordKey, id, r.institution, r.person.sourceRecordId, JSON.stringify(r.person), JSON.stringify(normalisePerson(r.person)), `ev-${r.recordKey}`, r.observedAt],
      );
      await pool.query("INSERT INTO identity_ledger (identity_id, kind, record_key, actor, reason, model_version) VALUES ($1, 'linked', $2, 'engine', 'auto-link', 'm-1')", [id, r.recordKey]);
    }
  }

  const pair = (recordKey: string, weight: number): PairExplanation => ({
    recordKey, weight, probability: 0.9, rules: ['run-agrees'],
    fields: [{ field: 'given', level: 'subset', weight: 3.2 }, { field: 'birthDate', level: 'exact', weight: 6.1 }, { field: 'run', level: 'agree', weight: 9 }],
  });

  async function seedTask(id: string, recordKey: string, identityId: string, candidates: readonly { identityId: string; recordKey: string }[]): Promise<void> {
    await pool.query(
      'INSERT INTO review_tasks (id, reason, record_key, identity_id, candidate_identity_ids, explanation, model_version) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [id, 'grey-zone', recordKey, identityId, candidates.map((c) => c.identityId),
        JSON.stringify({ reason: 'grey-zone', candidates: candidates.map((c) => ({ identityId: c.identityId, explanation: pair(c.recordKey, 7.5) })) }), 'm-1'],
    );
  }

  /** A: two health records; B: one court record; P: a school record under review (provisional identity), candidates A and B. */
  async function world() {
    const u = uid();
    const ids = { A: `NNA-A${u}`, B: `NNA-B${u}`, P: `NNA-P${u}`, task: `RT-${u}` };
    const keys = { h1: `HEALTH|H1-${u}`, h2: `HEALTH|H2-${u}`, t1: `TRIBUNAL|T1-${u}`, s1: `SCHOOL|S1-${u}` };
    await seedIdentity(ids.A, [aRecord(keys.h1), aRecord(keys.h2, { comunaCode: '05101' }, Date.UTC(2024, 5, 1))]);
    await seedIdentity(ids.B, [aRecord(keys.t1, { run: '15.222.333-1' })]);
    await seedIdentity(ids.P, [aRecord(keys.s1, { givenNames: 'Camila' })]);
    await seedTask(ids.task, keys.s1, ids.P, [{ identityId: ids.A, recordKey: keys.h1 }, { identityId: ids.B, recordKey: keys.t1 }]);
    return { ids, keys };
  }

  const auditRows = async (requestOrResource: string) => (await pool.query<{ credential_id: string; action: string; resource_ids: string[]; purpose: string; status: number }>(
    'SELECT credential_id, action, resource_ids, purpose, status FROM identity_api_audit WHERE $1 = ANY(resource_ids) ORDER BY seq', [requestOrResource])).rows;
  const ownerOf = async (recordKey: string) => (await pool.query<{ identity_id: string }>('SELECT identity_id FROM identity_records WHERE record_key = $1', [recordKey])).rows[0]?.identity_id;
  const taskRow = async (id: string) => (await pool.query<{ status: string; identity_id: string; candidate_identity_ids: string[]; resolution: string | null; resolved_by: string | null }>(
    'SELECT status, identity_id, candidate_identity_ids, resolution, resolved_by FROM review_tasks WHERE id = $1', [id])).rows[0]!;

  beforeAll(async () => {
    const config = testConfig();
    schema = `${config.HUB_DB_SCHEMA}_idapi_${randomBytes(3).toString('hex')}`.slice(0, 63);
    pool = await createPool({ databaseUrl: config.DATABASE_URL, schema, applicationName: 'identity-api-test', max: 8 });
    const mine = discoverMigrations(findRepoRoot()).filter((m) => m.component === 'platform' || m.component === 'identity');
    await runMigrations(pool, mine);
    const repo = new CredentialRepository(pool);
    const issue = async (institution: CredentialInstitution, scope: string): Promise<Token> => {
      const { credential, token } = await repo.create({ institution, scope, label: 'test' });
      return { id: credential.id, token };
    };
    reviewer = await issue('HUB', 'identity-review');
    court = await issue('TRIBUNAL', '1301');
    otherHub = await issue('HUB', 'lag-console');
    const deps: IdentityApiDeps = {
      pool, log, now: Date.now, newIdentityId: () => `NNA-N${randomUUID().slice(0, 8)}`,
      authenticator: new Authenticator(repo, { ttlMs: 200 }),
      // Events as JSON: the Avro encoding is the stream's; here the transactional write is under test.
      publish: outboxPublisher({ channel: 'identity_outbox_test', encode: async (events) => events.map((e) => ({ topic: 'hub.identity.children.v1', key: e.childId, value: Buffer.from(JSON.stringify(e)), headers: { 'hub.event.id': e.eventId } })) }),
      bodyLimitBytes: 64 * 1024,
    };
    // As start-identity.ts mounts it: next to the platform's /health and /metrics, with the API's error filter installed before init.
    @Module({ imports: [PlatformModule.register({ checks: [postgresCheck(pool)], metrics: createMetrics('identity-api-test') }), IdentityApiModule.register(deps)] })
    class RootModule {}
    app = await createHubApp({ module: RootModule, log, bodyLimitBytes: deps.bodyLimitBytes });
    app.useGlobalFilters(new IdentityApiErrorsFilter(deps));
    await app.init();
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await app?.close();
    await pool?.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`).catch(() => undefined);
    await pool?.end();
  });

  describe('authentication and authorisation', () => {
    it('Given no token or a malformed one, When an identity is read, Then 401 in Spanish and nothing is audited', async () => {
      const { ids } = await world();
      const none = await call('GET', `/v1/identities/${ids.A}`, { token: null });
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ codigo: 'TOKEN_MISSING', mensaje: expect.stringContaining('Falta la credencial') });
      const bad = await call('GET', `/v1/identities/${ids.A}`, { token: { id: 'x', token: 'rnh_nope' } });
      expect(bad.status).toBe(401);
      expect(await auditRows(ids.A)).toEqual([]);
    });

    it('Given an institution\'s credential or a hub credential without the review scope, When identities are read or corrected, Then 403', async () => {
      const { ids } = await world();
      for (const token of [court, otherHub]) {
        expect((await call('GET', `/v1/identities/${ids.A}`, { token })).status).toBe(403);
        expect((await call('GET', '/v1/review/tasks', { token })).status).toBe(403);
        const merge = await call('POST', `/v1/identities/${ids.A}/merge`, { token, body: { into: ids.B, reason: 'prueba de acceso' }, lang: 'en' });
        expect(merge.status).toBe(403);
        expect(merge.body).toMatchObject({ codigo: 'FORBIDDEN', mensaje: expect.stringContaining('identity-review') });
      }
      expect(await ownerOf(`HEALTH|H1-${ids.A.slice(5)}`)).toBe(ids.A);
    });

    it('Given a reviewer without X-Purpose, When reading an identity, Then 400 PURPOSE_REQUIRED and no data', async () => {
      const { ids } = await world();
      const r = await call('GET', `/v1/identities/${ids.A}`, { purpose: null });
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ codigo: 'PURPOSE_REQUIRED', mensaje: expect.stringContaining('X-Purpose') });
    });
  });

  describe('reads (audited)', () => {
    it('Given an open task, When listed, Then it shows the side-by-side explanation per candidate and the read is audited with ids only', async () => {
      const { ids, keys } = await world();
      const all: Record<string, unknown>[] = [];
      let cursor: string | null = null;
      do {
        const page: Answer = await call('GET', `/v1/review/tasks?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        all.push(...(page.body.tasks as Record<string, unknown>[]));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      const task = all.find((t) => t.id === ids.task)!;
      expect(task).toMatchObject({ reason: 'grey-zone', modelVersion: 'm-1', record: { recordKey: keys.s1, identityId: ids.P } });
      const [a, b] = task.candidates as Record<string, unknown>[];
      expect(a).toMatchObject({ identityId: ids.A, comparedRecordKey: keys.h1, weight: 7.5, rules: ['run-agrees'] });
      expect(a!.fields).toEqual([
        { field: 'given', level: 'subset', weight: 3.2, record: 'Camila', candidate: 'Camila Antonia' },
        { field: 'birthDate', level: 'exact', weight: 6.1, record: '2014-05-09', candidate: '2014-05-09' },
        { field: 'run', level: 'agree', weight: 9, record: '12.345.678-5', candidate: '12.345.678-5' },
      ]);
      expect(b).toMatchObject({ identityId: ids.B, comparedRecordKey: keys.t1 });
      const audit = await auditRows(ids.task);
      expect(audit).toEqual([expect.objectContaining({ credential_id: reviewer.id, action: 'review.list', purpose: 'TICKET-4711 revisión de duplicados', status: 200 })]);
      expect(audit[0]!.resource_ids).toEqual(expect.arrayContaining([ids.task, keys.s1, ids.A, ids.B]));
      expect(JSON.stringify(audit)).not.toMatch(/Camila|12\.345|2014-05-09/);
    });

    it('Given an identity, When read, Then the golden record with provenance and its records are returned, and the read is audited', async () => {
      const { ids, keys } = await world();
      const r = await call('GET', `/v1/identities/${ids.A}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id: ids.A, status: 'active' });
      expect((r.body.records as { recordKey: string }[]).map((x) => x.recordKey)).toEqual([keys.h1, keys.h2]);
      const golden = r.body.golden as Record<string, { value: unknown; provenance: Record<string, unknown> }>;
      expect(golden.comunaCode).toMatchObject({ value: '05101', provenance: { recordKey: keys.h2, rule: 'recency', institution: 'HEALTH' } });
      expect(golden.run!.value).toBe('12345678-5');
      expect(await auditRows(ids.A)).toEqual([expect.objectContaining({ action: 'identity.read', status: 200, credential_id: reviewer.id })]);
    });

    it('Given an unknown identity, When read in English, Then 404 in English, audited as a 404', async () => {
      const r = await call('GET', '/v1/identities/NNA-NOPE', { lang: 'en' });
      expect(r.status).toBe(404);
      expect(r.body).toMatchObject({ codigo: 'IDENTITY_NOT_FOUND', mensaje: 'There is no identity NNA-NOPE.' });
      expect((await auditRows('NNA-NOPE')).map((a) => a.status)).toContain(404);
    });
  });

  describe('resolving review tasks', () => {
    it('Given a task, When resolved as link to candidate A, Then the record joins A, the provisional identity retires, the ledger, outbox and audit say so', async () => {
      const { ids, keys } = await world();
      const r = await call('POST', `/v1/review/tasks/${ids.task}/resolve`, { body: { decision: 'link', identityId: ids.A, reason: 'mismo RUN y fecha de nacimiento' } });
      expect(r.status).toBe(200);
      expect(await ownerOf(keys.s1)).toBe(ids.A);
      expect(await taskRow(ids.task)).toMatchObject({ status: 'resolved', resolution: 'link', resolved_by: `user:${reviewer.id}`, identity_id: ids.A });
      const p = (await pool.query('SELECT status FROM identities WHERE id = $1', [ids.P])).rows[0];
      expect(p.status).toBe('retired');
      const ledger = (await pool.query<{ kind: string; actor: string; reason: string; explanation: { pairs?: unknown[] } }>(
        "SELECT kind, actor, reason, explanation FROM identity_ledger WHERE identity_id = $1 AND actor <> 'engine' ORDER BY seq", [ids.A])).rows;
      expect(ledger.map((e) => e.kind)).toEqual(expect.arrayContaining(['linked', 'review-resolved']));
      expect(ledger.every((e) => e.actor === `user:${reviewer.id}` && e.reason === 'mismo RUN y fecha de nacimiento')).toBe(true);
      expect(ledger.find((e) => e.kind === 'linked')!.explanation.pairs).toHaveLength(1);
      const outbox = (await pool.query<{ key: string; value: Buffer }>('SELECT key, value FROM identity_outbox WHERE key = ANY($1) ORDER BY seq', [[ids.A, ids.P]])).rows;
      expect(outbox.map((m) => [m.key, JSON.parse(m.value.toString()).kind])).toEqual([[ids.A, 'RECORD_LINKED'], [ids.P, 'RETIRED']]);
      expect(await auditRows(ids.task)).toEqual([expect.objectContaining({ action: 'review.resolve', status: 200, purpose: 'mismo RUN y fecha de nacimiento' })]);
    });

    it('Given a task, When resolved as a new identity, Then the record keeps its own identity and no veto is stored', async () => {
      const { ids, keys } = await world();
      const r = await call('POST', `/v1/review/tasks/${ids.task}/resolve`, { body: { decision: 'new', reason: 'otra persona, distinto apellido' } });
      expect(r.status).toBe(200);
      expect(await ownerOf(keys.s1)).toBe(ids.P);
      expect(await taskRow(ids.task)).toMatchObject({ status: 'resolved', resolution: 'new-identity' });
      expect((await pool.query('SELECT 1 FROM identity_vetoes WHERE record_key = $1', [keys.s1])).rowCount).toBe(0);
    });

    it('Given a task, When resolved as not-the-same, Then vetoes are stored for the engine, and a second resolution is refused (409, es and en)', async () => {
      const { ids, keys } = await world();
      const r = await call('POST', `/v1/review/tasks/${ids.task}/resolve`, { body: { decision: 'not-the-same', reason: 'gemelos: distinto nombre' } });
      expect(r.status).toBe(200);
      const vetoes = (await pool.query<{ identity_id: string; actor: string }>('SELECT identity_id, actor FROM identity_vetoes WHERE record_key = $1 ORDER BY identity_id', [keys.s1])).rows;
      expect(vetoes).toEqual([{ identity_id: ids.A, actor: `user:${reviewer.id}` }, { identity_id: ids.B, actor: `user:${reviewer.id}` }]);
      // The stream's matcher reads vetoes through vetoesOf (store/identity-store.ts): it sees them, and follows merges.
      await call('POST', `/v1/identities/${ids.A}/merge`, { body: { into: ids.B, reason: 'fusión posterior' } });
      const client = await pool.connect();
      try {
        expect([...(await vetoesOf(client, [keys.s1])).get(keys.s1) ?? []].sort()).toEqual([ids.A, ids.B].sort());
      } finally { client.release(); }
      const again = await call('POST', `/v1/review/tasks/${ids.task}/resolve`, { body: { decision: 'new', reason: 'otra vez' } });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ codigo: 'TASK_NOT_OPEN', mensaje: expect.stringContaining('ya no está abierta') });
      const en = await call('POST', `/v1/review/tasks/${ids.task}/resolve`, { body: { decision: 'new', reason: 'again' }, lang: 'en' });
      expect(en.body.mensaje).toMatch(/is no longer open/);
      expect((await auditRows(ids.task)).map((a) => a.status)).toEqual([200, 409, 409]);
    });

    it('Given invalid bodies, When resolving, Then 400 lists each field problem without echoing values', async () => {
      const { ids } = await world();
      const r = await call('POST', `/v1/review/tasks/${ids.task}/resolve`, { body: { decision: 'maybe-XYZ', reason: 'x', identityID: 'NNA-1' } });
      expect(r.status).toBe(400);
      expect(r.body.codigo).toBe('INVALID_BODY');
      expect(r.body.errores).toEqual(expect.arrayContaining([
        { campo: 'decision', codigo: 'field.decision', mensaje: 'El campo decision debe ser link, new o not-the-same.' },
        { campo: 'reason', codigo: 'field.tooShort', mensaje: expect.stringContaining('reason') },
        { campo: 'identityID', codigo: 'field.unknown', mensaje: expect.stringContaining('identityID') },
      ]));
      expect(JSON.stringify(r.body)).not.toContain('maybe-XYZ');
      const link = await call('POST', `/v1/review/tasks/${ids.task}/resolve`, { body: { decision: 'link', reason: 'sin identidad' } });
      expect(link.body.errores).toEqual([expect.objectContaining({ campo: 'identityId', codigo: 'field.identityRequired' })]);
      const bad = await call('POST', `/v1/review/tasks/${ids.task}/resolve`, { body: '{"decision":' });
      expect(bad.body.codigo).toBe('INVALID_JSON');
      const big = await call('POST', `/v1/review/tasks/${ids.task}/resolve`, { body: { decision: 'new', reason: 'x'.repeat(70 * 1024) } });
      expect(big).toMatchObject({ status: 413, body: { codigo: 'BODY_TOO_LARGE', mensaje: expect.stringContaining('64 KB') } });
      expect((await call('POST', `/v1/review/tasks/${ids.task}/resolve`, { body: 'decision=new' })).body.codigo).toBe('INVALID_JSON');
      expect(await call('GET', '/v1/identities/a/b/c')).toMatchObject({ status: 404, body: { codigo: 'NOT_FOUND' } });
      expect(await taskRow(ids.task)).toMatchObject({ status: 'open' });
    });

    it('Given the API mounted next to the platform module, When /health is asked, Then its own body is kept (the API filter only shapes its paths)', async () => {
      const r = await call('GET', '/health', { token: null, purpose: null });
      expect(r.status).toBe(200);
      expect(r.body).toHaveProperty('ok', true);
    });
  });

  describe('merge, redirect and split', () => {
    it('Given A and B, When A is merged into B, Then A answers 308 to B, its records are B\'s, and the open task re-targets to B', async () => {
      const { ids, keys } = await world();
      const r = await call('POST', `/v1/identities/${ids.A}/merge`, { body: { into: ids.B, reason: 'duplicado confirmado con certificado' } });
      expect(r.status).toBe(200);
      const redirect = await call('GET', `/v1/identities/${ids.A}`);
      expect(redirect.status).toBe(308);
      expect(redirect.headers.get('location')).toBe(`/v1/identities/${ids.B}`);
      expect(redirect.body).toMatchObject({ codigo: 'IDENTITY_REDIRECTED', mergedInto: ids.B });
      const followed = await call('GET', `/v1/identities/${ids.A}`, { redirect: 'follow' });
      expect(followed.status).toBe(200);
      expect(followed.body.id).toBe(ids.B);
      expect((followed.body.records as { recordKey: string }[]).map((x) => x.recordKey)).toEqual([keys.h1, keys.h2, keys.t1]);
      expect(await taskRow(ids.task)).toMatchObject({ status: 'open', identity_id: ids.P, candidate_identity_ids: [ids.B] });
      // The merged id is never reused nor a target again.
      const again = await call('POST', `/v1/identities/${ids.A}/merge`, { body: { into: ids.P, reason: 'segunda fusión' } });
      expect(again).toMatchObject({ status: 409, body: { codigo: 'IDENTITY_MERGED' } });
      const self = await call('POST', `/v1/identities/${ids.B}/merge`, { body: { into: ids.A, reason: 'a sí misma por redirección' } });
      expect(self).toMatchObject({ status: 422, body: { codigo: 'SAME_IDENTITY' } });
    });

    it('Given A with two records, When one is split off, Then it has a new identity whose explanation names the reviewer and reason', async () => {
      const { ids, keys } = await world();
      const r = await call('POST', `/v1/identities/${ids.A}/split`, { body: { recordKeys: [keys.h2], reason: 'hermano con el mismo RUN materno' } });
      expect(r.status).toBe(200);
      const created = (r.body.identities as { id: string; created: boolean }[]).find((i) => i.created)!;
      expect(await ownerOf(keys.h2)).toBe(created.id);
      expect(await ownerOf(keys.h1)).toBe(ids.A);
      const explain = await call('GET', `/v1/identities/${created.id}/explain`);
      expect(explain.status).toBe(200);
      const rec = (explain.body.records as { recordKey: string; why: Record<string, unknown>; history: { kind: string }[] }[])[0]!;
      expect(rec.recordKey).toBe(keys.h2);
      expect(rec.why).toMatchObject({ kind: 'linked', actor: `user:${reviewer.id}`, reason: 'hermano con el mismo RUN materno', otherIdentityId: ids.A });
      expect(rec.history.map((h) => h.kind)).toEqual(['linked', 'unlinked', 'linked']);
      const all = await call('POST', `/v1/identities/${ids.A}/split`, { body: { recordKeys: [keys.h1], reason: 'separar todo' } });
      expect(all).toMatchObject({ status: 422, body: { codigo: 'SPLIT_ALL_RECORDS' } });
    });

    it('Given two reviewers merging A into B and B into A at the same moment, When both run, Then exactly one wins and every record has one live identity', async () => {
      const { ids, keys } = await world();
      const [x, y] = await Promise.all([
        call('POST', `/v1/identities/${ids.A}/merge`, { body: { into: ids.B, reason: 'revisor uno' } }),
        call('POST', `/v1/identities/${ids.B}/merge`, { body: { into: ids.A, reason: 'revisor dos' } }),
      ]);
      // The loser sees the winner's merge: its source is merged (409) or its target now redirects to itself (422).
      const statuses = [x.status, y.status].sort();
      expect(statuses[0]).toBe(200);
      expect([409, 422]).toContain(statuses[1]);
      const owners = new Set(await Promise.all([keys.h1, keys.h2, keys.t1].map(ownerOf)));
      expect(owners.size).toBe(1);
      const live = (await pool.query('SELECT status FROM identities WHERE id = $1', [[...owners][0]])).rows[0];
      expect(live.status).toBe('active');
    });
  });
});
