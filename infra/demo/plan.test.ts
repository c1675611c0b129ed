import { assignMonths, groupByMonth, monthLabel, monthsOf, parseFhirTime, parseNativeTime, periodOf, splitBundle } from './plan';

describe('demo month planning (pure)', () => {
  it('Given native times in the institutions\' notations, When parsed, Then they give the month and a sortable key', () => {
    expect(parseNativeTime('31-05-2023 10:35')).toEqual({ month: '2023-05', sortKey: 202305311035 });
    expect(parseNativeTime('01/02/2021')).toEqual({ month: '2021-02', sortKey: 202102010000 });
    expect(parseFhirTime('2023-05-31T10:35:00-04:00')).toEqual({ month: '2023-05', sortKey: 202305311035 });
  });

  it('Given corrupt or missing times, When parsed, Then there is no time', () => {
    for (const bad of ['32-13-2023 25:61', '', 'ayer', undefined]) expect(parseNativeTime(bad)).toBeNull();
    expect(parseFhirTime('2023-13-45T25:61:00-03:00')).toBeNull();
    expect(parseFhirTime(42)).toBeNull();
  });

  it('Given a file with unreadable times, When months are assigned, Then each inherits the previous record\'s time (the first month at the start)', () => {
    const t = (s: string) => parseNativeTime(s);
    const times = assignMonths([null, t('10-03-2021 09:00'), null, t('02-04-2021 08:00')], '2021-01');
    expect(times.map((x) => x.month)).toEqual(['2021-01', '2021-03', '2021-03', '2021-04']);
  });

  it('Given records of several families, When grouped by month, Then every record is in exactly one month, in event-time order, stable on ties', () => {
    const t = (s: string) => parseNativeTime(s)!;
    const items = ['a', 'b', 'c', 'd', 'e'];
    const times = [t('20-03-2021 10:00'), t('05-03-2021 10:00'), t('02-04-2021 10:00'), t('05-03-2021 10:00'), t('01-03-2021 00:00')];
    const groups = groupByMonth(items, times);
    expect([...groups]).toEqual([['2021-03', ['e', 'b', 'd', 'a']], ['2021-04', ['c']]]);
    expect(monthsOf([groups, new Map([['2021-01', []], ['2021-04', []]])])).toEqual(['2021-01', '2021-03', '2021-04']);
  });

  it('Given a FHIR bundle, When split by month, Then each month carries its records and, before them, the patients they refer to (by fullUrl or Patient/id)', () => {
    const patient = (id: string) => ({ fullUrl: `urn:uuid:${id}`, resource: { resourceType: 'Patient', id } });
    const encounter = (id: string, subject: string, start: string) => ({ fullUrl: `urn:uuid:e-${id}`, resource: { resourceType: 'Encounter', id, subject: { reference: subject }, period: { start } } });
    const episode = (id: string, patientRef: string, start: string) => ({ resource: { resourceType: 'EpisodeOfCare', id, patient: { reference: patientRef }, period: { start } } });
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [
        patient('p1'), encounter('e1', 'urn:uuid:p1', '2021-03-05T10:00:00-03:00'), episode('ep1', 'Patient/p1', '2021-05-01T09:00:00-04:00'),
        patient('p2'), encounter('e2', 'Patient/p2', '2021-03-01T08:00:00-03:00'), encounter('bad', 'Patient/p2', '2023-13-45T25:61:00-03:00'),
      ],
    };
    const months = splitBundle(bundle, '2021-01');
    const ids = (m: string) => (months.get(m)!.entry as { resource: { id: string } }[]).map((e) => e.resource.id);
    expect([...months.keys()]).toEqual(['2021-03', '2021-05']);
    expect(ids('2021-03')).toEqual(['p1', 'p2', 'e2', 'bad', 'e1']); // 'bad' has e2's time: the record before it
    expect(ids('2021-05')).toEqual(['p1', 'ep1']);
    expect(months.get('2021-05')).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
  });

  it('Given the months played, When the indicator period is asked, Then it runs from the first day of the first to the last day of the last', () => {
    expect(periodOf(['2021-01', '2021-02', '2024-02'])).toEqual({ from: '2021-01-01', to: '2024-02-29' });
    expect(periodOf([])).toBeNull();
    expect(monthLabel('2021-03')).toBe('03-2021');
  });
});
