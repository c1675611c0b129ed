/**
 * Link-ledger entries: the immutable history of every identity decision (table identity_ledger,
 * append-only). Pure types and builders; the store writes them. Every entry names its actor,
 * a reason and, for engine decisions, the score explanation and the model version that produced
 * it, so any link can be explained and reproduced later.
 */
import type { PairExplanation } from './matching';

export const LEDGER_KINDS = [
  'created', 'linked', 'unlinked', 'merged', 'split', 'golden-changed',
  'review-opened', 'review-resolved', 'review-closed', 'vetoed', 'retired',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** The streaming engine's actor name; people are `user:<subject>`. */
export const ENGINE_ACTOR = 'engine';

/** Explanations stored with an entry: the engine's pair explanations, or free structured detail. */
export interface LedgerExplanation {
  readonly decision?: string;
  readonly pairs?: readonly PairExplanation[];
  readonly [detail: string]: unknown;
}

/** An entry to append (seq and time are assigned by the database). */
export interface NewLedgerEntry {
  readonly identityId: string;
  readonly kind: LedgerKind;
  readonly recordKey: string | null;
  readonly otherIdentityId: string | null;
  readonly actor: string;
  readonly reason: string;
  readonly explanation: LedgerExplanation | null;
  readonly modelVersion: string | null;
  /** Input event id (stream) or request id (API) that caused the entry. */
  readonly causeId: string | null;
}

/** An entry as stored. */
export interface LedgerEntry extends NewLedgerEntry {
  readonly seq: string;
  readonly at: Date;
}

export function ledgerEntry(e: Partial<NewLedgerEntry> & Pick<NewLedgerEntry, 'identityId' | 'kind' | 'actor' | 'reason'>): NewLedgerEntry {
  return {
    recordKey: null, otherIdentityId: null, explanation: null, modelVersion: null, causeId: null, ...e,
  };
}
