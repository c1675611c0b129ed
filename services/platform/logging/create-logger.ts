import pino, { type Logger, type DestinationStream } from 'pino';

export type { Logger } from 'pino';

/**
 * Field names that may carry a child's personal data or a secret. Logs must never hold them;
 * handlers log ids and decisions only. Redaction is the safety net, at three nesting levels.
 */
export const SENSITIVE_FIELDS = [
  'run', 'rut', 'ipe', 'identifiers', 'givenNames', 'paternalSurname', 'maternalSurname', 'surname', 'surnames',
  'firstName', 'lastName', 'fullName', 'name', 'names', 'birthDate', 'dateOfBirth', 'address', 'street', 'phone', 'email',
  'person', 'raw', 'rawRecord', 'body', 'payload',
  'password', 'secret', 'token', 'authorization', 'cookie', 'databaseUrl', 'DATABASE_URL',
  // The institutions' own column names (connectors' native records), should a raw row ever be logged.
  'run_nna', 'nombres', 'apellido_paterno', 'apellido_materno', 'fecha_nacimiento', 'direccion', 'telefono', 'rut_madre', 'run_madre',
] as const;

export function redactionPaths(fields: readonly string[] = SENSITIVE_FIELDS): string[] {
  return fields.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);
}

export interface LoggerOptions {
  /** Name of the process (service, connector, CLI command); every line carries it. */
  readonly service: string;
  readonly level?: string;
  /** For tests that scan log output. */
  readonly destination?: DestinationStream;
}

/** The one root logger of a process. Components take `log.child({ component })`. */
export function createLogger(opts: LoggerOptions): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      base: { service: opts.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactionPaths(), censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    opts.destination ?? pino.destination({ fd: 1, sync: false }),
  );
}
