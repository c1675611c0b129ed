import { planSends, type PlannedMessage } from './plan-sends';

const msg = (topic: string, partition: number, bytes: number): PlannedMessage =>
  ({ topic, partition, bytes, message: { key: 'k', value: Buffer.alloc(1) } });

describe('planSends', () => {
  it('Given messages that fit, When planned, Then they go in one send grouped by topic with their partitions', () => {
    const sends = planSends([msg('a', 0, 10), msg('b', 1, 10), msg('a', 2, 10)], 100);
    expect(sends).toHaveLength(1);
    expect(sends[0]!.map((t) => [t.topic, t.messages.map((m) => m.partition)])).toEqual([['a', [0, 2]], ['b', [1]]]);
  });

  it('Given one partition that would exceed the cap, When planned, Then a new send starts and no partition exceeds it', () => {
    const all = Array.from({ length: 25 }, (_, i) => msg('a', i % 2 === 0 ? 0 : 1, 10));
    const sends = planSends(all, 50);
    for (const send of sends) {
      for (const t of send) for (const p of [0, 1]) expect(t.messages.filter((m) => m.partition === p).length * 10).toBeLessThanOrEqual(50);
    }
    expect(sends.flatMap((s) => s.flatMap((t) => t.messages)).length).toBe(25);
  });

  it('Given a single message larger than the cap, When planned, Then it is still sent (alone for its partition)', () => {
    const sends = planSends([msg('a', 0, 500), msg('a', 0, 10)], 100);
    expect(sends.map((s) => s[0]!.messages.length)).toEqual([1, 1]);
  });
});
