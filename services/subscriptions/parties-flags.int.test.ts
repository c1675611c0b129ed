import { randomBytes, randomInt } from 'node:crypto';
import type { Admin, Producer } from 'kafkajs';
import { SCHEMAS, type CaseUpdated } from '../../schemas';
import { allTopicSpecs, TOPICS } from '../../schemas/topics';
import { aCaseStatus, aCaseUpdated } from '../../test/builders/case-status-events';
import { aChildIdentityChanged } from '../../test/builders/identity-events';
import { aCaseClosed, aCaseOpened } from '../../test/builders/municipality-events';
import { eventually, testLogger } from '../../test/harness/test-env';
import { CredentialRepository } from '../platform/auth/credential-repository';
import { createAvroCodec, type AvroCodec } from '../platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../platform/avro/registry-client';
import { loadConfig } from '../platform/config/load-config';
import { createKafka, createProducer } from '../platform/kafka/create-kafka';
import { ensureTopics } from '../platform/kafka/ensure-topics';
import { subscriptionsConfigSchema } from './config';
import { startSubscriptions, type RunningSubscriptions } from './start-subscriptions';
import { startReceiver, type Receiver } from './testing/receiver';

/**
 * Issue 6 gaps with real Kafka, PostgreSQL and local HTTP receivers:
 *  - cases where the municipality is a party: an office of another comuna that opens a local case for a
 *    child (hub.municipality.events.v1, linked through hub.identity.children.v1) receives the child's full
 *    status, then its updates, and a LEFT notice when it closes its case;
 *  - the schools/health flag: POST /v1/flags by RUN or own record id answers only {underProtection, contact},
 *    is audited without the RUN, and notifies the case team (FLAG_LOOKUP).
 * Synthetic ids and RUNs only (random, valid check digit).
 */
jest.setTimeout(180_000);
const log = testLogger();
const STGO = '13110'; // Distinct comunas per test file: files of one run share the PG schema, so subscriptions would cross.
const NUNOA = '13114';

function aRun(): string {
  const body = String(randomInt(30_000_000, 39_999_999));
  let sum = 0;
  let mul = 2;
  for (let i = body.length - 1; i >= 0; i--) { sum += Number(body[i]) * mul; mul = mul === 7 ? 2 : mul + 1; }
  const r = 11 - (sum % 11);
  return `${body.slice(0, 2)}.${body.slice(2, 5)}.${body.slice(5)}-${r === 11 ? '0' : r === 10 ? 'K' : String(r)}`;
}

