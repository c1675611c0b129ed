import type { CliContext } from '../cli/command';
import type { HubConfig } from '../../services/platform/config/hub-config';
import { createLogger, type Logger } from '../../services/platform/logging/create-logger';
import { createPool } from '../../services/platform/postgres/create-pool';
import { caughtUp, waitForCatchUp, type Backlog } from './catch-up';
import type { DemoOptions } from './options';
import { duration, monthLabel, periodOf } from './plan';
import { completedStreams, playScenario } from './playback';
import { prepareScenario } from './scenario';
import {
  childCandidates, curlLine, demoCredentials, DEMO_CREDENTIAL_LABEL, getWith, PURPOSES, reviewScope, timelineInstitutions,
} from './showcase';

export interface DemoRun {
  readonly ctx: CliContext;
  readonly config: HubConfig;
  readonly options: DemoOptions;
  /** The hub's state dir ($HUB_HOME): the scenario's files go under `demo/`. */
  readonly home: string;
  readonly log: Logger;
  readonly signal: AbortSignal;
  /** Base URL of a hub service (`http://127.0.0.1:<port>`). */
  readonly serviceUrl: (name: string) => string;
}

export type DemoOutcome = 'done' | 'aborted' | 'failed';

/**
 * The demo `npm start` plays once every service is healthy: a generated scenario, month by month
 * through the connectors' import; then it waits for the pipeline to catch up and prints where to
 * look, with working credentials. Any failure is reported and leaves the hub running.
 */
export async function runDemo(d: DemoRun): Promise<DemoOutcome> {
  try {
    return await demo(d);
  } catch (err) {
    d.log.error({ err }, 'demo failed');
    d.ctx.err(d.ctx.t('demo.failed', { reason: err instanceof Error ? err.message : String(err) }));
    return 'failed';
  }
}

async function demo(d: DemoRun): Promise<DemoOutcome> {
  const { ctx, options: o } = d;
  const n = numberFormat(ctx);
  ctx.out(ctx.t('demo.preparing', { children: n(o.children), seed: o.seed, months: o.months }));
  const scenario = await prepareScenario(d.home, { children: o.children, seed: o.seed, months: o.months });
  const months = scenario.steps.map((s) => s.month);
  const files = scenario.manifest.files;
  ctx.out(ctx.t('demo.prepared', {
    records: n(files.reduce((a, f) => a + f.records, 0)), dlq: n(files.reduce((a, f) => a + f.dlq, 0)), months: months.length,
    from: monthLabel(months[0] ?? ''), to: monthLabel(months[months.length - 1] ?? ''), dir: scenario.dir,
  }));
  if (d.signal.aborted) return 'aborted';

  const started = Date.now();
  const completed = await completedStreams(d.config, d.log);
  const skipped: string[] = [];
  const flushSkipped = (): void => {
    if (skipped.length === 0 || skipped.length === months.length) return;
    ctx.out(ctx.t('demo.skipped', { count: skipped.length, from: monthLabel(skipped[0]!), to: monthLabel(skipped[skipped.length - 1]!) }));
    skipped.length = 0;
  };
  let totals = { published: 0, dlq: 0 };
  ctx.out(ctx.t('demo.playing'));
  const played = await playScenario({
    config: d.config, steps: scenario.steps, log: d.log, signal: d.signal, completed,
    onMonth: (p) => {
      if (p.alreadyPlayed) { skipped.push(p.month); return; }
      flushSkipped();
      totals = { published: totals.published + p.published, dlq: totals.dlq + p.deadLettered };
      ctx.out(ctx.t('demo.month', {
        month: monthLabel(p.month), index: p.index, total: p.total, published: n(p.published), dlq: n(p.deadLettered),
        totalPublished: n(totals.published), totalDlq: n(totals.dlq),
      }));
    },
  });
  if (played.monthsAlreadyPlayed === months.length) ctx.out(ctx.t('demo.allPlayed'));
  else flushSkipped();
  if (played.aborted) {
    ctx.out(ctx.t('demo.aborted', { played: played.monthsPlayed + played.monthsAlreadyPlayed, total: months.length }));
    return 'aborted';
  }
  if (played.monthsPlayed > 0) {
    ctx.out(ctx.t('demo.played', { duration: duration(Date.now() - started), published: n(played.published), dlq: n(played.deadLettered) }));
  }

  const waitStarted = Date.now();
  const outcome = await waitForCatchUp({
    lagUrl: `${d.serviceUrl('lag')}/v1/lag`, signal: d.signal, timeoutMs: o.catchUpTimeoutMs,
    onBacklog: (b: Backlog) => ctx.out(waitingLine(ctx, b, n)),
  });
  if (outcome === 'aborted') return 'aborted';
  ctx.out(outcome === 'caught-up'
    ? ctx.t('demo.caughtUp', { duration: duration(Date.now() - waitStarted) })
    : ctx.t('demo.timeout', { duration: duration(Date.now() - waitStarted) }));

  await whereToLook(d, periodOf(months));
  return 'done';
}

