/**
 * Planning one group-commit batch (several HTTP submissions written in one PostgreSQL
 * transaction), pure. Two submissions in the same batch may carry the same Idempotency-Key or
 * the same record: only the first may claim the key or insert the event; the others must behave
 * exactly as if they had arrived after it was committed.
 */
export interface BatchItem {
  /** `credential id + key` when the request carries an Idempotency-Key. */
  readonly claim: string | null;
  /** Event ids of the submission's records (one, or several for a FHIR bundle). */
  readonly eventIds: readonly string[];
}

export interface ClaimPlan {
  /** Items whose key is claimed by this batch (the first with each key), plus items without a key. */
  readonly proceeding: readonly number[];
  /** Items whose key an earlier item of the batch claims: answered from the stored response after commit. */
  readonly deferred: readonly number[];
}

export function planClaims(items: readonly BatchItem[]): ClaimPlan {
  const seen = new Set<string>();
  const proceeding: number[] = [];
  const deferred: number[] = [];
  items.forEach((it, i) => {
    if (it.claim !== null && seen.has(it.claim)) { deferred.push(i); return; }
    if (it.claim !== null) seen.add(it.claim);
    proceeding.push(i);
  });
  return { proceeding, deferred };
}

export interface EventPlan {
  /** Distinct event ids to try to insert, sorted (a fixed lock order: concurrent batches cannot deadlock). */
  readonly candidates: readonly string[];
  /** Per item (by index), per record: whether this record is the one that inserts its event id. */
  readonly inserts: ReadonlyMap<number, readonly boolean[]>;
}

/** Among the items that go ahead, the first record with each event id is the one that may insert it. */
export function planEvents(items: readonly BatchItem[], proceeding: readonly number[]): EventPlan {
  const seen = new Set<string>();
  const inserts = new Map<number, boolean[]>();
  for (const i of proceeding) {
    inserts.set(i, items[i]!.eventIds.map((id) => {
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    }));
  }
  return { candidates: [...seen].sort(), inserts };
}

/** Which records of an item are new: it was the inserting record and the database took the insert. */
export function newFlags(item: BatchItem, inserts: readonly boolean[], inserted: ReadonlySet<string>): boolean[] {
  return item.eventIds.map((id, r) => inserts[r] === true && inserted.has(id));
}