describe('municipal subscriptions: parties and the schools/health flag', () => {
  const tag = randomBytes(3).toString('hex');
  const prefix = `${process.env.HUB_TOPIC_PREFIX ?? 'local.'}subsp-${tag}.`;
  const updatesTopic = prefix + TOPICS.caseUpdates.name;
  const identityTopic = prefix + TOPICS.identityChildren.name;
  const muniTopic = prefix + TOPICS.municipalityEvents.name;
  let service: RunningSubscriptions;
  let admin: Admin;
  let producer: Producer;
  let codec: AvroCodec;
  let rStgo: Receiver;
  let rNunoa: Receiver;
  const tokens: Record<string, string> = {};
  let seq = 0;
  const K = `NNA-K-${tag}`;
  const L = `NNA-L-${tag}`;
  const M = `NNA-M-${tag}`;
  const runK = aRun();
  const runM = aRun();
  const muniRecord = `OLN${NUNOA}-P-${tag}`;
  const schoolRecord = `8765/IPE-${tag}`;

  const update = (childId: string, comuna: string, state: 'IN_DIAGNOSIS' | 'CLOSED' = 'IN_DIAGNOSIS'): CaseUpdated => {
    seq += 1;
    const caseId = `C:P${tag}:${childId}`;
    return aCaseUpdated({
      envelope: { ...aCaseUpdated().envelope, eventId: `HUB:case:${tag}:${seq}`, occurredAt: Date.UTC(2024, 3, 1) + seq * 1000 },
      snapshot: aCaseStatus({ caseId, childId, version: seq, state }), childComunaCode: comuna, caseId, childId,
    });
  };
  const send = async (topic: string, record: string, key: string, values: readonly object[]) => {
    const messages = await Promise.all(values.map(async (v) => ({ key, value: await codec.encode(topic, record, v) })));
    await producer.send({ topic, acks: -1, messages });
  };
  const identity = (childId: string, run: string, keys: string[]) => aChildIdentityChanged({
    envelope: { ...aChildIdentityChanged().envelope, eventId: `HUB:id:${tag}:${childId}`, sourceRecordId: childId },
    childId, recordKeys: keys, affectedRecordKeys: keys,
    golden: { ...aChildIdentityChanged().golden!, run: run.replace(/\./g, ''), comunaCode: STGO },
  });
  const opened = aCaseOpened({
    envelope: { ...aCaseOpened().envelope, eventId: `MUNI:open:${tag}`, sourceUnit: NUNOA },
    person: { ...aCaseOpened().person, sourceRecordId: muniRecord }, comunaCode: NUNOA, localCaseId: `LC-${tag}`,
  });
  const closed = aCaseClosed({
    envelope: { ...aCaseClosed().envelope, eventId: `MUNI:close:${tag}`, sourceUnit: NUNOA },
    person: { ...aCaseClosed().person, sourceRecordId: muniRecord }, comunaCode: NUNOA, localCaseId: `LC-${tag}`,
  });
  const types = (r: Receiver, childId: string) => r.received.filter((x) => x.childId === childId).map((x) => x.type);
  const flag = (token: string, body: unknown, lang?: string) => fetch(`${service.url}/v1/flags`, {
    method: 'POST', body: JSON.stringify(body),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}) },
  });

  beforeAll(async () => {
    const env = { ...process.env, HUB_TOPIC_PREFIX: prefix, HTTP_PORT: '0', SUBSCRIPTIONS_POLL_MS: '100', SUBSCRIPTIONS_RETRY_BASE_MS: '200', SUBSCRIPTIONS_RETRY_MAX_MS: '1500' };
    const config = loadConfig(subscriptionsConfigSchema, env);
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'subscriptions-parties-test', log });
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, allTopicSpecs(prefix).filter((s) => [updatesTopic, identityTopic, muniTopic].includes(s.name)));
    codec = createAvroCodec(createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
    await codec.registerAll(updatesTopic, ['hub.case.CaseUpdated']);
    await codec.registerAll(identityTopic, ['hub.identity.ChildIdentityChanged']);
    await codec.registerAll(muniTopic, ['hub.municipality.CaseOpened', 'hub.municipality.CaseClosed']);
    producer = await createProducer(kafka);
    service = await startSubscriptions(config, log);
    const creds = new CredentialRepository(service.pool);
    tokens.stgo = (await creds.create({ institution: 'MUNICIPALITY', scope: STGO, label: 'test OPD Santiago' })).token;
    tokens.nunoa = (await creds.create({ institution: 'MUNICIPALITY', scope: NUNOA, label: 'test OLN Ñuñoa' })).token;
    tokens.school = (await creds.create({ institution: 'SCHOOL', scope: '8765', label: 'test school' })).token;
    tokens.health = (await creds.create({ institution: 'HEALTH', scope: '112100', label: 'test CESFAM' })).token;
    tokens.sename = (await creds.create({ institution: 'SENAME', scope: '1130045', label: 'test programme' })).token;
    rStgo = await startReceiver('secret-santiago-0123456789');
    rNunoa = await startReceiver('secret-nunoa-0123456789ab');
    const create = async (token: string, body: object) => {
      const res = await fetch(`${service.url}/v1/subscriptions`, { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
      expect(res.status).toBe(201);
    };
    await create(tokens.stgo, { comunaCode: STGO, url: rStgo.url, secret: 'secret-santiago-0123456789', contact: { team: 'OPD Santiago, equipo psicosocial', phone: '+56 2 2000 0000', email: 'opd@example.invalid' } });
    await create(tokens.nunoa, { comunaCode: NUNOA, url: rNunoa.url, secret: 'secret-nunoa-0123456789ab' });
  });

  afterAll(async () => {
    await service?.close();
    await rStgo?.close();
    await rNunoa?.close();
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [updatesTopic, identityTopic, muniTopic] }).catch(() => undefined);
    await admin?.disconnect();
  });

  it('Given a child of Santiago, When Ñuñoa\'s office opens and later closes a local case for it, Then Ñuñoa receives the full status, the updates meanwhile and a LEFT notice, and nothing after', async () => {
    await send(identityTopic, 'hub.identity.ChildIdentityChanged', K, [identity(K, runK, [`MUNICIPALITY|${muniRecord}`, `SCHOOL|${schoolRecord}`, `SENAME|S-${tag}`])]);
    await send(updatesTopic, 'hub.case.CaseUpdated', K, [update(K, STGO)]);
    await send(updatesTopic, 'hub.case.CaseUpdated', L, [update(L, STGO)]);
    await eventually(() => (types(rStgo, K).length === 1 && types(rStgo, L).length === 1 ? true : undefined), 60000, 'Santiago sees K and L');
    expect(types(rNunoa, K)).toEqual([]);

    await send(muniTopic, 'hub.municipality.CaseOpened', `MUNICIPALITY:${muniRecord}`, [opened]);
    await eventually(() => (types(rNunoa, K).length === 1 ? true : undefined), 60000, 'Ñuñoa becomes a party');
    const entered = rNunoa.received.find((x) => x.childId === K)!;
    expect(entered.type).toBe('CHILD_ENTERED_TERRITORY');
    expect((entered.body.cases as { caseId: string }[]).map((c) => c.caseId)).toEqual([`C:P${tag}:${K}`]);

    await send(updatesTopic, 'hub.case.CaseUpdated', K, [update(K, STGO)]);
    await eventually(() => (types(rNunoa, K).length === 2 && types(rStgo, K).length === 2 ? true : undefined), 60000, 'both receive the update');
    expect(types(rNunoa, K)).toEqual(['CHILD_ENTERED_TERRITORY', 'STATE_CHANGED']);

    await send(muniTopic, 'hub.municipality.CaseClosed', `MUNICIPALITY:${muniRecord}`, [closed]);
    await eventually(() => (types(rNunoa, K).length === 3 ? true : undefined), 60000, 'Ñuñoa told it left');
    expect(Object.keys(rNunoa.received.filter((x) => x.childId === K)[2]!.body).sort()).toEqual(['childId', 'deliveryId', 'occurredAt', 'type']);
    await send(updatesTopic, 'hub.case.CaseUpdated', K, [update(K, STGO)]);
    await eventually(() => (types(rStgo, K).length === 3 ? true : undefined), 60000, 'Santiago gets the next update');
    expect(types(rNunoa, K)).toEqual(['CHILD_ENTERED_TERRITORY', 'STATE_CHANGED', 'CHILD_LEFT_TERRITORY']);
    expect(types(rNunoa, L)).toEqual([]);
    expect(rStgo.rejected).toEqual([]);
    expect(rNunoa.rejected).toEqual([]);
  });

  it('Given a child under protection, When a school looks it up by RUN, Then it gets only the flag and the team to call, and the case team is notified', async () => {
    await eventually(async () => {
      const { rows } = await service.pool.query("SELECT 1 FROM sub_identities WHERE child_id = $1 AND run_key IS NOT NULL", [K]);
      return rows.length === 1 ? true : undefined;
    }, 60000, 'identity consumed');
    const before = types(rStgo, K).length;
    const res = await flag(tokens.school!, { run: runK });
    expect(res.status).toBe(200);
    const body = await res.json() as Record<string, unknown>;
    expect(body).toEqual({ underProtection: true, contact: { comunaCode: STGO, team: 'OPD Santiago, equipo psicosocial', phone: '+56 2 2000 0000', email: 'opd@example.invalid' } });
    await eventually(() => (types(rStgo, K).length === before + 1 ? true : undefined), 60000, 'case team notified');
    const notice = rStgo.received.filter((x) => x.childId === K).at(-1)!;
    expect(notice.type).toBe('FLAG_LOOKUP');
    expect(notice.body.lookup).toEqual({ institution: 'SCHOOL', unit: '8765' });
    // Ñuñoa closed its local case: it is no longer told.
    expect(types(rNunoa, K)).not.toContain('FLAG_LOOKUP');

    // By the school's own record of the child (a pupil known by IPE), the same flag.
    const byRecord = await flag(tokens.school!, { recordId: schoolRecord });
    expect(await byRecord.json()).toMatchObject({ underProtection: true });
    // Health cannot use a school's record id: it names no child for them.
    expect(await (await flag(tokens.health!, { recordId: schoolRecord })).json()).toEqual({ underProtection: false });
  });

  it('Given unknown or closed children, bad input or another institution, When the flag is asked, Then the answers reveal nothing and errors are in Spanish', async () => {
    await send(identityTopic, 'hub.identity.ChildIdentityChanged', M, [identity(M, runM, [`HEALTH|H-${tag}`])]);
    await send(updatesTopic, 'hub.case.CaseUpdated', M, [update(M, STGO, 'CLOSED')]);
    await eventually(async () => {
      const { rows } = await service.pool.query('SELECT 1 FROM sub_identities i JOIN sub_children c USING (child_id) WHERE i.child_id = $1', [M]);
      return rows.length === 1 ? true : undefined;
    }, 60000, 'M consumed');
    expect(await (await flag(tokens.health!, { run: runM })).json()).toEqual({ underProtection: false });
    expect(await (await flag(tokens.health!, { run: aRun() })).json()).toEqual({ underProtection: false });
    const invalid = await flag(tokens.health!, { run: '12.345.678-9' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { mensaje: string }).mensaje).toContain('RUN indicado no es válido');
    const forbidden = await flag(tokens.sename!, { run: runK });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { mensaje: string }).mensaje).toContain('establecimientos educacionales y de salud');
    expect(((await (await flag(tokens.stgo!, { run: runK }, 'en')).json()) as { mensaje: string }).mensaje).toContain('Only schools');

    const audit = await service.pool.query<{ row: string }>('SELECT row_to_json(l)::text AS row FROM sub_flag_lookups l ORDER BY id');
    expect(audit.rows.length).toBe(5);
    for (const r of audit.rows) { expect(r.row).not.toContain(runK.replace(/\./g, '')); expect(r.row).not.toContain(runM.replace(/\./g, '')); }
    await expect(service.pool.query('DELETE FROM sub_flag_lookups')).rejects.toThrow(/append-only/);
  });
});
