import { createHash } from 'node:crypto';

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
  const h = createHash('sha256').update(parts.join('\u001f')).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * SHA-256 of a mapped value's JSON, hex. Mappings build their objects in a fixed field order, so
 * plain JSON is canonical for a given hub version and several times cheaper than sorting keys
 * (imports hash millions of records). If a release reorders fields, re-sent records get new ids
 * once; the deduplication service's content check still recognises them (issue 4).
 */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
