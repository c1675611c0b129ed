import { EVENT_SCHEMAS, type PersonObserved } from '../../schemas';
import { TOPICS } from '../../schemas/topics';
import { createBatchConsumer } from '../../services/platform/kafka/batch-consumer';
import { subjectFor } from '../../services/platform/avro/subject-naming';
import { unframe } from '../../services/platform/avro/wire-format';
import { createKafkaFixture, type KafkaFixture } from '../harness/kafka-fixture';
import { eventually, uniqueId } from '../harness/test-env';
import { aPersonObserved } from '../builders/person-observed';

describe('PersonObserved through Kafka and the schema registry', () => {
  let fx: KafkaFixture;
  beforeAll(async () => { fx = await createKafkaFixture(EVENT_SCHEMAS as Record<string, object>); });
  afterAll(() => fx.close());

  it('Given a PersonObserved, When published by the platform producer and consumed, Then it decodes through the registry with identical content', async () => {
    const topic = await fx.topic('person-observed', 3);
    const sent = [
      aPersonObserved(),
      aPersonObserved({ person: { sourceRecordId: 'T-0002', run: null, maternalSurname: null, sex: null, address: null, identifiers: [] } }),
    ];
    await fx.producer.send({
      topic, acks: -1,
      messages: await Promise.all(sent.map(async (p) => ({ key: `${p.envelope.sourceInstitution}:${p.person.sourceRecordId}`, value: await fx.codec.encode(topic, 'hub.identity.PersonObserved', p) }))),
    });

    const received: PersonObserved[] = [];
    const consumer = createBatchConsumer({
      kafka: fx.kafka, groupId: uniqueId('roundtrip'), topics: [topic], codec: fx.codec, producer: fx.producer, log: fx.log,
      handle: async (ms) => { received.push(...ms.map((m) => m.value as PersonObserved)); },
    });
    await consumer.start();
    try {
      await eventually(() => (received.length === 2 ? true : undefined), 30000, 'both observations');
    } finally {
      await consumer.stop();
    }
    const byId = (xs: PersonObserved[]) => [...xs].sort((a, b) => a.person.sourceRecordId.localeCompare(b.person.sourceRecordId));
    expect(byId(received)).toEqual(byId(sent));
  });

  it('Given an encoded message, When inspected, Then it uses the Confluent wire format with the id the registry holds under <topic>-<record>', async () => {
    const topic = `${process.env.HUB_TOPIC_PREFIX}${TOPICS.personObserved.name}`;
    const bytes = await fx.codec.encode(topic, 'hub.identity.PersonObserved', aPersonObserved());
    const { schemaId } = unframe(bytes);
    expect(bytes[0]).toBe(0);
    const subject = subjectFor(topic, 'hub.identity.PersonObserved');
    expect(await fx.registry.register(subject, EVENT_SCHEMAS['hub.identity.PersonObserved'])).toBe(schemaId);
  });
});
