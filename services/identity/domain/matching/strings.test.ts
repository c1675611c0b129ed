import { genderVariant, jaroWinkler, spanishPhonetic, withinOneEdit } from './strings';

describe('string comparators', () => {
  it('Given textbook pairs, When compared with Jaro-Winkler, Then the known similarities come out', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 3);
    expect(jaroWinkler('ABC', 'ABC')).toBe(1);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
    expect(jaroWinkler('', 'A')).toBe(0);
  });

  it('Given Chilean spellings of one surname, When keyed phonetically, Then they share the key', () => {
    expect(spanishPhonetic('VALENZUELA')).toBe(spanishPhonetic('BALENSUELA'));
    expect(spanishPhonetic('GODOY')).toBe(spanishPhonetic('GODOI'));
    expect(spanishPhonetic('HERNANDEZ')).toBe(spanishPhonetic('ERNANDES'));
    expect(spanishPhonetic('QUIROGA')).toBe(spanishPhonetic('KIROGA'));
    expect(spanishPhonetic('GIMENEZ')).toBe(spanishPhonetic('JIMENEZ'));
    expect(spanishPhonetic('MUNOZ')).not.toBe(spanishPhonetic('MORALES'));
  });

  it('Given typos, When checked for one edit, Then substitutions, insertions, deletions and transpositions pass and two edits fail', () => {
    expect(withinOneEdit('1234567', '1234568')).toBe(true);
    expect(withinOneEdit('1234567', '1243567')).toBe(true);
    expect(withinOneEdit('KYLE', 'KYLDE')).toBe(true);
    expect(withinOneEdit('KYLE', 'KLE')).toBe(true);
    expect(withinOneEdit('1234567', '1234587')).toBe(true);
    expect(withinOneEdit('1234567', '7654321')).toBe(false);
    expect(withinOneEdit('ABCD', 'ABXY')).toBe(false);
  });

  it('Given Francisco/Francisca and Gabriel/Gabriela, When checked, Then they are gender variants (different names), and typos are not', () => {
    expect(genderVariant('FRANCISCO', 'FRANCISCA')).toBe(true);
    expect(genderVariant('GABRIEL', 'GABRIELA')).toBe(true);
    expect(genderVariant('MARTINA', 'MARTINE')).toBe(false);
    expect(genderVariant('ANA', 'ANA')).toBe(false);
  });
});
