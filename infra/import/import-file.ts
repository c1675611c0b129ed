import { basename } from 'node:path';
import { SCHEMAS } from '../../schemas';
import type { CsvOptions } from '../../connectors/sdk/files/csv-source';
import { runImport, type ImportProgress, type ImportResult } from '../../connectors/sdk/import/run-import';
import type { ConnectorSpec } from '../../connectors/sdk/record-kind';
import { createAvroCodec } from '../../services/platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../../services/platform/avro/registry-client';
import type { HubConfig } from '../../services/platform/config/hub-config';
import { createKafka } from '../../services/platform/kafka/create-kafka';
import { kafkaSecurityOf } from '../../services/platform/kafka/client-security';
import type { Logger } from '../../services/platform/logging/create-logger';
import { fileSha256 } from './file-hash';
import { prepareJob, prepareJobInWorker, workerSpecOf, type PrepareJob } from './import-worker';

export interface ImportFileOptions {
  readonly config: HubConfig;
  readonly spec: ConnectorSpec;
  readonly file: string;
  readonly log: Logger;
  readonly batchSize?: number;
  readonly encoding?: CsvOptions['encoding'];
  readonly onProgress?: (p: ImportProgress) => void;
  /**
   * Prepare batches in this thread instead of a worker thread (default false). The worker lets
   * parsing and encoding overlap with kafkajs on another core; in-process is the same code.
   */
  readonly inProcess?: boolean;
}

/** The stream id of an import: the institution and the file's content, so only the same bytes resume. */
export function importStreamId(institution: string, sha256: string): string {
  return `import:${institution}:${sha256}`;
}

/**
 * Wires a file import: Kafka, the registry codec (checkpoints), and the file's batches, prepared
 * by the right reader in a worker thread (import-worker.ts), then the SDK's runImport.
 */
export async function importFile(o: ImportFileOptions): Promise<ImportResult> {
  const kafka = createKafka({ brokers: o.config.KAFKA_BROKERS, clientId: `hub-import-${o.spec.institution.toLowerCase()}`, log: o.log, security: kafkaSecurityOf(o.config) });
  const codec = createAvroCodec(createSchemaRegistryClient(o.config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
  const stream = importStreamId(o.spec.institution, await fileSha256(o.file));
  const job: Omit<PrepareJob, 'resumedAfter'> = {
    institution: o.spec.institution, file: o.file, encoding: o.encoding, stream, fileLabel: basename(o.file),
    topicPrefix: o.config.HUB_TOPIC_PREFIX, schemaRegistryUrl: o.config.SCHEMA_REGISTRY_URL, batchSize: o.batchSize,
  };
  return runImport({
    stream,
    // A worker can only rebuild a registered connector; any other spec (tests) is prepared here.
    prepare: (resumedAfter) => (o.inProcess || workerSpecOf(o.spec.institution) !== o.spec
      ? prepareJob({ ...job, resumedAfter }, o.spec)
      : prepareJobInWorker({ ...job, resumedAfter })),
    kafka,
    codec,
    topicPrefix: o.config.HUB_TOPIC_PREFIX,
    log: o.log,
    now: Date.now,
    onProgress: o.onProgress,
  });
}
