import { HttpException, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Credential } from './credential';
import { HubScopeGuard } from './hub-scope.guard';
import { holdsHubScope, HUB_SCOPES } from './hub-scopes';
import { canonicalScope } from './scope';

function contextWith(credential: Pick<Credential, 'institution' | 'scope'>, lang?: string): ExecutionContext {
  const request = { headers: lang ? { 'accept-language': lang } : {}, hubCredential: { id: 'c1', label: null, createdAt: new Date(0), revokedAt: null, ...credential } } as unknown as FastifyRequest;
  return { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

function refusal(guard: HubScopeGuard, ctx: ExecutionContext): { status: number; body: unknown } {
  try {
    guard.canActivate(ctx);
  } catch (e) {
    if (e instanceof HttpException) return { status: e.getStatus(), body: e.getResponse() };
    throw e;
  }
  throw new Error('the guard let the request through');
}

describe('HUB scopes', () => {
  it('Given a HUB credential, When it holds the role or `*`, Then it may act in that role only', () => {
    expect(holdsHubScope({ institution: 'HUB', scope: 'case-read' }, 'case-read')).toBe(true);
    expect(holdsHubScope({ institution: 'HUB', scope: '*' }, 'case-read')).toBe(true);
    expect(holdsHubScope({ institution: 'HUB', scope: 'identity-review' }, 'case-read')).toBe(false);
    expect(holdsHubScope({ institution: 'HUB', scope: 'ops-read' }, 'identity-review')).toBe(false);
    expect(holdsHubScope({ institution: 'HUB', scope: 'lag-console' }, 'ops-read')).toBe(false);
  });

  it('Given an institution credential, even scoped `*` or named like a role, When asked for a HUB role, Then never', () => {
    for (const role of HUB_SCOPES) {
      expect(holdsHubScope({ institution: 'MUNICIPALITY', scope: '*' }, role)).toBe(false);
      expect(holdsHubScope({ institution: 'SENAME', scope: role }, role)).toBe(false);
    }
  });

  it('Given scopes typed for HUB, When canonicalised, Then only the known roles and `*` are accepted (a typo creates nothing)', () => {
    for (const role of HUB_SCOPES) expect(canonicalScope('HUB', ` ${role} `)).toBe(role);
    expect(canonicalScope('HUB', '*')).toBe('*');
    expect(canonicalScope('HUB', 'case-raed')).toBeNull();
    expect(canonicalScope('HUB', 'lag-console')).toBeNull();
    expect(canonicalScope('HUB', '1301')).toBeNull();
  });

  it('Given the guard of a role, When the credential lacks it, Then 403 HUB_SCOPE_REQUIRED naming the role, in the caller\'s language', () => {
    const guard = new HubScopeGuard('ops-read');
    expect(guard.canActivate(contextWith({ institution: 'HUB', scope: 'ops-read' }))).toBe(true);
    expect(guard.canActivate(contextWith({ institution: 'HUB', scope: '*' }))).toBe(true);
    const es = refusal(guard, contextWith({ institution: 'HUB', scope: 'identity-review' }));
    expect(es).toEqual({ status: 403, body: { codigo: 'HUB_SCOPE_REQUIRED', mensaje: expect.stringContaining('alcance ops-read') } });
    const en = refusal(guard, contextWith({ institution: 'MUNICIPALITY', scope: '*' }, 'en'));
    expect(en).toEqual({ status: 403, body: { codigo: 'HUB_SCOPE_REQUIRED', mensaje: expect.stringContaining('scope ops-read') } });
  });
});
