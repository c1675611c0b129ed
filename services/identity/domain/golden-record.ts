/**
 * The golden record of a child: for every field, the value the hub believes, chosen field by field
 * from the source records linked to the identity (survivorship), with the provenance of that
 * value (which record, which institution, when observed, which rule chose it). Pure: data in,
 * decision out. The policy is data (DEFAULT_SURVIVORSHIP_POLICY), not ifs in code.
 *
 * Why field level: a child's RUN is best known by the civil-registry-backed sources (health,
 * courts), the current comuna by whoever saw the child last (a child moves), the names by the
 * sources that verify documents. One "best record" would be wrong on some field every time.
 */
import type { Address, PersonRecord, Sex } from '../../../schemas/generated/person-record.v1';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- services/platform/chile is pure by test (purity.test.ts); one RUN/name/CUT parser for the whole hub, as the matching engine does.
import { nameKey, parseCutCode, parseRun } from '../../platform/chile';

/** One source record of the identity, as survivorship needs it. */
export interface GoldenInput {
  /** `${person.source}|${person.sourceRecordId}` (the engine's NormalisedPerson.key). */
  readonly recordKey: string;
  /** envelope.sourceInstitution: TRIBUNAL, SENAME, MUNICIPALITY, SCHOOL, HEALTH (others get the default trust). */
  readonly institution: string;
  /** When the source observed this version of the record, epoch ms (envelope.occurredAt). */
  readonly observedAt: number;
  readonly person: PersonRecord;
}

/**
 * How a field's value is chosen:
 * - `trust-frequency`: among the observations from the most trusted institution(s) that have a
 *   usable value, the value most records agree on; ties → most recent, then smallest key.
 *   For stable facts: RUN, names, birth date, sex.
 * - `recency`: the most recent usable observation among institutions trusted at least `minTrust`;
 *   ties → higher trust, then smallest key. For facts that change: comuna, address, phone.
 */
export type SurvivorshipRule = 'trust-frequency' | 'recency';

export interface FieldPolicy {
  readonly rule: SurvivorshipRule;
  /** Trust per institution for this field, overriding the policy default (higher wins). */
  readonly trust?: Readonly<Record<string, number>>;
  /** Observations from institutions trusted less than this are ignored for the field (default 0). */
  readonly minTrust?: number;
}

export const GOLDEN_FIELDS = [
  'run', 'givenNames', 'paternalSurname', 'maternalSurname', 'birthDate', 'sex', 'comunaCode', 'address', 'phone',
] as const;
export type GoldenFieldName = (typeof GOLDEN_FIELDS)[number];

export interface SurvivorshipPolicy {
  /** Recorded in the ledger with every golden-record change. */
  readonly version: string;
  /** Trust of each institution for every field (0 … 100); institutions not listed get `unknownTrust`. */
  readonly trust: Readonly<Record<string, number>>;
  readonly unknownTrust: number;
  readonly fields: Readonly<Record<GoldenFieldName, FieldPolicy>>;
}

/**
 * Health (civil-registry-linked newborn records, FONASA) and courts verify documents; SENAME and
 * schools copy them from intake forms; municipal offices often record what a relative says.
 * The RUN follows the same order; residence is whoever saw the child last, except that schools'
 * addresses are often the school's or a guardian's work address, so they count less there.
 */
export const DEFAULT_SURVIVORSHIP_POLICY: SurvivorshipPolicy = {
  version: 'survivorship-1',
  trust: { HEALTH: 90, TRIBUNAL: 80, SENAME: 70, SCHOOL: 60, MUNICIPALITY: 50 },
  unknownTrust: 10,
  fields: {
    run: { rule: 'trust-frequency' },
    givenNames: { rule: 'trust-frequency' },
    paternalSurname: { rule: 'trust-frequency' },
    maternalSurname: { rule: 'trust-frequency' },
    birthDate: { rule: 'trust-frequency' },
    sex: { rule: 'trust-frequency' },
    comunaCode: { rule: 'recency' },
    address: { rule: 'recency', trust: { SCHOOL: 20 }, minTrust: 30 },
    phone: { rule: 'recency' },
  },
};

