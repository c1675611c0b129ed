import type { ChronicAbsenceAlertRaised, EnrollmentRegistered, WithdrawalRegistered } from '../../schemas';
import { aChild, anEnvelope } from './event-parts';

/**
 * Synthetic school events (hub.school.events.v1). Invented data only. The default student is a
 * migrant child without a RUN, identified by an invented IPE.
 */
const RBD = '99901';
const CHILD_ID = 'IPE-100200300';

function aMigrantStudent(): ReturnType<typeof aChild> {
  return aChild('SCHOOL', CHILD_ID, {
    run: null,
    identifiers: [{ scheme: 'CL-IPE', value: 'IPE-100200300' }],
    givenNames: 'Yelitza Marcela',
    paternalSurname: 'Inventada',
    maternalSurname: 'Ejemplo',
    birthDate: '2015-11-03',
    address: null,
  });
}

export function anEnrollmentRegistered(over: Partial<EnrollmentRegistered> = {}): EnrollmentRegistered {
  return {
    envelope: anEnvelope('SCHOOL', RBD, 'MAT-2024-99901-0318'),
    person: aMigrantStudent(),
    rbd: RBD,
    rbdCheckDigit: '4',
    schoolYear: 2024,
    grade: '3° básico',
    ...over,
  };
}

export function aChronicAbsenceAlertRaised(over: Partial<ChronicAbsenceAlertRaised> = {}): ChronicAbsenceAlertRaised {
  return {
    envelope: anEnvelope('SCHOOL', RBD, 'AUS-2024-99901-0012'),
    person: aMigrantStudent(),
    rbd: RBD,
    schoolYear: 2024,
    periodStartDate: '2024-03-04',
    periodEndDate: '2024-04-30',
    attendancePercent: 72.5,
    schoolDays: 40,
    daysAbsent: 11,
    thresholdPercent: 90,
    ...over,
  };
}

export function aWithdrawalRegistered(over: Partial<WithdrawalRegistered> = {}): WithdrawalRegistered {
  return {
    envelope: anEnvelope('SCHOOL', RBD, 'RET-2024-99901-0003'),
    person: aMigrantStudent(),
    rbd: RBD,
    schoolYear: 2024,
    reason: 'TRASLADO',
    destinationRbd: '99902',
    ...over,
  };
}
