import type { AdmissionOrderIssued, DiagnosisRequested, EgressResolved, HearingScheduled } from '../../schemas';
import { aChild, aCourtCase, anEnvelope } from './event-parts';

/** Synthetic court events (hub.tribunal.events.v1). Invented data only. */
const CHILD_ID = 'NNA-000123';

export function anAdmissionOrderIssued(over: Partial<AdmissionOrderIssued> = {}): AdmissionOrderIssued {
  return {
    envelope: anEnvelope('TRIBUNAL', '1301', 'RES-2024-000981'),
    person: aChild('TRIBUNAL', CHILD_ID),
    courtCase: aCourtCase(),
    materia: 'MEDIDA_PROTECCION',
    targetModality: 'CTD',
    targetRegime: 'RESIDENCIAL',
    targetProgrammeCode: null,
    targetAdministration: 'AADD',
    ...over,
  };
}

export function aDiagnosisRequested(over: Partial<DiagnosisRequested> = {}): DiagnosisRequested {
  return {
    envelope: anEnvelope('TRIBUNAL', '1301', 'RES-2024-000982'),
    person: aChild('TRIBUNAL', CHILD_ID),
    courtCase: aCourtCase({ ruc: null }),
    diagnosisType: 'DIAGNOSTICO',
    regime: 'RESIDENCIAL',
    targetModality: 'CTD',
    targetProgrammeCode: '1130045',
    dueDate: '2024-04-02',
    ...over,
  };
}

export function aHearingScheduled(over: Partial<HearingScheduled> = {}): HearingScheduled {
  return {
    envelope: anEnvelope('TRIBUNAL', '1301', 'AUD-2024-004410'),
    person: aChild('TRIBUNAL', CHILD_ID),
    courtCase: aCourtCase(),
    scheduledAt: Date.UTC(2024, 3, 9, 13, 0, 0),
    hearingType: null,
    ...over,
  };
}

export function anEgressResolved(over: Partial<EgressResolved> = {}): EgressResolved {
  return {
    envelope: anEnvelope('TRIBUNAL', '1301', 'RES-2024-001377'),
    person: aChild('TRIBUNAL', CHILD_ID),
    courtCase: aCourtCase(),
    decision: 'MODIFICA',
    fromProgrammeCode: '1130045',
    destination: 'FAMILIA_EXTENDIDA',
    destinationModality: null,
    destinationProgrammeCode: null,
    effectiveDate: '2024-05-15',
    ...over,
  };
}
