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
  const [cmd, args] = useTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, process.execPath, ...hubArgs]] : [process.execPath, hubArgs];
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
  if (useTime && existsSync(timeFile)) {
    const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) timePeak = kb * 1024;
    rmSync(timeFile, { force: true });
  }
  const peak = Math.max(timePeak, polledPeak);
  return { exitCode, seconds, peakRssBytes: peak > 0 ? peak : null, stdout, stderr };
}

/** Sum of VmRSS (bytes) over a process and its descendants, from /proc; 0 where /proc is absent. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  let pids: string[];
  try { pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)); } catch { return 0; }
  for (const d of pids) {
    try {
      const status = readFileSync(`/proc/${d}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const pid = Number(d);
      rss.set(pid, kb * 1024);
      const list = children.get(ppid);
      if (list) list.push(pid); else children.set(ppid, [pid]);
    } catch { /* the process ended while reading */ }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
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
