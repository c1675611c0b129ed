import { Controller, Get, Inject, Module, UseGuards, type DynamicModule } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Pool } from 'pg';
import { Authenticator } from '../../platform/auth/authenticator';
import { AUTHENTICATOR, CredentialGuard } from '../../platform/auth/credential.guard';
import { CredentialRepository } from '../../platform/auth/credential-repository';
import { HubScopeGuard } from '../../platform/auth/hub-scope.guard';
import type { ConsumedMessage } from '../../platform/kafka/batch-consumer';
import type { HealthCheck } from '../../platform/http/health';
import type { HubMetrics } from '../../platform/http/metrics';
import { PlatformModule } from '../../platform/nest/platform.module';
import type { DedupHandler } from '../adapters/dedup-handler';
import { readDedupStats, type DedupStats } from '../adapters/dedup-stats';
import { DEDUP_TOPIC_NAMES } from '../inputs';

export const DEDUP_HANDLER = Symbol('DEDUP_HANDLER');
export const DEDUP_POOL = Symbol('DEDUP_POOL');

/** The five institution topics, one batch (one partition) at a time, through the batch transport. */
@Controller()
class InstitutionEventsConsumer {
  constructor(@Inject(DEDUP_HANDLER) private readonly handler: DedupHandler) {}

  @EventPattern([...DEDUP_TOPIC_NAMES])
  async onBatch(@Payload() batch: readonly ConsumedMessage[]): Promise<void> {
    await this.handler.handle(batch);
  }
}

/**
 * `GET /v1/dedup/stats`: the reconciliation counters, for operators and tests (counts only). Hub
 * staff with the `ops-read` role (or `*`) only: no personal data, but every `/v1` route authenticates
 * (issue 8, docs/security/README.md); 401 without a valid credential, 403 for any other.
 */
@Controller('v1/dedup')
@UseGuards(CredentialGuard, new HubScopeGuard('ops-read'))
class DedupStatsController {
  constructor(@Inject(DEDUP_POOL) private readonly pool: Pool) {}

  @Get('stats')
  stats(): Promise<DedupStats> {
    return readDedupStats(this.pool);
  }
}

export interface DedupStatsApiDeps {
  readonly pool: Pool;
  /** The process's credential check; by default one over the pool's `credentials` table (5 s cache, as the other services). */
  readonly authenticator?: Authenticator;
}

/** The stats route with its credential guards, mountable alone (the security matrix test does). */
@Module({})
export class DedupStatsApiModule {
  static register(deps: DedupStatsApiDeps): DynamicModule {
    return {
      module: DedupStatsApiModule,
      controllers: [DedupStatsController],
      providers: [
        CredentialGuard,
        { provide: AUTHENTICATOR, useValue: deps.authenticator ?? new Authenticator(new CredentialRepository(deps.pool)) },
        { provide: DEDUP_POOL, useValue: deps.pool },
      ],
    };
  }
}

export interface DedupModuleDeps extends DedupStatsApiDeps {
  readonly checks: readonly HealthCheck[];
  readonly metrics: HubMetrics;
  readonly handler: DedupHandler;
}

@Module({})
export class DedupModule {
  static register(deps: DedupModuleDeps): DynamicModule {
    return {
      module: DedupModule,
      imports: [PlatformModule.register({ checks: deps.checks, metrics: deps.metrics }), DedupStatsApiModule.register(deps)],
      controllers: [InstitutionEventsConsumer],
      providers: [{ provide: DEDUP_HANDLER, useValue: deps.handler }],
    };
  }
}
