import path from 'node:path';
import { deadLetterTopicOf } from '../../../schemas/topics';
import { mulberry32 } from '../../../services/platform/chile';
import { HubRun, PIPELINE, type Infra, type PipelineService } from './hub-run';
import { readOutcome, type Outcome } from './outcome';
import { injectPoison, POISON_TOPIC } from './poison';
import type { PrivateKafka } from './private-kafka';
import type { PrivatePostgres } from './private-postgres';
import { waitQuiescent } from './quiescence';
import type { SyntheticData } from './synthetic-data';

export type Fault =
  | { kind: 'kill'; target: PipelineService }
  | { kind: 'broker-restart'; how: 'SIGTERM' | 'SIGKILL' }
  | { kind: 'postgres-restart'; mode: 'fast' | 'immediate' };

export interface FaultPlan {
  readonly seed: number;
  /** Rounds of "kill -9 every pipeline service once" (shuffled with the other faults). */
  readonly killRounds: number;
  readonly brokerRestarts: number;
  readonly postgresRestarts: number;
  /** Upper bound of the random pause before each fault. */
  readonly maxGapMs: number;
}

export interface ScenarioOptions {
  readonly label: string;
  readonly data: SyntheticData;
  readonly infra: Infra;
  readonly kafka: PrivateKafka;
  readonly postgres: PrivatePostgres;
  readonly logRoot: string;
  readonly faults: FaultPlan | null;
  /** Replay the court DLQ with `hub dlq replay` and check it (and that nothing changes). */
  readonly replayDlq: boolean;
  readonly quiescenceTimeoutMs: number;
  readonly say: (line: string) => void;
}

export interface DeadLetterCheck {
  readonly listed: { stage: string | null; code: string | null; consumer: string | null; replayable: boolean; replayed: boolean }[];
  readonly poisonListed: number;
  readonly replay?: { replayed: number; notReplayable: number; alreadyReplayed: number };
  readonly secondReplay?: { replayed: number; notReplayable: number; alreadyReplayed: number };
  readonly afterReplayListed?: number;
  readonly outcomeUnchangedByReplay?: boolean;
}

export interface ScenarioResult {
  readonly label: string;
  readonly outcome: Outcome;
  readonly faultsApplied: string[];
  readonly restarts: number;
  readonly importRetries: number;
  readonly dlq: DeadLetterCheck;
  readonly ms: { start: number; import: number; quiescence: number; total: number };
}