function waitingLine(ctx: CliContext, b: Backlog, n: (x: number) => string): string {
  const of = (s: string) => n(b.byService[s] ?? 0);
  const missing = caughtUp(b) || b.missing.length === 0 ? '' : ctx.t('demo.waiting.missing', { names: b.missing.join(', ') });
  return ctx.t('demo.waiting', { total: n(b.total), dedup: of('dedup'), identity: of('identity'), caseStatus: of('case-status'), missing });
}

/** Demo credentials, a child whose timeline the API confirms, and the lines to paste. */
async function whereToLook(d: DemoRun, period: { from: string; to: string } | null): Promise<void> {
  const { ctx, config } = d;
  const pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: config.HUB_DB_SCHEMA, applicationName: 'hub-demo', max: 2 });
  try {
    const creds = await demoCredentials(pool);
    const caseStatus = d.serviceUrl('case-status');
    ctx.out(ctx.t('demo.where'));
    ctx.out(ctx.t('demo.where.console', { url: `${d.serviceUrl('lag')}/console` }));

    let municipalToken: string | null = null;
    let shown = false;
    for (const c of await childCandidates(pool)) {
      if (c.institutions < 2) break;
      const token = await creds.create('MUNICIPALITY', c.comuna);
      const url = `${caseStatus}/v1/children/${encodeURIComponent(c.childId)}/timeline`;
      const res = await getWith(url, token, PURPOSES.timeline, ctx.lang);
      const institutions = res.status === 200 ? timelineInstitutions(res.body) : [];
      if (institutions.length < 2) continue;
      municipalToken = token;
      const entries = ((res.body as { timeline?: unknown[] }).timeline ?? []).length;
      ctx.out(ctx.t('demo.where.child', {
        comuna: c.comuna, institutions: institutions.length, entries,
        names: institutions.map((i) => ctx.t(`demo.institution.${i}`)).join(', '),
      }));
      ctx.out(`    ${curlLine(url, token, PURPOSES.timeline)}`);
      shown = true;
      break;
    }
    if (!shown) ctx.out(ctx.t('demo.where.noChild'));

    const reviewToken = await creds.create('HUB', reviewScope);
    const reviewUrl = `${d.serviceUrl('identity')}/v1/review/tasks`;
    const review = await getWith(reviewUrl, reviewToken, PURPOSES.review, ctx.lang);
    const tasks = review.status === 200 ? ((review.body as { tasks?: unknown[] }).tasks ?? []).length : 0;
    ctx.out(ctx.t('demo.where.review', { tasks }));
    ctx.out(`    ${curlLine(reviewUrl, reviewToken, PURPOSES.review)}`);

    if (period) {
      ctx.out(ctx.t('demo.where.indicators', { from: period.from, to: period.to }));
      const schema = config.HUB_DB_SCHEMA === 'hub' ? '' : `HUB_DB_SCHEMA=${config.HUB_DB_SCHEMA} `;
      ctx.out(`    ${schema}npx hub indicators --from ${period.from} --to ${period.to} --by region`);
      // A municipality's CSV puts its territory beside the national figure; without one, the reviewer's HUB credential reads the national table.
      const csvUrl = `${caseStatus}/v1/indicators.csv?from=${period.from}&to=${period.to}&by=region`;
      ctx.out(`    ${curlLine(csvUrl, municipalToken ?? reviewToken, PURPOSES.indicators)}`);
    }
    const revoked = creds.revoked > 0 ? ctx.t('demo.where.revoked', { count: creds.revoked }) : '';
    ctx.out(ctx.t('demo.where.tokens', { label: DEMO_CREDENTIAL_LABEL, revoked }));
    ctx.out(ctx.t('demo.where.stop'));
  } finally {
    await pool.end();
  }
}

function numberFormat(ctx: CliContext): (x: number) => string {
  const nf = new Intl.NumberFormat(ctx.lang === 'es' ? 'es-CL' : 'en-US');
  return (x) => nf.format(x);
}

/**
 * The demo's logger (stderr, JSON): quiet unless LOG_LEVEL asks, like `hub import`, because kafkajs
 * logs every retried coordinator hiccup of a fresh transactional id as an error.
 */
export function demoLogger(ctx: CliContext): Logger {
  return createLogger({ service: 'hub-demo', level: (ctx.env.HUB_DEMO_LOG_LEVEL ?? 'fatal') as 'fatal', destination: process.stderr as never });
}
