import { z } from 'zod';
import { optionList } from './list-field';

const COLOURS = ['ROJO', 'VERDE', 'AZUL_MARINO'] as const;
const colours = optionList(COLOURS, { CELESTE: 'AZUL_MARINO' }, 3);
const schema = z.object({ req: colours.req({ description: 'r' }), opt: colours.opt({ description: 'o' }) });

function issues(value: Record<string, unknown>) {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => ({ field: i.path.join('.'), code: i.message }));
}

describe('optionList field', () => {
  it('Given a cell separated by | or commas, a JSON array, or JSON text in a cell, When parsed, Then each item is folded like an option', () => {
    expect(schema.parse({ req: 'rojo|Azul marino', opt: 'verde , celeste' })).toEqual({ req: ['ROJO', 'AZUL_MARINO'], opt: ['VERDE', 'AZUL_MARINO'] });
    expect(schema.parse({ req: ['Verde', ' azul-marino '], opt: '["ROJO","VERDE"]' })).toEqual({ req: ['VERDE', 'AZUL_MARINO'], opt: ['ROJO', 'VERDE'] });
  });

  it('Given repeated items and empty slots, When parsed, Then duplicates collapse in first-seen order and blanks are skipped', () => {
    expect(schema.parse({ req: 'VERDE||rojo,verde,', opt: [] }).req).toEqual(['VERDE', 'ROJO']);
  });

  it('Given blank lists, When parsed, Then the optional one is empty and the required one is REQUIRED', () => {
    expect(schema.parse({ req: 'ROJO' }).opt).toEqual([]);
    expect(issues({ req: ' , | ', opt: null })).toEqual([{ field: 'req', code: 'REQUIRED' }]);
  });

  it('Given an unknown item, a non-text item or too many items, When parsed, Then the field gets one issue on itself', () => {
    expect(issues({ req: 'ROJO|MORADO' })).toEqual([{ field: 'req', code: 'INVALID_OPTION' }]);
    expect(issues({ req: ['ROJO', { x: 1 }] })).toEqual([{ field: 'req', code: 'INVALID_TYPE' }]);
    expect(issues({ req: 42 })).toEqual([{ field: 'req', code: 'INVALID_TYPE' }]);
    expect(issues({ req: 'ROJO|VERDE|ROJO|AZUL_MARINO' })).toEqual([{ field: 'req', code: 'TOO_LONG' }]);
  });
});
