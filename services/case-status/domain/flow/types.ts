import type {
  AbscondmentKind, AdmissionKind, Administration, CareRegime, DiagnosisType, EgressCause, EgressDecision, EgressDestination,
  InterventionPlanType, ProgrammeModality, Sex,
} from '../../../../schemas';
import type { CaseInputEvent, CaseRecordName, Institution } from '../case-input-event';
import type { DataQualityAlert, StateChange } from '../lifecycle/machine';
import type { CaseState, FromState, LifecycleTable } from '../lifecycle/types';

/** Linking and re-entry parameters (config/flow-rules.ts holds the values). */
export interface LinkingRules {
  /** An order links to an admission that follows it within this many days. */
  readonly orderToAdmissionDays: number;
  /** After an extrajudicial admission, an order within this many days is its regularisation. */
  readonly regularisationLinkDays: number;
  /** Sources' clocks disagree: an admission up to this many days before its order still links. */
  readonly clockSkewDays: number;
  /** A court event may follow the exit by this many days and still belong to the stay (formalisation). */
  readonly courtEventGraceDays: number;
  /** A court event before any admission links to a stay that starts within this many days. */
  readonly courtEventLeadDays: number;
  /** Without a derivation id, an exit to programme P and an admission to P within this many days are a transfer. */
  readonly transferWindowDays: number;
}

export interface ReentryRules {
  /** A new admission within this many calendar months after a discharge is a re-entry. */
  readonly windowMonths: number;
  /** Admissions that continue a transfer (derivation) are not re-entries unless this is true. */
  readonly countTransfers: boolean;
}

export interface FlowRules {
  readonly lifecycle: LifecycleTable;
  readonly linking: LinkingRules;
  readonly reentry: ReentryRules;
}

export interface AdmissionFacts {
  readonly eventId: string;
  readonly at: number;
  readonly kind: AdmissionKind;
  readonly programmeCode: string;
  readonly modality: ProgrammeModality | null;
  readonly regime: CareRegime | null;
  readonly administration: Administration | null;
  readonly comunaCode: string | null;
  readonly sex: Sex | null;
  readonly derivationId: string | null;
}

export interface DiagnosisRequestFacts {
  readonly eventId: string;
  readonly at: number;
  readonly diagnosisType: DiagnosisType | null;
  readonly regime: CareRegime | null;
  readonly dueDate: string | null;
  /** The report that answered it, if any (matched in time order). */
  readonly reportedAt: number | null;
  readonly reportEventId: string | null;
}

export interface ProposalFacts {
  readonly eventId: string;
  readonly at: number;
  readonly destination: EgressDestination | null;
  readonly resolution: { readonly eventId: string; readonly at: number; readonly decision: EgressDecision } | null;
}

export interface ExitFacts {
  readonly eventId: string;
  readonly at: number;
  readonly kind: 'PLANNED' | 'UNPLANNED';
  readonly cause: EgressCause | null;
  readonly destination: EgressDestination | null;
  readonly destinationModality: ProgrammeModality | null;
  readonly destinationProgrammeCode: string | null;
  readonly abscondmentKind: AbscondmentKind | null;
  readonly derivationId: string | null;
}

export interface HearingFacts {
  readonly hearingId: string;
  readonly eventId: string;
  /** When it was (last) scheduled. */
  readonly scheduledEventAt: number;
  /** When it takes place. */
  readonly hearingAt: number;
}

export interface ReentryFacts {
  readonly previousCaseId: string;
  readonly previousExitAt: number;
  readonly daysSinceExit: number;
}

/** One stay of one child in one programme, as derived from the events. */
export interface CaseView {
  /** `C:<programmeCode>:<source stay id>`, or `R:<order id>` for an order with no admission yet. Stable across merges and splits. */
  readonly caseId: string;
  readonly childId: string;
  readonly programmeCode: string | null;
  readonly modality: ProgrammeModality | null;
  readonly regime: CareRegime | null;
  readonly administration: Administration | null;
  /** Comuna of residence at admission (or as the order's person record says). */
  readonly comunaCode: string | null;
  readonly sex: Sex | null;
  readonly order: { readonly eventId: string; readonly at: number } | null;
  readonly admission: AdmissionFacts | null;
  readonly diagnosisRequests: readonly DiagnosisRequestFacts[];
  readonly diagnosisReports: readonly { readonly eventId: string; readonly at: number; readonly diagnosisType: DiagnosisType | null }[];
  readonly plans: readonly { readonly eventId: string; readonly at: number; readonly planType: InterventionPlanType | null }[];
  readonly escalations: readonly { readonly eventId: string; readonly at: number }[];
  readonly proposals: readonly ProposalFacts[];
  readonly resolutions: readonly { readonly eventId: string; readonly at: number; readonly decision: EgressDecision }[];
  readonly hearings: readonly HearingFacts[];
  /** The exit that holds (the last one if the stay was re-opened after a fuga). */
  readonly exit: ExitFacts | null;
  /** Every state change, including the hub's scheduled ones (follow-up end, closure) even if after the last event. */
  readonly history: readonly StateChange[];
  /** State right after the case's last event (timers due at that instant included). */
  readonly stateAfterLastEvent: FromState;
  readonly lastEventAt: number;
  readonly eventIds: readonly string[];
  readonly transferFrom: string | null;
  readonly transferTo: string | null;
  readonly reentry: ReentryFacts | null;
}

export type TimelineKind = 'STATE' | 'CONTEXT' | 'SIGNAL' | 'UNLINKED';

export interface TimelineEntry {
  readonly eventId: string;
  readonly at: number;
  readonly recordName: CaseRecordName;
  readonly institution: Institution;
  readonly caseId: string | null;
  readonly kind: TimelineKind;
  /** State of the case right after this event, for events that belong to a case. */
  readonly stateAfter: CaseState | null;
}

export interface ChildFlow {
  readonly childId: string;
  /** The child's event set, deduplicated by eventId and sorted by (eventTime, eventId): the only input of everything below. */
  readonly events: readonly CaseInputEvent[];
  readonly cases: readonly CaseView[];
  readonly timeline: readonly TimelineEntry[];
  readonly alerts: readonly DataQualityAlert[];
}
