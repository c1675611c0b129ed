import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { AvroCodec } from '../avro/avro-codec';
import { isRetriable, PermanentError } from '../errors';
import type { Logger } from '../logging/create-logger';
import type { HubMetrics } from '../http/metrics';
import { sendToDeadLetter, type DeadLetter } from './dead-letter';

/** One decoded message as handlers see it. */
export interface ConsumedMessage<T = unknown> {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly timestamp: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly recordName: string;
  readonly value: T;
}

/**
 * Handles one batch of one partition, in offset order. Must be idempotent per message (use the
 * envelope's event id): after a crash the batch since the last commit is delivered again.
 * Throw a retriable error to retry the batch, a PermanentError to dead-letter the offending
 * message (the runner isolates it), anything else to stop the consumer (a bug).
 */
export type BatchHandler = (messages: readonly ConsumedMessage[], ctx?: BatchContext) => Promise<void>;

/** What a long-running handler may call mid-batch. */
export interface BatchContext {
  /** Tells the group coordinator the consumer is alive (a batch longer than the session timeout would otherwise be revoked). */
  heartbeat(): Promise<void>;
}

export interface BatchConsumerOptions {
  readonly kafka: Kafka;
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly codec: AvroCodec;
  /** Idempotent producer used for dead letters. */
  readonly producer: Producer;
  readonly log: Logger;
  readonly handle: BatchHandler;
  readonly fromBeginning?: boolean;
  readonly partitionsConsumedConcurrently?: number;
  /** Clock for dead-letter timestamps; injected so tests are deterministic. */
  readonly now?: () => number;
  /** Called when the consumer stops for good (an unknown error is a bug: better stopped than silently skipping). */
  readonly onCrash?: (error: Error) => void;
  /** Counts handled and dead-lettered messages and times batches, when given. */
  readonly metrics?: HubMetrics;
  /**
   * The handler accepts messages of several partitions (and topics) in one call: the batches the
   * concurrent partition workers hold at the same moment are handed over together (group commit),
   * one handler call at a time, and their offsets committed in one request after it. For handlers
   * whose effect is order-free across partitions (idempotent per event id, one transaction per call):
   * per-batch fixed costs (a PostgreSQL transaction, an offset commit) are paid once per fetch round,
   * not once per partition. Off by default: a handler may rely on one partition per call.
   */
  readonly coalescePartitions?: boolean;
}

export interface BatchConsumer {
  readonly consumer: Consumer;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The group moved on without this member (a batch or a starved event loop outlived the session):
 * kafkajs calls these non-retriable, but nothing is lost by rejoining. The batch's effects are
 * durable and its offset is not committed, so the partition's next owner handles it again
 * (handlers are idempotent per event id). Stopping instead would take the service down.
 */
const REJOIN_ERRORS = new Set(['UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION', 'REBALANCE_IN_PROGRESS', 'FENCED_INSTANCE_ID']);

/**
 * kafkajs wraps the handler's error (KafkaJSNumberOfRetriesExceeded → cause). Restart for our
 * retriable errors and for kafkajs's own (broker, network); stop for anything else: a bug.
 */
export function shouldRestart(e: Error): boolean {
  let root: unknown = e;
  for (let i = 0; i < 5; i++) {
    if (REJOIN_ERRORS.has(String((root as { type?: unknown }).type))) return true;
    const next = (root as { cause?: unknown; originalError?: unknown }).cause ?? (root as { originalError?: unknown }).originalError;
    if (!next) break;
    root = next;
  }
  if (isRetriable(root)) return true;
  return root instanceof Error && root.name.startsWith('KafkaJS') && (root as { retriable?: boolean }).retriable !== false;
}

function rawKey(topic: string, partition: number, offset: string): string {
  return `${topic}\u0000${partition}\u0000${offset}`;
}

/** The offset to commit after a batch: the one after its last (control records included). */
function nextOffsetOf(payload: EachBatchPayload): { topic: string; partition: number; offset: string } {
  return { topic: payload.batch.topic, partition: payload.batch.partition, offset: (BigInt(payload.batch.lastOffset()) + 1n).toString() };
}

function headersOf(m: KafkaMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) if (v !== undefined) out[k] = Array.isArray(v) ? String(v[0]) : String(v);
  return out;
}

/**
 * The consumption model of every hub service (docs/adr/0002): kafkajs `eachBatch`, manual
 * commits only after the handler's effects are durable, poison messages to `<topic>.dlq`.
 * An offset is committed only when every message before it was either handled or dead-lettered,
 * so a committed offset never hides an unprocessed record.
 */
