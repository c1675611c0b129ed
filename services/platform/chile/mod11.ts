/**
 * The modulo-11 check digit shared by the RUN/RUT and the RUC (child-protection.md §2.1, §2.6).
 *
 * Why a module of its own: three identifiers (RUN, RUC, and possibly RBD and IPE, where it is
 * only *compared*, never enforced) use the same algorithm, and one tested implementation is
 * cheaper than three that might drift.
 */

/** A check digit as written on documents: `0`–`9` or upper-case `K`. */
export type CheckDigit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'K';

const CHECK_DIGITS: ReadonlySet<string> = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'K']);

/** True when `value` is one of `0`–`9` or `K` (upper-case only: callers upper-case first). */
export function isCheckDigit(value: string): value is CheckDigit {
  return CHECK_DIGITS.has(value);
}

/**
 * Modulo 11 over a string of decimal digits: weights 2, 3, 4, 5, 6, 7, 2, 3, … from the right;
 * `r = 11 − (sum mod 11)`; 11 → `0`, 10 → `K`, else `r`.
 *
 * Takes a digit *string* (not a number) so that RUC bodies keep their leading zeros and long
 * bodies never lose precision. Leading zeros do not change the result.
 *
 * @throws RangeError when `digits` is empty or has a non-digit: that is a programming error,
 *   parsers validate their input before calling this.
 */
export function mod11CheckDigit(digits: string): CheckDigit {
  if (!/^\d+$/.test(digits)) throw new RangeError('mod11CheckDigit expects a non-empty string of decimal digits');
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const r = 11 - (sum % 11);
  if (r === 11) return '0';
  if (r === 10) return 'K';
  return String(r) as CheckDigit;
}
