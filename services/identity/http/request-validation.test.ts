import { fieldProblems } from './api-errors';
import { mergeBody, resolveBody, splitBody } from './bodies';
import { mayReviewIdentities } from './reviewer.guard';

describe('who may review identities', () => {
  it('Given credentials of each kind, When checked, Then only HUB with identity-review (or *) may', () => {
    expect(mayReviewIdentities({ institution: 'HUB', scope: 'identity-review' })).toBe(true);
    expect(mayReviewIdentities({ institution: 'HUB', scope: '*' })).toBe(true);
    expect(mayReviewIdentities({ institution: 'HUB', scope: 'lag-console' })).toBe(false);
    for (const institution of ['TRIBUNAL', 'SENAME', 'MUNICIPALITY', 'SCHOOL', 'HEALTH'] as const) {
      expect(mayReviewIdentities({ institution, scope: '*' })).toBe(false);
      expect(mayReviewIdentities({ institution, scope: 'identity-review' })).toBe(false);
    }
  });
});

describe('review API bodies', () => {
  const problems = (r: { success: boolean; error?: unknown }, lang: 'es' | 'en' = 'es') => (r.success ? [] : fieldProblems(r.error as never, lang));

  it('Given a valid resolution, When parsed, Then it is accepted trimmed', () => {
    expect(resolveBody.parse({ decision: 'link', identityId: ' NNA-1 ', reason: ' mismo RUN ' })).toEqual({ decision: 'link', identityId: 'NNA-1', reason: 'mismo RUN' });
    expect(resolveBody.parse({ decision: 'not-the-same', reason: 'gemelos' })).toEqual({ decision: 'not-the-same', reason: 'gemelos' });
  });

  it('Given missing fields, When parsed, Then each is a required-field problem in Spanish or English', () => {
    expect(problems(mergeBody.safeParse({}))).toEqual([
      { campo: 'into', codigo: 'field.required', mensaje: 'El campo into es obligatorio.' },
      { campo: 'reason', codigo: 'field.required', mensaje: 'El campo reason es obligatorio.' },
    ]);
    expect(problems(mergeBody.safeParse({ into: 'NNA-1' }), 'en')).toEqual([{ campo: 'reason', codigo: 'field.required', mensaje: 'The field reason is required.' }]);
  });

  it('Given a split with no records or an over-long reason, When parsed, Then the limits are named', () => {
    expect(problems(splitBody.safeParse({ recordKeys: [], reason: 'r'.repeat(1001) })).map((p) => [p.campo, p.codigo])).toEqual([
      ['recordKeys', 'field.tooShort'], ['reason', 'field.tooLong'],
    ]);
  });

  it('Given a link without identity or an unknown field, When parsed, Then both are reported without the values', () => {
    const p = problems(resolveBody.safeParse({ decision: 'link', reason: 'motivo válido', extra: 'SECRETO' }));
    expect(p.map((x) => [x.campo, x.codigo])).toEqual(expect.arrayContaining([['extra', 'field.unknown']]));
    expect(JSON.stringify(p)).not.toContain('SECRETO');
    expect(problems(resolveBody.safeParse({ decision: 'link', reason: 'motivo válido' })).map((x) => x.codigo)).toEqual(['field.identityRequired']);
  });
});
