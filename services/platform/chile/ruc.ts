/**
 * RUC (Rol Único de Causa): the national number of a judicial cause (child-protection.md §2.6).
 *
 * Why it matters: unlike the RIT, the RUC is unique nationally, so it is the key that links a
 * court's protection cause to the same cause seen by SENAINFO/Mejor Niñez or an OLN. It is also a
 * **sensitive quasi-identifier**: it reveals that a child is in a protection or VIF cause, so keep
 * it out of logs and out of event keys (results here never echo the input).
 *
 * Format, as SENAINFO's judge module enforces it (input hint `YYONNNNNNN-D`, at most 12
 * characters): 10 digits, a hyphen and a modulo-11 check digit computed exactly like the RUN's.
 * Family-court RUCs are also written `YY-O-NNNNNNN-D`; both layouts (and no hyphen at all) are
 * accepted. `YY` is read as the year 20YY: RUCs exist since the 2000 criminal-procedure reform
 * and family courts since 2005. The meaning of the origin digit `O` is **not verified** (commonly
 * `2` for family courts), so it is returned raw, never interpreted.
 */
import { type CheckDigit, isCheckDigit, mod11CheckDigit } from './mod11';

/**
 * Why a value is not a usable RUC: nothing given; not one of the accepted layouts; a body of one
 * repeated digit (`0000000000-0` has a valid DV); or a check digit that does not match.
 */
export type RucInvalidReason = 'EMPTY' | 'MALFORMED' | 'PLACEHOLDER' | 'CHECK_DIGIT';

export interface ValidRuc {
  readonly ok: true;
  /** The 10 body digits as a string: leading zeros are significant here (`05…` is 2005). */
  readonly body: string;
  readonly dv: CheckDigit;
  /** Canonical form `2320012345-K`: compare and store this. */
  readonly normalized: string;
  /** 2000 + the first two digits. */
  readonly year: number;
  /** The third digit, uninterpreted (meaning unverified). */
  readonly origin: string;
  /** The last seven body digits, with their leading zeros. */
  readonly sequence: string;
}

export interface InvalidRuc {
  readonly ok: false;
  readonly reason: RucInvalidReason;
}

export type RucParseResult = ValidRuc | InvalidRuc;

const LAYOUT = /^(\d{2})-?(\d)-?(\d{7})-?([0-9K])$/;
const HYPHENS = /[\u2010-\u2015\u2212\uFE63\uFF0D]/g;

/** Parses `2320012345-K`, `23-2-0012345-k`, `2320012345K` or `23.2.0012345-K` (dots and spaces ignored). */
export function parseRuc(input: string | null | undefined): RucParseResult {
  if (input === null || input === undefined) return { ok: false, reason: 'EMPTY' };
  const text = input.normalize('NFKC').replace(HYPHENS, '-').trim().toUpperCase();
  if (/^[\s.\-_]*$/.test(text)) return { ok: false, reason: 'EMPTY' };
  const match = LAYOUT.exec(text.replace(/[\s.]/g, ''));
  if (!match) return { ok: false, reason: 'MALFORMED' };
  const [, yy = '', origin = '', sequence = '', dv = ''] = match;
  const body = `${yy}${origin}${sequence}`;
  if (/^(\d)\1*$/.test(body)) return { ok: false, reason: 'PLACEHOLDER' };
  if (!isCheckDigit(dv) || rucCheckDigit(body) !== dv) return { ok: false, reason: 'CHECK_DIGIT' };
  return { ok: true, body, dv, normalized: `${body}-${dv}`, year: 2000 + Number(yy), origin, sequence };
}

/**
 * The check digit of a 10-digit RUC body (same modulo 11 as the RUN).
 * @throws RangeError when `body` is not exactly 10 decimal digits.
 */
export function rucCheckDigit(body: string): CheckDigit {
  if (!/^\d{10}$/.test(body)) throw new RangeError('a RUC body is exactly 10 decimal digits');
  return mod11CheckDigit(body);
}

/** Formats a 10-digit body with its computed DV: `2320012345-K`. Throws like {@link rucCheckDigit}. */
export function formatRuc(body: string): string {
  return `${body}-${rucCheckDigit(body)}`;
}
