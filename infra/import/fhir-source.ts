import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { bundleToNativeRows } from '../../connectors/health';
import type { RecordSource, SourceRecord } from '../../connectors/sdk/files/source-record';

/** Health files in FHIR R4: a Bundle (`.json`) or one Bundle per line (`.ndjson`). */
export function isFhirFile(file: string): boolean {
  return /\.(nd)?json$/i.test(file);
}

/**
 * Reads FHIR bundles as native health rows (connectors/health/fhir): one record per emergency
 * Encounter or EpisodeOfCare, plus one record per structural problem (an unresolvable subject,
 * a line that is not JSON), so every problem is dead-lettered and counted. Entries deliberately
 * left out (other resource types, non-emergency encounters) are not records.
 */
export function fhirFileSource(file: string): RecordSource {
  const total = statSync(file).size;
  let done = 0;
  const ndjson = /\.ndjson$/i.test(file);
  async function* bundles(): AsyncGenerator<{ text: string; where: string }> {
    if (!ndjson) {
      const text = readFileSync(file, 'utf8');
      done = total;
      yield { text, where: '' };
      return;
    }
    let lineNo = 0;
    for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      lineNo++;
      done += Buffer.byteLength(line) + 1;
      if (line.trim() !== '') yield { text: line, where: `línea ${lineNo}, ` };
    }
  }
  async function* records(): AsyncGenerator<SourceRecord> {
    let recordNo = 0;
    for await (const { text, where } of bundles()) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        yield { recordNo: ++recordNo, location: `${where}bundle`, raw: Buffer.from(text), fields: null, issues: [{ field: '(bundle)', code: 'FHIR_NOT_A_BUNDLE' }] };
        continue;
      }
      const entries = (json as { entry?: unknown[] })?.entry;
      const rawOf = (i: number | null) => Buffer.from(JSON.stringify(i !== null && Array.isArray(entries) ? entries[i] ?? null : json));
      const { rows, issues } = bundleToNativeRows(json);
      for (const r of rows) yield { recordNo: ++recordNo, location: `${where}entry[${r.entryIndex}]`, raw: rawOf(r.entryIndex), fields: r.row, issues: [] };
      for (const i of issues) yield { recordNo: ++recordNo, location: `${where}${i.entryIndex === null ? 'bundle' : `entry[${i.entryIndex}]`}`, raw: rawOf(i.entryIndex), fields: null, issues: [{ field: i.field, code: i.code }] };
    }
  }
  return { progress: () => ({ done, total }), [Symbol.asyncIterator]: () => records() };
}
