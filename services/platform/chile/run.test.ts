import fc from 'fast-check';
import { RUN_BODY_MAX, RUN_BODY_MIN, formatRun, normalizeRun, parseRun, parseRunParts, runCheckDigit } from './run';

// Only invented numbers: 12.345.678-5 is the textbook example; the others are computed here.
const isPlaceholderBody = (body: number) => /^(\d)\1*$/.test(String(body));
const validBody = fc.integer({ min: RUN_BODY_MIN, max: RUN_BODY_MAX }).filter((b) => !isPlaceholderBody(b));
const childBody = fc.integer({ min: 20_000_000, max: 29_999_999 }).filter((b) => !isPlaceholderBody(b));

/** Every common way of writing the same RUN. */
function writings(body: number): string[] {
  const dv = runCheckDigit(body);
  const dotted = formatRun(body);
  return [
    dotted, `${body}-${dv}`, `${body}${dv}`, `${body}-${dv.toLowerCase()}`, ` ${dotted} `, `0${body}-${dv}`,
    dotted.replace(/\./g, ' '), dotted.replace(/\./g, ','), `'${body}-${dv}`, `${body}\u2013${dv}`, `${body} - ${dv}`,
  ];
}

describe('parseRun: examples', () => {
  it.each(['12.345.678-5', '12345678-5', '123456785', '12 345 678 5', '012345678-5', "'12345678-5", '１２３４５６７８-５'])(
    'Given %p, When parsed, Then it is RUN 12345678-5',
    (input) => {
      expect(parseRun(input)).toEqual({ ok: true, body: 12345678, dv: '5', normalized: '12345678-5' });
    },
  );

  it('Given a body whose check digit is K, When written with a lower-case k, Then it parses with an upper-case K', () => {
    const body = 10_000_013; // invented; its DV is K
    expect(runCheckDigit(body)).toBe('K');
    expect(parseRun(`${formatRun(body).slice(0, -1)}k`)).toEqual({ ok: true, body, dv: 'K', normalized: '10000013-K' });
  });

  it('Given the number 123456785 (a spreadsheet cell), When parsed, Then the last digit is the check digit', () => {
    expect(normalizeRun(123456785)).toBe('12345678-5');
    expect(parseRun(1.5)).toEqual({ ok: false, reason: 'MALFORMED' });
  });

  it.each([
    [null, 'EMPTY'], [undefined, 'EMPTY'], ['', 'EMPTY'], ['   ', 'EMPTY'], ['-', 'EMPTY'], ['..', 'EMPTY'],
    ['SIN RUN', 'EMPTY'], ['sin  rut', 'EMPTY'], ['S/R', 'EMPTY'], ['NULL', 'EMPTY'],
    ['12345678-', 'MALFORMED'], ['12a45678-5', 'MALFORMED'], ['12-345678-5', 'MALFORMED'], ['12345678-55', 'MALFORMED'],
    ['K12345678', 'MALFORMED'], ['12345678-X', 'MALFORMED'], ['RUN 12345678-5', 'MALFORMED'],
    ['999.999-3', 'OUT_OF_RANGE'], ['1-9', 'OUT_OF_RANGE'], ['0-0', 'OUT_OF_RANGE'], ['1.234.567.890-2', 'OUT_OF_RANGE'],
    ['11.111.111-1', 'PLACEHOLDER'], ['11.111.111-K', 'PLACEHOLDER'], ['22.222.222-2', 'PLACEHOLDER'], ['9.999.999-3', 'PLACEHOLDER'],
    ['111.111.111-1', 'PLACEHOLDER'],
    ['12.345.678-K', 'CHECK_DIGIT'], ['12.345.678-4', 'CHECK_DIGIT'], ['12345678', 'CHECK_DIGIT'],
  ])('Given %p, When parsed, Then it is rejected as %s', (input, reason) => {
    expect(parseRun(input)).toEqual({ ok: false, reason });
  });

  it('Given bodies just inside and outside the plausible range, When parsed, Then only the inside ones are accepted', () => {
    expect(parseRun(formatRun(RUN_BODY_MIN)).ok).toBe(true);
    expect(parseRun(formatRun(RUN_BODY_MIN - 1))).toEqual({ ok: false, reason: 'OUT_OF_RANGE' });
    expect(parseRun(formatRun(RUN_BODY_MAX - 1)).ok).toBe(true);
    expect(parseRun(formatRun(RUN_BODY_MAX + 1))).toEqual({ ok: false, reason: 'OUT_OF_RANGE' });
  });

  it('Given body and check digit in two columns, When parsed with parseRunParts, Then they are read as one RUN', () => {
    expect(parseRunParts('12.345.678', 'k')).toEqual({ ok: false, reason: 'CHECK_DIGIT' });
    expect(parseRunParts(12345678, '5')).toEqual({ ok: true, body: 12345678, dv: '5', normalized: '12345678-5' });
    expect(parseRunParts('', '')).toEqual({ ok: false, reason: 'EMPTY' });
    expect(parseRunParts('12345678', '')).toEqual({ ok: false, reason: 'MALFORMED' });
    expect(parseRunParts('12345678', '55')).toEqual({ ok: false, reason: 'MALFORMED' });
    expect(parseRunParts('1234567-8', '5')).toEqual({ ok: false, reason: 'MALFORMED' });
  });

  it('Given a rejected value, When the result is inspected, Then it carries no copy of the input (safe to log)', () => {
    expect(JSON.stringify(parseRun('12.345.678-4'))).not.toContain('12');
  });
});

