/**
 * Expectation–maximisation over *pattern counts*: pairs are reduced to distinct comparison
 * vectors with a count each (thousands, not millions), so EM costs nothing next to blocking.
 *
 * Latent classes — one match class and three kinds of non-match, because blocking only lets
 * through non-matches that agree on *something*, and one "unrelated" class cannot describe both
 * a random pair and a pair that shares a name or a household:
 *   - match (same child);
 *   - household: different children sharing family fields (siblings, twins, cousins at one
 *     address). Its given-name distribution is FIXED (it is what defines the class) and its
 *     RUN/identifier levels are tied to unrelated. Without it EM folds siblings into matches;
 *   - unrelated: random pairs. Anchored by a deterministic sample of random pairs (a second pool
 *     with its own mixing proportions, sharing every m/u/h/n), so it cannot drift into a second
 *     match class when a batch is mostly duplicates (FEBRL 3: 75 % of candidate pairs);
 *   - namesake: different children with the same names. Only given names and surnames are
 *     learned; every other field is tied to unrelated, so the class can never hold matches
 *     (which agree on dates and addresses) — but it keeps "Benjamín White, other date, other
 *     address" out of the match class.
 * u is thereby learned from candidate pairs *and* random pairs.
 * Null levels are ignored (weight 0 in every class): probabilities are over non-null levels.
 */
import { F, FIELD_COUNT, FIELD_NAMES, LEVEL_COUNTS } from './config';
import type { FieldParams, MatchingModel } from './types';

export interface PatternTable {
  /** `patterns.length / FIELD_COUNT` rows of level indices. */
  readonly levels: Int8Array;
  /** How many candidate pairs have each pattern. */
  readonly counts: Float64Array;
  /** How many pairs of a deterministic pseudo-random sample have each pattern (0 for most). */
  readonly randomCounts?: Float64Array;
}

export interface EmResult {
  readonly fields: FieldParams[];
  readonly prior: { match: number; household: number; unrelated: number; namesake: number };
  readonly iterations: number;
  readonly converged: boolean;
}

const PSEUDO = 0.5; // Dirichlet smoothing per level: no probability collapses to 0
const MIN_PRIOR = 1e-7;
const M = 0;
const H = 1;
const U = 2;
const N = 3;
const CLASSES = 4;
const NAME_FIELDS = new Set<number>([F.given, F.surnames]);

/**
 * `households: false` (a batch that showed no households, household.ts) pins the household class
 * at a negligible prior: otherwise EM fills it with the matches that look like twins (FEBRL's
 * duplicates with a replaced given name) and under-rates them.
 */
