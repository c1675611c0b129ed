import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { deadLetterTopicOf } from '../../schemas/topics';
import { isBalanced } from '../../connectors/sdk/reconciliation';
import type { ImportResult } from '../../connectors/sdk/import/run-import';
import { ISSUE_MESSAGES_EN, ISSUE_MESSAGES_ES } from '../../connectors/sdk/messages';
import { FHIR_MESSAGES_EN, FHIR_MESSAGES_ES } from '../../connectors/health';
import { createTranslator } from '../../services/platform/i18n/i18n';
import { loadConfig } from '../../services/platform/config/load-config';
import { hubConfigSchema } from '../../services/platform/config/hub-config';
import { createLogger } from '../../services/platform/logging/create-logger';
import type { CliContext, Command } from '../cli/command';
import { connectorFor } from './connectors';
import { importFile } from './import-file';
import { formatCount, renderProgress } from './progress-bar';

const ENCODINGS = new Set(['auto', 'utf8', 'latin1']);

export const importCommand: Command = {
  path: ['import'],
  usage: '<institución> <archivo> [--batch-size N] [--encoding auto|utf8|latin1] [--json]',
  summary: {
    es: 'Importa el archivo nativo de una institución (CSV o FHIR) a Kafka; reanudable, sin duplicados',
    en: "Import an institution's native file (CSV or FHIR) into Kafka; resumable, no duplicates",
  },
  async run(args, ctx) {
    const [name, file] = args.positional;
    if (!name || !file) { ctx.err(ctx.t('import.usage')); return 2; }
    const spec = connectorFor(name);
    if (!spec) { ctx.err(ctx.t('import.unknownInstitution', { name })); return 2; }
    if (!existsSync(file)) { ctx.err(ctx.t('import.noFile', { file })); return 2; }
    const encoding = typeof args.flags.encoding === 'string' ? args.flags.encoding : 'auto';
    if (!ENCODINGS.has(encoding)) { ctx.err(ctx.t('import.usage')); return 2; }
    const batchSize = typeof args.flags['batch-size'] === 'string' ? Number(args.flags['batch-size']) : undefined;
    const json = args.flags.json === true;

    const config = loadConfig(hubConfigSchema, ctx.env);
    // People read the Spanish summary; JSON logs (stderr) only when asked for, since kafkajs logs
    // every retried coordinator hiccup as an error.
    const log = createLogger({ service: 'hub-import', level: ctx.env.LOG_LEVEL ?? 'fatal', destination: process.stderr as never });
    if (!json) ctx.out(ctx.t('import.start', { file: basename(file), institution: spec.institution }));
    const started = Date.now();
    let lastDecile = -1;
    try {
      const result = await importFile({
        config, spec, file, log, batchSize, encoding: encoding as 'auto' | 'utf8' | 'latin1',
        onProgress: (p) => {
          if (json) return;
          const line = renderProgress(p, Date.now() - started, ctx.lang);
          if (ctx.isTTY) { process.stderr.write(`\r${line}`); return; }
          const decile = p.bytesTotal > 0 ? Math.floor((10 * p.bytesDone) / p.bytesTotal) : 0;
          if (decile > lastDecile) { lastDecile = decile; ctx.err(line); }
        },
      });
      if (ctx.isTTY && !json) process.stderr.write('\n');
      const topic = config.HUB_TOPIC_PREFIX + deadLetterTopicOf(spec.kinds[0]!.topic);
      if (json) ctx.out(JSON.stringify(resultJson(result, file, spec.institution, topic)));
      else printSummary(ctx, result, basename(file), spec.institution, topic, Date.now() - started);
      return isBalanced(result.reconciliation) ? 0 : 1;
    } catch (err) {
      if (ctx.isTTY && !json) process.stderr.write('\n');
      log.error({ err }, 'import failed');
      ctx.err(ctx.t('import.failed', { reason: err instanceof Error ? err.message : String(err) }));
      return 1;
    }
  },
};

function resultJson(r: ImportResult, file: string, institution: string, dlqTopic: string) {
  return {
    file: basename(file), institution, stream: r.stream, ...r.reconciliation, balanced: isBalanced(r.reconciliation),
    resumedAfter: r.resumedAfter, alreadyComplete: r.alreadyComplete, deadLetterTopic: dlqTopic,
    rejections: Object.fromEntries(r.rejections), warnings: Object.fromEntries(r.warnings),
  };
}

function printSummary(ctx: CliContext, r: ImportResult, file: string, institution: string, dlqTopic: string, ms: number): void {
  const n = (x: number) => formatCount(x, ctx.lang);
  if (r.alreadyComplete) ctx.out(ctx.t('import.alreadyDone'));
  else if (r.resumedAfter > 0) ctx.out(ctx.t('import.resumed', { count: n(r.resumedAfter) }));
  const seconds = (ms / 1000).toFixed(1);
  ctx.out(ctx.t('import.done', { file, institution, seconds: ctx.lang === 'es' ? seconds.replace('.', ',') : seconds }));
  const rc = r.reconciliation;
  ctx.out(ctx.t('import.received', { n: n(rc.received) }));
  ctx.out(ctx.t('import.published', { n: n(rc.published) }));
  ctx.out(ctx.t('import.deadLettered', { n: n(rc.deadLettered), topic: dlqTopic }));
  ctx.out(ctx.t('import.duplicates', { n: n(rc.duplicates) }));
  ctx.out(ctx.t('import.withWarnings', { n: n(rc.withWarnings) }));
  ctx.out(ctx.t(isBalanced(rc) ? 'import.balanced' : 'import.unbalanced'));
  const issues = createTranslator(ctx.lang, { ...ISSUE_MESSAGES_ES, ...FHIR_MESSAGES_ES }, { ...ISSUE_MESSAGES_EN, ...FHIR_MESSAGES_EN });
  for (const [title, counts] of [['import.topRejections', r.rejections], ['import.topWarnings', r.warnings]] as const) {
    if (counts.size === 0) continue;
    ctx.out(ctx.t(title));
    for (const [key, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
      const [field = '', code = ''] = key.split(' ');
      ctx.out(`  ${field} ${code} × ${n(count)} — ${issues.t(code, { field })}`);
    }
  }
}
