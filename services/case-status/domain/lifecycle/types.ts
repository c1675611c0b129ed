import type { ProgrammeModality } from '../../../../schemas';
import type { CaseRecordName, Institution } from '../case-input-event';

/** Canonical case states S0–S12 (domain.md §3.2). A case is one stay in one programme. */
export type CaseState =
  | 'REFERRAL_ORDERED'
  | 'ADMITTED_PROVISIONAL'
  | 'ADMITTED'
  | 'IN_RECEPTION'
  | 'IN_DIAGNOSIS'
  | 'REPORTED_TO_COURT'
  | 'IN_INTERVENTION_BRIEF'
  | 'IN_INTERVENTION_SPECIALISED'
  | 'EGRESS_PROPOSED'
  | 'EGRESS_ORDERED'
  | 'DISCHARGED'
  | 'IN_FOLLOW_UP'
  | 'CLOSED';

/** `NONE`: the case has no state yet (its first event starts it). */
export type FromState = CaseState | 'NONE';

export interface StateDefinition {
  readonly id: CaseState;
  readonly code: string;
  readonly es: string;
  readonly en: string;
  /** The child is in the programme (between admission or order and discharge). */
  readonly active: boolean;
  /** After the exit: only the follow-up and closure timers apply. */
  readonly postDischarge: boolean;
}

/**
 * A condition on the event being applied or on the case, written as data.
 * `field` names a CaseInputEvent field, a `details` field (prefixed `details.`), or a case fact
 * (prefixed `case.`: modality, admissionKind, exitKind, exitDestination, pendingDiagnosisRequest).
 */
export interface Guard {
  readonly field: string;
  readonly in?: readonly (string | boolean | null)[];
  readonly notIn?: readonly (string | boolean | null)[];
}

export interface EventTransition {
  readonly id: string;
  readonly trigger: CaseRecordName;
  readonly from: readonly FromState[];
  /** Target state, or `null`: the event is valid here but changes nothing (context). */
  readonly to: CaseState | null;
  readonly guards?: readonly Guard[];
  /** Institutions whose events may trigger it (checked against the event's institution). */
  readonly institutions: readonly Institution[];
  readonly es: string;
  readonly en: string;
}

/**
 * A transition the hub makes itself, with no source event: `afterDays` after the case entered
 * `from` (0 = at once). `afterDays: 'FOLLOW_UP'` uses the follow-up period of the case's rule.
 */
export interface AutomaticTransition {
  readonly id: string;
  readonly from: CaseState;
  readonly to: CaseState;
  readonly guards?: readonly Guard[];
  readonly afterDays: number | 'FOLLOW_UP' | 'ABSCONDMENT_REOPEN';
  readonly institutions: readonly Institution[] | readonly ['HUB'];
  readonly es: string;
  readonly en: string;
}

/** Which exits are followed up, and for how long (domain.md §3.5). */
export interface FollowUpRule {
  readonly modalities: readonly ProgrammeModality[];
  readonly destinations: readonly string[];
  readonly days: number;
}

export interface LifecycleTable {
  readonly states: readonly StateDefinition[];
  readonly transitions: readonly EventTransition[];
  readonly automatic: readonly AutomaticTransition[];
  readonly followUp: readonly FollowUpRule[];
  /** Modalities whose purpose is diagnosis (S4/S5 expected before an intervention). */
  readonly diagnosticModalities: readonly ProgrammeModality[];
  /** Days after a fuga/abandono during which a new event of the same stay re-opens it. */
  readonly abscondmentReopenDays: number;
  /** Records that never change a case: shown on the child's timeline as context signals. */
  readonly signalRecords: readonly CaseRecordName[];
}
