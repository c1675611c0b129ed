/**
 * `npm run test:faults -- [--events 100000] [--repeat 3] [--seed S] [--kill-rounds 2] [--max-gap-ms 5000]`
 *
 * The full fault-survival experiment of issue 8 §2 (docs/operations/faults.md): the synthetic
 * world sized to about `--events` records, one fault-free run, then `--repeat` faulted runs (seeds
 * S, S+1, …), each compared with the fault-free run. Needs the shared schema registry
 * (SCHEMA_REGISTRY_URL, default the embedded stack's); Kafka and PostgreSQL are private and
 * restarted at will. Writes test/.reports/faults.json (or `--out FILE`); exits 1 if any run differs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { LOCAL_DEFAULTS } from '../../services/platform/config/hub-config';
import { runFaultSuite } from './harness/fault-suite';

/** The generator makes about ten records per child (tribunal, SENAME, municipal, school, health). */
const RECORDS_PER_CHILD = 10;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  return v;
}

async function main(): Promise<number> {
  const events = flag('events', 100_000);
  const repeat = flag('repeat', 3);
  const seed = flag('seed', Date.now() % 1_000_000);
  const started = new Date();
  const load = { before: loadavg().map((x) => Number(x.toFixed(2))), after: [] as number[] };
  const say = (l: string) => process.stdout.write(`${l}\n`);
  say(`faults: ~${events} events, ${repeat} faulted runs, seeds ${seed}..${seed + repeat - 1}, load ${load.before.join(' ')}`);
  const report = await runFaultSuite({
    children: Math.max(50, Math.round(events / RECORDS_PER_CHILD)),
    dataSeed: flag('data-seed', 7),
    faultSeeds: Array.from({ length: repeat }, (_, i) => seed + i),
    plan: { killRounds: flag('kill-rounds', 2), brokerRestarts: flag('broker-restarts', 2), postgresRestarts: flag('postgres-restarts', 2), maxGapMs: flag('max-gap-ms', 5000) },
    registryUrl: process.env.SCHEMA_REGISTRY_URL || LOCAL_DEFAULTS.schemaRegistryUrl,
    concurrent: false,
    quiescenceTimeoutMs: flag('quiescence-timeout-s', 3600) * 1000,
    say,
  });
  load.after = loadavg().map((x) => Number(x.toFixed(2)));
  const summary = (r: typeof report.baseline) => ({
    faults: r.faultsApplied, supervisorRestarts: r.restarts, importRetries: r.importRetries, ms: r.ms, counts: r.outcome.counts,
    dlq: { listed: r.dlq.listed.length, poison: r.dlq.poisonListed, replay: r.dlq.replay, afterReplayListed: r.dlq.afterReplayListed, outcomeUnchangedByReplay: r.dlq.outcomeUnchangedByReplay },
  });
  const out = {
    command: `npm run test:faults -- ${process.argv.slice(2).join(' ')}`.trim(),
    startedAt: started.toISOString(), finishedAt: new Date().toISOString(), loadavg: load,
    data: report.data, infraMs: report.infraMs,
    baseline: summary(report.baseline),
    runs: report.runs.map((r) => ({ seed: r.seed, passed: r.passed, differences: r.differences, ...summary(r.result) })),
    passed: report.runs.filter((r) => r.passed).length,
    failed: report.runs.filter((r) => !r.passed).length,
  };
  const outAt = process.argv.indexOf('--out');
  const file = outAt > 0 ? path.resolve(process.argv[outAt + 1]!) : path.resolve(__dirname, '..', '.reports', 'faults.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  for (const r of out.runs) say(`seed ${r.seed}: ${r.passed ? 'PASS' : 'FAIL'} in ${(r.ms.total / 1000).toFixed(0)} s${r.passed ? '' : `\n  ${r.differences.join('\n  ')}`}`);
  say(`${out.passed}/${out.runs.length} faulted runs equal the fault-free run; report ${file}`);
  return out.failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
