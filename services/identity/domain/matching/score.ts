/**
 * Scoring: comparison levels → posterior log2-odds of "same child" under the three-class mixture
 * (match, same household, unrelated), with term-frequency adjustment for common names; then the
 * deterministic rules and guards that turn a weight into a pair verdict.
 */
import { F, FIELD_COUNT, FIELD_LEVELS, FIELD_NAMES, lv } from './config';
import {
  Comparator, FLAG_HOUSEHOLD_ONLY, FLAG_MOSTLY_DISAGREES, FLAG_NEWBORN_MOTHER_RUN, FLAG_RUN_AGREES, FLAG_RUN_CONFLICT, FLAG_TWIN_PATTERN,
} from './compare';
import { effectiveFlags } from './household';
import type { CompiledModel } from './model';
import type { FieldComparison, MatchingModel, NormalisedPerson, PairExplanation, Thresholds } from './types';

const LN2 = Math.LN2;
const GIVEN_TF_LEVELS = new Set([lv('given', 'exact'), lv('given', 'subset'), lv('given', 'shared')]);
const PATERNAL_TF_LEVELS = new Set(['both-exact', 'exact-close', 'paternal-exact', 'paternal-exact-maternal-differs'].map((l) => lv('surnames', l as never)));
const BOTH_EXACT = lv('surnames', 'both-exact');

/** Natural-log adjustment of the non-match likelihood for how common the agreeing names are. */
export function tfAdjustment(c: CompiledModel, a: NormalisedPerson, b: NormalisedPerson, levels: ArrayLike<number>): number {
  const tf = c.model.tf;
  const max = tf.maxAdjustment * LN2;
  let adj = 0;
  const given = levels[F.given]!;
  if (GIVEN_TF_LEVELS.has(given) && tf.givenMean) {
    // The rarest shared token carries the evidence (María José vs María: MARIA).
    let f = 1;
    for (const t of a.given) if (b.given.includes(t)) f = Math.min(f, c.tfGiven.get(t) ?? tf.floor);
    adj += clamp(Math.log(Math.max(f, tf.floor) / tf.givenMean), max);
  }
  const surnames = levels[F.surnames]!;
  if (PATERNAL_TF_LEVELS.has(surnames) && tf.surnameMean && a.paternal !== null) {
    adj += clamp(Math.log(Math.max(c.tfSurname.get(a.paternal) ?? tf.floor, tf.floor) / tf.surnameMean), max);
    if (surnames === BOTH_EXACT && a.maternal !== null) {
      adj += clamp(Math.log(Math.max(c.tfSurname.get(a.maternal) ?? tf.floor, tf.floor) / tf.surnameMean), max);
    }
  }
  return adj;
}

function clamp(x: number, max: number): number {
  return x > max ? max : x < -max ? -max : x;
}

/** Class log-likelihoods of a level vector (without priors). */
export interface ClassLogLikelihoods { m: number; u: number; h: number; n: number }

export function logLikelihoods(c: CompiledModel, levels: ArrayLike<number>): ClassLogLikelihoods {
  let m = 0;
  let u = 0;
  let h = 0;
  let n = 0;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const l = levels[f]!;
    m += c.logM[f]![l]!;
    u += c.logU[f]![l]!;
    h += c.logH[f]![l]!;
    n += c.logN[f]![l]!;
  }
  return { m, u, h, n };
}

/**
 * Posterior log2-odds of "same child" from class log-likelihoods. A positive TF adjustment (common
 * name) raises the unrelated and household likelihoods: agreeing on "María González" is weak evidence.
 */
export function posteriorWeight(c: CompiledModel, ll: ClassLogLikelihoods, tfAdj: number): number {
  const lm = c.logPrior.m + ll.m;
  const lu = c.logPrior.u + ll.u + tfAdj;
  const lh = c.logPrior.h + ll.h + tfAdj;
  const ln = c.logPrior.n + ll.n + tfAdj;
  const top = Math.max(lu, lh, ln);
  const lnNon = top + Math.log(Math.exp(lu - top) + Math.exp(lh - top) + Math.exp(ln - top));
  return (lm - lnNon) / LN2;
}

