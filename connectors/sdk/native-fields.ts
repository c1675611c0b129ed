import { z } from 'zod';
import { parseCutCode, parseIpe, parseRbd, parseRit, parseRuc, parseRun } from '../../services/platform/chile';

/**
 * Zod field types for institutions' native records, as they really arrive: CSV cells (strings,
 * often blank), JSON values (numbers for codes), `DD-MM-YYYY` dates, RUNs with dots, Spanish
 * option names with or without accents. Each field yields the canonical value or a field issue
 * whose message is the stable code (see messages.ts); values are never echoed into errors, so
 * error texts are safe to log and to return.
 *
 * What is rejected and what is only warned about (ADR 0007): a value that cannot be what it
 * claims (a RUN with letters, an impossible date, an unknown option, disallowed characters) is
 * rejected; a well-formed RUN whose check digit fails is kept as written and warned about,
 * because identity matching treats it as missing and the rest of the record must not be lost.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string };
type Parse<T> = (text: string) => Parsed<T>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (code: string): Parsed<never> => ({ ok: false, code });

/** Trimmed NFC text of a cell or JSON value; undefined when blank. Objects and arrays are not text. */
function cellText(raw: unknown): string | undefined | typeof NOT_TEXT {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : NOT_TEXT;
  if (typeof raw === 'boolean') return raw ? 'true' : 'false';
  if (typeof raw !== 'string') return NOT_TEXT;
  const t = raw.normalize('NFC').trim();
  return t === '' ? undefined : t;
}
const NOT_TEXT = Symbol('not text');

interface FieldDoc { readonly description: string; readonly example?: string; readonly format?: string }

/** One cell (or JSON value) through a field type: its canonical value, null when blank and optional, or the issue code. */
function readCell<T>(raw: unknown, parse: Parse<T>, required: boolean): Parsed<T | null> {
  const text = cellText(raw);
  if (text === NOT_TEXT) return INVALID_TYPE;
  if (text === undefined) return required ? REQUIRED : BLANK;
  return parse(text);
}
const INVALID_TYPE = fail('INVALID_TYPE');
const REQUIRED = fail('REQUIRED');
const BLANK = ok(null);

/** Reads one field outside zod; the same function the field's zod transform runs. */
export type FieldReader = (raw: unknown) => Parsed<unknown>;

/**
 * The reader behind each field schema built here, so record schemas made only of these fields can
 * be read without zod's per-field machinery (see fast-record-parser.ts). Zod stays the reference:
 * the schema and the reader run the same `readCell`.
 */
export const FIELD_READERS = new WeakMap<z.ZodType, FieldReader>();

function build<T>(parse: Parse<T>, doc: FieldDoc, required: boolean) {
  const schema = z.unknown().optional().transform((raw, ctx): T | null => {
    const r = readCell(raw, parse, required);
    if (!r.ok) { ctx.addIssue({ code: 'custom', message: r.code }); return z.NEVER; }
    return r.value;
  }).meta({ type: 'string', description: doc.description, ...(doc.example ? { examples: [doc.example] } : {}), ...(doc.format ? { format: doc.format } : {}) });
  FIELD_READERS.set(schema, (raw) => readCell(raw, parse, required));
  return schema;
}

/** A field type: `.req(doc)` for mandatory fields, `.opt(doc)` for fields a source may leave blank (→ null). */
function fieldType<T>(parse: Parse<T>) {
  return {
    req: (doc: FieldDoc) => build(parse, doc, true) as z.ZodType<T, unknown>,
    opt: (doc: FieldDoc) => build(parse, doc, false) as z.ZodType<T | null, unknown>,
    parse,
  };
}

const CONTROL = /(?![\t\n\r])\p{Cc}/u;
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Ids and codes: letters, digits, `.`, `_`, `-`, up to 64 characters (no `/`: the SDK uses it to qualify ids). */
export const id = fieldType((t) => (t.length > 64 ? fail('TOO_LONG') : ID.test(t) ? ok(t) : fail('INVALID_ID')));

