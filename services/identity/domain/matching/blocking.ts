/**
 * Blocking: the keys under which a record looks for candidates. Several independent keys, each
 * tolerant of a different kind of noise, so a pair is missed only when every key is broken:
 *
 * | family         | key                                              | survives                              |
 * |----------------|--------------------------------------------------|---------------------------------------|
 * | run/identifier | valid RUN; scheme:value                          | any name/date noise                   |
 * | names          | {phon(given₁), phon(paternal)} unordered         | date missing, given↔surname swap      |
 * | name-date      | phon(x) + birth date, x ∈ given₁/paternal/maternal | a typo in the other names, swaps    |
 * | prefix-date    | first 3 letters of given₁/paternal + birth date  | phonetic-changing typos late in a name |
 * | date-place     | birth date + postcode/comuna; + locality         | both names mistyped                   |
 * | date           | birth date alone (small batches; capped on big)  | everything but the date               |
 * | given-maternal | phon(given₁) + phon(maternal)                    | paternal typo, date missing           |
 * | surnames-year  | {phon(paternal), phon(maternal)} + year          | given typo, surnames swapped          |
 * | name-place     | phon(x) + postcode/comuna or locality, x ∈ given₁/paternal | date missing, one name mistyped       |
 * | phone          | phone digits                                     | names and date noise                  |
 * | address        | street + locality/comuna (a household)           | names and date noise                  |
 *
 * Keys over-shared in a batch (skewed: "MARIA|GONZALEZ") are capped by the caller at
 * `model.blocking.maxBlockSize`; the other keys still reach those records.
 */
import { spanishPhonetic } from './strings';

/**
 * Key prefixes of the broad families (no birth date in the key): their blocks grow with the
 * batch, so they are capped at half the model's block size; precise keys get the full cap.
 */
export const BROAD_KEY_PREFIXES: readonly string[] = ['D:', 'N:', 'GM:', 'NL:', 'NC:', 'A:', 'T:'];

export function blockCap(key: string, maxBlockSize: number): number {
  for (const p of BROAD_KEY_PREFIXES) if (key.startsWith(p)) return Math.max(2, maxBlockSize >> 1);
  return maxBlockSize;
}
import type { MatchingModel, NormalisedPerson } from './types';

export function blockingKeys(p: NormalisedPerson, model: MatchingModel, phon: (w: string) => string = spanishPhonetic): string[] {
  const keys: string[] = [];
  const on = model.blocking.keys;
  const g = p.given.length > 0 ? phon(p.given[0]!) : null;
  const pat = p.paternal !== null ? phon(p.paternal.replace(/ /g, '')) : null;
  const mat = p.maternal !== null ? phon(p.maternal.replace(/ /g, '')) : null;
  const b = p.birth;
  const date = b !== null && b.m > 0 && b.d > 0 ? `${b.y}-${b.m}-${b.d}` : null;
  const place = p.postcode ?? p.comuna;
  const add = (family: string, key: string) => { if (on.includes(family)) keys.push(key); };

  if (p.run !== null) add('run', `R:${p.run}`);
  for (const id of p.identifiers) add('identifier', `I:${id}`);
  if (g && pat) add('names', g < pat ? `N:${g}|${pat}` : `N:${pat}|${g}`);
  if (date) {
    for (const x of [g, pat, mat]) if (x) add('name-date', `ND:${x}|${date}`);
    const g3 = p.given.length > 0 ? p.given[0]!.slice(0, 3) : null;
    const p3 = p.paternal !== null ? p.paternal.slice(0, 3) : null;
    if (g3) add('prefix-date', `XD:${g3}|${date}`);
    if (p3 && p3 !== g3) add('prefix-date', `XD:${p3}|${date}`);
    if (place) add('date-place', `DL:${date}|${place}`);
    if (p.locality) add('date-place', `DC:${date}|${p.locality}`);
    add('date', `D:${date}`);
  }
  if (g && mat) add('given-maternal', `GM:${g}|${mat}`);
  if (pat && mat && b) add('surnames-year', pat < mat ? `SY:${pat}|${mat}|${b.y}` : `SY:${mat}|${pat}|${b.y}`);
  if (place) {
    if (g) add('name-place', `NL:${g}|${place}`);
    if (pat && pat !== g) add('name-place', `NL:${pat}|${place}`);
  }
  if (p.locality) {
    if (g) add('name-place', `NC:${g}|${p.locality}`);
    if (pat && pat !== g) add('name-place', `NC:${pat}|${p.locality}`);
  }
  if (p.street !== null) add('address', `A:${p.street}|${p.locality ?? p.comuna ?? ''}`);
  if (p.phone !== null) add('phone', `T:${p.phone}`);
  return keys;
}
