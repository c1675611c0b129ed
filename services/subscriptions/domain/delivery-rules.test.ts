import { admits } from './event-types';
import { sendable, type QueuedDelivery } from './ordering';
import { protectionFlag } from './payload';
import { afterFailure, DEFAULT_RETRY_POLICY } from './retry-schedule';

describe('retry schedule', () => {
  it('Given successive failures, When scheduled, Then delays grow exponentially within [ceiling/2, ceiling) and cap', () => {
    const p = { baseMs: 100, maxDelayMs: 1000, maxAttempts: 6 };
    expect(afterFailure(p, 1, 0)).toEqual({ kind: 'RETRY', delayMs: 50 });
    expect(afterFailure(p, 3, 0)).toEqual({ kind: 'RETRY', delayMs: 200 });
    expect(afterFailure(p, 3, 0.5)).toEqual({ kind: 'RETRY', delayMs: 300 });
    expect(afterFailure(p, 5, 0.99)).toEqual({ kind: 'RETRY', delayMs: 995 });
  });
  it('Given the last attempt failed, When scheduled, Then the delivery is dead', () => {
    expect(afterFailure(DEFAULT_RETRY_POLICY, DEFAULT_RETRY_POLICY.maxAttempts, 0.3)).toEqual({ kind: 'DEAD' });
  });
});

describe('per-child ordering', () => {
  const q = (seq: number, childId: string, status: QueuedDelivery['status'] = 'PENDING', nextAttemptAt = 0): QueuedDelivery => ({ seq, childId, status, nextAttemptAt });
  it('Given two pending deliveries of one child, When choosing, Then only the earlier is sent', () => {
    expect(sendable([q(2, 'A'), q(1, 'A'), q(3, 'B')], 10, 10).map((d) => d.seq)).toEqual([1, 3]);
  });
  it('Given a child whose head waits for a retry, When choosing, Then that child waits and others go', () => {
    expect(sendable([q(1, 'A', 'PENDING', 100), q(2, 'A'), q(3, 'B')], 10, 10).map((d) => d.seq)).toEqual([3]);
  });
  it('Given a dead head, When choosing, Then the child proceeds with its next delivery', () => {
    expect(sendable([q(1, 'A', 'DEAD'), q(2, 'A')], 10, 10).map((d) => d.seq)).toEqual([2]);
  });
  it('Given a limit, When choosing, Then at most limit deliveries in seq order', () => {
    expect(sendable([q(5, 'C'), q(4, 'B'), q(3, 'A')], 10, 2).map((d) => d.seq)).toEqual([3, 4]);
  });
});

describe('filters and minimal flag', () => {
  it('Given a filter, When a territory notice comes, Then it always passes; other types only if listed', () => {
    expect(admits(['DEADLINE_BREACHED'], 'CHILD_LEFT_TERRITORY')).toBe(true);
    expect(admits(['DEADLINE_BREACHED'], 'STATE_CHANGED')).toBe(false);
    expect(admits(null, 'STATE_CHANGED')).toBe(true);
  });
  it('Given cases, When a school asks, Then it gets only whether the child is under protection', () => {
    expect(protectionFlag('NNA-1', [{ state: 'CLOSED' }, { state: 'IN_DIAGNOSIS' }])).toEqual({ childId: 'NNA-1', underProtection: true });
    expect(protectionFlag('NNA-1', [{ state: 'CLOSED' }])).toEqual({ childId: 'NNA-1', underProtection: false });
  });
});
