import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.join(__dirname, '..', '..');
const HUB = path.join(REPO_ROOT, 'infra', 'cli', 'hub.js');
const GNU_TIME = '/usr/bin/time';

export interface ResolveRun {
  readonly exitCode: number | null;
  readonly seconds: number;
  /**
   * Peak resident memory of `hub resolve`, bytes: the larger of GNU time's max RSS of the process
   * and the largest sum of VmRSS over its process tree seen while polling every 100 ms (in case
   * it forks workers; threads are already inside the process's RSS).
   */
  readonly peakRssBytes: number | null;
  /**
   * User + system CPU seconds of the resolve process (GNU time), null without it. On a shared,
   * overloaded machine wall time mostly measures the queue for a core; CPU time does not.
   */
  readonly cpuSeconds: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ResolveOptions {
  readonly input: string;
  readonly output: string;
  readonly reviewOutput?: string;
  readonly model?: string;
  readonly extraArgs?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

/** True when the CLI lists `hub resolve` in its help (engineer A's command may not be registered yet). */
export function resolveCommandExists(): boolean {
  try {
    const help = execFileSync(process.execPath, [HUB, '--help'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return /hub resolve\b/.test(help);
  } catch (err) {
    return /hub resolve\b/.test(String((err as { stdout?: string }).stdout ?? ''));
  }
}

/** Runs `hub resolve` as a child process, timing it and tracking its peak memory. */
export async function runResolve(o: ResolveOptions): Promise<ResolveRun> {
  const hubArgs = [HUB, 'resolve', '--in', o.input, '--out', o.output, '--json'];
  if (o.reviewOutput) hubArgs.push('--review-out', o.reviewOutput);
  if (o.model) hubArgs.push('--model', o.model);
  hubArgs.push(...(o.extraArgs ?? []));
  const timeFile = `${o.output}.time`;
  const useTime = existsSync(GNU_TIME);
  const [cmd, args] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, process.execPath, ...hubArgs]] : [process.execPath, hubArgs];
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: REPO_ROOT, env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-20000); });
  let polledPeak = 0;
  const poll = setInterval(() => { polledPeak = Math.max(polledPeak, treeRss(child.pid!)); }, 100);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(poll);
  let timePeak = 0;
  let cpuSeconds: number | null = null;
  if (useTime && existsSync(timeFile)) {
    // The last line; GNU time writes "Command exited with non-zero status" above it on failure.
    const [kb, user, sys] = (readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (Number.isFinite(kb)) timePeak = kb! * 1024;
    if (Number.isFinite(user) && Number.isFinite(sys)) cpuSeconds = user! + sys!;
    rmSync(timeFile, { force: true });
  }
  const peak = Math.max(timePeak, polledPeak);
  return { exitCode, seconds, peakRssBytes: peak > 0 ? peak : null, cpuSeconds, stdout, stderr };
}

/**
 * Sum of VmRSS (bytes) over a process and its descendants, walking /proc/<pid>/task/<tid>/children
 * (a few small reads, so polling does not steal CPU from the process measured); 0 without /proc.
 */
export function treeRss(root: number): number {
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      total += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const kids = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (kids) stack.push(...kids.split(/\s+/).map(Number));
      }
    } catch { /* the process ended while reading */ }
  }
  return total;
}

/** `git rev-parse HEAD` (+ `-dirty` when the matching engine has uncommitted changes), for the results. */
export function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'services/identity', 'infra/cli'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}-dirty` : head;
  } catch {
    return null;
  }
}

export async function machineInfo(): Promise<Record<string, unknown>> {
  const os = await import('node:os');
  return {
    cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, totalMemoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))), node: process.version, platform: `${os.platform()} ${os.release()}`,
  };
}
