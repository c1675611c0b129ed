import { createHash } from 'node:crypto';

/** Crockford base32 (no I, L, O, U): unambiguous when read aloud or copied by hand. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * An opaque child id derived from what caused the identity: for the stream, the id of the input
 * event whose record started it (`stream:<eventId>`); for people, the request or task id
 * (`api:<requestId>:<n>`). Derived, not random, so replaying the same input into an empty
 * database issues the same ids (downstream views keyed by child id survive a rebuild). Each cause
 * creates at most one identity (event ids are claimed once), and identities are never deleted,
 * so an id is never reused; the primary key refuses a collision instead of overwriting.
 * 130 bits of SHA-256: collisions are not a practical concern. No personal data goes in.
 */
export function childIdFor(cause: string): string {
  const digest = createHash('sha256').update(`hub.identity.child:${cause}`).digest();
  let out = 'NNA-';
  let acc = 0;
  let bits = 0;
  for (const byte of digest) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 4 + 26) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
    if (out.length >= 4 + 26) break;
  }
  return out;
}

/** The cause of an identity the stream creates for the record of one input event. */
export function streamChildId(eventId: string): string {
  return childIdFor(`stream:${eventId}`);
}

/** Id of a review task the stream opens for the record of one input event (deterministic too). */
export function streamTaskId(eventId: string): string {
  return `RT-${childIdFor(`task:${eventId}`).slice(4)}`;
}
