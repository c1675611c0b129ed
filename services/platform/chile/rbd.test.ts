import fc from 'fast-check';
import { RBD_MAX, parseRbd, rbdMod11CheckDigit } from './rbd';

describe('parseRbd: examples', () => {
  it.each([['12345'], [12345], ['012345'], ['12.345'], [' 12345 ']])('Given %p, When parsed, Then it is RBD 12345 without a DV', (input) => {
    expect(parseRbd(input)).toEqual({ ok: true, rbd: 12345, normalized: '12345', dv: null, dvStatus: 'ABSENT' });
  });

  it('Given an RBD with its DV written after a hyphen, When the DV agrees with modulo 11, Then it says so', () => {
    expect(rbdMod11CheckDigit(12345)).toBe('5');
    expect(parseRbd('12345-5')).toEqual({ ok: true, rbd: 12345, normalized: '12345', dv: '5', dvStatus: 'MATCHES_MOD11' });
  });

  it('Given a DV that disagrees with modulo 11, When parsed, Then the RBD is still accepted (the DGV algorithm is unverified) and flagged', () => {
    expect(parseRbd('12345-k')).toEqual({ ok: true, rbd: 12345, normalized: '12345', dv: 'K', dvStatus: 'DIFFERS_FROM_MOD11' });
  });

  it('Given MINEDUC columns RBD and DGV_RBD, When parsed together, Then the DV comes from its own column', () => {
    expect(parseRbd('12345', '5')).toMatchObject({ ok: true, dv: '5', dvStatus: 'MATCHES_MOD11' });
    expect(parseRbd(12345, 5)).toMatchObject({ ok: true, dv: '5' });
    expect(parseRbd('12345', '')).toMatchObject({ ok: true, dv: null, dvStatus: 'ABSENT' });
    expect(parseRbd('12345-5', '5')).toMatchObject({ ok: true, dv: '5' });
  });

  it('Given digits without a hyphen, When parsed, Then they are all RBD (the last one is never taken as a DV)', () => {
    expect(parseRbd('123455')).toMatchObject({ ok: true, rbd: 123455, dv: null });
  });

  it.each([
    [null, 'EMPTY'], ['', 'EMPTY'], ['abc', 'MALFORMED'], ['12345-55', 'MALFORMED'], ['12345-X', 'MALFORMED'], ['-5', 'MALFORMED'],
    ['0', 'OUT_OF_RANGE'], ['000', 'OUT_OF_RANGE'], ['1234567', 'OUT_OF_RANGE'],
  ])('Given %p, When parsed, Then it is rejected as %s', (input, reason) => {
    expect(parseRbd(input)).toEqual({ ok: false, reason });
  });

  it('Given a DV in the text and a different one in DGV_RBD, or a DGV_RBD that is not a check digit, When parsed, Then it is MALFORMED', () => {
    expect(parseRbd('12345-5', '4')).toEqual({ ok: false, reason: 'MALFORMED' });
    expect(parseRbd('12345', '55')).toEqual({ ok: false, reason: 'MALFORMED' });
  });
});

describe('parseRbd: properties', () => {
  it('Given any RBD and its modulo-11 DV, When parsed in each layout, Then it normalises to the number and the DV matches', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: RBD_MAX }), (rbd) => {
      const dv = rbdMod11CheckDigit(rbd);
      const expected = { ok: true, rbd, normalized: String(rbd), dv, dvStatus: 'MATCHES_MOD11' };
      expect(parseRbd(`${rbd}-${dv}`)).toEqual(expected);
      expect(parseRbd(String(rbd), dv.toLowerCase())).toEqual(expected);
      expect(parseRbd(`0${rbd} - ${dv}`)).toEqual(expected);
    }));
  });

  it('Given arbitrary text, When parsed, Then it never throws', () => {
    fc.assert(fc.property(fc.string(), fc.option(fc.string()), (text, dgv) => {
      expect(() => parseRbd(text, dgv)).not.toThrow();
    }));
  });
});
