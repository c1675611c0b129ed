import * as fs from 'node:fs';
import { spawn } from 'node:child_process';
import { processArgv, writePidFile } from './pidfile';
import { pollUntil } from './wait';

/** A server JVM to start in the background. */
export interface DetachedSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly logFile: string;
  readonly pidFile: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** A started process and where its output for this run begins in the (appended) log. */
export interface Started {
  readonly pid: number;
  readonly logOffset: number;
}

/**
 * Starts a process that outlives us: its own process group (so a Ctrl-C on `hub stack up` does
 * not reach it), stdout/stderr appended to its log file, not waited for (`unref`), pid recorded.
 */
export function spawnDetached(spec: DetachedSpec): Promise<Started> {
  rotateIfLarge(spec.logFile);
  const logOffset = fileSize(spec.logFile);
  const fd = fs.openSync(spec.logFile, 'a');
  fs.writeSync(fd, `\n=== ${new Date().toISOString()} ${spec.command} ${spec.args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    child.once('error', (err) => { fs.closeSync(fd); reject(err); });
    child.once('spawn', () => {
      fs.closeSync(fd);
      const pid = child.pid!;
      writePidFile(spec.pidFile, pid);
      child.unref();
      resolve({ pid, logOffset });
    });
  });
}

export function isAlive(pid: number): boolean {
  return processArgv(pid) !== undefined;
}

/**
 * SIGTERM (Kafka and Quarkus both shut down cleanly on it), wait up to `graceMs`, then SIGKILL.
 * Resolves how it ended; 'gone' when it was not running to begin with.
 */
export async function stopProcess(pid: number, graceMs: number): Promise<'stopped' | 'killed' | 'gone'> {
  if (!signal(pid, 'SIGTERM')) return 'gone';
  if (await waitForExit(pid, graceMs)) return 'stopped';
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 10_000);
  return 'killed';
}

export function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  return pollUntil(async () => !isAlive(pid), { timeoutMs, intervalMs: 200 });
}

function signal(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

/** Logs are appended across restarts; past 20 MB the old part moves to `<log>.1` (one generation kept). */
const MAX_LOG_BYTES = 20 * 1024 * 1024;

function rotateIfLarge(file: string): void {
  if (fileSize(file) > MAX_LOG_BYTES) fs.renameSync(file, `${file}.1`);
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The last `lines` lines written to a log since `fromOffset`: what to show when a start fails. */
export function tailFile(file: string, fromOffset: number, lines = 40): string {
  try {
    const buf = fs.readFileSync(file);
    return lastLines(buf.subarray(Math.min(fromOffset, buf.length)).toString('utf8'), lines);
  } catch {
    return '';
  }
}

export function lastLines(text: string, lines: number): string {
  const all = text.replace(/\s+$/, '').replace(/^\s*\n/, '').split('\n');
  return all.slice(Math.max(0, all.length - lines)).join('\n');
}
