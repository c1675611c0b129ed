/**
 * Chilean identifiers and reference data, pure (no I/O, clock or environment): data in, values out.
 *
 * Shared platform code because two sides need the same answers: connectors *validate* what
 * institutions send, and identity matching *normalises* it into comparison keys. If each kept its
 * own RUN parser, a value accepted at the edge could be read differently by matching.
 *
 * Every parser returns `{ ok: true, …, normalized }` or `{ ok: false, reason }` and never echoes
 * its input, so results are safe to log and count. Matching treats any `ok: false` as *missing*.
 */
export { type CheckDigit, isCheckDigit, mod11CheckDigit } from './mod11';
export {
  RUN_BODY_MAX, RUN_BODY_MIN, formatRun, normalizeRun, parseRun, parseRunParts, runCheckDigit,
  type InvalidRun, type RunInvalidReason, type RunParseResult, type ValidRun,
} from './run';
export { formatRuc, parseRuc, rucCheckDigit, type InvalidRuc, type RucInvalidReason, type RucParseResult, type ValidRuc } from './ruc';
export {
  RIT_MIN_YEAR, RIT_PROCEDURES, RIT_UNVERIFIED_LETTERS, courtScopedRitKey, parseRit,
  type InvalidRit, type RitDocumentedLetter, type RitInvalidReason, type RitParseOptions, type RitParseResult, type RitProcedure, type ValidRit,
} from './rit';
export {
  COMUNAS, PROVINCES, REGIONS, comunaByCode, comunasInProvince, comunasInRegion, findComunasByName, isComunaCode, parseCutCode,
  type Comuna, type CutInvalidReason, type CutParseResult, type Province, type Region,
} from './comunas';
export { RBD_MAX, parseRbd, rbdMod11CheckDigit, type InvalidRbd, type RbdCheckDigitStatus, type RbdInvalidReason, type RbdParseResult, type ValidRbd } from './rbd';
export { IPE_MAX_DIGITS, IPE_MIN_DIGITS, parseIpe, type InvalidIpe, type IpeInvalidReason, type IpeParseResult, type ValidIpe } from './ipe';
export {
  NAME_PARTICLES, NAME_PREFIXES, cleanNameText, foldAccents, foldCase, foldEnye, isPlaceholderName, nameKey, parseName,
  type MissingName, type NameKeyOptions, type NameToken, type NameTokenRole, type ParsedName, type PresentName,
} from './names';
export { NEWBORN_WORDS, UNKNOWN_NAME_VALUES, detectNamePlaceholder, type NamePlaceholder, type NamePlaceholderKind } from './name-placeholders';
export { mulberry32, syntheticRun, type SyntheticRunOptions } from './synthetic';
