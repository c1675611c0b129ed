/**
 * Candidate pairs of a batch, in compact typed arrays (no per-pair objects): every blocking key is
 * hashed to 32 bits and packed with the record index into one float64 (exact up to 2^53), sorted
 * natively, and cut into blocks; pairs are packed the same way, sorted and de-duplicated.
 * A hash collision only merges two blocks (a few extra comparisons), never loses a pair.
 */
import { blockCap, blockingKeys } from './blocking';
import type { MatchingModel, NormalisedPerson } from './types';

export interface CandidatePairs {
  /** Packed `i * 2^bits + j` with i < j, sorted ascending, unique. */
  readonly packed: Float64Array;
  readonly bits: number;
  readonly blocks: number;
  /** Blocks over the cap (skewed keys), skipped. */
  readonly skippedBlocks: number;
  readonly skippedRecordSlots: number;
  readonly largestKeptBlock: number;
  /** Hashes of the blocks kept (size 2..cap), ascending: lets callers ask "would this key pair them?". */
  readonly keptBlockHashes: Float64Array;
}

/** The block hash of a key (broad keys in the odd half, see candidatePairs). */
export function blockHash(key: string, cap: number, bits: number): number {
  const halfMask = 2 ** (Math.min(32, 53 - bits) - 1);
  return (fnv1a(key) % halfMask) * 2 + (blockCap(key, cap) !== cap ? 1 : 0);
}

/** Binary search in an ascending Float64Array. */
export function hasSorted(sorted: Float64Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function pairBits(n: number): number {
  return Math.max(1, Math.ceil(Math.log2(n + 1)));
}

export function candidatePairs(
  records: readonly NormalisedPerson[], model: MatchingModel, phon: (w: string) => string,
  onProgress?: (done: number, total: number) => void,
): CandidatePairs {
  const n = records.length;
  const bits = pairBits(n);
  if (2 * bits > 53) throw new RangeError('too many records for one batch');
  const hashScale = 2 ** bits;
  const cap = model.blocking.maxBlockSize;
  let entries: Float64Array = new Float64Array(Math.max(16, n * 8));
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (const key of blockingKeys(records[i]!, model, phon)) {
      if (count === entries.length) entries = grow(entries);
      // Broad keys hash into the odd half, precise keys into the even half: the cap of a block
      // is then known from its hash alone.
      entries[count++] = blockHash(key, cap, bits) * hashScale + i;
    }
    if (onProgress && (i & 0xffff) === 0) onProgress(i, n);
  }
  const sorted = entries.subarray(0, count).sort();
  const broadCap = Math.max(2, cap >> 1);
  let pairs: Float64Array = new Float64Array(Math.max(16, n * 4));
  let pc = 0;
  let blocks = 0;
  let skippedBlocks = 0;
  let skippedRecordSlots = 0;
  let largestKeptBlock = 0;
  let kept: Float64Array = new Float64Array(1024);
  let keptCount = 0;
  let start = 0;
  while (start < count) {
    const h = Math.floor(sorted[start]! / hashScale);
    let end = start + 1;
    while (end < count && Math.floor(sorted[end]! / hashScale) === h) end++;
    const size = end - start;
    if (size > (h % 2 === 1 ? broadCap : cap)) { skippedBlocks++; skippedRecordSlots += size; } else if (size > 1) {
      blocks++;
      if (keptCount === kept.length) kept = grow(kept);
      kept[keptCount++] = h;
      if (size > largestKeptBlock) largestKeptBlock = size;
      for (let x = start; x < end; x++) {
        const i = sorted[x]! - h * hashScale;
        for (let y = x + 1; y < end; y++) {
          const j = sorted[y]! - h * hashScale;
          if (i === j) continue; // one record with two keys of one hash
          if (pc === pairs.length) pairs = grow(pairs);
          pairs[pc++] = i < j ? i * hashScale + j : j * hashScale + i;
        }
      }
    }
    start = end;
  }
  const all = pairs.subarray(0, pc).sort();
  let u = 0;
  for (let x = 0; x < all.length; x++) if (x === 0 || all[x] !== all[x - 1]) all[u++] = all[x]!;
  return { packed: all.slice(0, u), bits, blocks, skippedBlocks, skippedRecordSlots, largestKeptBlock, keptBlockHashes: kept.slice(0, keptCount) };
}

function grow(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
