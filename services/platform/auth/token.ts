import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer tokens: `rnh_<id>_<secret>`. The id (8 random bytes, hex) finds the credential without
 * scanning; the secret (32 random bytes, 256 bits, base64url) proves possession. Only SHA-256 of
 * the secret is stored: for a uniformly random 256-bit secret a slow password hash adds nothing
 * (there is no dictionary to guess from), and a fast one keeps authentication off the hot path.
 * The `rnh_` prefix makes leaked tokens easy to spot for secret scanners.
 */
export const TOKEN_PREFIX = 'rnh';
const TOKEN = /^rnh_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface IssuedToken {
  readonly credentialId: string;
  readonly secretHash: Buffer;
  /** Shown once to the operator who created it; never stored. */
  readonly token: string;
}

export interface ParsedToken {
  readonly credentialId: string;
  readonly secret: string;
}

/** A fresh id and secret; `random` is injectable for tests. */
export function issueToken(random: (bytes: number) => Buffer = randomBytes): IssuedToken {
  const credentialId = random(8).toString('hex');
  const secret = random(32).toString('base64url');
  return { credentialId, secretHash: hashSecret(secret), token: `${TOKEN_PREFIX}_${credentialId}_${secret}` };
}

/** The id and secret of a well-formed token; null for anything else (never throws, never echoes). */
export function parseToken(token: string): ParsedToken | null {
  const m = TOKEN.exec(token);
  return m ? { credentialId: m[1]!, secret: m[2]! } : null;
}

/** `Authorization: Bearer <token>` → the token; null when the header is missing or another scheme. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Compares in constant time, so response timing does not reveal how much of a secret was right. */
export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const h = hashSecret(secret);
  return h.length === storedHash.length && timingSafeEqual(h, storedHash);
}
