import fc from 'fast-check';
import { decodeSeqRanges, encodeSeqRanges } from './seq-ranges';

describe('outbox seq ranges', () => {
  it('Given a contiguous batch with gaps, When encoded, Then it is a short list of ranges', () => {
    expect(encodeSeqRanges([5n, 3n, 4n, 9n, 10n, 12n])).toBe('3-5,9-10,12');
    expect(encodeSeqRanges([])).toBe('');
  });

  it('Given any set of seqs, When encoded and decoded, Then exactly the same seqs come back', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.bigInt({ min: 1n, max: 10n ** 12n }), { maxLength: 200 }), (seqs) => {
      const ranges = decodeSeqRanges(encodeSeqRanges(seqs))!;
      const back: bigint[] = [];
      for (const r of ranges) for (let s = r.first; s <= r.last; s++) back.push(s);
      expect(back).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
    }), { numRuns: 200 });
  });

  it('Given a position that is not a seq list (another writer), When decoded, Then it is refused', () => {
    expect(decodeSeqRanges('42')).toEqual([{ first: 42n, last: 42n }]);
    expect(decodeSeqRanges('5-3')).toBeNull();
    expect(decodeSeqRanges('abc')).toBeNull();
  });
});
