import { hash } from 'node:crypto';

/**
 * Deterministic event ids. The same fact sent twice (a file imported again, an HTTP retry) gets
 * the same id, so every consumer can drop the repeat. The id is derived from the source
 * institution, the unit, the record kind, the source's record id and either the source's own
 * version of the record or a hash of its canonical content; so a *corrected* record (same id,
 * new content) is a new event, and a re-sent one is not.
 *
 * Shaped like an RFC 4122 name-based UUID (version 5 layout, SHA-256 instead of SHA-1): fixed
 * length, opaque, and it carries no personal data into logs.
 */
export function deterministicEventId(parts: readonly string[]): string {
  // One-shot hash (no Hash object: imports hash millions of records). The version and variant
  // bits are set on the hex digits: byte 6's high nibble is digit 12, byte 8's is digit 16.
  const hex = hash('sha256', parts.join('\u001f'), 'hex');
  const variant = VARIANT_DIGIT[parseInt(hex[16]!, 16)]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
/** RFC 4122 variant: the top two bits of byte 8 are `10`, i.e. its high nibble is 8, 9, a or b. */
const VARIANT_DIGIT = Array.from({ length: 16 }, (_, n) => ((n & 0x3) | 0x8).toString(16));

/**
 * SHA-256 of a mapped value's JSON, hex. Mappings build their objects in a fixed field order, so
 * plain JSON is canonical for a given hub version and several times cheaper than sorting keys
 * (imports hash millions of records). If a release reorders fields, re-sent records get new ids
 * once; the deduplication service's content check still recognises them (issue 4).
 */
export function contentHash(value: unknown): string {
  return hash('sha256', JSON.stringify(value), 'hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
