/**
 * Batch clustering with guards. Naive union-find over every pair above the threshold chains
 * siblings and namesakes together (one strong pair per step, each plausible alone), so:
 *
 * 1. link pairs are taken strongest first (ties by record order, which is canonical: the input
 *    sorted by key, so the result does not depend on the input order);
 * 2. two clusters merge only when no cross pair carries a veto (two different valid RUNs, the
 *    twin pattern, a newborn under the mother's RUN) and the cross pairs *as a whole* favour a
 *    match (mean weight ≥ the review threshold);
 * 3. a record that links about as strongly (within `nearTie` bits) into another cluster that its
 *    own may not merge with (a bridge), or whose second-best identity is within `nearTie` bits of
 *    its best (a near-tie), is taken out and sent to review — no transitive auto-merge through an
 *    ambiguous record; then clusters are rebuilt.
 */
import { VETO_FLAGS, type ScoredPair } from './score';

export const VERDICT_NEW = 0;
export const VERDICT_REVIEW = 1;
export const VERDICT_LINK = 2;

export interface ClusterInput {
  readonly n: number;
  readonly packed: Float64Array;
  readonly bits: number;
  readonly weight: Float32Array;
  readonly verdict: Uint8Array;
  readonly nearTie: number;
  readonly reviewThreshold: number;
  /** Scores any pair (cross pairs are mostly not candidates). */
  readonly score: (i: number, j: number) => ScoredPair;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ClusterResult {
  /** Root record index of each record's cluster. */
  readonly root: Int32Array;
  /** Records taken out as bridges or near-ties, with the reason. */
  readonly ambiguous: ReadonlyMap<number, 'bridge' | 'near-tie'>;
  readonly refusedMerges: number;
}

export function clusterRecords(input: ClusterInput): ClusterResult {
  const { n, packed, bits, weight, verdict } = input;
  const scale = 2 ** bits;
  const links: number[] = [];
  for (let x = 0; x < packed.length; x++) if (verdict[x] === VERDICT_LINK) links.push(x);
  links.sort((p, q) => weight[q]! - weight[p]! || packed[p]! - packed[q]!);

  const first = buildClusters(input, links, scale, new Uint8Array(n));
  const ambiguous = findAmbiguous(input, first.root, scale);
  if (ambiguous.size === 0) return { root: first.root, ambiguous, refusedMerges: first.refused };
  const excluded = new Uint8Array(n);
  for (const i of ambiguous.keys()) excluded[i] = 1;
  const second = buildClusters(input, links, scale, excluded);
  return { root: second.root, ambiguous, refusedMerges: first.refused };
}

function buildClusters(input: ClusterInput, links: readonly number[], scale: number, excluded: Uint8Array): { root: Int32Array; refused: number } {
  const parent = new Int32Array(input.n);
  for (let i = 0; i < input.n; i++) parent[i] = i;
  const members = new Map<number, number[]>();
  const find = (i: number): number => {
    while (parent[i] !== i) { parent[i] = parent[parent[i]!]!; i = parent[i]!; }
    return i;
  };
  const membersOf = (r: number) => members.get(r) ?? [r];
  let refused = 0;
  links.forEach((x, k) => {
    const p = input.packed[x]!;
    const i = Math.floor(p / scale);
    const j = p - i * scale;
    if (excluded[i] || excluded[j]) return;
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) return;
    const A = membersOf(ri);
    const B = membersOf(rj);
    if (!mayMerge(input, A, B)) { refused++; return; }
    const [keep, drop] = ri < rj ? [ri, rj] : [rj, ri];
    parent[drop] = keep;
    members.set(keep, [...A, ...B]);
    members.delete(drop);
    if (input.onProgress && (k & 0x3fff) === 0) input.onProgress(k, links.length);
  });
  const root = new Int32Array(input.n);
  for (let i = 0; i < input.n; i++) root[i] = find(i);
  return { root, refused };
}

function mayMerge(input: ClusterInput, A: readonly number[], B: readonly number[]): boolean {
  if (A.length === 1 && B.length === 1) return true; // the link pair itself was already judged
  let sum = 0;
  for (const x of A) {
    for (const y of B) {
      const s = input.score(x, y);
      if (s.flags & VETO_FLAGS) return false;
      sum += Math.max(-40, Math.min(40, s.weight));
    }
  }
  return sum / (A.length * B.length) >= input.reviewThreshold;
}

function findAmbiguous(input: ClusterInput, root: Int32Array, scale: number): Map<number, 'bridge' | 'near-tie'> {
  // Per record: best weight into its own cluster, best link into another, best review into another.
  const own = new Float64Array(input.n).fill(-Infinity);
  const otherLink = new Float64Array(input.n).fill(-Infinity);
  const otherReview = new Float64Array(input.n).fill(-Infinity);
  for (let x = 0; x < input.packed.length; x++) {
    const v = input.verdict[x]!;
    if (v === VERDICT_NEW) continue;
    const p = input.packed[x]!;
    const i = Math.floor(p / scale);
    const j = p - i * scale;
    const w = input.weight[x]!;
    for (const [a, b] of [[i, j], [j, i]] as const) {
      if (root[a] === root[b]) { if (v === VERDICT_LINK && w > own[a]!) own[a] = w; } else if (v === VERDICT_LINK) { if (w > otherLink[a]!) otherLink[a] = w; } else if (w > otherReview[a]!) otherReview[a] = w;
    }
  }
  const out = new Map<number, 'bridge' | 'near-tie'>();
  for (let r = 0; r < input.n; r++) {
    if (own[r] === -Infinity) continue; // singletons are handled as grey zone, not here
    // Ambiguous only when the rival identity is about as good as its own: a record that links
    // far better into its cluster stays there (the refused merge was about other records).
    if (otherLink[r]! >= own[r]! - input.nearTie) out.set(r, 'bridge');
    else if (otherReview[r]! >= own[r]! - input.nearTie) out.set(r, 'near-tie');
  }
  return out;
}
