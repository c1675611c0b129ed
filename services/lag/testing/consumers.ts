import type { Admin, Consumer, Kafka, Producer } from 'kafkajs';

/**
 * Real consumer groups in the shapes the lag rules must recognise, for integration and browser
 * tests: each commits after every message, like the hub's batch consumer commits after its
 * effects are durable.
 */
export interface TestConsumer {
  readonly group: string;
  readonly consumer: Consumer;
  /** Messages handled so far. */
  handled(): number;
  /** Lets a blocked (stuck) handler go on. */
  release(): void;
  stop(): Promise<void>;
}

export interface ConsumerBehaviour {
  /** Milliseconds each message takes (a slow consumer). */
  readonly perMessageMs?: number;
  /** Offset at which the handler blocks, heart-beating, until release() (a stuck consumer). */
  readonly stuckAt?: number;
}

export async function startConsumer(kafka: Kafka, group: string, topic: string, behaviour: ConsumerBehaviour = {}): Promise<TestConsumer> {
  const consumer = kafka.consumer({ groupId: group, sessionTimeout: 10000, heartbeatInterval: 1000, retry: { retries: 2 } });
  let handled = 0;
  let released = false;
  let stopped = false;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommitThreshold: 1,
    eachMessage: async ({ message, heartbeat }) => {
      if (behaviour.stuckAt !== undefined && Number(message.offset) >= behaviour.stuckAt) {
        while (!released && !stopped) { await heartbeat(); await sleep(200); }
        if (stopped) throw new Error('stopped while stuck');
      }
      if (behaviour.perMessageMs) await sleep(behaviour.perMessageMs);
      handled++;
    },
  });
  return {
    group, consumer,
    handled: () => handled,
    release: () => { released = true; },
    async stop() { stopped = true; await consumer.disconnect(); },
  };
}

/** Sends `count` small messages to partition 0 of `topic`. */
export async function produce(producer: Producer, topic: string, count: number, label = 'm'): Promise<void> {
  await producer.send({ topic, messages: Array.from({ length: count }, (_, i) => ({ key: `${label}-${i}`, value: `${label}-${i}`, partition: 0 })) });
}

/** Produces `batch` messages every `everyMs` until stopped (a steady producer). */
export function produceSteadily(producer: Producer, topic: string, batch: number, everyMs: number): { stop(): Promise<void> } {
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      await produce(producer, topic, batch, `s${i}`);
      await sleep(everyMs);
    }
  })();
  return { async stop() { running = false; await loop; } };
}

/** Waits until the group's committed offset on partition 0 reaches `offset`. */
export async function committedReaches(admin: Admin, group: string, topic: string, offset: number, timeoutMs = 90000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const committed = Number(rows[0]?.partitions.find((p) => p.partition === 0)?.offset ?? -1);
    if (committed >= offset) return;
    if (Date.now() > deadline) throw new Error(`group ${group} committed ${committed}, expected ${offset}`);
    await sleep(200);
  }
}

export async function deleteGroupsQuietly(admin: Admin, groups: readonly string[]): Promise<void> {
  if (groups.length > 0) await admin.deleteGroups([...groups]).catch(() => undefined);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
