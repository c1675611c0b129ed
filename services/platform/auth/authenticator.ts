import type { Credential, StoredCredential } from './credential';
import { bearerToken, parseToken, secretMatches } from './token';

export type AuthFailure = 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_REVOKED';
export type AuthResult = { readonly ok: true; readonly credential: Credential } | { readonly ok: false; readonly reason: AuthFailure };

export interface CredentialLookup {
  findStored(id: string): Promise<StoredCredential | null>;
}

export interface AuthenticatorOptions {
  /**
   * How long a looked-up credential (or its absence) is reused. Short, so a revocation takes
   * effect within seconds in every process, without a database read per request.
   */
  readonly ttlMs?: number;
  /** Bound on cached ids, so a flood of random ids cannot grow memory. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

interface Entry {
  readonly value: Promise<StoredCredential | null>;
  readonly expiresAt: number;
}

/**
 * Verifies `Authorization: Bearer rnh_<id>_<secret>` headers. Reads credentials through a small
 * in-process cache and writes nothing (no "last used" update per request). Concurrent requests
 * for the same id share one lookup. A revoked credential is reported as revoked only to a caller
 * who proves the secret; anyone else just has an invalid token.
 */
export class Authenticator {
  private readonly cache = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly lookup: CredentialLookup, opts: AuthenticatorOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 5000;
    this.maxEntries = opts.maxEntries ?? 10000;
    this.now = opts.now ?? Date.now;
  }

  /** Rejects only when the credential store cannot be read (a transient failure, not a bad token). */
  async authenticate(authorization: string | undefined): Promise<AuthResult> {
    const raw = bearerToken(authorization);
    if (raw === null) return { ok: false, reason: authorization ? 'TOKEN_INVALID' : 'TOKEN_MISSING' };
    const token = parseToken(raw);
    if (token === null) return { ok: false, reason: 'TOKEN_INVALID' };
    const stored = await this.find(token.credentialId);
    if (stored === null || !secretMatches(token.secret, stored.secretHash)) return { ok: false, reason: 'TOKEN_INVALID' };
    if (stored.revokedAt !== null) return { ok: false, reason: 'TOKEN_REVOKED' };
    const { secretHash: _hash, ...credential } = stored;
    return { ok: true, credential };
  }

  private find(id: string): Promise<StoredCredential | null> {
    const at = this.now();
    const hit = this.cache.get(id);
    if (hit && hit.expiresAt > at) return hit.value;
    if (hit) this.cache.delete(id);
    if (this.cache.size >= this.maxEntries) this.evictOldest(at);
    const value = this.lookup.findStored(id);
    // A failed read is not an answer: the next request asks again.
    value.catch(() => { if (this.cache.get(id)?.value === value) this.cache.delete(id); });
    this.cache.set(id, { value, expiresAt: at + this.ttlMs });
    return value;
  }

  /** Drops expired entries, or the oldest half when none has expired (Map keeps insertion order). */
  private evictOldest(at: number): void {
    for (const [id, e] of this.cache) if (e.expiresAt <= at) this.cache.delete(id);
    if (this.cache.size < this.maxEntries) return;
    let n = Math.ceil(this.cache.size / 2);
    for (const id of this.cache.keys()) { if (n-- <= 0) break; this.cache.delete(id); }
  }
}
