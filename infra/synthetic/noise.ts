import { isCheckDigit, runCheckDigit } from '../../services/platform/chile';
import { ymd, dayOf, type Day } from './calendar';
import { NICKNAMES } from './data/names';
import type { Institution } from './records';
import type { Rng } from './random';
import type { Sex, TruePerson } from './world';

/**
 * How each institution's record of a child departs from the truth. Noise is decided once per
 * *view* (one institution unit's record of one child: its id and the way it spelt the child),
 * not per row, because a clerk types a child in once and every later row of that unit repeats
 * it. Labels name what was done, for the truth file; rates are per view, applied in the order of
 * {@link NOISE_LABELS}, and only where they can change something (no accents to drop → not
 * eligible), so `applied / eligible` estimates the configured rate.
 */
export const NOISE_LABELS = [
  'run_missing', 'run_digit_typo', 'run_bad_dv', 'ipe_missing',
  'second_given_dropped', 'nickname', 'maternal_missing', 'surnames_swapped', 'compound_split_joined',
  'name_typo', 'accents_dropped', 'enye_as_n', 'upper_case',
  'birth_day_month_swapped', 'birthdate_missing', 'sex_missing', 'address_missing',
] as const;
export type NoiseLabel = (typeof NOISE_LABELS)[number];
export type NoiseRates = Readonly<Record<NoiseLabel, number>>;

const r = (
  run_missing: number, run_digit_typo: number, run_bad_dv: number, ipe_missing: number,
  second_given_dropped: number, nickname: number, maternal_missing: number, surnames_swapped: number, compound_split_joined: number,
  name_typo: number, accents_dropped: number, enye_as_n: number, upper_case: number,
  birth_day_month_swapped: number, birthdate_missing: number, sex_missing: number, address_missing: number,
): NoiseRates => ({
  run_missing, run_digit_typo, run_bad_dv, ipe_missing, second_given_dropped, nickname, maternal_missing, surnames_swapped,
  compound_split_joined, name_typo, accents_dropped, enye_as_n, upper_case, birth_day_month_swapped, birthdate_missing,
  sex_missing, address_missing,
});

/**
 * Default rates per view. Schools (SIGE requires RUN or IPE) are cleanest; municipal offices,
 * which often open a case from a phone call, are noisiest; SENAINFO and hospitals store names in
 * upper case without accents more often than not.
 */
export const DEFAULT_NOISE: Readonly<Record<Institution, NoiseRates>> = {
  //                run_m  typo   dv     ipe_m  2nd    nick   mat_m  swap   comp   typo   acc    enye   upper  dm     bd_m   sex_m  addr_m
  TRIBUNAL:     r(0.05, 0.010, 0.010, 0.30, 0.15, 0.00, 0.03, 0.010, 0.30, 0.02, 0.30, 0.05, 0.50, 0.010, 0.01, 0.01, 0.10),
  SENAME:       r(0.08, 0.015, 0.010, 0.30, 0.10, 0.01, 0.05, 0.010, 0.30, 0.03, 0.50, 0.10, 0.70, 0.010, 0.02, 0.01, 0.15),
  MUNICIPALITY: r(0.15, 0.020, 0.020, 0.50, 0.30, 0.05, 0.10, 0.020, 0.40, 0.05, 0.40, 0.10, 0.30, 0.020, 0.05, 0.03, 0.20),
  SCHOOL:       r(0.01, 0.005, 0.003, 0.00, 0.05, 0.00, 0.01, 0.005, 0.20, 0.01, 0.20, 0.02, 0.40, 0.005, 0.00, 0.00, 0.05),
  HEALTH:       r(0.06, 0.015, 0.010, 0.50, 0.20, 0.02, 0.05, 0.010, 0.30, 0.04, 0.35, 0.10, 0.60, 0.010, 0.01, 0.01, 0.10),
};

/** Rates multiplied by `scale` (0 = clean data), capped at 1. */
export function scaledRates(scale: number): Readonly<Record<Institution, NoiseRates>> {
  const out = {} as Record<Institution, NoiseRates>;
  for (const [inst, rates] of Object.entries(DEFAULT_NOISE) as [Institution, NoiseRates][]) {
    out[inst] = Object.fromEntries(NOISE_LABELS.map((l) => [l, Math.min(1, rates[l] * scale)])) as unknown as NoiseRates;
  }
  return out;
}

