import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { AdminSource } from './admin-source';

export interface MarkerTarget {
  readonly topic: string;
  readonly partition: number;
  /** The group's committed offset. */
  readonly from: number;
  /** The log-end offset. */
  readonly to: number;
}

/** Groups of this probe: the sampler never lists them. */
export const MARKER_PROBE_GROUP_PREFIX = 'hub-lag-probe-';

export const markerKey = (t: Pick<MarkerTarget, 'topic' | 'partition' | 'from' | 'to'>): string => [t.topic, t.partition, t.from, t.to].join('\u0000');

/**
 * Whether the records between a group's committed offset and the log end are only transaction
 * markers (or aborted records): then the group is caught up although log-end − committed > 0.
 * A transactional producer leaves a commit marker after its records; a consumer that commits
 * "last record + 1" by hand (sendOffsets, or autoCommit off) stops just before it, and the lag
 * stays at 1 forever (docs/adr/0009). Only reading the partition tells a marker from a record:
 * a throw-away read_committed consumer seeks to each committed offset; kafkajs hands it data
 * records through eachMessage and reports marker-only ranges as empty-after-filtering batches.
 */
export class MarkerProbe {
  constructor(private readonly kafka: Kafka, private readonly admins: AdminSource, private readonly timeoutMs = 15000) {}

  /** key (markerKey) → true when only markers lie in [from, to); targets it could not settle are absent. */
  async check(targets: readonly MarkerTarget[]): Promise<Map<string, boolean>> {
    const result = new Map<string, boolean>();
    if (targets.length === 0) return result;
    const byPartition = new Map(targets.map((t) => [`${t.topic}\u0000${t.partition}`, t]));
    const groupId = `${MARKER_PROBE_GROUP_PREFIX}${randomBytes(6).toString('hex')}`;
    const consumer = this.kafka.consumer({ groupId, readUncommitted: false, allowAutoTopicCreation: false, maxWaitTimeInMs: 300, sessionTimeout: 10000 });
    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => { settle = resolve; });
    const decide = (topic: string, partition: number, onlyMarkers: boolean) => {
      const t = byPartition.get(`${topic}\u0000${partition}`);
      if (!t || result.has(markerKey(t))) return;
      result.set(markerKey(t), onlyMarkers);
      if (result.size === targets.length) settle();
    };
    try {
      await consumer.connect();
      for (const topic of new Set(targets.map((t) => t.topic))) await consumer.subscribe({ topic, fromBeginning: false });
      consumer.on(consumer.events.START_BATCH_PROCESS, ({ payload }) => {
        const t = byPartition.get(`${payload.topic}\u0000${payload.partition}`);
        // An empty-after-filtering batch reaching the log end: nothing but markers/aborted records.
        if (t && payload.batchSize === 0 && Number(payload.lastOffset) >= t.to - 1) decide(payload.topic, payload.partition, true);
      });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          const t = byPartition.get(`${topic}\u0000${partition}`);
          const offset = Number(message.offset);
          if (t && offset >= t.from && offset < t.to) decide(topic, partition, false);
        },
      });
      for (const t of targets) consumer.seek({ topic: t.topic, partition: t.partition, offset: String(t.from) });
      await Promise.race([settled, new Promise((r) => setTimeout(r, this.timeoutMs).unref())]);
      return result;
    } finally {
      await consumer.disconnect().catch(() => undefined);
      await this.admins.current().then((a) => a.deleteGroups([groupId])).catch(() => undefined);
    }
  }
}
