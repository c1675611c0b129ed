import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { AdmissionOrderIssued } from '../../schemas';
import { createLogger } from '../../services/platform/logging/create-logger';
import { aNativeCourtOrder } from '../../test/builders/native-records';
import { aBundle, aFhirPatient, anEmergencyEncounter, anEpisodeOfCare, FHIR_ESTABLISHMENT } from '../../test/builders/fhir-bundles';
import { eventually } from '../../test/harness/test-env';
import { startIntake, type RunningIntake } from './start-intake';
import { createIntakeWorld, type IntakeWorld } from './testing/intake-fixture';

const root = path.resolve(__dirname, '..', '..');
const ORDERS = '/v1/tribunals/orders';
const TRIBUNAL_TOPIC = 'hub.tribunal.events.v1';

interface Answer { status: number; headers: Headers; body: Record<string, unknown> }

/**
 * The intake as institutions use it: a real process composition (HTTP → PostgreSQL outbox →
 * relay → Kafka) over the run's real PostgreSQL, Kafka and schema registry, in its own schema
 * and topic prefix.
 */
describe('HTTP intake', () => {
  let world: IntakeWorld;
  let intake: RunningIntake;
  let court: { id: string; token: string };
  let otherCourt: { id: string; token: string };
  let sename: { id: string; token: string };
  /** Event ids this file expects on the tribunal topic, each exactly once. */
  const accepted = new Set<string>();

  async function post(route: string, body: unknown, headers: Record<string, string> = {}, token: string | null = court.token): Promise<Answer> {
    const res = await fetch(`${intake.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: await res.json() as Record<string, unknown> };
  }

  beforeAll(async () => {
    world = await createIntakeWorld('intake');
    intake = await startIntake({ ...world.config, INTAKE_AUTH_CACHE_MS: 300 }, createLogger({ service: 'intake', level: 'warn', destination: process.stderr as never }));
    court = await world.credential('TRIBUNAL', '1301');
    otherCourt = await world.credential('TRIBUNAL', '1302');
    sename = await world.credential('SENAME', '*');
  });
  afterAll(async () => { await intake?.close(); await world?.close(); });

  it('Given a court order with its court credential, When posted, Then 202 once durable and the event reaches Kafka, decodable through the registry', async () => {
    const r = await post(ORDERS, aNativeCourtOrder({ id_registro: 'RES-OK-1' }));
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ estado: 'aceptado', duplicado: false, advertencias: [] });
    const eventId = r.body.eventId as string;
    accepted.add(eventId);
    // Durable before the answer: the accepted-events table already has it.
    expect((await world.pool.query('SELECT 1 FROM intake_accepted_events WHERE event_id = $1', [eventId])).rowCount).toBe(1);

    const message = await eventually(async () => (await world.readTopic(TRIBUNAL_TOPIC)).find((m) => m.eventId === eventId), 30000, 'the order on Kafka');
    const decoded = await world.codec.decode<AdmissionOrderIssued>(message.value);
    expect(decoded.recordName).toBe('hub.tribunal.AdmissionOrderIssued');
    expect(decoded.value.envelope).toMatchObject({ eventId, sourceInstitution: 'TRIBUNAL', sourceUnit: '1301', sourceRecordId: 'RES-OK-1' });
    expect(decoded.value.person).toMatchObject({ sourceRecordId: '1301/NNA-000123', run: '12.345.678-5', birthDate: '2013-08-21' });
    expect(message.key).toBe('TRIBUNAL:1301/NNA-000123');
    expect(message.headers['hub.intake.credential']).toBe(court.id);
  });

  it('Given a malformed order, When posted, Then 400 lists each field problem in Spanish, without the values sent', async () => {
    const r = await post(ORDERS, aNativeCourtOrder({ id_registro: 'RES-BAD', fecha_resolucion: '31-02-2024 10:00', sexo: 'Z', run_nna: 'abc' }));
    expect(r.status).toBe(400);
    expect(r.body.codigo).toBe('INVALID_RECORD');
    expect(r.body.errores).toEqual(expect.arrayContaining([
      { campo: 'fecha_resolucion', codigo: 'INVALID_DATETIME', mensaje: 'El campo fecha_resolucion no es una fecha y hora válida (use DD-MM-AAAA HH:MM).' },
      { campo: 'sexo', codigo: 'INVALID_OPTION', mensaje: expect.stringContaining('sexo') },
      { campo: 'run_nna', codigo: 'INVALID_RUN', mensaje: expect.stringContaining('run_nna') },
    ]));
    expect(JSON.stringify(r.body)).not.toContain('abc');
  });

  it('Given Accept-Language en, When an order is malformed, Then the messages are in English', async () => {
    const r = await post(ORDERS, aNativeCourtOrder({ rit: 'nope' }), { 'accept-language': 'en' });
    expect(r.body).toMatchObject({ codigo: 'INVALID_RECORD', errores: [{ campo: 'rit', codigo: 'INVALID_RIT', mensaje: 'Field rit is not a RIT (e.g. P-1234-2023).' }] });
  });

  it('Given no token, a forged one, another court or another institution, When posted, Then 401 or 403 in Spanish and nothing is stored', async () => {
    const order = aNativeCourtOrder({ id_registro: 'RES-AUTH' });
    const none = await post(ORDERS, order, {}, null);
    expect(none).toMatchObject({ status: 401, body: { codigo: 'TOKEN_MISSING', mensaje: expect.stringContaining('Authorization: Bearer') } });
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(await post(ORDERS, order, {}, `rnh_${court.id}_${'x'.repeat(43)}`)).toMatchObject({ status: 401, body: { codigo: 'TOKEN_INVALID' } });
    expect(await post(ORDERS, order, {}, otherCourt.token)).toMatchObject({ status: 403, body: { codigo: 'WRONG_UNIT', mensaje: expect.stringContaining('(1302)') } });
    expect(await post(ORDERS, order, {}, sename.token)).toMatchObject({ status: 403, body: { codigo: 'WRONG_INSTITUTION' } });
    expect((await world.pool.query("SELECT 1 FROM intake_accepted_events WHERE credential_id = ANY($1)", [[otherCourt.id, sename.id]])).rowCount).toBe(0);
  });

  it('Given the same Idempotency-Key sent three times (two at once), When answered, Then the same 202 body each time and one event on Kafka', async () => {
    const order = aNativeCourtOrder({ id_registro: 'RES-IDEM-1' });
    const [a, b] = await Promise.all([post(ORDERS, order, { 'idempotency-key': 'orden-idem-1' }), post(ORDERS, order, { 'idempotency-key': 'orden-idem-1' })]);
    const c = await post(ORDERS, order, { 'idempotency-key': 'orden-idem-1' });
    for (const r of [a, b, c]) expect(r.status).toBe(202);
    expect(b.body).toEqual(a.body);
    expect(c.body).toEqual(a.body);
    expect(c.headers.get('idempotency-replayed')).toBe('true');
    accepted.add(a.body.eventId as string);
  });

  it('Given a used Idempotency-Key, When sent with a different body, Then 422 explains it in Spanish and nothing is published', async () => {
    await post(ORDERS, aNativeCourtOrder({ id_registro: 'RES-IDEM-2' }), { 'idempotency-key': 'orden-idem-2' }).then((r) => accepted.add(r.body.eventId as string));
    const r = await post(ORDERS, aNativeCourtOrder({ id_registro: 'RES-IDEM-2B' }), { 'idempotency-key': 'orden-idem-2' });
    expect(r).toMatchObject({ status: 422, body: { codigo: 'IDEMPOTENCY_KEY_REUSED', mensaje: expect.stringContaining('ya se usó con un contenido distinto') } });
  });

  it('Given the same order sent again without a key, When posted, Then 200 with duplicado true and the same event id; it is published once', async () => {
    const order = aNativeCourtOrder({ id_registro: 'RES-DUP' });
    const first = await post(ORDERS, order);
    const second = await post(ORDERS, order);
    expect(first.status).toBe(202);
    expect(second).toMatchObject({ status: 200, body: { eventId: first.body.eventId, estado: 'aceptado', duplicado: true } });
    accepted.add(first.body.eventId as string);
  });

  it('Given a RUN whose check digit fails, When posted, Then it is accepted with a warning', async () => {
    const r = await post(ORDERS, aNativeCourtOrder({ id_registro: 'RES-WARN', run_nna: '12.345.678-9' }));
    expect(r.status).toBe(202);
    expect(r.body.advertencias).toEqual([{ campo: 'run_nna', codigo: 'RUN_CHECK_DIGIT', mensaje: expect.stringContaining('Advertencia') }]);
    accepted.add(r.body.eventId as string);
  });

  it('Given a body too large, not JSON or broken JSON, When posted, Then 413, 415 and 400 in Spanish', async () => {
    expect(await post(ORDERS, { x: 'a'.repeat(300 * 1024) })).toMatchObject({ status: 413, body: { codigo: 'BODY_TOO_LARGE', mensaje: expect.stringContaining('256 KB') } });
    expect(await post(ORDERS, 'id_registro=1', { 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject({ status: 415, body: { codigo: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect(await post(ORDERS, '{"id_registro":', {})).toMatchObject({ status: 400, body: { codigo: 'INVALID_JSON' } });
  });

  it('Given a FHIR bundle from an establishment, When posted to /v1/health/fhir, Then both records are accepted in one answer', async () => {
    const hospital = await world.credential('HEALTH', FHIR_ESTABLISHMENT);
    const bundle = aBundle([aFhirPatient('p1'), anEmergencyEncounter('urg-1', 'Patient/p1', ['T74.1']), anEpisodeOfCare('ep-1', 'Patient/p1')]);
    const r = await post('/v1/health/fhir', bundle, {}, hospital.token);
    expect(r.status).toBe(202);
    expect((r.body.eventos as { tipo: string }[]).map((e) => e.tipo)).toEqual(['ATENCION_URGENCIA', 'INSCRIPCION_PROGRAMA']);
    expect((await post('/v1/health/fhir', bundle, {}, hospital.token))).toMatchObject({ status: 200, body: { duplicado: true } });
  });

  it('Given a credential created with `hub credentials create`, When used and then revoked with the CLI, Then it works and is refused within the cache TTL', async () => {
    const hub = (...args: string[]) => spawnSync(process.execPath, ['infra/cli/hub.js', 'credentials', ...args], { cwd: root, env: { ...world.env, HUB_LANG: 'es' }, encoding: 'utf8', timeout: 60000 });
    const created = hub('create', '--institution', 'TRIBUNAL', '--scope', '1303', '--label', 'prueba');
    expect(created.status).toBe(0);
    const token = /token: (rnh_\S+)/.exec(created.stdout)![1]!;
    const order = aNativeCourtOrder({ id_registro: 'RES-CLI', cod_tribunal: '1303' });
    const ok = await post(ORDERS, order, {}, token);
    expect(ok.status).toBe(202);
    accepted.add(ok.body.eventId as string);
    const id = /id: +([0-9a-f]{16})/.exec(created.stdout)![1]!;
    const listed = hub('list');
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+TRIBUNAL\\s+1303`));
    expect(listed.stdout).not.toContain(token);
    expect(hub('revoke', id).stdout).toContain('revocada');
    await eventually(async () => ((await post(ORDERS, order, {}, token)).status === 401 ? true : undefined), 5000, 'revocation to take effect');
    expect(await post(ORDERS, order, {}, token)).toMatchObject({ body: { codigo: 'TOKEN_REVOKED' } });
  });

  it('Given the intake, When its documents and platform endpoints are read, Then OpenAPI, the docs page, health and metrics answer', async () => {
    const doc = await (await fetch(`${intake.url}/v1/openapi.json`)).json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths[ORDERS]).toBeDefined();
    expect(await (await fetch(`${intake.url}/v1/docs`)).text()).toContain(`POST ${ORDERS}`);
    expect((await fetch(`${intake.url}/health`)).status).toBe(200);
    const metrics = await (await fetch(`${intake.url}/metrics`)).text();
    expect(metrics).toMatch(/hub_http_requests_total\{route="\/v1\/tribunals\/orders",status="202"[^}]*\} \d+/);
    expect(metrics).toMatch(/hub_intake_outbox_depth\{[^}]*\} \d+/);
    expect(metrics).not.toContain('NNA-000123');
  });

  it('Given everything this file accepted, When the tribunal topic is read to its end, Then each accepted event is there exactly once and nothing else', async () => {
    await eventually(async () => ((await world.outboxDepth()) === 0 ? true : undefined), 30000, 'the outbox to drain');
    const ids = (await world.readTopic(TRIBUNAL_TOPIC)).map((m) => m.eventId!);
    expect(ids.length).toBe(new Set(ids).size);
    expect(new Set(ids)).toEqual(accepted);
  });
});
