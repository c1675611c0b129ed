import { fhirInstant } from './calendar';
import { COLUMNS } from './columns';
import { csvLine } from './csv';
import type { Dialect } from './dialects';
import { encounterResource, episodeResource, fullUrlOf, outpatientResource, patientResource } from './fhir';
import { qualifiedChildId, type Institution } from './records';
import { hashText, rngOf, STREAM } from './random';
import { csvCells, type Rendered } from './render';
import type { ByteSink } from './sinks';
import { TextSink } from './sinks';

/** Counts of one output file, for the manifest and the CLI summary. */
export interface FileSummary {
  readonly file: string;
  readonly institution: Institution;
  readonly format: 'csv' | 'fhir-bundle';
  readonly encoding: 'utf-8' | 'iso-8859-1';
  readonly separator?: string;
  readonly lineEnding?: 'LF' | 'CRLF';
  readonly bom?: boolean;
  readonly quoting?: 'minimal' | 'all';
  records: number;
  publish: number;
  dlq: number;
  bytes: number;
  readonly byKind: Record<string, number>;
  readonly dlqByReason: Record<string, number>;
  /** FHIR only: every entry, resources by type, and entries that are no record (outpatient encounters). */
  entries?: number;
  resources?: Record<string, number>;
  ignoredEntries?: number;
}

export const TRUTH_COLUMNS = ['institution', 'file', 'line', 'entry', 'record_id', 'unit', 'kind', 'child_id', 'source_child_id', 'expected', 'invalid', 'noise', 'traits'] as const;

/** truth.csv: one row per record of every native file, saying which child it is really about. */
export class TruthOutput {
  readonly fileName = 'truth.csv';
  rows = 0;
  private readonly text: TextSink;

  constructor(sink: ByteSink) {
    this.text = new TextSink(sink, 'utf8');
    this.text.write(`${TRUTH_COLUMNS.join(',')}\n`);
  }

  add(r: Rendered, file: string, where: { line?: number; entry?: number }, idNna: string | null): void {
    const f = r.fact;
    this.rows++;
    this.text.write(`${csvLine([
      f.institution, file, where.line === undefined ? '' : String(where.line), where.entry === undefined ? '' : String(where.entry),
      f.recordId, f.unit, f.kind, f.child?.id ?? '', idNna === null ? '' : qualifiedChildId(f.institution, f.unit, idNna),
      r.invalid ? 'DLQ' : 'PUBLISH', r.invalid ?? '', r.view?.noise.join('|') ?? '', r.traits.join('|'),
    ], ',', false)}\n`);
  }

  get bytes(): number { return this.text.bytes; }
  flush(): Promise<void> { return this.text.flush(); }
  end(): Promise<void> { return this.text.end(); }
}

function count(summary: FileSummary, r: Rendered): void {
  summary.records++;
  summary.byKind[r.fact.kind] = (summary.byKind[r.fact.kind] ?? 0) + 1;
  if (r.invalid) {
    summary.dlq++;
    summary.dlqByReason[r.invalid] = (summary.dlqByReason[r.invalid] ?? 0) + 1;
  } else summary.publish++;
}

/** One institution's CSV file in its dialect. */
export class CsvOutput {
  readonly summary: FileSummary;
  private readonly text: TextSink;

  constructor(readonly dialect: Dialect, sink: ByteSink, private readonly seed: number, private readonly truth: TruthOutput) {
    this.text = new TextSink(sink, dialect.encoding);
    this.summary = {
      file: dialect.fileName, institution: dialect.institution, format: 'csv', encoding: dialect.encoding === 'utf8' ? 'utf-8' : 'iso-8859-1',
      separator: dialect.separator, lineEnding: dialect.eol === '\n' ? 'LF' : 'CRLF', bom: dialect.bom, quoting: dialect.quoteAll ? 'all' : 'minimal',
      records: 0, publish: 0, dlq: 0, bytes: 0, byKind: {}, dlqByReason: {},
    };
    this.text.write(`${dialect.bom ? '\uFEFF' : ''}${csvLine(COLUMNS[dialect.file], dialect.separator, dialect.quoteAll)}${dialect.eol}`);
  }

