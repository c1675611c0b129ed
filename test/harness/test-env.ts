import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { loadConfig } from '../../services/platform/config/load-config';
import { hubConfigSchema, type HubConfig } from '../../services/platform/config/hub-config';
import { createLogger, type Logger } from '../../services/platform/logging/create-logger';

/** The configuration the global setup prepared for this run (real brokers, fresh DB schema, topic prefix). */
export function testConfig(): HubConfig {
  return loadConfig(hubConfigSchema, process.env);
}

/** A name unique to this test, under the run's topic prefix: tests never share topics. */
export function uniqueTopic(label: string): string {
  return `${process.env.HUB_TOPIC_PREFIX ?? 'local.'}${label}.${randomBytes(4).toString('hex')}`;
}

export function uniqueId(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}`;
}

/** A logger whose lines are kept in memory, so tests can also assert what was (not) logged. */
export function testLogger(): Logger & { lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({ write(c, _e, cb) { chunks.push(String(c)); cb(); } });
  const log = createLogger({ service: 'test', level: 'info', destination: stream });
  return Object.assign(log, { lines: () => chunks.join('').split('\n').filter(Boolean) });
}

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs`. Never a fixed sleep. */
export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30000, what = 'condition', intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
