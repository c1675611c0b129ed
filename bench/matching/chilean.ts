/**
 * Chilean matching datasets from the project's own generator, through the REAL connectors:
 * `hub generate` writes the five institutions' native files and truth.csv; every native record is
 * validated and mapped by its connector (connectors/sdk/process-record.ts), exactly as `hub import`
 * does, and the accepted event's `person` block is the PersonRecord. Rejected records (the
 * generator's deliberate DLQ share) never reach matching, so they are left out here too.
 *
 * One child has many events in one institution, all carrying the same source record
 * (source + sourceRecordId): one PersonRecord is kept per source record — the one of the latest
 * event (occurredAt, then file order) when the blocks differ. Truth: truth.csv's child_id of the
 * source record (joined on institution + source_child_id, which is how connectors qualify ids).
 *
 *   node -r @swc-node/register bench/matching/chilean.ts --children 2000 --seed 11 [--force] [--keep-native]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PersonRecord } from '../../schemas';
import { csvFileSource } from '../../connectors/sdk/files/csv-source';
import type { RecordSource } from '../../connectors/sdk/files/source-record';
import { processRecord } from '../../connectors/sdk/process-record';
import type { ConnectorSpec } from '../../connectors/sdk/record-kind';
import { HEALTH_CONNECTOR } from '../../connectors/health';
import { MUNICIPALITY_CONNECTOR } from '../../connectors/municipality';
import { SCHOOL_CONNECTOR } from '../../connectors/school';
import { SENAME_CONNECTOR } from '../../connectors/sename';
import { TRIBUNAL_CONNECTOR } from '../../connectors/tribunal';
import { fhirFileSource } from '../../infra/import/fhir-source';
import { NdjsonWriter, recordKey, type TruthLine } from './ndjson';
import { datasetFiles, readMeta, writeMeta, type DatasetMeta } from './datasets';

const REPO = path.join(__dirname, '..', '..');

/** The generator's files and the connector that reads each; HEALTH comes in two files (CSV and FHIR). */
const NATIVE_FILES: readonly { file: string; spec: ConnectorSpec }[] = [
  { file: 'tribunales.csv', spec: TRIBUNAL_CONNECTOR },
  { file: 'sename.csv', spec: SENAME_CONNECTOR },
  { file: 'municipios.csv', spec: MUNICIPALITY_CONNECTOR },
  { file: 'colegios.csv', spec: SCHOOL_CONNECTOR },
  { file: 'salud.csv', spec: HEALTH_CONNECTOR },
  { file: 'salud.json', spec: HEALTH_CONNECTOR },
];

export function chileanDatasetName(children: number, seed: number): string {
  return `chile-c${children}-s${seed}`;
}

/** The small set engineer A iterates on, the done-when set and the speed set (≥ 1M PersonRecords). */
export const CHILEAN_SETS = {
  small: { children: 2_000, seed: 11 },
  large: { children: 100_000, seed: 12 },
  speed: { children: 350_000, seed: 13 },
} as const;

interface Kept { json: string; occurredAt: number; order: number }

