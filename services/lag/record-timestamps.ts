import type { AdminSource } from './admin-source';
import { bracketFromHistory, recordTimestampAt, type LogEndPoint } from './domain/lag-seconds';

export interface RecordTimestampOptions {
  readonly resolutionMs: number;
  readonly maxProbes: number;
  /** Widens history brackets for producer/monitor clock skew. */
  readonly slackMs: number;
  readonly maxCached?: number;
}

/**
 * Timestamps of the records at committed offsets, found through Kafka's time index
 * (ListOffsets by timestamp; docs/adr/0009). A record's timestamp never changes, so answers are
 * cached by (topic, partition, offset): a stopped consumer costs one search, not one per poll.
 */
export class RecordTimestamps {
  private readonly cache = new Map<string, number | null>();

  constructor(private readonly admins: AdminSource, private readonly opts: RecordTimestampOptions) {}

  async at(topic: string, partition: number, offset: number, history: readonly LogEndPoint[], now: number): Promise<number | null> {
    const key = `${topic}\u0000${partition}\u0000${offset}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const admin = await this.admins.current();
    const offsetAt = async (t: number): Promise<number> => {
      const rows = await admin.fetchTopicOffsetsByTimestamp(topic, t);
      const row = rows.find((r) => r.partition === partition);
      if (!row) throw new Error(`partition ${partition} of ${topic} not found`);
      return Number(row.offset);
    };
    const ts = await recordTimestampAt(offset, offsetAt, bracketFromHistory(history, offset, now, this.opts.slackMs), this.opts);
    // Only real answers are cached: a null (probe budget ran out) is retried next time.
    if (ts !== null) {
      if (this.cache.size >= (this.opts.maxCached ?? 50_000)) this.cache.clear();
      this.cache.set(key, ts);
    }
    return ts;
  }
}
