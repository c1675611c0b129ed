import { Catch, HttpException, Inject, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pickLang, type Lang } from '../../platform/i18n/i18n';
import type { Logger } from '../../platform/logging/create-logger';
import { errorBody, type ErrorBody } from './api-errors';
import { IDENTITY_API } from './tokens';

/**
 * Every error of the review API in the caller's language and one body shape (`{codigo, mensaje}`):
 * guard and controller errors (already shaped), Fastify's body errors (413, 415, invalid JSON),
 * unknown routes (404) and anything unexpected (500, logged by code and route, never with the
 * request body or any child's data).
 */
@Catch()
@Injectable()
export class IdentityApiErrorsFilter implements ExceptionFilter {
  private readonly log: Logger;
  private readonly bodyLimitBytes: number;

  /** Injected for the controllers; `new IdentityApiErrorsFilter(deps)` to install it globally. */
  constructor(@Inject(IDENTITY_API) deps: { readonly log: Logger; readonly bodyLimitBytes: number }) {
    this.log = deps.log;
    this.bodyLimitBytes = deps.bodyLimitBytes;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const lang = pickLang(req.headers['accept-language']);
    const [status, body] = this.describe(exception, req, lang);
    if (status >= 500) this.log.error({ code: body.codigo, err: exception instanceof Error ? exception.message : String(exception), route: req.routeOptions?.url }, 'identity api request failed');
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private describe(exception: unknown, req: FastifyRequest, lang: Lang): [number, ErrorBody] {
    if (!(exception instanceof HttpException)) return [500, errorBody('INTERNAL', lang)];
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null && 'codigo' in response) return [status, response as ErrorBody];
    switch (status) {
      case 404: return [404, errorBody('NOT_FOUND', lang, { method: req.method, path: req.url.split('?')[0] })];
      case 413: return [413, errorBody('BODY_TOO_LARGE', lang, { limit: Math.floor(this.bodyLimitBytes / 1024) })];
      case 415: return [415, errorBody('UNSUPPORTED_MEDIA_TYPE', lang)];
      case 400: return [400, errorBody(/empty/i.test(exception.message) ? 'EMPTY_BODY' : 'INVALID_JSON', lang)];
      default: return [status, errorBody(status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', lang)];
    }
  }
}