  add(r: Rendered): void {
    // The corruption's own draws come from the record's id, so they do not depend on what else is written.
    const rng = rngOf(this.seed, STREAM.invalid, hashText(r.fact.recordId));
    const line = this.text.write(`${csvLine(csvCells(r, this.dialect, rng), this.dialect.separator, this.dialect.quoteAll)}${this.dialect.eol}`);
    count(this.summary, r);
    this.truth.add(r, this.dialect.fileName, { line }, r.view?.idNna ?? null);
  }

  async flush(): Promise<void> { await this.text.flush(); this.summary.bytes = this.text.bytes; }
  async end(): Promise<void> { await this.text.end(); this.summary.bytes = this.text.bytes; }
}

/**
 * salud.json: one FHIR R4 Bundle (type collection) streamed entry by entry. A Patient entry
 * comes before the first record that refers to it; some establishments refer to patients as
 * `Patient/<id>`, others by the entry's fullUrl.
 */
export class FhirOutput {
  readonly summary: FileSummary;
  private readonly text: TextSink;
  private entry = 0;
  private patients = new Set<string>();

  constructor(sink: ByteSink, private readonly seed: number, private readonly truth: TruthOutput) {
    this.text = new TextSink(sink, 'utf8');
    this.summary = {
      file: 'salud.json', institution: 'HEALTH', format: 'fhir-bundle', encoding: 'utf-8',
      records: 0, publish: 0, dlq: 0, bytes: 0, byKind: {}, dlqByReason: {}, entries: 0, resources: {}, ignoredEntries: 0,
    };
    this.text.write('{"resourceType":"Bundle","type":"collection","entry":[\n');
  }

  /** Patients are per family: a child's records all come with their family. */
  newFamily(): void { this.patients = new Set(); }

  add(r: Rendered): void {
    const view = r.view!;
    const code = r.fact.unit;
    const patientUrl = fullUrlOf(this.seed, `Patient/${code}/${view.idNna}`);
    const byUrl = hashText(code) % 2 === 0;
    const subject = byUrl ? patientUrl : `Patient/${view.idNna}`;
    if (!this.patients.has(patientUrl)) {
      this.patients.add(patientUrl);
      this.put(patientUrl, patientResource(view, hashText(code)));
    }
    const variant = hashText(r.fact.recordId);
    const resource = r.fact.kind === 'ATENCION_URGENCIA' ? encounterResource(r, subject, code, variant) : episodeResource(r, subject, code);
    const entry = this.put(fullUrlOf(this.seed, `${resource.resourceType as string}/${r.fact.recordId}`), resource);
    count(this.summary, r);
    this.truth.add(r, 'salud.json', { entry }, view.idNna);
    if (r.fact.kind === 'ATENCION_URGENCIA' && variant % 10 === 0) {
      const id = `amb-${r.fact.recordId}`;
      this.put(fullUrlOf(this.seed, `Encounter/${id}`), outpatientResource(id, subject, fhirInstant(r.fact.at), code));
      this.summary.ignoredEntries!++;
    }
  }

  private put(fullUrl: string, resource: Record<string, unknown>): number {
    const index = this.entry++;
    this.text.write(`${index === 0 ? '' : ',\n'}${JSON.stringify({ fullUrl, resource })}`);
    this.summary.entries!++;
    const type = resource.resourceType as string;
    this.summary.resources![type] = (this.summary.resources![type] ?? 0) + 1;
    return index;
  }

  async flush(): Promise<void> { await this.text.flush(); this.summary.bytes = this.text.bytes; }
  async end(): Promise<void> {
    this.text.write('\n]}\n');
    await this.text.end();
    this.summary.bytes = this.text.bytes;
  }
}
