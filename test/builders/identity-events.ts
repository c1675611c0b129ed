import type { ChildIdentityChanged } from '../../schemas';

/** Builder of synthetic ChildIdentityChanged events (invented values; RUN 12.345.678-5 belongs to no one here). */
export function aChildIdentityChanged(over: Partial<ChildIdentityChanged> = {}): ChildIdentityChanged {
  const childId = over.childId ?? 'NNA-0000000000000000000000TEST';
  const observedAt = Date.UTC(2024, 2, 1, 12, 0, 0);
  return {
    envelope: {
      eventId: `HUB:${childId}:1`, sourceInstitution: 'HUB', sourceUnit: null, sourceRecordId: childId,
      occurredAt: observedAt, recordedAt: observedAt + 1000, schemaVersion: 1, traceId: null,
    },
    childId,
    kind: 'CREATED',
    status: 'ACTIVE',
    affectedRecordKeys: ['TRIBUNAL|T-0001'],
    recordKeys: ['TRIBUNAL|T-0001'],
    mergedInto: null,
    mergedFrom: [],
    relatedChildIds: [],
    underReview: false,
    golden: {
      run: '12345678-5', givenNames: 'Camila Antonia', paternalSurname: 'San Martín', maternalSurname: 'De la Fuente',
      birthDate: '2014-05-09', sex: 'F', comunaCode: '13101',
      provenance: [{ field: 'comunaCode', source: 'TRIBUNAL', recordKey: 'TRIBUNAL|T-0001', observedAt }],
    },
    ledgerSeq: 1,
    actor: 'engine',
    reason: 'new-child',
    modelVersion: 'provisional-0',
    ...over,
  };
}
