/**
 * What the identity stream does with one observed record, decided in memory against a "world":
 * the identities, records, blocking-key index, vetoes and open review tasks the adapter loaded
 * (under locks) for the whole batch. Pure: the adapter loads the world, calls `resolveRecord` for
 * each record in offset order (so records of one batch see each other), then writes the
 * accumulated effects in one transaction. Ids come from injected functions (derived from the
 * input event id, so a replay is identical).
 *
 * Rules (docs/adr/0011):
 * - a new record: link → joins the identity; new → a new identity; review → a new *provisional*
 *   identity holding only this record, plus an open review task naming the candidates (each
 *   source record belongs to exactly one identity at all times, and consumers already get a child
 *   id they can use; a resolution later merges or keeps it);
 * - a known record that changed is re-evaluated against the others (itself excluded): it stays,
 *   or moves (unlinked + linked) when it now links decisively to another identity. The engine
 *   never splits an identity on its own, and never undoes a link a person decided;
 * - every touched identity's golden record is recomputed (C3's survivorship) and a change is
 *   ledgered; the model version goes into every engine entry.
 */
import { buildGoldenRecord, changedGoldenFields, type GoldenRecord } from './golden-record';
import { ENGINE_ACTOR, ledgerEntry, type NewLedgerEntry } from './ledger';
import {
  blockingKeys, decideMatch, type CandidateIdentity, type MatchDecision, type MatchingModel, type NormalisedPerson, type PairExplanation,
} from './matching';
import type { PersonRecord } from '../../../schemas/generated/person-record.v1';

export interface WorldRecord {
  readonly recordKey: string;
  identityId: string;
  readonly source: string;
  readonly sourceRecordId: string;
  person: PersonRecord;
  normalised: NormalisedPerson;
  lastEventId: string;
  /** epoch ms of the last observation (envelope occurredAt). */
  observedAt: number;
  /** Blocking keys as stored (what the index holds for this record). */
  blockingKeys: readonly string[];
}

export type WorldIdentityStatus = 'active' | 'merged' | 'retired';

export interface WorldIdentity {
  readonly id: string;
  status: WorldIdentityStatus;
  golden: GoldenRecord | null;
  readonly records: Set<string>;
  readonly isNew: boolean;
}

export interface WorldTask {
  readonly id: string;
  readonly recordKey: string;
  readonly identityId: string;
  readonly candidateIdentityIds: readonly string[];
}

/** One input: a PersonObserved, with what the stream needs of its envelope. */
export interface ObservedRecord {
  readonly eventId: string;
  readonly institution: string;
  readonly occurredAt: number;
  readonly person: PersonRecord;
  readonly normalised: NormalisedPerson;
  readonly keys: readonly string[];
}

export type ChangeKind = 'CREATED' | 'RECORD_LINKED' | 'RECORD_UNLINKED' | 'GOLDEN_CHANGED' | 'RETIRED';

/** One identity's change caused by one record: becomes one ChildIdentityChanged event. */
export interface IdentityChange {
  readonly identityId: string;
  readonly kind: ChangeKind;
  readonly affectedRecordKeys: readonly string[];
  readonly reason: string;
  readonly causeEventId: string;
  readonly occurredAt: number;
  /** Index in `effects.ledger` of the identity's last entry for this change (its ledger seq). */
  readonly ledgerIndex: number;
  /** State right after the change. */
  readonly status: WorldIdentityStatus;
  readonly recordKeys: readonly string[];
  readonly golden: GoldenRecord | null;
  readonly underReview: boolean;
}

export type DecisionKind = 'link' | 'new' | 'review' | 'stay' | 'move';

export interface Effects {
  readonly ledger: NewLedgerEntry[];
  readonly changes: IdentityChange[];
  readonly tasksToClose: Map<string, string>;
  readonly tasksToOpen: Map<string, { id: string; reason: string; recordKey: string; identityId: string; candidates: { identityId: string; explanation: PairExplanation }[] }>;
  /** Records to write (data, identity, last event, keys). */
  readonly dirtyRecords: Set<string>;
  /** Blocking keys per written record: as stored before the batch, and now. */
  readonly keyChanges: Map<string, { before: readonly string[]; after: readonly string[] }>;
  readonly newIdentities: Set<string>;
  readonly dirtyIdentities: Set<string>;
  readonly decisions: DecisionKind[];
}

