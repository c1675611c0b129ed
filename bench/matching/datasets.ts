import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readNdjson, type TruthLine } from './ndjson';

/** Prepared datasets live here (gitignored): `<name>/records.ndjson`, `truth.ndjson`, `meta.json`. */
export const DATA_DIR = path.join(__dirname, 'data');
export const FEBRL_DIR = process.env.FEBRL_DIR ?? '/work/shared/data/febrl';

export interface DatasetFiles {
  readonly dir: string;
  /** One PersonRecord per line: the `hub resolve --in` file. */
  readonly records: string;
  /** One `{source, sourceRecordId, entity}` per record. */
  readonly truth: string;
  readonly meta: string;
}

export function datasetFiles(name: string): DatasetFiles {
  const dir = path.join(DATA_DIR, name);
  return { dir, records: path.join(dir, 'records.ndjson'), truth: path.join(dir, 'truth.ndjson'), meta: path.join(dir, 'meta.json') };
}

export interface DatasetMeta {
  readonly name: string;
  readonly records: number;
  readonly entities: number;
  /** Σ C(n,2) over entities: every unordered pair of records about the same entity. */
  readonly truePairs: number;
  readonly singletons: number;
  readonly largestEntity: number;
  readonly [extra: string]: unknown;
}

/** Counts a prepared dataset's truth and writes meta.json (written last: its presence means "prepared"). */
export async function writeMeta(name: string, extra: Record<string, unknown>): Promise<DatasetMeta> {
  const sizes = new Map<string, number>();
  let records = 0;
  for await (const t of readNdjson<TruthLine>(datasetFiles(name).truth)) {
    records++;
    sizes.set(t.entity, (sizes.get(t.entity) ?? 0) + 1);
  }
  let truePairs = 0;
  let singletons = 0;
  let largestEntity = 0;
  for (const n of sizes.values()) {
    truePairs += (n * (n - 1)) / 2;
    if (n === 1) singletons++;
    largestEntity = Math.max(largestEntity, n);
  }
  const meta: DatasetMeta = { name, records, entities: sizes.size, truePairs, singletons, largestEntity, ...extra };
  writeFileSync(datasetFiles(name).meta, JSON.stringify(meta, null, 2) + '\n');
  return meta;
}

export function readMeta(name: string): DatasetMeta {
  return JSON.parse(readFileSync(datasetFiles(name).meta, 'utf8')) as DatasetMeta;
}