export type PairVerdict = 'link' | 'review' | 'new';

/** Names of the FLAG_* bits, as they appear in explanations. */
export function ruleNames(flags: number): string[] {
  const out: string[] = [];
  if (flags & FLAG_RUN_AGREES) out.push('run-agrees');
  if (flags & FLAG_RUN_CONFLICT) out.push('run-conflict');
  if (flags & FLAG_NEWBORN_MOTHER_RUN) out.push('newborn-mother-run');
  if (flags & FLAG_HOUSEHOLD_ONLY) out.push('household-only');
  if (flags & FLAG_TWIN_PATTERN) out.push('twin-pattern');
  if (flags & FLAG_MOSTLY_DISAGREES) out.push('mostly-disagrees');
  return out;
}

/**
 * Deterministic rules first, then the thresholds. Order matters and is the policy:
 * 1. newborn under the mother's RUN (RUN agrees, person clearly does not) → review, never a link;
 * 2. twin/sibling pattern (same family, same birth date, different given names) → never a link;
 * 3. RUN agrees with a consistent birth date → link;
 * 4. two different valid RUNs → never a link (review only if the rest is overwhelming);
 * 5. household fields alone, or more fields disagreeing than agreeing → never a link;
 * 6. weight ≥ autoLink → link; weight ≥ review → review; else new.
 */
export function pairVerdict(weight: number, flags: number, t: Thresholds): PairVerdict {
  if (flags & FLAG_NEWBORN_MOTHER_RUN) return 'review';
  if (flags & FLAG_TWIN_PATTERN) return weight >= t.autoLink ? 'review' : 'new';
  if (flags & FLAG_RUN_AGREES) return 'link';
  if (flags & FLAG_RUN_CONFLICT) return weight >= t.autoLink ? 'review' : 'new';
  if (weight >= t.autoLink) return flags & (FLAG_HOUSEHOLD_ONLY | FLAG_MOSTLY_DISAGREES) ? 'review' : 'link';
  return weight >= t.review ? 'review' : 'new';
}

/** Flags that forbid two records from ever sharing an automatically built identity. */
export const VETO_FLAGS = FLAG_RUN_CONFLICT | FLAG_TWIN_PATTERN | FLAG_NEWBORN_MOTHER_RUN;

export interface ScoredPair {
  readonly weight: number;
  readonly flags: number;
  readonly levels: Int8Array;
}

/** Compares and scores one pair (the streaming path and explanations; batch uses pattern tables). */
export function scorePair(c: CompiledModel, cmp: Comparator, a: NormalisedPerson, b: NormalisedPerson): ScoredPair {
  const levels = new Int8Array(FIELD_COUNT);
  const flags = effectiveFlags(cmp.compare(a, b, levels), c.householdGuard, levels);
  const weight = posteriorWeight(c, logLikelihoods(c, levels), tfAdjustment(c, a, b, levels));
  return { weight, flags, levels };
}

export function explain(c: CompiledModel, cmp: Comparator, a: NormalisedPerson, b: NormalisedPerson): PairExplanation {
  const s = scorePair(c, cmp, a, b);
  const fields: FieldComparison[] = FIELD_NAMES.map((name, f) => {
    const l = s.levels[f]!;
    return { field: name, level: FIELD_LEVELS[name][l]!, weight: round((c.logM[f]![l]! - c.logU[f]![l]!) / LN2) };
  });
  const tf = tfAdjustment(c, a, b, s.levels);
  if (tf !== 0) fields.push({ field: 'name-frequency', level: tf > 0 ? 'common' : 'rare', weight: round(-tf / LN2) });
  const probability = 1 / (1 + 2 ** -s.weight);
  const rules = ruleNames(s.flags);
  rules.push(`verdict:${pairVerdict(s.weight, s.flags, c.model.thresholds)}`);
  return { recordKey: b.key, weight: round(s.weight), probability, fields, rules };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function comparatorFor(model: MatchingModel): Comparator {
  return new Comparator(model.comparators);
}
