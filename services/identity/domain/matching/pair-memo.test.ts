import { PairMemo } from './pair-memo';

describe('PairMemo', () => {
  it('Given stored pairs, When looked up in either order, Then the value comes back; unknown pairs miss', () => {
    const memo = new PairMemo(4);
    expect(memo.lookup(3, 7)).toBe(-1);
    memo.store(0.25);
    expect(memo.lookup(7, 3)).toBe(0.25);
    expect(memo.lookup(3, 8)).toBe(-1);
  });

  it('Given more pairs than the table holds, When stored, Then it clears itself and stays correct', () => {
    const memo = new PairMemo(4);
    for (let i = 0; i < 100; i++) {
      if (memo.lookup(i, i + 1) < 0) memo.store(i / 100);
      const v = memo.lookup(i, i + 1);
      expect(v === -1 || v === i / 100).toBe(true);
    }
  });
});
