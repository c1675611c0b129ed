/**
 * IPE (Identificador Provisorio Escolar): the number MINEDUC (or JUNJI / Integra for pre-school)
 * gives a migrant child who has no RUN, so that the child can apply to and enrol in school
 * (child-protection.md §2.1; health's DEIS lists it as identifier type 07, the guardian's IPA as 08).
 *
 * Why it matters: for many migrant children the IPE is the only identifier shared by schools,
 * health and protection. Matching must compare it only with other IPEs (never with a RUN) and
 * treat an unreadable one as missing.
 *
 * What is **not known** (no official format specification was found): the number of digits,
 * whether there is a check digit and how it is computed, and whether IPEs share the RUN's number
 * space. Informal sources suggest RUN-like numbers above 100 million with a modulo-11 DV; that is
 * unverified. So this parser is deliberately lenient:
 * - it accepts digits with dots or spaces, an optional `IPE` prefix, and an optional `-DV`
 *   (`0`–`9`/`K`) after a hyphen; without a hyphen every digit belongs to the number;
 * - `normalized` is the digits only (leading zeros kept: their meaning is unknown) and the DV is
 *   reported apart, with `dvStatus` saying whether it agrees with modulo 11; it never rejects;
 * - 5 to 12 digits are accepted: loose sanity bounds against garbage, not a specification.
 * Consequence for matching: `100123456-7` and `1001234567` normalise differently, because without
 * the format we cannot know whether the last digit of the second is a DV. The same parser suits
 * the IPA (guardians); nothing documented distinguishes their shapes.
 */
import { type CheckDigit, mod11CheckDigit } from './mod11';

export type IpeInvalidReason = 'EMPTY' | 'MALFORMED' | 'OUT_OF_RANGE' | 'PLACEHOLDER';

export interface ValidIpe {
  readonly ok: true;
  /** The number's digits, separators removed: compare IPEs on this. */
  readonly normalized: string;
  readonly dv: CheckDigit | null;
  /** Whether `dv` agrees with modulo 11 over `normalized` (`ABSENT` when no DV was written). */
  readonly dvStatus: 'ABSENT' | 'MATCHES_MOD11' | 'DIFFERS_FROM_MOD11';
}

export interface InvalidIpe {
  readonly ok: false;
  readonly reason: IpeInvalidReason;
}

export type IpeParseResult = ValidIpe | InvalidIpe;

export const IPE_MIN_DIGITS = 5;
export const IPE_MAX_DIGITS = 12;

/** Parses `100.123.456-7`, `IPE 100123456-7`, `IPE: 1001234567` or `100 123 456`. */
export function parseIpe(input: string | number | null | undefined): IpeParseResult {
  if (input === null || input === undefined) return { ok: false, reason: 'EMPTY' };
  const text = String(input).normalize('NFKC').replace(/[\u2010-\u2015\u2212]/g, '-').trim().toUpperCase();
  if (/^[\s.\-_]*$/.test(text)) return { ok: false, reason: 'EMPTY' };
  const match = /^(?:IPE\s*[:#]?\s*)?([\d.\s]*\d)(?:\s*-\s*([0-9K]))?$/.exec(text);
  if (!match) return { ok: false, reason: 'MALFORMED' };
  const digits = (match[1] ?? '').replace(/[.\s]/g, '');
  if (digits.length < IPE_MIN_DIGITS || digits.length > IPE_MAX_DIGITS) return { ok: false, reason: 'OUT_OF_RANGE' };
  if (/^(\d)\1*$/.test(digits)) return { ok: false, reason: 'PLACEHOLDER' };
  const dv = (match[2] ?? null) as CheckDigit | null;
  const dvStatus = dv === null ? 'ABSENT' : dv === mod11CheckDigit(digits) ? 'MATCHES_MOD11' : 'DIFFERS_FROM_MOD11';
  return { ok: true, normalized: digits, dv, dvStatus };
}
