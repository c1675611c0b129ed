import type { IngestCheckpoint } from '../../../schemas';
import type { Reconciliation } from '../reconciliation';

export type Checkpoint = IngestCheckpoint;

export function checkpointOf(stream: string, position: string, r: Reconciliation, complete: boolean, at: number): Checkpoint {
  return {
    stream, position, complete,
    received: r.received, published: r.published, deadLettered: r.deadLettered, duplicates: r.duplicates, withWarnings: r.withWarnings,
    updatedAt: at,
  };
}

export function reconciliationOf(c: Checkpoint): Reconciliation {
  return { received: c.received, published: c.published, deadLettered: c.deadLettered, duplicates: c.duplicates, withWarnings: c.withWarnings };
}
