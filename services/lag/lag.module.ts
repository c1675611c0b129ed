import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '../platform/nest/platform.module';
import type { HealthCheck } from '../platform/http/health';
import type { HubMetrics } from '../platform/http/metrics';
import { CONSOLE_ASSETS, ConsoleController, type ConsoleAssets } from './http/console.controller';
import { LAG_MONITOR, LagController } from './http/lag.controller';
import type { LagMonitor } from './lag-monitor';

/** The lag monitor's HTTP surface: /health, /metrics, /v1/lag and the console. */
@Module({})
export class LagModule {
  static register(deps: { checks: readonly HealthCheck[]; metrics: HubMetrics; monitor: LagMonitor; assets: ConsoleAssets }): DynamicModule {
    return {
      module: LagModule,
      imports: [PlatformModule.register({ checks: deps.checks, metrics: deps.metrics })],
      controllers: [LagController, ConsoleController],
      providers: [
        { provide: LAG_MONITOR, useValue: deps.monitor },
        { provide: CONSOLE_ASSETS, useValue: deps.assets },
      ],
    };
  }
}
