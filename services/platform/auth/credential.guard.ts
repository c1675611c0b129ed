import { HttpException, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createTranslator, pickLang, type Lang, type Params } from '../i18n/i18n';
import type { Authenticator } from './authenticator';
import type { Credential } from './credential';
import { AUTH_MESSAGES_EN, AUTH_MESSAGES_ES } from './messages';

/** Nest injection token of the process's Authenticator. */
export const AUTHENTICATOR = Symbol('AUTHENTICATOR');

/** The error body every hub HTTP API answers with: a stable code and a message for people. */
export interface ApiErrorBody {
  readonly codigo: string;
  readonly mensaje: string;
}

export function authErrorBody(code: string, lang: Lang, params?: Params): ApiErrorBody {
  return { codigo: code, mensaje: createTranslator(lang, AUTH_MESSAGES_ES, AUTH_MESSAGES_EN).t(code, params) };
}

type AuthenticatedRequest = FastifyRequest & { hubCredential?: Credential };

/**
 * Guards a controller with the institutions' bearer credentials: 401 (in the caller's language)
 * for a missing, invalid or revoked token, 503 when the credential store cannot be read; on
 * success the credential is attached to the request (`credentialOf`). What the credential may
 * do (institution, unit) is the route's decision, with checkInstitution / checkUnit.
 */
@Injectable()
export class CredentialGuard implements CanActivate {
  constructor(@Inject(AUTHENTICATOR) private readonly authenticator: Authenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    const lang = pickLang(req.headers['accept-language']);
    let result: Awaited<ReturnType<Authenticator['authenticate']>>;
    try {
      result = await this.authenticator.authenticate(req.headers.authorization);
    } catch (cause) {
      throw new HttpException(authErrorBody('AUTH_UNAVAILABLE', lang), 503, { cause });
    }
    if (!result.ok) {
      http.getResponse<FastifyReply>().header('www-authenticate', `Bearer realm="red-ninez-hub"${result.reason === 'TOKEN_MISSING' ? '' : ', error="invalid_token"'}`);
      throw new HttpException(authErrorBody(result.reason, lang), 401);
    }
    req.hubCredential = result.credential;
    return true;
  }
}

/** The credential CredentialGuard attached to this request. */
export function credentialOf(req: FastifyRequest): Credential {
  const c = (req as AuthenticatedRequest).hubCredential;
  if (!c) throw new Error('credentialOf called on a route without CredentialGuard');
  return c;
}
