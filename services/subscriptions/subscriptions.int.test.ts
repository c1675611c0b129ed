import { randomBytes } from 'node:crypto';
import { parseToken } from '../platform/auth/token';
import type { Admin, Producer } from 'kafkajs';
import { SCHEMAS, type CaseUpdated } from '../../schemas';
import { allTopicSpecs, TOPICS } from '../../schemas/topics';
import { aCaseStatus, aCaseUpdated } from '../../test/builders/case-status-events';
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
import { consumedTopics } from './testing/topics';

/**
 * Done-when of issue 6 with real Kafka, PostgreSQL and local HTTP receivers: CaseUpdated messages are
 * produced directly to hub.case.updates.v1; each municipality's receiver gets only its children
 * (moves and merges included), signed; a receiver that is down gets everything afterwards in order
 * per child; an SSE client resuming with Last-Event-ID misses nothing.
 */
jest.setTimeout(240_000);
const log = testLogger();
const STGO = '13101';
const NUNOA = '13120';

describe('municipal subscriptions end to end', () => {
  const tag = randomBytes(3).toString('hex');
  const prefix = `${process.env.HUB_TOPIC_PREFIX ?? 'local.'}subs-${tag}.`;
  const topic = prefix + TOPICS.caseUpdates.name;
  let service: RunningSubscriptions;
  let admin: Admin;
  let producer: Producer;
  let codec: AvroCodec;
  let rStgo: Receiver;
  let rNunoa: Receiver;
  const tokens: Record<string, string> = {};
  const subs: Record<string, string> = {};
  let seq = 0;

  const update = (childId: string, comuna: string | null, over: Partial<CaseUpdated> = {}): CaseUpdated => {
    seq += 1;
    const caseId = over.caseId ?? `C:P${tag}:${childId}`;
    return aCaseUpdated({
      envelope: { ...aCaseUpdated().envelope, eventId: `HUB:case:${tag}:${seq}`, occurredAt: Date.UTC(2024, 3, 1) + seq * 1000 },
      snapshot: aCaseStatus({ caseId, childId, version: seq }), childComunaCode: comuna, caseId, childId, ...over,
    });
  };
  const produce = async (updates: readonly CaseUpdated[]) => {
    const messages = await Promise.all(updates.map(async (u) => ({ key: u.childId, value: await codec.encode(topic, 'hub.case.CaseUpdated', u), headers: { 'hub.event.id': u.envelope.eventId } })));
    await producer.send({ topic, acks: -1, messages });
  };
  const api = (path: string, token: string, init: { method?: string; body?: unknown } = {}) => fetch(`${service.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const ids = (r: Receiver, childId: string) => r.received.filter((x) => x.childId === childId);

  beforeAll(async () => {
    const env = { ...process.env, HUB_TOPIC_PREFIX: prefix, HTTP_PORT: '0', SUBSCRIPTIONS_POLL_MS: '100', SUBSCRIPTIONS_RETRY_BASE_MS: '200', SUBSCRIPTIONS_RETRY_MAX_MS: '1500', SUBSCRIPTIONS_MAX_ATTEMPTS: '60', SUBSCRIPTIONS_TIMEOUT_MS: '2000' };
    const config = loadConfig(subscriptionsConfigSchema, env);
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'subscriptions-test', log });
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, allTopicSpecs(prefix).filter((s) => consumedTopics(prefix).includes(s.name)));
    codec = createAvroCodec(createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
    await codec.registerAll(topic, ['hub.case.CaseUpdated']);
    producer = await createProducer(kafka);
    service = await startSubscriptions(config, log);
    const creds = new CredentialRepository(service.pool);
    tokens.stgo = (await creds.create({ institution: 'MUNICIPALITY', scope: STGO, label: 'test OPD Santiago' })).token;
    tokens.nunoa = (await creds.create({ institution: 'MUNICIPALITY', scope: NUNOA, label: 'test OLN Ñuñoa' })).token;
    tokens.school = (await creds.create({ institution: 'SCHOOL', scope: '8765', label: 'test school' })).token;
    rStgo = await startReceiver('secret-santiago-0123456789');
    rNunoa = await startReceiver('secret-nunoa-0123456789ab');
  });

  afterAll(async () => {
    await service?.close();
    await rStgo?.close();
    await rNunoa?.close();
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: consumedTopics(prefix) }).catch(() => undefined);
    await admin?.disconnect();
  });

  it('Given municipality credentials, When subscriptions are created, Then each may only subscribe its own comuna (403 in Spanish otherwise)', async () => {
    const ok = await api('/v1/subscriptions', tokens.stgo!, { method: 'POST', body: { comunaCode: STGO, url: rStgo.url, secret: 'secret-santiago-0123456789' } });
    expect(ok.status).toBe(201);
    const created = await ok.json() as Record<string, unknown>;
    expect(created).not.toHaveProperty('secret');
    subs.stgo = String(created.id);
    const other = await api('/v1/subscriptions', tokens.stgo!, { method: 'POST', body: { comunaCode: NUNOA, url: rStgo.url, secret: 'secret-santiago-0123456789' } });
    expect(other.status).toBe(403);
    expect(((await other.json()) as { mensaje: string }).mensaje).toContain('comuna 13120');
    expect((await api('/v1/subscriptions', tokens.school!, { method: 'POST', body: { comunaCode: STGO, url: rStgo.url, secret: 'secret-santiago-0123456789' } })).status).toBe(403);
    const n = await api('/v1/subscriptions', tokens.nunoa!, { method: 'POST', body: { comunaCode: NUNOA, url: rNunoa.url, secret: 'secret-nunoa-0123456789ab' } });
    subs.nunoa = String(((await n.json()) as { id: string }).id);
    const listed = (await (await api('/v1/subscriptions', tokens.stgo!)).json()) as { subscriptions: { id: string }[] };
    expect(listed.subscriptions.map((s) => s.id)).toEqual([subs.stgo]);
    expect((await api(`/v1/subscriptions/${subs.nunoa}`, tokens.stgo!)).status).toBe(404);
  });

  it('Given children in two comunas, When their cases change, Then each receiver gets only its own children, correctly signed', async () => {
    await produce([update(`A-${tag}`, STGO), update(`B-${tag}`, NUNOA)]);
    await eventually(() => (rStgo.received.length >= 1 && rNunoa.received.length >= 1 ? true : undefined), 60000, 'both deliveries');
    expect(rStgo.received.map((r) => r.childId)).toEqual([`A-${tag}`]);
    expect(rNunoa.received.map((r) => r.childId)).toEqual([`B-${tag}`]);
    expect(rStgo.rejected).toEqual([]);
    expect(JSON.stringify(rStgo.received[0]!.body)).not.toContain('comunaCode');
  });

  it('Given deliveries, When a municipality lists them, Then a purpose is required, the answer names only its children, and each read is audited (who, what, when, why)', async () => {
    const list = (token: string, id: string, purpose?: string) => fetch(`${service.url}/v1/subscriptions/${id}/deliveries`, {
      headers: { authorization: `Bearer ${token}`, ...(purpose ? { 'x-purpose': purpose } : {}) },
    });
    const noPurpose = await list(tokens.stgo!, subs.stgo!);
    expect(noPurpose.status).toBe(400);
    expect(((await noPurpose.json()) as { codigo: string }).codigo).toBe('PURPOSE_REQUIRED');
    const ok = await list(tokens.stgo!, subs.stgo!, 'seguimiento de caso');
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { deliveries: { childId: string }[] };
    expect(body.deliveries.map((d) => d.childId)).toContain(`A-${tag}`);
    expect(body.deliveries.map((d) => d.childId)).not.toContain(`B-${tag}`);
    expect((await list(tokens.stgo!, subs.nunoa!, 'sondeo')).status).toBe(404);
    const { rows } = await service.pool.query<{ subscription_id: string; child_ids: string[]; purpose: string; status: number }>(
      "SELECT subscription_id, child_ids, purpose, status FROM sub_api_audit WHERE action = 'deliveries.read' AND subscription_id = ANY($1) ORDER BY seq", [[subs.stgo, subs.nunoa]]);
    expect(rows.map((r) => [r.subscription_id, r.purpose, r.status])).toEqual([[subs.stgo, 'seguimiento de caso', 200], [subs.nunoa, 'sondeo', 404]]);
    expect(rows[0]!.child_ids).toContain(`A-${tag}`);
    expect(rows[1]!.child_ids).toEqual([]);
  });

  it('Given a child that moves and a merge across comunas, When updates arrive, Then the old municipality gets only a LEFT notice and the new one the full status', async () => {
    const before = rStgo.received.length;
    await produce([update(`A-${tag}`, NUNOA)]);
    await produce([update(`C-${tag}`, STGO)]);
    await produce([update(`D-${tag}`, NUNOA)]);
    await eventually(() => (ids(rNunoa, `D-${tag}`).length === 1 && ids(rStgo, `C-${tag}`).length === 1 ? true : undefined), 60000, 'C and D');
    await produce([update(`D-${tag}`, NUNOA, { kind: 'CHILD_MERGED', previousChildId: `C-${tag}`, caseId: `C:P${tag}:C-${tag}`, snapshot: aCaseStatus({ caseId: `C:P${tag}:C-${tag}`, childId: `D-${tag}` }) })]);
    await eventually(() => (ids(rStgo, `C-${tag}`).length === 2 && ids(rNunoa, `D-${tag}`).length === 2 ? true : undefined), 60000, 'merge notices');
    const stgoA = ids(rStgo, `A-${tag}`);
    expect(stgoA.map((r) => r.type)).toEqual(['STATE_CHANGED', 'CHILD_LEFT_TERRITORY']);
    expect(Object.keys(stgoA[1]!.body).sort()).toEqual(['childId', 'deliveryId', 'occurredAt', 'type']);
    const nunoaA = ids(rNunoa, `A-${tag}`);
    expect(nunoaA.map((r) => r.type)).toEqual(['CHILD_ENTERED_TERRITORY']);
    expect((nunoaA[0]!.body.cases as { caseId: string }[]).map((c) => c.caseId)).toEqual([`C:P${tag}:A-${tag}`]);
    expect(ids(rStgo, `C-${tag}`).map((r) => r.type)).toEqual(['STATE_CHANGED', 'CHILD_LEFT_TERRITORY']);
    expect(ids(rNunoa, `D-${tag}`).map((r) => r.type)).toEqual(['STATE_CHANGED', 'CHILD_MERGED']);
    expect(ids(rNunoa, `C-${tag}`)).toEqual([]);
    expect(rStgo.received.length).toBe(before + 3);
  });

  it('Given a receiver that is down, When updates keep coming, Then afterwards it gets all of them, in order per child, with no loss', async () => {
    await rStgo.down();
    const children = [`E-${tag}`, `F-${tag}`, `G-${tag}`];
    const sent: CaseUpdated[] = [];
    for (let i = 0; i < 5; i++) for (const c of children) sent.push(update(c, STGO, { caseId: `C:P${tag}:${c}` }));
    await produce(sent);
    // Down long enough for several backoff rounds (the 60 s of the issue is the benchmark's scenario).
    await eventually(async () => {
      const { rows } = await service.pool.query<{ n: string }>("SELECT count(*) AS n FROM sub_deliveries WHERE subscription_id = $1 AND status = 'PENDING' AND attempts >= 3", [subs.stgo]);
      return Number(rows[0]!.n) >= 3 ? true : undefined;
    }, 60000, 'retries while down');
    await rStgo.up();
    await eventually(() => (children.every((c) => ids(rStgo, c).length === 5) ? true : undefined), 90000, 'catch-up');
    for (const c of children) {
      expect(ids(rStgo, c).map((r) => (r.body.case as { version: number }).version)).toEqual(sent.filter((u) => u.childId === c).map((u) => Number(u.snapshot!.version)));
    }
    const audit = await service.pool.query<{ n: string }>("SELECT count(*) AS n FROM sub_delivery_audit WHERE subscription_id = $1 AND outcome = 'FAILED'", [subs.stgo]);
    expect(Number(audit.rows[0]!.n)).toBeGreaterThan(0);
  });

  it('Given an SSE client, When it disconnects and reconnects with Last-Event-ID, Then it misses nothing', async () => {
    const read = async (lastEventId: string | null, until: (ids: string[]) => boolean): Promise<string[]> => {
      const ctrl = new AbortController();
      const res = await fetch(`${service.url}/v1/subscriptions/${subs.nunoa}/stream`, {
        headers: { authorization: `Bearer ${tokens.nunoa}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) }, signal: ctrl.signal,
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const got: string[] = [];
      let buf = '';
      const dec = new TextDecoder();
      const deadline = Date.now() + 60000;
      while (!until(got) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += dec.decode(value, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const id = /^id: (\d+)$/m.exec(frame)?.[1];
          if (id) got.push(id);
        }
      }
      ctrl.abort();
      return got;
    };
    const { rows } = await service.pool.query<{ seq: string }>('SELECT seq::text FROM sub_deliveries WHERE subscription_id = $1 ORDER BY sub_deliveries.seq', [subs.nunoa]);
    const first = await read(null, (g) => g.length >= rows.length);
    expect(first).toEqual(rows.map((r) => r.seq));
    await produce([update(`H-${tag}`, NUNOA), update(`I-${tag}`, NUNOA)]);
    const rest = await read(first[first.length - 1]!, (g) => g.length >= 2);
    const all = await service.pool.query<{ seq: string }>('SELECT seq::text FROM sub_deliveries WHERE subscription_id = $1 ORDER BY sub_deliveries.seq', [subs.nunoa]);
    expect([...first, ...rest]).toEqual(all.rows.map((r) => r.seq));
    const wrong = await fetch(`${service.url}/v1/subscriptions/${subs.nunoa}/stream`, { headers: { authorization: `Bearer ${tokens.stgo}` } });
    expect(wrong.status).toBe(404);
    // Every event sent on the stream is audited with the credential that opened it (who).
    const audited = await eventually(async () => {
      const a = await service.pool.query<{ n: string; creds: string[] }>(
        "SELECT count(*)::text AS n, array_agg(DISTINCT credential_id) AS creds FROM sub_delivery_audit WHERE subscription_id = $1 AND channel = 'SSE'", [subs.nunoa]);
      return Number(a.rows[0]!.n) >= first.length + rest.length ? a.rows[0]! : undefined;
    }, 10000, 'SSE audit rows');
    expect(audited.creds).toEqual([parseToken(tokens.nunoa!)!.credentialId]);
  });
});
