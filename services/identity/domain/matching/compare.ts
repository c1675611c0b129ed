/**
 * Comparators: two normalised records → one level index per field (config.ts FIELD_LEVELS order).
 * A Comparator instance memoises string similarities (names repeat a lot), so batch resolution
 * creates one and reuses it; results never depend on the cache.
 */
import { BIRTH_CONSISTENT, F, FIELD_COUNT, INDIVIDUAL_EVIDENCE, LEVEL_COUNTS, SAME_FAMILY_SURNAMES, lv } from './config';
import { genderVariant, jaroWinkler, spanishPhonetic, withinOneEdit } from './strings';
import { PairMemo } from './pair-memo';
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

/** Per-record comparison features: interned ids of the values the comparators look at. */
interface Features {
  readonly g: readonly number[]; // given tokens
  readonly gj: number; // given tokens joined (split names)
  readonly p: Surname | null;
  readonly m: Surname | null;
  readonly street: number;
  readonly locality: number;
}
interface Surname { readonly core: number; readonly full: number; readonly compact: number; readonly stripped: number; readonly phon: number }

/** Interned strings kept before the comparator starts afresh (PairMemo needs ids < 2^26). */
const MAX_INTERNED = 1 << 22;

// Token-pair outcomes of the given-name loop, memoised per pair of interned tokens.
const T_GENDER = 0;
const T_CLOSE = 1;
const T_PHONETIC = 2;
const T_SIMILAR = 3;
const T_ELSE = 4;

