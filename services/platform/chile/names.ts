/**
 * Name normalisation for Chilean records (child-protection.md §2.2, matching.md §5.3).
 *
 * Institutions write the same name as `Muñoz`, `MUÑOZ`, `MUNOZ`, `Muñoz ` or `Munoz`, and the
 * same surname as `del Río`, `DEL RIO`, `Río` or `Del-Rio`. Matching compares *keys*, never raw
 * text, while the original stays for display and audit. The helpers are small and separate so
 * that matching can build one comparison level per step (exact key, then Ñ folded, then core
 * tokens without particles) and say which step made two names agree.
 *
 * - {@link foldCase}: upper case, as registries store names.
 * - {@link foldAccents}: strips á é í ó ú ü … but **keeps Ñ**: `Muñoz` and `Munoz` can be different
 *   surnames, so the Ñ→N fold is a separate, weaker level ({@link foldEnye}, `{ foldEnye: true }`).
 * - {@link cleanNameText}: punctuation, hyphens, digits and odd spaces become single spaces;
 *   apostrophes inside a word are dropped (`O'Higgins` → `OHiggins`).
 * - {@link parseName}: all of the above plus placeholders ("RN", "SIN NOMBRE", … see
 *   name-placeholders.ts) reported as missing, and tokens tagged as name, particle
 *   (`de`, `del`, `de la`, `y`, …), prefix (`San`, `Santa`, fused with the next word) or initial.
 */
import { detectNamePlaceholder, type NamePlaceholder } from './name-placeholders';

/** Particles dropped from the core tokens when a name word follows them (`DE LA FUENTE` → `FUENTE`). */
export const NAME_PARTICLES: readonly string[] = [
  'DE', 'DEL', 'LA', 'LAS', 'LO', 'LOS', 'Y', 'E', 'DA', 'DAS', 'DO', 'DOS', 'DI', 'DU', 'VAN', 'VON', 'DER', 'DEN',
];

/**
 * Saint prefixes fused with the next word in the core (`SAN MARTIN` → `SANMARTIN`), never
 * dropped: San Martín and Martín are different surnames, while `del Río` and `Río` are not.
 */
export const NAME_PREFIXES: readonly string[] = ['SAN', 'SANTA', 'SANTO'];

const PARTICLES: ReadonlySet<string> = new Set(NAME_PARTICLES);
const PREFIXES: ReadonlySet<string> = new Set(NAME_PREFIXES);

/** Upper case (Unicode NFC first, so a decomposed `n` + tilde becomes `Ñ`). */
export function foldCase(text: string): string {
  return text.normalize('NFC').toUpperCase();
}

/** Removes diacritics (`José` → `Jose`, `Güell` → `Guell`) but keeps `Ñ`/`ñ`. Case is unchanged. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([Nn])\u0303|\p{M}+/gu, (_mark: string, n: string | undefined) => (n ? `${n}\u0303` : ''))
    .normalize('NFC');
}

/** `Ñ` → `N` and `ñ` → `n`. Only for the weaker comparison level: it merges Muñoz and Munoz. */
export function foldEnye(text: string): string {
  return text.normalize('NFC').replace(/Ñ/g, 'N').replace(/ñ/g, 'n');
}

/**
 * Whitespace and punctuation cleanup. An apostrophe (or the `´` typed in its place) between
 * letters is removed; every other run of non-letters (spaces, dots, hyphens, slashes, digits,
 * symbols) becomes one space, and a stray accent with no letter before it is dropped; the result
 * is trimmed. Letters, accents and case are kept.
 */
