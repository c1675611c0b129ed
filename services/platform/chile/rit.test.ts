import fc from 'fast-check';
import { RIT_PROCEDURES, courtScopedRitKey, parseRit, type ValidRit } from './rit';

describe('parseRit: examples', () => {
  it.each(['P-1234-2023', 'p-1234-2023', 'P 1234 2023', 'P-01234-2023', 'P-1234/2023', 'RIT: P-1234-2023', 'RIT N° P-1234-2023', 'P1234-2023', ' P\u20131234\u20132023 '])(
    'Given %p, When parsed, Then it is the protection cause P-1234-2023',
    (input) => {
      expect(parseRit(input)).toEqual({
        ok: true, letter: 'P', sequence: 1234, year: 2023, normalized: 'P-1234-2023', letterStatus: 'DOCUMENTED', procedure: 'MEDIDAS_DE_PROTECCION',
      });
    },
  );

  it('Given an O cause, When parsed, Then its documented meaning is the OLN communications cause', () => {
    expect(parseRit('O-45-2026')).toMatchObject({ ok: true, procedure: 'COMUNICACIONES_OLN', letterStatus: 'DOCUMENTED' });
  });

  it('Given letters that are only background knowledge (C) or unknown (Q), When parsed, Then they are accepted without a procedure and flagged', () => {
    expect(parseRit('C-1234-2025')).toMatchObject({ ok: true, normalized: 'C-1234-2025', procedure: null, letterStatus: 'UNVERIFIED' });
    expect(parseRit('Q-1-2010')).toMatchObject({ ok: true, procedure: null, letterStatus: 'UNKNOWN' });
  });

  it.each([
    [null, 'EMPTY'], ['', 'EMPTY'], ['--', 'EMPTY'],
    ['P-1234-23', 'MALFORMED'], ['1234-2023', 'MALFORMED'], ['PP-1234-2023', 'MALFORMED'], ['P-12345678-2023', 'MALFORMED'], ['P-12a4-2023', 'MALFORMED'],
    ['P-0-2020', 'OUT_OF_RANGE'], ['P-1-2004', 'OUT_OF_RANGE'],
  ])('Given %p, When parsed, Then it is rejected as %s', (input, reason) => {
    expect(parseRit(input)).toEqual({ ok: false, reason });
  });

  it('Given a caller-supplied maxYear (this module reads no clock), When a later year is parsed, Then it is OUT_OF_RANGE', () => {
    expect(parseRit('P-1-2027', { maxYear: 2026 })).toEqual({ ok: false, reason: 'OUT_OF_RANGE' });
    expect(parseRit('P-1-2026', { maxYear: 2026 }).ok).toBe(true);
    expect(parseRit('P-1-2027').ok).toBe(true);
  });

  it('Given the same RIT in two courts, When building the court-scoped key, Then the keys differ (a RIT alone is not unique)', () => {
    const rit = parseRit('P-1234-2023') as ValidRit;
    expect(courtScopedRitKey('1001', rit)).toBe('1001/P-1234-2023');
    expect(courtScopedRitKey(' 2002 ', rit)).toBe('2002/P-1234-2023');
    expect(courtScopedRitKey('  ', rit)).toBeUndefined();
    expect(courtScopedRitKey('10/01', rit)).toBeUndefined();
  });

  it('Given the documented letters, When listed, Then only P and O have a meaning', () => {
    expect(Object.keys(RIT_PROCEDURES).sort()).toEqual(['O', 'P']);
  });
});

describe('parseRit: properties', () => {
  const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
  const sequence = fc.integer({ min: 1, max: 9_999_999 });
  const year = fc.integer({ min: 2005, max: 2100 });

  it('Given any letter, sequence and year, When written in several ways, Then all normalise to LETTER-sequence-year', () => {
    fc.assert(fc.property(letter, sequence, year, fc.integer({ min: 0, max: 3 }), (l, n, y, zeros) => {
      const normalized = `${l}-${n}-${y}`;
      for (const text of [normalized, `${l.toLowerCase()} ${'0'.repeat(zeros)}${n} ${y}`, `RIT ${l}-${n}/${y}`]) {
        expect(parseRit(text)).toMatchObject({ ok: true, letter: l, sequence: n, year: y, normalized });
      }
    }));
  });

  it('Given arbitrary text, When parsed, Then it never throws and an accepted value re-parses to itself', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z]?[-\d /]{0,14}$/)), (text) => {
      const parsed = parseRit(text);
      if (parsed.ok) expect(parseRit(parsed.normalized)).toEqual(parsed);
    }));
  });
});
