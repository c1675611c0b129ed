import fc from 'fast-check';
import {
  COMUNAS, PROVINCES, REGIONS, comunaByCode, comunasInProvince, comunasInRegion, findComunasByName, isComunaCode, parseCutCode,
} from './comunas';

describe('COMUNAS: the CUT 2018 table', () => {
  it('Given the table, When counted, Then it has 346 comunas, 56 provinces and 16 regions (as the data README checks)', () => {
    expect(COMUNAS).toHaveLength(346);
    expect(PROVINCES).toHaveLength(56);
    expect(REGIONS).toHaveLength(16);
    expect(new Set(COMUNAS.map((c) => c.code)).size).toBe(346);
  });

  it('Given each region, When its comunas are counted, Then the counts match the data README', () => {
    const expected: Record<string, number> = {
      '13': 52, '05': 38, '06': 33, '08': 33, '09': 32, '07': 30, '10': 30, '16': 21,
      '04': 15, '14': 12, '12': 11, '11': 10, '02': 9, '03': 9, '01': 7, '15': 4,
    };
    for (const region of REGIONS) expect([region.code, comunasInRegion(region.code).length]).toEqual([region.code, expected[region.code]]);
  });

  it('Given every comuna, When its codes are read, Then they are zero-padded strings nested comuna ⊂ province ⊂ region', () => {
    for (const c of COMUNAS) {
      expect(c.code).toMatch(/^\d{5}$/);
      expect(c.code.startsWith(c.provinceCode)).toBe(true);
      expect(c.provinceCode.startsWith(c.regionCode)).toBe(true);
      expect(c.name).not.toBe('');
    }
  });

  it('Given well-known codes, When looked up, Then 01101 is Iquique, 13101 Santiago and 16101 Chillán in Ñuble', () => {
    expect(comunaByCode('01101')).toEqual({
      code: '01101', name: 'Iquique', provinceCode: '011', provinceName: 'Iquique', regionCode: '01', regionName: 'Tarapacá',
    });
    expect(comunaByCode('13101')?.name).toBe('Santiago');
    expect(comunaByCode('16101')).toMatchObject({ name: 'Chillán', regionName: 'Ñuble' });
    expect(comunasInProvince('131')).toHaveLength(32);
    expect(comunasInProvince('999')).toEqual([]);
  });

  it('Given a code without its leading zero, When looked up strictly, Then it is not found (no silent guessing)', () => {
    expect(comunaByCode('1101')).toBeUndefined();
    expect(comunaByCode(' 01101')).toBeUndefined();
    expect(isComunaCode('01101')).toBe(true);
    expect(isComunaCode('1101')).toBe(false);
    expect(isComunaCode(1101)).toBe(false);
    expect(isComunaCode(undefined)).toBe(false);
  });

  it('Given the exported table, When someone tries to change it, Then it is frozen', () => {
    expect(Object.isFrozen(COMUNAS)).toBe(true);
    expect(Object.isFrozen(COMUNAS[0])).toBe(true);
    expect(Object.isFrozen(REGIONS)).toBe(true);
  });
});

describe('parseCutCode', () => {
  it.each([
    ['01101', '01101', false], ['1101', '01101', true], [1101, '01101', true], [' 13101 ', '13101', false], [13101, '13101', false],
  ])('Given %p, When parsed, Then it is comuna %s (padded: %p)', (input, code, padded) => {
    expect(parseCutCode(input)).toMatchObject({ ok: true, code, padded, comuna: { code } });
  });

  it.each([
    [null, 'EMPTY'], ['  ', 'EMPTY'], ['abc', 'MALFORMED'], ['101', 'MALFORMED'], ['013101', 'MALFORMED'], [1.5, 'MALFORMED'],
    ['08401', 'PRE_2018_NUBLE'], [8416, 'PRE_2018_NUBLE'], ['99999', 'UNKNOWN_CODE'], ['13199', 'UNKNOWN_CODE'],
  ])('Given %p, When parsed, Then it is rejected as %s', (input, reason) => {
    expect(parseCutCode(input)).toEqual({ ok: false, reason });
  });

  it('Given any comuna, When its code arrives as an integer (leading zero lost), Then it is restored and flagged', () => {
    fc.assert(fc.property(fc.constantFrom(...COMUNAS), (comuna) => {
      expect(parseCutCode(Number(comuna.code))).toEqual({ ok: true, code: comuna.code, comuna, padded: comuna.code.startsWith('0') });
    }));
  });
});

describe('findComunasByName', () => {
  it('Given free text with other case, accents or Ñ, When searched, Then the comuna is found', () => {
    expect(findComunasByName('ñuñoa').map((c) => c.code)).toEqual(['13120']);
    expect(findComunasByName('NUNOA').map((c) => c.code)).toEqual(['13120']);
    expect(findComunasByName('Los Ángeles').map((c) => c.name)).toEqual(['Los Angeles']);
    expect(findComunasByName('Stgo')).toEqual([]);
  });

  it('Given every comuna name, When searched upper-cased and without accents, Then exactly that comuna is found', () => {
    fc.assert(fc.property(fc.constantFrom(...COMUNAS), (comuna) => {
      const plain = comuna.name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
      expect(findComunasByName(plain)).toEqual([comuna]);
    }));
  });
});