/** An institution's record of a child: what it would write in the PERSON_SHAPE columns. */
export interface PersonView {
  readonly idNna: string;
  /** As written (with or without dots; possibly mistyped); null when blank. */
  readonly run: string | null;
  readonly ipe: string | null;
  readonly givenNames: readonly string[];
  readonly paternal: string | null;
  readonly maternal: string | null;
  readonly birth: Day | null;
  readonly sex: Sex | null;
  readonly comuna: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  /** Labels of what departs from the truth (NOISE_LABELS, plus newborn-specific ones). */
  readonly noise: readonly string[];
}

/** Counts of eligible and applied views per institution and label, for the manifest and the rate test. */
export class NoiseStats {
  readonly counts = new Map<string, { eligible: number; applied: number }>();

  record(institution: Institution, label: NoiseLabel, applied: boolean): void {
    const key = `${institution}/${label}`;
    const c = this.counts.get(key) ?? { eligible: 0, applied: 0 };
    c.eligible++;
    if (applied) c.applied++;
    this.counts.set(key, c);
  }
}

export interface ViewInput {
  readonly institution: Institution;
  readonly idNna: string;
  readonly person: TruePerson;
  readonly comuna: string;
  readonly address: string;
  readonly phone: string | null;
  readonly rates: NoiseRates;
  /** Share of RUNs this institution writes with thousands dots. */
  readonly runDots: number;
  readonly rng: Rng;
  readonly stats?: NoiseStats;
}

/** Applies one institution's noise to the true person; pure given the rng. */
export function makeView(v: ViewInput): PersonView {
  const { rng, rates, person } = v;
  const noise: NoiseLabel[] = [];
  const roll = (label: NoiseLabel, eligible = true): boolean => {
    if (!eligible) return false;
    const hit = rng.chance(rates[label]);
    v.stats?.record(v.institution, label, hit);
    if (hit) noise.push(label);
    return hit;
  };

  // Identifiers: at most one RUN problem per view (the draw is split so each rate holds).
  let run: string | null = null;
  if (person.runBody !== null) {
    const dots = rng.chance(v.runDots);
    const u = rng.next();
    const pick = (label: NoiseLabel, from: number): boolean => u >= from && u < from + rates[label];
    const [m, t] = [rates.run_missing, rates.run_digit_typo];
    const label: NoiseLabel | null = pick('run_missing', 0) ? 'run_missing' : pick('run_digit_typo', m) ? 'run_digit_typo' : pick('run_bad_dv', m + t) ? 'run_bad_dv' : null;
    for (const l of ['run_missing', 'run_digit_typo', 'run_bad_dv'] as const) v.stats?.record(v.institution, l, l === label);
    if (label) noise.push(label);
    if (label !== 'run_missing') {
      const body = String(person.runBody);
      const dv = runCheckDigit(person.runBody);
      const typed = label === 'run_digit_typo' ? mistypeDigit(body, rng) : body;
      const typedDv = label === 'run_bad_dv' ? otherCheckDigit(dv, rng) : dv;
      run = `${dots ? typed.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : typed}-${typedDv}`;
    }
  }
  const ipe = person.ipe !== null && !roll('ipe_missing') ? person.ipe : null;

  // Names.
  let given = [...person.givenNames];
  if (roll('second_given_dropped', given.length > 1)) given = given.slice(0, 1);
  const nickIdx = given.findIndex((g) => NICKNAMES[g] !== undefined);
  if (roll('nickname', nickIdx >= 0)) given = [NICKNAMES[given[nickIdx]!]!];
  let paternal: string | null = person.paternal;
  let maternal: string | null = person.maternal;
  if (roll('maternal_missing', maternal !== null)) maternal = null;
  if (roll('surnames_swapped', maternal !== null && maternal !== paternal)) [paternal, maternal] = [maternal, paternal];
  const compound = (s: string | null) => s !== null && /[ ']/.test(s);
  if (roll('compound_split_joined', compound(paternal) || compound(maternal))) {
    const style = rng.int(0, 2);
    paternal = compound(paternal) ? respellCompound(paternal!, style) : paternal;
    maternal = compound(maternal) ? respellCompound(maternal!, style) : maternal;
  }
  const fields: (string | null)[] = [given.join(' '), paternal, maternal];
  if (roll('name_typo')) {
    const present = fields.map((f, i) => (f ? i : -1)).filter((i) => i >= 0);
    const i = rng.pick(present);
    fields[i] = typo(fields[i]!, rng);
  }
  const hasAccent = fields.some((f) => f !== null && /[áéíóúüÁÉÍÓÚÜ]/.test(f));
  if (roll('accents_dropped', hasAccent)) fields.forEach((f, i) => { if (f) fields[i] = dropAccents(f); });
  const hasEnye = fields.some((f) => f !== null && /[ñÑ]/.test(f));
  if (roll('enye_as_n', hasEnye)) fields.forEach((f, i) => { if (f) fields[i] = f.replace(/ñ/g, 'n').replace(/Ñ/g, 'N'); });
  if (roll('upper_case')) fields.forEach((f, i) => { if (f) fields[i] = f.toUpperCase(); });

  // Birth date, sex, address.
  let birth: Day | null = person.birth;
  const b = ymd(person.birth);
  if (roll('birth_day_month_swapped', b.d <= 12 && b.d !== b.m)) birth = dayOf(b.y, b.d, b.m);
  if (roll('birthdate_missing', !noise.includes('birth_day_month_swapped'))) birth = null;
  const sex = roll('sex_missing') ? null : person.sex;
  const address = roll('address_missing') ? null : v.address;

  return {
    idNna: v.idNna, run, ipe,
    givenNames: fields[0] ? fields[0].split(' ') : [],
    paternal: fields[1] ?? null, maternal: fields[2] ?? null,
    birth, sex, comuna: v.comuna, address, phone: v.phone, noise,
  };
}

function mistypeDigit(body: string, rng: Rng): string {
  const i = rng.int(1, body.length - 1);
  const d = (Number(body[i]) + rng.int(1, 9)) % 10;
  return `${body.slice(0, i)}${d}${body.slice(i + 1)}`;
}

function otherCheckDigit(dv: string, rng: Rng): string {
  const all = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'K'].filter((d) => d !== dv && isCheckDigit(d));
  return rng.pick(all);
}

