/**
 * RBD (Rol Base de Datos): MINEDUC's number for a school (child-protection.md §2.4).
 *
 * Why: school connectors report enrolment and attendance per RBD, and the hub joins schools by
 * it. MINEDUC's open datasets keep the number and its check digit in two columns, `RBD` and
 * `DGV_RBD`, and people write them together as `12345-5` (an invented example).
 *
 * What is **not known**: the DGV_RBD algorithm. The research could not verify that it is the
 * RUT's modulo 11 (open question 4 in child-protection.md). So this parser validates the *shape*
 * and reports whether a given DV agrees with modulo 11 (`dvStatus`) without ever rejecting on it.
 * Once someone checks it against the MINEDUC directory, connectors may start rejecting
 * `DIFFERS_FROM_MOD11`, or this note should say the hypothesis is wrong.
 *
 * Range: RBDs are positive integers of up to 5 digits in current directories; 6 are accepted so
 * that a new school does not fail validation. `0` and longer numbers are `OUT_OF_RANGE`.
 */
import { type CheckDigit, isCheckDigit, mod11CheckDigit } from './mod11';

export const RBD_MAX = 999_999;

export type RbdInvalidReason = 'EMPTY' | 'MALFORMED' | 'OUT_OF_RANGE';

/** `ABSENT`: no DV given. Otherwise whether the DV equals the (unverified) modulo-11 candidate. */
export type RbdCheckDigitStatus = 'ABSENT' | 'MATCHES_MOD11' | 'DIFFERS_FROM_MOD11';

export interface ValidRbd {
  readonly ok: true;
  readonly rbd: number;
  /** The RBD alone, as a decimal string without leading zeros: the join key (the DV adds nothing). */
  readonly normalized: string;
  readonly dv: CheckDigit | null;
  readonly dvStatus: RbdCheckDigitStatus;
}

export interface InvalidRbd {
  readonly ok: false;
  readonly reason: RbdInvalidReason;
}

export type RbdParseResult = ValidRbd | InvalidRbd;

/**
 * Parses an RBD written alone (`12345`, `012345`, `12.345`), with its DV (`12345-5`, `1234-k`) or,
 * as MINEDUC files have it, with the DV in its own column (`parseRbd(row.RBD, row.DGV_RBD)`).
 * Digits with no hyphen are all RBD: `123455` is RBD 123455, never 12345 with DV 5. A DV both
 * inside `input` and in `dgv` must agree, else the value is `MALFORMED`.
 */
export function parseRbd(input: string | number | null | undefined, dgv?: string | number | null): RbdParseResult {
  const text = input === null || input === undefined ? '' : String(input).normalize('NFKC').trim().toUpperCase();
  if (text === '') return { ok: false, reason: 'EMPTY' };
  const match = /^(\d+)(?:\s*-\s*([0-9K]))?$/.exec(text.replace(/[.\s](?=\d)/g, ''));
  if (!match) return { ok: false, reason: 'MALFORMED' };
  const digits = (match[1] ?? '').replace(/^0+/, '');
  const dgvText = dgv === null || dgv === undefined ? '' : String(dgv).trim().toUpperCase();
  if (dgvText !== '' && !isCheckDigit(dgvText)) return { ok: false, reason: 'MALFORMED' };
  if (match[2] !== undefined && dgvText !== '' && match[2] !== dgvText) return { ok: false, reason: 'MALFORMED' };
  if (digits === '' || digits.length > String(RBD_MAX).length) return { ok: false, reason: 'OUT_OF_RANGE' };
  const dv = match[2] ?? (dgvText === '' ? null : dgvText);
  const rbd = Number(digits);
  const dvStatus: RbdCheckDigitStatus = dv === null ? 'ABSENT' : dv === rbdMod11CheckDigit(rbd) ? 'MATCHES_MOD11' : 'DIFFERS_FROM_MOD11';
  return { ok: true, rbd, normalized: String(rbd), dv: dv as CheckDigit | null, dvStatus };
}

/**
 * The modulo-11 check digit of an RBD: the *hypothesis* for DGV_RBD (unverified, see above).
 * @throws RangeError when `rbd` is not a non-negative safe integer.
 */
export function rbdMod11CheckDigit(rbd: number): CheckDigit {
  if (!Number.isSafeInteger(rbd) || rbd < 0) throw new RangeError('an RBD is a non-negative safe integer');
  return mod11CheckDigit(String(rbd));
}
