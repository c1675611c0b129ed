/**
 * Why a set of `.avsc` sources cannot be turned into bundled schemas and TypeScript.
 * `code` and `params` let the CLI say it in Spanish or English through the message catalogue
 * (`schemas.error.<code>`); `message` is the English text for tests and stack traces.
 */
export type SchemaErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_SCHEMA'
  | 'FILE_NAME_MISMATCH'
  | 'UNKNOWN_REFERENCE'
  | 'DUPLICATE_NAME'
  | 'CYCLE'
  | 'UNSUPPORTED_UNION'
  | 'TS_NAME_CLASH'
  | 'AVSC_REJECTED';

export type SchemaErrorParams = Readonly<Record<string, string>>;

export class SchemaError extends Error {
  constructor(
    readonly code: SchemaErrorCode,
    readonly params: SchemaErrorParams,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SchemaError';
  }
}
