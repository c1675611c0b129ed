import { type BusinessCalendar, makeBusinessCalendar } from '../domain/deadlines/business-calendar';
import { CHILE_HOLIDAYS, CHILE_HOLIDAYS_RANGE } from './holidays-cl.data';

/** Chile's national business-day calendar: Mon–Fri minus national holidays, in America/Santiago. */
export const CHILE_BUSINESS_CALENDAR: BusinessCalendar = makeBusinessCalendar({
  holidays: CHILE_HOLIDAYS.map((h) => h[0]),
  workingWeekdays: [1, 2, 3, 4, 5],
  timeZone: 'America/Santiago',
  firstYear: CHILE_HOLIDAYS_RANGE.firstYear,
  lastYear: CHILE_HOLIDAYS_RANGE.lastYear,
});
