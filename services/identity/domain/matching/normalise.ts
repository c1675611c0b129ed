/**
 * PersonRecord → NormalisedPerson: the comparison keys of one source record. The raw values stay
 * in the source record (display, audit); matching only ever compares these keys.
 *
 * Invalid values become *missing*, never a disagreement: an invalid RUN (bad check digit,
 * placeholder), a placeholder name ("RN", "NN", "RN de …"), an impossible date part.
 */
import type { PersonRecord } from '../../../../schemas/generated/person-record.v1';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- services/platform/chile is pure by test (purity.test.ts) and is shared with matching on purpose: one RUN/name parser for connectors and matching.
import { foldEnye, nameKey, parseIpe, parseName, parseRun, type ParsedName } from '../../../platform/chile';
import type { NormalisedPerson } from './types';

/** Optional fields may be absent in plain JSON input: read them as null. */
export type PersonRecordInput = Partial<PersonRecord> & Pick<PersonRecord, 'source' | 'sourceRecordId'>;

/**
 * Memo of name parsing for batches (names repeat: a million records hold a few tens of thousands
 * of distinct name strings). Pure memoisation: results never depend on it; bounded in size.
 */
export class NameMemo {
  private readonly given = new Map<string, ParsedName>();
  private readonly surnames = new Map<string, { core: string; full: string } | null>();
  parseGiven(raw: string | null): ParsedName {
    if (raw === null) return parseName(null);
    let v = this.given.get(raw);
    if (v === undefined) { v = parseName(raw); if (this.given.size < 500_000) this.given.set(raw, v); }
    return v;
  }
  parseSurname(raw: string | null): { core: string; full: string } | null {
    if (raw === null) return null;
    let v = this.surnames.get(raw);
    if (v === undefined) { v = surname(raw); if (this.surnames.size < 500_000) this.surnames.set(raw, v); }
    return v;
  }
}

const NO_MEMO = { parseGiven: (raw: string | null) => parseName(raw), parseSurname: (raw: string | null) => surname(raw) };

export function normalisePerson(p: PersonRecordInput, memo: Pick<NameMemo, 'parseGiven' | 'parseSurname'> = NO_MEMO): NormalisedPerson {
  const given = memo.parseGiven(p.givenNames ?? null);
  const paternal = memo.parseSurname(p.paternalSurname ?? null);
  const maternal = memo.parseSurname(p.maternalSurname ?? null);
  const run = parseRun(p.run ?? null);
  const address = p.address ?? null;
  return {
    key: `${p.source}|${p.sourceRecordId}`,
    source: p.source,
    sourceRecordId: p.sourceRecordId,
    run: run.ok ? run.normalized : null,
    identifiers: identifiers(p.identifiers ?? []),
    given: given.status === 'PRESENT' ? given.core.map((t) => foldEnye(t)) : [],
    paternal: paternal?.core ?? null,
    maternal: maternal?.core ?? null,
    paternalFull: paternal?.full ?? null,
    maternalFull: maternal?.full ?? null,
    birth: birthDate(p.birthDate ?? null),
    sex: p.sex === 'F' || p.sex === 'M' || p.sex === 'X' ? p.sex : null,
    comuna: digitsOrNull(p.comunaCode ?? null),
    street: textKey(address?.street ?? null),
    locality: textKey(address?.locality ?? null),
    postcode: alnumOrNull(address?.postcode ?? null),
    phone: phone(p.phone ?? null),
    newborn: given.status === 'MISSING' && given.reason === 'PLACEHOLDER' && given.placeholder?.kind === 'NEWBORN',
  };
}

function surname(raw: string | null): { core: string; full: string } | null {
  const parsed = parseName(raw);
  if (parsed.status !== 'PRESENT' || parsed.core.length === 0) return null;
  return { core: foldEnye(parsed.core.join(' ')), full: parsed.keyEnyeFolded.replace(/ /g, '') };
}

/** Same scheme compared with same scheme only; IPE through its own parser, others as upper-case alphanumerics. */
function identifiers(list: readonly { scheme: string; value: string }[]): string[] {
  const out = new Set<string>();
  for (const { scheme, value } of list) {
    if (typeof scheme !== 'string' || typeof value !== 'string') continue;
    const s = scheme.trim().toUpperCase();
    let v: string;
    if (s === 'CL-IPE' || s === 'IPE') {
      const ipe = parseIpe(value);
      if (!ipe.ok) continue;
      v = ipe.normalized;
    } else {
      v = value.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, '');
      if (v === '' || /^(.)\1*$/.test(v)) continue; // 0000000 and the like are fillers
    }
    out.add(`${s}:${v}`);
  }
  return [...out].sort();
}

/** `YYYY-MM-DD` (also `YYYY-MM`, `YYYY`); an impossible part becomes 0 (unknown), a bad year drops the date. */
export function birthDate(raw: string | null): { y: number; m: number; d: number } | null {
  if (raw === null) return null;
  const match = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$/.exec(raw);
  if (!match) return null;
  const y = Number(match[1]);
  if (y < 1880 || y > 2200) return null;
  const m = Number(match[2] ?? 0);
  const d = Number(match[3] ?? 0);
  return { y, m: m >= 1 && m <= 12 ? m : 0, d: d >= 1 && d <= 31 ? d : 0 };
}

function textKey(raw: string | null): string | null {
  if (raw === null) return null;
  const key = foldEnye(nameKey(raw));
  return key === '' ? null : key;
}

function digitsOrNull(raw: string | null): string | null {
  if (raw === null) return null;
  const d = raw.replace(/\D/g, '');
  return d === '' ? null : d;
}

function alnumOrNull(raw: string | null): string | null {
  if (raw === null) return null;
  const v = raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return v === '' ? null : v;
}

/** The last 8 digits: Chilean numbers are written with or without +56 and the mobile 9. */
function phone(raw: string | null): string | null {
  if (raw === null) return null;
  const d = raw.replace(/\D/g, '');
  if (d.length < 6 || /^(\d)\1*$/.test(d)) return null;
  return d.slice(-8);
}
