import { HttpException, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Authenticator, type CredentialLookup } from './authenticator';
import { CredentialGuard, credentialOf } from './credential.guard';
import { issueToken } from './token';

/** The slice of Nest's ExecutionContext the guard reads, over a plain request and a header-recording reply. */
function contextFor(headers: Record<string, string>) {
  const request = { headers } as unknown as FastifyRequest;
  const sent: Record<string, string> = {};
  const reply = { header: (k: string, v: string) => { sent[k] = v; return reply; } };
  const ctx = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ExecutionContext;
  return { ctx, request, sent };
}

async function refusal(guard: CredentialGuard, ctx: ExecutionContext): Promise<{ status: number; body: unknown }> {
  try {
    await guard.canActivate(ctx);
  } catch (e) {
    if (e instanceof HttpException) return { status: e.getStatus(), body: e.getResponse() };
    throw e;
  }
  throw new Error('the guard let the request through');
}

describe('CredentialGuard', () => {
  const issued = issueToken();
  const lookup: CredentialLookup = {
    findStored: async (id) => (id === issued.credentialId
      ? { id, institution: 'TRIBUNAL', scope: '1301', label: null, createdAt: new Date(0), revokedAt: null, secretHash: issued.secretHash }
      : null),
  };
  const guard = new CredentialGuard(new Authenticator(lookup));

  it('Given a valid bearer token, When guarded, Then the request goes through carrying its credential', async () => {
    const { ctx, request } = contextFor({ authorization: `Bearer ${issued.token}` });
    expect(await guard.canActivate(ctx)).toBe(true);
    expect(credentialOf(request)).toMatchObject({ id: issued.credentialId, institution: 'TRIBUNAL', scope: '1301' });
  });

  it('Given no token, When guarded, Then 401 in Spanish with a Bearer challenge', async () => {
    const { ctx, sent } = contextFor({});
    expect(await refusal(guard, ctx)).toEqual({ status: 401, body: { codigo: 'TOKEN_MISSING', mensaje: expect.stringContaining('Falta la credencial') } });
    expect(sent['www-authenticate']).toBe('Bearer realm="red-ninez-hub"');
  });

  it('Given an invalid token and Accept-Language en, When guarded, Then 401 in English marked invalid_token', async () => {
    const { ctx, sent } = contextFor({ authorization: 'Bearer rnh_nope', 'accept-language': 'en-US,en;q=0.9' });
    expect(await refusal(guard, ctx)).toEqual({ status: 401, body: { codigo: 'TOKEN_INVALID', mensaje: 'The credential is not valid.' } });
    expect(sent['www-authenticate']).toContain('error="invalid_token"');
  });

  it('Given the credential store down, When guarded, Then 503 (retry), not 401 (which would tell the client its token is bad)', async () => {
    const down = new CredentialGuard(new Authenticator({ findStored: () => Promise.reject(new Error('ECONNREFUSED')) }));
    const { ctx } = contextFor({ authorization: `Bearer ${issued.token}` });
    expect(await refusal(down, ctx)).toMatchObject({ status: 503, body: { codigo: 'AUTH_UNAVAILABLE' } });
  });
});
