/**
 * Calendar arithmetic on epoch milliseconds, with no clock. Month windows (re-entry "within 6
 * months") are calendar months in UTC: the day is clamped to the target month's length
 * (31 Aug + 6 months = 28/29 Feb). Chile's offset moves both ends alike, so comparisons hold
 * except within an hour of a DST change.
 */
export function addMonthsUtc(at: number, months: number): number {
  const d = new Date(at);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return Date.UTC(targetYear, targetMonth, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}
