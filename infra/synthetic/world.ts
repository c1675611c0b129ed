import { formatRun, mod11CheckDigit, type Comuna } from '../../services/platform/chile';
import { addMonths, type Day } from './calendar';
import {
  COMPOUND_SURNAMES, GIVEN_FEMALE, GIVEN_MALE, MIGRANT_GIVEN_FEMALE, MIGRANT_GIVEN_MALE, MIGRANT_SURNAMES, STREET_KINDS,
  STREET_NAMES, SURNAMES, VILLAS,
} from './data/names';
import { mixSeed, rngOf, STREAM, type Rng } from './random';
import type { Reference } from './reference';

/**
 * The synthetic world's people: families of one to five children living at one address, with
 * their mother; twins, half-siblings, fathers unknown (the children then carry both of the
 * mother's surnames) and migrant families whose children have an IPE instead of a RUN.
 * This is the *truth* every institution's record is a noisy view of.
 */
export type Sex = 'F' | 'M';

export interface TruePerson {
  readonly givenNames: readonly string[];
  readonly paternal: string;
  readonly maternal: string | null;
  /** RUN body; the check digit is computed. Null for migrants without a RUN. */
  readonly runBody: number | null;
  /** IPE as written (`100.123.456-7`), migrant children only. */
  readonly ipe: string | null;
  readonly birth: Day;
  readonly sex: Sex;
}

export interface Child extends TruePerson {
  /** The hub-internal truth id, `C000123`. */
  readonly id: string;
  /** 1-based ordinal of the child in the whole run. */
  readonly number: number;
  readonly familyIndex: number;
  /** Id of the twin, when the child is one. */
  readonly twinId: string | null;
  /** 1 or 2 for twins (birth order), else null. */
  readonly birthOrder: number | null;
  readonly migrant: boolean;
}

export interface Family {
  readonly index: number;
  readonly comuna: Comuna;
  readonly address: string;
  readonly phone: string | null;
  readonly mother: TruePerson;
  readonly migrant: boolean;
  /** Oldest first. */
  readonly children: readonly Child[];
}

export interface WorldParams {
  readonly seed: number;
  /** The day the world is observed: every child is born before it, every record happens before it. */
  readonly referenceDay: Day;
  readonly reference: Reference;
  /** Share of migrant families (their children have an IPE, not a RUN). */
  readonly migrantRate: number;
  /** Share of families (with two or more children) that have a pair of twins. */
  readonly twinRate: number;
}

export const DEFAULT_WORLD_RATES = { migrantRate: 0.03, twinRate: 0.04 } as const;

/** Largest run the RUN and IPE permutations keep unique. */
export const MAX_CHILDREN = 5_000_000;

/** Oldest child's age at the reference day: the network's population leans to adolescents (domain.md §2.3e). */
const AGE_WEIGHTS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 1], 6], [[2, 5], 14], [[6, 9], 18], [[10, 13], 28], [[14, 17], 34],
];
const FAMILY_SIZE: readonly (readonly [number, number])[] = [[1, 40], [2, 30], [3, 18], [4, 9], [5, 3]];

export function childId(n: number): string {
  return `C${String(n).padStart(6, '0')}`;
}

/**
 * Builds family `index`, whose first child gets ordinal `firstChild`; at most `maxChildren`
 * children (the run's last family is cut to reach exactly the asked number).
 */
export function makeFamily(p: WorldParams, index: number, firstChild: number, maxChildren: number): Family {
  const rng = rngOf(p.seed, STREAM.world, index);
  const migrant = rng.chance(p.migrantRate);
  const comuna = p.reference.pickComuna(rng);
  const names = migrant ? MIGRANT : LOCAL;

  const motherSex: Sex = 'F';
  const mother: TruePerson = {
    givenNames: givenNames(rng, names, motherSex),
    paternal: surname(rng, names),
    maternal: surname(rng, names),
    runBody: migrant ? null : motherRunBody(p.seed, index),
    ipe: null,
    birth: 0, // set below, once the children's ages are known
    sex: motherSex,
  };
  const fatherUnknown = rng.chance(0.15);
  const fatherSurname = surname(rng, names);
  const secondFatherSurname = rng.chance(0.1) ? surname(rng, names) : fatherSurname;

  let size = Math.min(maxChildren, rng.weighted(FAMILY_SIZE));
  const twinAt = size >= 2 && rng.chance(p.twinRate) ? rng.int(0, size - 2) : -1;
  const [minAge, maxAge] = rng.weighted(AGE_WEIGHTS);
  let birth = p.referenceDay - rng.int(minAge * 365, maxAge * 365 + 364);
  const births: Day[] = [];
  for (let k = 0; k < size; k++) {
    if (k > 0 && k !== twinAt + 1) birth += rng.int(330, 4 * 365);
    if (birth >= p.referenceDay) { size = k; break; }
    births.push(birth);
  }

  const children: Child[] = [];
  const taken = new Set<string>();
  for (let k = 0; k < size; k++) {
    const number = firstChild + k;
    const sex: Sex = rng.chance(0.5) ? 'F' : 'M';
    const isTwin = twinAt >= 0 && (k === twinAt || k === twinAt + 1) && size > twinAt + 1;
    const secondTwin = isTwin && k === twinAt + 1;
    const paternal = secondTwin ? children[k - 1]!.paternal
      : fatherUnknown ? mother.paternal : k > 0 && k > size / 2 ? secondFatherSurname : fatherSurname;
    let given = givenNames(rng, names, sex);
    while (taken.has(given[0]!)) given = givenNames(rng, names, sex);
    taken.add(given[0]!);
    const twinPartner = isTwin ? (k === twinAt ? number + 1 : number - 1) : null;
    children.push({
      id: childId(number),
      number,
      familyIndex: index,
      givenNames: given,
      paternal,
      maternal: fatherUnknown ? mother.maternal : mother.paternal,
      // Twins get consecutive RUNs, as Registro Civil usually numbers them.
      runBody: migrant ? null : secondTwin ? childRunBody(p.seed, number - 1) + 1 : childRunBody(p.seed, number),
      ipe: migrant ? ipeOf(p.seed, number) : null,
      birth: births[k]!,
      sex,
      twinId: twinPartner === null ? null : childId(twinPartner),
      birthOrder: isTwin ? (k === twinAt ? 1 : 2) : null,
      migrant,
    });
  }
  const oldest = children[0]?.birth ?? p.referenceDay;
  const motherBirth = addMonths(oldest, -12 * rng.int(16, 38)) - rng.int(0, 364);
  return {
    index, comuna, address: address(rng), phone: rng.chance(0.6) ? phone(rng) : null, migrant,
    mother: { ...mother, birth: motherBirth }, children,
  };
}

