import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { installRateLimit, type RateLimitOptions } from '../http/rate-limit';
import type { Logger } from '../logging/create-logger';
import { PassThroughRpcFilter } from './pass-through-rpc-filter';
import { PinoNestLogger } from './pino-nest-logger';

export interface HubAppOptions {
  readonly module: Type<unknown> | DynamicModule;
  readonly log: Logger;
  /** Consumption strategy for `@EventPattern` handlers, when the service consumes topics. */
  readonly transport?: CustomTransportStrategy;
  /** Largest accepted HTTP body; bigger requests get 413 before any parsing. */
  readonly bodyLimitBytes?: number;
  /** Request rate limits (429 with Retry-After); DEFAULT_RATE_LIMITS unless given, `false` to turn off. */
  readonly rateLimit?: RateLimitOptions | false;
}

/**
 * Generous defaults: far above what one institution's system sends (the intake benchmark runs
 * 1,000 req/s on one credential), low enough that a runaway client cannot starve the others.
 */
export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  perCredential: { perSecond: 2000, burst: 4000 },
  perAddress: { perSecond: 200, burst: 400 },
};

/**
 * Builds a service as a NestJS app on Fastify: HTTP (health, metrics, API) plus, optionally, the
 * Kafka batch transport. The caller (main.ts) listens and wires shutdown.
 */
export async function createHubApp(opts: HubAppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    opts.module,
    new FastifyAdapter({ bodyLimit: opts.bodyLimitBytes ?? 1024 * 1024, trustProxy: false }),
    { logger: new PinoNestLogger(opts.log.child({ component: 'nest' })), abortOnError: false },
  );
  if (opts.rateLimit !== false) installRateLimit(app.getHttpAdapter().getInstance(), opts.rateLimit ?? DEFAULT_RATE_LIMITS);
  // Filters must be in place before the microservice is connected: it copies the app config then.
  app.useGlobalFilters(new PassThroughRpcFilter());
  if (opts.transport) {
    app.connectMicroservice({ strategy: opts.transport }, { inheritAppConfig: true });
  }
  return app;
}