/** Where a golden value came from and why it won. */
export interface Provenance {
  readonly recordKey: string;
  readonly institution: string;
  readonly observedAt: number;
  readonly rule: SurvivorshipRule;
  /** Records (of any trust) whose value normalises to the chosen one. */
  readonly support: number;
  /** Distinct usable values observed for the field (1 = no conflict). */
  readonly distinctValues: number;
}

export interface GoldenValue<T> {
  readonly value: T;
  readonly provenance: Provenance;
}

/** Each field is null when no linked record has a usable value for it. */
export interface GoldenRecord {
  readonly policyVersion: string;
  readonly recordCount: number;
  readonly run: GoldenValue<string> | null;
  readonly givenNames: GoldenValue<string> | null;
  readonly paternalSurname: GoldenValue<string> | null;
  readonly maternalSurname: GoldenValue<string> | null;
  readonly birthDate: GoldenValue<string> | null;
  readonly sex: GoldenValue<Sex> | null;
  readonly comunaCode: GoldenValue<string> | null;
  readonly address: GoldenValue<Address> | null;
  readonly phone: GoldenValue<string> | null;
  /** Every distinct other identifier (IPE, passport…) seen, with the record that first showed it. */
  readonly identifiers: readonly GoldenValue<{ readonly scheme: string; readonly value: string }>[];
}

/** A usable value of a field in one record: the value shown and the key it is compared by. */
interface Observation<T> {
  readonly input: GoldenInput;
  readonly value: T;
  readonly key: string;
  readonly trust: number;
}

type Extractor<T> = (p: PersonRecord) => { value: T; key: string } | null;

