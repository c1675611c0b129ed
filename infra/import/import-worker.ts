import { parentPort, workerData } from 'node:worker_threads';
import { SCHEMAS } from '../../schemas';
import { csvFileSource, type CsvOptions } from '../../connectors/sdk/files/csv-source';
import { batchesFromWorker, serveBatches } from '../../connectors/sdk/import/batch-transport';
import { encoderTargetsOf, prepareBatches, type PreparedBatch } from '../../connectors/sdk/import/prepare-batches';
import { createRecordEncoder } from '../../connectors/sdk/publish/record-encoder';
import type { ConnectorSpec, Institution } from '../../connectors/sdk/record-kind';
import { createSchemaRegistryClient } from '../../services/platform/avro/registry-client';
import { CONNECTORS } from './connectors';
import { fhirFileSource, isFhirFile } from './fhir-source';
import { spawnTsWorker } from './spawn-ts-worker';

/**
 * The CPU half of `hub import` (ADR 0007, "Workers"): read → validate → map → Avro-encode, cut
 * into batches. It runs in a worker thread so the main thread only publishes (kafkajs) and
 * checkpoints; both halves overlap on two cores. Run in-process (`inProcess`) it is the same code.
 */
export interface PrepareJob {
  readonly institution: Institution;
  readonly file: string;
  readonly encoding?: CsvOptions['encoding'];
  readonly stream: string;
  readonly fileLabel: string;
  readonly topicPrefix: string;
  readonly schemaRegistryUrl: string;
  readonly batchSize?: number;
  readonly resumedAfter: number;
}

/** The connector a worker uses for a job: the registered one of its institution. */
export function workerSpecOf(institution: Institution): ConnectorSpec | undefined {
  return CONNECTORS.find((c) => c.institution === institution);
}

/** The job's batches, prepared in this thread (with `spec` when given, else the institution's connector). */
export async function* prepareJob(job: PrepareJob, given?: ConnectorSpec): AsyncGenerator<PreparedBatch> {
  const spec = given ?? workerSpecOf(job.institution);
  if (!spec) throw new Error(`no connector for ${job.institution}`);
  const source = isFhirFile(job.file) ? fhirFileSource(job.file) : csvFileSource(job.file, { encoding: job.encoding });
  const encoder = await createRecordEncoder(createSchemaRegistryClient(job.schemaRegistryUrl), SCHEMAS as Readonly<Record<string, object>>,
    encoderTargetsOf(spec, job.topicPrefix));
  yield* prepareBatches({ ...job, spec, source, encoder, now: Date.now });
}

/** The job's batches, prepared in a worker thread. */
export function prepareJobInWorker(job: PrepareJob): AsyncGenerator<PreparedBatch> {
  return batchesFromWorker(spawnTsWorker(__filename, job));
}

if (parentPort && (workerData as Partial<PrepareJob> | null)?.stream) {
  void serveBatches(parentPort, prepareJob(workerData as PrepareJob));
}
