import { CHILE_BUSINESS_CALENDAR as cal } from './calendar';
import { CHILE_HOLIDAYS } from './holidays-cl.data';

const year = (y: number) => CHILE_HOLIDAYS.filter((h) => h[0].startsWith(`${y}-`)).map((h) => h[0]);

describe('Chile holiday calendar (data)', () => {
  it('Given 2024, When listed, Then it has the 17 national weekday-or-weekend holidays of that year', () => {
    expect(year(2024)).toEqual([
      '2024-01-01', '2024-03-29', '2024-03-30', '2024-05-01', '2024-05-21', '2024-06-20', '2024-06-29', '2024-07-16', '2024-08-15',
      '2024-09-18', '2024-09-19', '2024-09-20', '2024-10-12', '2024-10-31', '2024-11-01', '2024-12-08', '2024-12-25',
    ]);
  });

  it('Given 2025, When listed, Then it matches the official list (elections on Sundays excluded)', () => {
    expect(year(2025)).toEqual([
      '2025-01-01', '2025-04-18', '2025-04-19', '2025-05-01', '2025-05-21', '2025-06-20', '2025-06-29', '2025-07-16', '2025-08-15',
      '2025-09-18', '2025-09-19', '2025-10-12', '2025-10-31', '2025-11-01', '2025-12-08', '2025-12-25',
    ]);
  });

  it.each([
    ['Viernes Santo 2003', '2003-04-18'], ['Viernes Santo 2008', '2008-03-21'], ['Viernes Santo 2019', '2019-04-19'], ['Viernes Santo 2030', '2030-04-19'],
    ['San Pedro y San Pablo 2023 (Thu -> Mon 26)', '2023-06-26'], ['San Pedro y San Pablo 2012 (Fri -> Mon 2 Jul)', '2012-07-02'],
    ['Encuentro de Dos Mundos 2018 (Fri -> Mon 15)', '2018-10-15'], ['Encuentro de Dos Mundos 2023 (Thu -> Mon 9)', '2023-10-09'],
    ['Iglesias Evangélicas 2023 (Tue -> Fri 27)', '2023-10-27'], ['Iglesias Evangélicas 2018 (Wed -> Fri 2 Nov)', '2018-11-02'],
    ['2 de enero 2017 (1 Jan on Sunday)', '2017-01-02'], ['17 de septiembre 2018 (18 on Tuesday)', '2018-09-17'],
    ['Pueblos Indígenas 2021', '2021-06-21'], ['Pueblos Indígenas 2026', '2026-06-21'], ['Corpus Christi 2006 (Thu 15 -> Mon 12)', '2006-06-12'],
    ['Censo 2017', '2017-04-19'], ['Fiestas Patrias 2022', '2022-09-16'],
  ])('Given %s, When checked, Then %s is a holiday', (_name, date) => {
    expect(cal.isBusinessDay(date)).toBe(false);
    expect(CHILE_HOLIDAYS.some((h) => h[0] === date)).toBe(true);
  });

  it.each([['2023-06-29'], ['2018-10-12'], ['2023-10-31'], ['2018-10-31'], ['2007-06-07'], ['2024-06-07']])(
    'Given %s (moved or regional holiday), When checked, Then it is a business day', (date) => {
      expect(cal.isBusinessDay(date)).toBe(true);
    });

  it('Given every year 2003-2030, When listed, Then each has between 14 and 19 national holidays and Corpus Christi only until 2006', () => {
    for (let y = 2003; y <= 2030; y++) {
      expect(year(y).length).toBeGreaterThanOrEqual(14);
      expect(year(y).length).toBeLessThanOrEqual(19);
    }
    expect(CHILE_HOLIDAYS.filter((h) => h[1] === 'Corpus Christi').map((h) => h[0].slice(0, 4))).toEqual(['2003', '2004', '2005', '2006']);
  });
});

describe('business-day arithmetic', () => {
  it('Given a request on Mon 4 March 2024, When 20 business days are added, Then Good Friday is skipped and it ends on Tue 2 April', () => {
    expect(cal.addBusinessDays('2024-03-04', 20)).toBe('2024-04-02');
  });

  it('Given a Thursday before Fiestas Patrias 2024, When 1 business day is added, Then it lands on Monday 23 September', () => {
    expect(cal.addBusinessDays('2024-09-17', 1)).toBe('2024-09-23');
  });

  it('Given instants near midnight in Santiago, When read as local dates, Then winter (UTC-4) and summer (UTC-3) offsets apply', () => {
    expect(cal.localDate(Date.parse('2024-07-01T03:30:00Z'))).toBe('2024-06-30');
    expect(cal.localDate(Date.parse('2024-01-15T02:30:00Z'))).toBe('2024-01-14');
    expect(cal.startOfDay('2024-07-01')).toBe(Date.parse('2024-07-01T04:00:00Z'));
    expect(cal.startOfDay('2024-01-15')).toBe(Date.parse('2024-01-15T03:00:00Z'));
  });

  it('Given the DST start day (local midnight does not exist), When its start is asked, Then it is the first instant of that date', () => {
    const start = cal.startOfDay('2024-09-08');
    expect(cal.localDate(start)).toBe('2024-09-08');
    expect(cal.localDate(start - 1)).toBe('2024-09-07');
  });

  it('Given a date outside 2003-2030, When asked, Then the calendar says it is not covered', () => {
    expect(cal.covers('2031-01-02')).toBe(false);
    expect(cal.covers('2030-12-31')).toBe(true);
  });
});
