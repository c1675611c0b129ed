/**
 * Safe reads over JSON of unknown shape. A bundle is untrusted input: any property may be
 * missing, of the wrong type or named like an Object.prototype member, and reading it must
 * never throw. Only own properties count.
 */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property of an object, or undefined (for non-objects too). */
export function get(v: unknown, key: string): unknown {
  return isObject(v) && Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
}

/** An array property, or an empty array when it is missing or not an array. */
export function list(v: unknown, key: string): readonly unknown[] {
  const x = get(v, key);
  return Array.isArray(x) ? x : [];
}

/** A non-blank string property, trimmed, or undefined. */
export function text(v: unknown, key: string): string | undefined {
  const x = get(v, key);
  return typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined;
}

/** Index of the first element that satisfies `test`, or -1. */
export function findIndex(items: readonly unknown[], test: (item: unknown) => boolean): number {
  for (let i = 0; i < items.length; i++) if (test(items[i])) return i;
  return -1;
}

/** Every `code` of a CodeableConcept (or a bare Coding), optionally only of systems that pass `system`. */
export function codesOf(concept: unknown, system?: (s: string | undefined) => boolean): string[] {
  const codings = isObject(concept) && Array.isArray(get(concept, 'coding')) ? list(concept, 'coding') : [concept];
  const out: string[] = [];
  for (const c of codings) {
    const code = text(c, 'code');
    if (code !== undefined && (!system || system(text(c, 'system')))) out.push(code);
  }
  return out;
}
