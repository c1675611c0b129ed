import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEALTH_CONNECTOR } from '../../connectors/health';
import { MUNICIPALITY_CONNECTOR } from '../../connectors/municipality';
import { csvFileSource } from '../../connectors/sdk/files/csv-source';
import type { RecordSource } from '../../connectors/sdk/files/source-record';
import { processRecord } from '../../connectors/sdk/process-record';
import type { ConnectorSpec } from '../../connectors/sdk/record-kind';
import { SCHOOL_CONNECTOR } from '../../connectors/school';
import { SENAME_CONNECTOR } from '../../connectors/sename';
import { TRIBUNAL_CONNECTOR } from '../../connectors/tribunal';
import { fhirFileSource } from '../import/fhir-source';
import { parseCsv } from './csv';
import { DEFAULT_OPTIONS, generate, type GenerateOptions } from './generate';
import { directorySinks } from './sinks';
import { readFileSync } from 'node:fs';

/**
 * The contract test between the generator and the connectors: the generated files are read with
 * the import's own readers (CSV: separator, encoding and quotes detected per file; FHIR: the
 * bundle reader), and every record the truth file marks PUBLISH must be accepted by its
 * connector, every DLQ record rejected, and the accepted child id must be the one the truth names.
 */
const FILES: readonly [string, ConnectorSpec][] = [
  ['tribunales.csv', TRIBUNAL_CONNECTOR], ['sename.csv', SENAME_CONNECTOR], ['municipios.csv', MUNICIPALITY_CONNECTOR],
  ['colegios.csv', SCHOOL_CONNECTOR], ['salud.csv', HEALTH_CONNECTOR], ['salud.json', HEALTH_CONNECTOR],
];
const ctx = { recordedAt: Date.UTC(2024, 0, 2), traceId: null };

interface Verdict { readonly file: string; readonly location: string; readonly expected: string; readonly problem: string }

async function check(dir: string): Promise<{ checked: number; wrong: Verdict[]; unseen: number; byExpectation: Record<string, number> }> {
  const truth = parseCsv(readFileSync(join(dir, 'truth.csv'), 'utf8'), ',').rows.map((r) => r.cells);
  const byLocation = new Map(truth.map((t) => [`${t.file}@${t.line ? `línea ${t.line}` : `entry[${t.entry}]`}`, t]));
  const wrong: Verdict[] = [];
  const byExpectation: Record<string, number> = {};
  let checked = 0;
  for (const [file, spec] of FILES) {
    const source: RecordSource = file.endsWith('.json') ? fhirFileSource(join(dir, file)) : csvFileSource(join(dir, file));
    for await (const rec of source) {
      const t = byLocation.get(`${file}@${rec.location}`);
      if (!t) { wrong.push({ file, location: rec.location, expected: '(no truth row)', problem: JSON.stringify(rec.issues) }); continue; }
      byLocation.delete(`${file}@${rec.location}`);
      checked++;
      byExpectation[t.expected!] = (byExpectation[t.expected!] ?? 0) + 1;
      const outcome = rec.fields && rec.issues.length === 0 ? processRecord(spec, rec.fields, ctx) : null;
      const accepted = outcome?.ok === true;
      if (t.expected === 'PUBLISH' && !accepted) {
        wrong.push({ file, location: rec.location, expected: t.expected, problem: JSON.stringify(outcome && !outcome.ok ? outcome.issues : rec.issues) });
      } else if (t.expected === 'DLQ' && accepted) {
        wrong.push({ file, location: rec.location, expected: `DLQ (${t.invalid})`, problem: 'accepted' });
      } else if (outcome?.ok) {
        const person = outcome.messages[0]!.value.person as { sourceRecordId: string } | undefined;
        if (outcome.kind.kind !== t.kind) wrong.push({ file, location: rec.location, expected: t.kind!, problem: `kind ${outcome.kind.kind}` });
        if ((person?.sourceRecordId ?? '') !== t.source_child_id) wrong.push({ file, location: rec.location, expected: t.source_child_id!, problem: `child ${person?.sourceRecordId}` });
      }
    }
  }
  return { checked, wrong, unseen: byLocation.size, byExpectation };
}

describe('generated files against the connectors', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'hub-generate-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each<[string, Partial<GenerateOptions>]>([
    ['realistic dialects', {}],
    ['--plain', { plain: true, seed: 8 }],
  ])('Given %s for ~200 children, When every record is read by the import and processed by its connector, Then PUBLISH rows are accepted with the true child id and DLQ rows are rejected', async (_name, over) => {
    const out = join(dir, _name.replace(/\W+/g, '-'));
    const manifest = await generate({ ...DEFAULT_OPTIONS, children: 200, seed: 5, invalidRate: 0.05, ...over }, directorySinks(out));
    const { checked, wrong, unseen, byExpectation } = await check(out);
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(unseen).toBe(0);
    expect(checked).toBe(manifest.truth.rows);
    expect(byExpectation.DLQ).toBeGreaterThan(20);
    expect(byExpectation.PUBLISH).toBeGreaterThan(1000);
  }, 60000); // a few thousand records through every connector: seconds on a loaded 2-core machine
});
