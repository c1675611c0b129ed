/**
 * Building blocks for synthetic Chilean data: a seeded PRNG and valid RUNs drawn from it.
 *
 * Why: the README's rule is "only synthetic data, ever", and the matching evaluation needs
 * generators that are reproducible (same seed, same records) so that a regression can be replayed.
 * Randomness is injected (`random: () => number`, floats in [0, 1)), which keeps these helpers
 * pure and lets a test pin every draw.
 *
 * A synthetic RUN has a valid check digit and may therefore coincide with a real person's RUN
 * (no test range is reserved; child-protection.md §2.1). Records built with it must carry the
 * synthetic provenance flag and never be joined with real sources.
 */
import { RUN_BODY_MAX, RUN_BODY_MIN, formatRun, parseRun, type ValidRun } from './run';

/**
 * mulberry32: a tiny, fast 32-bit PRNG (public domain, by Tommy Ettinger). Not cryptographic;
 * good enough for test data. The same seed always gives the same sequence of floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticRunOptions {
  /** Smallest body (default 5.000.000: adults born around 1950). */
  readonly minBody?: number;
  /** Largest body (default 29.999.999: a little above the RUNs given to children born today). */
  readonly maxBody?: number;
}

const DEFAULT_MIN = 5_000_000;
const DEFAULT_MAX = 29_999_999;
const MAX_DRAWS = 1000;

/**
 * A valid RUN (check digit computed, never a placeholder such as `22.222.222-2`) with a body drawn
 * uniformly from [minBody, maxBody]. Pass a narrower range to draw children (e.g. 24–28 million)
 * or their mothers (e.g. 12–22 million).
 * @throws RangeError when the range is outside what {@link parseRun} accepts, is empty, or
 *   holds only placeholders; or when `random` keeps returning values outside [0, 1).
 */
export function syntheticRun(random: () => number, options: SyntheticRunOptions = {}): ValidRun {
  const min = options.minBody ?? DEFAULT_MIN;
  const max = options.maxBody ?? DEFAULT_MAX;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < RUN_BODY_MIN || max > RUN_BODY_MAX || min > max) {
    throw new RangeError(`syntheticRun needs integer bounds with ${RUN_BODY_MIN} <= minBody <= maxBody <= ${RUN_BODY_MAX}`);
  }
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const r = random();
    if (!(r >= 0 && r < 1)) continue;
    const parsed = parseRun(formatRun(min + Math.floor(r * (max - min + 1))));
    if (parsed.ok) return parsed;
  }
  throw new RangeError('syntheticRun drew only placeholders or invalid numbers; widen the range or fix the PRNG');
}
