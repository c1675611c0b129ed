import type {
  AbscondmentKind, AdmissionKind, Administration, CareRegime, DiagnosisType, EgressCause, EgressDecision, EgressDestination,
  InterventionPlanType, ProgrammeModality, Sex,
} from '../../../schemas';

/**
 * The small, normalised view of a hub event that the case-status core works on.
 *
 * Why a view and not the Avro records: the core must not care which connector wrote an event or how
 * its schema evolves; it needs when it happened, whose it is, which stay it belongs to, and a handful
 * of coded fields. `fromAvro.ts` is the only place that knows the Avro shapes.
 */
export type CaseRecordName =
  | 'hub.tribunal.AdmissionOrderIssued'
  | 'hub.tribunal.DiagnosisRequested'
  | 'hub.tribunal.HearingScheduled'
  | 'hub.tribunal.EgressResolved'
  | 'hub.sename.AdmissionRegistered'
  | 'hub.sename.DiagnosisReported'
  | 'hub.sename.InterventionPlanCreated'
  | 'hub.sename.InterventionEscalated'
  | 'hub.sename.EgressProposed'
  | 'hub.sename.EgressExecuted'
  | 'hub.sename.AbscondmentRecorded'
  | 'hub.municipality.CaseOpened'
  | 'hub.municipality.ReferralMade'
  | 'hub.municipality.AlertRaised'
  | 'hub.municipality.CaseClosed'
  | 'hub.school.EnrollmentRegistered'
  | 'hub.school.WithdrawalRegistered'
  | 'hub.school.ChronicAbsenceAlertRaised'
  | 'hub.health.EmergencyVisitRecorded'
  | 'hub.health.NewbornRegistered'
  | 'hub.health.ProgrammeEnrolled';

export type Institution = 'TRIBUNAL' | 'SENAME' | 'MUNICIPALITY' | 'SCHOOL' | 'HEALTH';

/** A court cause: (courtCode, rit) identifies it; the RIT alone is unique only within its court. */
export interface CauseRef {
  readonly courtCode: string;
  readonly rit: string;
}

/** Coded payload fields the core reads. Every field is optional: which ones are set depends on recordName. */
export interface CaseEventDetails {
  readonly admissionKind?: AdmissionKind;
  readonly derivationId?: string | null;
  readonly diagnosisType?: DiagnosisType;
  /** Court-set due date of a diagnosis request, YYYY-MM-DD. */
  readonly dueDate?: string | null;
  readonly planType?: InterventionPlanType;
  readonly toPlanType?: InterventionPlanType;
  readonly decision?: EgressDecision;
  readonly destination?: EgressDestination | null;
  readonly destinationModality?: ProgrammeModality | null;
  readonly destinationProgrammeCode?: string | null;
  readonly fromProgrammeCode?: string | null;
  readonly cause?: EgressCause | null;
  readonly abscondmentKind?: AbscondmentKind;
  /** When a scheduled hearing takes place (epoch ms). */
  readonly hearingAt?: number;
  /** Hearing id: a later HearingScheduled with the same id reschedules it. */
  readonly hearingId?: string;
  /** Free code of the signal (school reason, health programme, municipal target...), never narrative. */
  readonly signalCode?: string | null;
}

export interface CaseInputEvent {
  /** Idempotency id (envelope.eventId). Also the deterministic tiebreak for equal event times. */
  readonly eventId: string;
  /** When it happened in the world (envelope.occurredAt, epoch ms). All ordering uses this, never arrival. */
  readonly eventTime: number;
  /** When the hub accepted it (envelope.recordedAt). Kept for lateness metrics only. */
  readonly recordedAt: number;
  readonly recordName: CaseRecordName;
  readonly institution: Institution;
  /** The hub's golden child id, assigned by the identity service (not by the source). */
  readonly childId: string;
  /** `<source>:<person.sourceRecordId>`: the source person record. Splits move events by this key. */
  readonly sourceRecordKey: string;
  /** The source's own record id (envelope.sourceRecordId): order, request, plan, proposal, admission id. */
  readonly sourceRecordId: string;
  readonly sourceUnit: string | null;
  /** The source's stay id (código de ingreso) for programme events; null for court and signal events. */
  readonly caseRef: string | null;
  readonly programmeCode: string | null;
  readonly modality: ProgrammeModality | null;
  readonly regime: CareRegime | null;
  readonly administration: Administration | null;
  readonly cause: CauseRef | null;
  /** The child's comuna of residence as this source knows it (CUT code). */
  readonly comunaCode: string | null;
  readonly sex: Sex | null;
  readonly details: CaseEventDetails;
}

/** Canonical key of a court cause. Never logged: RIT reveals a protection cause. */
export function causeKey(cause: CauseRef): string {
  return `${cause.courtCode}|${cause.rit}`;
}

/** Event-time order with a deterministic tiebreak, so any arrival order sorts the same. */
export function compareEvents(a: CaseInputEvent, b: CaseInputEvent): number {
  if (a.eventTime !== b.eventTime) return a.eventTime - b.eventTime;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}