/** `De la Fuente` → `Delafuente` (joined), `De-la-Fuente` (hyphenated) or `Fuente` (particle dropped). */
export function respellCompound(name: string, style: number): string {
  const words = name.replace(/'/g, ' ').split(' ').filter((w) => w !== '');
  if (style === 0 || words.length < 2) return words.map((w, i) => (i === 0 ? w : w.toLowerCase())).join('');
  if (style === 1) return words.join('-');
  return words[words.length - 1]!;
}

/** One edit in a letter: substitution, deletion, insertion or transposition. Keeps letters only. */
export function typo(text: string, rng: Rng): string {
  const letters = [...text].map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i >= 0);
  if (letters.length < 3) return text;
  const chars = [...text];
  const i = rng.pick(letters.slice(1));
  const upper = chars[i] === chars[i]!.toUpperCase();
  const letter = () => { const l = rng.pick(TYPO_LETTERS); return upper ? l.toUpperCase() : l; };
  switch (rng.int(0, 3)) {
    case 0: { let l = letter(); while (l === chars[i]) l = letter(); chars[i] = l; break; }
    case 1: chars.splice(i, 1); break;
    case 2: chars.splice(i, 0, letter()); break;
    default: {
      const j = i - 1;
      if (/\p{L}/u.test(chars[j]!) && chars[j] !== chars[i]) [chars[i], chars[j]] = [chars[j]!, chars[i]!];
      else chars.splice(i, 1);
    }
  }
  return chars.join('');
}
const TYPO_LETTERS: readonly string[] = [...'abcdefghijlmnoprstuvz'];

/** Drops acute accents and diaeresis; keeps ñ (a separate, rarer label folds it). */
export function dropAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0301\u0308]/g, '').normalize('NFC');
}
