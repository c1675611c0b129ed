import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv } from '../../connectors/sdk/files/csv-source';
import { EVENT_TIME_COLUMN, type CsvFile } from '../synthetic/columns';
import { addMonths, parseIsoDay, ymd } from '../synthetic/calendar';
import { DEFAULT_OPTIONS, generate, type Manifest } from '../synthetic/generate';
import { directorySinks } from '../synthetic/sinks';
import { assignMonths, groupByMonth, monthsOf, parseNativeTime, splitBundle, type EventTime, type MonthKey } from './plan';

/** The scenario a demo plays: the synthetic generator's world (`hub generate`) with these knobs. */
export interface ScenarioOptions {
  readonly children: number;
  readonly seed: number;
  /** Months of records before the generator's reference date (its `--months`). */
  readonly months: number;
}

/** One institution's slice of one month: a native file in the institution's own dialect. */
export interface MonthFile {
  /** Institution as `hub import` names it (tribunales, sename, municipios, colegios, salud). */
  readonly institution: string;
  readonly file: string;
}

export interface MonthStep {
  readonly month: MonthKey;
  readonly files: readonly MonthFile[];
}

export interface Scenario {
  readonly dir: string;
  readonly options: ScenarioOptions;
  readonly manifest: Manifest;
  readonly steps: readonly MonthStep[];
}

const CSV_FILES: readonly CsvFile[] = ['tribunales', 'sename', 'municipios', 'colegios', 'salud'];

/** Where a scenario's files live under the hub's home: one folder per scenario, rewritten on every run (same bytes). */
export function scenarioDir(home: string, o: ScenarioOptions): string {
  return path.join(home, 'demo', `semilla-${o.seed}-ninos-${o.children}-meses-${o.months}`);
}

/**
 * Generates the scenario's native files with the synthetic generator, then cuts each into monthly
 * slices (`meses/AAAA-MM/<file>`) in event-time order. The generator is deterministic, so the same
 * options always give the same bytes, hence the same import stream ids: what was played once is
 * recognised as played (playback.ts).
 */
export async function prepareScenario(home: string, o: ScenarioOptions): Promise<Scenario> {
  const dir = scenarioDir(home, o);
  const generated = path.join(dir, 'generado');
  const manifest = await generate({ ...DEFAULT_OPTIONS, seed: o.seed, children: o.children, months: o.months }, directorySinks(generated));
  const reference = parseIsoDay(DEFAULT_OPTIONS.referenceDate)!;
  const start = ymd(addMonths(reference, -o.months));
  const firstMonth = `${start.y}-${String(start.m).padStart(2, '0')}`;

  const slices: { institution: string; fileName: string; months: Map<MonthKey, Buffer> }[] = [];
  for (const file of CSV_FILES) {
    slices.push({ institution: file, fileName: `${file}.csv`, months: await sliceCsv(path.join(generated, `${file}.csv`), EVENT_TIME_COLUMN[file], firstMonth) });
  }
  const bundle = JSON.parse(readFileSync(path.join(generated, 'salud.json'), 'utf8')) as unknown;
  const fhir = new Map([...splitBundle(bundle, firstMonth)].map(([m, b]) => [m, Buffer.from(`${JSON.stringify(b)}\n`, 'utf8')]));
  slices.push({ institution: 'salud', fileName: 'salud.json', months: fhir });

  const monthsDir = path.join(dir, 'meses');
  rmSync(monthsDir, { recursive: true, force: true });
  const steps: MonthStep[] = monthsOf(slices.map((s) => s.months)).map((month) => {
    const files: MonthFile[] = [];
    for (const s of slices) {
      const bytes = s.months.get(month);
      if (!bytes) continue;
      const file = path.join(monthsDir, month, s.fileName);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
      files.push({ institution: s.institution, file });
    }
    return { month, files };
  });
  return { dir, options: o, manifest, steps };
}

/**
 * One CSV file's records by month, each slice a complete file: the original header line and the
 * records' original bytes (so encoding, BOM, separator and quoting stay the institution's).
 */
async function sliceCsv(file: string, timeColumn: string, firstMonth: MonthKey): Promise<Map<MonthKey, Buffer>> {
  const bytes = readFileSync(file);
  const lf = bytes.indexOf(0x0a);
  const crlf = lf > 0 && bytes[lf - 1] === 0x0d;
  const eol = Buffer.from(crlf ? '\r\n' : '\n');
  const header = bytes.subarray(0, crlf ? lf - 1 : lf);
  const raws: Buffer[] = [];
  const times: (EventTime | null)[] = [];
  for await (const r of readCsv(once(bytes))) {
    raws.push(r.raw);
    times.push(parseNativeTime(typeof r.fields?.[timeColumn] === 'string' ? (r.fields[timeColumn] as string) : undefined));
  }
  const out = new Map<MonthKey, Buffer>();
  for (const [month, list] of groupByMonth(raws, assignMonths(times, firstMonth))) {
    out.set(month, Buffer.concat([header, eol, ...list.flatMap((raw) => [raw, eol])]));
  }
  return out;
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}
