/**
 * String comparators for names: Jaro-Winkler, a Spanish phonetic key and a bounded edit distance.
 * Written here (20–40 lines each) rather than taken from npm: they sit on the hot path of batch
 * resolution, and the Spanish key must follow Chilean spelling, which English Soundex does not.
 */

// Reused scratch buffers: Jaro-Winkler runs millions of times in a batch, and two allocations per
// call dominated its cost. Deterministic: cleared before each use.
const SCRATCH = 128;
const scratchA = new Uint8Array(SCRATCH);
const scratchB = new Uint8Array(SCRATCH);

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  const big = la > SCRATCH || lb > SCRATCH;
  const matchedA = big ? new Uint8Array(la) : scratchA.fill(0, 0, la);
  const matchedB = big ? new Uint8Array(lb) : scratchB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === c) { matchedA[i] = 1; matchedB[j] = 1; matches++; break; }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * True when `a` and `b` are within one edit (substitution, insertion, deletion or adjacent
 * transposition): the typo model of identifiers and postcodes.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Spanish phonetic key of one folded upper-case word (A–Z only; Ñ folded to N before): b/v → B,
 * z/c(e,i)/s → S, ll/y → Y, silent h dropped, qu/k/c(a,o,u) → K, g(e,i)/j → J, x → KS, w → B
 * (Wilson / Bilson), doubled letters collapsed, vowels kept (they carry most of a Spanish name).
 */
export function spanishPhonetic(word: string): string {
  let out = '';
  const n = word.length;
  for (let i = 0; i < n; i++) {
    const c = word[i]!;
    const next = i + 1 < n ? word[i + 1]! : '';
    let code: string;
    switch (c) {
      case 'V': case 'W': code = 'B'; break;
      case 'Z': code = 'S'; break;
      case 'C':
        if (next === 'E' || next === 'I') code = 'S';
        else if (next === 'H') { code = 'CH'; i++; } else code = 'K';
        break;
      case 'Q': code = 'K'; if (next === 'U') i++; break;
      case 'G':
        if (next === 'E' || next === 'I') code = 'J';
        else if (next === 'U' && (word[i + 2] === 'E' || word[i + 2] === 'I')) { code = 'G'; i++; } else code = 'G';
        break;
      case 'H': code = ''; break;
      case 'L': if (next === 'L') { code = 'Y'; i++; } else code = 'L'; break;
      case 'X': code = i === 0 ? 'J' : 'KS'; break; // Ximena / Xavier vs Roxana
      default: code = c;
    }
    if (code === 'Y' && i === n - 1) code = 'I'; // Godoy / Godoi
    if (code !== '' && !out.endsWith(code)) out += code;
  }
  return out;
}

/** True when two given names differ only by a final O/A (Francisco/Francisca): a different name, not a typo. */
export function genderVariant(a: string, b: string): boolean {
  if (a.length < 3 || b.length < 3) return false;
  if (a + 'A' === b || b + 'A' === a) return true; // Gabriel / Gabriela
  if (a.length !== b.length) return false;
  const ea = a[a.length - 1];
  const eb = b[b.length - 1];
  return ea !== eb && (ea === 'O' || ea === 'A') && (eb === 'O' || eb === 'A') && a.slice(0, -1) === b.slice(0, -1);
}
