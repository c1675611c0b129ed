import type { PersonRecord } from '../../schemas/generated/person-record.v1';
import type { CorrectionState, CorrectionTask, IdentityState } from '../../services/identity/domain/corrections';
import { buildGoldenRecord, DEFAULT_SURVIVORSHIP_POLICY, type GoldenInput } from '../../services/identity/domain/golden-record';

/**
 * Builders of identity-correction fixtures. Every value is invented: never use real people.
 * Valid RUNs used: 12.345.678-5, 15.222.333-1 and 22.333.444-K.
 */
export function aPerson(over: Partial<PersonRecord> = {}): PersonRecord {
  return {
    source: 'TRIBUNAL', sourceRecordId: 'T-1', run: '12.345.678-5', identifiers: [],
    givenNames: 'Camila Antonia', paternalSurname: 'San Martín', maternalSurname: 'De la Fuente',
    birthDate: '2014-05-09', sex: 'F', comunaCode: '13101',
    address: { street: 'Pasaje Ficticio 123', locality: 'Santiago', postcode: null, region: 'RM' }, phone: null,
    ...over,
  };
}

/** A source record of an identity; `key` is `INSTITUTION|id`. */
export function aRecord(key: string, over: Partial<PersonRecord> = {}, observedAt = Date.UTC(2024, 0, 1)): GoldenInput {
  const [institution, id] = key.split('|') as [string, string];
  return { recordKey: key, institution, observedAt, person: aPerson({ source: institution, sourceRecordId: id, ...over }) };
}

/** An identity whose stored golden record is up to date with its records (unless overridden). */
export function anIdentity(id: string, records: readonly GoldenInput[], over: Partial<IdentityState> = {}): IdentityState {
  const golden = records.length > 0 ? buildGoldenRecord(records, DEFAULT_SURVIVORSHIP_POLICY) : null;
  return { id, status: 'active', mergedInto: null, records, golden, ...over };
}

export function aTask(id: string, recordKey: string, identityId: string, candidates: readonly string[], over: Partial<CorrectionTask> = {}): CorrectionTask {
  return { id, status: 'open', reason: 'grey-zone', recordKey, identityId, candidateIdentityIds: candidates, modelVersion: 'm-1', ...over };
}

export function aState(identities: readonly IdentityState[], tasks: readonly CorrectionTask[] = [], vetoes: CorrectionState['vetoes'] = []): CorrectionState {
  return { identities: Object.fromEntries(identities.map((i) => [i.id, i])), tasks, vetoes };
}
