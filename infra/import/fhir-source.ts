import { readFileSync, statSync } from 'node:fs';
import type { RecordSource } from '../../connectors/sdk/files/source-record';

/** Health files in FHIR R4: a Bundle (`.json`) or one Bundle per line (`.ndjson`). */
export function isFhirFile(file: string): boolean {
  return /\.(nd)?json$/i.test(file);
}

/** Placeholder until the health connector's FHIR reader lands: reads nothing. */
export function fhirFileSource(file: string): RecordSource {
  const total = statSync(file).size;
  void readFileSync;
  return { progress: () => ({ done: total, total }), async *[Symbol.asyncIterator]() { /* filled in with connectors/health/fhir */ } };
}
