import { Controller, Get, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CredentialGuard } from '../../platform/auth/credential.guard';
import { mergeBody, resolveBody, splitBody, taskQuery } from './bodies';
import { IdentityApi, type Answer } from './identity-api';
import { correctorOf, parseBody, parseQuery, readerOf } from './request-context';
import { IdentityReviewerGuard } from './reviewer.guard';
import { IDENTITY_API_SERVICE } from './tokens';


function send(reply: FastifyReply, a: Answer): unknown {
  reply.status(a.status).header('cache-control', 'no-store');
  if (a.location) reply.header('location', a.location);
  return a.body;
}

/** Review tasks: the queue reviewers work from, and their decisions. Thin: HTTP ↔ IdentityApi. */
@Controller('v1/review/tasks')
@UseGuards(CredentialGuard, IdentityReviewerGuard)
export class ReviewTasksController {
  constructor(@Inject(IDENTITY_API_SERVICE) private readonly api: IdentityApi) {}

  @Get()
  async list(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const caller = readerOf(req);
    const q = parseQuery(taskQuery, req);
    return send(reply, await this.api.listTasks(caller, q.limit, q.cursor));
  }

  @Post(':id/resolve')
  async resolve(@Param('id') id: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const body = parseBody(resolveBody, req);
    return send(reply, await this.api.resolve(correctorOf(req, body.reason), id, body.decision, body.identityId));
  }
}

/** Identities: read (golden record, provenance, records), explain, merge, split. */
@Controller('v1/identities')
@UseGuards(CredentialGuard, IdentityReviewerGuard)
export class IdentitiesController {
  constructor(@Inject(IDENTITY_API_SERVICE) private readonly api: IdentityApi) {}

  @Get(':id')
  async get(@Param('id') id: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return send(reply, await this.api.getIdentity(readerOf(req), id));
  }

  @Get(':id/explain')
  async explain(@Param('id') id: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return send(reply, await this.api.explain(readerOf(req), id));
  }

  @Post(':id/merge')
  async merge(@Param('id') id: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const body = parseBody(mergeBody, req);
    return send(reply, await this.api.merge(correctorOf(req, body.reason), id, body.into));
  }

  @Post(':id/split')
  async split(@Param('id') id: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const body = parseBody(splitBody, req);
    return send(reply, await this.api.split(correctorOf(req, body.reason), id, body.recordKeys, body.into));
  }
}