/** Person names: letters (any script, accents, ñ), spaces, apostrophes, dots and hyphens; up to 100. */
export const personName = fieldType((t) => (t.length > 100 ? fail('TOO_LONG') : NAME.test(t) ? ok(t.replace(/\s+/g, ' ')) : fail('INVALID_NAME')));

/** Free text kept verbatim as data (never interpreted): any printable characters, up to `max`. */
export const text = (max = 500) => fieldType((t) => (t.length > max ? fail('TOO_LONG') : CONTROL.test(t) ? fail('INVALID_TEXT') : ok(t)));

export const phone = fieldType((t) => (/^[0-9+ ()-]{6,20}$/.test(t) ? ok(t) : fail('INVALID_PHONE')));

const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as sources write it: `DD-MM-YYYY`, `DD/MM/YYYY` or ISO `YYYY-MM-DD` → `YYYY-MM-DD`. */
export function parseNativeDate(t: string): Parsed<string> {
  const dmy = DMY.exec(t);
  const ymd = dmy ? undefined : YMD.exec(t);
  if (!dmy && !ymd) return fail('INVALID_DATE');
  const [d, m, y] = dmy ? [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])] : [Number(ymd![3]), Number(ymd![2]), Number(ymd![1])];
  if (!isCalendarDate(y, m, d)) return fail('INVALID_DATE');
  return ok(isoDate(y, m, d));
}
export const date = fieldType(parseNativeDate);

/** The range of years the hub accepts, and a real day of that month. */
function isCalendarDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Gregorian month lengths (arithmetic: a Date per call costs more than the rest of a date's parse). */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const DMY_TIME = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant: `DD-MM-YYYY HH:mm[:ss]` (or a bare date, taken as midnight) in Chile's legal time
 * (America/Santiago, with its DST), or an ISO-8601 instant with an offset. Returns epoch ms.
 */
export function parseNativeInstant(t: string): Parsed<number> {
  if (ISO_INSTANT.test(t)) {
    const ms = Date.parse(t);
    return Number.isFinite(ms) ? ok(ms) : fail('INVALID_DATETIME');
  }
  const m = DMY_TIME.exec(t) ?? isoLocal(t);
  if (!m) return fail('INVALID_DATETIME');
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return fail('INVALID_DATETIME');
  return ok(chileLocalToEpoch(y, mo, d, h, mi, s));
}
export const instant = fieldType(parseNativeInstant);

/** `YYYY-MM-DD[ HH:mm[:ss]]` without offset: local Chilean time, reshaped like a DMY match. */
function isoLocal(t: string): string[] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  return m ? [m[0], m[3]!, m[2]!, m[1]!, m[4]!, m[5]!, m[6]!] : undefined;
}

const SANTIAGO = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Santiago', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
});

/**
 * Offset of America/Santiago at an instant, in ms (local = utc + offset). Offsets change only on
 * whole hours (DST transitions), so they are cached per UTC hour: imports convert millions of
 * instants and Intl formatting is the costly part.
 */