export interface WorldIds {
  /** Child id of an identity created for the record of this input event. */
  childId(eventId: string): string;
  taskId(eventId: string): string;
}

export class ResolutionWorld {
  readonly identities = new Map<string, WorldIdentity>();
  readonly records = new Map<string, WorldRecord>();
  /** blocking key → record keys (truncated to the model's cap when read). */
  readonly keyIndex = new Map<string, string[]>();
  readonly vetoes = new Map<string, Set<string>>();
  /** recordKey → actor of its current link, when a person decided it. */
  readonly linkActors = new Map<string, string>();
  /** Open tasks, by id. */
  readonly openTasks = new Map<string, WorldTask>();
  readonly effects: Effects = {
    ledger: [], changes: [], tasksToClose: new Map(), tasksToOpen: new Map(), dirtyRecords: new Set(),
    keyChanges: new Map(), newIdentities: new Set(), dirtyIdentities: new Set(), decisions: [],
  };

  constructor(
    private readonly model: MatchingModel,
    private readonly ids: WorldIds,
    /** The engine's decision; replaceable so the rules above can be tested on chosen decisions. */
    private readonly decide: typeof decideMatch = decideMatch,
  ) {}

  addRecord(r: WorldRecord): void {
    this.records.set(r.recordKey, r);
    this.identities.get(r.identityId)?.records.add(r.recordKey);
  }

  indexKey(key: string, recordKey: string): void {
    const list = this.keyIndex.get(key);
    if (!list) this.keyIndex.set(key, [recordKey]);
    else if (!list.includes(recordKey)) list.push(recordKey);
  }

  private underReview(identityId: string): boolean {
    for (const t of this.openTasks.values()) if (t.identityId === identityId || t.candidateIdentityIds.includes(identityId)) return true;
    return false;
  }

  /** Candidate identities through the record's blocking keys, each with its records (the record itself excluded). */
  candidatesOf(recordKey: string, keys: readonly string[]): CandidateIdentity[] {
    const cap = this.model.blocking.maxBlockSize;
    const identityIds = new Set<string>();
    for (const k of keys) {
      const block = this.keyIndex.get(k) ?? [];
      for (const rk of block.length > cap ? [...block].sort().slice(0, cap) : block) {
        if (rk === recordKey) continue;
        const r = this.records.get(rk);
        if (r) identityIds.add(r.identityId);
      }
    }
    const out: CandidateIdentity[] = [];
    for (const id of [...identityIds].sort()) {
      const identity = this.identities.get(id);
      if (!identity || identity.status !== 'active') continue;
      const recs = [...identity.records].filter((rk) => rk !== recordKey).sort().map((rk) => this.records.get(rk)!.normalised);
      if (recs.length > 0) out.push({ identityId: id, records: recs });
    }
    return out;
  }

  resolveRecord(obs: ObservedRecord): DecisionKind {
    const recordKey = obs.normalised.key;
    const known = this.records.get(recordKey);
    const candidates = this.candidatesOf(recordKey, obs.keys);
    const decision = this.decide(obs.normalised, candidates, this.model, this.vetoes.get(recordKey) ?? new Set());
    const kind = known ? this.reEvaluate(known, obs, decision) : this.placeNew(obs, decision);
    this.effects.decisions.push(kind);
    return kind;
  }

  // ---- a record seen for the first time -------------------------------------------------------

  private placeNew(obs: ObservedRecord, d: MatchDecision): DecisionKind {
    const recordKey = obs.normalised.key;
    const touched: Touch[] = [];
    if (d.kind === 'link') {
      this.putRecord(obs, d.identityId);
      this.ledger({ identityId: d.identityId, kind: 'linked', recordKey, reason: 'auto-link', explanation: { decision: 'link', pairs: [d.explanation] } }, obs);
      touched.push({ id: d.identityId, kind: 'RECORD_LINKED', affected: [recordKey], reason: 'auto-link' });
    } else {
      const id = this.createIdentity(obs);
      this.putRecord(obs, id);
      const reason = d.kind === 'new' ? 'new-child' : 'review-provisional';
      const explanation = d.kind === 'new'
        ? { decision: 'new', pairs: d.best ? [d.best] : [] }
        : { decision: 'review', reviewReason: d.reason, pairs: d.candidates.map((c) => c.explanation) };
      // The decision's explanation is stored once, on the link; the creation names the decision only.
      this.ledger({ identityId: id, kind: 'created', recordKey, reason, explanation: { decision: explanation.decision } }, obs);
      this.ledger({ identityId: id, kind: 'linked', recordKey, reason, explanation }, obs);
      if (d.kind === 'review') this.openTask(obs, id, d);
      touched.push({ id, kind: 'CREATED', affected: [recordKey], reason });
    }
    this.finish(obs, touched);
    return d.kind;
  }

