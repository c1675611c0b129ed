import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_MODEL, resolveBatch, type BatchResult, type NormalisedPerson } from '../domain/matching';
import { BASE_MODEL } from '../domain/matching/model';
import type { CliContext, Command } from './cli-types';
import { loadModel } from './load-model';
import { formatCount, formatSeconds, ProgressBar } from './progress';
import { InputError, readRecords } from './read-records';

/**
 * `hub resolve`: batch identity resolution of a PersonRecord NDJSON file, with the engine and
 * rules of the streaming service. Trains m/u/h by EM on its own input unless --model is given
 * (EM learns per input: no data-set-specific tuning). Needs neither Kafka nor a running service.
 */
export const resolveCommand: Command = {
  path: ['resolve'],
  usage: '--in registros.ndjson --out asignaciones.ndjson [--review-out revision.ndjson] [--model modelo.json] [--json]',
  summary: {
    es: 'Resuelve identidades de NNA en lote (NDJSON de PersonRecord): vínculos automáticos y casos a revisión',
    en: 'Batch identity resolution of PersonRecord NDJSON: automatic links and cases for review',
  },
  async run(args, ctx) {
    const input = typeof args.flags.in === 'string' ? args.flags.in : undefined;
    const output = typeof args.flags.out === 'string' ? args.flags.out : undefined;
    const reviewOut = typeof args.flags['review-out'] === 'string' ? args.flags['review-out'] : undefined;
    const modelFile = typeof args.flags.model === 'string' ? args.flags.model : undefined;
    const json = args.flags.json === true;
    if (!input || !output) { ctx.err(ctx.t('resolve.usage')); return 2; }
    if (!existsSync(input)) { ctx.err(ctx.t('batch.noFile', { file: input })); return 2; }
    let model = BASE_MODEL;
    if (modelFile) {
      if (!existsSync(modelFile)) { ctx.err(ctx.t('batch.noFile', { file: modelFile })); return 2; }
      try { model = loadModel(modelFile); } catch (err) { ctx.err(ctx.t('batch.badModel', { file: modelFile, reason: (err as Error).message })); return 2; }
    } else {
      // Untrained level layout and thresholds from the committed model; EM fits m/u/h to this input.
      model = { ...BASE_MODEL, thresholds: DEFAULT_MODEL.thresholds, comparators: DEFAULT_MODEL.comparators, blocking: DEFAULT_MODEL.blocking, tf: DEFAULT_MODEL.tf };
    }
    const started = Date.now();
    const bar = new ProgressBar(ctx.isTTY && !json, (s) => process.stderr.write(s), () => Date.now());
    const quiet = json || !ctx.isTTY;
    try {
      const records = await readRecords(input, quiet && !ctx.isTTY ? undefined : (b, t) => bar.update(ctx.t('phase.reading'), b, t));
      const result = resolveBatch(records, model, modelFile === undefined, quiet && !ctx.isTTY ? undefined : (phase, d, t) => bar.update(ctx.t(`phase.${phase}`), d, t));
      bar.finish();
      await writeAssignments(output, records, result);
      if (reviewOut) await writeReviews(reviewOut, records, result);
      const ms = Date.now() - started;
      if (json) ctx.out(JSON.stringify(summaryJson(result, ms, modelFile)));
      else printSummary(ctx, result, ms, modelFile, reviewOut, output);
      return 0;
    } catch (err) {
      bar.finish();
      if (err instanceof InputError) { ctx.err(ctx.t('batch.badInput', { file: basename(input), line: err.line, reason: err.reason })); return 2; }
      ctx.err(ctx.t('batch.failed', { reason: err instanceof Error ? err.message : String(err) }));
      return 1;
    }
  },
};

function summaryJson(r: BatchResult, ms: number, modelFile: string | undefined) {
  return {
    ...r.stats, seconds: Math.round(ms) / 1000, recordsPerSecond: Math.round(r.stats.records / Math.max(ms / 1000, 1e-3)),
    model: { version: r.model.version, trainedOnInput: modelFile === undefined, prior: r.model.prior, thresholds: r.model.thresholds },
  };
}

function printSummary(ctx: CliContext, r: BatchResult, ms: number, modelFile: string | undefined, reviewOut: string | undefined, output: string): void {
  const n = (x: number) => formatCount(x, ctx.lang);
  const s = r.stats;
  ctx.out(ctx.t('resolve.done', { seconds: formatSeconds(ms, ctx.lang), rate: n(Math.round(s.records / Math.max(ms / 1000, 1e-3))) }));
  ctx.out(ctx.t('resolve.records', { n: n(s.records) }));
  ctx.out(ctx.t('resolve.identities', { n: n(s.identities) }));
  ctx.out(ctx.t('resolve.linked', { n: n(s.linkedRecords) }));
  ctx.out(reviewOut ? ctx.t('resolve.review', { n: n(s.reviewRecords), file: basename(reviewOut) }) : ctx.t('resolve.reviewNoFile', { n: n(s.reviewRecords) }));
  ctx.out(ctx.t('resolve.pairs', { n: n(s.candidatePairs), skipped: n(s.skippedBlocks) }));
  ctx.out(ctx.t('resolve.links', { links: n(s.autoLinkPairs), review: n(s.reviewPairs) }));
  if (s.pairsCompleteness === null) ctx.out(ctx.t('resolve.completenessNa'));
  else ctx.out(ctx.t('resolve.completeness', { value: ctx.lang === 'es' ? s.pairsCompleteness.toFixed(4).replace('.', ',') : s.pairsCompleteness.toFixed(4) }));
  const how = modelFile ? ctx.t('resolve.modelGiven') : ctx.t('resolve.modelTrained', { iterations: s.emIterations ?? 0 });
  ctx.out(ctx.t('resolve.model', { version: r.model.version, how }));
  ctx.out(ctx.t('resolve.out', { file: basename(output) }));
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out: WriteStream = createWriteStream(file, { encoding: 'utf8' });
  let chunk = '';
  for (const line of lines) {
    chunk += line + '\n';
    if (chunk.length > 1 << 16) { if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r())); chunk = ''; }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

function* assignmentLines(records: readonly NormalisedPerson[], r: BatchResult): Generator<string> {
  for (let i = 0; i < records.length; i++) {
    yield JSON.stringify({ source: records[i]!.source, sourceRecordId: records[i]!.sourceRecordId, childId: r.childIds[i] });
  }
}

function writeAssignments(file: string, records: readonly NormalisedPerson[], r: BatchResult): Promise<void> {
  return writeLines(file, assignmentLines(records, r));
}

function* reviewLines(records: readonly NormalisedPerson[], r: BatchResult): Generator<string> {
  const byKey = new Map(records.map((p, i) => [p.key, i]));
  for (const item of r.reviews) {
    const p = records[byKey.get(item.key)!]!;
    yield JSON.stringify({
      source: p.source, sourceRecordId: p.sourceRecordId, childId: r.childIds[byKey.get(item.key)!], reason: item.reason,
      candidates: item.candidates.map((c) => {
        const q = records[byKey.get(c.key)!]!;
        return { source: q.source, sourceRecordId: q.sourceRecordId, childId: c.childId, ...c.explanation };
      }),
    });
  }
}

function writeReviews(file: string, records: readonly NormalisedPerson[], r: BatchResult): Promise<void> {
  return writeLines(file, reviewLines(records, r));
}
