import { Controller, Get, Header, HttpException, Inject, Module, type DynamicModule } from '@nestjs/common';
import type { HealthCheck, HealthReport } from '../http/health';
import { runHealthChecks } from '../http/health';
import type { HubMetrics } from '../http/metrics';

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
export const METRICS = Symbol('METRICS');

/** `GET /health`: 200 when every dependency answers, 503 with the failing ones otherwise. */
@Controller()
class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: readonly HealthCheck[]) {}

  @Get('health')
  async health(): Promise<HealthReport> {
    const report = await runHealthChecks(this.checks);
    if (!report.ok) throw new HttpException(report, 503);
    return report;
  }
}

/** `GET /metrics`: Prometheus text format. */
@Controller()
class MetricsController {
  constructor(@Inject(METRICS) private readonly metrics: HubMetrics) {}

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

/** Health and metrics endpoints every hub service exposes. */
@Module({})
export class PlatformModule {
  static register(opts: { checks: readonly HealthCheck[]; metrics: HubMetrics }): DynamicModule {
    return {
      module: PlatformModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: HEALTH_CHECKS, useValue: opts.checks },
        { provide: METRICS, useValue: opts.metrics },
      ],
      exports: [METRICS],
    };
  }
}
