import { Body, Controller, Delete, Get, Inject, Module, Param, Post, Query, Req, Res, UseGuards, type DynamicModule } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Authenticator } from '../../platform/auth/authenticator';
import { AUTHENTICATOR, CredentialGuard, credentialOf } from '../../platform/auth/credential.guard';
import { pickLang } from '../../platform/i18n/i18n';
import type { FlagService } from './flag-service';
import { streamDeliveries } from './sse-stream';
import type { Answer, Caller, SubscriptionService } from './subscription-service';

export const SUBSCRIPTION_SERVICE = Symbol('SUBSCRIPTION_SERVICE');
export const SSE_DEPS = Symbol('SSE_DEPS');
export const FLAG_SERVICE = Symbol('FLAG_SERVICE');
export interface SseDeps { readonly wait: (ms: number) => Promise<void>; readonly pollMs: number }

function callerOf(req: FastifyRequest): Caller {
  return { credential: credentialOf(req), lang: pickLang(req.headers['accept-language']) };
}

function send(reply: FastifyReply, a: Answer): unknown {
  reply.status(a.status).header('cache-control', 'no-store');
  return a.body;
}

/** The subscriptions API (under /v1): MUNICIPALITY credentials only, each limited to its comuna. */
@Controller('v1/subscriptions')
@UseGuards(CredentialGuard)
export class SubscriptionsController {
  constructor(@Inject(SUBSCRIPTION_SERVICE) private readonly s: SubscriptionService, @Inject(SSE_DEPS) private readonly sse: SseDeps) {}

  @Post()
  async create(@Body() body: unknown, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return send(reply, await this.s.create(callerOf(req), body));
  }

  @Get()
  async list(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return send(reply, await this.s.list(callerOf(req)));
  }

  @Get(':id')
  async get(@Param('id') id: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return send(reply, await this.s.get(callerOf(req), id));
  }

  @Post(':id/pause')
  async pause(@Param('id') id: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return send(reply, await this.s.setStatus(callerOf(req), id, 'PAUSED'));
  }

  @Post(':id/resume')
  async resume(@Param('id') id: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return send(reply, await this.s.setStatus(callerOf(req), id, 'ACTIVE'));
  }

  @Delete(':id')
  async remove(@Param('id') id: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return send(reply, await this.s.setStatus(callerOf(req), id, 'DELETED'));
  }

  @Get(':id/deliveries')
  async deliveries(@Param('id') id: string, @Query('status') status: string | undefined, @Query('after') after: string | undefined,
    @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const raw = req.headers['x-purpose'];
    return send(reply, await this.s.deliveries(callerOf(req), id, status, after, (Array.isArray(raw) ? raw.join(', ') : raw ?? '').trim()));
  }

  @Post(':id/redeliver')
  async redeliver(@Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return send(reply, await this.s.redeliver(callerOf(req), id, body));
  }

  @Get(':id/stream')
  async stream(@Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const caller = callerOf(req);
    const owned = await this.s.owned(caller, id);
    if ('body' in owned) {
      await reply.status(owned.status).header('cache-control', 'no-store').send(owned.body);
      return;
    }
    reply.hijack();
    const raw = req.headers['last-event-id'];
    await streamDeliveries(reply.raw, { pool: this.s.pool, subscriptionId: id, credentialId: caller.credential.id, lastEventId: Array.isArray(raw) ? raw[0] : raw, wait: this.sse.wait, pollMs: this.sse.pollMs })
      .catch(() => reply.raw.destroy());
  }
}

/**
 * The protection flag for schools and health (POST, so the RUN never appears in a URL or access log):
 * `{run}` or `{recordId}` → `{underProtection, contact?}`; each look-up notifies the case team.
 */
@Controller('v1/flags')
@UseGuards(CredentialGuard)
export class FlagsController {
  constructor(@Inject(FLAG_SERVICE) private readonly f: FlagService) {}

  @Post()
  async lookup(@Body() body: unknown, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return send(reply.status(200), await this.f.lookup(callerOf(req), body));
  }
}

@Module({})
export class SubscriptionsApiModule {
  static register(deps: { service: SubscriptionService; flags: FlagService; authenticator: Authenticator; sse: SseDeps }): DynamicModule {
    return {
      module: SubscriptionsApiModule,
      controllers: [SubscriptionsController, FlagsController],
      providers: [CredentialGuard, { provide: AUTHENTICATOR, useValue: deps.authenticator }, { provide: SUBSCRIPTION_SERVICE, useValue: deps.service },
        { provide: SSE_DEPS, useValue: deps.sse }, { provide: FLAG_SERVICE, useValue: deps.flags }],
    };
  }
}
