import type {
  AbscondmentRecorded, AdmissionOrderIssued, CapacityDeclared, AdmissionRegistered, AlertRaised, CaseClosed, CaseOpened, ChronicAbsenceAlertRaised,
  CourtCaseRef, DiagnosisReported, DiagnosisRequested, EgressExecuted, EgressProposed, EgressResolved, EmergencyVisitRecorded,
  EnrollmentRegistered, EventEnvelope, HearingScheduled, InterventionEscalated, InterventionPlanCreated, NewbornRegistered,
  PersonRecord, ProgrammeEnrolled, ReferralMade, WithdrawalRegistered,
} from '../../../schemas';
import type { CaseEventDetails, CaseInputEvent, CaseRecordName, CauseRef, Institution } from './case-input-event';
import type { CapacityDeclaration } from './indicators/types';

/** The generated Avro type of each record the case-status flow reads. */
export interface CaseAvroRecords {
  'hub.tribunal.AdmissionOrderIssued': AdmissionOrderIssued;
  'hub.tribunal.DiagnosisRequested': DiagnosisRequested;
  'hub.tribunal.HearingScheduled': HearingScheduled;
  'hub.tribunal.EgressResolved': EgressResolved;
  'hub.sename.AdmissionRegistered': AdmissionRegistered;
  'hub.sename.DiagnosisReported': DiagnosisReported;
  'hub.sename.InterventionPlanCreated': InterventionPlanCreated;
  'hub.sename.InterventionEscalated': InterventionEscalated;
  'hub.sename.EgressProposed': EgressProposed;
  'hub.sename.EgressExecuted': EgressExecuted;
  'hub.sename.AbscondmentRecorded': AbscondmentRecorded;
  'hub.municipality.CaseOpened': CaseOpened;
  'hub.municipality.ReferralMade': ReferralMade;
  'hub.municipality.AlertRaised': AlertRaised;
  'hub.municipality.CaseClosed': CaseClosed;
  'hub.school.EnrollmentRegistered': EnrollmentRegistered;
  'hub.school.WithdrawalRegistered': WithdrawalRegistered;
  'hub.school.ChronicAbsenceAlertRaised': ChronicAbsenceAlertRaised;
  'hub.health.EmergencyVisitRecorded': EmergencyVisitRecorded;
  'hub.health.NewbornRegistered': NewbornRegistered;
  'hub.health.ProgrammeEnrolled': ProgrammeEnrolled;
}

const INSTITUTION_OF_NAMESPACE: Record<string, Institution> = {
  tribunal: 'TRIBUNAL', sename: 'SENAME', municipality: 'MUNICIPALITY', school: 'SCHOOL', health: 'HEALTH',
};

interface Common {
  envelope: EventEnvelope;
  person: PersonRecord;
}

function cause(ref: CourtCaseRef | null | undefined): CauseRef | null {
  return ref ? { courtCode: ref.courtCode, rit: ref.rit } : null;
}

interface Specific {
  caseRef?: string | null;
  programmeCode?: string | null;
  modality?: CaseInputEvent['modality'];
  regime?: CaseInputEvent['regime'];
  administration?: CaseInputEvent['administration'];
  cause?: CauseRef | null;
  comunaCode?: string | null;
  details?: CaseEventDetails;
}