  // ---- a known record that changed ------------------------------------------------------------

  private reEvaluate(known: WorldRecord, obs: ObservedRecord, d: MatchDecision): DecisionKind {
    const recordKey = known.recordKey;
    const from = known.identityId;
    const fromIdentity = this.identities.get(from)!;
    const personDecided = this.linkActors.has(recordKey);
    const previousTask = [...this.openTasks.values()].find((t) => t.recordKey === recordKey);

    // Precision first: the engine moves a changed record only when it now links decisively
    // elsewhere. "Matches nothing any more" keeps it where it is (splitting an identity is a
    // reviewer's decision, and flapping between identities on every update would be worse).
    const moveTo = !personDecided && d.kind === 'link' && d.identityId !== from ? d.identityId : null;
    const kind: DecisionKind = moveTo ? 'move' : 'stay';
    const touched: Touch[] = [];
    if (moveTo === null) {
      this.putRecord(obs, from);
      if (d.kind === 'review' && !personDecided) {
        const same = previousTask && sameIds(previousTask.candidateIdentityIds, d.candidates.map((c) => c.identityId));
        if (!same) {
          if (previousTask) this.closeTask(previousTask, obs);
          this.openTask(obs, from, d);
        }
      } else if (previousTask && d.kind !== 'review') {
        this.closeTask(previousTask, obs);
      }
      touched.push({ id: from, kind: 'GOLDEN_CHANGED', affected: [], reason: 'record-updated', onlyIfGoldenChanged: true });
    } else {
      if (previousTask) this.closeTask(previousTask, obs);
      const explanation = { decision: 'link', pairs: d.kind === 'link' ? [d.explanation] : [] };
      const reason = 're-evaluated-move';
      this.putRecord(obs, moveTo);
      fromIdentity.records.delete(recordKey);
      this.ledger({ identityId: from, kind: 'unlinked', recordKey, reason, explanation, otherIdentityId: moveTo }, obs);
      this.ledger({ identityId: moveTo, kind: 'linked', recordKey, reason, explanation, otherIdentityId: from }, obs);
      const emptied = fromIdentity.records.size === 0;
      if (emptied) {
        fromIdentity.status = 'retired';
        this.effects.dirtyIdentities.add(from);
        this.ledger({ identityId: from, kind: 'retired', recordKey: null, reason: 'no-records-left', explanation: null }, obs);
      }
      touched.push({ id: from, kind: emptied ? 'RETIRED' : 'RECORD_UNLINKED', affected: [recordKey], reason });
      touched.push({ id: moveTo, kind: 'RECORD_LINKED', affected: [recordKey], reason });
    }
    this.finish(obs, touched);
    return kind;
  }

  // ---- shared steps ---------------------------------------------------------------------------

  private createIdentity(obs: ObservedRecord): string {
    const id = this.ids.childId(obs.eventId);
    if (this.identities.has(id)) throw new Error(`child id collision for a new identity (${id})`);
    this.identities.set(id, { id, status: 'active', golden: null, records: new Set(), isNew: true });
    this.effects.newIdentities.add(id);
    return id;
  }

  private putRecord(obs: ObservedRecord, identityId: string): void {
    const recordKey = obs.normalised.key;
    const prev = this.records.get(recordKey);
    if (prev && prev.identityId !== identityId) this.identities.get(prev.identityId)?.records.delete(recordKey);
    const r: WorldRecord = {
      recordKey, identityId, source: obs.person.source, sourceRecordId: obs.person.sourceRecordId,
      person: obs.person, normalised: obs.normalised, lastEventId: obs.eventId, observedAt: obs.occurredAt, blockingKeys: obs.keys,
    };
    this.addRecord(r);
    for (const k of obs.keys) this.indexKey(k, recordKey);
    this.effects.dirtyRecords.add(recordKey);
    const change = this.effects.keyChanges.get(recordKey);
    if (change) change.after = obs.keys;
    else this.effects.keyChanges.set(recordKey, { before: prev?.blockingKeys ?? [], after: obs.keys });
  }

