import { z } from 'zod';
import { hubConfigSchema } from '../platform/config/hub-config';
import type { LagRules } from './domain/rules';
import type { HubGroupNaming } from './domain/hub-groups';

const allowedLagByGroup = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected JSON, e.g. {"hub.deliveries":100}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.number().int().min(0)));

/**
 * The lag monitor's configuration: the evaluation rules (Burrow's knobs), sampling cadence and
 * the HTTP endpoint. Parsed once in main.ts (or by `hub lag`), then passed down.
 */
export const lagRulesSchema = z.object({
  LAG_WINDOW_SAMPLES: z.coerce.number().int().min(2).max(1000).default(10).describe('Samples per partition in the evaluation window (Burrow `intervals`).'),
  LAG_MIN_SAMPLES: z.coerce.number().int().min(2).max(1000).default(3).describe('Samples needed before STOP-by-time, STALL and WARN apply (Burrow `minimum-complete`).'),
  LAG_MIN_DISTANCE_MS: z.coerce.number().int().min(0).default(1000).describe('A sample closer than this to the previous one replaces it (Burrow `min-distance`).'),
  LAG_ALLOWED_LAG: z.coerce.number().int().min(0).default(0).describe('Lag (messages) at or below which a partition is OK whatever its trend (Burrow `allowed-lag`).'),
  LAG_ALLOWED_LAG_BY_GROUP: allowedLagByGroup.default({}).describe('Per-group allowed lag, JSON: {"hub.deliveries":100}.'),
  LAG_MARKER_CHECK_MAX_LAG: z.coerce.number().int().min(0).max(100).default(2).describe('An idle lag up to this many messages is read to see whether it is only transaction markers (0: never read).'),
  LAG_FAST_STOP: z.enum(['on', 'off']).default('on').describe('STOP at once when no live member owns a lagging partition (instead of waiting for the window).'),
});

export const lagConfigSchema = hubConfigSchema.extend({
  ...lagRulesSchema.shape,
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8085).describe('Port of the lag monitor: /health, /metrics, /v1/lag and the console (0: any free port).'),
  HTTP_HOST: z.string().default('127.0.0.1').describe('Interface the console binds to; loopback unless deployed behind an operators-only gateway.'),
  LAG_SAMPLE_INTERVAL_MS: z.coerce.number().int().min(100).default(5000).describe('How often the cluster is sampled (Burrow `offset-refresh`).'),
  LAG_FRESH_MS: z.coerce.number().int().min(0).default(1000).describe('A request sees a sample at most this old: older ones trigger a new sample (lag at request time).'),
  LAG_HISTORY_POINTS: z.coerce.number().int().min(10).max(100000).default(720).describe('Points of lag history kept per group for the charts (720 × 5 s = 1 h).'),
  LAG_TIMESTAMP_RESOLUTION_MS: z.coerce.number().int().min(1).default(250).describe('Precision of the record timestamp search behind lag in seconds.'),
  LAG_TIMESTAMP_MAX_PROBES: z.coerce.number().int().min(2).max(200).default(40).describe('Most ListOffsets-by-time probes per timestamp search.'),
  LAG_GROUPS_EXCLUDE: z.string().default('^hub-checkpoint-reader-').describe('Regular expression of group ids not monitored (throw-away groups).'),
  LAG_HUB_SERVICES: z.string().default('').describe('Hub service names, comma-separated, to recognise `<service>` and `hub-<service>` groups too; `hub.<service>` is always recognised.'),
});

export type LagConfig = z.output<typeof lagConfigSchema>;
export type LagRulesConfig = z.output<typeof lagRulesSchema>;

export function rulesFromConfig(c: LagRulesConfig): LagRules {
  return {
    windowSize: c.LAG_WINDOW_SAMPLES,
    minSamples: Math.min(c.LAG_MIN_SAMPLES, c.LAG_WINDOW_SAMPLES),
    minDistanceMs: c.LAG_MIN_DISTANCE_MS,
    allowedLag: c.LAG_ALLOWED_LAG,
    allowedLagByGroup: c.LAG_ALLOWED_LAG_BY_GROUP,
    fastStop: c.LAG_FAST_STOP === 'on',
  };
}

export function namingFromConfig(c: Pick<LagConfig, 'HUB_TOPIC_PREFIX' | 'LAG_HUB_SERVICES'>): HubGroupNaming {
  return { prefix: c.HUB_TOPIC_PREFIX, services: c.LAG_HUB_SERVICES.split(',').map((s) => s.trim()).filter(Boolean) };
}
