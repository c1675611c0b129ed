/**
 * Canonical text of a decoded event value, so that equal facts hash equally whatever the key
 * order of the object that carried them. Keys are sorted at every level, `undefined` is dropped,
 * arrays keep their order (an order change is treated as a change: forwarding a fact twice is
 * harmless downstream, dropping a real change is not) and bytes are written as hex.
 *
 * The value hashed is the one the Avro reader produced, i.e. already resolved into this service's
 * schema: an event written with an older compatible schema gets the new fields' defaults, so a
 * schema evolution does not make old and new copies of one fact look different.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Uint8Array) return JSON.stringify(`0x${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')}`);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * A one-way hash of text as lower-case hex (SHA-256 in production). Injected by the adapter:
 * domain/ stays free of runtime imports, and tests can count or fix hashes.
 */
export type Hasher = (text: string) => string;

/** Fields are joined with the ASCII unit separator, which never occurs in ids or codes. */
export const FIELD_SEPARATOR = '\u001f';

/**
 * A hex digest shaped as an RFC 4122 name-based UUID (version-5 layout, as connectors/sdk/event-id.ts
 * does for institution events): fixed length, opaque, no personal data in logs.
 */
export function uuidFromHex(hex: string): string {
  if (!/^[0-9a-f]{32,}$/.test(hex)) throw new Error('uuidFromHex needs at least 32 lower-case hex digits');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = `${hex.slice(0, 12)}5${hex.slice(13, 16)}${variant}${hex.slice(17, 32)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
