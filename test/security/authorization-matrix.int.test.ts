import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import type { Pool } from 'pg';
import type { ChildIdentityChanged } from '../../schemas';
import { startIntake, type RunningIntake } from '../../connectors/intake/start-intake';
import { createIntakeWorld, type IntakeWorld } from '../../connectors/intake/testing/intake-fixture';
import { ApiModule } from '../../services/api/api.module';
import { createCaseKit, type CaseKit, type InstitutionEvent } from '../../services/case-status/testing/case-kit';
import { startCaseStatus, type RunningCaseStatus } from '../../services/case-status/start-case-status';
import { DedupStatsApiModule } from '../../services/dedup/http/dedup.module';
import { buildGoldenRecord, DEFAULT_SURVIVORSHIP_POLICY } from '../../services/identity/domain/golden-record';
import { normalisePerson } from '../../services/identity/domain/matching';
import { IdentityApiErrorsFilter } from '../../services/identity/http/identity-api-errors.filter';
import { IdentityApiModule, type IdentityApiDeps } from '../../services/identity/http/identity-api.module';
import { outboxPublisher } from '../../services/identity/store/corrections-events';
import { Authenticator } from '../../services/platform/auth/authenticator';
import { CredentialRepository } from '../../services/platform/auth/credential-repository';
import { createMetrics } from '../../services/platform/http/metrics';
import { createLogger } from '../../services/platform/logging/create-logger';
import { createHubApp } from '../../services/platform/nest/create-hub-app';
import { PlatformModule } from '../../services/platform/nest/platform.module';
import { aChildIdentityChanged } from '../builders/identity-events';
import { aChild, aCourtCase, anEnvelope } from '../builders/event-parts';
import { aRecord } from '../builders/identity-corrections';
import { aNativeMunicipalRow } from '../builders/native-municipality';
import { aNativeCourtOrder } from '../builders/native-records';
import { anAdmissionOrderIssued } from '../builders/tribunal-events';
import { anAdmissionRegistered } from '../builders/sename-events';
import { anEmergencyVisitRecorded } from '../builders/health-events';
import { eventually } from '../harness/test-env';
import { COLUMNS, MATRIX, ROWS, TERRITORIES, type Cell, type Column, type CredentialRow, type Service } from './authorization-matrix';

/**
 * Issue 8's authorisation matrix, cell by cell, against the real HTTP apps started in-process as
 * their own integration tests start them: case-status (real Kafka consumer fed with events of one
 * child per territory, plus an id merged into the T1 child), the identity review API (the T1 child's
 * identity and one merged into it), dedup's stats route, the intake (its own world: schema, topics)
 * and the api. Every credential is created in PostgreSQL with
 * CredentialRepository (one set per schema); revoked ones are revoked there.
 */
const log = createLogger({ service: 'security-matrix-test', level: 'warn', destination: process.stderr as never });
const NOW = Date.UTC(2024, 3, 20, 15, 0, 0);
const day = (d: string) => Date.parse(`${d}T14:00:00Z`);

type Tokens = Record<string, { id: string | null; header: string | null }>;

async function issueAll(pool: Pool): Promise<Tokens> {
  const repo = new CredentialRepository(pool);
  const out: Tokens = {};
  for (const r of ROWS as readonly CredentialRow[]) {
    if (!r.credential) {
      out[r.id] = { id: null, header: r.token === 'malformed' ? 'Bearer rnh_nope' : null };
      continue;
    }
    const { credential, token } = await repo.create({ ...r.credential, label: `security matrix ${r.id}` });
    if (r.token === 'revoked') await repo.revoke(credential.id);
    const value = r.token === 'forged' ? `rnh_${credential.id}_${'x'.repeat(43)}` : token;
    out[r.id] = { id: credential.id, header: `Bearer ${value}` };
  }
  return out;
}

