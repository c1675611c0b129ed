import type { Lang, Params } from '../../services/platform/i18n/i18n';

/** Flags and positional arguments after the command path, e.g. `hub status --json`. */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean>>;
}

/** What a command gets to talk to people: output goes through here, never console.* directly. */
export interface CliContext {
  readonly lang: Lang;
  /** Translates a message key of any registered catalogue (es-CL first, English second). */
  t(key: string, params?: Params): string;
  out(line: string): void;
  err(line: string): void;
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
}

/** One `hub` sub-command. `run` resolves to the process exit code. */
export interface Command {
  readonly path: readonly string[];
  readonly summary: { readonly es: string; readonly en: string };
  /** Argument synopsis shown in help, e.g. `[--json]`. */
  readonly usage?: string;
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}

/** Flags that never take a value, so `--json status` does not swallow `status`. */
export const BOOLEAN_FLAGS: ReadonlySet<string> = new Set(['json', 'watch', 'help', 'force', 'verbose', 'yes', 'keep', 'dry-run']);

export function parseArgs(argv: readonly string[], booleans: ReadonlySet<string> = BOOLEAN_FLAGS): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (eq > 0) { flags[name] = a.slice(eq + 1); continue; }
    const next = argv[i + 1];
    if (!booleans.has(name) && next !== undefined && !next.startsWith('--')) { flags[name] = next; i++; } else flags[name] = true;
  }
  return { positional, flags };
}
