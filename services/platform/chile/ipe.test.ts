import fc from 'fast-check';
import { parseIpe } from './ipe';
import { mod11CheckDigit } from './mod11';

// Invented values; the real IPE format is not documented (see ipe.ts).
describe('parseIpe: examples', () => {
  it.each(['100.123.456-7', '100123456-7', 'IPE 100123456-7', 'ipe: 100 123 456 - 7'])(
    'Given %p, When parsed, Then the digits are 100123456 and the DV 7 is reported apart',
    (input) => {
      expect(mod11CheckDigit('100123456')).toBe('7');
      expect(parseIpe(input)).toEqual({ ok: true, normalized: '100123456', dv: '7', dvStatus: 'MATCHES_MOD11' });
    },
  );

  it('Given an IPE without hyphen, When parsed, Then every digit belongs to the number (no DV is guessed)', () => {
    expect(parseIpe('1001234567')).toEqual({ ok: true, normalized: '1001234567', dv: null, dvStatus: 'ABSENT' });
    expect(parseIpe(1001234567)).toEqual({ ok: true, normalized: '1001234567', dv: null, dvStatus: 'ABSENT' });
  });

  it('Given a DV that modulo 11 does not predict, When parsed, Then the IPE is still accepted and the mismatch is reported', () => {
    expect(parseIpe('100123456-K')).toEqual({ ok: true, normalized: '100123456', dv: 'K', dvStatus: 'DIFFERS_FROM_MOD11' });
  });

  it('Given leading zeros, When parsed, Then they are kept (their meaning is unknown)', () => {
    expect(parseIpe('0012345')).toMatchObject({ ok: true, normalized: '0012345' });
  });

  it.each([
    [null, 'EMPTY'], ['', 'EMPTY'], [' - ', 'EMPTY'],
    ['abc', 'MALFORMED'], ['100123456-', 'MALFORMED'], ['100-123-456', 'MALFORMED'], ['IPE', 'MALFORMED'], ['12.345.678-5-1', 'MALFORMED'],
    ['1234', 'OUT_OF_RANGE'], ['1234567890123', 'OUT_OF_RANGE'],
    ['111111111', 'PLACEHOLDER'], ['00000', 'PLACEHOLDER'],
  ])('Given %p, When parsed, Then it is rejected as %s', (input, reason) => {
    expect(parseIpe(input)).toEqual({ ok: false, reason });
  });
});

describe('parseIpe: properties', () => {
  it('Given any 5–12 digit number, When written with dots, spaces or an IPE prefix, Then it normalises to its digits', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{5,12}$/).filter((d) => !/^(\d)\1*$/.test(d)), (digits) => {
      const dotted = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      for (const text of [digits, dotted, `IPE ${dotted}`, ` ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} `]) {
        expect(parseIpe(text)).toEqual({ ok: true, normalized: digits, dv: null, dvStatus: 'ABSENT' });
      }
    }));
  });

  it('Given arbitrary text, When parsed, Then it never throws and an accepted value re-parses to the same digits', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\d .\-kK]{0,16}$/)), (text) => {
      const parsed = parseIpe(text);
      if (parsed.ok) expect(parseIpe(parsed.normalized)).toMatchObject({ ok: true, normalized: parsed.normalized });
    }));
  });
});
