import * as fs from 'node:fs';
import { readPidFile, processArgv } from './pidfile';
import { StackError } from './errors';
import { sleep } from './wait';

/**
 * Serialises `stack up` / `stack down` on one home: two `hub stack up` at once (a terminal and a
 * test run) must not start two brokers on the same data directory. The lock file holds the
 * owner's pid; a lock whose owner is gone is taken over.
 */
export async function withLock<T>(lockFile: string, waitMs: number, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + waitMs;
  while (!tryAcquire(lockFile)) {
    if (Date.now() > deadline) {
      throw new StackError('locked', `another hub process holds ${lockFile}`, { file: lockFile, pid: readPidFile(lockFile) ?? '?' });
    }
    await sleep(250);
  }
  try {
    return await fn();
  } finally {
    if (readPidFile(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
  }
}

function tryAcquire(lockFile: string): boolean {
  try {
    fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const owner = readPidFile(lockFile);
  if (owner !== undefined && processArgv(owner) !== undefined) return false;
  if (owner === undefined && isFresh(lockFile)) return false; // being written by its owner right now
  // Owner gone (or garbage left by a crash mid-write): remove it and race for it again.
  fs.rmSync(lockFile, { force: true });
  try {
    fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

function isFresh(file: string): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs < 2000;
  } catch {
    return false;
  }
}
