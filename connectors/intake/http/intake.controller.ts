import { Controller, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CredentialGuard, credentialOf } from '../../../services/platform/auth/credential.guard';
import { errorCode, isRetriable } from '../../../services/platform/errors';
import { pickLang } from '../../../services/platform/i18n/i18n';
import type { Logger } from '../../../services/platform/logging/create-logger';
import { classifyPgError } from '../../../services/platform/postgres/classify-pg-error';
import { errorBody } from '../intake-text';
import type { IntakeService } from '../intake-service';
import { API_PREFIX, type IntakeRoute } from '../routes';

export const INTAKE_HTTP = Symbol('INTAKE_HTTP');

export interface IntakeHttpDeps {
  readonly service: IntakeService;
  /** Route table by full path (`/v1/tribunals/orders`). */
  readonly routes: ReadonlyMap<string, IntakeRoute>;
  readonly log: Logger;
}

const TRACE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * `POST /v1/<institution>/<kind>`: one route template serving the route table built from the
 * connector specs (unknown pairs are 404). Thin: credential (guard) → IntakeService → status and
 * body. A failure to store is 503 with Retry-After: the record was not accepted, retry it.
 */
@Controller(API_PREFIX.slice(1))
@UseGuards(CredentialGuard)
export class IntakeController {
  constructor(@Inject(INTAKE_HTTP) private readonly deps: IntakeHttpDeps) {}

  @Post(':institution/:kind')
  async submit(
    @Param('institution') institution: string,
    @Param('kind') kind: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const lang = pickLang(req.headers['accept-language']);
    const path = `${API_PREFIX}/${institution}/${kind}`;
    const route = this.deps.routes.get(path);
    if (!route) {
      reply.status(404);
      return errorBody('NOT_FOUND', lang, { method: 'POST', path });
    }
    const key = req.headers['idempotency-key'];
    const requestId = req.headers['x-request-id'];
    try {
      const answer = await this.deps.service.handle({
        route, lang, body: req.body,
        credential: credentialOf(req),
        idempotencyKey: Array.isArray(key) ? key.join(',') : key,
        traceId: typeof requestId === 'string' && TRACE_ID.test(requestId) ? requestId : randomUUID(),
      });
      reply.status(answer.status);
      if (answer.replayed) reply.header('idempotency-replayed', 'true');
      return answer.body;
    } catch (err) {
      const e = classifyPgError(err);
      // Codes and driver messages only: never the body, which carries a child's data.
      this.deps.log.error({ route: route.path, code: errorCode(e), err: e instanceof Error ? e.message : String(e) }, 'record not accepted: could not be stored');
      if (isRetriable(e)) {
        reply.status(503).header('retry-after', '2');
        return errorBody('UNAVAILABLE', lang);
      }
      reply.status(500);
      return errorBody('INTERNAL', lang);
    }
  }
}
