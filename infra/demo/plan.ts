/**
 * Pure half of the demo playback: which simulated month each generated record belongs to, and how
 * a month's slice of an institution's file is put together. No I/O, no clock: the scenario module
 * reads the generated files and writes the slices; this decides.
 */

/** `YYYY-MM`: a simulated month. Lexical order is time order. */
export type MonthKey = string;

/** A record's event time as a sortable number (YYYYMMDDhhmm, Chilean wall clock) and its month. */
export interface EventTime {
  readonly month: MonthKey;
  readonly sortKey: number;
}

const NATIVE = /^(\d{2})[-/](\d{2})[-/](\d{4})(?:[ T](\d{2}):(\d{2}))?/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

function eventTime(y: number, mo: number, d: number, h: number, mi: number): EventTime | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  return { month: `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}`, sortKey: (((y * 100 + mo) * 100 + d) * 100 + h) * 100 + mi };
}

/**
 * The time of a native CSV record (`DD-MM-AAAA HH:MM`, `DD/MM/AAAA`, as the institutions write
 * it), or null when it is not a calendar-like date (the generator corrupts some on purpose:
 * `32-13-… 25:61`; those records still have to be played, see {@link assignMonths}).
 */
export function parseNativeTime(text: string | undefined): EventTime | null {
  const m = NATIVE.exec((text ?? '').trim());
  return m ? eventTime(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0)) : null;
}

/** The time of a FHIR instant as written with its local offset (`2023-05-31T10:35:00-04:00`): the local date is Chile's. */
export function parseFhirTime(text: unknown): EventTime | null {
  const m = typeof text === 'string' ? ISO.exec(text.trim()) : null;
  return m ? eventTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) : null;
}

/**
 * Gives every record of one file a month and an order. A record without a readable time (corrupt
 * on purpose, expected in the DLQ) inherits the time of the record before it in the file (files are
 * in time order within a family), or the first month when it comes first: it is still played, and
 * dead-lettered by the real connector, never dropped by the demo.
 */
export function assignMonths(times: readonly (EventTime | null)[], firstMonth: MonthKey): EventTime[] {
  let previous: EventTime = { month: firstMonth, sortKey: 0 };
  return times.map((t) => {
    if (t) previous = t;
    return previous;
  });
}

/** One institution file's records grouped by month, each month in event-time order (stable for equal times). */
export function groupByMonth<T>(items: readonly T[], times: readonly EventTime[]): Map<MonthKey, T[]> {
  const order = items.map((item, i) => ({ item, i, t: times[i]! }));
  order.sort((a, b) => a.t.sortKey - b.t.sortKey || a.i - b.i);
  const out = new Map<MonthKey, T[]>();
  for (const { item, t } of order) {
    const list = out.get(t.month);
    if (list) list.push(item);
    else out.set(t.month, [item]);
  }
  return out;
}

/** Every month any file has records in, in time order: the playback's steps. */
export function monthsOf(groups: readonly ReadonlyMap<MonthKey, unknown>[]): MonthKey[] {
  return [...new Set(groups.flatMap((g) => [...g.keys()]))].sort();
}

type Json = Record<string, unknown>;
interface BundleEntry { readonly fullUrl?: unknown; readonly resource?: unknown }

function resourceOf(e: BundleEntry): Json | null {
  return e.resource !== null && typeof e.resource === 'object' ? (e.resource as Json) : null;
}

function referenceOf(resource: Json): string | null {
  const ref = (resource.subject ?? resource.patient) as { reference?: unknown } | undefined;
  return typeof ref?.reference === 'string' ? ref.reference : null;
}

/**
 * Splits a FHIR Bundle (salud.json) into one Bundle per month. Encounters and EpisodeOfCare go to
 * the month of their `period.start`; each monthly Bundle carries, before them, every Patient entry
 * they refer to (by fullUrl or `Patient/<id>`, the two ways establishments refer), so each slice
 * is a self-contained export the real FHIR reader resolves exactly as it resolves the whole file.
 */
export function splitBundle(bundle: unknown, firstMonth: MonthKey): Map<MonthKey, Json> {
  const entries = ((bundle as { entry?: unknown } | null)?.entry ?? []) as BundleEntry[];
  const patientsByKey = new Map<string, number[]>();
  const records: { index: number; time: EventTime | null }[] = [];
  entries.forEach((e, index) => {
    const r = resourceOf(e);
    if (r?.resourceType === 'Patient') {
      const keys = [typeof e.fullUrl === 'string' ? e.fullUrl : null, typeof r.id === 'string' ? `Patient/${r.id}` : null];
      for (const k of keys) if (k !== null) patientsByKey.set(k, [...(patientsByKey.get(k) ?? []), index]);
    } else {
      records.push({ index, time: parseFhirTime((r?.period as { start?: unknown } | undefined)?.start) });
    }
  });
  const times = assignMonths(records.map((r) => r.time), firstMonth);
  const out = new Map<MonthKey, Json>();
  for (const [month, list] of groupByMonth(records, times)) {
    const patients = new Set<number>();
    for (const r of list) {
      const resource = resourceOf(entries[r.index]!);
      const ref = resource ? referenceOf(resource) : null;
      for (const p of (ref === null ? [] : patientsByKey.get(ref) ?? [])) patients.add(p);
    }
    const ordered = [...[...patients].sort((a, b) => a - b), ...list.map((r) => r.index)];
    out.set(month, { resourceType: 'Bundle', type: 'collection', entry: ordered.map((i) => entries[i]) });
  }
  return out;
}

/** `2021-03` → `03-2021`: how people read a month in es-CL and en alike (no month names to translate). */
export function monthLabel(month: MonthKey): string {
  const [y, m] = month.split('-');
  return `${m}-${y}`;
}

/** First and last day (`YYYY-MM-DD`) of the months played: the indicator period that covers the scenario. */
export function periodOf(months: readonly MonthKey[]): { from: string; to: string } | null {
  if (months.length === 0) return null;
  const last = months[months.length - 1]!;
  const [y, m] = last.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${months[0]}-01`, to: `${last}-${String(lastDay).padStart(2, '0')}` };
}

/** `48 s`, `3 min 05 s`: the same in both languages. */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
