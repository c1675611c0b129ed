/**
 * Batch resolution and training, pure: normalised records in, identities, review items and the
 * (trained) model out. The same comparators, scorer, rules and thresholds as the streaming path.
 *
 * Order independence: records are first sorted by key, so blocking, pattern counts, EM and the
 * clustering order are functions of the *set* of records, not of the file order.
 */
import { clusterRecords, VERDICT_LINK, VERDICT_NEW, VERDICT_REVIEW } from './cluster';
import { Comparator } from './compare';
import { FIELD_COUNT } from './config';
import { runEm } from './em';
import { DEFAULT_MAX_TWIN_SHARE, effectiveFlags, householdEvidence, isGuardedTwinLike, isSiblingPattern } from './household';
import { compileModel, type CompiledModel } from './model';
import { blockingKeys } from './blocking';
import { blockHash, candidatePairs, hasSorted, type CandidatePairs } from './pairs';
import { buildPatterns, withTermFrequencies, type PairPatterns } from './patterns';
import { explain, logLikelihoods, pairVerdict, posteriorWeight, ruleNames, scorePair } from './score';
import type { HouseholdEvidence, MatchingModel, NormalisedPerson, PairExplanation } from './types';

export type Progress = (phase: 'blocking' | 'comparing' | 'training' | 'scoring' | 'clustering', done: number, total: number) => void;

export interface ReviewCandidate {
  readonly key: string;
  readonly childId: string;
  readonly explanation: PairExplanation;
}

export interface ReviewItem {
  readonly key: string;
  readonly reason: string;
  readonly candidates: readonly ReviewCandidate[];
}

export interface BatchStats {
  readonly records: number;
  readonly candidatePairs: number;
  readonly patterns: number;
  readonly blocks: number;
  readonly skippedBlocks: number;
  readonly largestBlock: number;
  readonly autoLinkPairs: number;
  readonly reviewPairs: number;
  readonly identities: number;
  readonly linkedRecords: number;
  readonly reviewRecords: number;
  readonly refusedMerges: number;
  /**
   * Pairs completeness estimated on identifier-confirmed pairs: of the pairs sharing a valid RUN
   * (or an identifier of one scheme), the share that the *other* keys also found. null when the
   * batch has too few such pairs to say (e.g. no identifiers at all).
   */
  readonly pairsCompleteness: number | null;
  readonly emIterations: number | null;
}

export interface BatchResult {
  /** childId per record, in the input order. */
  readonly childIds: readonly string[];
  readonly reviews: readonly ReviewItem[];
  readonly model: MatchingModel;
  readonly stats: BatchStats;
}

/**
 * A stable identity id derived from the cluster's smallest record key (order independent). Two
 * independently seeded 53-bit hashes: the first version used two correlated 32-bit FNV hashes
 * (effectively 32 bits), and at 100,000 identities two clusters got the same id — a false merge
 * made by the id, not by the matcher.
 */
export function childIdFor(minKey: string): string {
  const hex = (x: number) => x.toString(16).padStart(14, '0');
  return `NNA-${hex(cyrb53(minKey, 0x51ed))}${hex(cyrb53(minKey, 0x9e37))}`;
}