export class Comparator {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];
  private features = new WeakMap<NormalisedPerson, Features>();
  private jwMemo = new PairMemo(20);
  private tokenMemo = new PairMemo(20);
  private surnameMemo = new PairMemo(18);
  private readonly phonCache = new Map<string, string>();
  private readonly nick = new Map<string, readonly string[]>();

  constructor(private readonly config: ComparatorConfig) {
    for (const [k, v] of Object.entries(config.nicknames)) this.nick.set(k, v.split('|'));
  }

  /** Fills `levels` (length FIELD_COUNT) and returns the FLAG_* bits. */
  compare(a: NormalisedPerson, b: NormalisedPerson, levels: Int8Array | number[]): number {
    // Bounded memory in a long-running process (the streaming service keeps one Comparator per
    // model): past MAX_INTERNED strings start afresh. Only here, between comparisons, so no
    // features built with the old ids are used with the new ones.
    if (this.strings.length >= MAX_INTERNED) this.reset();
    const fa = this.featuresOf(a);
    const fb = this.featuresOf(b);
    levels[F.run] = a.run === null || b.run === null ? 2 : a.run === b.run ? 0 : 1;
    levels[F.identifier] = this.identifiers(a.identifiers, b.identifiers);
    let given = this.given(a, b, fa, fb);
    let surnames = this.surnames(fa, fb);
    if (given > G.shared && given !== G.null && this.nameSwapped(fa, fb)) { given = G.swap; surnames = S.nameSwap; }
    levels[F.given] = given;
    levels[F.surnames] = surnames;
    levels[F.birthDate] = birth(a.birth, b.birth);
    levels[F.sex] = a.sex === null || b.sex === null ? 2 : a.sex === b.sex ? 0 : 1;
    levels[F.comuna] = a.comuna === null || b.comuna === null ? 2 : a.comuna === b.comuna ? 0 : 1;
    levels[F.street] = this.text(fa.street, fb.street);
    levels[F.locality] = this.text(fa.locality, fb.locality);
    levels[F.postcode] = a.postcode === null || b.postcode === null ? 3 : a.postcode === b.postcode ? 0 : withinOneEdit(a.postcode, b.postcode) ? 1 : 2;
    levels[F.phone] = a.phone === null || b.phone === null ? 2 : a.phone === b.phone ? 0 : 1;
    return flags(levels, a, b);
  }

  private reset(): void {
    this.ids.clear();
    this.strings.length = 0;
    this.features = new WeakMap();
    this.jwMemo = new PairMemo(20);
    this.tokenMemo = new PairMemo(20);
    this.surnameMemo = new PairMemo(18);
  }

  private intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(s, id);
      this.strings.push(s);
    }
    return id;
  }

  private featuresOf(p: NormalisedPerson): Features {
    let f = this.features.get(p);
    if (f === undefined) {
      const surname = (core: string | null, full: string | null): Surname | null => {
        if (core === null) return null;
        const c = compact(core);
        return { core: this.intern(core), full: this.intern(full!), compact: this.intern(c), stripped: this.intern(stripParticles(full!)), phon: this.intern(this.phon(c)) };
      };
      f = {
        g: p.given.map((t) => this.intern(t)), gj: this.intern(p.given.join('')),
        p: surname(p.paternal, p.paternalFull), m: surname(p.maternal, p.maternalFull),
        street: p.street === null ? -1 : this.intern(p.street), locality: p.locality === null ? -1 : this.intern(p.locality),
      };
      this.features.set(p, f);
    }
    return f;
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

  private given(pa: NormalisedPerson, pb: NormalisedPerson, fa: Features, fb: Features): number {
    const a = fa.g;
    const b = fb.g;
    if (a.length === 0 || b.length === 0) return G.null;
    let shared = 0;
    for (const t of a) if (b.includes(t)) shared++;
    if (shared > 0) {
      const setA = distinct(a);
      const setB = distinct(b);
      if (shared === setA && shared === setB) return G.exact;
      if (shared === setA || shared === setB) return G.subset;
      return G.shared;
    }
    if (this.nicknameMatch(pa.given, pb.given)) return G.nickname;
    let best = G.else;
    for (let i = 0; i < a.length; i++) {
      for (let j = 0; j < b.length; j++) {
        let t = this.tokenMemo.lookup(a[i]!, b[j]!);
        if (t < 0) t = this.tokenMemo.store(this.tokenPair(a[i]!, b[j]!));
        if (t === T_CLOSE) return G.close;
        if (t === T_PHONETIC) { if (best > G.phonetic) best = G.phonetic; } else if (t === T_SIMILAR && best > G.similar) best = G.similar;
      }
    }
    // A name split or joined by mistake ("TAL IA" / "TALIA"): the joined forms are one typo apart.
    if ((a.length > 1 || b.length > 1) && best > G.close) {
      const x = this.strings[fa.gj]!;
      const y = this.strings[fb.gj]!;
      if (x === y || (x.length >= 4 && y.length >= 4 && withinOneEdit(x, y))) return G.close;
    }
    return best;
  }

  /** The given-name loop body for one token pair (old semantics: gender variant skipped, then close, phonetic, similar). */
  private tokenPair(i: number, j: number): number {
    const x = this.strings[i]!;
    const y = this.strings[j]!;
    if (genderVariant(x, y)) return T_GENDER;
    const jw = jaroWinkler(x, y);
    if (jw >= this.config.jwHigh || (x.length >= 4 && y.length >= 4 && withinOneEdit(x, y))) return T_CLOSE;
    if (this.phon(x) === this.phon(y)) return T_PHONETIC;
    if (jw >= this.config.jwLow) return T_SIMILAR;
    return T_ELSE;
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
  private nameSwapped(a: Features, b: Features): boolean {
    if (a.p === null || b.p === null || a.g.length === 0 || b.g.length === 0) return false;
    const close = (x: number, y: number) => x === y || this.jwId(x, y) >= this.config.jwHigh;
    // First given token, or all of them joined when a clerk split one name ("TAL IA").
    const swapped = (f: Features, other: Surname) => close(f.g[0]!, other.compact) || (f.g.length > 1 && close(f.gj, other.compact));
    return swapped(a, b.p) && swapped(b, a.p);
  }

  private surnames(a: Features, b: Features): number {
    if ((a.p === null && a.m === null) || (b.p === null && b.m === null)) return S.null;
    const p = this.surnameState(a.p, b.p);
    const m = this.surnameState(a.m, b.m);
    if (p === St.E && m === St.E) return S.both;
    const crossPM = this.surnameState(a.p, b.m);
    const crossMP = this.surnameState(a.m, b.p);
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

  private surnameState(x: Surname | null, y: Surname | null): St {
    if (x === null || y === null) return St.N;
    if (x.core === y.core || x.full === y.full) return St.E;
    if (x.stripped === y.compact || y.stripped === x.compact) return St.E;
    const v = this.surnameMemo.lookup(x.compact, y.compact);
    if (v >= 0) return v;
    return this.surnameMemo.store(jaroWinkler(this.strings[x.compact]!, this.strings[y.compact]!) >= this.config.jwHigh || x.phon === y.phon ? St.C : St.D);
  }

  private text(a: number, b: number): number {
    if (a < 0 || b < 0) return 3;
    if (a === b) return 0;
    return this.jwId(a, b) >= this.config.jwHigh ? 1 : 2;
  }

  private jwId(a: number, b: number): number {
    const x = this.strings[a]!;
    const y = this.strings[b]!;
    if (x.length + y.length > 40) return jaroWinkler(x, y); // long values (streets) rarely repeat: no memo
    const v = this.jwMemo.lookup(a, b);
    return v >= 0 ? v : this.jwMemo.store(jaroWinkler(x, y));
  }

  jw(a: string, b: string): number {
    return jaroWinkler(a, b);
  }

  phon(a: string): string {
    let v = this.phonCache.get(a);
    if (v === undefined) { v = spanishPhonetic(a); if (this.phonCache.size < 1_000_000) this.phonCache.set(a, v); }
    return v;
  }
}

/** Distinct tokens of a short list (no Set allocation on the hot path). */
function distinct(xs: readonly number[]): number {
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
