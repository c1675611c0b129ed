import type { PersonObserved } from '../../schemas';

/**
 * Builder of synthetic PersonObserved events. Every value is invented: never use real people.
 * The RUN 12.345.678-5 has a valid check digit and belongs to no one in these fixtures' world.
 */
export function aPersonObserved(over: { envelope?: Partial<PersonObserved['envelope']>; person?: Partial<PersonObserved['person']> } = {}): PersonObserved {
  const sourceRecordId = over.person?.sourceRecordId ?? over.envelope?.sourceRecordId ?? 'T-0001';
  return {
    envelope: {
      eventId: `TRIBUNAL:${sourceRecordId}:1`,
      sourceInstitution: 'TRIBUNAL',
      sourceUnit: '1300',
      sourceRecordId,
      occurredAt: Date.UTC(2024, 2, 1, 12, 0, 0),
      recordedAt: Date.UTC(2024, 2, 1, 12, 0, 5),
      schemaVersion: 1,
      traceId: null,
      ...over.envelope,
    },
    person: {
      source: 'TRIBUNAL',
      sourceRecordId,
      run: '12.345.678-5',
      identifiers: [{ scheme: 'CL-IPE', value: 'IPE-100200300' }],
      givenNames: 'Camila Antonia',
      paternalSurname: 'San Martín',
      maternalSurname: 'De la Fuente',
      birthDate: '2014-05-09',
      sex: 'F',
      comunaCode: '13101',
      address: { street: 'Pasaje Ficticio 123', locality: 'Santiago', postcode: null, region: 'RM' },
      phone: null,
      ...over.person,
    },
  };
}