describe('formatRun and runCheckDigit: examples', () => {
  it('Given body 12345678, When formatted, Then it reads 12.345.678-5 (or 12345678-5 without dots)', () => {
    expect(formatRun(12345678)).toBe('12.345.678-5');
    expect(formatRun(12345678, { dots: false })).toBe('12345678-5');
    expect(formatRun(1234567)).toBe('1.234.567-4');
    expect(formatRun(123456789)).toBe('123.456.789-2');
  });

  it('Given a negative, fractional or unsafe body, When formatting or computing the DV, Then it throws RangeError', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60]) {
      expect(() => formatRun(bad)).toThrow(RangeError);
      expect(() => runCheckDigit(bad)).toThrow(RangeError);
    }
  });
});

describe('parseRun: properties', () => {
  it('Given any valid body with its computed check digit, When written in every common form, Then each form parses to the same RUN', () => {
    fc.assert(fc.property(validBody, (body) => {
      const expected = { ok: true, body, dv: runCheckDigit(body), normalized: `${body}-${runCheckDigit(body)}` };
      for (const text of writings(body)) expect(parseRun(text)).toEqual(expected);
    }));
  });

  it('Given any valid RUN, When its check digit is replaced by any other, Then it fails with CHECK_DIGIT', () => {
    const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'K'];
    fc.assert(fc.property(validBody, fc.constantFrom(...digits), (body, dv) => {
      fc.pre(dv !== runCheckDigit(body));
      expect(parseRun(`${formatRun(body).slice(0, -1)}${dv}`)).toEqual({ ok: false, reason: 'CHECK_DIGIT' });
    }));
  });

  it('Given any valid RUN, When one body digit is mistyped or two neighbours are swapped, Then it is never accepted', () => {
    fc.assert(fc.property(childBody, fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
      const digits = [...String(body)];
      const i = at % digits.length;
      const typo = [...digits];
      typo[i] = String((Number(typo[i]) + delta) % 10);
      expect(parseRun(`${typo.join('')}-${runCheckDigit(body)}`).ok).toBe(false);
      const j = i === digits.length - 1 ? i - 1 : i;
      const swapped = [...digits];
      [swapped[j], swapped[j + 1]] = [swapped[j + 1]!, swapped[j]!];
      fc.pre(swapped[j] !== swapped[j + 1]);
      expect(parseRun(`${swapped.join('')}-${runCheckDigit(body)}`).ok).toBe(false);
    }));
  });

  it('Given any valid body, When formatted then parsed then formatted again, Then the text round-trips', () => {
    fc.assert(fc.property(validBody, fc.boolean(), (body, dots) => {
      const text = formatRun(body, { dots });
      const parsed = parseRun(text);
      expect(parsed.ok && formatRun(parsed.body, { dots })).toBe(text);
      expect(parsed.ok && parsed.normalized).toBe(formatRun(body, { dots: false }));
    }));
  });

  it('Given a body of one repeated digit (7 to 9 digits), When parsed with any check digit, Then it is a PLACEHOLDER', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 7, max: 9 }), (digit, length) => {
      const body = String(digit).repeat(length);
      expect(parseRun(`${body}-${runCheckDigit(Number(body))}`)).toEqual({ ok: false, reason: 'PLACEHOLDER' });
    }));
  });

  it('Given arbitrary text, When parsed, Then it never throws and an accepted value is canonical', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[\d.\-kK ]{0,14}$/)), (text) => {
      const parsed = parseRun(text);
      if (parsed.ok) expect(parseRun(parsed.normalized)).toEqual(parsed);
    }));
  });
});
