import type { AvroCodec } from '../../services/platform/avro/avro-codec';
import type { Credential } from '../../services/platform/auth/credential';
import { aNativeCourtOrder } from '../../test/builders/native-records';
import { aBundle, aFhirPatient, anEmergencyEncounter, anEpisodeOfCare, FHIR_ESTABLISHMENT } from '../../test/builders/fhir-bundles';
import { INTAKE_CONNECTORS } from './connectors';
import { IntakeService, requestHash, type IntakeCall } from './intake-service';
import type { Submission, WriteOutcome } from './outbox/outbox-writer';
import { intakeRoutes, type IntakeRoute } from './routes';

const routes = new Map(intakeRoutes(INTAKE_CONNECTORS, { fhir: true }).map((r) => [r.path, r]));
const route = (path: string): IntakeRoute => routes.get(path)!;

/** Encodes as JSON instead of Avro: the service only passes bytes on. */
const fakeCodec: AvroCodec = {
  encode: async (_topic, recordName, value) => Buffer.from(JSON.stringify({ recordName, value })),
  decode: async () => { throw new Error('not used'); },
  registerAll: async () => undefined,
};

/** A writer that treats every record as new unless told which event ids it already holds. */
function aWriter(known: ReadonlySet<string> = new Set()) {
  const submissions: Submission[] = [];
  return {
    submissions,
    async submit(s: Submission): Promise<WriteOutcome> {
      submissions.push(s);
      return { kind: 'written', response: s.respond(s.records.map((r) => !known.has(r.eventId))) };
    },
  };
}

const court: Credential = { id: 'aaaaaaaaaaaaaaaa', institution: 'TRIBUNAL', scope: '1301', label: null, createdAt: new Date(0), revokedAt: null };
const hospital: Credential = { ...court, id: 'bbbbbbbbbbbbbbbb', institution: 'HEALTH', scope: FHIR_ESTABLISHMENT };

function call(over: Partial<IntakeCall> = {}): IntakeCall {
  return { route: route('/v1/tribunals/orders'), credential: court, body: aNativeCourtOrder(), idempotencyKey: undefined, lang: 'es', traceId: 't-1', ...over };
}