export function createBatchConsumer(opts: BatchConsumerOptions): BatchConsumer {
  const now = opts.now ?? Date.now;
  const log = opts.log.child({ component: 'batch-consumer', groupId: opts.groupId });
  const consumer = opts.kafka.consumer({
    groupId: opts.groupId,
    allowAutoTopicCreation: false,
    sessionTimeout: 30000,
    heartbeatInterval: 3000,
    // Transient failures restart the consumer from the last commit; anything else is a bug and stops it.
    retry: { retries: 5, restartOnFailure: async (e) => shouldRestart(e) },
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) {
      log.error({ errCode: (payload.error as { code?: string }).code, err: payload.error.message }, 'consumer crashed');
      opts.onCrash?.(payload.error);
    }
  });

  async function deadLetter(letters: DeadLetter[]): Promise<void> {
    await sendToDeadLetter(opts.producer, letters);
    for (const l of letters) opts.metrics?.messagesConsumed.inc({ topic: l.topic, outcome: 'dead_lettered' });
    for (const l of letters) {
      log.warn({ topic: l.topic, partition: l.partition, offset: l.message.offset, stage: l.stage, errCode: (l.error as PermanentError).code }, 'message dead-lettered');
    }
  }

  async function decodeAll(payload: EachBatchPayload): Promise<{ good: ConsumedMessage[]; bad: DeadLetter[] }> {
    const { topic, partition } = payload.batch;
    const good: ConsumedMessage[] = [];
    const bad: DeadLetter[] = [];
    for (const m of payload.batch.messages) {
      try {
        const d = await opts.codec.decode(m.value);
        good.push({ topic, partition, offset: m.offset, key: m.key?.toString('utf8') ?? null, timestamp: Number(m.timestamp), headers: headersOf(m), recordName: d.recordName, value: d.value });
      } catch (error) {
        if (isRetriable(error)) throw error;
        bad.push({ topic, partition, message: m, stage: 'decode', consumer: opts.groupId, error, at: now() });
      }
    }
    return { good, bad };
  }

  /**
   * On a permanent failure, handle messages one by one so only the poison one is dead-lettered.
   * Returns how many were dead-lettered.
   */
  async function handleIsolating(messages: ConsumedMessage[], raw: Map<string, KafkaMessage>, ctx: BatchContext, rejected: ConsumedMessage[] = []): Promise<number> {
    try {
      await opts.handle(messages, ctx);
      return 0;
    } catch (error) {
      if (isRetriable(error) || !(error instanceof PermanentError) || messages.length === 0) throw error;
      if (messages.length === 1) {
        const m = messages[0]!;
        await deadLetter([{ topic: m.topic, partition: m.partition, message: raw.get(rawKey(m.topic, m.partition, m.offset))!, stage: 'handle', consumer: opts.groupId, error, at: now() }]);
        rejected.push(m);
        return 1;
      }
    }
    let dead = 0;
    for (const m of messages) dead += await handleIsolating([m], raw, ctx, rejected);
    return dead;
  }

  async function eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (batch.messages.length === 0 || !payload.isRunning() || payload.isStale()) return;
    const stopTimer = opts.metrics?.batchDuration.startTimer({ topic: batch.topic });
    const { good, bad } = await decodeAll(payload);
    await deadLetter(bad);
    if (opts.coalescePartitions) {
      await group.join({ payload, good });
    } else {
      const raw = new Map(batch.messages.map((m) => [rawKey(batch.topic, batch.partition, m.offset), m]));
      const rejected = good.length > 0 ? await handleIsolating(good, raw, { heartbeat: () => payload.heartbeat() }) : 0;
      opts.metrics?.messagesConsumed.inc({ topic: batch.topic, outcome: 'handled' }, good.length - rejected);
      payload.resolveOffset(batch.lastOffset());
      await consumer.commitOffsets([nextOffsetOf(payload)]);
    }
    await payload.heartbeat();
    stopTimer?.();
  }

  /**
   * Group commit of partition batches (coalescePartitions): batches joining while no handler call
   * runs are handed over together on the next turn of the event loop; batches joining during a
   * call wait for it and form the next group. Every batch's offset is committed only after the
   * handler call that covered it resolved (a committed offset still means a durable effect).
   */
  const group = (() => {
    interface Member { readonly payload: EachBatchPayload; readonly good: ConsumedMessage[]; resolve(): void; reject(e: unknown): void }
    let waiting: Member[] = [];
    let busy = false;
    let scheduled = false;
    const schedule = () => {
      if (busy || scheduled || waiting.length === 0) return;
      scheduled = true;
      setImmediate(() => { scheduled = false; void flush(); });
    };
    async function flush(): Promise<void> {
      busy = true;
      const members = waiting;
      waiting = [];
      try {
        const messages = members.flatMap((m) => m.good);
        const raw = new Map<string, KafkaMessage>();
        for (const { payload: { batch } } of members) for (const m of batch.messages) raw.set(rawKey(batch.topic, batch.partition, m.offset), m);
        const rejected: ConsumedMessage[] = [];
        if (messages.length > 0) await handleIsolating(messages, raw, { heartbeat: () => members[0]!.payload.heartbeat() }, rejected);
        // Dead-lettered ones are counted by deadLetter(), the rest as handled, per topic.
        const handledByTopic = new Map<string, number>();
        for (const m of messages) handledByTopic.set(m.topic, (handledByTopic.get(m.topic) ?? 0) + 1);
        for (const m of rejected) handledByTopic.set(m.topic, handledByTopic.get(m.topic)! - 1);
        for (const [topic, n] of handledByTopic) if (n > 0) opts.metrics?.messagesConsumed.inc({ topic, outcome: 'handled' }, n);
        for (const m of members) m.payload.resolveOffset(m.payload.batch.lastOffset());
        // One OffsetCommit request for every partition of the group.
        await consumer.commitOffsets(members.map((m) => nextOffsetOf(m.payload)));
        for (const m of members) m.resolve();
      } catch (error) {
        for (const m of members) m.reject(error);
      } finally {
        busy = false;
        schedule();
      }
    }
    return {
      join(m: Omit<Member, 'resolve' | 'reject'>): Promise<void> {
        return new Promise<void>((resolve, reject) => { waiting.push({ ...m, resolve, reject }); schedule(); });
      },
    };
  })();

  return {
    consumer,
    async start() {
      await consumer.connect();
      await consumer.subscribe({ topics: [...opts.topics], fromBeginning: opts.fromBeginning ?? true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: opts.partitionsConsumedConcurrently ?? 1,
        eachBatch,
      });
      log.info({ topics: opts.topics }, 'consumer started');
    },
    async stop() {
      await consumer.disconnect();
      log.info('consumer stopped');
    },
  };
}
