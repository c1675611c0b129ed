import { buildGroupReport, lagRows } from './group-report';
import { DEFAULT_RULES } from './rules';
import { endOf, windowOf } from '../testing/sample-window';

describe('buildGroupReport', () => {
  const rules = { ...DEFAULT_RULES, windowSize: 4, minSamples: 3 };
  const stalled = windowOf([[10, 20], [10, 25], [10, 30]]);
  const fine = windowOf([[0, 5], [5, 5], [5, 5]]);

  it('Given one stalled and one caught-up partition, When the group is reported, Then ERR with totals and both partitions in order', () => {
    const report = buildGroupReport({
      group: 'hub.dedup', hubService: 'dedup', state: 'Stable', members: [],
      partitions: [
        { topic: 't', partition: 1, window: stalled, lagSeconds: 12.5, ownerClientId: 'c1' },
        { topic: 't', partition: 0, window: fine, lagSeconds: 0, ownerClientId: 'c1' },
      ],
    }, rules, endOf(stalled));
    expect(report.status).toBe('ERR');
    expect(report.totalLag).toBe(20);
    expect(report.maxLag).toBe(20);
    expect(report.maxLagSeconds).toBe(12.5);
    expect(report.partitions.map((p) => [p.partition, p.status])).toEqual([[0, 'OK'], [1, 'STALL']]);
    expect(lagRows([report])).toEqual([
      { group: 'hub.dedup', topic: 't', partition: 0, committedOffset: 5, logEndOffset: 5, lag: 0, lagSeconds: 0, status: 'OK' },
      { group: 'hub.dedup', topic: 't', partition: 1, committedOffset: 10, logEndOffset: 30, lag: 20, lagSeconds: 12.5, status: 'STALL' },
    ]);
  });

  it('Given a group without partitions, When reported, Then OK with zero lag', () => {
    const report = buildGroupReport({ group: 'g', hubService: null, state: 'Empty', members: [], partitions: [] }, rules, 0);
    expect(report).toMatchObject({ status: 'OK', totalLag: 0, maxLag: 0, maxLagSeconds: 0 });
  });
});