const text = (s: string | null): string | null => {
  const t = s?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

const nameField = (get: (p: PersonRecord) => string | null): Extractor<string> => (p) => {
  const v = text(get(p));
  if (v === null) return null;
  const key = nameKey(v);
  return key ? { value: v, key } : null;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date (partial or impossible dates are not usable for the golden record). */
function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

const EXTRACTORS: { readonly [F in GoldenFieldName]: Extractor<NonNullable<GoldenRecord[F]>['value']> } = {
  // An invalid RUN is treated as missing, never as a competing value (matching.md §5.3).
  run: (p) => { const r = parseRun(p.run); return r.ok ? { value: r.normalized, key: r.normalized } : null; },
  givenNames: nameField((p) => p.givenNames),
  paternalSurname: nameField((p) => p.paternalSurname),
  maternalSurname: nameField((p) => p.maternalSurname),
  birthDate: (p) => { const d = text(p.birthDate); return d && isCalendarDate(d) ? { value: d, key: d } : null; },
  sex: (p) => (p.sex ? { value: p.sex, key: p.sex } : null),
  comunaCode: (p) => { const c = parseCutCode(p.comunaCode); return c.ok ? { value: c.code, key: c.code } : null; },
  address: (p) => {
    const a = p.address;
    if (!a) return null;
    const parts = [a.street, a.locality, a.postcode, a.region].map((x) => text(x));
    if (parts[0] === null && parts[1] === null) return null;
    const value: Address = { street: parts[0] ?? null, locality: parts[1] ?? null, postcode: parts[2] ?? null, region: parts[3] ?? null };
    return { value, key: parts.map((x) => (x ? nameKey(x) : '')).join('|') };
  },
  phone: (p) => { const d = (p.phone ?? '').replace(/\D/g, ''); return d.length >= 8 ? { value: d, key: d.slice(-8) } : null; },
};

function trustOf(policy: SurvivorshipPolicy, field: GoldenFieldName, institution: string): number {
  return policy.fields[field].trust?.[institution] ?? policy.trust[institution] ?? policy.unknownTrust;
}

/** Deterministic order of observations: more recent first, then record key (so input order never matters). */
function newerFirst<T>(a: Observation<T>, b: Observation<T>): number {
  return b.input.observedAt - a.input.observedAt || (a.input.recordKey < b.input.recordKey ? -1 : a.input.recordKey > b.input.recordKey ? 1 : 0);
}

function chooseField<F extends GoldenFieldName>(field: F, records: readonly GoldenInput[], policy: SurvivorshipPolicy): GoldenRecord[F] {
  const fp = policy.fields[field];
  const extract = EXTRACTORS[field] as Extractor<unknown>;
  const all: Observation<unknown>[] = [];
  for (const input of records) {
    const got = extract(input.person);
    if (got) all.push({ input, value: got.value, key: got.key, trust: trustOf(policy, field, input.institution) });
  }
  const usable = all.filter((o) => o.trust >= (fp.minTrust ?? 0)).sort(newerFirst);
  if (usable.length === 0) return null as GoldenRecord[F];
  const support = (key: string) => all.filter((o) => o.key === key).length;
  const distinctValues = new Set(usable.map((o) => o.key)).size;

  let winner: Observation<unknown>;
  if (fp.rule === 'recency') {
    const newest = usable[0]!.input.observedAt;
    // Same instant: the more trusted source; then the stable key order newerFirst gave.
    winner = usable.filter((o) => o.input.observedAt === newest).reduce((best, o) => (o.trust > best.trust ? o : best));
  } else {
    const top = Math.max(...usable.map((o) => o.trust));
    const tier = usable.filter((o) => o.trust === top);
    const counts = new Map<string, number>();
    for (const o of tier) counts.set(o.key, (counts.get(o.key) ?? 0) + 1);
    const most = Math.max(...counts.values());
    // tier is newest first: the first observation of a most frequent value is its most recent one.
    winner = tier.find((o) => counts.get(o.key) === most)!;
  }
  return {
    value: winner.value,
    provenance: {
      recordKey: winner.input.recordKey, institution: winner.input.institution, observedAt: winner.input.observedAt,
      rule: fp.rule, support: support(winner.key), distinctValues,
    },
  } as GoldenRecord[F];
}

function identifiersOf(records: readonly GoldenInput[]): GoldenRecord['identifiers'] {
  const oldestFirst = [...records].sort((a, b) => a.observedAt - b.observedAt || (a.recordKey < b.recordKey ? -1 : 1));
  const seen = new Map<string, { scheme: string; value: string; input: GoldenInput; support: number }>();
  for (const input of oldestFirst) {
    for (const id of input.person.identifiers ?? []) {
      const scheme = id.scheme.trim().toUpperCase();
      const value = id.value.replace(/[\s.-]/g, '').toUpperCase();
      if (!scheme || !value) continue;
      const k = `${scheme}:${value}`;
      const hit = seen.get(k);
      if (hit) hit.support += 1;
      else seen.set(k, { scheme, value: id.value.trim(), input, support: 1 });
    }
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, s]) => ({
    value: { scheme: s.scheme, value: s.value },
    provenance: { recordKey: s.input.recordKey, institution: s.input.institution, observedAt: s.input.observedAt, rule: 'trust-frequency' as const, support: s.support, distinctValues: 1 },
  }));
}

/**
 * The golden record of the given source records under the policy. Deterministic and
 * independent of input order. Records with the same key should not be passed twice (the caller
 * passes each source record's latest version).
 */
export function buildGoldenRecord(records: readonly GoldenInput[], policy: SurvivorshipPolicy = DEFAULT_SURVIVORSHIP_POLICY): GoldenRecord {
  return {
    policyVersion: policy.version,
    recordCount: records.length,
    run: chooseField('run', records, policy),
    givenNames: chooseField('givenNames', records, policy),
    paternalSurname: chooseField('paternalSurname', records, policy),
    maternalSurname: chooseField('maternalSurname', records, policy),
    birthDate: chooseField('birthDate', records, policy),
    sex: chooseField('sex', records, policy),
    comunaCode: chooseField('comunaCode', records, policy),
    address: chooseField('address', records, policy),
    phone: chooseField('phone', records, policy),
    identifiers: identifiersOf(records),
  };
}

/** Names of the fields whose chosen value differs between two golden records (for GoldenRecordChanged). */
export function changedGoldenFields(before: GoldenRecord | null, after: GoldenRecord): readonly GoldenFieldName[] {
  return GOLDEN_FIELDS.filter((f) => JSON.stringify(before?.[f]?.value ?? null) !== JSON.stringify(after[f]?.value ?? null));
}
