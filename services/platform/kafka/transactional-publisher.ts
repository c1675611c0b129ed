import { randomBytes } from 'node:crypto';
import { Partitioners, type Kafka, type Message, type PartitionMetadata, type Producer } from 'kafkajs';
import { INTERNAL_TOPICS } from '../../../schemas/topics';
import type { IngestCheckpoint } from '../../../schemas';
import type { AvroCodec } from '../avro/avro-codec';
import { TransientError } from '../errors';
import { createProducer } from './create-kafka';
import type { Logger } from '../logging/create-logger';
import type { EncodedMessage } from './encoded-message';
import { messageBytes, planSends, type PlannedMessage } from './plan-sends';

const CHECKPOINT_RECORD = 'hub.connector.IngestCheckpoint';

/** A stream's position and running counts, committed with the messages it covers. */
export type Checkpoint = IngestCheckpoint;

/**
 * Publishes a stream exactly once: each batch of messages and the stream's checkpoint go
 * in ONE Kafka transaction, so a crash leaves either both or neither (read_committed consumers,
 * the kafkajs default, never see an aborted batch). On restart the stream reads its last committed
 * checkpoint and resumes after it. The transactional id is the stream's, so starting a second
 * copy of the same stream fences the first (a zombie cannot commit). See ADR 0007.
 */
export interface TransactionalPublisher {
  /** Sends the messages and the checkpoint in one transaction; resolves once committed (acks=all). */
  publish(messages: readonly EncodedMessage[], checkpoint: Checkpoint): Promise<void>;
  /** The stream's last committed checkpoint, or null when it never committed one. */
  readCheckpoint(): Promise<Checkpoint | null>;
  close(): Promise<void>;
}

export interface TransactionalPublisherOptions {
  readonly kafka: Kafka;
  readonly codec: AvroCodec;
  readonly topicPrefix: string;
  /** Stream id: the checkpoint key and the basis of the transactional id. */
  readonly stream: string;
  readonly log: Logger;
}

export async function createTransactionalPublisher(opts: TransactionalPublisherOptions): Promise<TransactionalPublisher> {
  const checkpointTopic = opts.topicPrefix + INTERNAL_TOPICS.ingestCheckpoints.name;
  // Connecting registers the transactional id with the coordinator, which aborts any transaction a
  // crashed predecessor left open: from here on the checkpoint topic is stable for this stream.
  const producer: Producer = await createProducer(opts.kafka, { transactionalId: `hub-ingest:${opts.topicPrefix}${opts.stream}` });
  const log = opts.log.child({ stream: opts.stream });
  // The producer's own murmur2 partitioner, run here so batches can be sized per partition.
  const partitioner = Partitioners.DefaultPartitioner();
  const metadata = new Map<string, Promise<PartitionMetadata[]>>();
  const partitionsOf = (topic: string): Promise<PartitionMetadata[]> => {
    let p = metadata.get(topic);
    if (!p) {
      p = fetchPartitions(opts.kafka, topic);
      p.catch(() => metadata.delete(topic));
      metadata.set(topic, p);
    }
    return p;
  };

  return {
    async publish(messages, checkpoint) {
      const checkpointValue = await opts.codec.encode(checkpointTopic, CHECKPOINT_RECORD, checkpoint);
      const all: readonly EncodedMessage[] = [...messages, { topic: checkpointTopic, key: opts.stream, value: checkpointValue }];
      // Metadata once per topic of the batch, not one await per message (a relay batch has up to thousands).
      const topics = [...new Set(all.map((m) => m.topic))];
      const metadataOf = new Map(await Promise.all(topics.map(async (t) => [t, await partitionsOf(t)] as const)));
      const planned: PlannedMessage[] = all.map((m) => {
        // kafkajs only reads the headers: the caller's object is passed as is, not copied.
        const message: Message = { key: m.key, value: m.value, headers: m.headers as Message['headers'] };
        const partitionMetadata = metadataOf.get(m.topic)!;
        return { topic: m.topic, partition: partitioner({ topic: m.topic, partitionMetadata, message }), message, bytes: messageBytes(message) };
      });
      const txn = await producer.transaction();
      try {
        // Several sends in one transaction: all or none become visible at commit.
        for (const topicMessages of planSends(planned)) await txn.sendBatch({ acks: -1, topicMessages });
        await txn.commit();
      } catch (cause) {
        await txn.abort().catch((e: unknown) => log.warn({ err: e }, 'abort after a failed transaction also failed'));
        throw new TransientError('INGEST_TXN_FAILED', 'could not commit an ingest transaction; nothing of it is visible', { cause });
      }
    },

    async readCheckpoint() {
      return readLatest(opts.kafka, opts.codec, checkpointTopic, opts.stream, log);
    },

    async close() {
      await producer.disconnect();
    },
  };
}

async function fetchPartitions(kafka: Kafka, topic: string): Promise<PartitionMetadata[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const partitions = topics[0]?.partitions ?? [];
    if (partitions.length === 0) throw new TransientError('TOPIC_METADATA_MISSING', `no partitions known for topic ${topic}`);
    return partitions;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads a compacted checkpoint topic (one partition) to its end with read_committed and returns
 * the last value for `stream`. kafkajs has no manual partition assignment, so this uses a
 * throw-away consumer group (cheap on our brokers: group.initial.rebalance.delay.ms=0).
 */
async function readLatest(kafka: Kafka, codec: AvroCodec, topic: string, stream: string, log: Logger): Promise<Checkpoint | null> {
  const admin = kafka.admin();
  await admin.connect();
  let high: bigint;
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const p = offsets.find((o) => o.partition === 0);
    high = BigInt(p?.high ?? '0');
    if (p === undefined || BigInt(p.low) >= high) return null;
  } finally {
    await admin.disconnect();
  }
  const groupId = `hub-checkpoint-reader-${randomBytes(6).toString('hex')}`;
  const consumer = kafka.consumer({ groupId, readUncommitted: false, allowAutoTopicCreation: false });
  let latest: Buffer | null = null;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new TransientError('CHECKPOINT_READ_TIMEOUT', 'timed out reading ingest checkpoints')), 30000);
      consumer.on(consumer.events.END_BATCH_PROCESS, (e) => {
        // lastOffset counts control records (commit markers), so caught up means lastOffset + 1 >= high.
        if (BigInt(e.payload.lastOffset) + 1n >= high) { clearTimeout(timer); resolve(); }
      });
      consumer.on(consumer.events.CRASH, (e) => { clearTimeout(timer); reject(e.payload.error); });
      consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          for (const m of batch.messages) if (m.key?.toString() === stream) latest = m.value;
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect().catch((e: unknown) => log.warn({ err: e }, 'checkpoint reader did not disconnect cleanly'));
    const cleanup = kafka.admin();
    await cleanup.connect().then(() => cleanup.deleteGroups([groupId])).catch(() => undefined).finally(() => cleanup.disconnect());
  }
  if (latest === null) return null;
  return (await codec.decode<Checkpoint>(latest)).value;
}
