import type { LoggerService } from '@nestjs/common';
import type { Logger } from '../logging/create-logger';

/** Routes Nest's own log lines into the process's pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}
  log(message: unknown, context?: string): void { this.pino.info({ nest: context }, String(message)); }
  error(message: unknown, trace?: string, context?: string): void { this.pino.error({ nest: context, trace }, String(message)); }
  warn(message: unknown, context?: string): void { this.pino.warn({ nest: context }, String(message)); }
  debug(message: unknown, context?: string): void { this.pino.debug({ nest: context }, String(message)); }
  verbose(message: unknown, context?: string): void { this.pino.trace({ nest: context }, String(message)); }
}
