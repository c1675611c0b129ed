import * as fs from 'node:fs';
import { resolveStackOptions, stackPaths, kafkaAddress, schemaRegistryUrl, type StackOptions, type ResolvedStackOptions, type StackPaths } from './options';
import type { ManagedComponent } from './progress';
import { probeKafka, startKafka } from './kafka';
import { probeRegistry, startRegistry } from './registry';
import { probePostgres, redactUrl } from './postgres';
import { livePid, removePidFile, scanStackProcesses, processArgv, markedPort } from './pidfile';
import { stopProcess } from './process';
import { awaitReady } from './readiness';
import { withLock } from './lock';
import { StackError } from './errors';

export { resolveStackOptions, type StackOptions } from './options';
export type { StackProgress } from './progress';
export { StackError } from './errors';

/**
 * The embedded local stack: a single-node Kafka broker and an Apicurio schema registry, run as
 * detached JVMs from Maven Central jars (no Docker), next to a PostgreSQL that already runs.
 * The CLI (`hub stack up|down`, `hub status`), the test harness and the supervisor all use this API.
 */
export interface StackEndpoints {
  kafkaBrokers: string[];
  schemaRegistryUrl: string;
  databaseUrl: string;
}

export interface ComponentStatus {
  name: string;
  ok: boolean;
  url: string;
  detail?: string;
}

/** Someone else may be downloading for minutes on the first run; wait for them rather than fail. */
const LOCK_WAIT_MS = 10 * 60_000;
const STOP_GRACE_MS: Record<ManagedComponent, number> = { kafka: 30_000, registry: 20_000 };
const ADOPT_READY_TIMEOUT_MS = 120_000;

/**
 * Brings the stack up; idempotent. Components that already answer are left alone, a process of
 * ours that is still starting is waited for, and only what is missing is started (Kafka and the
 * registry in parallel). PostgreSQL must already answer; otherwise nothing is started.
 */
export async function stackUp(opts: StackOptions = {}): Promise<StackEndpoints & { started: string[] }> {
  const o = resolveStackOptions(process.env, opts);
  const paths = stackPaths(o);
  fs.mkdirSync(paths.runDir, { recursive: true });
  return withLock(paths.lockFile, LOCK_WAIT_MS, async () => {
    o.onProgress({ kind: 'checking', component: 'postgres' });
    const pg = await probePostgres(o.databaseUrl);
    if (!pg.ok) throw new StackError('postgres-unreachable', `PostgreSQL does not answer at ${redactUrl(o.databaseUrl)}: ${pg.detail}`, { url: redactUrl(o.databaseUrl), detail: pg.detail ?? '' });
    o.onProgress({ kind: 'already-running', component: 'postgres', address: redactUrl(o.databaseUrl) });

    const specs = managedSpecs(o, paths);
    const outcomes = await Promise.allSettled(specs.map((spec) => ensureRunning(o, spec)));
    const failures = outcomes.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, 'kafka and registry both failed to start');
    const started = specs.filter((_, i) => (outcomes[i] as PromiseFulfilledResult<boolean>).value).map((spec) => spec.component);
    return { ...endpoints(o), started };
  });
}

export function stackEndpoints(opts: StackOptions = {}): StackEndpoints {
  return endpoints(resolveStackOptions(process.env, opts));
}

function endpoints(o: ResolvedStackOptions): StackEndpoints {
  return { kafkaBrokers: [kafkaAddress(o)], schemaRegistryUrl: schemaRegistryUrl(o), databaseUrl: o.databaseUrl };
}

/** What differs between the two JVMs the stack manages; `ensureRunning` does the rest. */
interface ManagedSpec {
  readonly component: ManagedComponent;
  readonly port: number;
  readonly address: string;
  readonly pidFile: string;
  readonly logFile: string;
  answers(): Promise<boolean>;
  start(): Promise<void>;
}