function listeningUrl(app: NestFastifyApplication): string {
  const address = app.getHttpServer().address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe('authorisation matrix (issue 8), every cell against the real services', () => {
  const tag = randomBytes(3).toString('hex');
  const ids = {
    childT1: `NNA-SA-${tag}`, childT2: `NNA-SB-${tag}`, mergedT1: `NNA-SM-${tag}`, unknownChild: `NNA-NOPE-${tag}`, unknownCase: `C:${TERRITORIES.T1.programme}:NOPE${tag}`,
    caseT1: `C:${TERRITORIES.T1.programme}:ING-A${tag}`, caseT2: `C:${TERRITORIES.T2.programme}:ING-B${tag}`, task: `RT-S${tag}`,
  };
  let kit: CaseKit;
  let caseStatus: RunningCaseStatus | undefined;
  let identityApp: NestFastifyApplication | undefined;
  let apiApp: NestFastifyApplication | undefined;
  let dedupApp: NestFastifyApplication | undefined;
  let world: IntakeWorld | undefined;
  let intake: RunningIntake | undefined;
  const urls: Partial<Record<Service, string>> = {};
  let hubTokens: Tokens;
  let intakeTokens: Tokens;
  const startedAt = Date.now();
  let posted = 0;

  /** Seeds one child with a case per territory through Kafka, and a third id merged into the T1 child. */
  async function seedCases(): Promise<void> {
    let seq = 0;
    const identity = (childId: string, comuna: string, over: Partial<ChildIdentityChanged>): ChildIdentityChanged => {
      seq += 1;
      const base = aChildIdentityChanged();
      return aChildIdentityChanged({
        childId, ledgerSeq: seq, envelope: { ...base.envelope, eventId: `HUB:identity:sec-${tag}:${seq}`, sourceRecordId: childId },
        golden: { ...base.golden!, comunaCode: comuna }, ...over,
      });
    };
    const env = (inst: string, id: string, at: string) => anEnvelope(inst, null, id, { eventId: `${inst}:${id}:sec-${tag}`, occurredAt: day(at), recordedAt: day(at) + 1000 });
    const ev = (recordName: string, value: unknown): InstitutionEvent => ({ recordName, value: value as InstitutionEvent['value'] });
    const events: InstitutionEvent[] = [];
    const identities: ChildIdentityChanged[] = [];
    for (const [side, t, childId] of [['A', TERRITORIES.T1, ids.childT1], ['B', TERRITORIES.T2, ids.childT2]] as const) {
      const keys = { court: `SEC-T-${side}${tag}`, sename: `SEC-N-${side}${tag}` };
      const cause = aCourtCase({ courtCode: t.court, rit: `P-${side}${tag}-2024` });
      identities.push(identity(childId, t.comuna, { kind: 'CREATED', recordKeys: [`SENAME|${keys.sename}`, `TRIBUNAL|${keys.court}`], affectedRecordKeys: [] }));
      events.push(ev('hub.tribunal.AdmissionOrderIssued', anAdmissionOrderIssued({
        envelope: env('TRIBUNAL', `ORD-${side}`, '2024-03-01'), person: aChild('TRIBUNAL', keys.court), courtCase: cause, targetProgrammeCode: t.programme,
      })));
      events.push(ev('hub.sename.AdmissionRegistered', anAdmissionRegistered({
        envelope: env('SENAME', `ADM-${side}`, '2024-03-04'), person: aChild('SENAME', keys.sename), caseId: `ING-${side}${tag}`, programmeCode: t.programme,
        modality: 'CTD', regime: 'RESIDENCIAL', administration: 'AADD', admissionKind: 'ORDEN_TRIBUNAL', courtCase: cause,
      })));
    }
    const healthKey = `SEC-H-M${tag}`;
    identities.push(identity(ids.mergedT1, TERRITORIES.T1.comuna, { kind: 'CREATED', recordKeys: [`HEALTH|${healthKey}`], affectedRecordKeys: [] }));
    events.push(ev('hub.health.EmergencyVisitRecorded', anEmergencyVisitRecorded({ envelope: env('HEALTH', 'URG-M', '2024-03-10'), person: aChild('HEALTH', healthKey) })));
    await kit.produceIdentity(identities);
    await kit.produceEvents(events);
    const snapshots = async () => (await kit.pool.query('SELECT 1 FROM case_snapshots WHERE case_id = ANY($1) AND NOT removed', [[ids.caseT1, ids.caseT2]])).rowCount;
    await eventually(async () => ((await snapshots()) === 2 ? true : undefined), 120000, 'both cases built');
    await kit.produceIdentity([
      identity(ids.mergedT1, TERRITORIES.T1.comuna, { kind: 'MERGED', status: 'MERGED', mergedInto: ids.childT1, recordKeys: [], affectedRecordKeys: [`HEALTH|${healthKey}`], golden: null }),
    ]);
    const hub = hubTokens['hub-any']!.header!;
    await eventually(async () => {
      const r = await fetch(`${urls['case-status']}/v1/children/${ids.mergedT1}/timeline`, { redirect: 'manual', headers: { authorization: hub, 'x-purpose': 'preparación de prueba' } });
      return r.status === 308 ? true : undefined;
    }, 120000, 'merged id redirects');
  }

  /** One identity (the T1 child's), one merged into it, and one review task, as the identity stream leaves them. */
  async function seedIdentity(pool: Pool): Promise<void> {
    const records = [aRecord(`TRIBUNAL|SEC-T-A${tag}`), aRecord(`SENAME|SEC-N-A${tag}`)];
    await pool.query('INSERT INTO identities (id, golden) VALUES ($1, $2)', [ids.childT1, JSON.stringify(buildGoldenRecord(records, DEFAULT_SURVIVORSHIP_POLICY))]);
    await pool.query("INSERT INTO identities (id, status, merged_into) VALUES ($1, 'merged', $2)", [ids.mergedT1, ids.childT1]);
    for (const r of records) {
      await pool.query(
        `INSERT INTO identity_records (record_key, identity_id, source, source_record_id, person, normalised, last_event_id, observed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8 / 1000.0))`,
        [r.recordKey, ids.childT1, r.institution, r.person.sourceRecordId, JSON.stringify(r.person), JSON.stringify(normalisePerson(r.person)), `ev-${r.recordKey}`, r.observedAt],
      );
    }
    await pool.query(
      'INSERT INTO review_tasks (id, reason, record_key, identity_id, candidate_identity_ids, explanation, model_version) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [ids.task, 'grey-zone', `SENAME|SEC-N-A${tag}`, ids.childT1, [ids.childT1], JSON.stringify({ reason: 'grey-zone', candidates: [] }), 'm-1'],
    );
  }

  beforeAll(async () => {
    kit = await createCaseKit(process.env, 'security', log);
    caseStatus = await startCaseStatus(kit.config({ CASE_STATUS_AUTH_CACHE_MS: '200' }), log, { now: () => NOW, clock: false });
    urls['case-status'] = caseStatus.url;
    hubTokens = await issueAll(kit.pool);

    // The identity review API over the same schema (start-case-status migrated every component).
    await seedIdentity(kit.pool);
    const deps: IdentityApiDeps = {
      pool: kit.pool, log, now: Date.now, newIdentityId: () => `NNA-N${randomUUID().slice(0, 8)}`,
      authenticator: new Authenticator(new CredentialRepository(kit.pool), { ttlMs: 200 }),
      publish: outboxPublisher({ channel: 'identity_outbox_security_test', encode: async (events) => events.map((e) => ({ topic: 'hub.identity.children.v1', key: e.childId, value: Buffer.from(JSON.stringify(e)), headers: { 'hub.event.id': e.eventId } })) }),
      bodyLimitBytes: 64 * 1024,
    };
    @Module({ imports: [PlatformModule.register({ checks: [], metrics: createMetrics('identity-security-test') }), IdentityApiModule.register(deps)] })
    class IdentityRoot {}
    identityApp = await createHubApp({ module: IdentityRoot, log, bodyLimitBytes: deps.bodyLimitBytes });
    identityApp.useGlobalFilters(new IdentityApiErrorsFilter(deps));
    await identityApp.init();
    await identityApp.listen(0, '127.0.0.1');
    urls.identity = listeningUrl(identityApp);

    // dedup's stats route alone (the consumer is dedup's own tests' business); its tables are in this schema too.
    dedupApp = await createHubApp({ module: DedupStatsApiModule.register({ pool: kit.pool, authenticator: new Authenticator(new CredentialRepository(kit.pool), { ttlMs: 200 }) }), log });
    await dedupApp.listen(0, '127.0.0.1');
    urls.dedup = listeningUrl(dedupApp);

    apiApp = await createHubApp({ module: ApiModule.register({ checks: [], metrics: createMetrics('api-security-test') }), log });
    await apiApp.listen(0, '127.0.0.1');
    urls.api = listeningUrl(apiApp);

    world = await createIntakeWorld('security');
    intake = await startIntake({ ...world.config, INTAKE_AUTH_CACHE_MS: 200 }, log);
    urls.intake = intake.url;
    intakeTokens = await issueAll(world.pool);

    await seedCases();
  }, 400000);

  afterAll(async () => {
    await intake?.close();
    await world?.close({ topics: true });
    await apiApp?.close();
    await dedupApp?.close();
    await identityApp?.close();
    await caseStatus?.close();
    await kit?.dropTopics();
    await kit?.close();
  });

  function fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent((ids as Record<string, string>)[k] ?? `{${k}}`));
  }

  function bodyFor(column: Column): unknown {
    posted += 1;
    if (column.id === 'intake.court-order') return aNativeCourtOrder({ id_registro: `SEC-${tag}-${posted}` });
    return aNativeMunicipalRow('CASO_ABIERTO', { id_registro: `SEC-${tag}-${posted}`, id_caso_local: `SEC-C-${tag}-${posted}` });
  }

  async function request(cell: Cell, column: Column, purpose: string): Promise<{ status: number; body: string; location: string | null }> {
    const token = (column.service === 'intake' ? intakeTokens : hubTokens)[cell.row]!;
    const headers: Record<string, string> = {};
    if (token.header) headers.authorization = token.header;
    if (column.purpose) headers['x-purpose'] = purpose;
    let body: string | undefined;
    if (column.method === 'POST') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(bodyFor(column));
    }
    const res = await fetch(`${urls[column.service]}${fill(column.path)}`, { method: column.method, headers, body, redirect: 'manual' });
    return { status: res.status, body: await res.text(), location: res.headers.get('location') };
  }

  const byId = new Map<string, Column>(COLUMNS.map((c) => [c.id, c]));
  const rowLabel = new Map<string, string>(ROWS.map((r) => [r.id, r.label]));

  /** Audit rows of one request (its purpose is unique). */
  async function auditRows(table: string, purpose: string) {
    return (await kit.pool.query<{ credential_id: string; action: string; resource_ids: string[]; purpose: string; status: number; at: Date }>(
      `SELECT credential_id, action, resource_ids, purpose, status, at FROM ${table} WHERE purpose = $1`, [purpose])).rows;
  }

  /** Which answers leave an audit row: case-status every one after the purpose check; identity all but the reviewer guard's 403. */
  function audited(cell: Cell, column: Column): boolean {
    if (!column.audit || cell.status === 401 || cell.status === 400) return false;
    return column.service === 'case-status' || cell.status !== 403;
  }

  it.each(MATRIX.map((c) => [rowLabel.get(c.row)!, byId.get(c.column)!.method, byId.get(c.column)!.path, byId.get(c.column)!.description, c.status, c.reason, c] as const))(
    'Given %s, When %s %s (%s), Then %i: %s',
    async (_row, _method, _path, _what, _status, _reason, cell) => {
      const column = byId.get(cell.column)!;
      const purpose = `matriz seguridad ${cell.row} ${cell.column} ${tag}`;
      const before = new Date(Date.now() - 1000);
      const r = await request(cell, column, purpose);
      expect({ cell: `${cell.row} × ${cell.column}`, status: r.status }).toEqual({ cell: `${cell.row} × ${cell.column}`, status: cell.status });
      if (cell.code) expect(JSON.parse(r.body)).toMatchObject({ codigo: cell.code });
      if (cell.status === 308) expect(r.location).toBe(fill(column.redirect!));
      else expect(r.location).toBeNull();
      if (cell.status === 401) expect(r.body).not.toMatch(/rnh_[0-9a-f]{16}_/);
      if (cell.sameAnswerAs) {
        // "Not yours" and "does not exist" must be indistinguishable: same status, same bytes, no Location.
        const twin = await request(cell, byId.get(cell.sameAnswerAs)!, `${purpose} twin`);
        expect({ status: r.status, body: r.body, location: r.location }).toEqual({ status: twin.status, body: twin.body, location: twin.location });
      }

      const credentialId = (column.service === 'intake' ? intakeTokens : hubTokens)[cell.row]!.id;
      if (column.audit && audited(cell, column)) {
        // Who (credential id), what (action + resource), when (at), why (purpose): one row for this request, with the real decision.
        const rows = await auditRows(column.audit.table, purpose);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ credential_id: credentialId, action: column.audit.action, status: cell.auditStatus ?? cell.status });
        if (column.audit.resource) expect(rows[0]!.resource_ids).toContain(fill(column.audit.resource).replace(/%3A/g, ':'));
        expect(rows[0]!.at.getTime()).toBeGreaterThanOrEqual(before.getTime());
        expect(rows[0]!.at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      } else if (column.audit) {
        expect(await auditRows(column.audit.table, purpose)).toHaveLength(0);
      }
    },
    60000,
  );

  it('Given the audit tables, When a row is updated or deleted, Then PostgreSQL refuses (append-only)', async () => {
    await expect(kit.pool.query('UPDATE case_api_audit SET purpose = $1 WHERE credential_id = $2', ['x', hubTokens['hub-any']!.id])).rejects.toThrow(/append-only/);
    await expect(kit.pool.query('DELETE FROM case_api_audit WHERE credential_id = $1', [hubTokens['hub-any']!.id])).rejects.toThrow(/append-only/);
    const { rows } = await kit.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM case_api_audit WHERE at >= $1', [new Date(startedAt - 1000)]);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });

  it('Given a body above the identity API\'s limit, When posted by a reviewer, Then 413 before any parsing', async () => {
    const res = await fetch(`${urls.identity}/v1/identities/${ids.childT1}/merge`, {
      method: 'POST', headers: { authorization: hubTokens['hub-review']!.header!, 'x-purpose': 'prueba de tamaño', 'content-type': 'application/json' },
      body: JSON.stringify({ into: ids.childT2, reason: 'x'.repeat(128 * 1024) }),
    });
    expect(res.status).toBe(413);
  });

  // The last HTTP test on purpose: it spends this address's unauthenticated budget on the case-status app.
  it('Given a flood of unauthenticated requests from one address, When above the per-address burst, Then 429 with Retry-After and metrics still answer', async () => {
    // Pipelined on raw sockets: a slow, shared machine cannot outrun a 200/s refill with fetch.
    const { port } = new URL(urls['case-status']!);
    const flood = (n: number) => new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (d: string) => { text += d; if ((text.match(/HTTP\/1\.1 \d{3}/g) ?? []).length >= n) socket.end(); });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.write('GET /v1/indicators HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'.repeat(n));
    });
    const answers = (await Promise.all([flood(600), flood(600)])).join('');
    const statuses = (answers.match(/HTTP\/1\.1 (\d{3})/g) ?? []).map((l) => Number(l.slice(-3)));
    expect(statuses).toHaveLength(1200);
    expect(statuses).toContain(401);
    expect(statuses).toContain(429);
    expect(answers).toMatch(/retry-after: [1-9]/i);
    expect((await fetch(`${urls['case-status']}/metrics`)).status).toBe(200);
  }, 120000);

  it('Given the stored credentials, When read back, Then only SHA-256 hashes of the secrets are stored, never a token', async () => {
    const { rows } = await kit.pool.query<{ row: Record<string, unknown> }>("SELECT to_jsonb(c) AS row FROM credentials c WHERE label LIKE 'security matrix %'");
    expect(rows.length).toBeGreaterThanOrEqual(ROWS.filter((r) => r.credential).length);
    const stored = JSON.stringify(rows);
    for (const t of Object.values(hubTokens)) if (t.id && t.header) expect(stored).not.toContain(t.header.slice('Bearer rnh_'.length + 17));
  });
});
