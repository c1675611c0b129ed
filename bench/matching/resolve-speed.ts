/**
 * `npm run bench:resolve`: wall time and peak memory of `hub resolve` on ≥ 1,000,000 PersonRecords
 * (the Chilean generator through the real connectors; prepared and cached on first use, which
 * takes a while). Several runs; median, min and max records/s; peak RSS of the resolve process
 * (GNU time's max RSS, and /proc polling of its process tree). Checks that every record got an
 * assignment line. Writes bench/results/resolve.json.
 *
 *   npm run bench:resolve -- [--runs 3] [--model model.json] [--dataset chile-c350000-s13]
 *   npm run bench:resolve -- --dataset chile-c100000-s12-x4    # fallback set, see replicate.ts
 */
import { createReadStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { datasetFiles, readMeta } from './datasets';
import { CHILEAN_SETS, chileanDatasetName, prepareChilean } from './chilean';
import { gitCommit, machineInfo, resolveCommandExists, runResolve } from './run-resolve';

const TARGET_RECORDS_PER_SECOND = 10_000;
const TARGET_PEAK_RSS_BYTES = 4 * 2 ** 30;
const MIN_RECORDS = 1_000_000;

const argValue = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const log = (s: string) => process.stderr.write(`${s}\n`);

async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(file)) {
    const b = chunk as Buffer;
    for (let i = b.indexOf(0x0a); i !== -1; i = b.indexOf(0x0a, i + 1)) n++;
  }
  return n;
}

async function main(): Promise<void> {
  const runs = Number(argValue('runs') ?? 3);
  const model = argValue('model');
  const { children, seed } = CHILEAN_SETS.speed;
  const name = argValue('dataset') ?? chileanDatasetName(children, seed);
  if (!argValue('dataset')) await prepareChilean(children, seed, { log });
  const meta = readMeta(name);
  if (meta.records < MIN_RECORDS) log(`warning: ${name} has ${meta.records} records, fewer than ${MIN_RECORDS}`);
  if (!resolveCommandExists()) log('warning: `hub resolve` is not in `hub --help`');
  const files = datasetFiles(name);
  // The engine code a run loads is the tree at its start; others keep committing meanwhile.
  const commitAtStart = gitCommit();
  const outDir = path.join(files.dir, 'out-speed');
  mkdirSync(outDir, { recursive: true });
  const results: {
    run: number; exitCode: number | null; seconds: number; recordsPerSecond: number; cpuSeconds: number | null; recordsPerCpuSecond: number | null;
    peakRssMiB: number | null; outputLines: number | null; loadAverageBefore: number; error?: string;
  }[] = [];
  for (let r = 1; r <= runs; r++) {
    const output = path.join(outDir, 'assignments.ndjson');
    const reviewOutput = path.join(outDir, 'review.ndjson');
    rmSync(output, { force: true });
    rmSync(reviewOutput, { force: true });
    log(`run ${r}/${runs}: hub resolve on ${meta.records.toLocaleString('en-US')} records…`);
    const loadAverageBefore = Number(loadavg()[0]!.toFixed(2));
    const run = await runResolve({ input: files.records, output, reviewOutput, model });
    const outputLines = run.exitCode === 0 ? await countLines(output) : null;
    const error = run.exitCode !== 0 ? `exit ${run.exitCode}: ${(run.stderr.trim() || run.stdout.trim()).split('\n').slice(-3).join(' | ')}`
      : outputLines !== meta.records ? `${outputLines} assignment lines for ${meta.records} records` : undefined;
    const res = {
      run: r, exitCode: run.exitCode, seconds: Number(run.seconds.toFixed(2)), recordsPerSecond: Math.round(meta.records / run.seconds),
      cpuSeconds: run.cpuSeconds === null ? null : Number(run.cpuSeconds.toFixed(2)),
      recordsPerCpuSecond: run.cpuSeconds ? Math.round(meta.records / run.cpuSeconds) : null, loadAverageBefore,
      peakRssMiB: run.peakRssBytes === null ? null : Math.round(run.peakRssBytes / 2 ** 20), outputLines, ...(error ? { error } : {}),
    };
    results.push(res);
    log(`run ${r}: ${error ?? `${res.recordsPerSecond} records/s (${res.recordsPerCpuSecond} per CPU-second), ${res.seconds} s, peak RSS ${res.peakRssMiB} MiB, load ${loadAverageBefore}`}`);
    if (run.exitCode !== 0) break;
  }
  rmSync(outDir, { recursive: true, force: true });
  const ok = results.filter((x) => !x.error);
  const rates = ok.map((x) => x.recordsPerSecond).sort((a, b) => a - b);
  const median = rates.length ? rates[Math.floor(rates.length / 2)]! : null;
  const peak = ok.length ? Math.max(...ok.map((x) => x.peakRssMiB ?? 0)) : null;
  const summary = {
    benchmark: 'resolve-speed', command: 'hub resolve --in records.ndjson --out assignments.ndjson --review-out review.ndjson --json',
    dataset: name, records: meta.records, entities: meta.entities, model: model ?? 'default',
    datasetOrigin: meta.replicatedFrom ? `${meta.times} copies of ${meta.replicatedFrom} (bench/matching/replicate.ts transform)` : 'hub generate through the real connectors',
    medianRecordsPerSecond: median, minRecordsPerSecond: rates[0] ?? null, maxRecordsPerSecond: rates[rates.length - 1] ?? null,
    medianSeconds: median ? Number((meta.records / median).toFixed(2)) : null,
    medianRecordsPerCpuSecond: median === null ? null : (() => {
      const c = ok.map((x) => x.recordsPerCpuSecond ?? 0).sort((a, b) => a - b);
      return c[Math.floor(c.length / 2)] ?? null;
    })(),
    peakRssMiB: peak,
    target: { recordsPerSecond: TARGET_RECORDS_PER_SECOND, peakRssMiB: TARGET_PEAK_RSS_BYTES / 2 ** 20 },
    pass: median !== null && peak !== null && ok.length === results.length && meta.records >= MIN_RECORDS
      && median >= TARGET_RECORDS_PER_SECOND && peak * 2 ** 20 <= TARGET_PEAK_RSS_BYTES,
    runs: results, machine: await machineInfo(), gitCommit: commitAtStart, at: new Date().toISOString(),
  };
  const resultsDir = path.join(__dirname, '..', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'resolve.json'), JSON.stringify(summary, null, 2) + '\n');
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

main().catch((err) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
