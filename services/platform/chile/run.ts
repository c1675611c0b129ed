/**
 * RUN / RUT: the Chilean national person number (child-protection.md §2.1, matching.md §5.3).
 *
 * Connectors use {@link parseRun} to validate what institutions send; identity matching uses it to
 * build the one canonical form it compares (`12345678-5`). The parser explains every rejection
 * with a reason because matching treats an invalid RUN as **missing, not as a disagreement**: a
 * typo in the check digit or a placeholder such as `11.111.111-1` must never count as evidence
 * that two records are different children (nor that they are the same one).
 *
 * Plausible range (a decision; see the constants):
 * - bodies below {@link RUN_BODY_MIN} are "tiny numbers" that matching.md says to treat as
 *   placeholders; real holders of such numbers were born before ~1920, so no child, parent or
 *   guardian in the network has one;
 * - the research says bodies have 7–8 digits today (children born now are around 27 million)
 *   and asks us to accept 9 defensively and not hard-code a tight upper bound, so the ceiling is
 *   the largest 9-digit body, {@link RUN_BODY_MAX}.
 *
 * Placeholders seen in practice: bodies of one repeated digit (`11.111.111-1`, `22.222.222-2`,
 * `9.999.999-3`, …). Several of them carry a *valid* check digit, so the DV alone does not catch
 * them; they are rejected with reason `PLACEHOLDER`. Textual "no RUN" markers (`SIN RUN`, `S/R`,
 * `NO TIENE`, `NULL`, …) and inputs with only separators are reported as `EMPTY`: the source said
 * there is no RUN, which is the "sin RUN" state SENAINFO recorded with a flag.
 * Not treated as placeholders: `12.345.678-5` (the textbook example; it is a valid number and may
 * belong to someone) and any other sequence; matching can still down-weight frequent values.
 */
import { type CheckDigit, isCheckDigit, mod11CheckDigit } from './mod11';

/** Smallest body accepted: 1.000.000 (7 digits). Smaller bodies are `OUT_OF_RANGE`. */
export const RUN_BODY_MIN = 1_000_000;
/** Largest body accepted: 999.999.999 (9 digits, defensive). Larger bodies are `OUT_OF_RANGE`. */
export const RUN_BODY_MAX = 999_999_999;

/**
 * Why a value is not a usable RUN, checked in this order:
 * - `EMPTY`: nothing, only separators, or an explicit "no RUN" marker (`SIN RUN`, `S/R`, …);
 * - `MALFORMED`: characters or layout that no writing of a RUN has (letters other than a final
 *   K, a missing check digit, a hyphen in the middle, …);
 * - `OUT_OF_RANGE`: well-formed, but the body is outside [{@link RUN_BODY_MIN}, {@link RUN_BODY_MAX}];
 * - `PLACEHOLDER`: a body of one repeated digit, a known filler (whatever its check digit);
 * - `CHECK_DIGIT`: the check digit does not match the body (a typo somewhere).
 */
export type RunInvalidReason = 'EMPTY' | 'MALFORMED' | 'OUT_OF_RANGE' | 'PLACEHOLDER' | 'CHECK_DIGIT';

/** A valid RUN: numeric body, upper-case check digit and the canonical `body-DV` text. */
export interface ValidRun {
  readonly ok: true;
  readonly body: number;
  readonly dv: CheckDigit;
  /** Canonical form, no dots, hyphen, upper-case K: `12345678-5`. Use it as the matching key. */
  readonly normalized: string;
}

/** A rejected value. It carries no copy of the input, so it is safe to log. */
export interface InvalidRun {
  readonly ok: false;
  readonly reason: RunInvalidReason;
}

export type RunParseResult = ValidRun | InvalidRun;

/** Explicit "this person has no RUN" markers, compared after upper-casing and collapsing spaces. */
const NO_RUN_MARKERS: ReadonlySet<string> = new Set([
  'SIN RUN', 'SIN RUT', 'S/RUN', 'S/RUT', 'S/R', 'NO TIENE', 'NO INFORMA', 'NO REGISTRA', 'N/A', 'NULL',
]);

