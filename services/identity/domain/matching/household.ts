/**
 * Evidence for the household guard, measured on a batch's own candidate pairs.
 *
 * The twin/household guard (score.ts rules 2 and 5) refuses automatic links on household fields
 * alone, because twins agree on surnames, address and birth date and differ only in the given name
 * (or have none recorded). That guard is right wherever households exist; it is pure loss in a
 * batch that demonstrably holds none (FEBRL: generated duplicates whose given name was replaced or
 * dropped look exactly like twins, and there are no twins to protect).
 *
 * Twins are a minority of siblings: in a population, the pairs that look like twins are at most
 * `TWINS_PER_SIBLING_PAIR` times the pairs that are clearly *siblings* (same family surnames, same
 * address, different given name, different birth date). So the batch estimates the share of twins
 * among its guarded pairs as
 *
 *     twinShare = TWINS_PER_SIBLING_PAIR · (siblingPairs + 1) / guardedPairs
 *
 * (+1: a small batch with no sibling pairs has not shown that it has no households), and the guard
 * is lifted — guarded pairs are then scored like any other pair, autoLink threshold included — only
 * when twinShare ≤ `model.thresholds.maxTwinShare` (default 1 %). The ratio 0.1 is 2.5× the
 * generator's twin rate and ~3× the real one: the estimate errs towards keeping the guard.
 * Chilean child data (thousands of sibling pairs) keeps it; so does every streaming decision made
 * with a model trained on such data (the committed DEFAULT_MODEL).
 */
import { F, lv, SAME_FAMILY_SURNAMES } from './config';
import { FLAG_HOUSEHOLD_ONLY, FLAG_TWIN_PATTERN } from './compare';
import type { HouseholdEvidence } from './types';

export const TWINS_PER_SIBLING_PAIR = 0.1;
export const DEFAULT_MAX_TWIN_SHARE = 0.01;
/** The flags the household evidence may lift. Every other rule (RUN, newborn, mostly-disagrees) stays. */
export const HOUSEHOLD_FLAGS = FLAG_TWIN_PATTERN | FLAG_HOUSEHOLD_ONLY;

const FAMILY = new Set<number>(SAME_FAMILY_SURNAMES);
const SURNAMES_NULL = lv('surnames', 'null');
const RUN_AGREES = lv('run', 'agree');
const ID_AGREES = new Set<number>([lv('identifier', 'agree'), lv('identifier', 'close')]);
const GIVEN_DIFFERS = new Set<number>([lv('given', 'else'), lv('given', 'similar')]);
const BIRTH_ELSE = lv('birthDate', 'else');
const BIRTH_EXACT = lv('birthDate', 'exact');
const SAME_STREET = new Set<number>([lv('street', 'exact'), lv('street', 'close')]);
const PHONE_AGREES = lv('phone', 'agree');

/** A pair of different children of one household, recognisable as such: siblings of different ages. */
export function isSiblingPattern(levels: ArrayLike<number>): boolean {
  return levels[F.run] !== RUN_AGREES && !ID_AGREES.has(levels[F.identifier]!) && FAMILY.has(levels[F.surnames]!) && GIVEN_DIFFERS.has(levels[F.given]!) && levels[F.birthDate] === BIRTH_ELSE
    && (SAME_STREET.has(levels[F.street]!) || levels[F.phone] === PHONE_AGREES);
}

/**
 * A pair the household guard holds back that a twin pair would also produce: same family surnames
 * and birth date (the denominator of twinShare: only pairs that could be twins).
 */
export function isGuardedTwinLike(levels: ArrayLike<number>, flags: number): boolean {
  return (flags & HOUSEHOLD_FLAGS) !== 0 && levels[F.birthDate] === BIRTH_EXACT && FAMILY.has(levels[F.surnames]!);
}

/**
 * Same birth date, with surnames on both sides: what twins share, the given name aside. (Surnames
 * that disagree are scored by the model; a pair with no surnames at all has too little to go on.)
 */
function twinLike(levels: ArrayLike<number>): boolean {
  return levels[F.birthDate] === BIRTH_EXACT && levels[F.surnames] !== SURNAMES_NULL;
}

export function householdEvidence(siblingPairs: number, guardedPairs: number, maxTwinShare: number): HouseholdEvidence {
  const twinShare = guardedPairs > 0 ? Math.min(1, (TWINS_PER_SIBLING_PAIR * (siblingPairs + 1)) / guardedPairs) : 1;
  return { siblingPairs, guardedPairs, twinShare: Math.round(twinShare * 1e6) / 1e6, guard: twinShare > maxTwinShare };
}

/**
 * The flags a pair verdict sees: when the batch shows no households, the household flags are
 * removed from the pairs the evidence was measured on (twin-like: same family surnames and birth
 * date). Any other household-only pair (a weak name and a postcode; a date and no names) stays
 * guarded: its problem is missing individual evidence, not twins.
 */
export function effectiveFlags(flags: number, guard: boolean, levels: ArrayLike<number>): number {
  return guard || !twinLike(levels) ? flags : flags & ~HOUSEHOLD_FLAGS;
}
