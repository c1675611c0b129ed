import { randomBytes } from 'node:crypto';
import type { Admin, Consumer, Producer } from 'kafkajs';
import { SCHEMAS, type CaseUpdated, type MunicipalUpdate } from '../../schemas';
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
import { municipalTopic } from '../../schemas/topics';
import { startSubscriptions, type RunningSubscriptions } from './start-subscriptions';
import { startReceiver, type Receiver } from './testing/receiver';
import { consumedTopics } from './testing/topics';

/**
 * Issue 6 "done when": a receiver down for 60 s gets everything afterwards, in order per child, with
 * no loss — a real local HTTP receiver refusing connections for SUBSCRIPTIONS_TEST_OUTAGE_MS (60 s by
 * default, the requirement; shorten it only to iterate locally) while updates keep coming. The backoff
 * is shortened (cap 4 s) so catch-up does not wait for the production cap of 60 s.
 * Also the KAFKA channel: a municipality's filtered topic receives only its children, in order, minimised.
 */
const OUTAGE_MS = Number(process.env.SUBSCRIPTIONS_TEST_OUTAGE_MS ?? 60_000);
jest.setTimeout(OUTAGE_MS + 240_000);
const log = testLogger();
const STGO = '13119'; // Distinct comunas per test file: files of one run share the PG schema, so subscriptions would cross.
const PROVI = '13123';