interface NameLists { readonly female: readonly string[]; readonly male: readonly string[]; readonly surnames: readonly string[]; readonly compound: number }
const LOCAL: NameLists = { female: GIVEN_FEMALE, male: GIVEN_MALE, surnames: SURNAMES, compound: 0.08 };
const MIGRANT: NameLists = { female: MIGRANT_GIVEN_FEMALE, male: MIGRANT_GIVEN_MALE, surnames: MIGRANT_SURNAMES, compound: 0 };

function givenNames(rng: Rng, names: NameLists, sex: Sex): string[] {
  const list = sex === 'F' ? names.female : names.male;
  const first = rng.pick(list);
  if (!rng.chance(0.65)) return [first];
  let second = rng.pick(list);
  while (second === first) second = rng.pick(list);
  return [first, second];
}

function surname(rng: Rng, names: NameLists): string {
  return rng.chance(names.compound) ? rng.pick(COMPOUND_SURNAMES) : rng.pick(names.surnames);
}

function address(rng: Rng): string {
  const street = `${rng.pick(STREET_KINDS)} ${rng.pick(STREET_NAMES)} ${rng.int(1, 4999)}`.replace(/^Los Los /, 'Los ').replace(/^Villa /, 'Pasaje ');
  const r = rng.next();
  // Separators, quotes and line breaks inside a cell are what RFC 4180 quoting is for.
  if (r < 0.01) return `${street}\n${rng.pick(VILLAS)}`;
  if (r < 0.03) return `${street}, ${rng.pick(VILLAS).replace(/^(\S+) (.*)$/, '$1 "$2"')}`;
  if (r < 0.07) return `${street}; casa ${rng.pick(['A', 'B', 'C'])}`;
  if (r < 0.3) return `${street}, depto ${rng.int(101, 1808)}`;
  if (r < 0.4) return `${street}, ${rng.pick(VILLAS)}`;
  return street;
}

function phone(rng: Rng): string {
  const n = String(rng.int(10_000_000, 99_999_999));
  return rng.chance(0.5) ? `+56 9 ${n.slice(0, 4)} ${n.slice(4)}` : `9${n}`;
}

/*
 * RUNs and IPEs come from seeded permutations of the child's ordinal, not from independent draws:
 * a million uniform draws from 10 million numbers would give thousands of children sharing a RUN,
 * and the truth file must never say two children are one. Children's RUN bodies are even numbers
 * in [18, 28) million (a twin gets the next odd one), mothers' in [8, 18) million.
 */
const CHILD_SLOTS = MAX_CHILDREN;
const MOTHER_SLOTS = 10_000_000;
const IPE_SLOTS = 9_000_000;

function permute(n: number, slots: number, multiplier: number, seed: number, salt: number): number {
  const offset = (mixSeed(seed, [salt]) >>> 0) % slots;
  return (((n % slots) * multiplier) % slots + offset) % slots;
}

export function childRunBody(seed: number, n: number): number {
  return avoidPlaceholder(18_000_000 + 2 * permute(n, CHILD_SLOTS, 3_141_593, seed, 11));
}

export function motherRunBody(seed: number, familyIndex: number): number {
  return avoidPlaceholder(8_000_000 + permute(familyIndex, MOTHER_SLOTS, 2_718_283, seed, 12));
}

function ipeOf(seed: number, n: number): string {
  const digits = String(100_000_000 + permute(n, IPE_SLOTS, 1_618_033, seed, 13));
  return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}-${mod11CheckDigit(digits)}`;
}

/**
 * One-digit bodies (`22.222.222`) are placeholders to every parser; the three that fall in the
 * ranges above move to odd bodies above 58 million, which nothing else uses.
 */
function avoidPlaceholder(body: number): number {
  return /^(\d)\1+$/.test(String(body)) ? body + 50_000_001 : body;
}

/** The RUN as people write it, `12.345.678-5`. */
export function runText(body: number, dots = true): string {
  return formatRun(body, { dots });
}
