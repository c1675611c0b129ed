/**
 * Values that institutions type into name fields when there is no name (matching.md §5.3):
 * newborns registered before they are named ("RN", "RN de María Pérez", "hijo de …"), unknown
 * people ("NN", "SIN NOMBRE", "S/N") and fillers ("XXX", "---").
 *
 * Why it matters: two newborns both called "RN" are not the same child, and "SIN NOMBRE" agreeing
 * with "SIN NOMBRE" is not evidence. Matching must treat these as **missing**, never as a name
 * that agrees or disagrees. For newborns the text after "de" usually names the mother; it is
 * returned as `refersTo` because it is a useful (weak) hint for linking to the mother's record.
 *
 * Detection runs on a *name key* (upper case, accents folded, punctuation turned into spaces,
 * digits dropped; see `nameKey` in names.ts), so `R.N. 2`, `r/n` and `RN-2` all read `R N`/`RN`.
 * The lists are data a reviewer should extend with what real sources send; keep them conservative:
 * a false placeholder hides a real name, which costs more than a missed one.
 */

/** Why a value is a placeholder, for explanations and data-quality counts. */
export type NamePlaceholderKind = 'NEWBORN' | 'UNKNOWN' | 'FILLER';

export interface NamePlaceholder {
  readonly kind: NamePlaceholderKind;
  /** For `NEWBORN`: whose child it says it is ("RN DE MARIA PEREZ" → `MARIA PEREZ`), as a key. */
  readonly refersTo?: string;
}

/** Words that stand for "newborn / child of" (compared without spaces: `R N` = `RN`). */
export const NEWBORN_WORDS: readonly string[] = [
  'RN', 'RECIENNACIDO', 'RECIENNACIDA', 'NEONATO', 'NEONATA', 'HIJO', 'HIJA', 'GUAGUA', 'BEBE', 'BB',
  'GEMELO', 'GEMELA', 'MELLIZO', 'MELLIZA', 'NNRN',
];

/** Whole values meaning "unknown / not given" (compared without spaces: `S N` = `SN`). */
export const UNKNOWN_NAME_VALUES: readonly string[] = [
  'NN', 'SN', 'SI', 'NA', 'SINNOMBRE', 'SINNOMBRES', 'SINAPELLIDO', 'SINAPELLIDOS', 'SINSEGUNDOAPELLIDO',
  'SINDATO', 'SINDATOS', 'SININFORMACION', 'SININFO', 'NOINFORMA', 'NOREGISTRA', 'NOCONSIGNA', 'NOSABE',
  'NOAPLICA', 'NOTIENE', 'DESCONOCIDO', 'DESCONOCIDA', 'IGNORADO', 'IGNORADA', 'NULL', 'NONE', 'UNDEFINED',
  'NAN', 'PENDIENTE', 'PORDEFINIR', 'SINIDENTIFICAR', 'NOIDENTIFICADO', 'NOIDENTIFICADA',
];

/** Newborn words that may be followed directly by a name ("RN PEREZ"); `HIJO PEREZ` is not read that way. */
const NEWBORN_PREFIXES_WITHOUT_DE: ReadonlySet<string> = new Set(['RN', 'RECIENNACIDO', 'RECIENNACIDA']);
const NEWBORN: ReadonlySet<string> = new Set(NEWBORN_WORDS);
const UNKNOWN: ReadonlySet<string> = new Set(UNKNOWN_NAME_VALUES);

/**
 * Classifies a name key (see `nameKey`) as a placeholder, or returns `undefined` for a real name.
 * An empty key (the raw value had only punctuation or digits) is a `FILLER`.
 */
export function detectNamePlaceholder(key: string): NamePlaceholder | undefined {
  const tokens = key.split(' ').filter((t) => t !== '');
  const compact = tokens.join('');
  if (compact === '') return { kind: 'FILLER' };
  if (UNKNOWN.has(compact)) return { kind: 'UNKNOWN' };
  if (NEWBORN.has(compact)) return { kind: 'NEWBORN' };
  if (/^(\p{L})\1+$/u.test(compact)) return { kind: 'FILLER' }; // XX, XXX, ZZZZ (after NN and BB above)

  // A newborn word (possibly spelt with spaces, "R N" or "RECIEN NACIDO") then "DE/DEL <name>".
  for (let n = 1; n <= Math.min(2, tokens.length - 1); n++) {
    const head = tokens.slice(0, n).join('');
    if (!NEWBORN.has(head)) continue;
    const rest = tokens.slice(n);
    if (rest[0] === 'DE' || rest[0] === 'DEL') {
      const refersTo = rest.slice(1).join(' ');
      return refersTo === '' ? { kind: 'NEWBORN' } : { kind: 'NEWBORN', refersTo };
    }
    if (NEWBORN_PREFIXES_WITHOUT_DE.has(head)) return { kind: 'NEWBORN', refersTo: rest.join(' ') };
  }
  return undefined;
}
