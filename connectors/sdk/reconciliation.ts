/**
 * The count every batch ends with: every record received is published, dead-lettered or skipped
 * as a duplicate, and nothing else. `balanced` is the invariant tests and operators check.
 */
export interface Reconciliation {
  readonly received: number;
  readonly published: number;
  readonly deadLettered: number;
  readonly duplicates: number;
  /** Accepted records with warnings (e.g. a RUN check digit that fails); already counted in `published`. */
  readonly withWarnings: number;
}

export const EMPTY_RECONCILIATION: Reconciliation = { received: 0, published: 0, deadLettered: 0, duplicates: 0, withWarnings: 0 };

export function addReconciliation(a: Reconciliation, b: Reconciliation): Reconciliation {
  return {
    received: a.received + b.received,
    published: a.published + b.published,
    deadLettered: a.deadLettered + b.deadLettered,
    duplicates: a.duplicates + b.duplicates,
    withWarnings: a.withWarnings + b.withWarnings,
  };
}

export function isBalanced(r: Reconciliation): boolean {
  return r.received === r.published + r.deadLettered + r.duplicates;
}
