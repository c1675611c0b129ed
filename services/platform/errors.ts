/**
 * One error hierarchy for the hub. The `retriable` bit is the only thing policy code reads:
 * the consumer runner retries retriable errors (the offset does not advance) and dead-letters
 * terminal ones with their code and message. Unknown errors are treated as bugs and crash the
 * consumer rather than quietly dead-lettering every message.
 */
export abstract class HubError extends Error {
  abstract readonly retriable: boolean;
  constructor(
    /** Stable SCREAMING_SNAKE code, safe to log and to put in DLQ headers. Never personal data. */
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Thrown when the world is briefly wrong: broker unavailable, serialization failure, deadlock. Retried. */
export class TransientError extends HubError {
  readonly retriable = true;
}

/** Thrown when a message itself is bad: undecodable bytes, unknown schema, invalid content. Dead-lettered. */
export class PermanentError extends HubError {
  readonly retriable = false;
  constructor(code: string, message: string, options?: { cause?: unknown; field?: string }) {
    super(code, message, options);
    this.field = options?.field;
  }
  /** Path of the offending field when known (e.g. `person.run`), for DLQ headers and API errors. */
  readonly field: string | undefined;
}

/** Thrown at start-up when configuration is invalid; lists every problem at once. */
export class ConfigError extends HubError {
  readonly retriable = false;
  constructor(readonly problems: readonly string[]) {
    super('CONFIG_INVALID', `invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export function isRetriable(err: unknown): boolean {
  return err instanceof HubError ? err.retriable : false;
}

export function errorCode(err: unknown): string {
  return err instanceof HubError ? err.code : 'UNEXPECTED';
}
