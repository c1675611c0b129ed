/**
 * The stream's memory of record contents: (record key, last event id) → the PersonRecord and its
 * normalised form. A record's content is fixed by the event that last wrote it, so an entry whose
 * event id equals the row's `last_event_id` IS the row's content, whoever wrote the row and
 * whatever happened since (a change writes a new event id; merges and splits move the record, not
 * its content). The world load then ships only ids for cached records instead of two JSON
 * documents each: candidate worlds are ≈15 records per decided record, and parsing their JSON in
 * PostgreSQL and here was the largest share of the load's cost (ADR 0011, Performance).
 * Bounded, least recently used first out. A miss is read from the table, never guessed.
 */
import type { PersonRecord } from '../../../schemas/generated/person-record.v1';
import type { NormalisedPerson } from '../domain/matching';

export interface RecordContent {
  readonly lastEventId: string;
  readonly person: PersonRecord;
  readonly normalised: NormalisedPerson;
}

export class RecordContentCache {
  private readonly entries = new Map<string, RecordContent>();

  constructor(readonly capacity: number) {}

  get size(): number { return this.entries.size; }

  /** The content of `recordKey` as written by `lastEventId`, if remembered. */
  get(recordKey: string, lastEventId: string): RecordContent | undefined {
    const c = this.entries.get(recordKey);
    if (c === undefined || c.lastEventId !== lastEventId) return undefined;
    // Map order is insertion order: re-inserting marks it most recently used.
    this.entries.delete(recordKey);
    this.entries.set(recordKey, c);
    return c;
  }

  put(recordKey: string, content: RecordContent): void {
    if (this.capacity <= 0) return;
    this.entries.delete(recordKey);
    this.entries.set(recordKey, content);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