/** cyrb53 (public domain): a fast 53-bit string hash with good dispersion. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

interface Prepared {
  readonly sorted: readonly NormalisedPerson[];
  readonly order: Int32Array; // sorted position → input index
  readonly pairs: CandidatePairs;
  readonly patterns: PairPatterns;
  readonly model: MatchingModel;
  readonly compiled: CompiledModel;
  readonly cmp: Comparator;
}

function prepare(records: readonly NormalisedPerson[], base: MatchingModel, train: boolean, progress?: Progress): Prepared {
  const idx = Array.from({ length: records.length }, (_, i) => i);
  idx.sort((a, b) => (records[a]!.key < records[b]!.key ? -1 : records[a]!.key > records[b]!.key ? 1 : a - b));
  const sorted = idx.map((i) => records[i]!);
  const withTf = train ? withTermFrequencies(base, sorted) : base;
  const cmp = new Comparator(withTf.comparators);
  const phon = (w: string) => cmp.phon(w);
  const pairs = candidatePairs(sorted, withTf, phon, progress && ((d, t) => progress('blocking', d, t)));
  const compiledTf = compileModel(withTf);
  const randomPairs = train ? Math.min(1_000_000, Math.max(50_000, 2 * sorted.length)) : 0;
  const patterns = buildPatterns(sorted, pairs, compiledTf, cmp, progress && ((d, t) => progress('comparing', d, t)), randomPairs);
  let model = withTf;
  if (train && patterns.table.counts.length > 0) {
    progress?.('training', 0, 1);
    const household = measureHousehold(patterns, withTf.thresholds.maxTwinShare ?? DEFAULT_MAX_TWIN_SHARE);
    const em = runEm(patterns.table, withTf, undefined, undefined, household.guard);
    model = {
      ...withTf, household,
      version: `${withTf.version.replace(/-untrained$|\+em.*$/, '')}+em-${sorted.length}`,
      prior: em.prior, fields: em.fields,
      training: {
        records: sorted.length, candidatePairs: pairs.packed.length, patterns: patterns.table.counts.length,
        iterations: em.iterations, converged: em.converged,
      },
    };
    progress?.('training', 1, 1);
  }
  const compiled = compileModel(model);
  if (!compiled.householdGuard) {
    const lv = patterns.table.levels;
    for (let x = 0; x < patterns.flags.length; x++) {
      const q = patterns.patternOf[x]!;
      patterns.flags[x] = effectiveFlags(patterns.flags[x]!, false, lv.subarray(q * FIELD_COUNT, (q + 1) * FIELD_COUNT));
    }
  }
  return { sorted, order: Int32Array.from(idx), pairs, patterns, model, compiled, cmp };
}

/** Sibling and guarded twin-like candidate pairs of a batch (household.ts). */
function measureHousehold(patterns: PairPatterns, maxTwinShare: number): HouseholdEvidence {
  const { levels } = patterns.table;
  const sibling = new Uint8Array(patterns.table.counts.length);
  for (let q = 0; q < sibling.length; q++) sibling[q] = isSiblingPattern(levels.subarray(q * FIELD_COUNT, (q + 1) * FIELD_COUNT)) ? 1 : 0;
  let siblingPairs = 0;
  let guardedPairs = 0;
  for (let x = 0; x < patterns.patternOf.length; x++) {
    const q = patterns.patternOf[x]!;
    if (sibling[q]) siblingPairs++;
    else if (isGuardedTwinLike(levels.subarray(q * FIELD_COUNT, (q + 1) * FIELD_COUNT), patterns.flags[x]!)) guardedPairs++;
  }
  return householdEvidence(siblingPairs, guardedPairs, maxTwinShare);
}

/** EM training of m/u/h (three classes) and term frequencies from a batch of records. */
export function trainOnRecords(records: readonly NormalisedPerson[], base: MatchingModel, progress?: Progress): MatchingModel {
  return prepare(records, base, true, progress).model;
}

export function resolveBatch(records: readonly NormalisedPerson[], base: MatchingModel, train: boolean, progress?: Progress): BatchResult {
  const p = prepare(records, base, train, progress);
  const { sorted, pairs, patterns, compiled, cmp, model } = p;
  const n = sorted.length;
  const N = pairs.packed.length;
  const scale = 2 ** pairs.bits;

  // Weight per pattern once, then per pair = pattern weight with the pair's TF adjustment.
  const P = patterns.table.counts.length;
  const llm = new Float64Array(P);
  const llu = new Float64Array(P);
  const llh = new Float64Array(P);
  const lln = new Float64Array(P);
  for (let q = 0; q < P; q++) {
    const ll = logLikelihoods(compiled, patterns.table.levels.subarray(q * FIELD_COUNT, (q + 1) * FIELD_COUNT));
    llm[q] = ll.m; llu[q] = ll.u; llh[q] = ll.h; lln[q] = ll.n;
  }
  const weight = new Float32Array(N);
  const verdict = new Uint8Array(N);
  const t = model.thresholds;
  let autoLinkPairs = 0;
  let reviewPairs = 0;
  for (let x = 0; x < N; x++) {
    const q = patterns.patternOf[x]!;
    const w = posteriorWeight(compiled, { m: llm[q]!, u: llu[q]!, h: llh[q]!, n: lln[q]! }, patterns.tfAdj[x]!);
    weight[x] = w;
    const v = pairVerdict(w, patterns.flags[x]!, t);
    verdict[x] = v === 'link' ? VERDICT_LINK : v === 'review' ? VERDICT_REVIEW : VERDICT_NEW;
    if (v === 'link') autoLinkPairs++; else if (v === 'review') reviewPairs++;
    if (progress && (x & 0xfffff) === 0) progress('scoring', x, N);
  }

  const clusters = clusterRecords({
    n, packed: pairs.packed, bits: pairs.bits, weight, verdict, nearTie: t.nearTie, reviewThreshold: t.review,
    score: (i, j) => scorePair(compiled, cmp, sorted[i]!, sorted[j]!),
    onProgress: progress && ((d, tot) => progress('clustering', d, tot)),
  });

  // Identity ids: from the smallest key of each cluster (records are sorted, so the root's
  // smallest member is the first one met).
  const rootKey = new Map<number, string>();
  for (let i = 0; i < n; i++) { const r = clusters.root[i]!; if (!rootKey.has(r)) rootKey.set(r, sorted[i]!.key); }
  const childOfSorted = Array.from({ length: n }, (_, i) => childIdFor(rootKey.get(clusters.root[i]!)!));
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) size.set(clusters.root[i]!, (size.get(clusters.root[i]!) ?? 0) + 1);

  const reviews = collectReviews(p, clusters.root, clusters.ambiguous, size, weight, verdict, childOfSorted, scale);
  const childIds = new Array<string>(n);
  for (let s = 0; s < n; s++) childIds[p.order[s]!] = childOfSorted[s]!;

  let linkedRecords = 0;
  for (let i = 0; i < n; i++) if (size.get(clusters.root[i]!)! > 1) linkedRecords++;
  return {
    childIds, reviews, model,
    stats: {
      records: n, candidatePairs: N, patterns: P, blocks: pairs.blocks, skippedBlocks: pairs.skippedBlocks,
      largestBlock: pairs.largestKeptBlock, autoLinkPairs, reviewPairs, identities: size.size, linkedRecords,
      reviewRecords: reviews.length, refusedMerges: clusters.refusedMerges,
      pairsCompleteness: identifierCompleteness(p), emIterations: train ? model.training?.iterations ?? null : null,
    },
  };
}

