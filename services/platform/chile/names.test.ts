import fc from 'fast-check';
import { cleanNameText, foldAccents, foldCase, foldEnye, isPlaceholderName, nameKey, parseName, type PresentName } from './names';

// Invented names only.
const present = (raw: string) => parseName(raw) as PresentName;

describe('folding helpers', () => {
  it('Given accented text, When accents are folded, Then vowels lose them but Ñ stays', () => {
    expect(foldAccents('Ñuñoa Güell José Ávila')).toBe('Ñuñoa Guell Jose Avila');
    expect(foldAccents('N\u0303')).toBe('Ñ'); // decomposed input comes back composed
  });

  it('Given Ñ, When folded only when asked, Then foldEnye and nameKey({ foldEnye }) turn it into N', () => {
    expect(foldEnye('Muñoz MUÑOZ')).toBe('Munoz MUNOZ');
    expect(nameKey('Muñoz')).toBe('MUÑOZ');
    expect(nameKey('Muñoz', { foldEnye: true })).toBe('MUNOZ');
  });

  it('Given mixed case, When case-folded, Then it is upper case in NFC', () => {
    expect(foldCase('maría n\u0303')).toBe('MARÍA Ñ');
  });

  it('Given punctuation, hyphens, digits and odd spaces, When cleaned, Then single spaces remain and apostrophes inside words vanish', () => {
    expect(cleanNameText("  Pérez-Cotapos\u00A0 O'Higgins D´Alessandro ( 2 ) ")).toBe('Pérez Cotapos OHiggins DAlessandro');
    expect(cleanNameText('Ana ´ María')).toBe('Ana María');
  });

  it('Given abbreviations and separators, When keyed, Then the key is upper case, accent-free and cleaned', () => {
    expect(nameKey('Mª José  del Río')).toBe('MA JOSE DEL RIO');
    expect(nameKey('ＪＯＳÉ')).toBe('JOSE');
  });
});

describe('parseName: examples', () => {
  it('Given a compound given name, When parsed, Then both words are core names', () => {
    expect(parseName('  María   José ')).toEqual({
      status: 'PRESENT', display: 'María José', key: 'MARIA JOSE', keyEnyeFolded: 'MARIA JOSE',
      tokens: [{ text: 'MARIA', role: 'NAME' }, { text: 'JOSE', role: 'NAME' }], core: ['MARIA', 'JOSE'],
    });
  });

  it.each([
    ['de la Fuente', ['FUENTE'], 'DE LA FUENTE'],
    ['DEL RÍO', ['RIO'], 'DEL RIO'],
    ['Río', ['RIO'], 'RIO'],
    ['de los Santos', ['SANTOS'], 'DE LOS SANTOS'],
    ['Pérez de Arce', ['PEREZ', 'ARCE'], 'PEREZ DE ARCE'],
    ['Pérez y Cotapos', ['PEREZ', 'COTAPOS'], 'PEREZ Y COTAPOS'],
    ['San Martín', ['SANMARTIN'], 'SAN MARTIN'],
    ['SANMARTIN', ['SANMARTIN'], 'SANMARTIN'],
    ['Santa María', ['SANTAMARIA'], 'SANTA MARIA'],
    ['de San Martín', ['SANMARTIN'], 'DE SAN MARTIN'],
    ['María del Carmen', ['MARIA', 'CARMEN'], 'MARIA DEL CARMEN'],
    ['María de los Ángeles', ['MARIA', 'ANGELES'], 'MARIA DE LOS ANGELES'],
    ['Muñoz', ['MUÑOZ'], 'MUÑOZ'],
    ['Juan E. Pérez', ['JUAN', 'PEREZ'], 'JUAN E PEREZ'],
    ['J. Pablo', ['PABLO'], 'J PABLO'],
    ['De', ['DE'], 'DE'],
    ['San', ['SAN'], 'SAN'],
    ['Del Solar', ['SOLAR'], 'DEL SOLAR'],
  ])('Given %p, When parsed, Then the core is %p and the key %p', (raw, core, key) => {
    const name = present(raw);
    expect(name.status).toBe('PRESENT');
    expect(name.core).toEqual(core);
    expect(name.key).toBe(key);
  });

  it('Given particles, prefixes and initials, When parsed, Then every token says which role it plays', () => {
    expect(present('j. de San Martín').tokens).toEqual([
      { text: 'J', role: 'INITIAL' }, { text: 'DE', role: 'PARTICLE' }, { text: 'SAN', role: 'PREFIX' }, { text: 'MARTIN', role: 'NAME' },
    ]);
  });

  it('Given a name with Ñ, When parsed, Then both keys are there: Ñ kept and Ñ folded', () => {
    expect(present('Muñoz de la Peña')).toMatchObject({ key: 'MUÑOZ DE LA PEÑA', keyEnyeFolded: 'MUNOZ DE LA PENA', core: ['MUÑOZ', 'PEÑA'] });
  });

  it.each([null, undefined, '', '   '])('Given %p, When parsed, Then the name is missing because it is EMPTY', (raw) => {
    expect(parseName(raw)).toEqual({ status: 'MISSING', reason: 'EMPTY' });
    expect(isPlaceholderName(raw)).toBe(false);
  });

  it.each([
    ['RN', 'NEWBORN', undefined], ['R.N.', 'NEWBORN', undefined], ['rn 2', 'NEWBORN', undefined], ['Recién Nacido', 'NEWBORN', undefined],
    ['RN de Ana Pérez', 'NEWBORN', 'ANA PEREZ'], ['R/N DE ANA PEREZ', 'NEWBORN', 'ANA PEREZ'], ['RN Pérez', 'NEWBORN', 'PEREZ'],
    ['Hijo de Carla Soto', 'NEWBORN', 'CARLA SOTO'], ['hija de', 'NEWBORN', undefined], ['Recién nacido de María', 'NEWBORN', 'MARIA'],
    ['Hijo', 'NEWBORN', undefined], ['Guagua', 'NEWBORN', undefined], ['Gemelo 1', 'NEWBORN', undefined], ['BB', 'NEWBORN', undefined],
    ['NN', 'UNKNOWN', undefined], ['N.N.', 'UNKNOWN', undefined], ['S/N', 'UNKNOWN', undefined], ['SIN NOMBRE', 'UNKNOWN', undefined],
    ['Sin apellido', 'UNKNOWN', undefined], ['No informa', 'UNKNOWN', undefined], ['DESCONOCIDO', 'UNKNOWN', undefined],
    ['S/I', 'UNKNOWN', undefined], ['N/A', 'UNKNOWN', undefined], ['null', 'UNKNOWN', undefined],
    ['XXX', 'FILLER', undefined], ['xx', 'FILLER', undefined], ['ZZZZ', 'FILLER', undefined], ['---', 'FILLER', undefined],
    ['...', 'FILLER', undefined], ['123', 'FILLER', undefined], ['?', 'FILLER', undefined],
  ])('Given the placeholder %p, When parsed, Then it is missing (%s) and never a name', (raw, kind, refersTo) => {
    const parsed = parseName(raw);
    expect(parsed).toEqual({ status: 'MISSING', reason: 'PLACEHOLDER', placeholder: refersTo === undefined ? { kind } : { kind, refersTo } });
    expect(isPlaceholderName(raw)).toBe(true);
  });

  it.each(['Ana Rn', 'Nena', 'Xavier', 'Bebeto', 'Rene', 'Juan Xx Soto', 'Ignacia', 'Hijuelas'])(
    'Given a real-looking name %p that merely resembles a placeholder, When parsed, Then it is present',
    (raw) => {
      expect(parseName(raw).status).toBe('PRESENT');
    },
  );
});

