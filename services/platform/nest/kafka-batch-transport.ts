import { Server, type CustomTransportStrategy, BaseRpcContext } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { createBatchConsumer, type BatchConsumer, type BatchConsumerOptions, type ConsumedMessage } from '../kafka/batch-consumer';

export const KAFKA_BATCH_TRANSPORT = Symbol('hub-kafka-batch');

/** Context of one batch: topic and partition (all messages share them). */
export class KafkaBatchContext extends BaseRpcContext<[string, number]> {
  get topic(): string { return this.args[0]; }
  get partition(): number { return this.args[1]; }
}

export type KafkaBatchTransportOptions = Omit<BatchConsumerOptions, 'topics' | 'handle'> & {
  /** Prepended to every `@EventPattern` topic (isolates test runs). */
  readonly topicPrefix: string;
};

/**
 * NestJS transport strategy over kafkajs `eachBatch` with manual commits (docs/adr/0002).
 * A service declares `@EventPattern('<topic>')` handlers that receive a whole decoded batch
 * (`readonly ConsumedMessage[]`) and a KafkaBatchContext. One consumer per service subscribes to
 * every pattern; the stock Nest Kafka transport is not used because it consumes one message at a
 * time and commits on its own.
 */
export class KafkaBatchTransport extends Server implements CustomTransportStrategy {
  override readonly transportId = KAFKA_BATCH_TRANSPORT;
  private batchConsumer: BatchConsumer | undefined;

  constructor(private readonly opts: KafkaBatchTransportOptions) {
    super();
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      const byTopic = new Map<string, string>();
      for (const pattern of this.messageHandlers.keys()) byTopic.set(this.opts.topicPrefix + pattern, pattern);
      this.batchConsumer = createBatchConsumer({
        ...this.opts,
        topics: [...byTopic.keys()],
        handle: (messages) => this.dispatch(byTopic, messages),
      });
      await this.batchConsumer.start();
      callback();
    } catch (err) {
      callback(err);
    }
  }

  private async dispatch(byTopic: Map<string, string>, messages: readonly ConsumedMessage[]): Promise<void> {
    const first = messages[0];
    if (!first) return;
    const handler = this.getHandlerByPattern(byTopic.get(first.topic) ?? '');
    if (!handler) throw new Error(`no handler for topic ${first.topic}`);
    const result = await handler(messages, new KafkaBatchContext([first.topic, first.partition]));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  async close(): Promise<void> {
    await this.batchConsumer?.stop();
  }

  on(): never {
    throw new Error('KafkaBatchTransport has no events; use consumer instrumentation events');
  }

  unwrap<T>(): T {
    return this.batchConsumer?.consumer as T;
  }
}
