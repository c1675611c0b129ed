/**
 * Comparators: two normalised records → one level index per field (config.ts FIELD_LEVELS order).
 * A Comparator instance memoises string similarities (names repeat a lot), so batch resolution
 * creates one and reuses it; results never depend on the cache.
 */
import { BIRTH_CONSISTENT, F, FIELD_COUNT, INDIVIDUAL_EVIDENCE, LEVEL_COUNTS, SAME_FAMILY_SURNAMES, lv } from './config';
import { genderVariant, jaroWinkler, spanishPhonetic, withinOneEdit } from './strings';
import type { ComparatorConfig, NormalisedPerson } from './types';

/** Facts the deterministic rules and guards need besides the levels. */
export const FLAG_RUN_AGREES = 1;
export const FLAG_RUN_CONFLICT = 2;
export const FLAG_NEWBORN_MOTHER_RUN = 4;
export const FLAG_HOUSEHOLD_ONLY = 8;
export const FLAG_TWIN_PATTERN = 16;
/** More fields clearly disagree than agree: however strong the agreeing ones, not an automatic link. */
export const FLAG_MOSTLY_DISAGREES = 32;

const PARTICLE_PREFIXES = ['DELOS', 'DELAS', 'DELA', 'DEL', 'DE', 'LOS', 'LAS', 'LA', 'VANDER', 'VAN', 'VON', 'DI', 'DA', 'DOS', 'DO'];

const G = {
  exact: lv('given', 'exact'), subset: lv('given', 'subset'), shared: lv('given', 'shared'), nickname: lv('given', 'nickname'),
  swap: lv('given', 'name-swap'), close: lv('given', 'close'), phonetic: lv('given', 'phonetic'), similar: lv('given', 'similar'),
  else: lv('given', 'else'), null: lv('given', 'null'),
};
const S = {
  both: lv('surnames', 'both-exact'), swapped: lv('surnames', 'swapped'), nameSwap: lv('surnames', 'name-swap'),
  exactClose: lv('surnames', 'exact-close'), patExact: lv('surnames', 'paternal-exact'), bothClose: lv('surnames', 'both-close'),
  patExactMatDiff: lv('surnames', 'paternal-exact-maternal-differs'), patClose: lv('surnames', 'paternal-close'),
  matExact: lv('surnames', 'maternal-exact'), oneCross: lv('surnames', 'one-cross'), else: lv('surnames', 'else'), null: lv('surnames', 'null'),
};
const B = {
  exact: lv('birthDate', 'exact'), transposed: lv('birthDate', 'transposed'), year1: lv('birthDate', 'year-off-by-one'),
  onePart: lv('birthDate', 'one-part'), else: lv('birthDate', 'else'), null: lv('birthDate', 'null'),
};
const individualGiven = new Set<number>(INDIVIDUAL_EVIDENCE.given);
const sameFamily = new Set<number>(SAME_FAMILY_SURNAMES);
const birthConsistent = new Set<number>(BIRTH_CONSISTENT);

/** Surname agreement state: equal, close (typo / phonetic), different, missing. */
const enum St { E, C, D, N }

export class Comparator {
  private readonly jwCache = new Map<string, Map<string, number>>();
  private readonly phonCache = new Map<string, string>();
  private readonly nick = new Map<string, readonly string[]>();

  constructor(private readonly config: ComparatorConfig) {
    for (const [k, v] of Object.entries(config.nicknames)) this.nick.set(k, v.split('|'));
  }

  /** Fills `levels` (length FIELD_COUNT) and returns the FLAG_* bits. */
  compare(a: NormalisedPerson, b: NormalisedPerson, levels: Int8Array | number[]): number {
    levels[F.run] = a.run === null || b.run === null ? 2 : a.run === b.run ? 0 : 1;
    levels[F.identifier] = this.identifiers(a.identifiers, b.identifiers);
    let given = this.given(a.given, b.given);
    let surnames = this.surnames(a, b);
    if (given > G.shared && given !== G.null && this.nameSwapped(a, b)) { given = G.swap; surnames = S.nameSwap; }
    levels[F.given] = given;
    levels[F.surnames] = surnames;
    levels[F.birthDate] = birth(a.birth, b.birth);
    levels[F.sex] = a.sex === null || b.sex === null ? 2 : a.sex === b.sex ? 0 : 1;
    levels[F.comuna] = a.comuna === null || b.comuna === null ? 2 : a.comuna === b.comuna ? 0 : 1;
    levels[F.street] = this.text(a.street, b.street);
    levels[F.locality] = this.text(a.locality, b.locality);
    levels[F.postcode] = a.postcode === null || b.postcode === null ? 3 : a.postcode === b.postcode ? 0 : withinOneEdit(a.postcode, b.postcode) ? 1 : 2;
    levels[F.phone] = a.phone === null || b.phone === null ? 2 : a.phone === b.phone ? 0 : 1;
    return flags(levels, a, b);
  }