/** A seeded shuffle of the faults: every pipeline service killed `killRounds` times, the broker and PostgreSQL restarted. */
export function planFaults(plan: FaultPlan): Fault[] {
  const rnd = mulberry32(plan.seed);
  const list: Fault[] = [];
  for (let r = 0; r < plan.killRounds; r++) for (const target of PIPELINE) list.push({ kind: 'kill', target });
  for (let i = 0; i < plan.brokerRestarts; i++) list.push({ kind: 'broker-restart', how: i % 2 === 0 ? 'SIGTERM' : 'SIGKILL' });
  for (let i = 0; i < plan.postgresRestarts; i++) list.push({ kind: 'postgres-restart', mode: i % 2 === 0 ? 'immediate' : 'fast' });
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

const describe = (f: Fault): string => (f.kind === 'kill' ? `kill -9 ${f.target}` : f.kind === 'broker-restart' ? `broker restart (${f.how})` : `postgres restart (${f.mode})`);

/**
 * One complete replay of the synthetic data through a fresh hub namespace: services up, every
 * institution file imported through `hub import`'s code path (run again until it succeeds: imports resume),
 * poison injected mid-stream, the fault plan applied at seeded random moments meanwhile, then
 * quiescence, the dead-letter checks and the outcome.
 */
export async function runScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const t0 = Date.now();
  const say = (l: string) => o.say(`[${o.label} +${((Date.now() - t0) / 1000).toFixed(1)}s] ${l}`);
  const run = new HubRun({ label: o.label, infra: o.infra, logDir: path.join(o.logRoot, o.label), comunas: o.data.comunas, onEvent: say });
  const faultsApplied: string[] = [];
  let importRetries = 0;
  try {
    await run.start();
    const tStarted = Date.now();
    say(`services healthy (${run.prefix})`);

    let importsDone = false;
    const imports = (async () => {
      let i = 0;
      for (const [institution, file] of o.data.files) {
        for (let attempt = 1; ; attempt++) {
          try {
            const r = await run.importInProcess(institution, path.join(o.data.dir, file));
            if (!r.balanced) throw new Error(`import of ${file} does not balance: ${JSON.stringify(r)}`);
            break;
          } catch (err) {
            // A broker restart may fail an import midway; run again, it resumes after its last checkpoint.
            importRetries += 1;
            say(`import ${file} failed (${err instanceof Error ? err.message.slice(0, 200) : String(err)}); running it again (attempt ${attempt + 1})`);
            if (attempt > 20) throw err;
          }
        }
        if (++i === 1) {
          await injectPoison(run.kafka, run.prefix, o.infra.schemaRegistryUrl, run.prefix.replace(/\W/g, ''));
          say('poison injected on the court topic');
        }
      }
      importsDone = true;
    })();

    const faults = (async () => {
      if (!o.faults) return;
      const rnd = mulberry32(o.faults.seed ^ 0x5bd1e995);
      for (const f of planFaults(o.faults)) {
        await pause(Math.floor(rnd() * o.faults.maxGapMs));
        if (f.kind === 'kill') {
          run.kill9(f.target);
        } else if (f.kind === 'broker-restart') {
          await o.kafka.stop(f.how);
          await o.kafka.start();
        } else {
          o.postgres.stop(f.mode);
          await o.postgres.start();
        }
        faultsApplied.push(`${describe(f)} at +${((Date.now() - t0) / 1000).toFixed(1)}s${importsDone ? ' (after the import)' : ''}`);
        say(describe(f));
        // Next fault only once everything answers again: faults hit a working hub, not a pile of restarts.
        await Promise.all(PIPELINE.map((s) => run.waitHealthy(s, 900_000)));
      }
    })();

    await Promise.all([imports, faults]);
    const tImported = Date.now();
    say(`imports done${o.faults ? `, ${faultsApplied.length} faults applied` : ''}; waiting for quiescence`);
    await waitQuiescent(run, o.quiescenceTimeoutMs, (why) => say(`not quiet yet: ${why}`));
    const tQuiet = Date.now();
    say('quiescent');
    const window = { from: o.data.window.from, to: o.data.window.to };
    const outcome = await readOutcome(run, window);
    const dlq = await checkDeadLetters(run, o, outcome, window, say);
    return {
      label: o.label, outcome, faultsApplied, restarts: run.restarts.length, importRetries, dlq,
      ms: { start: tStarted - t0, import: tImported - tStarted, quiescence: tQuiet - tImported, total: Date.now() - t0 },
    };
  } finally {
    await run.stop();
  }
}

async function checkDeadLetters(run: HubRun, o: ScenarioOptions, before: Outcome, window: { from: string; to: string }, say: (l: string) => void): Promise<DeadLetterCheck> {
  const topic = run.prefix + deadLetterTopicOf(POISON_TOPIC);
  const json = async <T>(args: string[]): Promise<T> => {
    const r = await run.hub(args);
    if (r.code !== 0) throw new Error(`hub ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout) as T;
  };
  type View = DeadLetterCheck['listed'][number] & { sourceTopic: string | null };
  const views = await json<View[]>(['dlq', 'list', '--topic', topic, '--json']);
  const listed = views.map((v) => ({ stage: v.stage, code: v.code, consumer: v.consumer, replayable: v.replayable, replayed: v.replayed }));
  const poisonListed = listed.filter((v) => v.replayable).length;
  if (!o.replayDlq) return { listed, poisonListed };
  const replay = await json<{ replayed: number; notReplayable: number; alreadyReplayed: number }>(['dlq', 'replay', '--topic', topic, '--json']);
  say(`dlq replay: ${JSON.stringify(replay)}`);
  await waitQuiescent(run, o.quiescenceTimeoutMs);
  const secondReplay = await json<{ replayed: number; notReplayable: number; alreadyReplayed: number }>(['dlq', 'replay', '--topic', topic, '--dry-run', '--json']);
  const after = await json<View[]>(['dlq', 'list', '--topic', topic, '--json']);
  const outcome = await readOutcome(run, window);
  return {
    listed, poisonListed, replay, secondReplay, afterReplayListed: after.length,
    outcomeUnchangedByReplay: JSON.stringify(outcome) === JSON.stringify(before),
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
