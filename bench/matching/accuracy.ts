/**
 * `npm run bench:matching`: pairwise precision / recall / F1 of `hub resolve`'s automatic links on
 * FEBRL 1–3 (with and without the soc_sec_id identifier) and the project's Chilean generator
 * (2,000 and 100,000 children, through the real connectors). Prepares missing datasets, runs
 * `hub resolve` as a child process on each, scores it and writes bench/results/matching.json.
 * Missed targets do not fail the command (it is a measurement): read each dataset's `pass`.
 *
 *   npm run bench:matching -- [--quick] [--only febrl3-noid,chile-small] [--model model.json] [--keep-outputs] [--merge]
 *
 * `--merge` keeps the previous matching.json entries of datasets not run this time (each entry
 * says when and at which commit it was measured), e.g. to refresh FEBRL without the 100k set.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { datasetFiles, readMeta } from './datasets';
import { evaluateFiles, type Evaluation } from './evaluate';
import { FEBRL_DATASETS, prepareFebrl } from './febrl';
import { CHILEAN_SETS, chileanDatasetName, prepareChilean } from './chilean';
import { gitCommit, machineInfo, resolveCommandExists, runResolve } from './run-resolve';

interface Target { readonly precision: number; readonly f1: number }
interface BenchDataset {
  readonly name: string;
  readonly dir: string;
  readonly quick: boolean;
  readonly target: Target;
  prepare(): Promise<void>;
}

const STRICT: Target = { precision: 0.999, f1: 0.99 };
const FEBRL_NO_ID: Target = { precision: 0.999, f1: 0.98 };
const log = (s: string) => process.stderr.write(`${s}\n`);

const DATASETS: readonly BenchDataset[] = [
  ...FEBRL_DATASETS.map((d) => ({
    name: d.name, dir: d.name, quick: true, target: d.withIdentifier ? STRICT : FEBRL_NO_ID,
    prepare: () => prepareFebrl(d.name),
  })),
  {
    name: 'chile-small', dir: chileanDatasetName(CHILEAN_SETS.small.children, CHILEAN_SETS.small.seed), quick: true, target: STRICT,
    prepare: async () => { await prepareChilean(CHILEAN_SETS.small.children, CHILEAN_SETS.small.seed, { log }); },
  },
  {
    name: 'chile-100k', dir: chileanDatasetName(CHILEAN_SETS.large.children, CHILEAN_SETS.large.seed), quick: false, target: STRICT,
    prepare: async () => { await prepareChilean(CHILEAN_SETS.large.children, CHILEAN_SETS.large.seed, { log }); },
  },
];

interface DatasetResult {
  readonly name: string;
  readonly dataset: string;
  readonly records: number;
  readonly entities: number;
  readonly truePairs: number;
  readonly predictedPairs: number | null;
  readonly truePositivePairs: number | null;
  readonly predictedClusters: number | null;
  readonly unassigned: number | null;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
  readonly reviewRecords: number | null;
  readonly seconds: number | null;
  readonly cpuSeconds: number | null;
  readonly recordsPerSecond: number | null;
  readonly peakRssMiB: number | null;
  readonly target: Target;
  readonly pass: boolean;
  readonly error?: string;
  readonly measuredAt?: string;
  readonly gitCommit?: string | null;
  readonly carriedOver?: boolean;
}

function argList(name: string): string[] | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? '').split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}
function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const round = (x: number, d = 4) => Number(x.toFixed(d));

async function benchOne(d: BenchDataset, model: string | undefined, keep: boolean): Promise<DatasetResult> {
  await d.prepare();
  const files = datasetFiles(d.dir);
  const meta = readMeta(d.dir);
  const outDir = path.join(files.dir, 'out');
  mkdirSync(outDir, { recursive: true });
  const output = path.join(outDir, 'assignments.ndjson');
  const reviewOutput = path.join(outDir, 'review.ndjson');
  rmSync(output, { force: true });
  rmSync(reviewOutput, { force: true });
  const base = { name: d.name, dataset: d.dir, records: meta.records, entities: meta.entities, truePairs: meta.truePairs, target: d.target };
  const empty = { predictedPairs: null, truePositivePairs: null, predictedClusters: null, unassigned: null, precision: null, recall: null, f1: null, reviewRecords: null };
  log(`${d.name}: hub resolve on ${meta.records} records…`);
  const run = await runResolve({ input: files.records, output, reviewOutput, model });
  const timing = { seconds: round(run.seconds, 2), cpuSeconds: run.cpuSeconds === null ? null : round(run.cpuSeconds, 2), recordsPerSecond: Math.round(meta.records / run.seconds), peakRssMiB: run.peakRssBytes === null ? null : Math.round(run.peakRssBytes / 2 ** 20) };
  if (run.exitCode !== 0) {
    return { ...base, ...empty, ...timing, pass: false, error: `hub resolve exited ${run.exitCode}: ${(run.stderr.trim() || run.stdout.trim()).split('\n').slice(-3).join(' | ')}` };
  }
  const { evaluation: e } = await evaluateFiles({ records: files.records, truth: files.truth, assignments: output, review: reviewOutput });
  if (!keep) rmSync(outDir, { recursive: true, force: true });
  const pass = e.precision >= d.target.precision && e.f1 >= d.target.f1 && e.unassigned === 0;
  return {
    ...base, ...timing, predictedPairs: e.predictedPairs, truePositivePairs: e.truePositivePairs, predictedClusters: e.predictedClusters,
    unassigned: e.unassigned, precision: round(e.precision, 5), recall: round(e.recall, 5), f1: round(e.f1, 5), reviewRecords: e.reviewRecords,
    pass, ...(e.unassigned > 0 ? { error: `${e.unassigned} records have no assignment line in --out` } : {}),
  } satisfies DatasetResult & Partial<Evaluation>;
}

function table(rows: readonly DatasetResult[]): string {
  const f = (x: number | null, d = 4) => (x === null ? '—' : x.toFixed(d));
  const head = ['dataset', 'records', 'entities', 'true pairs', 'pred pairs', 'precision', 'recall', 'F1', 'review', 'seconds', 'target P/F1', 'pass'];
  const body = rows.map((r) => [
    r.name, String(r.records), String(r.entities), String(r.truePairs), r.predictedPairs === null ? '—' : String(r.predictedPairs),
    f(r.precision), f(r.recall), f(r.f1), r.reviewRecords === null ? '—' : String(r.reviewRecords), f(r.seconds, 1),
    `${r.target.precision}/${r.target.f1}`, r.pass ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const only = argList('only');
  const quick = process.argv.includes('--quick');
  const keep = process.argv.includes('--keep-outputs');
  const model = argValue('model');
  const chosen = DATASETS.filter((d) => (only ? only.includes(d.name) || only.includes(d.dir) : !quick || d.quick));
  if (chosen.length === 0) throw new Error(`no dataset selected; names: ${DATASETS.map((d) => d.name).join(', ')}`);
  if (!resolveCommandExists()) log('warning: `hub resolve` is not in `hub --help`; every dataset will report the failure');
  const results: DatasetResult[] = [];
  const commit = gitCommit();
  for (const d of chosen) {
    const r = { ...(await benchOne(d, model, keep)), measuredAt: new Date().toISOString(), gitCommit: commit };
    results.push(r);
    log(`${d.name}: ${r.error ?? `P ${r.precision} R ${r.recall} F1 ${r.f1} in ${r.seconds} s`}`);
  }
  const resultsDir = path.join(__dirname, '..', 'results');
  const resultFile = path.join(resultsDir, 'matching.json');
  if (process.argv.includes('--merge') && existsSync(resultFile)) {
    const previous = JSON.parse(readFileSync(resultFile, 'utf8')) as { datasets: DatasetResult[]; at: string; gitCommit: string | null };
    for (const old of previous.datasets) {
      if (results.some((r) => r.name === old.name)) continue;
      results.push({ ...old, measuredAt: old.measuredAt ?? previous.at, gitCommit: old.gitCommit ?? previous.gitCommit, carriedOver: true });
    }
    const order = DATASETS.map((d) => d.name);
    results.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  }
  process.stdout.write(`\n${table(results)}\n`);
  if (results.some((r) => r.carriedOver)) process.stdout.write(`(carried over from an earlier run: ${results.filter((r) => r.carriedOver).map((r) => r.name).join(', ')})\n`);
  const failed = results.filter((r) => !r.pass);
  if (failed.length) {
    process.stdout.write(`\nMissed: ${failed.map((r) => r.name).join(', ')}. Error analysis:\n`);
    for (const r of failed.slice(0, 3)) {
      const out = keep ? `bench/matching/data/${r.dataset}/out/` : `/tmp/${r.name}.`;
      if (!keep) process.stdout.write(`  node infra/cli/hub.js resolve --in bench/matching/data/${r.dataset}/records.ndjson --out ${out}assignments.ndjson --review-out ${out}review.ndjson\n`);
      process.stdout.write(`  node -r @swc-node/register bench/matching/evaluate.ts --dataset ${r.dataset} --assignments ${out}assignments.ndjson --review ${out}review.ndjson --errors 20 --explain\n`);
    }
  }
  const summary = {
    benchmark: 'matching-accuracy',
    metric: 'pairwise precision/recall/F1 of automatic links (records in review count as unlinked)',
    model: model ?? 'default', quick, only: only ?? null,
    allPass: failed.length === 0,
    datasets: results,
    machine: await machineInfo(), gitCommit: commit, at: new Date().toISOString(),
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(resultFile, JSON.stringify(summary, null, 2) + '\n');
  process.stdout.write('\nwritten bench/results/matching.json\n');
}

main().catch((err) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