function santiagoOffset(utcMs: number): number {
  const hour = Math.floor(utcMs / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = computeSantiagoOffset(hour * 3_600_000);
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}
const offsetByHour = new Map<number, number>();

function computeSantiagoOffset(utcMs: number): number {
  const p = Object.fromEntries(SANTIAGO.formatToParts(new Date(utcMs)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(utcMs / 1000) * 1000;
}

/** Chilean wall-clock time to epoch ms. In the DST gap the later offset wins; in the overlap, the earlier instant. */
export function chileLocalToEpoch(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = asUtc - santiagoOffset(asUtc);
  const second = asUtc - santiagoOffset(first);
  return Math.min(first, second);
}

/** A RUN as written (`12.345.678-5`, `12345678-5`, `123456785`). Kept as written when well formed; "SIN RUN" markers are blank. */
export const run = fieldType((t): Parsed<string | null> => {
  if (t.length > 20) return fail('TOO_LONG');
  const r = parseRunOnce(t);
  if (r.ok || r.reason === 'CHECK_DIGIT' || r.reason === 'PLACEHOLDER') return ok(t);
  return r.reason === 'EMPTY' ? ok(null) : fail('INVALID_RUN');
});

/** A RUC (Fiscalía's case number): must carry a valid mod-11 check digit. Canonical `2320012345-K`. */
export const ruc = fieldType((t) => {
  const r = parseRuc(t);
  return r.ok ? ok(r.normalized) : r.reason === 'CHECK_DIGIT' ? fail('RUC_CHECK_DIGIT') : fail('INVALID_RUC');
});

/** A court's RIT (`P-1234-2023`), canonicalised; unique only within its court. */
export const rit = fieldType((t) => {
  const r = parseRit(t);
  return r.ok ? ok(r.normalized) : fail('INVALID_RIT');
});

/** A comuna's CUT code (4 or 5 digits); unknown codes are rejected. */
export const comuna = fieldType((t) => {
  const r = parseCutCode(t);
  return r.ok ? ok(r.code) : r.reason === 'MALFORMED' ? fail('INVALID_COMUNA') : fail('UNKNOWN_COMUNA');
});

/** A school's RBD, optionally with its check digit (`8485-3`); yields the bare number as text. */
export const rbd = fieldType((t) => {
  const [num, dv] = t.split('-');
  const r = parseRbd(num, dv);
  return r.ok ? ok(String(r.rbd)) : fail('INVALID_RBD');
});

/**
 * parseRun with a one-entry memo: processRecord parses the same RUN again right after the field
 * (for its warning), once per record. Results are read-only.
 */
export function parseRunOnce(t: string): ReturnType<typeof parseRun> {
  if (t !== lastRun.text) lastRun = { text: t, result: parseRun(t) };
  return lastRun.result;
}
let lastRun: { text: string | undefined; result: ReturnType<typeof parseRun> } = { text: undefined, result: parseRun(null) };

/** The IPE, the provisional school id of migrant children without a RUN; kept as written, like the RUN. */
export const ipe = fieldType((t) => {
  const r = parseIpe(t);
  return r.ok ? ok(t) : r.reason === 'PLACEHOLDER' || r.reason === 'EMPTY' ? ok(null) : fail('INVALID_IPE');
});

const TRUE = new Set(['SI', 'S', 'TRUE', '1', 'YES', 'Y', 'X', 'VERDADERO']);
const FALSE = new Set(['NO', 'N', 'FALSE', '0', 'FALSO']);
export const bool = fieldType((t) => {
  const u = fold(t);
  return TRUE.has(u) ? ok(true) : FALSE.has(u) ? ok(false) : fail('INVALID_BOOLEAN');
});

export const integer = (min: number, max: number) => fieldType((t) => {
  if (!/^-?\d+$/.test(t)) return fail('INVALID_NUMBER');
  const n = Number(t);
  return n < min || n > max ? fail('OUT_OF_RANGE') : ok(n);
});

export const decimal = (min: number, max: number) => fieldType((t) => {
  const n = Number(t.replace(',', '.'));
  if (!/^-?\d+(?:[.,]\d+)?$/.test(t) || !Number.isFinite(n)) return fail('INVALID_NUMBER');
  return n < min || n > max ? fail('OUT_OF_RANGE') : ok(n);
});

/** Upper case, accents folded, spaces and hyphens as `_`: how option names are compared. */
function fold(t: string): string {
  return t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().trim().replace(/[\s-]+/g, '_');
}

/**
 * One of a closed list of options (an Avro enum), written as sources do: `Familia extendida`,
 * `FAMILIA_EXTENDIDA`, `familia-extendida`. `aliases` maps other spellings (folded) to a symbol.
 */
export function option<S extends string>(symbols: readonly S[], aliases: Readonly<Record<string, S>> = {}) {
  const set = new Set<string>(symbols);
  return fieldType((t): Parsed<S> => {
    const u = fold(t);
    if (set.has(u)) return ok(u as S);
    const a = aliases[u];
    return a ? ok(a) : fail('INVALID_OPTION');
  });
}

/** Registered sex: F/M/X and their Spanish words. */
export const sex = option(['F', 'M', 'X'] as const, {
  FEMENINO: 'F', MUJER: 'F', FEM: 'F', MASCULINO: 'M', HOMBRE: 'M', MASC: 'M', H: 'M', NO_BINARIO: 'X', OTRO: 'X', INDETERMINADO: 'X',
});
