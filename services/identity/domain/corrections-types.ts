/**
 * Types of the corrections decider (corrections.ts): the state it reads, the commands, and the
 * outcome the store applies. Split out so the decider file holds decisions only.
 */
import type { GoldenInput, GoldenRecord, SurvivorshipPolicy } from './golden-record';
import type { NewLedgerEntry } from './ledger';
import type { PairExplanation } from './matching';
import type { TaskState } from './review-tasks';

export type IdentityStatus = 'active' | 'merged' | 'retired';

export interface IdentityState {
  readonly id: string;
  readonly status: IdentityStatus;
  readonly mergedInto: string | null;
  readonly records: readonly GoldenInput[];
  /** The golden record as stored (to detect changes); null when none was stored. */
  readonly golden: GoldenRecord | null;
}

export interface VetoState {
  readonly recordKey: string;
  readonly identityId: string;
}

/** What a task's stored explanation holds per candidate (store/types.ts ReviewTaskExplanation). */
export interface TaskCandidateExplanation {
  readonly identityId: string;
  readonly explanation: PairExplanation;
}

export interface CorrectionTask extends TaskState {
  readonly candidates?: readonly TaskCandidateExplanation[];
}

/**
 * Everything a command may touch: the identities involved (and every identity on their redirect
 * chains), the open tasks that refer to them (plus the task a resolution names, whatever its
 * status), and the vetoes on their records or on them.
 */
export interface CorrectionState {
  readonly identities: Readonly<Record<string, IdentityState>>;
  readonly tasks: readonly CorrectionTask[];
  readonly vetoes: readonly VetoState[];
}

export type CorrectionCommand =
  | { readonly kind: 'resolve-task'; readonly taskId: string; readonly decision: 'link'; readonly identityId: string }
  | { readonly kind: 'resolve-task'; readonly taskId: string; readonly decision: 'new' }
  | { readonly kind: 'resolve-task'; readonly taskId: string; readonly decision: 'not-the-same'; readonly identityId?: string }
  | { readonly kind: 'merge'; readonly identityId: string; readonly into: string }
  | { readonly kind: 'split'; readonly identityId: string; readonly recordKeys: readonly string[]; readonly into?: string }
  | { readonly kind: 'unlink'; readonly identityId: string; readonly recordKey: string };

export interface CorrectionContext {
  /** `user:<credential id>`. */
  readonly actor: string;
  /** The reviewer's reason, stored in every ledger entry of the command. */
  readonly reason: string;
  /** Request id: the ledger's cause and the base of event ids. */
  readonly causeId: string;
  /** Id for an identity the command may create (split, "new identity"); unused otherwise. */
  readonly newIdentityId: string;
  readonly policy?: SurvivorshipPolicy;
}

export type CorrectionErrorCode =
  | 'TASK_NOT_FOUND' | 'TASK_NOT_OPEN' | 'IDENTITY_NOT_FOUND' | 'IDENTITY_MERGED' | 'IDENTITY_RETIRED'
  | 'SAME_IDENTITY' | 'NOT_A_CANDIDATE' | 'RECORD_NOT_IN_IDENTITY' | 'SPLIT_ALL_RECORDS' | 'NO_RECORDS'
  | 'VETOED' | 'VETO_CONFLICT' | 'REDIRECT_LOOP';

export interface CorrectionError {
  readonly code: CorrectionErrorCode;
  /** Ids only (no personal data): safe for messages and logs. */
  readonly params: Readonly<Record<string, string>>;
}

export type IdentityChangeKind = 'CREATED' | 'RECORD_LINKED' | 'RECORD_UNLINKED' | 'MERGED' | 'SPLIT' | 'GOLDEN_CHANGED' | 'RETIRED';

/** An identity event to publish (hub.identity.ChildIdentityChanged without envelope and seq). */
export interface IdentityChange {
  readonly childId: string;
  readonly kind: IdentityChangeKind;
  readonly status: 'ACTIVE' | 'MERGED' | 'RETIRED';
  readonly affectedRecordKeys: readonly string[];
  readonly recordKeys: readonly string[];
  readonly mergedInto: string | null;
  readonly mergedFrom: readonly string[];
  readonly relatedChildIds: readonly string[];
  readonly underReview: boolean;
  readonly golden: GoldenRecord | null;
  /** Index in `ledger` of the entry this event reports (its seq becomes the event's ledgerSeq). */
  readonly ledgerIndex: number;
  readonly actor: string;
  readonly reason: string;
  readonly modelVersion: string | null;
}

export interface IdentityWrite {
  readonly id: string;
  readonly created: boolean;
  readonly status: IdentityStatus;
  readonly mergedInto: string | null;
  readonly golden: GoldenRecord | null;
}

export interface TaskWrite {
  readonly id: string;
  readonly status: 'open' | 'resolved' | 'closed';
  readonly identityId: string;
  readonly candidateIdentityIds: readonly string[];
  /** Set when resolved ('link' | 'new-identity' | 'not-the-same') or closed (closing reason). */
  readonly resolution: string | null;
  readonly resolutionDetail: Readonly<Record<string, unknown>> | null;
}

export interface CorrectionOutcome {
  readonly identities: readonly IdentityWrite[];
  readonly recordMoves: readonly { readonly recordKey: string; readonly from: string; readonly to: string }[];
  readonly tasks: readonly TaskWrite[];
  readonly vetoes: readonly (VetoState & { readonly reason: string })[];
  readonly ledger: readonly NewLedgerEntry[];
  readonly events: readonly IdentityChange[];
  /** Every identity whose rows change (the store has them locked). */
  readonly touchedIdentityIds: readonly string[];
}

export type CorrectionResult =
  | { readonly ok: true; readonly outcome: CorrectionOutcome }
  | { readonly ok: false; readonly error: CorrectionError };
