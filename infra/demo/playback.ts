import { SCHEMAS } from '../../schemas';
import { INTERNAL_TOPICS } from '../../schemas/topics';
import type { IngestCheckpoint } from '../../schemas';
import { createAvroCodec } from '../../services/platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../../services/platform/avro/registry-client';
import type { HubConfig } from '../../services/platform/config/hub-config';
import { createKafka } from '../../services/platform/kafka/create-kafka';
import { kafkaSecurityOf } from '../../services/platform/kafka/client-security';
import { readTopicToEnd } from '../../services/platform/kafka/read-topic';
import type { Logger } from '../../services/platform/logging/create-logger';
import { connectorFor } from '../import/connectors';
import { fileSha256 } from '../import/file-hash';
import { importFile, importStreamId } from '../import/import-file';
import type { MonthKey } from './plan';
import type { MonthStep } from './scenario';

export interface MonthProgress {
  readonly month: MonthKey;
  /** 1-based position of the month in the playback, and how many months there are. */
  readonly index: number;
  readonly total: number;
  /** True when every slice of the month had already been imported completely (an earlier run): nothing was sent. */
  readonly alreadyPlayed: boolean;
  readonly published: number;
  readonly deadLettered: number;
}

export interface PlaybackResult {
  readonly published: number;
  readonly deadLettered: number;
  readonly monthsPlayed: number;
  readonly monthsAlreadyPlayed: number;
  /** Stopped by the signal before the last month. */
  readonly aborted: boolean;
}

/**
 * The import streams whose last checkpoint says complete, read once from the checkpoint topic
 * (the same record every `hub import` commits with its batches). This is how a second run knows
 * what the first one played, with Kafka itself as the only record of it: a fresh broker or another
 * topic prefix plays everything again, the same broker skips it.
 */
export async function completedStreams(config: HubConfig, log: Logger): Promise<Set<string>> {
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'hub-demo-checkpoints', log, security: kafkaSecurityOf(config) });
  const codec = createAvroCodec(createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
  const latest = new Map<string, Buffer | null>();
  for (const m of await readTopicToEnd(kafka, config.HUB_TOPIC_PREFIX + INTERNAL_TOPICS.ingestCheckpoints.name)) {
    if (m.key !== null) latest.set(m.key, m.value);
  }
  const done = new Set<string>();
  for (const [stream, value] of latest) {
    if (value !== null && (await codec.decode<IngestCheckpoint>(value)).value.complete) done.add(stream);
  }
  return done;
}

/**
 * Plays the scenario month by month through the real import path (`hub import`'s importFile:
 * connector validation and mapping, deterministic event ids, one Kafka transaction per batch with
 * its checkpoint). A month's institution files are imported side by side; the next month starts
 * when they are all committed. The signal is checked between months: a month in progress is
 * finished (a few seconds) rather than cut, and were the process killed anyway, the checkpoints
 * make the next run resume it without duplicates.
 */
export async function playScenario(o: {
  readonly config: HubConfig;
  readonly steps: readonly MonthStep[];
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly onMonth: (p: MonthProgress) => void;
  /** Already-complete streams (completedStreams); those months are skipped. */
  readonly completed: ReadonlySet<string>;
}): Promise<PlaybackResult> {
  let published = 0;
  let deadLettered = 0;
  let monthsPlayed = 0;
  let monthsAlreadyPlayed = 0;
  for (const [i, step] of o.steps.entries()) {
    if (o.signal.aborted) return { published, deadLettered, monthsPlayed, monthsAlreadyPlayed, aborted: true };
    const files = await Promise.all(step.files.map(async (f) => {
      const spec = connectorFor(f.institution);
      if (!spec) throw new Error(`no connector for ${f.institution}`);
      return { ...f, spec, stream: importStreamId(spec.institution, await fileSha256(f.file)) };
    }));
    const progress = { month: step.month, index: i + 1, total: o.steps.length };
    if (files.every((f) => o.completed.has(f.stream))) {
      monthsAlreadyPlayed++;
      o.onMonth({ ...progress, alreadyPlayed: true, published: 0, deadLettered: 0 });
      continue;
    }
    // Small slices: preparing them in this thread costs less than starting a worker per file.
    const results = await Promise.all(files.map((f) => importFile({ config: o.config, spec: f.spec, file: f.file, log: o.log, inProcess: true })));
    const fresh = results.filter((r) => !r.alreadyComplete);
    const month = {
      published: fresh.reduce((n, r) => n + r.reconciliation.published, 0),
      deadLettered: fresh.reduce((n, r) => n + r.reconciliation.deadLettered, 0),
    };
    published += month.published;
    deadLettered += month.deadLettered;
    monthsPlayed++;
    o.onMonth({ ...progress, alreadyPlayed: false, ...month });
  }
  return { published, deadLettered, monthsPlayed, monthsAlreadyPlayed, aborted: false };
}
