import { createBatchConsumer, type BatchConsumer, type ConsumedMessage } from './batch-consumer';
import { DLQ_HEADERS } from './dead-letter';
import { PermanentError, TransientError } from '../errors';
import { createKafkaFixture, type KafkaFixture, type Ping } from '../../../test/harness/kafka-fixture';
import { eventually, uniqueId } from '../../../test/harness/test-env';
import { deadLetterTopicOf } from '../../../schemas/topics';

describe('createBatchConsumer against Kafka and the registry', () => {
  let fx: KafkaFixture;
  const running: BatchConsumer[] = [];
  beforeAll(async () => { fx = await createKafkaFixture(); });
  afterEach(async () => { await Promise.all(running.splice(0).map((c) => c.stop())); });
  afterAll(() => fx.close());

  async function publish(topic: string, pings: Ping[], extraRaw: Buffer[] = []): Promise<void> {
    const messages = await Promise.all(pings.map(async (p) => ({ key: p.id, value: await fx.codec.encode(topic, 'hub.test.Ping', p) })));
    await fx.producer.send({ topic, acks: -1, messages: [...messages, ...extraRaw.map((value) => ({ key: 'raw', value }))] });
  }

  function consume(topic: string, groupId: string, handle: (m: readonly ConsumedMessage[]) => Promise<void>): BatchConsumer {
    const c = createBatchConsumer({ kafka: fx.kafka, groupId, topics: [topic], codec: fx.codec, producer: fx.producer, log: fx.log, handle, now: () => 0 });
    running.push(c);
    return c;
  }

  async function committed(groupId: string, topic: string): Promise<string | undefined> {
    const offsets = await fx.admin.fetchOffsets({ groupId, topics: [topic] });
    const o = offsets[0]?.partitions[0]?.offset;
    return o === undefined || o === '-1' ? undefined : o;
  }

  it('Given valid messages, When consumed, Then the handler sees them decoded in order and the offset is committed after', async () => {
    const topic = await fx.topic('ok');
    await publish(topic, [{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'c', n: 3 }]);
    const seen: Ping[] = [];
    const groupId = uniqueId('g');
    await consume(topic, groupId, async (ms) => { seen.push(...ms.map((m) => m.value as Ping)); }).start();
    await eventually(() => (seen.length === 3 ? true : undefined), 30000, 'three messages');
    expect(seen).toEqual([{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'c', n: 3 }]);
    await eventually(async () => ((await committed(groupId, topic)) === '3' ? true : undefined), 10000, 'commit at 3');
  });

  it('Given an undecodable message among good ones, When consumed, Then it goes to the DLQ with reason headers and the rest are handled', async () => {
    const topic = await fx.topic('poison');
    await publish(topic, [{ id: 'a', n: 1 }], [Buffer.from('{"not":"avro"}')]);
    await publish(topic, [{ id: 'b', n: 2 }]);
    const seen: string[] = [];
    await consume(topic, uniqueId('g'), async (ms) => { seen.push(...ms.map((m) => (m.value as Ping).id)); }).start();
    const [letter] = await fx.readAll(deadLetterTopicOf(topic), 1);
    expect(letter!.value!.toString()).toBe('{"not":"avro"}');
    expect(letter!.headers).toMatchObject({
      [DLQ_HEADERS.topic]: topic, [DLQ_HEADERS.offset]: '1', [DLQ_HEADERS.stage]: 'decode', [DLQ_HEADERS.code]: 'UNKNOWN_MAGIC_BYTE',
    });
    await eventually(() => (seen.length === 2 ? true : undefined), 20000, 'good messages');
    expect(seen).toEqual(['a', 'b']);
  });

  it('Given a handler that rejects one message permanently, When consumed, Then only that message is dead-lettered', async () => {
    const topic = await fx.topic('reject');
    await publish(topic, [{ id: 'a', n: 1 }, { id: 'bad', n: -1 }, { id: 'c', n: 3 }]);
    const handled: string[] = [];
    await consume(topic, uniqueId('g'), async (ms) => {
      if (ms.some((m) => (m.value as Ping).n < 0)) throw new PermanentError('NEGATIVE_N', 'n must be positive', { field: 'n' });
      handled.push(...ms.map((m) => (m.value as Ping).id));
    }).start();
    const [letter] = await fx.readAll(deadLetterTopicOf(topic), 1);
    expect(letter!.headers).toMatchObject({ [DLQ_HEADERS.code]: 'NEGATIVE_N', [DLQ_HEADERS.field]: 'n', [DLQ_HEADERS.stage]: 'handle' });
    await eventually(() => (handled.length === 2 ? true : undefined), 20000, 'good messages');
    expect(handled).toEqual(['a', 'c']);
  });

  it('Given messages on several partitions and coalescePartitions, When consumed, Then each handler call may span partitions, every message is handled once and every partition is committed', async () => {
    const topic = await fx.topic('coalesce', 3);
    const pings = Array.from({ length: 30 }, (_, i) => ({ id: `k${i}`, n: i }));
    await publish(topic, pings);
    const calls: { partitions: number[]; ids: string[] }[] = [];
    const groupId = uniqueId('g');
    const c = createBatchConsumer({
      kafka: fx.kafka, groupId, topics: [topic], codec: fx.codec, producer: fx.producer, log: fx.log, now: () => 0,
      partitionsConsumedConcurrently: 3, coalescePartitions: true,
      handle: async (ms) => { calls.push({ partitions: [...new Set(ms.map((m) => m.partition))], ids: ms.map((m) => (m.value as Ping).id) }); },
    });
    running.push(c);
    await c.start();
    await eventually(() => (calls.flatMap((x) => x.ids).length >= 30 ? true : undefined), 30000, 'thirty messages');
    const ids = calls.flatMap((x) => x.ids);
    expect(new Set(ids).size).toBe(30);
    expect(ids.length).toBe(30);
    // Published before the start, the three partitions come in one fetch: their batches are handed over together.
    expect(calls.some((x) => x.partitions.length > 1)).toBe(true);
    await eventually(async () => {
      const offsets = (await fx.admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions;
      const total = offsets.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
      return total === 30 ? true : undefined;
    }, 10000, 'every partition committed to its end');
  });

  it('Given a poison message in a coalesced call, When the handler rejects it, Then only it is dead-lettered and the other partitions\' messages are handled', async () => {
    const topic = await fx.topic('coalesce-poison', 2);
    await publish(topic, [{ id: 'a', n: 1 }, { id: 'bad', n: -1 }, { id: 'b', n: 2 }, { id: 'c', n: 3 }]);
    const handled: string[] = [];
    const c = createBatchConsumer({
      kafka: fx.kafka, groupId: uniqueId('g'), topics: [topic], codec: fx.codec, producer: fx.producer, log: fx.log, now: () => 0,
      partitionsConsumedConcurrently: 2, coalescePartitions: true,
      handle: async (ms) => {
        if (ms.some((m) => (m.value as Ping).n < 0)) throw new PermanentError('NEGATIVE_N', 'n must be positive', { field: 'n' });
        handled.push(...ms.map((m) => (m.value as Ping).id));
      },
    });
    running.push(c);
    await c.start();
    const [letter] = await fx.readAll(deadLetterTopicOf(topic), 1);
    expect(letter!.headers).toMatchObject({ [DLQ_HEADERS.code]: 'NEGATIVE_N', [DLQ_HEADERS.stage]: 'handle' });
    await eventually(() => (handled.length === 3 ? true : undefined), 20000, 'good messages');
    expect(handled.sort()).toEqual(['a', 'b', 'c']);
  });

  it('Given a transient failure, When consumed, Then the batch is retried, nothing is skipped and nothing is dead-lettered', async () => {
    const topic = await fx.topic('transient');
    await publish(topic, [{ id: 'a', n: 1 }, { id: 'b', n: 2 }]);
    let attempts = 0;
    const handled: string[] = [];
    const groupId = uniqueId('g');
    await consume(topic, groupId, async (ms) => {
      attempts++;
      if (attempts < 3) throw new TransientError('DB_TRANSIENT', 'simulated deadlock');
      handled.push(...ms.map((m) => (m.value as Ping).id));
    }).start();
    await eventually(() => (handled.length >= 2 ? true : undefined), 60000, 'retried batch');
    expect(handled).toEqual(['a', 'b']);
    expect(attempts).toBeGreaterThanOrEqual(3);
    await eventually(async () => ((await committed(groupId, topic)) === '2' ? true : undefined), 10000, 'commit');
    expect(await fx.readAll(deadLetterTopicOf(topic), 0)).toEqual([]);
  });
});
