import fc from 'fast-check';
import { formatRuc, parseRuc, rucCheckDigit } from './ruc';

// Synthetic RUC bodies only (the two worked examples of child-protection.md §2.6 are synthetic).
const body = fc.stringMatching(/^\d{10}$/).filter((b) => !/^(\d)\1*$/.test(b));

describe('parseRuc: examples', () => {
  it('Given the research worked examples, When computing the DV, Then 2320012345 → K and 1900123456 → 3', () => {
    expect(rucCheckDigit('2320012345')).toBe('K');
    expect(rucCheckDigit('1900123456')).toBe('3');
  });

  it.each(['2320012345-K', '2320012345-k', '23-2-0012345-K', '2320012345K', ' 23.2.0012345-K ', '23 2 0012345 K'])(
    'Given %p, When parsed, Then it is RUC 2320012345-K of 2023 with origin digit 2',
    (input) => {
      expect(parseRuc(input)).toEqual({
        ok: true, body: '2320012345', dv: 'K', normalized: '2320012345-K', year: 2023, origin: '2', sequence: '0012345',
      });
    },
  );

  it('Given the brief\'s illustration 1700123456-7, When parsed, Then its check digit is wrong: modulo 11 gives 0', () => {
    expect(parseRuc('1700123456-7')).toEqual({ ok: false, reason: 'CHECK_DIGIT' });
    expect(parseRuc('1700123456-0')).toMatchObject({ ok: true, year: 2017, origin: '0' });
  });

  it('Given a RUC of 2005, When parsed, Then the leading zero is kept in the body and the year is 2005', () => {
    const text = formatRuc('0520000001');
    expect(parseRuc(text)).toMatchObject({ ok: true, body: '0520000001', year: 2005, normalized: text });
  });

  it.each([
    [null, 'EMPTY'], ['', 'EMPTY'], [' - ', 'EMPTY'],
    ['232001234-5', 'MALFORMED'], ['23200123456-K', 'MALFORMED'], ['2-32-0012345-K', 'MALFORMED'], ['RUC 2320012345-K', 'MALFORMED'],
    ['2320012345-X', 'MALFORMED'], ['P-1234-2023', 'MALFORMED'],
    ['0000000000-0', 'PLACEHOLDER'], ['1111111111-1', 'PLACEHOLDER'],
    ['2320012345-0', 'CHECK_DIGIT'],
  ])('Given %p, When parsed, Then it is rejected as %s', (input, reason) => {
    expect(parseRuc(input)).toEqual({ ok: false, reason });
  });

  it('Given a body that is not 10 digits, When computing its DV, Then it throws RangeError', () => {
    expect(() => rucCheckDigit('123')).toThrow(RangeError);
    expect(() => formatRuc('232001234K')).toThrow(RangeError);
  });
});

describe('parseRuc: properties', () => {
  it('Given any 10-digit body with its computed DV, When written compact, grouped or without hyphen, Then all parse to the same RUC', () => {
    fc.assert(fc.property(body, (b) => {
      const dv = rucCheckDigit(b);
      for (const text of [`${b}-${dv}`, `${b.slice(0, 2)}-${b[2]}-${b.slice(3)}-${dv}`, `${b}${dv.toLowerCase()}`]) {
        expect(parseRuc(text)).toMatchObject({ ok: true, body: b, dv, normalized: `${b}-${dv}`, year: 2000 + Number(b.slice(0, 2)) });
      }
    }));
  });

  it('Given any valid RUC, When its check digit is replaced by another, Then it fails with CHECK_DIGIT', () => {
    fc.assert(fc.property(body, fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'K'), (b, dv) => {
      fc.pre(dv !== rucCheckDigit(b));
      expect(parseRuc(`${b}-${dv}`)).toEqual({ ok: false, reason: 'CHECK_DIGIT' });
    }));
  });

  it('Given arbitrary text, When parsed, Then it never throws and an accepted value re-parses to itself', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\d\-kK. ]{0,16}$/)), (text) => {
      const parsed = parseRuc(text);
      if (parsed.ok) expect(parseRuc(parsed.normalized)).toEqual(parsed);
    }));
  });
});