describe('IntakeService', () => {
  it('Given a valid court order from its court, When handled, Then its event (carrying the child) is submitted and the answer is 202 with the event id', async () => {
    const writer = aWriter();
    const a = await new IntakeService({ writer, codec: fakeCodec, topicPrefix: 'p.', now: () => 1_700_000_000_000 }).handle(call());
    expect(a.status).toBe(202);
    const body = a.body as { eventId: string; estado: string; duplicado: boolean };
    expect(body).toMatchObject({ estado: 'aceptado', duplicado: false, advertencias: [] });
    const [s] = writer.submissions;
    expect(s!.records).toHaveLength(1);
    expect(s!.records[0]!.eventId).toBe(body.eventId);
    expect(s!.records[0]!.messages.map((m) => m.topic)).toEqual(['p.hub.tribunal.events.v1']);
    expect(s!.records[0]!.messages[0]!.headers).toMatchObject({ 'hub.event.id': body.eventId, 'hub.intake.credential': court.id });
  });

  it('Given a record the writer already holds, When handled, Then the answer is 200 with duplicado true and the same id', async () => {
    const first = await new IntakeService({ writer: aWriter(), codec: fakeCodec, topicPrefix: '', now: () => 1 }).handle(call());
    const id = (first.body as { eventId: string }).eventId;
    const again = await new IntakeService({ writer: aWriter(new Set([id])), codec: fakeCodec, topicPrefix: '', now: () => 2 }).handle(call());
    expect(again).toMatchObject({ status: 200, body: { eventId: id, duplicado: true } });
  });

  it('Given a malformed order, When handled, Then 400 lists each bad field with its code and a Spanish message, and nothing is submitted', async () => {
    const writer = aWriter();
    const a = await new IntakeService({ writer, codec: fakeCodec, topicPrefix: '', now: () => 1 }).handle(call({ body: aNativeCourtOrder({ rit: 'no-es-rit', fecha_resolucion: '' }) }));
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({ codigo: 'INVALID_RECORD', errores: expect.arrayContaining([
      { campo: 'rit', codigo: 'INVALID_RIT', mensaje: 'El campo rit no es un RIT (ej.: P-1234-2023).' },
      { campo: 'fecha_resolucion', codigo: 'REQUIRED', mensaje: 'El campo fecha_resolucion es obligatorio.' },
    ]) });
    expect(JSON.stringify(a.body)).not.toContain('no-es-rit');
    expect(writer.submissions).toHaveLength(0);
  });

  it('Given Accept-Language en, When a field is bad, Then the messages are in English', async () => {
    const a = await new IntakeService({ writer: aWriter(), codec: fakeCodec, topicPrefix: '', now: () => 1 }).handle(call({ lang: 'en', body: aNativeCourtOrder({ rit: 'x' }) }));
    expect(a.body).toMatchObject({ mensaje: expect.stringContaining('nothing was published'), errores: [{ campo: 'rit', mensaje: 'Field rit is not a RIT (e.g. P-1234-2023).' }] });
  });

  it('Given another court code in the record, When handled, Then 403 names the credential scope and nothing is submitted', async () => {
    const writer = aWriter();
    const a = await new IntakeService({ writer, codec: fakeCodec, topicPrefix: '', now: () => 1 }).handle(call({ body: aNativeCourtOrder({ cod_tribunal: '1302' }) }));
    expect(a).toMatchObject({ status: 403, body: { codigo: 'WRONG_UNIT', mensaje: expect.stringContaining('(1301)') } });
    expect(writer.submissions).toHaveLength(0);
  });

  it('Given a court credential on a SENAME route, When handled, Then 403 wrong institution before reading the body', async () => {
    const a = await new IntakeService({ writer: aWriter(), codec: fakeCodec, topicPrefix: '', now: () => 1 }).handle(call({ route: route('/v1/sename/admissions'), body: 'not even an object' }));
    expect(a).toMatchObject({ status: 403, body: { codigo: 'WRONG_INSTITUTION' } });
  });

  it('Given a body that names another kind in tipo, When posted to the orders route, Then it is refused rather than read as an order', async () => {
    const a = await new IntakeService({ writer: aWriter(), codec: fakeCodec, topicPrefix: '', now: () => 1 }).handle(call({ body: aNativeCourtOrder({ tipo: 'AUDIENCIA' }) }));
    expect(a).toMatchObject({ status: 400, body: { errores: [{ campo: 'tipo', codigo: 'INCONSISTENT' }] } });
  });

  it('Given an Idempotency-Key, When handled, Then it is submitted with the hash of route and canonical body; a bad key is 400', async () => {
    const writer = aWriter();
    const service = new IntakeService({ writer, codec: fakeCodec, topicPrefix: '', now: () => 1 });
    const body = aNativeCourtOrder();
    await service.handle(call({ idempotencyKey: 'orden-981', body }));
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect(writer.submissions[0]!.idempotency).toEqual({ key: 'orden-981', requestHash: requestHash('/v1/tribunals/orders', reordered) });
    expect(requestHash('/v1/tribunals/orders', body)).not.toBe(requestHash('/v1/tribunals/hearings', body));
    expect((await service.handle(call({ idempotencyKey: 'con espacio' }))).status).toBe(400);
  });

  it('Given the writer says the key was used for another body, When handled, Then 422 with a Spanish explanation', async () => {
    const writer = { submit: async (): Promise<WriteOutcome> => ({ kind: 'key-reused' }) };
    const a = await new IntakeService({ writer, codec: fakeCodec, topicPrefix: '', now: () => 1 }).handle(call({ idempotencyKey: 'k' }));
    expect(a).toMatchObject({ status: 422, body: { codigo: 'IDEMPOTENCY_KEY_REUSED', mensaje: expect.stringContaining('ya se usó') } });
  });

  it('Given a FHIR bundle of the credential establishment, When handled, Then each emergency visit and enrolment is one record in one submission', async () => {
    const writer = aWriter();
    const bundle = aBundle([aFhirPatient('p1'), anEmergencyEncounter('e1', 'Patient/p1', ['T74.1']), anEpisodeOfCare('ep1', 'Patient/p1')]);
    const a = await new IntakeService({ writer, codec: fakeCodec, topicPrefix: '', now: () => 1 }).handle({ ...call(), route: route('/v1/health/fhir'), credential: hospital, body: bundle });
    expect(a.status).toBe(202);
    expect((a.body as { eventos: { tipo: string }[] }).eventos.map((e) => e.tipo)).toEqual(['ATENCION_URGENCIA', 'INSCRIPCION_PROGRAMA']);
    expect(writer.submissions[0]!.records).toHaveLength(2);
  });

  it('Given a FHIR bundle with a bad entry, When handled, Then 400 names the FHIR path and nothing is submitted', async () => {
    const writer = aWriter();
    const bundle = aBundle([aFhirPatient('p1', { birthDate: '2013-02-31' }), anEmergencyEncounter('e1', 'Patient/p1')]);
    const a = await new IntakeService({ writer, codec: fakeCodec, topicPrefix: '', now: () => 1 }).handle({ ...call(), route: route('/v1/health/fhir'), credential: hospital, body: bundle });
    expect(a.status).toBe(400);
    expect((a.body as { errores: { campo: string }[] }).errores[0]!.campo).toMatch(/^entry\[0\]\.resource\.birthDate$/);
    expect(writer.submissions).toHaveLength(0);
  });
});
