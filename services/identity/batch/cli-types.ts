/**
 * The shape of a `hub` sub-command (infra/cli/command.ts), restated structurally: a service may
 * not import infra/, and the CLI composition root imports this service's commands.ts instead.
 */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean>>;
}

export interface CliContext {
  readonly lang: 'es' | 'en';
  t(key: string, params?: Readonly<Record<string, string | number | boolean | null | undefined>>): string;
  out(line: string): void;
  err(line: string): void;
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
}

export interface Command {
  readonly path: readonly string[];
  readonly summary: { readonly es: string; readonly en: string };
  readonly usage?: string;
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}
