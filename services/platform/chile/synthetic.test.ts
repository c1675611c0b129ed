import fc from 'fast-check';
import { parseRun } from './run';
import { mulberry32, syntheticRun } from './synthetic';

describe('mulberry32', () => {
  it('Given the same seed twice, When drawing, Then both sequences are identical; another seed gives another sequence', () => {
    const draw = (seed: number) => { const r = mulberry32(seed); return Array.from({ length: 5 }, () => r()); };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('Given a pinned seed, When drawing, Then the first values never change between releases (generators stay replayable)', () => {
    const r = mulberry32(42);
    expect([r(), r()]).toEqual([0.6011037519201636, 0.44829055899754167]);
  });

  it('Given any seed, When drawing many values, Then each is in [0, 1) and they spread over the interval', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      const r = mulberry32(seed);
      const values = Array.from({ length: 200 }, () => r());
      for (const v of values) expect(v >= 0 && v < 1).toBe(true);
      expect(values.filter((v) => v < 0.5).length).toBeGreaterThan(60);
      expect(values.filter((v) => v >= 0.5).length).toBeGreaterThan(60);
    }), { numRuns: 50 });
  });
});

describe('syntheticRun', () => {
  it('Given any seed, When drawing RUNs, Then every one parses as a valid RUN in the default range', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      const r = mulberry32(seed);
      for (let i = 0; i < 20; i++) {
        const run = syntheticRun(r);
        expect(parseRun(run.normalized)).toEqual(run);
        expect(run.body).toBeGreaterThanOrEqual(5_000_000);
        expect(run.body).toBeLessThanOrEqual(29_999_999);
      }
    }), { numRuns: 50 });
  });

  it('Given the same seed, When drawing, Then the same RUNs come out', () => {
    const a = mulberry32(7); const b = mulberry32(7);
    expect([syntheticRun(a), syntheticRun(a)]).toEqual([syntheticRun(b), syntheticRun(b)]);
  });

  it('Given a range for children, When drawing, Then bodies stay inside it', () => {
    const r = mulberry32(1);
    for (let i = 0; i < 100; i++) {
      const { body } = syntheticRun(r, { minBody: 24_000_000, maxBody: 28_000_000 });
      expect(body >= 24_000_000 && body <= 28_000_000).toBe(true);
    }
  });

  it('Given a PRNG that returns the edges 0 and 0.9999…, When drawing, Then the bounds themselves are reachable', () => {
    expect(syntheticRun(() => 0, { minBody: 1_234_567, maxBody: 1_234_568 }).body).toBe(1_234_567);
    expect(syntheticRun(() => 0.9999999999, { minBody: 1_234_567, maxBody: 1_234_568 }).body).toBe(1_234_568);
  });

  it('Given a range that is a placeholder, or a PRNG out of [0, 1), When drawing, Then it throws instead of looping', () => {
    expect(() => syntheticRun(() => 0.5, { minBody: 22_222_222, maxBody: 22_222_222 })).toThrow(RangeError);
    expect(() => syntheticRun(() => 1)).toThrow(RangeError);
    expect(() => syntheticRun(() => Number.NaN)).toThrow(RangeError);
  });

  it('Given bounds outside what parseRun accepts or reversed, When drawing, Then it throws RangeError', () => {
    const r = mulberry32(1);
    expect(() => syntheticRun(r, { minBody: 999_999 })).toThrow(RangeError);
    expect(() => syntheticRun(r, { maxBody: 1_000_000_000 })).toThrow(RangeError);
    expect(() => syntheticRun(r, { minBody: 20_000_000, maxBody: 10_000_000 })).toThrow(RangeError);
    expect(() => syntheticRun(r, { minBody: 1.5 })).toThrow(RangeError);
  });
});
