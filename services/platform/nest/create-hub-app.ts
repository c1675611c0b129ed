import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CustomTransportStrategy } from '@nestjs/microservices';
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
}

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
  // Filters must be in place before the microservice is connected: it copies the app config then.
  app.useGlobalFilters(new PassThroughRpcFilter());
  if (opts.transport) {
    app.connectMicroservice({ strategy: opts.transport }, { inheritAppConfig: true });
  }
  return app;
}
