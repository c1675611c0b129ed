import { Controller, Get, Inject, Module, Param, Query, Req, Res, UseGuards, type DynamicModule } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Authenticator } from '../../platform/auth/authenticator';
import { AUTHENTICATOR, CredentialGuard, credentialOf } from '../../platform/auth/credential.guard';
import { pickLang } from '../../platform/i18n/i18n';
import { CaseQueries, errorBody, indicatorQuery, type Answer, type Caller } from './case-queries';

export const CASE_QUERIES = Symbol('CASE_QUERIES');
/** A stated purpose: 3–200 printable characters (no control characters). */
const PURPOSE = /^[\p{L}\p{N}\p{P}\p{S} ]{3,200}$/u;

/** Sends an answer, or the 400 of a missing X-Purpose (nothing is read without a stated purpose). */
function send(reply: FastifyReply, a: Answer): unknown {
  reply.status(a.status).header('cache-control', 'no-store');
  if (a.location) reply.header('location', a.location);
  if (a.contentType) reply.header('content-type', a.contentType);
  return a.body;
}

function callerOf(req: FastifyRequest, reply: FastifyReply): Caller | null {
  const lang = pickLang(req.headers['accept-language']);
  const raw = req.headers['x-purpose'];
  const purpose = (Array.isArray(raw) ? raw.join(', ') : raw ?? '').trim();
  if (!PURPOSE.test(purpose)) {
    reply.status(400).header('cache-control', 'no-store');
    return null;
  }
  return { credential: credentialOf(req), lang, purpose };
}

@Controller('v1')
@UseGuards(CredentialGuard)
export class CaseStatusController {
  constructor(@Inject(CASE_QUERIES) private readonly q: CaseQueries) {}

  @Get('children/:childId/timeline')
  async timeline(@Param('childId') childId: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const caller = callerOf(req, reply);
    if (!caller) return errorBody('PURPOSE_REQUIRED', pickLang(req.headers['accept-language']));
    return send(reply, await this.q.timeline(caller, childId));
  }

  @Get('cases/:caseId')
  async getCase(@Param('caseId') caseId: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const caller = callerOf(req, reply);
    if (!caller) return errorBody('PURPOSE_REQUIRED', pickLang(req.headers['accept-language']));
    return send(reply, await this.q.caseById(caller, caseId));
  }

  @Get('indicators')
  async indicators(@Query() query: unknown, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return this.indicatorsAs('json', query, req, reply);
  }

  @Get('indicators.csv')
  async indicatorsCsv(@Query() query: unknown, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return this.indicatorsAs('csv', query, req, reply);
  }

  private async indicatorsAs(format: 'json' | 'csv', query: unknown, req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const caller = callerOf(req, reply);
    if (!caller) return errorBody('PURPOSE_REQUIRED', pickLang(req.headers['accept-language']));
    const parsed = indicatorQuery.safeParse(query ?? {});
    if (!parsed.success || parsed.data.from > parsed.data.to) {
      reply.status(400).header('cache-control', 'no-store');
      return errorBody('INVALID_QUERY', caller.lang, { detail: parsed.success ? 'from > to' : parsed.error.issues.map((i) => i.path.join('.')).join(', ') });
    }
    const { from, to, by } = parsed.data;
    return send(reply, await this.q.indicators(caller, { from, to, by }, format));
  }
}

/** The query API (under /v1), authenticated with institution credentials, scoped and audited. */
@Module({})
export class CaseStatusApiModule {
  static register(deps: { queries: CaseQueries; authenticator: Authenticator }): DynamicModule {
    return {
      module: CaseStatusApiModule,
      controllers: [CaseStatusController],
      providers: [CredentialGuard, { provide: AUTHENTICATOR, useValue: deps.authenticator }, { provide: CASE_QUERIES, useValue: deps.queries }],
    };
  }
}
