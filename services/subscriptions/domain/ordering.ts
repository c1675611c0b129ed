/**
 * Per-child ordering of webhook deliveries (pure): within one subscription, a child's delivery is sent
 * only when every earlier delivery of that child is DELIVERED or DEAD. A dead one does not block the
 * child forever (it is visible through the API and can be redelivered); different children proceed
 * independently, so one child's failing payload never holds the others.
 */
export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'DEAD';

export interface QueuedDelivery {
  readonly seq: number;
  readonly childId: string;
  readonly status: DeliveryStatus;
  /** Epoch ms before which a PENDING delivery is not retried. */
  readonly nextAttemptAt: number;
}

/**
 * The deliveries to send now: the head (lowest seq) PENDING delivery of each child whose attempt is
 * due, at most `limit`, in seq order. `queue` holds the subscription's not-yet-final deliveries
 * (any order); final ones before a head need not be given.
 */
export function sendable<T extends QueuedDelivery>(queue: readonly T[], now: number, limit: number): T[] {
  const heads = new Map<string, T>();
  for (const d of queue) {
    if (d.status !== 'PENDING') continue;
    const h = heads.get(d.childId);
    if (!h || d.seq < h.seq) heads.set(d.childId, d);
  }
  return [...heads.values()].filter((d) => d.nextAttemptAt <= now).sort((a, b) => a.seq - b.seq).slice(0, Math.max(0, limit));
}
