import type {
  AbscondmentRecorded, AdmissionRegistered, CapacityDeclared, DiagnosisReported, EgressExecuted, EgressProposed,
  InterventionEscalated, InterventionPlanCreated,
} from '../../schemas';
import { aChild, aCourtCase, anEnvelope } from './event-parts';

/** Synthetic SENAME / OCA events (hub.sename.events.v1, hub.sename.capacity.v1). Invented data only. */
const CHILD_ID = 'SNF-7700123';
const CASE_ID = 'ING-2024-55501';
const PROGRAMME = '1130045';

export function anAdmissionRegistered(over: Partial<AdmissionRegistered> = {}): AdmissionRegistered {
  return {
    envelope: anEnvelope('SENAME', PROGRAMME, CASE_ID),
    person: aChild('SENAME', CHILD_ID, { givenNames: 'Amanda', maternalSurname: null }),
    caseId: CASE_ID,
    programmeCode: PROGRAMME,
    modality: 'CTD',
    regime: 'RESIDENCIAL',
    administration: 'OCA',
    collaboratingInstitutionCode: 'OCA-0099',
    admissionKind: 'ORDEN_TRIBUNAL',
    courtCase: aCourtCase(),
    derivationId: null,
    accompanyingParentRef: null,
    siblingGroupRef: 'HER-2024-0012',
    ...over,
  };
}

export function aDiagnosisReported(over: Partial<DiagnosisReported> = {}): DiagnosisReported {
  return {
    envelope: anEnvelope('SENAME', PROGRAMME, 'DIAG-2024-3310'),
    person: aChild('SENAME', CHILD_ID),
    caseId: CASE_ID,
    programmeCode: PROGRAMME,
    courtCase: aCourtCase(),
    diagnosisType: 'DIAGNOSTICO',
    complexityLevel: 'MEDIA',
    ambits: ['INDIVIDUAL', 'FAMILIAR'],
    recommendation: 'INTERVENCION_BREVE',
    recommendedDestination: null,
    ...over,
  };
}

export function anInterventionPlanCreated(over: Partial<InterventionPlanCreated> = {}): InterventionPlanCreated {
  return {
    envelope: anEnvelope('SENAME', PROGRAMME, 'PII-2024-0420'),
    person: aChild('SENAME', CHILD_ID),
    caseId: CASE_ID,
    programmeCode: PROGRAMME,
    planType: 'BREVE',
    axes: ['INDIVIDUAL', 'FAMILIAR', 'SOCIAL_COMUNITARIO'],
    plannedEndDate: '2024-07-20',
    ...over,
  };
}

export function anInterventionEscalated(over: Partial<InterventionEscalated> = {}): InterventionEscalated {
  return {
    envelope: anEnvelope('SENAME', PROGRAMME, 'ESC-2024-0031'),
    person: aChild('SENAME', CHILD_ID),
    caseId: CASE_ID,
    programmeCode: PROGRAMME,
    fromPlanType: 'BREVE',
    toPlanType: 'ESPECIALIZADA',
    fromPlanId: 'PII-2024-0420',
    ...over,
  };
}

export function anEgressProposed(over: Partial<EgressProposed> = {}): EgressProposed {
  return {
    envelope: anEnvelope('SENAME', PROGRAMME, 'PEG-2024-0077'),
    person: aChild('SENAME', CHILD_ID),
    caseId: CASE_ID,
    programmeCode: PROGRAMME,
    courtCase: aCourtCase(),
    proposedDestination: 'FAMILIA_ORIGEN',
    proposedCause: 'CUMPLIMIENTO_OBJETIVOS_PII',
    destinationModality: null,
    destinationProgrammeCode: null,
    ...over,
  };
}

export function anEgressExecuted(over: Partial<EgressExecuted> = {}): EgressExecuted {
  return {
    envelope: anEnvelope('SENAME', PROGRAMME, 'EGR-2024-0091'),
    person: aChild('SENAME', CHILD_ID),
    caseId: CASE_ID,
    programmeCode: PROGRAMME,
    cause: 'DIAGNOSTICO_CONCLUIDO',
    destination: 'PROGRAMA_RED_PROTECCION',
    destinationModality: 'RESIDENCIA',
    destinationProgrammeCode: '1130777',
    courtCase: aCourtCase(),
    derivationId: 'DER-2024-0450',
    ...over,
  };
}

export function anAbscondmentRecorded(over: Partial<AbscondmentRecorded> = {}): AbscondmentRecorded {
  return {
    envelope: anEnvelope('SENAME', PROGRAMME, 'FUG-2024-0005'),
    person: aChild('SENAME', CHILD_ID),
    caseId: CASE_ID,
    programmeCode: PROGRAMME,
    kind: 'ABANDONO',
    ...over,
  };
}

/** Not about a child: no person, keyed by programme. */
export function aCapacityDeclared(over: Partial<CapacityDeclared> = {}): CapacityDeclared {
  return {
    envelope: anEnvelope('SENAME', PROGRAMME, 'PLZ-2024-0001'),
    programmeCode: PROGRAMME,
    programmeName: 'CTD Ficticio Los Aromos',
    modality: 'CTD',
    regime: 'RESIDENCIAL',
    administration: 'OCA',
    collaboratingInstitutionCode: 'OCA-0099',
    regionCode: '13',
    comunaCode: '13101',
    places: 40,
    validFrom: '2024-01-01',
    validTo: null,
    ...over,
  };
}
