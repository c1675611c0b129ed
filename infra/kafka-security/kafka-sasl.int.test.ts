import * as path from 'node:path';
import type { Admin, Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { loadConfig } from '../../services/platform/config/load-config';
import { hubConfigSchema } from '../../services/platform/config/hub-config';
import { createKafka, createProducer } from '../../services/platform/kafka/create-kafka';
import { kafkaSecurityOf } from '../../services/platform/kafka/client-security';
import { testLogger } from '../../test/harness/test-env';
import { aclPlan, scramUsers } from './acl-plan';
import { applyAclPlan } from './apply-acls';
import { COMPOSE_PLAN } from './compose-files';
import { ADMIN_PRINCIPAL, municipalGroupPrefix, municipalityPrincipal, municipalTopic, servicePrincipal } from './naming';
import { runComposeScript, startPrivateBroker, type PrivateBroker } from './testing/private-broker';

/**
 * The Docker stack's Kafka security, exercised for real without Docker: a private broker started by
 * the stack's own scripts (pki.sh, start-broker.sh) with the same settings and ACL plan, reached
 * through the hub's client factory configured from environment variables, as a service is.
 * HUB_KAFKA_SECURITY_ACLS_SH=1 grants the ACLs with the generated acls.sh (one JVM per grant,
 * slower) instead of the admin API.
 */

const [A, B] = COMPOSE_PLAN.municipalities as [string, string];
const RAW = 'hub.case.updates.v1';
const log = testLogger();

let broker: PrivateBroker;
const clients: { disconnect(): Promise<void> }[] = [];

/** A client as a hub process builds it: env → hubConfigSchema → kafkaSecurityOf → createKafka. */
function clientAs(user: string, listener: 'internal' | 'external', password?: string): Kafka {
  const env: Record<string, string> = {
    KAFKA_BROKERS: broker[listener],
    KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: user,
    KAFKA_SSL_CA_FILE: path.join(broker.secretsDir, 'users', user, 'ca.pem'),
    ...(password === undefined
      ? { KAFKA_SASL_PASSWORD_FILE: path.join(broker.secretsDir, 'users', user, 'password') }
      : { KAFKA_SASL_PASSWORD: password }),
  };
  const config = loadConfig(hubConfigSchema, env);
  return createKafka({ brokers: config.KAFKA_BROKERS, clientId: `test-${user}`, log, security: kafkaSecurityOf(config) });
}

async function connectedAdmin(kafka: Kafka): Promise<Admin> {
  const admin = kafka.admin();
  clients.push(admin);
  await admin.connect();
  return admin;
}

/** kafkajs puts the broker's error code name in `type`, sometimes on a wrapped cause. */
function errorType(err: unknown): string {
  let e = err as { type?: string; name?: string; originalError?: unknown; cause?: unknown } | undefined;
  for (let i = 0; e && i < 5; i++) {
    if (e.type) return e.type;
    if (e.name === 'KafkaJSSASLAuthenticationError') return e.name;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return String((err as Error)?.message ?? err);
}

async function typeOfFailure(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (err) {
    return errorType(err);
  }
  return 'SUCCEEDED';
}

/** Reads `count` committed messages of `topic` with group `groupId`, then stops. */
async function readCommitted(kafka: Kafka, groupId: string, topic: string, count: number): Promise<KafkaMessage[]> {
  const consumer: Consumer = kafka.consumer({ groupId, readUncommitted: false, allowAutoTopicCreation: false, maxWaitTimeInMs: 200, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  clients.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const got: KafkaMessage[] = [];
  await new Promise<void>((resolve, reject) => {
    consumer.run({ eachMessage: async ({ message }) => { got.push(message); if (got.length >= count) resolve(); } }).catch(reject);
  });
  await consumer.disconnect();
  return got;
}

beforeAll(async () => {
  broker = await startPrivateBroker(scramUsers(COMPOSE_PLAN));
  // Ready when hub-admin gets metadata over TLS+SCRAM; a broker that exits fails at once with its log.
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (!broker.alive()) throw new Error(`private broker exited:\n${broker.log().slice(-3000)}`);
    const admin = clientAs(ADMIN_PRINCIPAL, 'internal').admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      break;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`private broker not ready: ${String(err)}\n${broker.log().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
  const admin = await connectedAdmin(clientAs(ADMIN_PRINCIPAL, 'internal'));
  await admin.createTopics({
    waitForLeaders: true,
    topics: [RAW, municipalTopic(A), municipalTopic(B)].map((topic) => ({ topic, numPartitions: 1 })),
  });
  if (process.env.HUB_KAFKA_SECURITY_ACLS_SH === '1') {
    await runComposeScript(broker, 'acls.sh', { BOOTSTRAP: broker.internal, ADMIN_SECRETS: path.join(broker.secretsDir, 'users', ADMIN_PRINCIPAL) });
  } else {
    await applyAclPlan(admin, aclPlan(COMPOSE_PLAN));
  }
}, 420_000);

afterAll(async () => {
  for (const c of clients.splice(0)) await c.disconnect().catch(() => undefined);
  await broker?.stop();
}, 30_000);

describe('Kafka SASL_SSL + SCRAM-SHA-512 + ACLs (the Docker stack broker, started privately)', () => {
  it('Given the hub services principals, When case-status publishes and subscriptions relays exactly once, Then the municipality reads only its own updates', async () => {
    // case-status: a transactional relay (transactional id hub-ingest:<stream>) writes two updates.
    const caseStatus = clientAs(servicePrincipal('case-status'), 'internal');
    const publisher = await createProducer(caseStatus, { transactionalId: 'hub-ingest:case-status-relay' });
    clients.push(publisher);
    const txn = await publisher.transaction();
    await txn.send({ topic: RAW, messages: [{ key: 'child-1', value: A }, { key: 'child-2', value: B }] });
    await txn.commit();

    // subscriptions: consume-transform-produce, offsets committed inside the transaction.
    const subscriptions = clientAs(servicePrincipal('subscriptions'), 'internal');
    const relay = await createProducer(subscriptions, { transactionalId: 'hub-ingest:municipal-relay' });
    clients.push(relay);
    const updates = await readCommitted(subscriptions, 'hub.subscriptions', RAW, 2);
    const relayTxn = await relay.transaction();
    for (const m of updates) await relayTxn.send({ topic: municipalTopic(String(m.value)), messages: [{ key: m.key, value: m.value }] });
    await relayTxn.sendOffsets({ consumerGroupId: 'hub.subscriptions', topics: [{ topic: RAW, partitions: [{ partition: 0, offset: String(Number(updates[updates.length - 1]!.offset) + 1) }] }] });
    await relayTxn.commit();

    const muniA = clientAs(municipalityPrincipal(A), 'external');
    const received = await readCommitted(muniA, `${municipalGroupPrefix(A)}case-system`, municipalTopic(A), 1);
    expect(received.map((m) => [String(m.key), String(m.value)])).toEqual([['child-1', A]]);
  }, 120_000);

  it("Given municipality A's principal, When it reads B's topic or the raw case updates, Then the broker answers TOPIC_AUTHORIZATION_FAILED", async () => {
    const muniA = clientAs(municipalityPrincipal(A), 'external');
    for (const topic of [municipalTopic(B), RAW]) {
      const consumer = muniA.consumer({ groupId: `${municipalGroupPrefix(A)}probe`, allowAutoTopicCreation: false });
      clients.push(consumer);
      await consumer.connect();
      expect({ topic, failure: await typeOfFailure(() => consumer.subscribe({ topics: [topic], fromBeginning: true })) })
        .toEqual({ topic, failure: 'TOPIC_AUTHORIZATION_FAILED' });
      await consumer.disconnect();
    }
    // Metadata hides what it may not describe: other comunas' topic names are not even listed.
    const admin = await connectedAdmin(muniA);
    expect((await admin.listTopics()).sort()).toEqual([municipalTopic(A)]);
  }, 60_000);

  it("Given municipality A's principal, When it writes its own topic or joins a group outside muni.<CUT>., Then both are refused", async () => {
    const muniA = clientAs(municipalityPrincipal(A), 'external');
    const producer = muniA.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    clients.push(producer);
    await producer.connect();
    expect(await typeOfFailure(() => producer.send({ topic: municipalTopic(A), messages: [{ value: 'forged' }] }))).toBe('TOPIC_AUTHORIZATION_FAILED');

    // The broker refuses FindCoordinator for a group it may not describe (GROUP_AUTHORIZATION_FAILED);
    // kafkajs reports that as "Failed to find group coordinator", without the code. Its own group answers.
    const admin = await connectedAdmin(muniA);
    expect(await typeOfFailure(() => admin.fetchOffsets({ groupId: 'hub.subscriptions', topics: [municipalTopic(A)] }))).toBe('Failed to find group coordinator');
    expect(await typeOfFailure(() => admin.fetchOffsets({ groupId: `${municipalGroupPrefix(A)}case-system`, topics: [municipalTopic(A)] }))).toBe('SUCCEEDED');
  }, 60_000);

  it('Given a hub service, When it uses a transactional id outside hub-ingest:, Then the broker refuses it', async () => {
    const dedup = clientAs(servicePrincipal('dedup'), 'internal');
    // At its first transaction kafkajs looks up the transaction coordinator of the id; the broker
    // refuses that with TRANSACTIONAL_ID_AUTHORIZATION_FAILED, which kafkajs reports without the code.
    const refused = await createProducer(dedup, { transactionalId: 'other:stream' });
    clients.push(refused);
    expect(await typeOfFailure(() => refused.transaction())).toBe('Failed to find group coordinator');
    // The same principal with an id under hub-ingest: gets its transaction.
    const allowed = await createProducer(dedup, { transactionalId: 'hub-ingest:dedup-relay' });
    clients.push(allowed);
    expect(await typeOfFailure(async () => { await (await allowed.transaction()).abort(); })).toBe('SUCCEEDED');
  }, 60_000);

  it('Given a wrong password, When a client connects, Then SCRAM authentication fails and no password reaches the logs', async () => {
    const wrong = clientAs(municipalityPrincipal(A), 'external', 'not-the-password-0123456789');
    const admin = wrong.admin();
    clients.push(admin);
    expect(await typeOfFailure(() => admin.connect())).toBe('KafkaJSSASLAuthenticationError');

    const passwords = scramUsers(COMPOSE_PLAN).map((u) => broker.password(u));
    const leaked = log.lines().filter((line) => passwords.some((p) => line.includes(p)) || line.includes('not-the-password'));
    expect(leaked).toEqual([]);
  }, 60_000);
});
