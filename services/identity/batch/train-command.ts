import { existsSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_MODEL, trainModel } from '../domain/matching';
import { BASE_MODEL } from '../domain/matching/model';
import type { Command } from './cli-types';
import { formatCount, formatSeconds, ProgressBar } from './progress';
import { InputError, readRecords } from './read-records';

/** `hub matching train`: EM-trains m/u/h (and term frequencies) on a PersonRecord NDJSON file. */
export const trainCommand: Command = {
  path: ['matching', 'train'],
  usage: '--in registros.ndjson --out modelo.json [--json]',
  summary: {
    es: 'Entrena el modelo de vinculación (EM con clase hogar) sobre un NDJSON de PersonRecord',
    en: 'Train the matching model (EM with a household class) on PersonRecord NDJSON',
  },
  async run(args, ctx) {
    const input = typeof args.flags.in === 'string' ? args.flags.in : undefined;
    const output = typeof args.flags.out === 'string' ? args.flags.out : undefined;
    const json = args.flags.json === true;
    if (!input || !output) { ctx.err(ctx.t('train.usage')); return 2; }
    if (!existsSync(input)) { ctx.err(ctx.t('batch.noFile', { file: input })); return 2; }
    const started = Date.now();
    const bar = new ProgressBar(ctx.isTTY && !json, (s) => process.stderr.write(s), () => Date.now());
    try {
      const records = await readRecords(input, ctx.isTTY ? (b, t) => bar.update(ctx.t('phase.reading'), b, t) : undefined);
      const base = { ...BASE_MODEL, thresholds: DEFAULT_MODEL.thresholds, comparators: DEFAULT_MODEL.comparators, blocking: DEFAULT_MODEL.blocking };
      const model = trainModel(records, base, ctx.isTTY ? (d, t) => bar.update(ctx.t('phase.training'), d, t) : undefined);
      bar.finish();
      writeFileSync(output, JSON.stringify(model, null, 1) + '\n');
      const tr = model.training;
      if (json) { ctx.out(JSON.stringify({ out: output, seconds: (Date.now() - started) / 1000, version: model.version, prior: model.prior, training: tr })); return 0; }
      const n = (x: number) => formatCount(x, ctx.lang);
      ctx.out(ctx.t('train.done', {
        seconds: formatSeconds(Date.now() - started, ctx.lang), n: n(records.length), pairs: n(tr?.candidatePairs ?? 0),
        patterns: n(tr?.patterns ?? 0), iterations: tr?.iterations ?? 0, file: basename(output),
      }));
      const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
      ctx.out(ctx.t('train.prior', { match: pct(model.prior.match), household: pct(model.prior.household), unrelated: pct(model.prior.unrelated) }));
      return 0;
    } catch (err) {
      bar.finish();
      if (err instanceof InputError) { ctx.err(ctx.t('batch.badInput', { file: basename(input), line: err.line, reason: err.reason })); return 2; }
      ctx.err(ctx.t('batch.failed', { reason: err instanceof Error ? err.message : String(err) }));
      return 1;
    }
  },
};
