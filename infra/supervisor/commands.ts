import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Command, CliContext, ParsedArgs } from '../cli/command';
import { HUB_SERVICES, LOCAL_HOST, servicePort } from '../services';
import { loadConfig } from '../../services/platform/config/load-config';
import { hubConfigSchema } from '../../services/platform/config/hub-config';
import { createLogger } from '../../services/platform/logging/create-logger';
import { findRepoRoot } from '../../services/platform/paths';
import { prepareHub } from '../bootstrap/prepare-hub';
import { stackDown, stackUp } from '../stack/stack';
import { resolveStackOptions, stackPaths } from '../stack/options';
import { describeProgress, guarded } from '../stack/commands';
import { parseDemoOptions, type DemoOptions } from '../demo/options';
import { demoLogger, runDemo } from '../demo/run-demo';
import { Supervisor } from './supervisor';
import { waitHealthy } from './wait-healthy';

/**
 * How long a service may take to answer /health. Seven Node processes compiling TypeScript at once
 * on a busy 2-core machine took over 90 s (3 min at load 35); `HUB_SERVICE_START_TIMEOUT_S` raises it.
 */
function serviceStartTimeoutMs(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.HUB_SERVICE_START_TIMEOUT_S);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 180000;
}

/** Logs of the CLI's own work go to stderr as JSON, quietly; people read the Spanish lines on stdout. */
function cliLogger(ctx: CliContext) {
  return createLogger({ service: 'hub-cli', level: ctx.env.LOG_LEVEL ?? 'warn', destination: process.stderr as never });
}

export const prepareCommand: Command = {
  path: ['prepare'],
  summary: { es: 'Aplica migraciones, crea tópicos y registra esquemas (idempotente)', en: 'Apply migrations, create topics, register schemas (idempotent)' },
  async run(_args, ctx) {
    const config = loadConfig(hubConfigSchema, ctx.env);
    const r = await prepareHub(config, cliLogger(ctx), (step) => ctx.out(ctx.t(`start.prepare.${step}`)));
    ctx.out(ctx.t('prepare.done', { migrations: r.migrations.length, topics: r.topics.created.length, updated: r.topics.updated.length, subjects: r.subjects.length }));
    return 0;
  },
};

/**
 * `npm start`: the embedded stack, then preparation, then every hub service as a supervised
 * child process; runs in the foreground until Ctrl-C, then stops what it started.
 */
export const startCommand: Command = {
  path: ['start'],
  usage: '[--keep-stack] [--no-demo] [--demo-children N] [--demo-seed S] [--demo-months M]',
  summary: { es: 'Levanta el stack embebido y todos los servicios, en primer plano (Ctrl-C detiene)', en: 'Bring up the embedded stack and every service, in the foreground (Ctrl-C stops)' },
  run: (args, ctx) => guarded(ctx, () => runStart(args, ctx)),
};

async function runStart(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const demoChoice = parseDemoOptions(args, ctx.env);
  if ('error' in demoChoice) { ctx.err(ctx.t(demoChoice.error, demoChoice.params)); return 2; }
  ctx.out(ctx.t('start.title'));
  const stackOpts = resolveStackOptions(ctx.env, { onProgress: (p) => { const line = describeProgress(p, ctx); if (line) ctx.out(line); } });
  // Infrastructure given from outside (KAFKA_BROKERS + SCHEMA_REGISTRY_URL) is used as is;
  // otherwise the embedded stack is brought up (idempotently).
  const external = ctx.env.KAFKA_BROKERS && ctx.env.SCHEMA_REGISTRY_URL;
  const up = external
    ? { kafkaBrokers: ctx.env.KAFKA_BROKERS!.split(','), schemaRegistryUrl: ctx.env.SCHEMA_REGISTRY_URL!, databaseUrl: stackOpts.databaseUrl, started: [] as string[] }
    : await stackUp(stackOpts);
  const env: NodeJS.ProcessEnv = { ...ctx.env, KAFKA_BROKERS: up.kafkaBrokers.join(','), SCHEMA_REGISTRY_URL: up.schemaRegistryUrl, DATABASE_URL: up.databaseUrl };
  const config = loadConfig(hubConfigSchema, env);
  const prepared = await prepareHub(config, cliLogger(ctx), (step) => ctx.out(ctx.t(`start.prepare.${step}`)));
  ctx.out(ctx.t('start.prepared', { migrations: prepared.migrations.length, topics: prepared.topics.created.length, subjects: prepared.subjects.length }));

  const logDir = stackPaths(stackOpts).logDir;
  mkdirSync(logDir, { recursive: true });
  const supervisor = new Supervisor({
    root: findRepoRoot(), logDir, production: ctx.env.NODE_ENV === 'production',
    env: { ...env, LOG_LEVEL: config.LOG_LEVEL },
    onRestart: (name, code, delay) => ctx.err(ctx.t('start.service.restart', { name, code: code ?? 'señal', seconds: delay / 1000 })),
  });
  const stop = async (): Promise<void> => {
    ctx.out(ctx.t('start.stopping'));
    await supervisor.stopAll();
    if (up.started.length > 0 && args.flags['keep-stack'] !== true) {
      ctx.out(ctx.t('start.stoppingStack'));
      await stackDown(stackOpts);
    }
    ctx.out(ctx.t('start.stopped'));
  };

  // Listen before the first service starts: a Ctrl-C (or a SIGTERM from a process manager) while
  // services are still starting must stop them too, never leave them orphaned.
  let interrupted = false;
  const abort = new AbortController();
  const stopRequested = new Promise<void>((resolve) => {
    const onSignal = (): void => { interrupted = true; abort.abort(); resolve(); };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });

  let failed = false;
  const startTimeoutMs = serviceStartTimeoutMs(ctx.env);
  await Promise.all(HUB_SERVICES.map(async (spec) => {
    const port = servicePort(spec, ctx.env);
    const log = path.join(logDir, `${spec.name}.log`);
    ctx.out(ctx.t('start.service.starting', { name: spec.name, log }));
    supervisor.start(spec, { HTTP_PORT: String(port) });
    const url = `http://${LOCAL_HOST}:${port}`;
    const healthy = await Promise.race([waitHealthy(url, startTimeoutMs), stopRequested.then(() => false)]);
    if (interrupted) return;
    if (healthy) ctx.out(ctx.t('start.service.ready', { name: spec.name, url }));
    else { failed = true; ctx.err(ctx.t('start.service.failed', { name: spec.name, seconds: startTimeoutMs / 1000, log })); }
  }));
  if (interrupted) { await stop(); return 0; }
  if (failed) { await stop(); return 1; }

  const urlOf = (name: string, suffix = ''): string => {
    const spec = HUB_SERVICES.find((s) => s.name === name);
    return spec ? `http://${LOCAL_HOST}:${servicePort(spec, ctx.env)}${suffix}` : '-';
  };
  ctx.out(ctx.t('start.running', {
    api: urlOf('api', '/v1'), intake: urlOf('intake'), console: urlOf('lag', '/console'),
    review: urlOf('identity', '/v1/review/tasks'), indicators: urlOf('case-status', '/v1/indicators'), logs: logDir,
  }));
  if (demoChoice.enabled) await playDemo(demoChoice.options);
  await stopRequested;
  await stop();
  return 0;

  /** The demo (infra/demo): played while Ctrl-C can still stop everything; a failure leaves the hub running. */
  async function playDemo(options: DemoOptions): Promise<void> {
    await runDemo({ ctx, config, options, home: stackOpts.home, log: demoLogger(ctx), signal: abort.signal, serviceUrl: (name) => urlOf(name) });
  }
}
