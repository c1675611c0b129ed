/**
 * Outbox sequence numbers as a compact text, for the relay's Kafka checkpoint: `12-40,42,45-50`.
 * A batch is read in seq order, so it is nearly always one range; gaps appear when transactions
 * commit out of order. Pure.
 */
export function encodeSeqRanges(seqs: readonly bigint[]): string {
  const sorted = [...new Set(seqs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i]!;
    let last = first;
    while (i + 1 < sorted.length && sorted[i + 1] === last + 1n) last = sorted[++i]!;
    parts.push(first === last ? String(first) : `${first}-${last}`);
    i++;
  }
  return parts.join(',');
}

export interface SeqRange {
  readonly first: bigint;
  readonly last: bigint;
}

/** Inverse of encodeSeqRanges; null when the text is not such a list (a checkpoint of another writer). */
export function decodeSeqRanges(text: string): SeqRange[] | null {
  if (text === '') return [];
  const out: SeqRange[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return null;
    const first = BigInt(m[1]!);
    const last = m[2] === undefined ? first : BigInt(m[2]);
    if (last < first) return null;
    out.push({ first, last });
  }
  return out;
}
