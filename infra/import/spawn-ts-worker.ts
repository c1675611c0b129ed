import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread running a TypeScript module (or its compiled JavaScript). The hub runs
 * TS through @swc-node/register, and a worker is a fresh module system: neither the parent's `-r`
 * hook (absent under jest, whose transforms do not reach workers) nor its loaded modules carry
 * over. So the worker starts with a tiny CommonJS bootstrap that registers the hook, then
 * requires the module.
 */
export function spawnTsWorker(modulePath: string, workerData: unknown): Worker {
  // Compiled (`dist/`, production) modules are plain JavaScript and need no hook.
  const register = modulePath.endsWith('.ts') ? `require('@swc-node/register'); ` : '';
  const bootstrap = `${register}require(${JSON.stringify(modulePath)});`;
  // Not the parent's execArgv (jest's or `-r` flags), except CPU profiling, so `--cpu-prof` covers the worker too.
  return new Worker(bootstrap, { eval: true, workerData, execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')) });
}
