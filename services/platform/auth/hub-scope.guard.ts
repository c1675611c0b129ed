import { HttpException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { pickLang } from '../i18n/i18n';
import { authErrorBody, credentialOf } from './credential.guard';
import { holdsHubScope, type HubScope } from './hub-scopes';

/**
 * After CredentialGuard (which answers the 401s): 403 `HUB_SCOPE_REQUIRED` unless the credential
 * holds the role. Used as an instance (not resolved by Nest's injector): `@UseGuards(CredentialGuard, new HubScopeGuard('ops-read'))`.
 * The refusal does not depend on the resource asked for, so it reveals nothing about it.
 */
export class HubScopeGuard implements CanActivate {
  constructor(private readonly role: HubScope) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    if (holdsHubScope(credentialOf(req), this.role)) return true;
    throw new HttpException(authErrorBody('HUB_SCOPE_REQUIRED', pickLang(req.headers['accept-language']), { scope: this.role }), 403);
  }
}
