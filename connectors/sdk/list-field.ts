import { z } from 'zod';
import { option } from './native-fields';

/**
 * A list of options (an Avro array of an enum) as sources write it: a JSON array in an HTTP body
 * (`["INDIVIDUAL", "Familiar"]`), or one cell of a file separated by `|` or `,`
 * (`Individual|Familiar`, `individual, social comunitario`), or that cell holding the JSON text of
 * an array (what some exporters write). Each item is read like `option()`: case, accents, spaces
 * and hyphens do not matter, and `aliases` maps other spellings. Duplicates collapse, order is kept.
 *
 * Any unknown item rejects the whole field with `INVALID_OPTION` on the field (not the item's
 * position: positions mean nothing in a cell). A blank list is `[]` for `.opt()` (Avro arrays
 * default to empty) and `REQUIRED` for `.req()`.
 */
interface ListDoc { readonly description: string; readonly example?: string }

const SEPARATOR = /[|,]/;
const NOT_TEXT = Symbol('not text');

/** The list's raw items, trimmed and without blanks; NOT_TEXT when the value is no list of text. */
function itemsOf(raw: unknown): readonly string[] | typeof NOT_TEXT {
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) {
    const out: string[] = [];
    for (const item of raw) {
      if (typeof item !== 'string' && typeof item !== 'number') return NOT_TEXT;
      const t = String(item).normalize('NFC').trim();
      if (t !== '') out.push(t);
    }
    return out;
  }
  if (typeof raw !== 'string') return NOT_TEXT;
  const t = raw.normalize('NFC').trim();
  if (t.startsWith('[') && t.endsWith(']')) {
    const json = jsonArray(t);
    if (json !== undefined) return itemsOf(json);
  }
  return t.split(SEPARATOR).map((x) => x.trim()).filter((x) => x !== '');
}

function jsonArray(t: string): unknown[] | undefined {
  try {
    const v: unknown = JSON.parse(t);
    return Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `optionList(AmbitSymbols, { SOCIAL: 'SOCIAL_COMUNITARIO' }).req({ description })`. `maxItems`
 * bounds what one field may carry (a list longer than the enum has symbols is suspicious anyway).
 */
export function optionList<S extends string>(symbols: readonly S[], aliases: Readonly<Record<string, S>> = {}, maxItems = 32) {
  const parseItem = option(symbols, aliases).parse;
  const build = (doc: ListDoc, required: boolean) => z.unknown().optional().transform((raw, ctx): readonly S[] => {
    const items = itemsOf(raw);
    if (items === NOT_TEXT) { ctx.addIssue({ code: 'custom', message: 'INVALID_TYPE' }); return z.NEVER; }
    if (items.length === 0) {
      if (required) { ctx.addIssue({ code: 'custom', message: 'REQUIRED' }); return z.NEVER; }
      return [];
    }
    if (items.length > maxItems) { ctx.addIssue({ code: 'custom', message: 'TOO_LONG' }); return z.NEVER; }
    const out: S[] = [];
    for (const item of items) {
      const r = parseItem(item);
      if (!r.ok) { ctx.addIssue({ code: 'custom', message: r.code }); return z.NEVER; }
      if (!out.includes(r.value)) out.push(r.value);
    }
    return out;
  }).meta({
    description: doc.description,
    anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string', enum: [...symbols] } }],
    ...(doc.example ? { examples: [doc.example] } : {}),
  });
  return {
    req: (doc: ListDoc) => build(doc, true) as z.ZodType<readonly S[], unknown>,
    /** Blank → `[]`. */
    opt: (doc: ListDoc) => build(doc, false) as z.ZodType<readonly S[], unknown>,
  };
}
