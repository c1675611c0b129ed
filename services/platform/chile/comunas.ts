/**
 * The 346 comunas of Chile by Código Único Territorial (CUT, 2018 update), with their province
 * and region (child-protection.md §2.3; data and provenance in data/cut_comunas_2018.csv).
 *
 * Why: connectors validate the `comuna` of every record against it, municipalities subscribe to
 * the children of their territory (region → province → comuna), and synthetic data draws from it.
 *
 * A CUT code is a **5-character string** `RRPCC` (region, province digit, comuna): `01101` is
 * Iquique, and the leading zero matters. Many systems store the code as an integer (`1101`);
 * {@link parseCutCode} pads those explicitly and says so, while {@link comunaByCode} and
 * {@link isComunaCode} accept only the canonical string, so a lookup never guesses silently.
 *
 * Codes change over time. In 2018 the comunas of Ñuble moved from Biobío (`084xx`) to region 16
 * (`16xxx`): an `084xx` code is reported as `PRE_2018_NUBLE`. Earlier changes (Arica y Parinacota
 * and Los Ríos, 2007) also renumbered comunas, and `01101` meant Arica before 2007; this table
 * has no crosswalk, so historical data needs one before it is validated here.
 *
 * Names are the source's spelling (`Los Angeles`, `Aysén`); never use a name as a key.
 * {@link findComunasByName} compares folded names for free-text input, without any alias table.
 */
import { COMUNA_ROWS, PROVINCE_ROWS, REGION_ROWS } from './comunas.generated';
import { foldEnye, nameKey } from './names';

export interface Region {
  /** Two digits, `01`–`16`. */
  readonly code: string;
  readonly name: string;
  /** The source's short label (`RM`, `VALPO`, …); not an official code. */
  readonly abbreviation: string;
}

export interface Province {
  /** Three digits: region code + one digit. */
  readonly code: string;
  readonly name: string;
  readonly regionCode: string;
}

export interface Comuna {
  /** CUT code, five digits: province code + two digits. */
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly provinceName: string;
  readonly regionCode: string;
  readonly regionName: string;
}

export const REGIONS: readonly Region[] = Object.freeze(
  REGION_ROWS.map(([code, name, abbreviation]) => Object.freeze({ code, name, abbreviation })),
);

export const PROVINCES: readonly Province[] = Object.freeze(
  PROVINCE_ROWS.map(([code, name]) => Object.freeze({ code, name, regionCode: code.slice(0, 2) })),
);

const regionByCode = new Map(REGIONS.map((r) => [r.code, r]));
const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));

/** All comunas, ordered by CUT code. */
export const COMUNAS: readonly Comuna[] = Object.freeze(
  COMUNA_ROWS.map(([code, name]) => {
    const province = provinceByCode.get(code.slice(0, 3));
    const region = regionByCode.get(code.slice(0, 2));
    if (!province || !region) throw new Error(`comunas.generated.ts is inconsistent at ${code}`);
    return Object.freeze({
      code, name, provinceCode: province.code, provinceName: province.name, regionCode: region.code, regionName: region.name,
    });
  }),
);

const comunaIndex = new Map(COMUNAS.map((c) => [c.code, c]));

/** The comuna with this canonical 5-digit CUT code, or `undefined` (no padding, no trimming). */
export function comunaByCode(cut: string): Comuna | undefined {
  return comunaIndex.get(cut);
}

/** True for a canonical CUT code of a current comuna (`'01101'`; not `'1101'`, not `1101`). */
export function isComunaCode(value: unknown): value is string {
  return typeof value === 'string' && comunaIndex.has(value);
}

export type CutInvalidReason = 'EMPTY' | 'MALFORMED' | 'PRE_2018_NUBLE' | 'UNKNOWN_CODE';

export type CutParseResult =
  | { readonly ok: true; readonly code: string; readonly comuna: Comuna; /** True when a leading zero was restored. */ readonly padded: boolean }
  | { readonly ok: false; readonly reason: CutInvalidReason };

/**
 * Reads a comuna code as sources send it: `'01101'`, `'1101'`, `1101`, `' 13101 '`. Four digits
 * are padded to five (the lost leading zero), anything else must already be five digits.
 */
export function parseCutCode(input: string | number | null | undefined): CutParseResult {
  if (input === null || input === undefined) return { ok: false, reason: 'EMPTY' };
  if (typeof input === 'number' && !Number.isSafeInteger(input)) return { ok: false, reason: 'MALFORMED' };
  const text = String(input).trim();
  if (text === '') return { ok: false, reason: 'EMPTY' };
  if (!/^\d{4,5}$/.test(text)) return { ok: false, reason: 'MALFORMED' };
  const code = text.padStart(5, '0');
  const comuna = comunaIndex.get(code);
  if (comuna) return { ok: true, code, comuna, padded: code !== text };
  return { ok: false, reason: code.startsWith('084') ? 'PRE_2018_NUBLE' : 'UNKNOWN_CODE' };
}

/** The comunas of a region (`'13'` → the 52 of the Metropolitana). Empty for an unknown code. */
export function comunasInRegion(regionCode: string): readonly Comuna[] {
  return COMUNAS.filter((c) => c.regionCode === regionCode);
}

/** The comunas of a province (`'131'` → Santiago's 32). Empty for an unknown code. */
export function comunasInProvince(provinceCode: string): readonly Comuna[] {
  return COMUNAS.filter((c) => c.provinceCode === provinceCode);
}

const comunasByFoldedName = new Map<string, Comuna[]>();
for (const comuna of COMUNAS) {
  const key = foldEnye(nameKey(comuna.name));
  comunasByFoldedName.set(key, [...(comunasByFoldedName.get(key) ?? []), comuna]);
}

/**
 * Comunas whose name equals `name` once case, accents, Ñ and punctuation are folded
 * (`"ñuñoa"`, `"NUNOA"` → Ñuñoa; `"Los Ángeles"` → Los Angeles). An array because a name is not
 * a key; today no two comunas fold to the same name. No aliases ("Stgo", "Coihaique"): add an
 * alias table as data when a source needs one.
 */
export function findComunasByName(name: string): readonly Comuna[] {
  return comunasByFoldedName.get(foldEnye(nameKey(name))) ?? [];
}
