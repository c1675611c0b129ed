import { Catch, HttpException, Inject, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pickLang, type Lang } from '../../platform/i18n/i18n';
import type { Logger } from '../../platform/logging/create-logger';
import { errorBody, type ErrorBody } from './api-errors';
import { IDENTITY_API } from './tokens';

/** Paths the review API answers (errors on any other path keep Nest's default handling). */
export const IDENTITY_API_PATHS = /^\/v1\/(review|identities)(\/|\?|$)/;

/** What Nest answers by default (its BaseExceptionFilter), for errors outside the API's paths. */
function nestDefault(exception: unknown, reply: FastifyReply): void {
  if (exception instanceof HttpException) {
    const r = exception.getResponse();
    void reply.status(exception.getStatus()).send(typeof r === 'object' ? r : { statusCode: exception.getStatus(), message: r });
    return;
  }
  void reply.status(500).send({ statusCode: 500, message: 'Internal server error' });
}

/**
 * Every error of the review API in the caller's language and one body shape (`{codigo, mensaje}`):
 * guard and controller errors (already shaped), Fastify's body errors (413, 415, invalid JSON),
 * unknown routes under its paths (404) and anything unexpected (500, logged by code and route,
 * never with the request body or any child's data). Fastify's body errors are raised before any
 * controller, and Nest binds app-wide filters to them only when they are installed before
 * `app.init()`: the process installs it with `app.useGlobalFilters(new IdentityApiErrorsFilter(
 * { log, bodyLimitBytes }))` (the module also registers it as APP_FILTER for its routes). Other
 * paths (/health, /metrics) get Nest's default answer, and non-HTTP contexts (the Kafka
 * transport) get the error back untouched, as PassThroughRpcFilter does.
 */
@Catch()
@Injectable()
export class IdentityApiErrorsFilter implements ExceptionFilter {
  private readonly log: Logger;
  private readonly bodyLimitBytes: number;

  constructor(@Inject(IDENTITY_API) deps: { readonly log: Logger; readonly bodyLimitBytes: number }) {
    this.log = deps.log;
    this.bodyLimitBytes = deps.bodyLimitBytes;
  }

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (!IDENTITY_API_PATHS.test(req.url)) return nestDefault(exception, reply);
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