function managedSpecs(o: ResolvedStackOptions, paths: StackPaths): ManagedSpec[] {
  return [
    { component: 'kafka', port: o.kafkaPort, address: kafkaAddress(o), pidFile: paths.kafkaPid, logFile: paths.kafkaLog,
      answers: async () => (await probeKafka(o.kafkaPort)).ok, start: () => startKafka(o, paths) },
    { component: 'registry', port: o.registryPort, address: schemaRegistryUrl(o), pidFile: paths.registryPid, logFile: paths.registryLog,
      answers: async () => (await probeRegistry(o.registryPort)).ok, start: () => startRegistry(o, paths) },
  ];
}

/**
 * Leaves a component that answers alone, adopts one of ours that is still starting, and starts
 * it otherwise. Resolves to true when this call started it.
 */
async function ensureRunning(o: ResolvedStackOptions, spec: ManagedSpec): Promise<boolean> {
  const { component } = spec;
  if (await spec.answers()) {
    o.onProgress({ kind: 'already-running', component, address: spec.address });
    return false;
  }
  const pid = livePid(spec.pidFile, component, o.home, (stale) => o.onProgress({ kind: 'stale-pid', component, pid: stale }));
  if (pid !== undefined) {
    assertSamePort(component, pid, spec.port, o.home);
    await awaitReady(component, { pid, logOffset: 0 }, spec.logFile, spec.pidFile, ADOPT_READY_TIMEOUT_MS, spec.answers);
    o.onProgress({ kind: 'already-running', component, address: spec.address });
    return false;
  }
  await spec.start();
  return true;
}

/** A process of ours that does not answer yet is only worth waiting for if it was started for this port. */
function assertSamePort(component: ManagedComponent, pid: number, port: number, home: string): void {
  const running = markedPort(processArgv(pid) ?? []);
  if (running !== undefined && running !== port) {
    throw new StackError('other-ports', `${component} of ${home} runs on port ${running} (pid ${pid}), not ${port}`, { component, pid, port, running, home });
  }
}

/** Stops the JVMs this home started (SIGTERM, bounded wait, SIGKILL) and removes their pid files. */
export async function stackDown(opts: StackOptions = {}): Promise<{ stopped: string[] }> {
  const o = resolveStackOptions(process.env, opts);
  const paths = stackPaths(o);
  fs.mkdirSync(paths.runDir, { recursive: true });
  return withLock(paths.lockFile, LOCK_WAIT_MS, async () => {
    const targets = [
      { component: 'kafka' as const, pidFile: paths.kafkaPid },
      { component: 'registry' as const, pidFile: paths.registryPid },
    ];
    const results = await Promise.all(targets.map(async ({ component, pidFile }) => {
      const fromFile = livePid(pidFile, component, o.home);
      const pids = [...new Set([...(fromFile === undefined ? [] : [fromFile]), ...scanStackProcesses(component, o.home)])];
      for (const pid of pids) {
        o.onProgress({ kind: 'stopping', component, pid });
        const how = await stopProcess(pid, STOP_GRACE_MS[component]);
        o.onProgress({ kind: how === 'killed' ? 'killed' : 'stopped', component, pid });
      }
      removePidFile(pidFile);
      return pids.length > 0 ? component : undefined;
    }));
    return { stopped: results.filter((c): c is ManagedComponent => c !== undefined) };
  });
}

/** Kafka, registry and PostgreSQL, in that order, each probed the way its clients use it. */
export async function stackStatus(opts: StackOptions = {}): Promise<ComponentStatus[]> {
  const o = resolveStackOptions(process.env, opts);
  const [kafka, registry, pg] = await Promise.all([probeKafka(o.kafkaPort), probeRegistry(o.registryPort), probePostgres(o.databaseUrl)]);
  return [
    withDetail({ name: 'kafka', ok: kafka.ok, url: kafkaAddress(o) }, kafka.detail),
    withDetail({ name: 'registry', ok: registry.ok, url: schemaRegistryUrl(o) }, registry.detail),
    withDetail({ name: 'postgres', ok: pg.ok, url: redactUrl(o.databaseUrl) }, pg.detail),
  ];
}

function withDetail(status: ComponentStatus, detail: string | undefined): ComponentStatus {
  return detail === undefined ? status : { ...status, detail };
}
