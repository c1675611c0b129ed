import { bearerToken, hashSecret, issueToken, parseToken, secretMatches } from './token';

describe('credential tokens', () => {
  it('Given a fresh token, When parsed, Then it yields its credential id and a secret whose hash is the stored one', () => {
    const issued = issueToken();
    expect(issued.token).toMatch(/^rnh_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseToken(issued.token)!;
    expect(parsed.credentialId).toBe(issued.credentialId);
    expect(secretMatches(parsed.secret, issued.secretHash)).toBe(true);
    expect(issued.secretHash).toHaveLength(32);
  });

  it('Given two issued tokens, When compared, Then ids and secrets differ (256-bit random secrets)', () => {
    const a = issueToken();
    const b = issueToken();
    expect(a.credentialId).not.toBe(b.credentialId);
    expect(parseToken(a.token)!.secret).not.toBe(parseToken(b.token)!.secret);
  });

  it('Given an injected random source, When a token is issued, Then the token is built from exactly those bytes', () => {
    const issued = issueToken((n) => Buffer.alloc(n, 0xab));
    expect(issued.credentialId).toBe('abababababababab');
    expect(issued.token).toBe(`rnh_abababababababab_${Buffer.alloc(32, 0xab).toString('base64url')}`);
  });

  it.each([
    ['no prefix', 'xyz_0123456789abcdef_' + 'a'.repeat(43)],
    ['upper-case id', 'rnh_0123456789ABCDEF_' + 'a'.repeat(43)],
    ['short secret', 'rnh_0123456789abcdef_' + 'a'.repeat(42)],
    ['trailing garbage', 'rnh_0123456789abcdef_' + 'a'.repeat(43) + '!'],
    ['empty', ''],
  ])('Given a malformed token (%s), When parsed, Then it is rejected', (_label, token) => {
    expect(parseToken(token)).toBeNull();
  });

  it('Given a secret that differs in one character, When checked, Then it does not match', () => {
    const issued = issueToken();
    const secret = parseToken(issued.token)!.secret;
    const other = (secret[0] === 'A' ? 'B' : 'A') + secret.slice(1);
    expect(secretMatches(other, issued.secretHash)).toBe(false);
    expect(secretMatches(secret, hashSecret(secret))).toBe(true);
  });

  it('Given Authorization headers, When the bearer token is extracted, Then only the Bearer scheme yields one', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer   abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
