import { parseCsv } from './csv';
import { DIALECTS } from './dialects';
import { DEFAULT_OPTIONS, generate, type GenerateOptions, type Manifest } from './generate';
import { TRUTH_COLUMNS } from './outputs';
import { memorySinks } from './sinks';

/** Test support: a generated set in memory, and its files read back. */
export interface Generated {
  readonly manifest: Manifest;
  readonly files: ReadonlyMap<string, Buffer>;
}

export async function generateInMemory(over: Partial<GenerateOptions>): Promise<Generated> {
  const sinks = memorySinks();
  const manifest = await generate({ ...DEFAULT_OPTIONS, ...over }, sinks);
  return { manifest, files: sinks.files };
}

export type Row = { line: number; cells: Record<string, string> };

/** A native CSV file's rows, decoded with its dialect (realistic, not --plain). */
export function rowsOf(g: Generated, fileName: string): Row[] {
  const dialect = Object.values(DIALECTS).find((d) => d.fileName === fileName)!;
  const bytes = g.files.get(fileName);
  if (!bytes) throw new Error(`${fileName} was not generated`);
  return parseCsv(bytes.toString(dialect.encoding), dialect.separator).rows;
}

export type TruthRow = Readonly<Record<(typeof TRUTH_COLUMNS)[number], string>>;

export function truthOf(g: Generated): TruthRow[] {
  return parseCsv(g.files.get('truth.csv')!.toString('utf8'), ',').rows.map((r) => r.cells as TruthRow);
}

export interface FhirEntry { readonly fullUrl: string; readonly resource: Record<string, unknown> & { resourceType: string; id: string } }

export function bundleOf(g: Generated): { entry: FhirEntry[] } {
  return JSON.parse(g.files.get('salud.json')!.toString('utf8')) as { entry: FhirEntry[] };
}
