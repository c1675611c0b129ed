/**
 * Calendar arithmetic for the synthetic world, with no clock: days are integers (days since
 * 1970-01-01) and times are Chilean wall-clock minutes (`day * 1440 + minute of day`), the way
 * institutions write them (`DD-MM-AAAA HH:MM`, hora de Chile). Only the FHIR writer needs the
 * UTC offset, which {@link chileOffset} takes from the time-zone database (America/Santiago).
 */
export type Day = number;
/** Chilean wall-clock time in minutes since 1970-01-01 00:00 local. */
export type LocalTime = number;

const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

export function dayOf(y: number, m: number, d: number): Day {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function ymd(day: Day): { y: number; m: number; d: number } {
  const t = new Date(day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** `2024-01-01` → its day; undefined when not a real calendar date. */
export function parseIsoDay(text: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayOf(y, mo, d);
  const back = ymd(day);
  return back.y === y && back.m === mo && back.d === d ? day : undefined;
}

export function addMonths(day: Day, months: number): Day {
  const { y, m, d } = ymd(day);
  const target = dayOf(y, m + months, 1);
  const { y: ty, m: tm } = ymd(target);
  return dayOf(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Whole years between a birth date and a day. */
export function ageAt(birth: Day, day: Day): number {
  const b = ymd(birth);
  const t = ymd(day);
  return t.y - b.y - (t.m < b.m || (t.m === b.m && t.d < b.d) ? 1 : 0);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function at(day: Day, hour: number, minute = 0): LocalTime {
  return day * MINUTES_PER_DAY + hour * 60 + minute;
}

export function dayOfTime(t: LocalTime): Day {
  return Math.floor(t / MINUTES_PER_DAY);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `DD-MM-AAAA` (or with `/`), the way Chilean institutions write dates. */
export function formatDate(day: Day, sep = '-'): string {
  const { y, m, d } = ymd(day);
  return `${pad2(d)}${sep}${pad2(m)}${sep}${y}`;
}

/** `DD-MM-AAAA HH:MM`, Chilean wall-clock time. */
export function formatInstant(t: LocalTime, sep = '-'): string {
  const minute = ((t % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${formatDate(dayOfTime(t), sep)} ${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

/** `YYYY-MM-DD`. */
export function isoDate(day: Day): string {
  const { y, m, d } = ymd(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** FHIR instant with Chile's offset at that moment: `2023-05-04T14:30:00-04:00`. */
export function fhirInstant(t: LocalTime): string {
  const minute = ((t % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const offset = chileOffset(t);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${isoDate(dayOfTime(t))}T${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}:00${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

const SANTIAGO = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Santiago', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
});
const offsetCache = new Map<number, number>();

/** Offset of Chilean legal time from UTC, in minutes (−180 in summer, −240 in winter), at a local time. */
export function chileOffset(t: LocalTime): number {
  const hourKey = Math.floor(t / 60);
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return cached;
  const asUtc = t * 60_000;
  const first = asUtc - offsetAt(asUtc);
  const second = asUtc - offsetAt(first);
  const offset = Math.round((asUtc - Math.min(first, second)) / 60_000);
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(hourKey, offset);
  return offset;
}

/** local − UTC at a UTC instant, in ms. */
function offsetAt(utcMs: number): number {
  const p = Object.fromEntries(SANTIAGO.formatToParts(new Date(utcMs)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(utcMs / 60_000) * 60_000;
}
