import type { Kafka } from 'kafkajs';
import type { AvroCodec } from '../../../services/platform/avro/avro-codec';
import { isRetriable } from '../../../services/platform/errors';
import type { Logger } from '../../../services/platform/logging/create-logger';
import { addReconciliation, EMPTY_RECONCILIATION, type Reconciliation } from '../reconciliation';
import { checkpointOf, reconciliationOf } from '../publish/checkpoint';
import type { EncodedMessage } from '../../../services/platform/kafka/encoded-message';
import { createTransactionalPublisher, type TransactionalPublisher } from '../../../services/platform/kafka/transactional-publisher';
import type { PreparedBatch } from './prepare-batches';

export interface ImportProgress {
  readonly reconciliation: Reconciliation;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface ImportOptions {
  /** Stream id: institution + the file's content hash, so the same file resumes (or is recognised as done). */
  readonly stream: string;
  /**
   * The file's batches from record `resumedAfter + 1` on (prepareBatches, in this thread or in a
   * worker: batchesFromWorker). Called once, after the checkpoint is read.
   */
  readonly prepare: (resumedAfter: number) => AsyncIterable<PreparedBatch>;
  readonly kafka: Kafka;
  readonly codec: AvroCodec;
  readonly topicPrefix: string;
  readonly log: Logger;
  readonly now: () => number;
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
 * Imports one file exactly once: its prepared batches (read → validate → map → encode) are
 * published one Kafka transaction each, with the stream's checkpoint (ADR 0007). Killed at any
 * moment and run again, it resumes after the last committed record: nothing accepted is lost, no
 * event id is published twice. Rejected records go to the dead-letter topic in the same transactions.
 */
export async function runImport(o: ImportOptions): Promise<ImportResult> {
  const publisher = await createTransactionalPublisher({ kafka: o.kafka, codec: o.codec, topicPrefix: o.topicPrefix, stream: o.stream, log: o.log });
  try {
    const previous = await publisher.readCheckpoint();
    if (previous?.complete) {
      return { stream: o.stream, reconciliation: reconciliationOf(previous), resumedAfter: Number(previous.position), alreadyComplete: true, rejections: new Map(), warnings: new Map() };
    }
    const resumedAfter = previous ? Number(previous.position) : 0;
    if (resumedAfter > 0) o.log.info({ stream: o.stream, resumedAfter }, 'resuming an interrupted import');

    let recon = previous ? reconciliationOf(previous) : EMPTY_RECONCILIATION;
    const rejections = new Map<string, number>();
    const warnings = new Map<string, number>();
    // One transaction in flight while the next batch is prepared (by a worker, or here between
    // awaits): the broker's commit latency overlaps with CPU work. Commits stay in order.
    let inflight: Promise<void> = Promise.resolve();
    let complete = false;
    try {
      for await (const b of o.prepare(resumedAfter)) {
        recon = addReconciliation(recon, b);
        for (const [k, n] of b.rejections) rejections.set(k, (rejections.get(k) ?? 0) + n);
        for (const [k, n] of b.warnings) warnings.set(k, (warnings.get(k) ?? 0) + n);
        await inflight;
        const checkpoint = checkpointOf(o.stream, String(b.position), recon, b.last, o.now());
        const progress: ImportProgress = { reconciliation: recon, bytesDone: b.bytesDone, bytesTotal: b.bytesTotal };
        inflight = publishWithRetry(publisher, b.messages, checkpoint, o.log).then(() => o.onProgress?.(progress));
        inflight.catch(() => undefined); // surfaced by the next await
        if (b.last) { complete = true; break; }
      }
    } catch (err) {
      // Preparing failed: let the transaction in flight settle before the producer is closed.
      await inflight.catch(() => undefined);
      throw err;
    }
    await inflight;
    if (!complete) throw new Error('the import\'s batches ended without the last one; the checkpoint keeps the stream resumable');
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
