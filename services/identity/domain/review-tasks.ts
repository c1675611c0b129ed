/**
 * Review tasks as reviewers see them, and how open tasks follow identity changes. Pure.
 *
 * A task is a record (`recordKey`) provisionally held in `identityId` while a person decides
 * whether it belongs to one of `candidateIdentityIds`. Identities change under open tasks
 * (merges, splits, other resolutions); a task must never point at an identity that no longer
 * answers for its records (the JeMPI "deleted golden record" bug, matching.md §4.5), so after
 * every correction each open task is re-targeted by `retargetTask`.
 */
import type { PersonRecord } from '../../../schemas/generated/person-record.v1';
import type { PairExplanation } from './matching';

export interface TaskState {
  readonly id: string;
  readonly status: 'open' | 'resolved' | 'closed';
  readonly reason: string;
  readonly recordKey: string;
  readonly identityId: string;
  readonly candidateIdentityIds: readonly string[];
  readonly modelVersion: string;
}

/** What re-targeting needs to know about the world after a change. */
export interface RetargetView {
  /** Follows merge redirects to the live identity (the id itself when not merged); null when unknown. */
  resolve(identityId: string): string | null;
  /** Identity the record belongs to now; null when unknown (then the task keeps its identity). */
  identityOfRecord(recordKey: string): string | null;
  isActive(identityId: string): boolean;
  isVetoed(recordKey: string, identityId: string): boolean;
}

export type RetargetResult =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'retargeted'; readonly identityId: string; readonly candidateIdentityIds: readonly string[] }
  | { readonly kind: 'closed'; readonly identityId: string; readonly reason: 'no-candidates-left' };

/**
 * The rule for an open task after identities changed:
 * - its identity follows its record (a split moved it) and merge redirects;
 * - candidates follow merge redirects, are deduplicated, and lose the task's own identity,
 *   retired identities and identities vetoed for the record;
 * - with no candidate left there is nothing to decide: the task closes.
 */
export function retargetTask(task: TaskState, view: RetargetView): RetargetResult {
  if (task.status !== 'open') return { kind: 'unchanged' };
  const identityId = view.identityOfRecord(task.recordKey) ?? view.resolve(task.identityId) ?? task.identityId;
  const candidates: string[] = [];
  for (const c of task.candidateIdentityIds) {
    const live = view.resolve(c);
    if (live === null || live === identityId || !view.isActive(live) || view.isVetoed(task.recordKey, live)) continue;
    if (!candidates.includes(live)) candidates.push(live);
  }
  if (candidates.length === 0) return { kind: 'closed', identityId, reason: 'no-candidates-left' };
  const same = identityId === task.identityId && candidates.length === task.candidateIdentityIds.length
    && candidates.every((c, i) => c === task.candidateIdentityIds[i]);
  return same ? { kind: 'unchanged' } : { kind: 'retargeted', identityId, candidateIdentityIds: candidates };
}

/** One field of the side-by-side view: the two records' values, the engine's level and weight. */
export interface SideBySideField {
  readonly field: string;
  readonly level: string;
  readonly weight: number;
  /** Value of the record under review. */
  readonly record: string | null;
  /** Value of the candidate identity's record it was compared with. */
  readonly candidate: string | null;
}

export interface SideBySideCandidate {
  readonly identityId: string;
  readonly comparedRecordKey: string;
  readonly weight: number;
  readonly probability: number;
  readonly rules: readonly string[];
  readonly fields: readonly SideBySideField[];
}

/** Display value of an engine comparison field (matching/config.ts FIELD_LEVELS names). */
const DISPLAY: Readonly<Record<string, (p: PersonRecord) => string | null>> = {
  run: (p) => p.run,
  identifier: (p) => (p.identifiers.length ? p.identifiers.map((i) => `${i.scheme}:${i.value}`).join(', ') : null),
  given: (p) => p.givenNames,
  surnames: (p) => (p.paternalSurname || p.maternalSurname ? `${p.paternalSurname ?? '—'} / ${p.maternalSurname ?? '—'}` : null),
  birthDate: (p) => p.birthDate,
  sex: (p) => p.sex,
  comuna: (p) => p.comunaCode,
  street: (p) => p.address?.street ?? null,
  locality: (p) => p.address?.locality ?? null,
  postcode: (p) => p.address?.postcode ?? null,
  phone: (p) => p.phone,
};

export function displayValue(field: string, p: PersonRecord | null): string | null {
  const get = DISPLAY[field];
  return p && get ? get(p) : null;
}

/**
 * The side-by-side explanation of one candidate: every field the engine compared, with both
 * values, its level and weight, plus the total weight and the rules that fired. `persons` gives
 * the PersonRecord of each record key involved (the record under review and compared records).
 */
export function sideBySide(
  recordKey: string, candidate: { identityId: string; explanation: PairExplanation },
  persons: ReadonlyMap<string, PersonRecord>,
): SideBySideCandidate {
  const e = candidate.explanation;
  const mine = persons.get(recordKey) ?? null;
  const theirs = persons.get(e.recordKey) ?? null;
  return {
    identityId: candidate.identityId,
    comparedRecordKey: e.recordKey,
    weight: e.weight,
    probability: e.probability,
    rules: e.rules,
    fields: e.fields.map((f) => ({
      field: f.field, level: f.level, weight: f.weight,
      record: displayValue(f.field, mine), candidate: displayValue(f.field, theirs),
    })),
  };
}
