import { EVENT_ID_HEADER, type EncodedMessage } from '../../../services/platform/kafka/encoded-message';
import type { RecordSource } from '../files/source-record';
import { processRecord } from '../process-record';
import type { EncoderTarget, RecordEncoder } from '../publish/record-encoder';
import type { ConnectorSpec, FieldIssue } from '../record-kind';
import { CONNECTOR_DLQ_HEADERS, deadLetterOf } from './dead-letter-record';

/**
 * One transaction's worth of an import, ready to publish: the encoded messages (events and dead
 * letters) of records `(previous position, position]`, and what they add to the reconciliation.
 * Pure data (strings, numbers, buffers), so it can be made in a worker thread (ADR 0007).
 */
export interface PreparedBatch {
  readonly messages: readonly EncodedMessage[];
  /** Number of the last record this batch covers: the checkpoint's position once it commits. */
  readonly position: number;
  /** This batch's own counts (the publisher adds them to the stream's totals). */
  readonly received: number;
  readonly published: number;
  readonly deadLettered: number;
  readonly duplicates: number;
  readonly withWarnings: number;
  /** `field code` → records dead-lettered for it in this batch (first issue only). */
  readonly rejections: readonly (readonly [string, number])[];
  /** `field code` → published records of this batch with this warning. */
  readonly warnings: readonly (readonly [string, number])[];
  /** Bytes of the source read when the batch was cut, and in total. */
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** The file's last batch (possibly empty): its checkpoint marks the stream complete. */
  readonly last: boolean;
}

export interface PrepareOptions {
  readonly spec: ConnectorSpec;
  readonly source: RecordSource;
  readonly stream: string;
  /** File name for dead-letter headers (no directories: they may name people or places). */
  readonly fileLabel: string;
  readonly topicPrefix: string;
  readonly encoder: RecordEncoder;
  readonly now: () => number;
  /** Records an earlier run already committed (the checkpoint's position): skipped, only their ids are remembered. */
  readonly resumedAfter: number;
  /** Records per batch (default 2000). */
  readonly batchSize?: number;
}

/** Every (full topic, record) a connector's import encodes: what the encoder registers up front. */
export function encoderTargetsOf(spec: ConnectorSpec, topicPrefix: string): EncoderTarget[] {
  return spec.kinds.map((k) => ({ topic: topicPrefix + k.topic, recordName: k.recordName }));
}

/**
 * Read → validate → map → encode, cut into batches of `batchSize` records. Deterministic for a
 * given file and resume point: the same records land in the same batches with the same event ids,
 * so a batch whose transaction aborted is simply prepared again by the next run.
 */
export async function* prepareBatches(o: PrepareOptions): AsyncGenerator<PreparedBatch> {
  const connector = `import:${o.spec.institution}`;
  const batchSize = o.batchSize ?? 2000;
  const mainTopic = o.spec.kinds[0]!.topic;
  const streamHeader = CONNECTOR_DLQ_HEADERS.stream;
  // Event ids published by this file so far (the committed prefix included), to skip repeats.
  const seen = new Set<string>();
  let b = emptyBatch();
  let position = o.resumedAfter;

  const cut = (last: boolean): PreparedBatch => {
    const p = o.source.progress();
    const out: PreparedBatch = { ...b, position, rejections: [...b.rejections], warnings: [...b.warnings], bytesDone: p.done, bytesTotal: p.total, last };
    b = emptyBatch();
    return out;
  };

  for await (const rec of o.source) {
    const recordedAt = o.now();
    if (rec.recordNo <= o.resumedAfter) {
      // Already committed by the interrupted run: only rebuild the set of ids it published, so a
      // duplicate later in the file is still recognised as one.
      if (rec.fields) {
        const outcome = processRecord(o.spec, rec.fields, { recordedAt, traceId: o.stream });
        if (outcome.ok) seen.add(outcome.eventId);
      }
      continue;
    }
    position = rec.recordNo;
    b.received++;
    const outcome = rec.fields && rec.issues.length === 0 ? processRecord(o.spec, rec.fields, { recordedAt, traceId: o.stream }) : undefined;
    if (!outcome || !outcome.ok) {
      const issues = outcome ? outcome.issues : rec.issues;
      const intended = outcome?.kind ? o.spec.kinds.find((k) => k.kind === outcome.kind)?.topic ?? mainTopic : mainTopic;
      b.messages.push(deadLetterOf({
        topicPrefix: o.topicPrefix, intendedTopic: intended, connector, stream: o.stream, file: o.fileLabel, location: rec.location,
        recordNo: rec.recordNo, stage: outcome ? 'validate' : 'read', issues, raw: rec.raw, at: recordedAt,
      }));
      if (issues[0]) bump(b.rejections, issues[0]);
      b.deadLettered++;
    } else if (seen.has(outcome.eventId)) {
      b.duplicates++;
    } else {
      seen.add(outcome.eventId);
      for (const m of outcome.messages) {
        const topic = o.topicPrefix + m.topic;
        b.messages.push({ topic, key: m.key, value: o.encoder.encode(topic, m.recordName, m.value), headers: { [streamHeader]: o.stream, [EVENT_ID_HEADER]: m.eventId } });
      }
      for (const w of outcome.warnings) bump(b.warnings, w);
      b.published++;
      if (outcome.warnings.length > 0) b.withWarnings++;
    }
    if (b.received >= batchSize) yield cut(false);
  }
  yield cut(true);
}

interface BatchBuilder {
  messages: EncodedMessage[];
  received: number;
  published: number;
  deadLettered: number;
  duplicates: number;
  withWarnings: number;
  rejections: Map<string, number>;
  warnings: Map<string, number>;
}

function emptyBatch(): BatchBuilder {
  return { messages: [], received: 0, published: 0, deadLettered: 0, duplicates: 0, withWarnings: 0, rejections: new Map(), warnings: new Map() };
}

function bump(m: Map<string, number>, i: FieldIssue): void {
  const k = `${i.field} ${i.code}`;
  m.set(k, (m.get(k) ?? 0) + 1);
}
