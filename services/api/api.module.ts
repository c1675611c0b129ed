import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '../platform/nest/platform.module';
import type { HealthCheck } from '../platform/http/health';
import type { HubMetrics } from '../platform/http/metrics';
import { InfoController } from './v1/info.controller';

/** The public HTTP API. Institutional intake (connectors) and queries join it as their issues land. */
@Module({})
export class ApiModule {
  static register(deps: { checks: readonly HealthCheck[]; metrics: HubMetrics }): DynamicModule {
    return { module: ApiModule, imports: [PlatformModule.register(deps)], controllers: [InfoController] };
  }
}
