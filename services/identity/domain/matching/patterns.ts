/**
 * Candidate pairs → comparison patterns (pattern id per pair, distinct patterns with counts),
 * rule flags and term-frequency adjustments per pair; plus the term-frequency tables themselves.
 * Shared by training (EM over the pattern counts) and batch resolution (weights per pattern).
 */
import { Comparator } from './compare';
import { FIELD_COUNT, LEVEL_COUNTS } from './config';
import type { PatternTable } from './em';
import type { CompiledModel } from './model';
import type { CandidatePairs } from './pairs';
import { tfAdjustment } from './score';
import type { MatchingModel, NormalisedPerson, TermFrequencies } from './types';

export interface PairPatterns {
  readonly table: PatternTable;
  /** Pattern id of each candidate pair (index into table rows). */
  readonly patternOf: Uint32Array;
  readonly flags: Uint8Array;
  /** Natural-log TF adjustment of each pair (0 when names do not agree). */
  readonly tfAdj: Float32Array;
}

const RADIX: number[] = [];
{
  let r = 1;
  for (let f = 0; f < FIELD_COUNT; f++) { RADIX.push(r); r *= LEVEL_COUNTS[f]!; }
}

export function buildPatterns(
  records: readonly NormalisedPerson[], pairs: CandidatePairs, compiled: CompiledModel, cmp: Comparator,
  onProgress?: (done: number, total: number) => void, randomPairs = 0,
): PairPatterns {
  const N = pairs.packed.length;
  const scale = 2 ** pairs.bits;
  const patternOf = new Uint32Array(N);
  const flags = new Uint8Array(N);
  const tfAdj = new Float32Array(N);
  const ids = new Map<number, number>();
  let levelsOut = new Int8Array(FIELD_COUNT * 1024);
  let counts = new Float64Array(1024);
  const levels = new Int8Array(FIELD_COUNT);
  for (let x = 0; x < N; x++) {
    const packed = pairs.packed[x]!;
    const i = Math.floor(packed / scale);
    const a = records[i]!;
    const b = records[packed - i * scale]!;
    flags[x] = cmp.compare(a, b, levels);
    tfAdj[x] = tfAdjustment(compiled, a, b, levels);
    let code = 0;
    for (let f = 0; f < FIELD_COUNT; f++) code += levels[f]! * RADIX[f]!;
    let id = ids.get(code);
    if (id === undefined) {
      id = ids.size;
      ids.set(code, id);
      if (id === counts.length) {
        const c2 = new Float64Array(counts.length * 2); c2.set(counts); counts = c2;
        const l2 = new Int8Array(levelsOut.length * 2); l2.set(levelsOut); levelsOut = l2;
      }
      levelsOut.set(levels, id * FIELD_COUNT);
    }
    counts[id]! += 1;
    patternOf[x] = id;
    if (onProgress && (x & 0xffff) === 0) onProgress(x, N);
  }
  // The random pool (training only): deterministic pseudo-random pairs, a function of the sorted
  // record set, so training stays order independent and reproducible.
  let randomCounts: Float64Array | undefined;
  if (randomPairs > 0 && records.length > 1) {
    const n = records.length;
    const rng = mulberry32(0x5eed ^ n);
    const extra = new Map<number, number>();
    for (let k = 0; k < randomPairs; k++) {
      const i = Math.floor(rng() * n);
      const j = Math.floor(rng() * n);
      if (i === j) continue;
      cmp.compare(records[i]!, records[j]!, levels);
      let code = 0;
      for (let f = 0; f < FIELD_COUNT; f++) code += levels[f]! * RADIX[f]!;
      let id = ids.get(code);
      if (id === undefined) {
        id = ids.size;
        ids.set(code, id);
        if (id === counts.length) {
          const c2 = new Float64Array(counts.length * 2); c2.set(counts); counts = c2;
          const l2 = new Int8Array(levelsOut.length * 2); l2.set(levelsOut); levelsOut = l2;
        }
        levelsOut.set(levels, id * FIELD_COUNT);
      }
      extra.set(id, (extra.get(id) ?? 0) + 1);
    }
    randomCounts = new Float64Array(ids.size);
    for (const [id, c] of extra) randomCounts[id] = c;
  }
  const table = { levels: levelsOut.slice(0, ids.size * FIELD_COUNT), counts: counts.slice(0, ids.size), ...(randomCounts ? { randomCounts } : {}) };
  return { table, patternOf, flags, tfAdj };
}

/** Small deterministic PRNG (seeded): reproducible sampling, not randomness. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Relative frequencies of given-name tokens and surnames, keeping the `top` most common. */
export function termFrequencies(records: readonly NormalisedPerson[], base: TermFrequencies, top = 4000): TermFrequencies {
  const given = new Map<string, number>();
  const surname = new Map<string, number>();
  let gTotal = 0;
  let sTotal = 0;
  for (const r of records) {
    for (const t of r.given) { given.set(t, (given.get(t) ?? 0) + 1); gTotal++; }
    for (const s of [r.paternal, r.maternal]) if (s !== null) { surname.set(s, (surname.get(s) ?? 0) + 1); sTotal++; }
  }
  const table = (m: Map<string, number>, total: number) => {
    const sorted = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top);
    return Object.fromEntries(sorted.map(([k, v]) => [k, round6(v / total)]));
  };
  const mean = (m: Map<string, number>, total: number) => {
    let s = 0;
    for (const v of m.values()) s += (v / total) ** 2;
    return total > 0 ? s : 0;
  };
  if (gTotal === 0 && sTotal === 0) return base;
  const g = table(given, gTotal);
  const sn = table(surname, sTotal);
  // A value outside the tables is at most as common as the rarest value kept.
  const floor = Math.min(...Object.values(g), ...Object.values(sn), 1);
  return {
    ...base, floor,
    given: g, surname: sn,
    givenMean: round6(mean(given, gTotal)), surnameMean: round6(mean(surname, sTotal)),
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6 || 1e-6;
}

export function withTermFrequencies(model: MatchingModel, records: readonly NormalisedPerson[]): MatchingModel {
  return { ...model, tf: termFrequencies(records, model.tf) };
}
