import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { credentialOf } from '../../platform/auth/credential.guard';
import type { Credential } from '../../platform/auth/credential';
import { pickLang } from '../../platform/i18n/i18n';
import { apiError } from './api-errors';

/** Scope of hub staff credentials that may read and correct identities. */
export const IDENTITY_REVIEW_SCOPE = 'identity-review';

/** Pure rule: only the hub's own staff with the review scope; institutions never (they send data, they do not browse children). */
export function mayReviewIdentities(c: Pick<Credential, 'institution' | 'scope'>): boolean {
  return c.institution === 'HUB' && (c.scope === IDENTITY_REVIEW_SCOPE || c.scope === '*');
}

/** After CredentialGuard (401s): 403 for any authenticated credential that may not review. */
@Injectable()
export class IdentityReviewerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    if (!mayReviewIdentities(credentialOf(req))) throw apiError(403, 'FORBIDDEN', pickLang(req.headers['accept-language']));
    return true;
  }
}