export function cleanNameText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/(\p{L})['’‘`´](?=\p{L})/gu, '$1')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{M}]+/gu, ' ')
    .replace(/(^| )\p{M}+/gu, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export interface NameKeyOptions {
  /** Also fold `Ñ` to `N` (default false: the Ñ distinction is kept). */
  readonly foldEnye?: boolean;
}

/** The comparison key: accents folded (Ñ kept unless asked), upper case, cleaned. `Mª José del Río` → `MA JOSE DEL RIO`. */
export function nameKey(text: string, options: NameKeyOptions = {}): string {
  const key = foldAccents(cleanNameText(text).toUpperCase());
  return options.foldEnye ? foldEnye(key) : key;
}

/** How a word of a name is used: identity-bearing `NAME`, droppable `PARTICLE`, `PREFIX` fused with the next word, or an `INITIAL`. */
export type NameTokenRole = 'NAME' | 'PARTICLE' | 'PREFIX' | 'INITIAL';

export interface NameToken {
  readonly text: string;
  readonly role: NameTokenRole;
}

export interface PresentName {
  readonly status: 'PRESENT';
  /** The input in NFC with spaces collapsed: for display and audit, never for comparison. */
  readonly display: string;
  /** {@link nameKey} with Ñ kept: `MUÑOZ DE LA FUENTE`. */
  readonly key: string;
  /** {@link nameKey} with Ñ folded: `MUNOZ DE LA FUENTE`. */
  readonly keyEnyeFolded: string;
  /** Every word of `key`, tagged. */
  readonly tokens: readonly NameToken[];
  /** The identity-bearing words (Ñ kept): particles and initials left out, prefixes fused: `['MUÑOZ', 'FUENTE']`. */
  readonly core: readonly string[];
}

export interface MissingName {
  readonly status: 'MISSING';
  /** `EMPTY`: nothing was given. `PLACEHOLDER`: a stand-in such as "RN", "NN" or "XXX" was. */
  readonly reason: 'EMPTY' | 'PLACEHOLDER';
  readonly placeholder?: NamePlaceholder;
}

export type ParsedName = PresentName | MissingName;

/**
 * Normalises one name field (given names, first or second surname, or a full name) into a
 * structured, explainable value. Placeholders are `MISSING`, so matching treats them as absent.
 * `María José` → core `['MARIA', 'JOSE']`; `de la Fuente` → `['FUENTE']`; `San Martín` → `['SANMARTIN']`;
 * `María de los Ángeles` → `['MARIA', 'ANGELES']`; `RN de Ana Pérez` → missing, newborn, refers to `ANA PEREZ`.
 * A single-letter `E` or `Y` before a name is read as a particle (as in "Ortega y Gasset") even
 * when it is really an initial; either way it is not in the core.
 */
export function parseName(raw: string | null | undefined): ParsedName {
  const display = (raw ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (display === '') return { status: 'MISSING', reason: 'EMPTY' };
  const key = nameKey(display);
  const placeholder = detectNamePlaceholder(key);
  if (placeholder) return { status: 'MISSING', reason: 'PLACEHOLDER', placeholder };

  const words = key.split(' ');
  const tokens: NameToken[] = [];
  const core: string[] = [];
  let prefix = '';
  words.forEach((word, i) => {
    const next = words[i + 1];
    if (PARTICLES.has(word) && words.slice(i + 1).some((w) => !PARTICLES.has(w))) {
      tokens.push({ text: word, role: 'PARTICLE' });
    } else if (PREFIXES.has(word) && next !== undefined && next.length > 1 && !PARTICLES.has(next)) {
      tokens.push({ text: word, role: 'PREFIX' });
      prefix += word;
    } else if ([...word].length === 1) {
      tokens.push({ text: word, role: 'INITIAL' });
    } else {
      tokens.push({ text: word, role: 'NAME' });
      core.push(prefix + word);
      prefix = '';
    }
  });
  return { status: 'PRESENT', display, key, keyEnyeFolded: foldEnye(key), tokens, core };
}

/** True when the value is a stand-in for a missing name ("RN", "NN", "SIN NOMBRE", "XXX", …). */
export function isPlaceholderName(raw: string | null | undefined): boolean {
  const parsed = parseName(raw);
  return parsed.status === 'MISSING' && parsed.reason === 'PLACEHOLDER';
}
