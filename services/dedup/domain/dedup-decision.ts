import { personKeyText, type InstitutionEvent, type PersonKey } from './institution-event';

/** Where a message sits in Kafka. Offsets are decimal strings (Kafka's int64). */
export interface Position {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export interface Candidate {
  readonly position: Position;
  readonly event: InstitutionEvent;
}

/** An event id already claimed: the content it had and where it was first seen. */
export interface Claim {
  readonly contentHash: string;
  readonly position: Position;
}

/** What is stored about the events and partitions of one batch before it is handled. */
export interface PriorState {
  /** First offset of the partition not yet handled (null: never handled). */
  readonly nextOffset: string | null;
  readonly claims: ReadonlyMap<string, Claim>;
  /** Last forwarded content hash per source record key. */
  readonly contents: ReadonlyMap<string, string>;
  /** Last person hash per personKeyText. */
  readonly persons: ReadonlyMap<string, string>;
}

/**
 * - `replayed`: this very message was already handled (a redelivery after a crash between the
 *   PostgreSQL commit and the offset commit): no effect and NOT counted, it is not a duplicate;
 * - `duplicate_event_id`: another message with this event id was handled before;
 * - `duplicate_content`: a new event id, but the same content as the last fact forwarded for
 *   the same source record;
 * - `forwarded`: new: claimed, counted and checked for a person change.
 */
export type Outcome = 'replayed' | 'duplicate_event_id' | 'duplicate_content' | 'forwarded';

export interface Decision {
  readonly candidate: Candidate;
  readonly outcome: Outcome;
  /** A PersonObserved is derived (forwarded events only, when the person block is new or changed). */
  readonly emitPerson: boolean;
  /** The event id was seen before with a different content: a publisher reused an id. Counted, not forwarded. */
  readonly idConflict: boolean;
  /** For duplicates: where the original was first seen (safe to log: topic, partition, offset). */
  readonly original?: Position;
}

export interface BatchPlan {
  readonly decisions: readonly Decision[];
  /** Event ids to claim (every non-replayed message whose id is new), with first position and content. */
  readonly newClaims: ReadonlyMap<string, Claim>;
  readonly contentUpdates: ReadonlyMap<string, { contentHash: string; eventId: string }>;
  readonly personUpdates: ReadonlyMap<string, { key: PersonKey; personHash: string; eventId: string }>;
  /** The partition's next offset after this batch (null when nothing advanced). */
  readonly nextOffset: string | null;
}

function samePosition(a: Position, b: Position): boolean {
  return a.topic === b.topic && a.partition === b.partition && a.offset === b.offset;
}

/**
 * Decides a batch of one partition, in offset order, against the stored state and the batch's
 * own earlier messages (two copies in one batch are a duplicate too). Pure: data in, decisions
 * and the state changes to store out; the adapter stores them in one transaction.
 */
export function planBatch(candidates: readonly Candidate[], prior: PriorState): BatchPlan {
  const newClaims = new Map<string, Claim>();
  const contentUpdates = new Map<string, { contentHash: string; eventId: string }>();
  const personUpdates = new Map<string, { key: PersonKey; personHash: string; eventId: string }>();
  const decisions: Decision[] = [];
  const watermark = prior.nextOffset === null ? null : BigInt(prior.nextOffset);
  let next: bigint | null = null;

  for (const candidate of candidates) {
    const { position, event } = candidate;
    const offset = BigInt(position.offset);
    const known = newClaims.get(event.envelope.eventId) ?? prior.claims.get(event.envelope.eventId);
    if ((watermark !== null && offset < watermark) || (known && samePosition(known.position, position))) {
      decisions.push({ candidate, outcome: 'replayed', emitPerson: false, idConflict: false });
      continue;
    }
    next = next === null || offset + 1n > next ? offset + 1n : next;
    if (known) {
      decisions.push({ candidate, outcome: 'duplicate_event_id', emitPerson: false, idConflict: known.contentHash !== event.contentHash, original: known.position });
      continue;
    }
    newClaims.set(event.envelope.eventId, { contentHash: event.contentHash, position });
    const lastContent = contentUpdates.get(event.sourceKey)?.contentHash ?? prior.contents.get(event.sourceKey);
    if (lastContent === event.contentHash) {
      decisions.push({ candidate, outcome: 'duplicate_content', emitPerson: false, idConflict: false });
      continue;
    }
    contentUpdates.set(event.sourceKey, { contentHash: event.contentHash, eventId: event.envelope.eventId });
    const pk = personKeyText(event.personKey);
    const lastPerson = personUpdates.get(pk)?.personHash ?? prior.persons.get(pk);
    const emitPerson = lastPerson !== event.personHash;
    if (emitPerson) personUpdates.set(pk, { key: event.personKey, personHash: event.personHash, eventId: event.envelope.eventId });
    decisions.push({ candidate, outcome: 'forwarded', emitPerson, idConflict: false });
  }
  return { decisions, newClaims, contentUpdates, personUpdates, nextOffset: next === null ? null : next.toString() };
}

/** Per topic and institution: what a batch adds to the reconciliation counters. Replays add nothing. */
export interface CounterDelta {
  readonly topic: string;
  readonly institution: string;
  received: number;
  forwarded: number;
  duplicateEventId: number;
  duplicateContent: number;
  personsEmitted: number;
}

/** received = forwarded + duplicate_event_id + duplicate_content, for every delta, by construction. */
export function countersOf(plan: BatchPlan, logicalTopic: (fullTopic: string) => string): CounterDelta[] {
  const byKey = new Map<string, CounterDelta>();
  for (const d of plan.decisions) {
    if (d.outcome === 'replayed') continue;
    const topic = logicalTopic(d.candidate.position.topic);
    const institution = d.candidate.event.envelope.sourceInstitution;
    const k = `${topic}\u001f${institution}`;
    let c = byKey.get(k);
    if (!c) { c = { topic, institution, received: 0, forwarded: 0, duplicateEventId: 0, duplicateContent: 0, personsEmitted: 0 }; byKey.set(k, c); }
    c.received++;
    if (d.outcome === 'forwarded') c.forwarded++;
    if (d.outcome === 'duplicate_event_id') c.duplicateEventId++;
    if (d.outcome === 'duplicate_content') c.duplicateContent++;
    if (d.emitPerson) c.personsEmitted++;
  }
  return [...byKey.values()];
}
