import { spawn } from 'node:child_process';

/** Outcome of a short foreground command (mvn, tar, java -version, the Kafka storage tool). */
export interface ExecResult {
  readonly code: number;
  readonly output: string;
  /** Set when the program could not be started at all (e.g. ENOENT: not installed). */
  readonly spawnError?: NodeJS.ErrnoException;
}

/** Runs a command to completion, collecting stdout+stderr together; never throws. */
export function run(command: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn(command, [...args], { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', (err: NodeJS.ErrnoException) => resolve({ code: -1, output: '', spawnError: err }));
    child.once('close', (code) => resolve({ code: code ?? -1, output: Buffer.concat(chunks).toString('utf8') }));
  });
}
