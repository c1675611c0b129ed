import type { CliContext, Command, ParsedArgs } from '../cli/command';
import type { StackProgress } from './progress';
import { stackUp, stackDown, stackStatus } from './stack';
import { resolveStackOptions, stackPaths } from './options';
import { redactUrl } from './postgres';
import { stackOptionsFromFlags } from './cli-options';
import { hubServicesStatus } from './service-status';
import { renderStatusTable, statusJson } from './status-table';
import { KAFKA_VERSION, APICURIO_VERSION } from './versions';
import { StackError } from './errors';

const STACK_FLAGS = '[--home DIR] [--kafka-port N] [--controller-port N] [--registry-port N]';

/** One Spanish (or English) line per progress event; undefined for events not worth a line. */
export function describeProgress(p: StackProgress, ctx: Pick<CliContext, 't' | 'lang'>): string | undefined {
  switch (p.kind) {
    case 'checking': return undefined;
    case 'downloaded': return ctx.t('stack.progress.downloaded', { component: p.component, seconds: seconds(p.ms, ctx) });
    case 'ready': return ctx.t('stack.progress.ready', { component: p.component, address: p.address, seconds: seconds(p.ms, ctx) });
    default: {
      const { kind, ...params } = p;
      return ctx.t(`stack.progress.${kind}`, params);
    }
  }
}

/** Seconds with one decimal, in the reader's notation (es-CL writes a decimal comma). */
export function seconds(ms: number, ctx: Pick<CliContext, 'lang'>): string {
  const s = (ms / 1000).toFixed(1);
  return ctx.lang === 'es' ? s.replace('.', ',') : s;
}

/** Translated explanation of a stack failure, with the failing process's log tail when there is one. */
export function describeStackError(err: StackError, ctx: Pick<CliContext, 't'>): string[] {
  const lines = [ctx.t(`stack.error.${err.code}`, err.params)];
  if (err.logTail) lines.push(...err.logTail.split('\n').map((l) => `  | ${l}`));
  return lines;
}

/** Runs a command body, turning a StackError into translated lines on stderr and exit code 1. */
export async function guarded(ctx: CliContext, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    const all = err instanceof AggregateError ? (err.errors as unknown[]) : [err];
    if (!all.every((e): e is StackError => e instanceof StackError)) throw err;
    for (const e of all) for (const line of describeStackError(e, ctx)) ctx.err(line);
    return 1;
  }
}

function optionsFor(args: ParsedArgs, ctx: CliContext): ReturnType<typeof resolveStackOptions> {
  return resolveStackOptions(ctx.env, {
    ...stackOptionsFromFlags(args.flags),
    onProgress: (p) => { const line = describeProgress(p, ctx); if (line) ctx.out(line); },
  });
}

export const stackUpCommand: Command = {
  path: ['stack', 'up'],
  usage: STACK_FLAGS,
  summary: { es: 'Levanta Kafka y el registro de esquemas locales (sin Docker); idempotente', en: 'Start local Kafka and the schema registry (no Docker); idempotent' },
  run: (args, ctx) => guarded(ctx, async () => {
    const opts = optionsFor(args, ctx);
    ctx.out(ctx.t('stack.up.title', { kafka: KAFKA_VERSION, registry: APICURIO_VERSION }));
    const up = await stackUp(opts);
    ctx.out('');
    ctx.out(ctx.t('stack.up.done'));
    const rows: [string, string][] = [['kafka', up.kafkaBrokers.join(',')], ['registry', up.schemaRegistryUrl], ['postgres', redactUrl(up.databaseUrl)]];
    for (const [name, address] of rows) ctx.out(`  ${name.padEnd(10)}${address}`);
    ctx.out(up.started.length > 0 ? ctx.t('stack.up.startedNow', { list: up.started.join(', ') }) : ctx.t('stack.up.nothingStarted'));
    ctx.out(ctx.t('stack.up.env', { kafka: up.kafkaBrokers.join(','), registry: up.schemaRegistryUrl }));
    ctx.out(ctx.t('stack.up.hint', { logs: stackPaths(opts).logDir }));
    return 0;
  }),
};

export const stackDownCommand: Command = {
  path: ['stack', 'down'],
  usage: '[--home DIR]',
  summary: { es: 'Detiene Kafka y el registro de esquemas locales', en: 'Stop local Kafka and the schema registry' },
  run: (args, ctx) => guarded(ctx, async () => {
    const opts = optionsFor(args, ctx);
    ctx.out(ctx.t('stack.down.title', { home: opts.home }));
    const down = await stackDown(opts);
    ctx.out(down.stopped.length > 0 ? ctx.t('stack.down.done', { list: down.stopped.join(', ') }) : ctx.t('stack.down.nothing'));
    return 0;
  }),
};

export const statusCommand: Command = {
  path: ['status'],
  usage: `[--json] ${STACK_FLAGS}`,
  summary: { es: 'Estado de Kafka, el registro, PostgreSQL y cada servicio del hub (código 0 si todo ok)', en: 'State of Kafka, the registry, PostgreSQL and each hub service (exit 0 when all ok)' },
  run: (args, ctx) => guarded(ctx, async () => {
    const opts = resolveStackOptions(ctx.env, stackOptionsFromFlags(args.flags));
    const [stack, services] = await Promise.all([stackStatus(opts), hubServicesStatus(ctx.env)]);
    const rows = [...stack, ...services];
    const failing = rows.filter((r) => !r.ok).length;
    if (args.flags.json === true) {
      ctx.out(statusJson(rows));
    } else {
      const labels = { component: ctx.t('status.header.component'), state: ctx.t('status.header.state'), address: ctx.t('status.header.address'), ok: ctx.t('status.ok'), fail: ctx.t('status.fail') };
      for (const line of renderStatusTable(rows, labels)) ctx.out(line);
      ctx.out(failing === 0 ? ctx.t('status.allOk') : ctx.t('status.someFail', { count: failing }));
    }
    return failing === 0 ? 0 : 1;
  }),
};

export const stackCommands: readonly Command[] = [stackUpCommand, stackDownCommand, statusCommand];
