import { Authenticator, type CredentialLookup } from './authenticator';
import type { StoredCredential } from './credential';
import { issueToken } from './token';

/** A credential store in memory that counts reads, with a clock the test moves. */
function aStore() {
  const rows = new Map<string, StoredCredential>();
  const calls: string[] = [];
  const lookup: CredentialLookup = { findStored: async (id) => { calls.push(id); return rows.get(id) ?? null; } };
  const add = (over: Partial<StoredCredential> = {}) => {
    const t = issueToken();
    rows.set(t.credentialId, { id: t.credentialId, institution: 'TRIBUNAL', scope: '1301', label: null, createdAt: new Date(0), revokedAt: null, secretHash: t.secretHash, ...over });
    return { id: t.credentialId, header: `Bearer ${t.token}` };
  };
  return { rows, calls, lookup, add };
}

describe('Authenticator', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => { clock = 1_000_000; });

  it('Given a valid token, When authenticated, Then the credential is returned without its secret hash', async () => {
    const store = aStore();
    const { id, header } = store.add();
    const r = await new Authenticator(store.lookup, { now }).authenticate(header);
    expect(r).toEqual({ ok: true, credential: expect.objectContaining({ id, institution: 'TRIBUNAL', scope: '1301' }) });
    expect(r.ok && 'secretHash' in r.credential).toBe(false);
  });

  it('Given no header, another scheme, a malformed token, an unknown id or a wrong secret, When authenticated, Then each is refused with its reason', async () => {
    const store = aStore();
    const { id } = store.add();
    const auth = new Authenticator(store.lookup, { now });
    expect(await auth.authenticate(undefined)).toEqual({ ok: false, reason: 'TOKEN_MISSING' });
    expect(await auth.authenticate('Basic dXNlcjpwYXNz')).toEqual({ ok: false, reason: 'TOKEN_INVALID' });
    expect(await auth.authenticate('Bearer nope')).toEqual({ ok: false, reason: 'TOKEN_INVALID' });
    expect(await auth.authenticate(`Bearer ${issueToken().token}`)).toEqual({ ok: false, reason: 'TOKEN_INVALID' });
    expect(await auth.authenticate(`Bearer rnh_${id}_${'A'.repeat(43)}`)).toEqual({ ok: false, reason: 'TOKEN_INVALID' });
  });

  it('Given many requests within the TTL, When authenticated, Then the store is read once (no read or write per request)', async () => {
    const store = aStore();
    const { header } = store.add();
    const auth = new Authenticator(store.lookup, { now, ttlMs: 5000 });
    await Promise.all(Array.from({ length: 50 }, () => auth.authenticate(header)));
    clock += 4999;
    await auth.authenticate(header);
    expect(store.calls).toHaveLength(1);
  });

  it('Given a credential revoked in the store, When the TTL passes, Then the next request is refused as revoked', async () => {
    const store = aStore();
    const { id, header } = store.add();
    const auth = new Authenticator(store.lookup, { now, ttlMs: 5000 });
    expect((await auth.authenticate(header)).ok).toBe(true);
    store.rows.set(id, { ...store.rows.get(id)!, revokedAt: new Date(clock) });
    expect((await auth.authenticate(header)).ok).toBe(true);
    clock += 5000;
    expect(await auth.authenticate(header)).toEqual({ ok: false, reason: 'TOKEN_REVOKED' });
  });

  it('Given a revoked credential, When someone without the secret presents its id, Then they only learn the token is invalid', async () => {
    const store = aStore();
    const { id } = store.add({ revokedAt: new Date(0) });
    expect(await new Authenticator(store.lookup, { now }).authenticate(`Bearer rnh_${id}_${'B'.repeat(43)}`)).toEqual({ ok: false, reason: 'TOKEN_INVALID' });
  });

  it('Given the store fails once, When authenticated, Then the failure propagates and is not cached', async () => {
    const store = aStore();
    const { header } = store.add();
    let fail = true;
    const lookup: CredentialLookup = { findStored: (id) => (fail ? Promise.reject(new Error('db down')) : store.lookup.findStored(id)) };
    const auth = new Authenticator(lookup, { now });
    await expect(auth.authenticate(header)).rejects.toThrow('db down');
    fail = false;
    expect((await auth.authenticate(header)).ok).toBe(true);
  });

  it('Given more distinct ids than the cache holds, When authenticated, Then the cache stays bounded and still answers correctly', async () => {
    const store = aStore();
    const auth = new Authenticator(store.lookup, { now, maxEntries: 4 });
    const creds = Array.from({ length: 10 }, () => store.add());
    for (const c of creds) expect((await auth.authenticate(c.header)).ok).toBe(true);
    expect((auth as unknown as { cache: Map<string, unknown> }).cache.size).toBeLessThanOrEqual(4);
  });
});
