/**
 * Public API of the identity matching engine (contract: /tmp/hub/matching-api.md).
 * Pure: no I/O, clock, environment or randomness — data in, decisions out.
 * Design and the reasons behind it: docs/adr/0008-identity-matching-engine.md.
 */
import type { PersonRecord } from '../../../../schemas/generated/person-record.v1';
import { blockingKeys as keysOf } from './blocking';
import { Comparator } from './compare';
import { decide } from './decide';
import defaultModelJson from './default-model.json';
import { compileModel, parseModel, type CompiledModel } from './model';
import { NameMemo, normalisePerson as normalise, type PersonRecordInput } from './normalise';
import { trainOnRecords } from './resolve';
import { explain } from './score';
import type { CandidateIdentity, MatchDecision, MatchingModel, NormalisedPerson, PairExplanation } from './types';

export type {
  CandidateIdentity, FieldComparison, MatchDecision, MatchingModel, NormalisedPerson, PairExplanation, ReviewReason,
  FieldParams, LevelParams, Thresholds,
} from './types';
export { NameMemo, type PersonRecordInput } from './normalise';
export { parseModel, BASE_MODEL } from './model';
export { FIELD_LEVELS, MODEL_FORMAT } from './config';
export { resolveBatch, childIdFor, type BatchResult, type BatchStats, type ReviewItem, type Progress } from './resolve';

/** The committed model: EM-trained offline on generated Chilean data (`npx hub matching train`). */
export const DEFAULT_MODEL: MatchingModel = parseModel(defaultModelJson);

/** Accepts a full PersonRecord; plain JSON with optional fields absent is read as null. */
export function normalisePerson(p: PersonRecord | PersonRecordInput, memo?: NameMemo): NormalisedPerson {
  return normalise(p, memo);
}

export function blockingKeys(p: NormalisedPerson, model: MatchingModel): readonly string[] {
  return keysOf(p, model, engineFor(model).cmp.phon.bind(engineFor(model).cmp));
}

export function explainPair(a: NormalisedPerson, b: NormalisedPerson, model: MatchingModel): PairExplanation {
  const e = engineFor(model);
  return explain(e.compiled, e.cmp, a, b);
}

export function decideMatch(
  record: NormalisedPerson, candidates: readonly CandidateIdentity[], model: MatchingModel, vetoedIdentityIds?: ReadonlySet<string>,
): MatchDecision {
  const e = engineFor(model);
  return decide(e.compiled, e.cmp, record, candidates, vetoedIdentityIds);
}

export function trainModel(
  records: readonly NormalisedPerson[], base: MatchingModel, onProgress?: (done: number, total: number) => void,
): MatchingModel {
  const phases = ['blocking', 'comparing', 'training'];
  return trainOnRecords(records, base, onProgress && ((phase, done, total) => {
    // One overall fraction for callers that want a single bar.
    const i = phases.indexOf(phase);
    onProgress(Math.round((i + (total > 0 ? done / total : 1)) * 1000), phases.length * 1000);
  }));
}

/**
 * Compiled tables and comparator caches per model object. A cache keyed by the (immutable) model
 * object: memoisation, not state — results never depend on it.
 */
const engines = new WeakMap<MatchingModel, { compiled: CompiledModel; cmp: Comparator }>();
function engineFor(model: MatchingModel): { compiled: CompiledModel; cmp: Comparator } {
  let e = engines.get(model);
  if (!e) { e = { compiled: compileModel(model), cmp: new Comparator(model.comparators) }; engines.set(model, e); }
  return e;
}
