import type { Kafka } from 'kafkajs';
import type { AvroCodec } from '../../../services/platform/avro/avro-codec';
import { isRetriable } from '../../../services/platform/errors';
import type { Logger } from '../../../services/platform/logging/create-logger';
import type { RecordSource } from '../files/source-record';
import { processRecord } from '../process-record';
import type { ConnectorSpec, FieldIssue } from '../record-kind';
import { EMPTY_RECONCILIATION, type Reconciliation } from '../reconciliation';
import { checkpointOf, reconciliationOf } from '../publish/checkpoint';
import type { EncodedMessage } from '../../../services/platform/kafka/encoded-message';
import { encodeMessages } from '../publish/encode-messages';
import { createTransactionalPublisher, type TransactionalPublisher } from '../../../services/platform/kafka/transactional-publisher';
import { CONNECTOR_DLQ_HEADERS, deadLetterOf } from './dead-letter-record';

export interface ImportProgress {
  readonly reconciliation: Reconciliation;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface ImportOptions {
  readonly spec: ConnectorSpec;
  readonly source: RecordSource;
  /** Stream id: institution + the file's content hash, so the same file resumes (or is recognised as done). */
  readonly stream: string;
  /** File name for dead-letter headers (no directories: they may name people or places). */
  readonly fileLabel: string;
  readonly kafka: Kafka;
  readonly codec: AvroCodec;
  readonly topicPrefix: string;
  readonly log: Logger;
  readonly now: () => number;
  /** Records per Kafka transaction (default 2000). */
  readonly batchSize?: number;
  readonly onProgress?: (p: ImportProgress) => void;
}

export interface ImportResult {
  readonly stream: string;
  readonly reconciliation: Reconciliation;
  /** Records already published by an earlier, interrupted run of the same file (0 for a fresh import). */
  readonly resumedAfter: number;
  /** True when an earlier run had already imported the whole file: nothing was published now. */
  readonly alreadyComplete: boolean;
  /** `field code` → how many records were dead-lettered for it in this run (first issue only). */
  readonly rejections: ReadonlyMap<string, number>;
  /** `field code` → how many published records carried this warning in this run. */
  readonly warnings: ReadonlyMap<string, number>;
}

const MAX_ATTEMPTS = 5;

/**
 * Imports one file exactly once: read → validate → map → encode → publish in transactions of
 * `batchSize` records, each with the stream's checkpoint (ADR 0007). Killed at any moment and run
 * again, it resumes after the last committed record: nothing accepted is lost, no event id is
 * published twice. Records it cannot accept go to the dead-letter topic in the same transactions.
 */
export async function runImport(o: ImportOptions): Promise<ImportResult> {
  const connector = `import:${o.spec.institution}`;
  const publisher = await createTransactionalPublisher({ kafka: o.kafka, codec: o.codec, topicPrefix: o.topicPrefix, stream: o.stream, log: o.log });
  try {
    const previous = await publisher.readCheckpoint();
    if (previous?.complete) {
      return { stream: o.stream, reconciliation: reconciliationOf(previous), resumedAfter: Number(previous.position), alreadyComplete: true, rejections: new Map(), warnings: new Map() };
    }
    const resumedAfter = previous ? Number(previous.position) : 0;
    if (resumedAfter > 0) o.log.info({ stream: o.stream, resumedAfter }, 'resuming an interrupted import');

    let recon = previous ? reconciliationOf(previous) : EMPTY_RECONCILIATION;
    const seen = new Set<string>();
    const rejections = new Map<string, number>();
    const warnings = new Map<string, number>();
    let batch: EncodedMessage[] = [];
    let inBatch = 0;
    let position = resumedAfter;
    const headers = { [CONNECTOR_DLQ_HEADERS.stream]: o.stream };
    const mainTopic = o.spec.kinds[0]!.topic;

    // One transaction in flight while the next batch is read and encoded: the broker's commit
    // latency overlaps with CPU work. Transactions still commit one after the other, in order.
    let inflight: Promise<void> = Promise.resolve();
    const flush = async (complete: boolean) => {
      const messages = batch;
      const checkpoint = checkpointOf(o.stream, String(position), recon, complete, o.now());
      const progressAt = recon;
      batch = [];
      inBatch = 0;
      await inflight;
      inflight = publishWithRetry(publisher, messages, checkpoint, o.log).then(() => {
        const p = o.source.progress();
        o.onProgress?.({ reconciliation: progressAt, bytesDone: p.done, bytesTotal: p.total });
      });
      inflight.catch(() => undefined); // surfaced by the next await
    };
    const bump = (m: Map<string, number>, i: FieldIssue) => m.set(`${i.field} ${i.code}`, (m.get(`${i.field} ${i.code}`) ?? 0) + 1);

    for await (const rec of o.source) {
      const recordedAt = o.now();
      if (rec.recordNo <= resumedAfter) {
        // Already committed by the interrupted run: only rebuild the set of ids it published, so a
        // duplicate later in the file is still recognised as one.
        if (rec.fields) {
          const outcome = processRecord(o.spec, rec.fields, { recordedAt, traceId: o.stream });
          if (outcome.ok) seen.add(outcome.eventId);
        }
        continue;
      }
      position = rec.recordNo;
      const outcome = rec.fields && rec.issues.length === 0 ? processRecord(o.spec, rec.fields, { recordedAt, traceId: o.stream }) : undefined;
      if (!outcome || !outcome.ok) {
        const issues = outcome ? outcome.issues : rec.issues;
        const intended = outcome?.kind ? o.spec.kinds.find((k) => k.kind === outcome.kind)?.topic ?? mainTopic : mainTopic;
        batch.push(deadLetterOf({
          topicPrefix: o.topicPrefix, intendedTopic: intended, connector, stream: o.stream, file: o.fileLabel, location: rec.location,
          recordNo: rec.recordNo, stage: outcome ? 'validate' : 'read', issues, raw: rec.raw, at: recordedAt,
        }));
        if (issues[0]) bump(rejections, issues[0]);
        recon = { ...recon, received: recon.received + 1, deadLettered: recon.deadLettered + 1 };
      } else if (seen.has(outcome.eventId)) {
        recon = { ...recon, received: recon.received + 1, duplicates: recon.duplicates + 1 };
      } else {
        seen.add(outcome.eventId);
        batch.push(...await encodeMessages(o.codec, o.topicPrefix, outcome.messages, headers));
        outcome.warnings.forEach((w) => bump(warnings, w));
        recon = {
          ...recon, received: recon.received + 1, published: recon.published + 1,
          withWarnings: recon.withWarnings + (outcome.warnings.length > 0 ? 1 : 0),
        };
      }
      if (++inBatch >= (o.batchSize ?? 2000)) await flush(false);
    }
    await flush(true);
    await inflight;
    return { stream: o.stream, reconciliation: recon, resumedAfter, alreadyComplete: false, rejections, warnings };
  } finally {
    await publisher.close();
  }
}

async function publishWithRetry(p: TransactionalPublisher, messages: readonly EncodedMessage[], ckpt: Parameters<TransactionalPublisher['publish']>[1], log: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await p.publish(messages, ckpt);
      return;
    } catch (err) {
      // An aborted transaction left nothing visible, so sending the same batch again is safe.
      if (!isRetriable(err) || attempt >= MAX_ATTEMPTS) throw err;
      log.warn({ err, attempt }, 'ingest transaction failed; retrying the same batch');
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }
}
