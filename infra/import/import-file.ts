import { basename } from 'node:path';
import { SCHEMAS } from '../../schemas';
import { csvFileSource, type CsvOptions } from '../../connectors/sdk/files/csv-source';
import type { RecordSource } from '../../connectors/sdk/files/source-record';
import { runImport, type ImportProgress, type ImportResult } from '../../connectors/sdk/import/run-import';
import type { ConnectorSpec } from '../../connectors/sdk/record-kind';
import { createAvroCodec } from '../../services/platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../../services/platform/avro/registry-client';
import type { HubConfig } from '../../services/platform/config/hub-config';
import { createKafka } from '../../services/platform/kafka/create-kafka';
import type { Logger } from '../../services/platform/logging/create-logger';
import { fileSha256 } from './file-hash';
import { fhirFileSource, isFhirFile } from './fhir-source';

export interface ImportFileOptions {
  readonly config: HubConfig;
  readonly spec: ConnectorSpec;
  readonly file: string;
  readonly log: Logger;
  readonly batchSize?: number;
  readonly encoding?: CsvOptions['encoding'];
  readonly onProgress?: (p: ImportProgress) => void;
}

/** The stream id of an import: the institution and the file's content, so only the same bytes resume. */
export function importStreamId(institution: string, sha256: string): string {
  return `import:${institution}:${sha256}`;
}

/** Wires a file import: the right reader for the file, Kafka, the registry codec, then the SDK's runImport. */
export async function importFile(o: ImportFileOptions): Promise<ImportResult> {
  const source: RecordSource = isFhirFile(o.file) ? fhirFileSource(o.file) : csvFileSource(o.file, { encoding: o.encoding });
  const kafka = createKafka({ brokers: o.config.KAFKA_BROKERS, clientId: `hub-import-${o.spec.institution.toLowerCase()}`, log: o.log });
  const codec = createAvroCodec(createSchemaRegistryClient(o.config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
  return runImport({
    spec: o.spec,
    source,
    stream: importStreamId(o.spec.institution, await fileSha256(o.file)),
    fileLabel: basename(o.file),
    kafka,
    codec,
    topicPrefix: o.config.HUB_TOPIC_PREFIX,
    log: o.log,
    now: Date.now,
    batchSize: o.batchSize,
    onProgress: o.onProgress,
  });
}
