import { Client } from 'pg';
import type { Credential } from '../../../services/platform/auth/credential';
import { createLogger } from '../../../services/platform/logging/create-logger';
import { aNativeCourtOrder } from '../../../test/builders/native-records';
import { eventually, uniqueId } from '../../../test/harness/test-env';
import { checkpointOf } from '../../sdk/publish/checkpoint';
import { createTransactionalPublisher } from '../../../services/platform/kafka/transactional-publisher';
import { INTAKE_CONNECTORS } from '../connectors';
import { encodeSeqRanges } from '../../../services/platform/outbox/seq-ranges';
import { IntakeService } from '../intake-service';
import { intakeRoutes } from '../routes';
import { createIntakeWorld, type IntakeWorld } from '../testing/intake-fixture';
import { OutboxRelay } from '../../../services/platform/outbox/outbox-relay';
import { OutboxWriter } from './outbox-writer';

const log = createLogger({ service: 'relay-test', level: 'error', destination: process.stderr as never });
const court: Credential = { id: '1111111111111111', institution: 'TRIBUNAL', scope: '1301', label: null, createdAt: new Date(0), revokedAt: null };
const orders = intakeRoutes(INTAKE_CONNECTORS, { fhir: false }).find((r) => r.path === '/v1/tribunals/orders')!;

describe('Outbox relay', () => {
  let world: IntakeWorld;
  let service: IntakeService;
  const channel = `relay_test_${uniqueId('c').replace('-', '_')}`;

  beforeAll(async () => {
    world = await createIntakeWorld('relay');
    service = new IntakeService({ writer: new OutboxWriter(world.pool, { channel, log }), codec: world.codec, topicPrefix: world.config.HUB_TOPIC_PREFIX, now: Date.now });
  });
  afterAll(() => world.close());

  const accept = async (id: string): Promise<string> => {
    const a = await service.handle({ route: orders, credential: court, body: aNativeCourtOrder({ id_registro: id }), idempotencyKey: undefined, lang: 'es', traceId: null });
    expect(a.status).toBe(202);
    return (a.body as { eventId: string }).eventId;
  };
  const relay = (stream: string) => new OutboxRelay({
    table: 'intake_outbox',
    connect: async () => {
      const c = new Client({ connectionString: world.config.DATABASE_URL, options: `-c search_path=${world.config.HUB_DB_SCHEMA}` });
      await c.connect();
      return c;
    },
    createPublisher: () => createTransactionalPublisher({ kafka: world.kafka, codec: world.codec, topicPrefix: world.config.HUB_TOPIC_PREFIX, stream, log }),
    stream, lockName: `${world.config.HUB_DB_SCHEMA}.relay-test`, channel, log, idlePollMs: 5000,
  });
  const published = async () => (await world.readTopic('hub.tribunal.events.v1')).map((m) => m.eventId!);

  it('Given rows a crashed relay had committed to Kafka but not deleted, When a relay starts, Then it deletes them without publishing them again and relays the rest', async () => {
    const stream = `${world.config.HUB_TOPIC_PREFIX}${uniqueId('relay')}`;
    const before = await Promise.all(['R-1', 'R-2', 'R-3'].map(accept));
    // The crashed relay's last transaction: the rows and a checkpoint naming their seqs, committed.
    const { rows } = await world.pool.query<{ seq: string; topic: string; key: string; value: Buffer; headers: Record<string, string> }>('SELECT seq::text, topic, key, value, headers FROM intake_outbox ORDER BY seq');
    const publisher = await createTransactionalPublisher({ kafka: world.kafka, codec: world.codec, topicPrefix: world.config.HUB_TOPIC_PREFIX, stream, log });
    await publisher.publish(rows.map((r) => ({ topic: r.topic, key: r.key, value: r.value, headers: r.headers })),
      checkpointOf(stream, encodeSeqRanges(rows.map((r) => BigInt(r.seq))), { received: 3, published: 3, deadLettered: 0, duplicates: 0, withWarnings: 0 }, false, Date.now()));
    await publisher.close();
    const after = await accept('R-4');

    const r = relay(stream);
    r.start();
    try {
      await eventually(async () => ((await world.outboxDepth()) === 0 ? true : undefined), 30000, 'outbox drained');
      const ids = await published();
      expect(ids.sort()).toEqual([...before, after].sort());
    } finally {
      await r.stop();
    }
    // The relay has stopped, so opening its stream again fences nobody.
    const reader = await createTransactionalPublisher({ kafka: world.kafka, codec: world.codec, topicPrefix: world.config.HUB_TOPIC_PREFIX, stream, log });
    const checkpoint = await reader.readCheckpoint();
    await reader.close();
    expect(checkpoint).toMatchObject({ stream, received: 4, published: 4, deadLettered: 0 });
  });

  it('Given two relays on one outbox, When both run and the first stops, Then only one publishes at a time and every record appears once', async () => {
    const stream = `${world.config.HUB_TOPIC_PREFIX}${uniqueId('relay')}`;
    const start = new Set(await published());
    const a = relay(stream);
    const b = relay(stream);
    a.start();
    b.start();
    const first = await Promise.all(['S-1', 'S-2', 'S-3', 'S-4'].map(accept));
    await eventually(async () => ((await world.outboxDepth()) === 0 ? true : undefined), 30000, 'first records relayed');
    await a.stop();
    const second = await Promise.all(['S-5', 'S-6'].map(accept));
    await eventually(async () => ((await world.outboxDepth()) === 0 ? true : undefined), 30000, 'relay b took over');
    await b.stop();
    const ids = (await published()).filter((id) => !start.has(id));
    expect(ids.sort()).toEqual([...first, ...second].sort());
  });
});
