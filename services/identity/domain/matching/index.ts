/**
 * Public API of the identity matching engine (contract: /tmp/hub/matching-api.md).
 * Pure: no I/O, clock, environment or randomness. PROVISIONAL bodies: being replaced by the engine.
 */
import type { PersonRecord } from '../../../../schemas/generated/person-record.v1';
import type {
  CandidateIdentity, MatchDecision, MatchingModel, NormalisedPerson, PairExplanation,
} from './types';

export type {
  CandidateIdentity, FieldComparison, MatchDecision, MatchingModel, NormalisedPerson, PairExplanation, ReviewReason,
} from './types';

export function parseModel(json: unknown): MatchingModel {
  if (typeof json !== 'object' || json === null || typeof (json as { version?: unknown }).version !== 'string') {
    throw new Error('matching model: expected an object with a string "version"');
  }
  return json as MatchingModel;
}

export const DEFAULT_MODEL: MatchingModel = {
  version: 'provisional-0',
  prior: { match: 0.1, household: 0.1, unrelated: 0.8 },
  fields: [],
  thresholds: { autoLink: 10, review: 0, nearTie: 2 },
  comparators: { jwHigh: 0.92, jwLow: 0.8, nicknames: {} },
  blocking: { keys: [], maxBlockSize: 100 },
  tf: { given: {}, surname: {}, floor: 0.0001, maxAdjustment: 2 },
  training: null,
};

export function normalisePerson(p: PersonRecord): NormalisedPerson {
  return {
    key: `${p.source}|${p.sourceRecordId}`, source: p.source, sourceRecordId: p.sourceRecordId,
    run: p.run, identifiers: [], given: (p.givenNames ?? '').toUpperCase().split(/\s+/).filter(Boolean),
    paternal: p.paternalSurname?.toUpperCase() ?? null, maternal: p.maternalSurname?.toUpperCase() ?? null,
    birth: null, sex: p.sex, comuna: p.comunaCode, street: null, locality: null, postcode: null, phone: null, newborn: false,
  };
}

export function blockingKeys(p: NormalisedPerson, _model: MatchingModel): readonly string[] {
  return [p.run ? `r:${p.run}` : '', p.paternal ? `p:${p.paternal}` : ''].filter(Boolean);
}

export function explainPair(a: NormalisedPerson, b: NormalisedPerson, _model: MatchingModel): PairExplanation {
  const same = a.run !== null && a.run === b.run;
  return { recordKey: b.key, weight: same ? 20 : -20, probability: same ? 1 : 0, fields: [], rules: same ? ['run-agrees'] : [] };
}

export function decideMatch(
  record: NormalisedPerson, candidates: readonly CandidateIdentity[], model: MatchingModel, vetoedIdentityIds?: ReadonlySet<string>,
): MatchDecision {
  for (const c of candidates) {
    if (vetoedIdentityIds?.has(c.identityId)) continue;
    for (const r of c.records) {
      const e = explainPair(record, r, model);
      if (e.weight >= model.thresholds.autoLink) return { kind: 'link', identityId: c.identityId, explanation: e };
    }
  }
  return { kind: 'new', best: null };
}

export function trainModel(
  _records: readonly NormalisedPerson[], base: MatchingModel, _onProgress?: (done: number, total: number) => void,
): MatchingModel {
  return base;
}