/** Unicode hyphens and minus signs that word processors put where a `-` was typed. */
const HYPHENS = /[\u2010-\u2015\u2212\uFE63\uFF0D]/g;

/**
 * Parses a RUN written in any common way: `12.345.678-5`, `12345678-5`, `123456785`,
 * `12 345 678 5`, lower-case `k`, full-width digits, an Excel text apostrophe (`'12345678-5`),
 * thousands separators as dots, commas or spaces, and zero padding from fixed-width files
 * (`012345678-5`). Without a hyphen the last character is the check digit, so a body sent
 * *without* its DV (`12345678`) is read as `1234567-8` and usually fails with `CHECK_DIGIT`;
 * when a source has separate body and DV columns use {@link parseRunParts}.
 */
export function parseRun(input: string | number | null | undefined): RunParseResult {
  if (input === null || input === undefined) return invalid('EMPTY');
  if (typeof input === 'number' && !Number.isSafeInteger(input)) return invalid('MALFORMED');
  const text = String(input).normalize('NFKC').replace(HYPHENS, '-').replace(/^\s*'/, '').trim().toUpperCase();
  if (/^[\s.,\-_]*$/.test(text) || NO_RUN_MARKERS.has(text.replace(/\s+/g, ' '))) return invalid('EMPTY');

  const match = /^(\d+)-?([0-9K])$/.exec(text.replace(/[\s.,]/g, ''));
  if (!match) return invalid('MALFORMED');
  const digits = (match[1] ?? '').replace(/^0+/, '');
  const dv = match[2] ?? '';
  if (digits.length > String(RUN_BODY_MAX).length) return invalid('OUT_OF_RANGE');
  const body = Number(digits || '0');
  if (body < RUN_BODY_MIN || body > RUN_BODY_MAX) return invalid('OUT_OF_RANGE');
  if (/^(\d)\1*$/.test(digits)) return invalid('PLACEHOLDER');
  if (!isCheckDigit(dv) || mod11CheckDigit(digits) !== dv) return invalid('CHECK_DIGIT');
  return { ok: true, body, dv, normalized: `${body}-${dv}` };
}

/**
 * Parses a RUN kept in two columns (body, check digit), as SENAINFO and many spreadsheets do.
 * An absent DV is `MALFORMED` (not `EMPTY`): a body without its check digit cannot be trusted.
 */
export function parseRunParts(body: string | number | null | undefined, dv: string | null | undefined): RunParseResult {
  const bodyText = body === null || body === undefined ? '' : String(body).trim();
  const dvText = (dv ?? '').trim();
  if (bodyText === '' && dvText === '') return invalid('EMPTY');
  if (bodyText === '' || dvText.length !== 1) return invalid('MALFORMED');
  return parseRun(`${bodyText}-${dvText}`);
}

/**
 * The check digit of a body (modulo 11; see {@link mod11CheckDigit}).
 * @throws RangeError when `body` is not a non-negative safe integer.
 */
export function runCheckDigit(body: number): CheckDigit {
  return mod11CheckDigit(String(checkedBody(body)));
}

/**
 * Formats a body with its computed check digit the way people read it: `12.345.678-5`
 * (`{ dots: false }` gives the canonical `12345678-5`). It does not judge the range: formatting
 * a placeholder is allowed, parsing it back is what rejects it.
 * @throws RangeError when `body` is not a non-negative safe integer.
 */
export function formatRun(body: number, options: { readonly dots?: boolean } = {}): string {
  const digits = String(checkedBody(body));
  const grouped = options.dots === false ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${grouped}-${mod11CheckDigit(digits)}`;
}

/** The canonical `12345678-5` form of a valid RUN, or `undefined` when it is not one. */
export function normalizeRun(input: string | number | null | undefined): string | undefined {
  const parsed = parseRun(input);
  return parsed.ok ? parsed.normalized : undefined;
}

function checkedBody(body: number): number {
  if (!Number.isSafeInteger(body) || body < 0) throw new RangeError('a RUN body is a non-negative safe integer');
  return body;
}

function invalid(reason: RunInvalidReason): InvalidRun {
  return { ok: false, reason };
}
