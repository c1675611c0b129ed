import type { EmergencyVisitRecorded, NewbornRegistered, ProgrammeEnrolled } from '../../schemas';
import { SYNTHETIC_MOTHER_RUN, aChild, anEnvelope } from './event-parts';

/** Synthetic health events (hub.health.events.v1). Invented data only. */
const ESTABLISHMENT = '999123';

export function anEmergencyVisitRecorded(over: Partial<EmergencyVisitRecorded> = {}): EmergencyVisitRecorded {
  return {
    envelope: anEnvelope('HEALTH', ESTABLISHMENT, 'DAU-2024-000777'),
    person: aChild('HEALTH', `${ESTABLISHMENT}/FICHA-31337`),
    establishmentCode: ESTABLISHMENT,
    injury: true,
    maltreatmentSuspected: true,
    reportFiled: null,
    ...over,
  };
}

/** A newborn known only through the mother's RUN: no own RUN, placeholder name. */
export function aNewbornRegistered(over: Partial<NewbornRegistered> = {}): NewbornRegistered {
  return {
    envelope: anEnvelope('HEALTH', ESTABLISHMENT, 'RN-2024-000123', { occurredAt: Date.UTC(2024, 5, 1, 4, 12, 0) }),
    person: aChild('HEALTH', `${ESTABLISHMENT}/RN-000123`, {
      run: null,
      givenNames: null,
      paternalSurname: null,
      maternalSurname: null,
      birthDate: '2024-06-01',
      sex: 'M',
      address: null,
    }),
    establishmentCode: ESTABLISHMENT,
    motherRun: SYNTHETIC_MOTHER_RUN,
    birthOrder: 2,
    ...over,
  };
}

export function aProgrammeEnrolled(over: Partial<ProgrammeEnrolled> = {}): ProgrammeEnrolled {
  return {
    envelope: anEnvelope('HEALTH', ESTABLISHMENT, 'INS-2024-004411'),
    person: aChild('HEALTH', `${ESTABLISHMENT}/FICHA-31337`),
    establishmentCode: ESTABLISHMENT,
    programme: 'ATENCION_PRIMARIA',
    ...over,
  };
}