/** Generates (when missing) and converts one Chilean dataset; returns its meta. */
export async function prepareChilean(children: number, seed: number, opts: { force?: boolean; keepNative?: boolean; log?: (s: string) => void } = {}): Promise<DatasetMeta> {
  const name = chileanDatasetName(children, seed);
  const files = datasetFiles(name);
  if (!opts.force && existsSync(files.meta)) return readMeta(name);
  const log = opts.log ?? (() => undefined);
  const native = path.join(files.dir, 'native');
  mkdirSync(files.dir, { recursive: true });
  const started = Date.now();
  if (opts.force || !existsSync(path.join(native, 'manifest.json'))) {
    log(`${name}: hub generate --children ${children} --seed ${seed}`);
    execFileSync(process.execPath, [path.join(REPO, 'infra/cli/hub.js'), 'generate', '--children', String(children), '--seed', String(seed), '--out', native],
      { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, HUB_LANG: 'en' } });
  }
  const generatedSeconds = (Date.now() - started) / 1000;

  log(`${name}: reading truth.csv`);
  const truth = await readTruth(path.join(native, 'truth.csv'));

  const out = new NdjsonWriter(files.records);
  const truthOut = new NdjsonWriter(files.truth);
  const stats = { nativeRecords: 0, accepted: 0, rejected: 0, withoutPerson: 0, differingBlocks: 0, missingTruth: 0, acceptedButTruthDlq: 0 };
  const perSource: Record<string, number> = {};
  // One map per institution, written out before the next one: memory holds one institution at a time.
  for (const spec of [TRIBUNAL_CONNECTOR, SENAME_CONNECTOR, MUNICIPALITY_CONNECTOR, SCHOOL_CONNECTOR, HEALTH_CONNECTOR]) {
    const kept = new Map<string, Kept>();
    let order = 0;
    for (const nf of NATIVE_FILES.filter((f) => f.spec === spec)) {
      const file = path.join(native, nf.file);
      if (!existsSync(file)) continue;
      log(`${name}: ${nf.file} through the ${spec.institution} connector`);
      const source: RecordSource = nf.file.endsWith('.json') ? fhirFileSource(file) : csvFileSource(file);
      for await (const rec of source) {
        stats.nativeRecords++;
        if (!rec.fields) { stats.rejected++; continue; }
        const r = processRecord(spec, rec.fields, { recordedAt: 0, traceId: null });
        if (!r.ok) { stats.rejected++; continue; }
        stats.accepted++;
        const value = r.messages[0]!.value as { person?: PersonRecord | null; envelope: { occurredAt: number } };
        if (!value.person) { stats.withoutPerson++; continue; }
        const p = value.person;
        const key = recordKey(p.source, p.sourceRecordId);
        const json = JSON.stringify(p);
        const occurredAt = value.envelope.occurredAt;
        const prev = kept.get(key);
        order++;
        if (!prev) { kept.set(key, { json, occurredAt, order }); continue; }
        if (prev.json !== json) stats.differingBlocks++;
        if (occurredAt >= prev.occurredAt) kept.set(key, { json, occurredAt, order });
      }
    }
    for (const [key, k] of kept) {
      const p = JSON.parse(k.json) as PersonRecord;
      const t = truth.get(key);
      if (!t) { stats.missingTruth++; continue; }
      if (!t.published) stats.acceptedButTruthDlq++;
      await out.write(p);
      await truthOut.write({ source: p.source, sourceRecordId: p.sourceRecordId, entity: t.childId } satisfies TruthLine);
      perSource[p.source] = (perSource[p.source] ?? 0) + 1;
    }
  }
  await out.close();
  await truthOut.close();
  if (!opts.keepNative) rmSync(native, { recursive: true, force: true });
  const meta = await writeMeta(name, {
    generator: { children, seed, command: `hub generate --children ${children} --seed ${seed}` },
    recordsPerSource: perSource, ...stats, truthConflicts: truth.conflicts,
    prepareSeconds: Number(((Date.now() - started) / 1000).toFixed(1)), generateSeconds: Number(generatedSeconds.toFixed(1)),
  });
  log(`${name}: ${meta.records} PersonRecords, ${meta.entities} children, ${meta.truePairs} true pairs`);
  return meta;
}

/**
 * truth.csv → `INSTITUTION|source_child_id` → child. A source record maps to one child; a
 * conflict (two children under one source id) would make the truth itself wrong, so it is counted.
 */
async function readTruth(file: string): Promise<Map<string, { childId: string; published: boolean }> & { conflicts: number }> {
  const map = new Map<string, { childId: string; published: boolean }>() as Map<string, { childId: string; published: boolean }> & { conflicts: number };
  map.conflicts = 0;
  for await (const rec of csvFileSource(file, { encoding: 'utf8' })) {
    const f = rec.fields as Record<string, string> | null;
    if (!f || !f.child_id || !f.source_child_id) continue;
    const key = recordKey(f.institution!, f.source_child_id);
    const prev = map.get(key);
    if (prev && prev.childId !== f.child_id) map.conflicts++;
    if (!prev || f.expected === 'PUBLISH') map.set(key, { childId: f.child_id, published: (prev?.published ?? false) || f.expected === 'PUBLISH' });
  }
  return map;
}

async function main(): Promise<void> {
  const num = (flag: string, fallback: number) => {
    const i = process.argv.indexOf(flag);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const meta = await prepareChilean(num('--children', CHILEAN_SETS.small.children), num('--seed', CHILEAN_SETS.small.seed), {
    force: process.argv.includes('--force'), keepNative: process.argv.includes('--keep-native'),
    log: (s) => process.stderr.write(`${s}\n`),
  });
  process.stdout.write(`${JSON.stringify(meta, null, 2)}\n`);
}

if (require.main === module) main().catch((err) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