  private identifiers(a: readonly string[], b: readonly string[]): number {
    if (a.length === 0 || b.length === 0) return 3;
    let best = 3;
    for (const x of a) {
      const colon = x.indexOf(':');
      const scheme = x.slice(0, colon + 1);
      for (const y of b) {
        if (!y.startsWith(scheme)) continue;
        if (x === y) return 0;
        const level = withinOneEdit(x.slice(colon + 1), y.slice(colon + 1)) ? 1 : 2;
        if (level < best) best = level;
      }
    }
    return best;
  }

  private given(a: readonly string[], b: readonly string[]): number {
    if (a.length === 0 || b.length === 0) return G.null;
    let shared = 0;
    for (const t of a) if (b.includes(t)) shared++;
    const setA = distinct(a);
    const setB = distinct(b);
    if (shared > 0) {
      if (shared === setA && shared === setB) return G.exact;
      if (shared === setA || shared === setB) return G.subset;
      return G.shared;
    }
    if (this.nicknameMatch(a, b)) return G.nickname;
    let best = G.else;
    for (const x of a) {
      for (const y of b) {
        if (genderVariant(x, y)) continue;
        const jw = this.jw(x, y);
        if (jw >= this.config.jwHigh || (x.length >= 4 && y.length >= 4 && withinOneEdit(x, y))) return G.close;
        if (best > G.phonetic && this.phon(x) === this.phon(y)) best = G.phonetic;
        else if (best > G.similar && jw >= this.config.jwLow) best = G.similar;
      }
    }
    // A name split or joined by mistake ("TAL IA" / "TALIA"): the joined forms are one typo apart.
    if ((a.length > 1 || b.length > 1) && best > G.close) {
      const x = a.join('');
      const y = b.join('');
      if (x === y || (x.length >= 4 && y.length >= 4 && withinOneEdit(x, y))) return G.close;
    }
    return best;
  }

  private nicknameMatch(a: readonly string[], b: readonly string[]): boolean {
    for (const x of a) {
      const cx = this.nick.get(x);
      for (const y of b) {
        const cy = this.nick.get(y);
        if (cx?.includes(y) || cy?.includes(x) || (cx && cy && cx.some((c) => cy.includes(c)))) return true;
      }
    }
    return false;
  }

  /** Given name and surname swapped between fields (FEBRL does this; so do clerks). */
  private nameSwapped(a: NormalisedPerson, b: NormalisedPerson): boolean {
    if (a.paternal === null || b.paternal === null || a.given.length === 0 || b.given.length === 0) return false;
    const close = (x: string, y: string) => x === y || this.jw(x, y) >= this.config.jwHigh;
    // First given token, or all of them joined when a clerk split one name ("TAL IA").
    const given = (p: NormalisedPerson) => (p.given.length > 1 ? [p.given[0]!, p.given.join('')] : [p.given[0]!]);
    const pb = compact(b.paternal);
    const pa = compact(a.paternal);
    return given(a).some((g) => close(g, pb)) && given(b).some((g) => close(pa, g));
  }

  private surnames(a: NormalisedPerson, b: NormalisedPerson): number {
    if ((a.paternal === null && a.maternal === null) || (b.paternal === null && b.maternal === null)) return S.null;
    const p = this.surnameState(a.paternal, a.paternalFull, b.paternal, b.paternalFull);
    const m = this.surnameState(a.maternal, a.maternalFull, b.maternal, b.maternalFull);
    if (p === St.E && m === St.E) return S.both;
    const crossPM = this.surnameState(a.paternal, a.paternalFull, b.maternal, b.maternalFull);
    const crossMP = this.surnameState(a.maternal, a.maternalFull, b.paternal, b.paternalFull);
    if (crossPM === St.E && crossMP === St.E) return S.swapped;
    if ((p === St.E && m === St.C) || (p === St.C && m === St.E)) return S.exactClose;
    if (p === St.E && m === St.N) return S.patExact;
    if (p === St.C && m === St.C) return S.bothClose;
    if (p === St.E) return S.patExactMatDiff;
    if (p === St.C && m === St.N) return S.patClose;
    if (m === St.E) return S.matExact;
    if (crossPM === St.E || crossMP === St.E) return S.oneCross;
    return S.else;
  }

  private surnameState(x: string | null, xFull: string | null, y: string | null, yFull: string | null): St {
    if (x === null || y === null) return St.N;
    if (x === y || xFull === yFull) return St.E;
    const cx = compact(x);
    const cy = compact(y);
    if (stripParticles(xFull!) === cy || stripParticles(yFull!) === cx) return St.E;
    if (this.jw(cx, cy) >= this.config.jwHigh || this.phon(cx) === this.phon(cy)) return St.C;
    return St.D;
  }

  private text(a: string | null, b: string | null): number {
    if (a === null || b === null) return 3;
    if (a === b) return 0;
    return this.jw(a, b) >= this.config.jwHigh ? 1 : 2;
  }

