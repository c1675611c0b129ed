/**
 * Data types of the matching engine. Every value is plain JSON (the streaming service stores
 * NormalisedPerson as jsonb and the model as a JSON file), so no Maps, Sets or class instances.
 */

/** One comparison level of a field: its name and its probabilities under each latent class. */
export interface LevelParams {
  readonly name: string;
  /** P(level | same child). */
  readonly m: number;
  /** P(level | different, unrelated children). */
  readonly u: number;
  /** P(level | different children of the same household: siblings, twins, cousins at one address). */
  readonly h: number;
  /** P(level | different children with the same names: namesakes). Absent in old models: = u. */
  readonly n?: number;
}

export interface FieldParams {
  readonly name: string;
  /** Levels in the order the comparator returns them; the last one is always `null` (a side missing). */
  readonly levels: readonly LevelParams[];
}

/** Decision thresholds, on the posterior log2-odds that a pair is the same child. */
export interface Thresholds {
  /** At or above: automatic link (when no guard fires). */
  readonly autoLink: number;
  /** At or above (and below autoLink): human review. Below: a new identity. */
  readonly review: number;
  /** A second candidate identity within this many bits of the best one is a near-tie → review. */
  readonly nearTie: number;
  /**
   * The household guard is lifted in a batch whose estimated share of twins among the guarded
   * pairs is at or below this (household.ts). Absent: 0.01.
   */
  readonly maxTwinShare?: number;
}

/** What a batch showed about households (household.ts): whether the twin/household guard applies. */
export interface HouseholdEvidence {
  /** Candidate pairs that are clearly siblings: family surnames, address, different given name and birth date. */
  readonly siblingPairs: number;
  /** Candidate pairs the guard holds back that twins would also produce. */
  readonly guardedPairs: number;
  /** Estimated share of twins among the guarded pairs. */
  readonly twinShare: number;
  /** true: the guard applies (households present, or too little evidence to say). */
  readonly guard: boolean;
}

/** Similarity bands and other comparator knobs (typed config; changing them needs retraining). */
export interface ComparatorConfig {
  /** Jaro-Winkler at or above: a "close" name (a typo). */
  readonly jwHigh: number;
  /** Jaro-Winkler at or above: a "similar" name (weaker level). */
  readonly jwLow: number;
  /** Given-name nicknames → canonical name (folded upper case), e.g. PANCHO → FRANCISCO. */
  readonly nicknames: Readonly<Record<string, string>>;
}

export interface BlockingConfig {
  /** Which key families to emit (see blocking.ts). */
  readonly keys: readonly string[];
  /** Blocks with more records than this are skewed: skipped (batch) or truncated (streaming). */
  readonly maxBlockSize: number;
}

export interface TermFrequencies {
  /** Relative frequency of the most common given-name tokens (folded upper case). */
  readonly given: Readonly<Record<string, number>>;
  /** Relative frequency of the most common surnames (paternal and maternal pooled). */
  readonly surname: Readonly<Record<string, number>>;
  /** Expected frequency of an agreeing value (Σ f²): the baseline an adjustment is relative to. */
  readonly givenMean?: number;
  readonly surnameMean?: number;
  /** Frequency assumed for a value not in the table (rare names): capped so rarity never dominates. */
  readonly floor: number;
  /** Largest |adjustment| in bits a term frequency may add to a field weight. */
  readonly maxAdjustment: number;
}

export interface TrainingInfo {
  readonly records: number;
  readonly candidatePairs: number;
  readonly patterns: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Thresholds, comparison levels, blocking keys, caps, m/u/h probabilities, term frequencies, version. */
export interface MatchingModel {
  readonly version: string;
  /** Class proportions among candidate pairs: same child, same household, unrelated. Sum to 1. */
  readonly prior: { readonly match: number; readonly household: number; readonly unrelated: number; readonly namesake?: number };
  readonly fields: readonly FieldParams[];
  readonly thresholds: Thresholds;
  readonly comparators: ComparatorConfig;
  readonly blocking: BlockingConfig;
  readonly tf: TermFrequencies;
  readonly training: TrainingInfo | null;
  /** Household evidence of the training data. Absent (streaming, untrained): the guard applies. */
  readonly household?: HouseholdEvidence;
}

/** A PersonRecord normalised for matching. `key` = `${source}|${sourceRecordId}`. */
export interface NormalisedPerson {
  readonly key: string;
  readonly source: string;
  readonly sourceRecordId: string;
  /** Canonical valid RUN (`12345678-5`), or null when absent or invalid (invalid = missing). */
  readonly run: string | null;
  /** `SCHEME:VALUE` of other identifiers (scheme upper case, value without separators), sorted. */
  readonly identifiers: readonly string[];
  /** Given-name core tokens, accents and Ñ folded, upper case. Empty when missing or a placeholder. */
  readonly given: readonly string[];
  /** Paternal surname core tokens joined by a space, or null. */
  readonly paternal: string | null;
  /** Maternal surname core tokens joined by a space, or null. */
  readonly maternal: string | null;
  /** Paternal surname with particles, no spaces (`DELAFUENTE`): compound surnames written joined. */
  readonly paternalFull: string | null;
  readonly maternalFull: string | null;
  /** Birth date parts; 0 = unknown part. null when no usable date was given. */
  readonly birth: { readonly y: number; readonly m: number; readonly d: number } | null;
  readonly sex: 'F' | 'M' | 'X' | null;
  readonly comuna: string | null;
  /** Street line, folded upper case, or null. */
  readonly street: string | null;
  readonly locality: string | null;
  readonly postcode: string | null;
  /** Phone digits (last 8), or null. */
  readonly phone: string | null;
  /** Set when a name field held a placeholder such as "RN de …" (newborn) — a hint for the guards. */
  readonly newborn: boolean;
}

export interface FieldComparison { readonly field: string; readonly level: string; readonly weight: number }

export interface PairExplanation {
  /** The candidate record compared. */
  readonly recordKey: string;
  /** Total log2 Bayes factor (posterior log2-odds of "same child", prior included). */
  readonly weight: number;
  /** Posterior match probability. */
  readonly probability: number;
  readonly fields: readonly FieldComparison[];
  /** Deterministic rules and guards that fired. */
  readonly rules: readonly string[];
}

export interface CandidateIdentity { readonly identityId: string; readonly records: readonly NormalisedPerson[] }

export type ReviewReason = 'grey-zone' | 'near-tie' | 'bridge' | 'newborn-mother-run' | 'run-conflict' | string;

export type MatchDecision =
  | { readonly kind: 'link'; readonly identityId: string; readonly explanation: PairExplanation }
  | { readonly kind: 'new'; readonly best: PairExplanation | null }
  | {
    readonly kind: 'review';
    readonly reason: ReviewReason;
    readonly candidates: readonly { identityId: string; explanation: PairExplanation }[];
  };
