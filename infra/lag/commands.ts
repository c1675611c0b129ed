import { loadConfig } from '../../services/platform/config/load-config';
import { hubConfigSchema } from '../../services/platform/config/hub-config';
import { createKafka } from '../../services/platform/kafka/create-kafka';
import { kafkaSecurityOf } from '../../services/platform/kafka/client-security';
import { createLogger } from '../../services/platform/logging/create-logger';
import { adminSource, hubServiceOf, lagRows, lagRulesSchema, LagMonitor, MarkerProbe, RecordTimestamps, rulesFromConfig, type GroupReport, type HubGroupNaming, type LagReport } from '../../services/lag';
import type { CliContext, Command } from '../cli/command';
import { HUB_SERVICES, LOCAL_HOST, servicePort } from '../services';
import { groupMatcher, parseLagOptions, type LagOptions } from './options';
import { renderTable } from './render';

/** The lag service's default port when infra/services.ts does not list it (yet). */
const LAG_SERVICE = { name: 'lag', entry: 'services/lag/main.ts', port: 8085, description: 'lag monitor' } as const;

export const lagCommand: Command = {
  path: ['lag'],
  usage: '[--group G] [--json] [--watch] [--samples N] [--interval-ms MS] [--direct]',
  summary: {
    es: 'Rezago de cada grupo de consumidores (estado Burrow: OK, WARN, STALL, STOP, REWIND), directo del clúster',
    en: 'Lag of every consumer group (Burrow status: OK, WARN, STALL, STOP, REWIND), straight from the cluster',
  },
  async run(args, ctx) {
    const parsed = parseLagOptions(args);
    if (!parsed.ok) { ctx.err(ctx.t('lag.badOption', { problem: parsed.problem })); ctx.err(ctx.t('lag.usage')); return 2; }
    const opts = parsed.options;
    const config = loadConfig(hubConfigSchema, ctx.env);
    const naming: HubGroupNaming = { prefix: config.HUB_TOPIC_PREFIX, services: HUB_SERVICES.map((s) => s.name) };
    const matches = groupMatcher(opts.group);

    const fromService = opts.direct ? undefined : await askService(ctx);
    if (fromService && !opts.watch) {
      const groups = fromService.report.groups.filter((g) => matches(g.group)).map((g) => ({ ...g, hubService: hubServiceOf(g.group, naming) }));
      print(ctx, opts, groups, ctx.t('lag.source.service', { url: fromService.url, window: fromService.report.rules.windowSize, interval: fromService.report.rules.sampleIntervalMs / 1000 }), naming);
      return 0;
    }

    // kafkajs logs every retried coordinator hiccup: keep stderr for people unless asked.
    const log = createLogger({ service: 'hub-lag', level: (ctx.env.LOG_LEVEL as 'fatal' | undefined) ?? 'fatal', destination: process.stderr as never });
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'hub-lag-cli', log, security: kafkaSecurityOf(config) });
    const admin = adminSource(kafka);
    const ruleConfig = loadConfig(lagRulesSchema, ctx.env);
    const rules = { ...rulesFromConfig(ruleConfig), windowSize: Math.max(opts.samples, 2), minDistanceMs: 0, minSamples: Math.min(ruleConfig.LAG_MIN_SAMPLES, Math.max(opts.samples, 2)) };
    const monitor = new LagMonitor({
      admin, rules, naming, now: () => Date.now(),
      timestamps: new RecordTimestamps(admin, { resolutionMs: 250, maxProbes: 40, slackMs: 1000 }),
      sampleIntervalMs: opts.intervalMs, freshMs: 0, historyPoints: 10, include: matches,
      markers: ruleConfig.LAG_MARKER_CHECK_MAX_LAG > 0 ? new MarkerProbe(kafka, admin) : undefined, markerMaxLag: ruleConfig.LAG_MARKER_CHECK_MAX_LAG,
    });
    try {
      await admin.current();
      const started = Date.now();
      let report: LagReport = await monitor.sample(true);
      let taken = 1;
      for (; taken < opts.samples; taken++) {
        await sleep(opts.intervalMs);
        report = await monitor.sample(true);
      }
      report = (await monitor.settleMarkers()) ?? report;
      const note = () => ctx.t('lag.source.direct', { brokers: config.KAFKA_BROKERS.join(','), samples: taken, seconds: ((Date.now() - started) / 1000).toLocaleString(ctx.lang === 'en' ? 'en-US' : 'es-CL', { maximumFractionDigits: 1 }), min: rules.minSamples, window: rules.windowSize });
      print(ctx, opts, report.groups, note(), naming);
      if (!opts.watch) return 0;
      if (!opts.json) ctx.out(ctx.t('lag.watching', { seconds: opts.intervalMs / 1000 }));
      let stop = false;
      process.once('SIGINT', () => { stop = true; });
      while (!stop) {
        await sleep(opts.intervalMs);
        report = await monitor.sample(true);
        taken++;
        if (ctx.isTTY && !opts.json) process.stdout.write('\x1b[2J\x1b[H');
        print(ctx, opts, report.groups, note(), naming);
      }
      return 0;
    } catch (err) {
      ctx.err(ctx.t('lag.failed', { reason: err instanceof Error ? err.message : String(err) }));
      return 1;
    } finally {
      await admin.close();
    }
  },
};

function print(ctx: CliContext, opts: LagOptions, groups: readonly GroupReport[], note: string, naming: HubGroupNaming): void {
  if (opts.json) { ctx.out(JSON.stringify(lagRows(groups))); return; }
  ctx.out(note);
  if (groups.length === 0) { ctx.out(opts.group ? ctx.t('lag.noMatch', { group: opts.group }) : ctx.t('lag.noGroups')); return; }
  renderTable(ctx, groups);
  const count = (s: string) => groups.filter((g) => g.status === s).length;
  const hub = groups.filter((g) => g.hubService).map((g) => g.group);
  ctx.out(ctx.t('lag.summary', { groups: groups.length, ok: count('OK'), warn: count('WARN'), err: count('ERR'), hub: hub.length > 0 ? hub.join(', ') : ctx.t('lag.none') }));
  if (!opts.group) {
    const withGroup = new Set(groups.map((g) => g.hubService).filter(Boolean));
    const without = naming.services.filter((s) => !withGroup.has(s));
    if (without.length > 0) ctx.out(ctx.t('lag.servicesWithoutGroup', { names: without.join(', ') }));
  }
}

/** The running lag service's report, when it answers quickly; else undefined (sample directly). */
async function askService(ctx: CliContext): Promise<{ url: string; report: LagReport } | undefined> {
  const spec = HUB_SERVICES.find((s) => s.name === 'lag') ?? LAG_SERVICE;
  const url = `http://${LOCAL_HOST}:${servicePort(spec, ctx.env)}/v1/lag`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1500) });
    if (!res.ok) return undefined;
    const report = (await res.json()) as LagReport;
    return Array.isArray(report.groups) && typeof report.rules === 'object' ? { url, report } : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
