/**
 * Row shapes of the identity service's tables (migrations/0001_identity.sql), as the stream and
 * the review API (C3) read them. Repositories in this folder map rows to these types.
 */
import type { PersonRecord } from '../../../schemas/generated/person-record.v1';
import type { NormalisedPerson, PairExplanation } from '../domain/matching';

export type IdentityStatus = 'active' | 'merged' | 'retired';

export interface IdentityRow {
  readonly id: string;
  readonly status: IdentityStatus;
  /** Set only when status is 'merged': the identity this one redirects to. */
  readonly mergedInto: string | null;
  /** The golden record (domain/golden-record.ts, C3), stored as JSON. */
  readonly golden: unknown;
  /** Optimistic-concurrency counter, bumped on every change. */
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface IdentityRecordRow {
  /** `${source}|${sourceRecordId}`. */
  readonly recordKey: string;
  readonly identityId: string;
  readonly source: string;
  readonly sourceRecordId: string;
  readonly person: PersonRecord;
  readonly normalised: NormalisedPerson;
  readonly lastEventId: string;
  /** Envelope occurredAt of the last observation (recency for survivorship). */
  readonly observedAt: Date;
  readonly linkedAt: Date;
}

export type ReviewTaskStatus = 'open' | 'resolved' | 'closed';
export type ReviewResolution = 'link' | 'new-identity' | 'not-the-same';

export interface ReviewCandidate { readonly identityId: string; readonly explanation: PairExplanation }

/** Explanation stored with a review task: the engine's view when it opened the task. */
export interface ReviewTaskExplanation {
  readonly reason: string;
  readonly candidates: readonly ReviewCandidate[];
}

export interface ReviewTaskRow {
  readonly id: string;
  readonly status: ReviewTaskStatus;
  readonly reason: string;
  readonly recordKey: string;
  /** The (provisional) identity the record belongs to while the task is open. */
  readonly identityId: string;
  readonly candidateIdentityIds: readonly string[];
  readonly explanation: ReviewTaskExplanation;
  readonly modelVersion: string;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly resolvedAt: Date | null;
  readonly resolvedBy: string | null;
  /** ReviewResolution when resolved; the closing reason (e.g. 'record-re-evaluated') when closed. */
  readonly resolution: string | null;
  readonly resolutionDetail: unknown;
}

export interface VetoRow {
  readonly recordKey: string;
  readonly identityId: string;
  readonly actor: string;
  readonly reason: string | null;
  readonly at: Date;
}
