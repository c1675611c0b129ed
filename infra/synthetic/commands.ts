import { resolve } from 'node:path';
import type { CliContext, Command } from '../cli/command';
import { addMonths, formatDate, parseIsoDay } from './calendar';
import { generate, type Manifest } from './generate';
import { KNOWN_FLAGS, parseGenerateOptions } from './options';
import { directorySinks } from './sinks';

/**
 * `hub generate`: synthetic native files of the five institutions plus truth.csv and
 * manifest.json (see infra/synthetic/README.md). Pure generation behind a thin shell: the
 * flags are parsed into options, the files go to a directory, people read a summary.
 */
export const generateCommand: Command = {
  path: ['generate'],
  usage: '[--children N] [--seed S] [--out DIR] [--only …] [--enrollments N] [--plain] …',
  summary: {
    es: 'Genera datos sintéticos de las cinco instituciones (archivos nativos, verdad y manifiesto)',
    en: 'Generate synthetic data of the five institutions (native files, truth and manifest)',
  },
  async run(args, ctx) {
    const unknown = Object.keys(args.flags).filter((f) => !KNOWN_FLAGS.has(f));
    for (const f of unknown) ctx.err(ctx.t('cli.unknownFlag', { flag: f }));
    const parsed = parseGenerateOptions(args);
    if ('errors' in parsed) {
      for (const e of parsed.errors) {
        const params = 'rule' in e.params ? { ...e.params, rule: ctx.t(`synthetic.rule.${e.params.rule}`) } : e.params;
        ctx.err(ctx.t(e.key, params));
      }
      return 2;
    }
    if (unknown.length > 0) return 2;
    const { options, out } = parsed;
    const dir = resolve(out);
    const fmt = number(ctx);
    const reference = parseIsoDay(options.referenceDate)!;
    ctx.out(options.enrollments !== null
      ? ctx.t('synthetic.startBulk', { count: fmt(options.enrollments), seed: options.seed, out: dir })
      : ctx.t('synthetic.start', {
        children: fmt(options.children), seed: options.seed, out: dir,
        from: formatDate(addMonths(reference, -options.months)), to: formatDate(reference - 1),
      }));

    const started = performance.now();
    let lastDecile = 0;
    let manifest: Manifest;
    try {
      manifest = await generate(options, directorySinks(dir), ({ done, total }) => {
        const percent = Math.floor((done * 100) / total);
        if (!ctx.isTTY || percent < lastDecile + 10 || done === total) return;
        lastDecile = percent - (percent % 10);
        ctx.out(ctx.t('synthetic.progress', { percent: lastDecile, done: fmt(done), total: fmt(total) }));
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (typeof code !== 'string') throw err;
      ctx.err(ctx.t('synthetic.error.write', { out: dir, problem: code }));
      return 1;
    }
    printSummary(ctx, manifest, fmt);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    ctx.out(ctx.t('synthetic.done', { seconds: ctx.lang === 'es' ? seconds.replace('.', ',') : seconds }));
    return 0;
  },
};

function printSummary(ctx: CliContext, m: Manifest, fmt: (n: number) => string): void {
  const w = m.world;
  if (m.params.enrollments === null) {
    ctx.out(ctx.t('synthetic.world', {
      families: fmt(w.families), children: fmt(w.children), twins: fmt(w.twins), migrants: fmt(w.migrants),
      protection: fmt(w.inProtection), juvenile: fmt(w.juvenileJustice),
    }));
  }
  const width = Math.max(...m.files.map((f) => f.file.length), 'manifest.json'.length);
  for (const f of m.files) {
    const params = { file: f.file.padEnd(width), records: fmt(f.records), dlq: fmt(f.dlq), size: size(f.bytes, ctx) };
    ctx.out(f.format === 'csv'
      ? ctx.t('synthetic.csvFile', { ...params, encoding: f.encoding.toUpperCase() + (f.bom ? ' (BOM)' : ''), separator: f.separator! })
      : ctx.t('synthetic.fhirFile', { ...params, entries: fmt(f.entries ?? 0) }));
  }
  ctx.out(ctx.t('synthetic.truthFile', { file: 'truth.csv'.padEnd(width), rows: fmt(m.truth.rows) }));
  ctx.out(ctx.t('synthetic.manifestFile', { file: 'manifest.json'.padEnd(width) }));
}

/** Thousands separators as the reader writes them (es-CL: 1.000.000). */
function number(ctx: CliContext): (n: number) => string {
  const nf = new Intl.NumberFormat(ctx.lang === 'es' ? 'es-CL' : 'en-US');
  return (n) => nf.format(n);
}

function size(bytes: number, ctx: CliContext): string {
  const [value, unit] = bytes >= 1 << 20 ? [bytes / (1 << 20), 'MB'] : [bytes / 1024, 'KB'];
  const text = value.toFixed(1);
  return `${ctx.lang === 'es' ? text.replace('.', ',') : text} ${unit}`;
}

export const syntheticCommands: readonly Command[] = [generateCommand];
