import { parseRun } from '../../services/platform/chile';
import { dayOf, ymd } from './calendar';
import { dropAccents, makeView, NOISE_LABELS, NoiseStats, respellCompound, typo, type NoiseLabel, type NoiseRates } from './noise';
import { rngOf } from './random';
import type { TruePerson } from './world';

const person: TruePerson = {
  givenNames: ['José', 'Ignacio'], paternal: 'Muñoz', maternal: 'De la Fuente', runBody: 23_456_789, ipe: null,
  birth: dayOf(2012, 3, 7), sex: 'M',
};
const NONE = Object.fromEntries(NOISE_LABELS.map((l) => [l, 0])) as unknown as NoiseRates;
const only = (label: NoiseLabel): NoiseRates => ({ ...NONE, [label]: 1 });
const view = (rates: NoiseRates, seed = 1, p: TruePerson = person) => makeView({
  institution: 'SENAME', idNna: '1000001', person: p, comuna: '13101', address: 'Calle Falsa 123', phone: null, rates, runDots: 1, rng: rngOf(seed, 99),
});

describe('view noise', () => {
  it('Given no noise, When a view is made, Then it says exactly what the truth says', () => {
    const v = view(NONE);
    expect(v).toMatchObject({ run: '23.456.789-6', givenNames: ['José', 'Ignacio'], paternal: 'Muñoz', maternal: 'De la Fuente', birth: person.birth, sex: 'M', noise: [] });
    expect(parseRun(v.run).ok).toBe(true);
  });

  it('Given each RUN problem at rate 1, When views are made, Then the RUN is blank, mistyped in one body digit, or keeps its body with another check digit', () => {
    expect(view(only('run_missing')).run).toBeNull();
    const typoed = view(only('run_digit_typo')).run!;
    const body = typoed.replace(/\./g, '').split('-')[0]!;
    expect([...body].filter((d, i) => d !== '23456789'[i])).toHaveLength(1);
    const badDv = view(only('run_bad_dv')).run!;
    expect(badDv.slice(0, -1)).toBe('23.456.789-');
    expect(parseRun(badDv)).toEqual({ ok: false, reason: 'CHECK_DIGIT' });
  });

  it('Given name noise at rate 1, When views are made, Then names change the way clerks change them', () => {
    expect(view(only('second_given_dropped')).givenNames).toEqual(['José']);
    expect(view(only('nickname')).givenNames).toEqual(['Pepe']);
    expect(view(only('maternal_missing')).maternal).toBeNull();
    expect(view(only('surnames_swapped'))).toMatchObject({ paternal: 'De la Fuente', maternal: 'Muñoz' });
    expect(['Delafuente', 'De-la-Fuente', 'Fuente']).toContain(view(only('compound_split_joined')).maternal);
    expect(view(only('accents_dropped')).givenNames).toEqual(['Jose', 'Ignacio']);
    expect(view(only('enye_as_n')).paternal).toBe('Munoz');
    expect(view(only('upper_case'))).toMatchObject({ givenNames: ['JOSÉ', 'IGNACIO'], paternal: 'MUÑOZ', maternal: 'DE LA FUENTE' });
  });

  it('Given a birth date with day ≤ 12, When day and month are swapped, Then the view carries the other valid date', () => {
    expect(ymd(view(only('birth_day_month_swapped')).birth!)).toEqual({ y: 2012, m: 7, d: 3 });
    const late = { ...person, birth: dayOf(2012, 3, 25) };
    const v = view(only('birth_day_month_swapped'), 1, late);
    expect(v.birth).toBe(late.birth);
    expect(v.noise).not.toContain('birth_day_month_swapped');
  });

  it('Given noise that cannot apply, When views are counted, Then such views are not eligible', () => {
    const stats = new NoiseStats();
    const plain: TruePerson = { ...person, givenNames: ['Ana'], paternal: 'Soto', maternal: 'Vera' };
    makeView({ institution: 'SCHOOL', idNna: 'E1', person: plain, comuna: '13101', address: 'x', phone: null, rates: NONE, runDots: 0, rng: rngOf(1, 1), stats });
    expect(stats.counts.get('SCHOOL/accents_dropped')).toBeUndefined();
    expect(stats.counts.get('SCHOOL/second_given_dropped')).toBeUndefined();
    expect(stats.counts.get('SCHOOL/upper_case')).toEqual({ eligible: 1, applied: 0 });
  });

  it('Given a name, When a typo is made, Then it differs by one edit and keeps to letters', () => {
    for (let seed = 0; seed < 200; seed++) {
      const t = typo('Valenzuela', rngOf(seed, 5));
      expect(t).toMatch(/^\p{L}+$/u);
      expect(Math.abs(t.length - 10)).toBeLessThanOrEqual(1);
      expect(editDistance(t, 'Valenzuela')).toBeLessThanOrEqual(2);
      expect(t).not.toBe('Valenzuela');
    }
  });

  it('Given compound surnames, When respelled, Then they are joined, hyphenated or lose the particle', () => {
    expect([0, 1, 2].map((s) => respellCompound('De la Fuente', s))).toEqual(['Delafuente', 'De-la-Fuente', 'Fuente']);
    expect(respellCompound("O'Ryan", 0)).toBe('Oryan');
    expect(dropAccents('Ñuñoa Pérez Güell')).toBe('Ñuñoa Perez Guell');
  });
});

/** Levenshtein with adjacent transpositions counted as two edits (enough for the bound above). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}
