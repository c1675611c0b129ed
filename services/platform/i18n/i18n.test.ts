import { createTranslator, pickLang } from './i18n';

describe('i18n', () => {
  const es = { hello: 'Hola, {name}', onlyEs: 'solo español' };
  const en = { hello: 'Hello, {name}' };

  it('Given no preference, When picking the language, Then Spanish (es-CL) is the default', () => {
    expect(pickLang(undefined)).toBe('es');
    expect(pickLang('')).toBe('es');
    expect(pickLang('es-CL,es;q=0.9')).toBe('es');
    expect(pickLang('fr')).toBe('es');
  });

  it('Given English is asked for, When picking the language, Then English is chosen', () => {
    expect(pickLang('en-US,en;q=0.8')).toBe('en');
    expect(pickLang('EN')).toBe('en');
  });

  it('Given a key missing in English, When translating to English, Then the Spanish text is used', () => {
    const t = createTranslator('en', es, en);
    expect(t.t('hello', { name: 'Ana' })).toBe('Hello, Ana');
    expect(t.t('onlyEs')).toBe('solo español');
    expect(t.t('unknown.key')).toBe('unknown.key');
  });
});
