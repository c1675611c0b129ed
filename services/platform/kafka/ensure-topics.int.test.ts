import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { createKafka } from './create-kafka';
import { ensureTopics } from './ensure-topics';
import { allTopicSpecs, type TopicSpec } from '../../../schemas/topics';
import { testConfig, testLogger, uniqueTopic } from '../../../test/harness/test-env';

describe('ensureTopics against Kafka', () => {
  let admin: Admin;
  beforeAll(async () => {
    admin = createKafka({ brokers: testConfig().KAFKA_BROKERS, clientId: 'test', log: testLogger() }).admin();
    await admin.connect();
  });
  afterAll(() => admin.disconnect());

  const aSpec = (over: Partial<TopicSpec> = {}): TopicSpec => ({
    name: uniqueTopic('state'), partitions: 3, cleanupPolicy: 'compact', retentionMs: -1, key: 'id', records: [], deadLetter: false, description: 'test', ...over,
  });

  it('Given declared topics, When ensured twice, Then they are created once with their configuration', async () => {
    const state = aSpec();
    const stream = aSpec({ name: uniqueTopic('stream'), cleanupPolicy: 'delete', retentionMs: 86400000, partitions: 2 });
    expect((await ensureTopics(admin, [state, stream])).created.sort()).toEqual([state.name, stream.name].sort());
    const again = await ensureTopics(admin, [state, stream]);
    expect(again).toEqual({ created: [], updated: [], unchanged: [state.name, stream.name] });

    const meta = await admin.fetchTopicMetadata({ topics: [state.name] });
    expect(meta.topics[0]!.partitions).toHaveLength(3);
    const cfg = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: state.name, configNames: ['cleanup.policy'] }] });
    expect(cfg.resources[0]!.configEntries[0]!.configValue).toBe('compact');
  });

  it('Given a topic whose declaration changed, When ensured, Then config and partitions are updated', async () => {
    const spec = aSpec({ cleanupPolicy: 'delete', retentionMs: 1000000, partitions: 1 });
    await ensureTopics(admin, [spec]);
    const result = await ensureTopics(admin, [{ ...spec, retentionMs: 2000000, partitions: 2 }]);
    expect(result.updated).toEqual([spec.name]);
    const meta = await admin.fetchTopicMetadata({ topics: [spec.name] });
    expect(meta.topics[0]!.partitions).toHaveLength(2);
  });

  it('Given the hub catalogue, When listing specs, Then every dead-lettered topic has its .dlq', () => {
    const names = allTopicSpecs('p.').map((s) => s.name);
    expect(names).toContain('p.hub.identity.person-observed.v1');
    expect(names).toContain('p.hub.identity.person-observed.v1.dlq');
  });
});
