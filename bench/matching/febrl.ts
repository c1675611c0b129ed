/**
 * FEBRL datasets 1–3 (/work/shared/data/febrl) as PersonRecord NDJSON plus truth, in two variants:
 * with `soc_sec_id` as identifier scheme `soc_sec_id`, and without any identifier.
 *
 *   node -r @swc-node/register bench/matching/febrl.ts [--force]     # writes bench/matching/data/febrl*-{id,noid}/
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PersonRecord } from '../../schemas';
import { NdjsonWriter, type TruthLine } from './ndjson';
import { FEBRL_DIR, datasetFiles, writeMeta } from './datasets';

export const FEBRL_SOURCE = 'FEBRL';
export const FEBRL_ID_SCHEME = 'soc_sec_id';

const COLUMNS = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id'] as const;
type FebrlRow = Readonly<Record<(typeof COLUMNS)[number], string>>;

/** Parses a FEBRL CSV: header row, `, ` separators, no quoting, every value kept as a string. */
export function parseFebrlCsv(text: string): FebrlRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',').map((h) => h.trim());
  if (COLUMNS.some((c, i) => header[i] !== c)) throw new Error(`unexpected FEBRL header: ${lines[0]}`);
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== COLUMNS.length) throw new Error(`FEBRL line ${i + 2}: ${cells.length} cells, expected ${COLUMNS.length}`);
    return Object.fromEntries(COLUMNS.map((c, j) => [c, cells[j]!])) as FebrlRow;
  });
}

/** `rec-12-org` / `rec-12-dup-3` → `12`: two records are the same person iff they share it. */
export function febrlEntity(recId: string): string {
  const m = /^rec-(\d+)-(?:org|dup-\d+)$/.exec(recId);
  if (!m) throw new Error(`not a FEBRL rec_id: ${recId}`);
  return m[1]!;
}

/**
 * `YYYYMMDD` → `YYYY-MM-DD` when well formed (8 digits, month 01–12, day 01–31); anything else
 * (transposed digits such as `19729518`, missing) → null. A well-formed but impossible day such as
 * 30 February is kept: the schema says doubtful dates reach matching unchanged.
 */
export function febrlBirthDate(v: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const orNull = (v: string): string | null => (v === '' ? null : v);

/** One FEBRL row as a PersonRecord: surname as paternal surname, no maternal surname, sex, comuna or RUN. */
export function febrlToPerson(row: FebrlRow, withIdentifier: boolean): PersonRecord {
  const streetLine = [row.street_number, row.address_1].filter((x) => x !== '').join(' ');
  const street = [streetLine, row.address_2].filter((x) => x !== '').join(', ');
  const address = { street: orNull(street), locality: orNull(row.suburb), postcode: orNull(row.postcode), region: orNull(row.state) };
  const hasAddress = Object.values(address).some((v) => v !== null);
  return {
    source: FEBRL_SOURCE,
    sourceRecordId: row.rec_id,
    run: null,
    identifiers: withIdentifier && row.soc_sec_id !== '' ? [{ scheme: FEBRL_ID_SCHEME, value: row.soc_sec_id }] : [],
    givenNames: orNull(row.given_name),
    paternalSurname: orNull(row.surname),
    maternalSurname: null,
    birthDate: febrlBirthDate(row.date_of_birth),
    sex: null,
    comunaCode: null,
    address: hasAddress ? address : null,
    phone: null,
  };
}

export const FEBRL_DATASETS = [1, 2, 3].flatMap((n) => [
  { name: `febrl${n}-id`, file: `dataset${n}.csv`, withIdentifier: true },
  { name: `febrl${n}-noid`, file: `dataset${n}.csv`, withIdentifier: false },
]);

/** Writes one FEBRL variant's records.ndjson, truth.ndjson and meta.json (skipped when present unless `force`). */
export async function prepareFebrl(name: string, force = false): Promise<void> {
  const d = FEBRL_DATASETS.find((x) => x.name === name);
  if (!d) throw new Error(`unknown FEBRL dataset ${name}`);
  const files = datasetFiles(name);
  if (!force && existsSync(files.meta)) return;
  mkdirSync(files.dir, { recursive: true });
  const rows = parseFebrlCsv(readFileSync(path.join(FEBRL_DIR, d.file), 'utf8'));
  const records = new NdjsonWriter(files.records);
  const truth = new NdjsonWriter(files.truth);
  for (const row of rows) {
    await records.write(febrlToPerson(row, d.withIdentifier));
    await truth.write({ source: FEBRL_SOURCE, sourceRecordId: row.rec_id, entity: febrlEntity(row.rec_id) } satisfies TruthLine);
  }
  await records.close();
  await truth.close();
  await writeMeta(name, { source: `${FEBRL_DIR}/${d.file}`, withIdentifier: d.withIdentifier, identifierScheme: d.withIdentifier ? FEBRL_ID_SCHEME : null });
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  for (const d of FEBRL_DATASETS) {
    await prepareFebrl(d.name, force);
    process.stdout.write(`${d.name}: ${readFileSync(datasetFiles(d.name).meta, 'utf8')}`);
  }
}

if (require.main === module) main().catch((err) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
