import 'reflect-metadata';
import { createTranslator, pickLang, type Catalogue } from '../../services/platform/i18n/i18n';
import { parseArgs, type CliContext, type Command } from './command';
import { COMMANDS, CATALOGUES } from './registry';

/**
 * `hub` command-line entry. Finds the longest registered command path that prefixes argv,
 * runs it and exits with its code. People read this output, so it speaks es-CL by default
 * (HUB_LANG=en for English).
 */
async function main(argv: readonly string[]): Promise<number> {
  const lang = pickLang(process.env.HUB_LANG);
  const es: Record<string, string> = {};
  const en: Record<string, string> = {};
  for (const c of CATALOGUES) { Object.assign(es, c.es); Object.assign(en, c.en); }
  const tr = createTranslator(lang, es as Catalogue, en as Catalogue);
  const ctx: CliContext = {
    lang,
    t: tr.t,
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };

  const args = parseArgs(argv);
  const cmd = findCommand(COMMANDS, args.positional);
  if (!cmd || args.flags.help === true) {
    printHelp(ctx, COMMANDS, cmd);
    return cmd || args.positional.length === 0 ? 0 : 2;
  }
  const rest = { positional: args.positional.slice(cmd.path.length), flags: args.flags };
  return cmd.run(rest, ctx);
}

export function findCommand(commands: readonly Command[], positional: readonly string[]): Command | undefined {
  let best: Command | undefined;
  for (const c of commands) {
    const matches = c.path.every((p, i) => positional[i] === p);
    if (matches && (!best || c.path.length > best.path.length)) best = c;
  }
  return best;
}

function printHelp(ctx: CliContext, commands: readonly Command[], only?: Command): void {
  const list = only ? [only] : commands;
  ctx.out(ctx.t('cli.help.title'));
  for (const c of list) {
    const name = ['hub', ...c.path, c.usage ?? ''].join(' ').trim();
    ctx.out(`  ${name.padEnd(52)} ${ctx.lang === 'en' ? c.summary.en : c.summary.es}`);
  }
  ctx.out(ctx.t('cli.help.lang'));
}

// `hub status | head` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw err; });
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = 1;
  },
);
