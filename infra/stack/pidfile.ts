import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { ManagedComponent } from './progress';

/**
 * Pid files let `hub stack down` find the detached JVMs after `hub stack up` has exited.
 * A pid file can be stale (the machine rebooted, or the JVM crashed and the pid went to another
 * program), so a pid is only trusted when the process's command line carries our markers.
 */

/** The pid in a pid file's text, or undefined when it is not one positive integer. */
export function parsePidFile(text: string): number | undefined {
  const t = text.trim();
  if (!/^[0-9]{1,10}$/.test(t)) return undefined;
  const pid = Number(t);
  return pid > 1 && pid <= 4_194_304 ? pid : undefined;
}

export function readPidFile(file: string): number | undefined {
  try {
    return parsePidFile(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function writePidFile(file: string, pid: number): void {
  fs.writeFileSync(file, `${pid}\n`);
}

export function removePidFile(file: string): void {
  fs.rmSync(file, { force: true });
}

/** JVM system properties added to every process we start, so we can recognise it later. */
export function processMarkers(component: ManagedComponent, home: string): string[] {
  return [`-Dhub.stack.component=${component}`, `-Dhub.stack.home=${home}`];
}

/**
 * Records the port a process was started for, so a later `up` with other ports does not mistake
 * it for "ours, still starting" and wait on a port it will never open.
 */
export function portMarker(port: number): string {
  return `-Dhub.stack.port=${port}`;
}

/** The port recorded by `portMarker`, if any. */
export function markedPort(argv: readonly string[]): number | undefined {
  const m = argv.map((a) => /^-Dhub\.stack\.port=(\d+)$/.exec(a)).find((x) => x !== null);
  return m ? Number(m[1]) : undefined;
}

/** Whether a command line (arguments, in order) belongs to `component` of the stack living in `home`. */
export function isStackProcess(argv: readonly string[], component: ManagedComponent, home: string): boolean {
  const [componentMarker, homeMarker] = processMarkers(component, home);
  return argv.includes(componentMarker!) && argv.includes(homeMarker!);
}

/** Splits /proc/<pid>/cmdline (NUL-separated, trailing NUL) into arguments. */
export function splitProcCmdline(raw: string): string[] {
  return raw.split('\0').filter((a, i, all) => a !== '' || i < all.length - 1);
}

/** Arguments of a live process, or undefined when it is gone or a zombie (exited, not yet reaped). */
export function processArgv(pid: number): string[] | undefined {
  if (process.platform === 'linux') {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (procState(stat) === 'Z') return undefined;
      return splitProcCmdline(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return undefined;
    }
  }
  try {
    // macOS and other Unixes: no /proc. `ps` joins arguments with spaces, good enough for our markers.
    return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).trim().split(/\s+/);
  } catch {
    return undefined;
  }
}

/** Field 3 of /proc/<pid>/stat (after the parenthesised command name, which may contain spaces). */
export function procState(stat: string): string | undefined {
  const close = stat.lastIndexOf(')');
  return close < 0 ? undefined : stat.slice(close + 2, close + 3);
}

/** Live pid of our `component`, cleaning up a stale pid file. `onStale` hears about the cleanup. */
export function livePid(file: string, component: ManagedComponent, home: string, onStale?: (pid: number) => void): number | undefined {
  const pid = readPidFile(file);
  if (pid === undefined) {
    if (fs.existsSync(file)) removePidFile(file);
    return undefined;
  }
  const argv = processArgv(pid);
  if (argv && isStackProcess(argv, component, home)) return pid;
  removePidFile(file);
  onStale?.(pid);
  return undefined;
}

/**
 * Pids of our `component` found by scanning /proc, for when a pid file was lost (deleted state
 * dir, crash between spawn and write). Linux only; elsewhere the pid file is all we have.
 */
export function scanStackProcesses(component: ManagedComponent, home: string): number[] {
  if (process.platform !== 'linux') return [];
  const found: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    const pid = parsePidFile(name);
    if (pid === undefined || pid === process.pid) continue;
    const argv = processArgv(pid);
    if (argv && isStackProcess(argv, component, home)) found.push(pid);
  }
  return found;
}
