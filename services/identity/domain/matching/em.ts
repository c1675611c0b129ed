/**
 * Expectation–maximisation over *pattern counts*: candidate pairs are reduced to distinct
 * comparison vectors with a count each (thousands, not millions), so EM costs nothing next to
 * blocking. Three latent classes:
 *   - match (same child),
 *   - household (different children who share family fields: siblings, twins, cousins at one
 *     address) — without it EM folds siblings into the match class, because they agree on
 *     surnames, address, comuna and phone, which is most of the vector;
 *   - unrelated.
 * u is learned from the candidate pairs themselves (not from random pairs), because what must be
 * told apart is a match from a *plausible* non-match that survived blocking.
 * Null levels are ignored (weight 0 in every class): probabilities are over non-null levels.
 */
import { F, FIELD_COUNT, FIELD_NAMES, LEVEL_COUNTS } from './config';
import type { FieldParams, MatchingModel } from './types';

export interface PatternTable {
  /** `patterns.length / FIELD_COUNT` rows of level indices. */
  readonly levels: Int8Array;
  /** How many candidate pairs have each pattern. */
  readonly counts: Float64Array;
  /**
   * How many pairs of a deterministic pseudo-random sample have each pattern (0 for most). They
   * anchor the unrelated class: in a batch full of duplicates (FEBRL 3: 75 % of candidate pairs are
   * matches) the candidate pairs alone leave "unrelated" free to become a second match class.
   */
  readonly randomCounts?: Float64Array;
}

export interface EmResult {
  readonly fields: FieldParams[];
  readonly prior: { match: number; household: number; unrelated: number };
  readonly iterations: number;
  readonly converged: boolean;
}

const PSEUDO = 0.5; // Dirichlet smoothing per level: no probability collapses to 0
const MIN_PRIOR = 1e-7;

export function runEm(table: PatternTable, base: MatchingModel, maxIterations = 500, tolerance = 1e-6): EmResult {
  const P = table.counts.length;
  const classes = 3; // 0 match, 1 household, 2 unrelated
  // params[c][f][l]
  const params: Float64Array[][] = [0, 1, 2].map((c) => FIELD_NAMES.map((name, f) => {
    const levels = base.fields.find((x) => x.name === name)!.levels;
    const out = new Float64Array(LEVEL_COUNTS[f]!);
    levels.forEach((l, i) => { out[i] = c === 0 ? l.m : c === 1 ? l.h : l.u; });
    return out;
  }));
  // Mixing proportions per pool (candidate pairs, random pairs); m/u/h are shared by both pools.
  let prior = [base.prior.match, base.prior.household, base.prior.unrelated];
  let priorRandom = [1e-4, 1e-3, 1 - 1.1e-3];
  const random = table.randomCounts;
  const resp = new Float64Array(P * classes);
  const respR = new Float64Array(random ? P * classes : 0);
  let iterations = 0;
  let converged = false;
  const posterior = (out: Float64Array, p: number, pr: number[], lik: number[]) => {
    const ll = [Math.log(pr[0]!) + lik[0]!, Math.log(pr[1]!) + lik[1]!, Math.log(pr[2]!) + lik[2]!];
    const top = Math.max(ll[0]!, ll[1]!, ll[2]!);
    let sum = 0;
    for (let c = 0; c < classes; c++) { const e = Math.exp(ll[c]! - top); out[p * classes + c] = e; sum += e; }
    for (let c = 0; c < classes; c++) out[p * classes + c]! /= sum;
  };
  const mixing = (counts: Float64Array, r: Float64Array, old: number[]): { next: number[]; delta: number } => {
    const total = counts.reduce((a, b) => a + b, 0);
    const next = [0, 0, 0];
    for (let p = 0; p < P; p++) for (let c = 0; c < classes; c++) next[c]! += counts[p]! * r[p * classes + c]!;
    let delta = 0;
    for (let c = 0; c < classes; c++) next[c] = Math.max(MIN_PRIOR, total > 0 ? next[c]! / total : old[c]!);
    const norm = next.reduce((a, b) => a + b, 0);
    for (let c = 0; c < classes; c++) { next[c]! /= norm; delta = Math.max(delta, Math.abs(next[c]! - old[c]!)); }
    return { next, delta };
  };
  for (; iterations < maxIterations && !converged; iterations++) {
    // E step
    const logs = params.map((cls) => cls.map((lv) => lv.map((p) => Math.log(Math.max(p, 1e-12)))));
    const lik = [0, 0, 0];
    for (let p = 0; p < P; p++) {
      lik[0] = 0; lik[1] = 0; lik[2] = 0;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = table.levels[p * FIELD_COUNT + f]!;
        if (l === LEVEL_COUNTS[f]! - 1) continue; // null
        for (let c = 0; c < classes; c++) lik[c]! += logs[c]![f]![l]!;
      }
      posterior(resp, p, prior, lik);
      if (random) posterior(respR, p, priorRandom, lik);
    }
    // M step
    const a = mixing(table.counts, resp, prior);
    prior = a.next;
    let delta = a.delta;
    if (random) { const b = mixing(random, respR, priorRandom); priorRandom = b.next; delta = Math.max(delta, b.delta); }
    for (let c = 0; c < classes; c++) {
      for (let f = 0; f < FIELD_COUNT; f++) {
        const k = LEVEL_COUNTS[f]!;
        const acc = new Float64Array(k).fill(PSEUDO);
        acc[k - 1] = 0;
        for (let p = 0; p < P; p++) {
          const l = table.levels[p * FIELD_COUNT + f]!;
          if (l === k - 1) continue;
          acc[l]! += table.counts[p]! * resp[p * classes + c]!;
          if (random) acc[l]! += random[p]! * respR[p * classes + c]!;
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
    // The household class is defined, not discovered: its given-name distribution stays fixed,
    // and siblings' RUNs/identifiers differ like unrelated children's (tied to u).
    params[1]![F.given]!.set(base.fields.find((x) => x.name === 'given')!.levels.map((l) => l.h));
    params[1]![F.run]!.set(params[2]![F.run]!);
    params[1]![F.identifier]!.set(params[2]![F.identifier]!);
    converged = delta < tolerance;
  }
  const fields: FieldParams[] = FIELD_NAMES.map((name, f) => ({
    name,
    levels: base.fields.find((x) => x.name === name)!.levels.map((l, i) => ({
      name: l.name, m: params[0]![f]![i]!, h: params[1]![f]![i]!, u: params[2]![f]![i]!,
    })),
  }));
  return { fields, prior: { match: prior[0]!, household: prior[1]!, unrelated: prior[2]! }, iterations, converged };
}
