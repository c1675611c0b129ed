/**
 * FALLBACK for the speed benchmark only: a dataset made of K copies of a real generated one, for
 * when generating ≥ 1M PersonRecords through the connectors takes too long on a busy machine.
 * Prefer the real set (`chile.ts --children 350000 --seed 13`).
 *
 * Transform of copy k (copy 0 is the original, unchanged):
 *  - sourceRecordId `<id>#r<k>` and truth entity `<entity>#r<k>`: copies are different children;
 *  - RUN body + k × 100,000,000 (9-digit bodies, still in range), with the check digit recomputed
 *    when the original's was right and kept wrong when it was wrong, in the original's format
 *    (dots or not): a mother's RUN on a newborn record moves with the rest of the family;
 *  - identifier values (IPE) prefixed with the digit k;
 *  - names, birth dates, sex, comuna, address and phone unchanged.
 * So copies of a child share names and birth date but not RUN: blocks are K times larger than in
 * a real population of the same size, and records without a RUN look alike across copies — a
 * harder workload for blocking and scoring than real data, never an easier one.
 *
 *   node -r @swc-node/register bench/matching/replicate.ts --from chile-c100000-s12 --times 4
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { PersonRecord } from '../../schemas';
import { formatRun, runCheckDigit } from '../../services/platform/chile';
import { NdjsonWriter, readNdjson, type TruthLine } from './ndjson';
import { datasetFiles, readMeta, writeMeta, type DatasetMeta } from './datasets';

const BODY_SHIFT = 100_000_000;

/** The RUN of copy k, or the value unchanged when it is not `<digits>[-]<dv>`. */
export function shiftRun(run: string | null, k: number): string | null {
  if (run === null || k === 0) return run;
  const m = /^\s*([\d.]+)-?([\dkK])\s*$/.exec(run);
  if (!m) return run;
  const body = Number(m[1]!.replace(/\./g, ''));
  if (!Number.isSafeInteger(body) || body === 0) return run;
  const dv = m[2]!.toUpperCase();
  const next = body + k * BODY_SHIFT;
  const formatted = formatRun(next, { dots: m[1]!.includes('.') });
  if (runCheckDigit(body) === dv) return formatted;
  const right = runCheckDigit(next);
  return `${formatted.slice(0, -1)}${right === '0' ? '1' : '0'}`;
}

export function replicaOf(p: PersonRecord, k: number): PersonRecord {
  if (k === 0) return p;
  return {
    ...p,
    sourceRecordId: `${p.sourceRecordId}#r${k}`,
    run: shiftRun(p.run, k),
    identifiers: p.identifiers.map((i) => ({ scheme: i.scheme, value: `${k}${i.value}` })),
  };
}

export async function replicate(from: string, times: number, log: (s: string) => void = () => undefined): Promise<DatasetMeta> {
  const name = `${from}-x${times}`;
  const files = datasetFiles(name);
  if (existsSync(files.meta)) return readMeta(name);
  const src = datasetFiles(from);
  mkdirSync(files.dir, { recursive: true });
  const out = new NdjsonWriter(files.records);
  const truth = new NdjsonWriter(files.truth);
  for (let k = 0; k < times; k++) {
    log(`${name}: copy ${k + 1}/${times}`);
    for await (const p of readNdjson<PersonRecord>(src.records)) await out.write(replicaOf(p, k));
    for await (const t of readNdjson<TruthLine>(src.truth)) {
      await truth.write(k === 0 ? t : { source: t.source, sourceRecordId: `${t.sourceRecordId}#r${k}`, entity: `${t.entity}#r${k}` });
    }
  }
  await out.close();
  await truth.close();
  return writeMeta(name, { replicatedFrom: from, times, transform: 'bench/matching/replicate.ts (speed benchmark fallback)' });
}

async function main(): Promise<void> {
  const arg = (n: string) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? process.argv[i + 1] : undefined; };
  const from = arg('from');
  if (!from) throw new Error('usage: replicate.ts --from DATASET --times K');
  process.stdout.write(`${JSON.stringify(await replicate(from, Number(arg('times') ?? 4), (s) => process.stderr.write(`${s}\n`)), null, 2)}\n`);
}

if (require.main === module) main().catch((err) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