describe('parseName and nameKey: properties', () => {
  const letters = 'abcdefghijklmnñopqrstuvwxyzáéíóúüABCDEFGHIJKLMNÑOPQRSTUVWXYZÁÉÍÓÚÜ';
  const word = fc.string({ unit: fc.constantFrom(...letters.split('')), minLength: 2, maxLength: 10 });
  const spanishName = fc.array(word, { minLength: 1, maxLength: 4 }).chain((words) =>
    fc.constantFrom(' ', '  ', '-', '. ', ' \u00A0').map((sep) => words.join(sep)));
  const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), spanishName);

  it('Given any text, When keyed twice, Then the key does not change (idempotent)', () => {
    fc.assert(fc.property(anyText, (text) => {
      expect(nameKey(nameKey(text))).toBe(nameKey(text));
      expect(nameKey(nameKey(text, { foldEnye: true }), { foldEnye: true })).toBe(nameKey(text, { foldEnye: true }));
    }));
  });

  it('Given any text, When keyed, Then the key is trimmed, single-spaced and has no combining marks', () => {
    fc.assert(fc.property(anyText, (text) => {
      const key = nameKey(text);
      expect(key).toBe(key.trim());
      expect(key).not.toMatch(/ {2}|\p{M}/u);
    }));
  });

  it('Given a Spanish name, When its case changes or its accents are dropped, Then the key is the same; Ñ→N only changes the folded key', () => {
    fc.assert(fc.property(spanishName, (name) => {
      const key = nameKey(name);
      expect(nameKey(name.toUpperCase())).toBe(key);
      expect(nameKey(name.toLowerCase())).toBe(key);
      expect(nameKey(foldAccents(name))).toBe(key);
      expect(nameKey(foldEnye(name), { foldEnye: true })).toBe(nameKey(name, { foldEnye: true }));
      expect((key.match(/Ñ/g) ?? []).length).toBe((name.match(/[ñÑ]/g) ?? []).length);
    }));
  });

  it('Given any text, When parsed, Then it never throws and a present name re-parses from its display to the same value', () => {
    fc.assert(fc.property(anyText, (text) => {
      const parsed = parseName(text);
      if (parsed.status === 'PRESENT') {
        expect(parseName(parsed.display)).toEqual(parsed);
        expect(parsed.tokens.map((t) => t.text).join(' ')).toBe(parsed.key);
      }
    }));
  });
});
