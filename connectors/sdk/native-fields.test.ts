import { chileLocalToEpoch, parseNativeDate, parseNativeInstant } from './native-fields';
import * as f from './native-fields';

describe('native field values', () => {
  it('Given dates as Chilean sources write them, When parsed, Then they become ISO dates and impossible ones are refused', () => {
    expect(parseNativeDate('21-08-2013')).toEqual({ ok: true, value: '2013-08-21' });
    expect(parseNativeDate('1/2/2015')).toEqual({ ok: true, value: '2015-02-01' });
    expect(parseNativeDate('2015-02-01')).toEqual({ ok: true, value: '2015-02-01' });
    expect(parseNativeDate('29-02-2024').ok).toBe(true);
    for (const bad of ['31-02-2015', '29-02-2023', '00-01-2015', '12-13-2015', '21-08-13', '2013/08/21', '21-08-1850', "1'; DROP"]) {
      expect({ bad, r: parseNativeDate(bad) }).toEqual({ bad, r: { ok: false, code: 'INVALID_DATE' } });
    }
  });

  it('Given the last days of every month from 1900 to 2100, When parsed as dates and instants, Then exactly the days the calendar has are accepted', () => {
    const wrong: string[] = [];
    for (let y = 1900; y <= 2100; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 28; d <= 31; d++) {
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          const text = `${d}-${m}-${y}`;
          if (parseNativeDate(text).ok !== real || parseNativeInstant(`${text} 12:00`).ok !== real) wrong.push(text);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('Given Chilean wall-clock times across the DST change, When converted, Then offsets are -3 in summer and -4 in winter', () => {
    expect(chileLocalToEpoch(2024, 1, 15, 12, 0)).toBe(Date.UTC(2024, 0, 15, 15, 0));
    expect(chileLocalToEpoch(2024, 7, 15, 12, 0)).toBe(Date.UTC(2024, 6, 15, 16, 0));
    expect(parseNativeInstant('2024-03-04T10:30:00-03:00')).toEqual({ ok: true, value: Date.UTC(2024, 2, 4, 13, 30) });
    expect(parseNativeInstant('04-03-2024 25:00')).toEqual({ ok: false, code: 'INVALID_DATETIME' });
  });

  it('Given RUNs, When read, Then well-formed ones are kept as written, "sin RUN" is blank and garbage is refused', () => {
    expect(f.run.parse('12.345.678-5')).toEqual({ ok: true, value: '12.345.678-5' });
    expect(f.run.parse('12.345.678-9')).toEqual({ ok: true, value: '12.345.678-9' }); // warned later, not refused
    expect(f.run.parse('SIN RUN')).toEqual({ ok: true, value: null });
    expect(f.run.parse('12A45678-5')).toEqual({ ok: false, code: 'INVALID_RUN' });
    expect(f.ruc.parse('2320012345-1')).toEqual({ ok: false, code: 'RUC_CHECK_DIGIT' });
  });

  it('Given options written with accents, case and spaces, When read, Then they fold to the Avro symbol', () => {
    const regime = f.option(['RESIDENCIAL', 'AMBULATORIO'] as const, { RESIDENCIA: 'RESIDENCIAL' });
    expect(regime.parse('Residencial')).toEqual({ ok: true, value: 'RESIDENCIAL' });
    expect(regime.parse('residencia')).toEqual({ ok: true, value: 'RESIDENCIAL' });
    expect(regime.parse('ambulatorío')).toEqual({ ok: true, value: 'AMBULATORIO' });
    expect(regime.parse('otro')).toEqual({ ok: false, code: 'INVALID_OPTION' });
    expect(f.sex.parse('Femenino')).toEqual({ ok: true, value: 'F' });
  });

  it('Given names and ids with injection strings or control characters, When read, Then they are refused by code, never echoed', () => {
    expect(f.personName.parse("Robert'); DROP TABLE nna;--")).toEqual({ ok: false, code: 'INVALID_NAME' });
    expect(f.personName.parse('María José  De la Fuente')).toEqual({ ok: true, value: 'María José De la Fuente' });
    expect(f.id.parse('<script>alert(1)</script>')).toEqual({ ok: false, code: 'INVALID_ID' });
    expect(f.id.parse('x'.repeat(65))).toEqual({ ok: false, code: 'TOO_LONG' });
    expect(f.text(50).parse('línea\u0000nula')).toEqual({ ok: false, code: 'INVALID_TEXT' });
    expect(f.text(50).parse("'; DROP TABLE x;--")).toEqual({ ok: true, value: "'; DROP TABLE x;--" }); // free text is data
  });
});
