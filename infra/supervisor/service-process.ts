import path from 'node:path';
import type { HubServiceSpec } from '../services';

/**
 * How to launch a hub service as its own OS process: compiled JavaScript in production
 * (NODE_ENV=production after `npm run build`), the TypeScript sources through swc otherwise.
 */
export function serviceCommand(spec: HubServiceSpec, root: string, production: boolean): { command: string; args: string[] } {
  if (production) {
    return { command: process.execPath, args: [path.join(root, 'dist', spec.entry.replace(/\.ts$/, '.js'))] };
  }
  return { command: process.execPath, args: ['-r', '@swc-node/register', path.join(root, spec.entry)] };
}

/** Exponential restart backoff for a crashing service: 1 s, 2 s, 4 s … capped at 30 s. */
export function restartDelayMs(consecutiveFailures: number): number {
  return Math.min(30000, 1000 * 2 ** Math.max(0, consecutiveFailures - 1));
}
