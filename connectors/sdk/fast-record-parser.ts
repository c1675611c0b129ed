import type { z } from 'zod';
import { FIELD_READERS, type FieldReader } from './native-fields';

/**
 * A record parser that skips zod's per-field machinery on the common path. Zod costs about as
 * much as the field checks themselves per record, and imports validate millions of records.
 *
 * It applies only to a plain `z.object({...})` whose every field is one of native-fields.ts's
 * types (which register their reader in FIELD_READERS), with no refinements and no catch-all:
 * then zod's result is exactly "each shape key → its field's value, unknown keys dropped", which
 * is what this computes with the very same readers. Anything else returns undefined here and is
 * parsed by zod. A record with any issue is also left to zod, so the issues (their order, paths
 * and codes) are zod's own: this parser only ever produces successes.
 */
export type FastRecordParser = (raw: Readonly<Record<string, unknown>>) => Record<string, unknown> | undefined;

const cache = new WeakMap<z.ZodType, FastRecordParser | null>();

export function fastRecordParser(schema: z.ZodType): FastRecordParser | undefined {
  let parser = cache.get(schema);
  if (parser === undefined) {
    parser = compile(schema);
    cache.set(schema, parser);
  }
  return parser ?? undefined;
}

function compile(schema: z.ZodType): FastRecordParser | null {
  const def = (schema as unknown as { _zod?: { def?: ObjectDef } })._zod?.def;
  if (!def || def.type !== 'object' || !def.shape || def.catchall !== undefined || (def.checks?.length ?? 0) > 0) return null;
  const keys = Object.keys(def.shape);
  const readers: FieldReader[] = [];
  for (const k of keys) {
    const reader = FIELD_READERS.get(def.shape[k]!);
    if (!reader) return null;
    readers.push(reader);
  }
  const n = keys.length;
  return (raw) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const r = readers[i]!(raw[keys[i]!]); // `raw[key]`, as zod reads it
      if (!r.ok) return undefined;
      out[keys[i]!] = r.value;
    }
    return out;
  };
}

interface ObjectDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly catchall?: unknown;
  readonly checks?: readonly unknown[];
}
