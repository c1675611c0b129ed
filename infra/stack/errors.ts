/**
 * Why the embedded stack could not do what was asked. The message is English, for logs and
 * developers; the CLI translates `code` + `params` through the `stack.error.*` catalogue
 * entries, so people get instructions in Spanish first.
 */
export type StackErrorCode =
  | 'bad-option'
  | 'postgres-unreachable'
  | 'maven-missing'
  | 'download-failed'
  | 'jar-incomplete'
  | 'java-missing'
  | 'port-busy'
  | 'other-ports'
  | 'format-failed'
  | 'process-died'
  | 'not-ready'
  | 'locked';

export type StackErrorParams = Readonly<Record<string, string | number>>;

export class StackError extends Error {
  override readonly name = 'StackError';

  constructor(
    readonly code: StackErrorCode,
    message: string,
    readonly params: StackErrorParams = {},
    /** Last lines of the component's log, when a process failed; shown verbatim. */
    readonly logTail?: string,
  ) {
    super(message);
  }
}
