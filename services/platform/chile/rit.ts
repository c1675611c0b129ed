/**
 * RIT (Rol Interno del Tribunal): a family court's own number for a cause, `P-1234-2023`
 * (`<letter>-<sequence>-<year>`; child-protection.md §2.6).
 *
 * **A RIT is unique only within its court.** `P-1234-2023` exists in many courts at once, so the
 * only safe key is the pair (court code, RIT): build it with {@link courtScopedRitKey} and never
 * join or deduplicate on the RIT alone. The national number of a cause is the RUC (`ruc.ts`).
 * Like the RUC, a RIT reveals a protection or VIF cause: keep it out of logs and event keys.
 *
 * Letters: only `P` and `O` are documented (OLN–court guide); the others in
 * {@link RIT_UNVERIFIED_LETTERS} are background knowledge to confirm with the Poder Judicial
 * before anything depends on them. The parser accepts any letter and says which case it is, so
 * connectors can decide whether to reject undocumented ones.
 *
 * Years: family courts started on 1 October 2005 (Ley 19.968), so a year before 2005 is out of
 * range. The upper bound needs today's date, which this pure module does not read: pass
 * `maxYear` from the caller's clock.
 */

/** The documented letters and what the cause is. */
export const RIT_PROCEDURES = {
  /** Causa P: medidas de protección; an OLN's transfer to court opens one. */
  P: 'MEDIDAS_DE_PROTECCION',
  /** Causa O: opened for an OLN's communications and requests for apremios. */
  O: 'COMUNICACIONES_OLN',
} as const;

export type RitDocumentedLetter = keyof typeof RIT_PROCEDURES;
export type RitProcedure = (typeof RIT_PROCEDURES)[RitDocumentedLetter];

/** Letters believed to be in use, with their *unverified* meaning (do not generate or branch on them yet). */
export const RIT_UNVERIFIED_LETTERS: Readonly<Record<string, string>> = {
  C: 'contencioso',
  V: 'voluntario',
  F: 'violencia intrafamiliar',
  A: 'adopción',
  X: 'cumplimiento / varios',
  Z: 'cumplimiento / varios',
  E: 'exhorto',
};

/** First year of the family courts (Ley 19.968 in force since October 2005). */
export const RIT_MIN_YEAR = 2005;

export type RitInvalidReason = 'EMPTY' | 'MALFORMED' | 'OUT_OF_RANGE';

export interface ValidRit {
  readonly ok: true;
  readonly letter: string;
  readonly sequence: number;
  readonly year: number;
  /** Canonical form `P-1234-2023` (upper-case letter, no leading zeros). Unique only per court. */
  readonly normalized: string;
  /** `DOCUMENTED` (P, O), `UNVERIFIED` (see {@link RIT_UNVERIFIED_LETTERS}) or `UNKNOWN`. */
  readonly letterStatus: 'DOCUMENTED' | 'UNVERIFIED' | 'UNKNOWN';
  /** The documented procedure, or `null` when the letter is not documented. */
  readonly procedure: RitProcedure | null;
}

export interface InvalidRit {
  readonly ok: false;
  readonly reason: RitInvalidReason;
}

export type RitParseResult = ValidRit | InvalidRit;

export interface RitParseOptions {
  /** Latest acceptable year, from the caller's clock (e.g. the current year). No bound if absent. */
  readonly maxYear?: number;
}

const LAYOUT = /^(?:RIT\s*(?:N[°º.]?\s*)?:?\s*)?([A-Z])[\s\-/]*0*(\d{1,7})[\s\-/]+(\d{4})$/;
const HYPHENS = /[\u2010-\u2015\u2212\uFE63\uFF0D]/g;

/**
 * Parses `P-1234-2023`, `p 1234 2023`, `P-01234/2023` or `RIT: P-1234-2023`.
 * A two-digit year (`P-1234-23`) is `MALFORMED`: guessing the century is the source's job.
 */
export function parseRit(input: string | null | undefined, options: RitParseOptions = {}): RitParseResult {
  if (input === null || input === undefined) return { ok: false, reason: 'EMPTY' };
  const text = input.normalize('NFKC').replace(HYPHENS, '-').trim().toUpperCase();
  if (/^[\s.\-_/]*$/.test(text)) return { ok: false, reason: 'EMPTY' };
  const match = LAYOUT.exec(text);
  if (!match) return { ok: false, reason: 'MALFORMED' };
  const [, letter = '', digits = '', yearText = ''] = match;
  const sequence = Number(digits);
  const year = Number(yearText);
  if (sequence < 1 || year < RIT_MIN_YEAR || (options.maxYear !== undefined && year > options.maxYear)) {
    return { ok: false, reason: 'OUT_OF_RANGE' };
  }
  const procedure = isDocumentedLetter(letter) ? RIT_PROCEDURES[letter] : null;
  const letterStatus = procedure ? 'DOCUMENTED' : letter in RIT_UNVERIFIED_LETTERS ? 'UNVERIFIED' : 'UNKNOWN';
  return { ok: true, letter, sequence, year, normalized: `${letter}-${sequence}-${year}`, letterStatus, procedure };
}

/**
 * The globally unique key of a cause known by its RIT: `<court code>/<RIT>`, e.g.
 * `1234/P-1234-2023`. The court code is taken as given (trimmed; its official format is not
 * checked here). Returns `undefined` when the court code is blank or contains `/`.
 */
export function courtScopedRitKey(courtCode: string, rit: ValidRit): string | undefined {
  const court = courtCode.trim();
  if (court === '' || court.includes('/')) return undefined;
  return `${court}/${rit.normalized}`;
}

function isDocumentedLetter(letter: string): letter is RitDocumentedLetter {
  return Object.prototype.hasOwnProperty.call(RIT_PROCEDURES, letter);
}