export function runEm(table: PatternTable, base: MatchingModel, maxIterations = 100, tolerance = 1e-5, households = true): EmResult {
  const P = table.counts.length;
  const pick = (c: number) => (l: { m: number; h: number; u: number; n?: number }) => (c === M ? l.m : c === H ? l.h : c === U ? l.u : l.n ?? l.m);
  const params: Float64Array[][] = [M, H, U, N].map((c) => FIELD_NAMES.map((name, f) => {
    const out = new Float64Array(LEVEL_COUNTS[f]!);
    base.fields.find((x) => x.name === name)!.levels.forEach((l, i) => { out[i] = pick(c)(l); });
    return out;
  }));
  const householdGiven = Float64Array.from(base.fields.find((x) => x.name === 'given')!.levels.map((l) => l.h));
  const bp = base.prior;
  const pin = (pr: number[]): number[] => {
    if (households) return pr;
    pr[H] = MIN_PRIOR;
    const s = pr.reduce((a, b) => a + b, 0);
    return pr.map((x) => x / s);
  };
  let prior = pin([bp.match, bp.household, bp.unrelated, bp.namesake ?? 0.05]);
  let priorRandom = pin([1e-5, 1e-3, 1 - 1.1e-3 - 1e-5, 1e-4]);
  const random = table.randomCounts;
  const resp = new Float64Array(P * CLASSES);
  const respR = new Float64Array(random ? P * CLASSES : 0);
  const lik = new Float64Array(CLASSES);
  let iterations = 0;
  let converged = false;
  const posterior = (out: Float64Array, p: number, pr: readonly number[]) => {
    let top = -Infinity;
    for (let c = 0; c < CLASSES; c++) { const v = Math.log(pr[c]!) + lik[c]!; out[p * CLASSES + c] = v; if (v > top) top = v; }
    let sum = 0;
    for (let c = 0; c < CLASSES; c++) { const e = Math.exp(out[p * CLASSES + c]! - top); out[p * CLASSES + c] = e; sum += e; }
    for (let c = 0; c < CLASSES; c++) out[p * CLASSES + c]! /= sum;
  };
  const mixing = (counts: Float64Array, r: Float64Array, old: readonly number[]): { next: number[]; delta: number } => {
    const total = counts.reduce((a, b) => a + b, 0);
    const next = new Array<number>(CLASSES).fill(0);
    for (let p = 0; p < P; p++) for (let c = 0; c < CLASSES; c++) next[c]! += counts[p]! * r[p * CLASSES + c]!;
    for (let c = 0; c < CLASSES; c++) next[c] = Math.max(MIN_PRIOR, total > 0 ? next[c]! / total : old[c]!);
    const norm = next.reduce((a, b) => a + b, 0);
    let delta = 0;
    for (let c = 0; c < CLASSES; c++) { next[c]! /= norm; delta = Math.max(delta, Math.abs(next[c]! - old[c]!)); }
    return { next, delta };
  };
  for (; iterations < maxIterations && !converged; iterations++) {
    tie(params, householdGiven);
    const logs = params.map((cls) => cls.map((lv) => lv.map((p) => Math.log(Math.max(p, 1e-12)))));
    for (let p = 0; p < P; p++) {
      lik.fill(0);
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = table.levels[p * FIELD_COUNT + f]!;
        if (l === LEVEL_COUNTS[f]! - 1) continue; // null
        for (let c = 0; c < CLASSES; c++) lik[c]! += logs[c]![f]![l]!;
      }
      posterior(resp, p, prior);
      if (random) posterior(respR, p, priorRandom);
    }
    const a = mixing(table.counts, resp, prior);
    prior = pin(a.next);
    let delta = a.delta;
    if (random) { const b = mixing(random, respR, priorRandom); priorRandom = pin(b.next); delta = Math.max(delta, b.delta); }
    for (let c = 0; c < CLASSES; c++) {
      for (let f = 0; f < FIELD_COUNT; f++) {
        const k = LEVEL_COUNTS[f]!;
        const acc = new Float64Array(k).fill(PSEUDO);
        for (let p = 0; p < P; p++) {
          const l = table.levels[p * FIELD_COUNT + f]!;
          if (l === k - 1) continue;
          acc[l]! += table.counts[p]! * resp[p * CLASSES + c]!;
          if (random) acc[l]! += random[p]! * respR[p * CLASSES + c]!;
        }
        let s = 0;
        for (let l = 0; l < k - 1; l++) s += acc[l]!;
        for (let l = 0; l < k - 1; l++) {
          const v = acc[l]! / s;
          delta = Math.max(delta, Math.abs(v - params[c]![f]![l]!));
          params[c]![f]![l] = v;
        }
        params[c]![f]![k - 1] = 1;
      }
    }
    converged = delta < tolerance;
  }
  tie(params, householdGiven);
  const fields: FieldParams[] = FIELD_NAMES.map((name, f) => ({
    name,
    levels: base.fields.find((x) => x.name === name)!.levels.map((l, i) => ({
      name: l.name, m: params[M]![f]![i]!, h: params[H]![f]![i]!, u: params[U]![f]![i]!, n: params[N]![f]![i]!,
    })),
  }));
  return { fields, prior: { match: prior[M]!, household: prior[H]!, unrelated: prior[U]!, namesake: prior[N]! }, iterations, converged };
}

/** The class definitions: fixed and tied parameters (see the file comment). */
function tie(params: Float64Array[][], householdGiven: Float64Array): void {
  params[H]![F.given]!.set(householdGiven);
  params[H]![F.run]!.set(params[U]![F.run]!);
  params[H]![F.identifier]!.set(params[U]![F.identifier]!);
  for (let f = 0; f < FIELD_COUNT; f++) if (!NAME_FIELDS.has(f)) params[N]![f]!.set(params[U]![f]!);
}