/** Per record: the fields beyond envelope and person. Data-driven so adding a record is one entry. */
const SPECIFIC: { [K in CaseRecordName]: (r: CaseAvroRecords[K]) => Specific } = {
  'hub.tribunal.AdmissionOrderIssued': (r) => ({
    cause: cause(r.courtCase), modality: r.targetModality, regime: r.targetRegime, programmeCode: r.targetProgrammeCode,
    administration: r.targetAdministration,
  }),
  'hub.tribunal.DiagnosisRequested': (r) => ({
    cause: cause(r.courtCase), modality: r.targetModality, regime: r.regime, programmeCode: r.targetProgrammeCode,
    details: { diagnosisType: r.diagnosisType, dueDate: r.dueDate },
  }),
  'hub.tribunal.HearingScheduled': (r) => ({
    cause: cause(r.courtCase), details: { hearingAt: r.scheduledAt, hearingId: r.envelope.sourceRecordId },
  }),
  'hub.tribunal.EgressResolved': (r) => ({
    cause: cause(r.courtCase), programmeCode: r.fromProgrammeCode,
    details: {
      decision: r.decision, destination: r.destination, destinationModality: r.destinationModality,
      destinationProgrammeCode: r.destinationProgrammeCode, fromProgrammeCode: r.fromProgrammeCode,
    },
  }),
  'hub.sename.AdmissionRegistered': (r) => ({
    caseRef: r.caseId, programmeCode: r.programmeCode, modality: r.modality, regime: r.regime, administration: r.administration,
    cause: cause(r.courtCase), details: { admissionKind: r.admissionKind, derivationId: r.derivationId },
  }),
  'hub.sename.DiagnosisReported': (r) => ({
    caseRef: r.caseId, programmeCode: r.programmeCode, cause: cause(r.courtCase), details: { diagnosisType: r.diagnosisType },
  }),
  'hub.sename.InterventionPlanCreated': (r) => ({
    caseRef: r.caseId, programmeCode: r.programmeCode, details: { planType: r.planType },
  }),
  'hub.sename.InterventionEscalated': (r) => ({
    caseRef: r.caseId, programmeCode: r.programmeCode, details: { planType: r.fromPlanType, toPlanType: r.toPlanType },
  }),
  'hub.sename.EgressProposed': (r) => ({
    caseRef: r.caseId, programmeCode: r.programmeCode, cause: cause(r.courtCase),
    details: {
      destination: r.proposedDestination, cause: r.proposedCause, destinationModality: r.destinationModality,
      destinationProgrammeCode: r.destinationProgrammeCode,
    },
  }),
  'hub.sename.EgressExecuted': (r) => ({
    caseRef: r.caseId, programmeCode: r.programmeCode, cause: cause(r.courtCase),
    details: {
      cause: r.cause, destination: r.destination, destinationModality: r.destinationModality,
      destinationProgrammeCode: r.destinationProgrammeCode, derivationId: r.derivationId,
    },
  }),
  'hub.sename.AbscondmentRecorded': (r) => ({
    caseRef: r.caseId, programmeCode: r.programmeCode, details: { abscondmentKind: r.kind },
  }),
  'hub.municipality.CaseOpened': (r) => ({ comunaCode: r.comunaCode, details: { signalCode: r.origin } }),
  'hub.municipality.ReferralMade': (r) => ({
    comunaCode: r.comunaCode, modality: r.targetModality, details: { signalCode: r.target },
  }),
  'hub.municipality.AlertRaised': (r) => ({ comunaCode: r.comunaCode, details: { signalCode: r.source } }),
  'hub.municipality.CaseClosed': (r) => ({ comunaCode: r.comunaCode, details: { signalCode: null } }),
  'hub.school.EnrollmentRegistered': () => ({ details: { signalCode: 'MATRICULA' } }),
  'hub.school.WithdrawalRegistered': (r) => ({ details: { signalCode: r.reason } }),
  'hub.school.ChronicAbsenceAlertRaised': () => ({ details: { signalCode: 'AUSENTISMO_CRONICO' } }),
  'hub.health.EmergencyVisitRecorded': (r) => ({
    details: { signalCode: r.maltreatmentSuspected ? 'URGENCIA_SOSPECHA_MALTRATO' : 'URGENCIA' },
  }),
  'hub.health.NewbornRegistered': () => ({ details: { signalCode: 'RECIEN_NACIDO' } }),
  'hub.health.ProgrammeEnrolled': (r) => ({ details: { signalCode: r.programme } }),
};

/** True for the record names this core reads (the adapter skips everything else). */
export function isCaseRecordName(name: string): name is CaseRecordName {
  return Object.prototype.hasOwnProperty.call(SPECIFIC, name);
}

/**
 * Maps one decoded Avro event to the core's view. `childId` is the golden id the identity service
 * gives the event's person record; the mapper never guesses it.
 */
export function fromAvro<K extends CaseRecordName>(recordName: K, record: CaseAvroRecords[K], childId: string): CaseInputEvent {
  const r = record as unknown as Common;
  const s = (SPECIFIC[recordName] as (x: CaseAvroRecords[K]) => Specific)(record);
  const namespace = recordName.split('.')[1] ?? '';
  return {
    eventId: r.envelope.eventId,
    eventTime: r.envelope.occurredAt,
    recordedAt: r.envelope.recordedAt,
    recordName,
    institution: INSTITUTION_OF_NAMESPACE[namespace] ?? 'SENAME',
    childId,
    sourceRecordKey: `${r.person.source}:${r.person.sourceRecordId}`,
    sourceRecordId: r.envelope.sourceRecordId,
    sourceUnit: r.envelope.sourceUnit,
    caseRef: s.caseRef ?? null,
    programmeCode: s.programmeCode ?? null,
    modality: s.modality ?? null,
    regime: s.regime ?? null,
    administration: s.administration ?? null,
    cause: s.cause ?? null,
    // Residence as the person record says; a municipal event's own comuna is the office's, used only as fallback.
    comunaCode: r.person.comunaCode ?? s.comunaCode ?? null,
    sex: r.person.sex,
    details: s.details ?? {},
  };
}

/** Normalises a capacity declaration (not a child event) for the occupancy indicators. */
export function capacityFromAvro(r: CapacityDeclared): CapacityDeclaration {
  return {
    programmeCode: r.programmeCode, modality: r.modality, regime: r.regime, administration: r.administration, comunaCode: r.comunaCode,
    places: r.places, validFrom: r.validFrom, validTo: r.validTo, declaredAt: r.envelope.occurredAt,
  };
}