  jw(a: string, b: string): number {
    if (a.length + b.length > 40) return jaroWinkler(a, b); // long values (streets) rarely repeat: no memo
    // Two-level memo: no key concatenation on the hot path.
    const [x, y] = a < b ? [a, b] : [b, a];
    let inner = this.jwCache.get(x);
    if (inner === undefined) {
      if (this.jwCache.size > 200_000) this.jwCache.clear(); // bounded memory on huge batches
      inner = new Map();
      this.jwCache.set(x, inner);
    }
    let v = inner.get(y);
    if (v === undefined) { v = jaroWinkler(x, y); if (inner.size < 5000) inner.set(y, v); }
    return v;
  }

  phon(a: string): string {
    let v = this.phonCache.get(a);
    if (v === undefined) { v = spanishPhonetic(a); this.phonCache.set(a, v); }
    return v;
  }
}

/** Distinct tokens of a short list (no Set allocation on the hot path). */
function distinct(xs: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (xs.indexOf(xs[i]!) === i) n++;
  return n;
}

function compact(x: string): string {
  return x.includes(' ') ? x.replace(/ /g, '') : x;
}

function stripParticles(full: string): string {
  for (const p of PARTICLE_PREFIXES) if (full.length > p.length + 2 && full.startsWith(p)) return stripParticles(full.slice(p.length));
  return full;
}

type Day = NormalisedPerson['birth'];

function birth(a: Day, b: Day): number {
  if (a === null || b === null) return B.null;
  const full = a.m > 0 && a.d > 0 && b.m > 0 && b.d > 0;
  if (!full) {
    if (a.y !== b.y) return B.else;
    const okM = a.m === 0 || b.m === 0 || a.m === b.m;
    const okD = a.d === 0 || b.d === 0 || a.d === b.d;
    return okM && okD ? B.onePart : B.else;
  }
  const sy = a.y === b.y;
  const sm = a.m === b.m;
  const sd = a.d === b.d;
  if (sy && sm && sd) return B.exact;
  if (sy && a.m === b.d && a.d === b.m) return B.transposed;
  if (sm && sd && Math.abs(a.y - b.y) === 1) return B.year1;
  if ((sy ? 1 : 0) + (sm ? 1 : 0) + (sd ? 1 : 0) === 2) return B.onePart;
  return B.else;
}

function flags(levels: Int8Array | number[], a: NormalisedPerson, b: NormalisedPerson): number {
  let f = 0;
  const run = levels[F.run]!;
  const given = levels[F.given]!;
  const surnames = levels[F.surnames]!;
  const birthLevel = levels[F.birthDate]!;
  if (run === 1) f |= FLAG_RUN_CONFLICT;
  if (run === 0) {
    // A newborn filed under the mother's RUN: the RUN agrees but the person clearly does not
    // (birth years apart, names different), or both are unnamed newborns (twins under one RUN).
    const yearsApart = a.birth && b.birth ? Math.abs(a.birth.y - b.birth.y) : 0;
    const namesDisagree = given === G.else && (surnames === S.else || surnames === S.oneCross || surnames === S.matExact);
    if (!birthConsistent.has(birthLevel) || yearsApart > 1 || namesDisagree || (a.newborn && b.newborn)) f |= FLAG_NEWBORN_MOTHER_RUN;
    else f |= FLAG_RUN_AGREES;
  }
  const individual = run === 0 || INDIVIDUAL_EVIDENCE.identifier.includes(levels[F.identifier]! as 0 | 1) || individualGiven.has(given);
  if (!individual) f |= FLAG_HOUSEHOLD_ONLY;
  // Twins/siblings: same family, same birth date (or a gendered pair of one name), different given
  // names — unless an identifier says otherwise (twins have different RUNs and ids).
  const idAgrees = run === 0 || INDIVIDUAL_EVIDENCE.identifier.includes(levels[F.identifier]! as 0 | 1);
  if (!idAgrees && sameFamily.has(surnames) && birthLevel === B.exact && (given === G.else || given === G.similar)) f |= FLAG_TWIN_PATTERN;
  if (!idAgrees && given === G.else && a.given.length > 0 && b.given.length > 0 && genderPair(a.given, b.given) && sameFamily.has(surnames)) f |= FLAG_TWIN_PATTERN;
  if (mostlyDisagrees(levels)) f |= FLAG_MOSTLY_DISAGREES;
  return f;
}

function mostlyDisagrees(levels: Int8Array | number[]): boolean {
  let agree = 0;
  let disagree = 0;
  for (let f = 0; f < FIELD_COUNT; f++) {
    if (f === F.sex) continue; // small weight, not a vote
    const k = LEVEL_COUNTS[f]!;
    const l = levels[f]!;
    if (l === k - 1) continue; // null
    if (l === k - 2) disagree++; else agree++;
  }
  return disagree > agree;
}

function genderPair(a: readonly string[], b: readonly string[]): boolean {
  return genderVariant(a[0]!, b[0]!);
}

export { FIELD_COUNT };