describe('municipal subscriptions: a receiver down for a minute, and the Kafka channel', () => {
  const tag = randomBytes(3).toString('hex');
  const prefix = `${process.env.HUB_TOPIC_PREFIX ?? 'local.'}subso-${tag}.`;
  const topic = prefix + TOPICS.caseUpdates.name;
  let service: RunningSubscriptions;
  let admin: Admin;
  let producer: Producer;
  let consumer: Consumer | undefined;
  let codec: AvroCodec;
  let receiver: Receiver;
  let subId = '';
  const tokens: Record<string, string> = {};
  let seq = 0;

  const update = (childId: string, comuna: string): CaseUpdated => {
    seq += 1;
    const caseId = `C:P${tag}:${childId}`;
    return aCaseUpdated({
      envelope: { ...aCaseUpdated().envelope, eventId: `HUB:case:${tag}:${seq}`, occurredAt: Date.UTC(2024, 3, 1) + seq * 1000 },
      snapshot: aCaseStatus({ caseId, childId, version: seq, exitDestination: 'HOGAR-X' }), childComunaCode: comuna, caseId, childId,
    });
  };
  const produce = async (updates: readonly CaseUpdated[]) => {
    const messages = await Promise.all(updates.map(async (u) => ({ key: u.childId, value: await codec.encode(topic, 'hub.case.CaseUpdated', u) })));
    await producer.send({ topic, acks: -1, messages });
  };
  const create = async (token: string, body: object): Promise<Record<string, unknown>> => {
    const res = await fetch(`${service.url}/v1/subscriptions`, { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    return res.json() as Promise<Record<string, unknown>>;
  };

  beforeAll(async () => {
    const env = { ...process.env, HUB_TOPIC_PREFIX: prefix, HTTP_PORT: '0', SUBSCRIPTIONS_POLL_MS: '100', SUBSCRIPTIONS_RETRY_BASE_MS: '250', SUBSCRIPTIONS_RETRY_MAX_MS: '4000', SUBSCRIPTIONS_MAX_ATTEMPTS: '100', SUBSCRIPTIONS_TIMEOUT_MS: '2000' };
    const config = loadConfig(subscriptionsConfigSchema, env);
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'subscriptions-outage-test', log });
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, allTopicSpecs(prefix).filter((s) => consumedTopics(prefix).includes(s.name)));
    codec = createAvroCodec(createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
    await codec.registerAll(topic, ['hub.case.CaseUpdated']);
    producer = await createProducer(kafka);
    service = await startSubscriptions(config, log);
    const creds = new CredentialRepository(service.pool);
    tokens.stgo = (await creds.create({ institution: 'MUNICIPALITY', scope: STGO, label: 'test OPD Santiago' })).token;
    tokens.provi = (await creds.create({ institution: 'MUNICIPALITY', scope: PROVI, label: 'test OPD Providencia' })).token;
    receiver = await startReceiver('secret-santiago-0123456789');
    subId = String((await create(tokens.stgo, { comunaCode: STGO, url: receiver.url, secret: 'secret-santiago-0123456789' })).id);
    consumer = kafka.consumer({ groupId: `muni.${PROVI}.test-${tag}` });
  });

  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await service?.close();
    await receiver?.close();
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [...consumedTopics(prefix), prefix + municipalTopic(PROVI)] }).catch(() => undefined);
    await admin?.disconnect();
  });

  it('Given a receiver down for 60 s while updates keep coming, When it is back, Then it gets every delivery, in order per child, none lost and none dead', async () => {
    const children = Array.from({ length: 6 }, (_, i) => `NNA-O${i}-${tag}`);
    const sent: CaseUpdated[] = [];
    const wave = async () => { const w = children.map((c) => update(c, STGO)); sent.push(...w); await produce(w); };
    await wave();
    await eventually(() => (receiver.received.length === children.length ? true : undefined), 60000, 'first wave delivered while up');
    await receiver.down();
    const downAt = Date.now();
    // Updates keep coming during the outage: a wave every tenth of it.
    let waves = 0;
    while (Date.now() - downAt < OUTAGE_MS) {
      if (Date.now() - downAt >= (waves * OUTAGE_MS) / 10) { await wave(); waves++; }
      await new Promise((r) => setTimeout(r, 200));
    }
    const failed = await service.pool.query<{ n: string }>("SELECT count(*) AS n FROM sub_delivery_audit WHERE subscription_id = $1 AND outcome = 'FAILED'", [subId]);
    expect(Number(failed.rows[0]!.n)).toBeGreaterThan(children.length);
    await receiver.up();
    await eventually(() => (receiver.received.length === sent.length ? true : undefined), 120000, 'catch-up after the outage');
    for (const c of children) {
      expect(receiver.received.filter((r) => r.childId === c).map((r) => (r.body.case as { version: number }).version))
        .toEqual(sent.filter((u) => u.childId === c).map((u) => Number(u.snapshot!.version)));
    }
    // Outcomes are written in batches just after the receipt: poll until the log shows them all delivered.
    const states = await eventually(async () => {
      const { rows } = await service.pool.query<{ status: string; n: string }>('SELECT status, count(*)::text AS n FROM sub_deliveries WHERE subscription_id = $1 GROUP BY status', [subId]);
      return rows.length === 1 && rows[0]!.status === 'DELIVERED' ? rows : undefined;
    }, 30000, 'outcomes recorded');
    expect(states).toEqual([{ status: 'DELIVERED', n: String(sent.length) }]);
    expect(receiver.rejected).toEqual([]);
  });

  it('Given a KAFKA subscription, When its children are updated, Then its own topic carries only them, in order, minimised', async () => {
    const created = await create(tokens.provi!, { comunaCode: PROVI, channel: 'KAFKA' });
    expect(created).toMatchObject({ channel: 'KAFKA', topic: municipalTopic(PROVI), principal: `User:muni-${PROVI}`, url: null });
    const mine = [`NNA-P1-${tag}`, `NNA-P2-${tag}`];
    const sent = [update(mine[0]!, PROVI), update(mine[1]!, PROVI), update(`NNA-S-${tag}`, STGO), update(mine[0]!, PROVI), update(mine[1]!, PROVI)];
    await produce(sent);
    const mTopic = prefix + municipalTopic(PROVI);
    await eventually(async () => ((await admin.listTopics()).includes(mTopic) ? true : undefined), 60000, 'municipal topic');
    const got: MunicipalUpdate[] = [];
    await consumer!.connect();
    await consumer!.subscribe({ topics: [mTopic], fromBeginning: true });
    await consumer!.run({ eachMessage: async ({ message }) => { got.push((await codec.decode(message.value)).value as MunicipalUpdate); } });
    await eventually(() => (got.length >= 4 ? true : undefined), 60000, 'records on the municipal topic');
    expect(got.map((g) => g.childId).sort()).toEqual([mine[0], mine[0], mine[1], mine[1]]);
    for (const c of mine) {
      expect(got.filter((g) => g.childId === c).map((g) => g.case!.version)).toEqual(sent.filter((u) => u.childId === c).map((u) => Number(u.snapshot!.version)));
    }
    expect(JSON.stringify(got, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('HOGAR-X');
    const audit = await service.pool.query<{ n: string }>("SELECT count(*) AS n FROM sub_delivery_audit WHERE channel = 'KAFKA' AND outcome = 'DELIVERED'");
    expect(Number(audit.rows[0]!.n)).toBe(4);
  });
});