function collectReviews(
  p: Prepared, root: Int32Array, ambiguous: ReadonlyMap<number, string>, size: ReadonlyMap<number, number>,
  weight: Float32Array, verdict: Uint8Array, childOf: readonly string[], scale: number,
): ReviewItem[] {
  const { sorted, pairs } = p;
  // Best non-`new` pairs per record that ends alone (a singleton) — grey zone, vetoed links, ambiguous.
  const candidates = new Map<number, number[]>();
  for (let x = 0; x < pairs.packed.length; x++) {
    if (verdict[x] === VERDICT_NEW) continue;
    const packed = pairs.packed[x]!;
    const i = Math.floor(packed / scale);
    const j = packed - i * scale;
    if (root[i] === root[j]) continue;
    for (const r of [i, j]) {
      if (size.get(root[r]!)! > 1 && !ambiguous.has(r)) continue;
      const list = candidates.get(r) ?? [];
      list.push(x);
      candidates.set(r, list);
    }
  }
  const out: ReviewItem[] = [];
  const keys = [...candidates.keys()].sort((a, b) => a - b);
  for (const r of keys) {
    const list = candidates.get(r)!.sort((a, b) => weight[b]! - weight[a]!).slice(0, 3);
    const other = (x: number) => { const packed = pairs.packed[x]!; const i = Math.floor(packed / scale); return i === r ? packed - i * scale : i; };
    const best = list[0]!;
    const rules = ruleNames(p.patterns.flags[best]!);
    const reason = ambiguous.get(r)
      ?? (rules.includes('newborn-mother-run') ? 'newborn-mother-run'
        : rules.includes('twin-pattern') ? 'twin-pattern'
          : rules.includes('run-conflict') ? 'run-conflict'
            : verdict[best] === VERDICT_LINK ? 'bridge'
              : rules.includes('household-only') ? 'household-only' : 'grey-zone');
    out.push({
      key: sorted[r]!.key, reason,
      candidates: list.map((x) => ({ key: sorted[other(x)]!.key, childId: childOf[other(x)]!, explanation: explain(p.compiled, p.cmp, sorted[r]!, sorted[other(x)]!) })),
    });
  }
  return out;
}

/**
 * Share of identifier-confirmed pairs (same valid RUN or same identifier) that the *other* keys
 * also bring together in a kept (not skipped) block: an estimate of pairs completeness for the
 * records that have no identifier. A deterministic sample of at most 20,000 such pairs.
 */
function identifierCompleteness(p: Prepared): number | null {
  const cap = p.model.blocking.maxBlockSize;
  const others: MatchingModel = { ...p.model, blocking: { ...p.model.blocking, keys: p.model.blocking.keys.filter((k) => k !== 'run' && k !== 'identifier') } };
  const confirmed = new Map<string, number[]>();
  p.sorted.forEach((r, i) => {
    if (r.run) confirmed.set(`R:${r.run}`, [...(confirmed.get(`R:${r.run}`) ?? []), i]);
    for (const x of r.identifiers) confirmed.set(`I:${x}`, [...(confirmed.get(`I:${x}`) ?? []), i]);
  });
  const truth: [number, number][] = [];
  for (const l of confirmed.values()) {
    if (l.length < 2 || l.length > 10) continue;
    for (let a = 0; a < l.length; a++) for (let b = a + 1; b < l.length; b++) truth.push([l[a]!, l[b]!]);
  }
  if (truth.length < 20) return null;
  const step = Math.max(1, Math.floor(truth.length / 20_000));
  const phon = (w: string) => p.cmp.phon(w);
  let hit = 0;
  let total = 0;
  for (let t = 0; t < truth.length; t += step) {
    const [i, j] = truth[t]!;
    total++;
    const ki = new Set(blockingKeys(p.sorted[i]!, others, phon));
    for (const k of blockingKeys(p.sorted[j]!, others, phon)) {
      if (ki.has(k) && hasSorted(p.pairs.keptBlockHashes, blockHash(k, cap, p.pairs.bits))) { hit++; break; }
    }
  }
  return Math.round((hit / total) * 10000) / 10000;
}
