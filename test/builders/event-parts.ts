import type { CourtCaseRef, EventEnvelope, PersonRecord } from '../../schemas';

/**
 * Shared parts of synthetic catalogue events: an envelope and a child. Every value is invented;
 * never use real people. The RUNs have valid check digits and belong to no one in these fixtures'
 * world (any valid RUN may exist, so they are never joined with real sources).
 */
export const SYNTHETIC_CHILD_RUN = '12.345.678-5';
export const SYNTHETIC_MOTHER_RUN = '9.876.543-3';

export function anEnvelope(sourceInstitution: string, sourceUnit: string | null, sourceRecordId: string,
  over: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    eventId: `${sourceInstitution}:${sourceRecordId}:1`,
    sourceInstitution,
    sourceUnit,
    sourceRecordId,
    occurredAt: Date.UTC(2024, 2, 4, 13, 30, 0),
    recordedAt: Date.UTC(2024, 2, 4, 13, 30, 7),
    schemaVersion: 1,
    traceId: null,
    ...over,
  };
}

/** A child as one institution knows them: invented names and identifiers. */
export function aChild(source: string, sourceRecordId: string, over: Partial<PersonRecord> = {}): PersonRecord {
  return {
    source,
    sourceRecordId,
    run: SYNTHETIC_CHILD_RUN,
    identifiers: [],
    givenNames: 'Amanda Rocío',
    paternalSurname: 'Quiroz',
    maternalSurname: 'Del Valle',
    birthDate: '2013-08-21',
    sex: 'F',
    comunaCode: '13101',
    address: { street: 'Calle Inventada 456', locality: 'Santiago', postcode: null, region: 'RM' },
    phone: null,
    ...over,
  };
}

/** A protection cause of an invented family court. */
export function aCourtCase(over: Partial<CourtCaseRef> = {}): CourtCaseRef {
  return { courtCode: '1301', courtType: 'FAMILIA', rit: 'P-1234-2023', ruc: '2320012345-K', ...over };
}
