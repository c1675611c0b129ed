import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diffOutcomes } from './outcome';
import { startPrivateKafka, type PrivateKafka } from './private-kafka';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres';
import { runScenario, type FaultPlan, type ScenarioResult } from './scenario';
import { syntheticData, type SyntheticData } from './synthetic-data';

export interface FaultSuiteOptions {
  readonly children: number;
  readonly dataSeed: number;
  /** One faulted run per seed, each compared with the fault-free run. */
  readonly faultSeeds: readonly number[];
  readonly plan: Omit<FaultPlan, 'seed'>;
  readonly registryUrl: string;
  /** Run the fault-free run and the first faulted run at the same time (wall time of one). */
  readonly concurrent: boolean;
  readonly quiescenceTimeoutMs: number;
  readonly say: (line: string) => void;
}

export interface FaultRunReport {
  readonly seed: number;
  readonly passed: boolean;
  readonly differences: string[];
  readonly result: ScenarioResult;
}

export interface FaultSuiteReport {
  readonly data: { children: number; seed: number; records: number; comunas: readonly string[] };
  readonly baseline: ScenarioResult;
  readonly runs: FaultRunReport[];
  readonly infraMs: number;
}

/**
 * The fault-survival experiment: a private broker and a private PostgreSQL (the shared ones are
 * never restarted), the synthetic world generated once, a fault-free run and faulted runs of the
 * same input, each in its own namespace, and the differences of each faulted run's outcome from
 * the fault-free one.
 */
export async function runFaultSuite(o: FaultSuiteOptions): Promise<FaultSuiteReport> {
  const t0 = Date.now();
  let kafka: PrivateKafka | undefined;
  let postgres: PrivatePostgres | undefined;
  let data: SyntheticData | undefined;
  const logRoot = path.join(tmpdir(), `hub-faults-logs-${Date.now().toString(36)}`);
  let keep = false;
  try {
    [kafka, postgres, data] = await Promise.all([startPrivateKafka(), startPrivatePostgres(), syntheticData(o.children, o.dataSeed)]);
    const infraMs = Date.now() - t0;
    o.say(`private kafka ${kafka.brokers}, private postgres :${postgres.port}, ${data.records} records, comunas ${data.comunas.join(',')}, logs ${logRoot}`);
    const base = { data, kafka, postgres, logRoot, quiescenceTimeoutMs: o.quiescenceTimeoutMs, say: o.say, infra: { kafkaBrokers: kafka.brokers, schemaRegistryUrl: o.registryUrl, databaseUrl: postgres.url } };
    const faulted = (seed: number) => runScenario({ ...base, label: `f${seed}`, faults: { ...o.plan, seed }, replayDlq: true });
    const [first, ...rest] = o.faultSeeds;
    let baseline: ScenarioResult;
    const results: [number, ScenarioResult][] = [];
    if (o.concurrent && first !== undefined) {
      // allSettled: when one fails, the other still stops its processes before we tear the infrastructure down.
      const [b, f] = await Promise.allSettled([runScenario({ ...base, label: 'base', faults: null, replayDlq: false }), faulted(first)]);
      if (b.status === 'rejected') throw b.reason;
      if (f.status === 'rejected') throw f.reason;
      baseline = b.value;
      results.push([first, f.value]);
    } else {
      baseline = await runScenario({ ...base, label: 'base', faults: null, replayDlq: false });
      if (first !== undefined) results.push([first, await faulted(first)]);
    }
    for (const seed of rest) results.push([seed, await faulted(seed)]);
    const runs = results.map(([seed, result]) => {
      const differences = diffOutcomes(baseline.outcome, result.outcome);
      return { seed, passed: differences.length === 0, differences, result };
    });
    // Logs are kept when a run differs: they are the first thing to read.
    if (runs.every((r) => r.passed)) rmSync(logRoot, { recursive: true, force: true });
    // FAULTS_KEEP=1: a differing run leaves the private broker and database up for a post-mortem.
    keep = process.env.FAULTS_KEEP === '1' && runs.some((r) => !r.passed);
    if (keep) o.say(`kept for inspection: kafka ${kafka.brokers}, postgres ${postgres.url} (schemas faults_*), data ${data.dir}`);
    return { data: { children: data.children, seed: data.seed, records: data.records, comunas: data.comunas }, baseline, runs, infraMs };
  } finally {
    if (!keep) {
      await kafka?.destroy();
      postgres?.destroy();
      if (data) rmSync(data.dir, { recursive: true, force: true });
    }
  }
}
