/**
 * Messages meant for people (CLI output, HTTP error messages) speak es-CL first, English second.
 * Developers' text (logs, code, docs) stays in English and never goes through here.
 *
 * A catalogue is a flat map of message keys to templates with `{name}` placeholders. Keys missing
 * from the English catalogue fall back to Spanish, so a new message is never lost, only untranslated.
 */
export type Lang = 'es' | 'en';
export type Catalogue = Readonly<Record<string, string>>;
export type Params = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Chooses the language from an explicit value (`HUB_LANG`, `Accept-Language`); Spanish unless English is asked for. */
export function pickLang(requested: string | undefined | null): Lang {
  if (!requested) return 'es';
  const first = requested.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'es';
}

export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? whole : String(v);
  });
}

export interface Translator {
  readonly lang: Lang;
  t(key: string, params?: Params): string;
}

/** Builds a translator over the Spanish catalogue (authoritative) and the English one (second language). */
export function createTranslator(lang: Lang, es: Catalogue, en: Catalogue): Translator {
  return {
    lang,
    t(key, params) {
      const template = (lang === 'en' ? en[key] : undefined) ?? es[key] ?? en[key] ?? key;
      return format(template, params);
    },
  };
}
