import { Controller, Get, Inject, Module, type DynamicModule } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Pool } from 'pg';
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

/** `GET /v1/dedup/stats`: the reconciliation counters, for operators and tests (counts only). */
@Controller('v1/dedup')
class DedupStatsController {
  constructor(@Inject(DEDUP_POOL) private readonly pool: Pool) {}

  @Get('stats')
  stats(): Promise<DedupStats> {
    return readDedupStats(this.pool);
  }
}

export interface DedupModuleDeps {
  readonly checks: readonly HealthCheck[];
  readonly metrics: HubMetrics;
  readonly handler: DedupHandler;
  readonly pool: Pool;
}

@Module({})
export class DedupModule {
  static register(deps: DedupModuleDeps): DynamicModule {
    return {
      module: DedupModule,
      imports: [PlatformModule.register({ checks: deps.checks, metrics: deps.metrics })],
      controllers: [InstitutionEventsConsumer, DedupStatsController],
      providers: [
        { provide: DEDUP_HANDLER, useValue: deps.handler },
        { provide: DEDUP_POOL, useValue: deps.pool },
      ],
    };
  }
}
