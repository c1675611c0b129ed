import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { INestApplication } from '@nestjs/common';
import { KafkaBatchContext, KafkaBatchTransport } from './kafka-batch-transport';
import { createHubApp } from './create-hub-app';
import { PlatformModule } from './platform.module';
import { createMetrics } from '../http/metrics';
import { PermanentError } from '../errors';
import type { ConsumedMessage } from '../kafka/batch-consumer';
import { DLQ_HEADERS } from '../kafka/dead-letter';
import { createKafkaFixture, type KafkaFixture, type Ping } from '../../../test/harness/kafka-fixture';
import { eventually, uniqueId } from '../../../test/harness/test-env';
import { deadLetterTopicOf } from '../../../schemas/topics';

const seen: { topic: string; ids: string[] }[] = [];
let topicName = '';

@Controller()
class PingHandler {
  @EventPattern('pings')
  async onPings(@Payload() batch: readonly ConsumedMessage<Ping>[], @Ctx() ctx: KafkaBatchContext): Promise<void> {
    if (batch.some((m) => m.value.n < 0)) throw new PermanentError('NEGATIVE_N', 'n must be positive', { field: 'n' });
    seen.push({ topic: ctx.topic, ids: batch.map((m) => m.value.id) });
  }
}

@Module({ controllers: [PingHandler] })
class PingModule {}

describe('KafkaBatchTransport: a NestJS service consuming in batches with manual commits', () => {
  let fx: KafkaFixture;
  let app: INestApplication;

  beforeAll(async () => {
    fx = await createKafkaFixture();
    const prefix = `${process.env.HUB_TOPIC_PREFIX}${uniqueId('nest')}.`;
    topicName = `${prefix}pings`;
    await fx.topic('unused');
    const { ensureTopics } = await import('../kafka/ensure-topics');
    const base = { partitions: 1, cleanupPolicy: 'delete' as const, retentionMs: -1, key: 'k', records: [], deadLetter: false, description: 't' };
    await ensureTopics(fx.admin, [{ ...base, name: topicName }, { ...base, name: deadLetterTopicOf(topicName) }]);

    const metrics = createMetrics('test');
    const transport = new KafkaBatchTransport({ kafka: fx.kafka, groupId: uniqueId('svc'), codec: fx.codec, producer: fx.producer, log: fx.log, topicPrefix: prefix, metrics });
    @Module({ imports: [PingModule, PlatformModule.register({ checks: [], metrics })] })
    class AppModule {}
    app = await createHubApp({ module: AppModule, log: fx.log, transport });
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => { await app.close(); await fx.close(); });

  it('Given messages on a pattern topic, When the app runs, Then the handler receives them as a decoded batch with its context', async () => {
    const encode = (p: Ping) => fx.codec.encode(topicName, 'hub.test.Ping', p);
    await fx.producer.send({ topic: topicName, acks: -1, messages: [{ value: await encode({ id: 'a', n: 1 }) }, { value: await encode({ id: 'b', n: 2 }) }] });
    await eventually(() => (seen.flatMap((s) => s.ids).length === 2 ? true : undefined), 30000, 'batch');
    expect(seen.flatMap((s) => s.ids)).toEqual(['a', 'b']);
    expect(seen[0]!.topic).toBe(topicName);
  });

  it('Given a handler throwing a PermanentError, When consumed, Then the error class survives Nest and the message is dead-lettered', async () => {
    await fx.producer.send({ topic: topicName, acks: -1, messages: [{ value: await fx.codec.encode(topicName, 'hub.test.Ping', { id: 'bad', n: -5 }) }] });
    const [letter] = await fx.readAll(deadLetterTopicOf(topicName), 1, 30000).catch((e: Error) => { throw new Error(`${e.message}\nlogs:\n${fx.log.lines().join('\n')}`); });
    expect(letter!.headers[DLQ_HEADERS.code]).toBe('NEGATIVE_N');
  });

  it('Given the app, When /health and /metrics are requested, Then they answer', async () => {
    const url = await app.getUrl();
    const health = await fetch(`${url.replace('[::1]', '127.0.0.1')}/health`);
    expect(health.status).toBe(200);
    const metrics = await (await fetch(`${url.replace('[::1]', '127.0.0.1')}/metrics`)).text();
    expect(metrics).toMatch(/hub_messages_consumed_total\{[^}]*outcome="handled"[^}]*\} 2/);
  });
});
