/**
 * Business days in a time zone, from a holiday list given as data (config/holidays-cl.data.ts).
 * Pure: Intl only converts instants to wall-clock dates; there is no clock.
 */
export interface BusinessCalendarOptions {
  /** Holiday dates, YYYY-MM-DD. */
  readonly holidays: readonly string[];
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). Administrative law (Ley 19.880): Mon–Fri. */
  readonly workingWeekdays: readonly number[];
  readonly timeZone: string;
  /** Years the holiday list covers; outside them results are marked approximate. */
  readonly firstYear: number;
  readonly lastYear: number;
}

export interface BusinessCalendar {
  readonly timeZone: string;
  isBusinessDay(date: string): boolean;
  /** The date `n` business days after `date` (the start date itself is not counted). */
  addBusinessDays(date: string, n: number): string;
  /** True when the holiday list covers the year of `date`. */
  covers(date: string): boolean;
  /** Wall-clock date of an instant in the calendar's zone. */
  localDate(at: number): string;
  /** The instant a local date starts (00:00 local; the first existing instant on a DST-gap day). */
  startOfDay(date: string): number;
}

const DAY = 86_400_000;

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a YYYY-MM-DD date; day arithmetic runs on these integers. */
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOfDay = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
const weekdayOf = (n: number): number => ((((n + 3) % 7) + 7) % 7) + 1;

export function makeBusinessCalendar(o: BusinessCalendarOptions): BusinessCalendar {
  const holidays = new Set(o.holidays.map(dayNumber));
  const working = new Set(o.workingWeekdays);
  const isBusinessDayNumber = (n: number) => working.has(weekdayOf(n)) && !holidays.has(n);
  const dateFmt = new Intl.DateTimeFormat('en-CA', { timeZone: o.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const wallFmt = new Intl.DateTimeFormat('en-US', {
    timeZone: o.timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  /** Offset (ms) of the zone at an instant: wall clock read as UTC minus the instant. */
  const offsetAt = (at: number): number => {
    const p: Record<string, number> = {};
    for (const part of wallFmt.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(at / 1000) * 1000;
  };
  // Offsets change only on whole UTC hours (Chile's DST switches at 00:00 local = 03:00/04:00 UTC):
  // one Intl call per hour bucket, memoised, keeps day arithmetic cheap on large rebuilds.
  const HOUR = 3_600_000;
  const offsetCache = new Map<number, number>();
  const offsetOfHour = (at: number): number => {
    const bucket = Math.floor(at / HOUR);
    let off = offsetCache.get(bucket);
    if (off === undefined) {
      off = offsetAt(bucket * HOUR);
      if (offsetCache.size > 100_000) offsetCache.clear();
      offsetCache.set(bucket, off);
    }
    return off;
  };
  const startCache = new Map<string, number>();
  const isBusinessDay = (date: string) => isBusinessDayNumber(dayNumber(date));
  return {
    timeZone: o.timeZone,
    isBusinessDay,
    addBusinessDays(date, n) {
      let d = dayNumber(date);
      let left = n;
      while (left > 0) {
        d += 1;
        if (isBusinessDayNumber(d)) left--;
      }
      return dateOfDay(d);
    },
    covers(date) {
      const y = Number(date.slice(0, 4));
      return y >= o.firstYear && y <= o.lastYear;
    },
    localDate: (at) => new Date(at + offsetOfHour(at)).toISOString().slice(0, 10),
    startOfDay(date) {
      const cached = startCache.get(date);
      if (cached !== undefined) return cached;
      const utcMidnight = Date.parse(`${date}T00:00:00Z`);
      let t = utcMidnight - offsetAt(utcMidnight);
      t = utcMidnight - offsetAt(t);
      // In a spring-forward gap local midnight does not exist: use the first instant of that date.
      if (dateFmt.format(t) !== date) t += 3_600_000;
      if (startCache.size > 100_000) startCache.clear();
      startCache.set(date, t);
      return t;
    },
  };
}