  private openTask(obs: ObservedRecord, identityId: string, d: Extract<MatchDecision, { kind: 'review' }>): void {
    const id = this.ids.taskId(obs.eventId);
    const candidates = d.candidates.map((c) => ({ identityId: c.identityId, explanation: c.explanation }));
    const task: WorldTask = { id, recordKey: obs.normalised.key, identityId, candidateIdentityIds: candidates.map((c) => c.identityId) };
    this.openTasks.set(id, task);
    this.effects.tasksToOpen.set(id, { id, reason: d.reason, recordKey: task.recordKey, identityId, candidates });
    this.ledger({
      identityId, kind: 'review-opened', recordKey: task.recordKey, reason: d.reason,
      explanation: { decision: 'review', taskId: id, reviewReason: d.reason, candidateIdentityIds: task.candidateIdentityIds, pairs: candidates.map((c) => c.explanation) },
    }, obs);
  }

  private closeTask(task: WorldTask, obs: ObservedRecord): void {
    this.openTasks.delete(task.id);
    if (this.effects.tasksToOpen.delete(task.id)) {
      // Opened and superseded within this batch: never written, but its ledger entry stays (history is history).
    } else {
      this.effects.tasksToClose.set(task.id, 'record-re-evaluated');
    }
    this.ledger({ identityId: task.identityId, kind: 'review-closed', recordKey: task.recordKey, reason: 'record-re-evaluated', explanation: { taskId: task.id } }, obs);
  }

  private ledger(
    e: Pick<NewLedgerEntry, 'identityId' | 'kind' | 'recordKey' | 'reason' | 'explanation'> & { otherIdentityId?: string | null },
    obs: ObservedRecord,
  ): void {
    this.effects.ledger.push(ledgerEntry({
      ...e, otherIdentityId: e.otherIdentityId ?? null, actor: ENGINE_ACTOR, modelVersion: this.model.version, causeId: obs.eventId,
    }));
  }

  /** Recomputes golden records of touched identities, ledgers their changes, records one change per identity. */
  private finish(obs: ObservedRecord, touched: readonly Touch[]): void {
    for (const t of touched) {
      const identity = this.identities.get(t.id)!;
      let goldenChanged = false;
      if (identity.status === 'active') {
        const golden = buildGoldenRecord([...identity.records].sort().map((rk) => {
          const r = this.records.get(rk)!;
          return { recordKey: rk, institution: r.source, observedAt: r.observedAt, person: r.person };
        }));
        const fields = changedGoldenFields(identity.golden, golden);
        // A new identity's first golden record is part of its creation (row and event), not a change.
        if (fields.length > 0 && !(identity.isNew && t.kind === 'CREATED')) {
          goldenChanged = true;
          this.ledger({
            identityId: t.id, kind: 'golden-changed', recordKey: null, reason: t.reason,
            explanation: { fields, policyVersion: golden.policyVersion, recordCount: golden.recordCount },
          }, obs);
        }
        identity.golden = golden;
      } else {
        identity.golden = null;
      }
      if (!identity.isNew) this.effects.dirtyIdentities.add(t.id);
      if (t.onlyIfGoldenChanged && !goldenChanged) continue;
      let ledgerIndex = -1;
      for (let i = this.effects.ledger.length - 1; i >= 0; i--) if (this.effects.ledger[i]!.identityId === t.id) { ledgerIndex = i; break; }
      this.effects.changes.push({
        identityId: t.id, kind: t.kind, affectedRecordKeys: t.affected, reason: t.reason, causeEventId: obs.eventId, occurredAt: obs.occurredAt,
        ledgerIndex, status: identity.status, recordKeys: [...identity.records].sort(), golden: identity.golden, underReview: this.underReview(t.id),
      });
    }
  }
}

interface Touch {
  readonly id: string;
  readonly kind: ChangeKind;
  readonly affected: readonly string[];
  readonly reason: string;
  readonly onlyIfGoldenChanged?: boolean;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
}

/** Blocking keys of a record, deduplicated and sorted (the adapter locks and stores them). */
export function keysOf(n: NormalisedPerson, model: MatchingModel): string[] {
  return [...new Set(blockingKeys(n, model))].sort();
}
