import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { loadConfig } from '../../services/platform/config/load-config';
import { createPool } from '../../services/platform/postgres/create-pool';
import { caseStatusConfigSchema, indicatorRows, indicatorsToCsv, loadIndicatorInput, roundHalfUp, type IndicatorInput, type IndicatorRow } from '../../services/case-status/commands';
import type { Command } from '../cli/command';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const options = z.object({
  from: z.string().regex(DATE),
  to: z.string().regex(DATE),
  by: z.enum(['comuna', 'region', 'modality']),
  json: z.boolean().default(false),
  csv: z.string().min(1).optional(),
}).refine((o) => o.from <= o.to);

/** What the command reads: the service's stored state (PostgreSQL by default; a fake in unit tests). */
export interface IndicatorSource {
  readonly schema: string;
  load(): Promise<IndicatorInput & { events: number }>;
  close(): Promise<void>;
}

async function openPostgres(env: NodeJS.ProcessEnv): Promise<IndicatorSource> {
  const config = loadConfig(caseStatusConfigSchema, env);
  const pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: config.HUB_DB_SCHEMA, applicationName: 'hub-indicators', max: 2 });
  return { schema: config.HUB_DB_SCHEMA, load: () => loadIndicatorInput(pool), close: () => pool.end() };
  }

  /** PostgreSQL's undefined_table: the case-status migrations never ran in this schema. */
  const isMissingTable = (err: unknown) => (err as { code?: unknown } | null)?.code === '42P01';

  const fmt = (v: number | null) => (v === null ? '—' : roundHalfUp(v).toLocaleString('es-CL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

  /** `hub indicators`: reads the case-status service's PostgreSQL state directly (no running service needed). */
  export function createIndicatorsCommand(open: (env: NodeJS.ProcessEnv) => Promise<IndicatorSource> = openPostgres, now: () => number = Date.now): Command {
  return {
    path: ['indicators'],
    usage: '--from AAAA-MM-DD --to AAAA-MM-DD --by comuna|region|modality [--json] [--csv ARCHIVO]',
    summary: {
      es: 'Indicadores de la red (evaluación 2007 y del hub) desde el estado del servicio case-status',
      en: 'Network indicators (2007 evaluation and hub) from the case-status service state',
    },
    async run(args, ctx) {
      const parsed = options.safeParse({
        from: args.flags.from, to: args.flags.to, by: args.flags.by, json: args.flags.json === true,
        csv: typeof args.flags.csv === 'string' ? args.flags.csv : undefined,
      });
      if (!parsed.success) { ctx.err(ctx.t('indicators.usage')); return 2; }
      const o = parsed.data;
      const source = await open(ctx.env);
      try {
        let input: IndicatorInput & { events: number };
        try {
          input = await source.load();
        } catch (err) {
          if (!isMissingTable(err)) throw err;
          ctx.err(ctx.t('indicators.noTables', { schema: source.schema }));
          return 1;
        }
        const rows: IndicatorRow[] = indicatorRows(input, { from: o.from, to: o.to, by: o.by, asOf: now() });
        if (o.csv) {
          writeFileSync(o.csv, indicatorsToCsv(rows, ctx.lang));
          if (!o.json) ctx.out(ctx.t('indicators.csvWritten', { file: o.csv, rows: rows.length }));
        }
        if (o.json) { ctx.out(JSON.stringify({ from: o.from, to: o.to, by: o.by, children: input.flows.length, events: input.events, rows }, null, 2)); return 0; }
        ctx.out(ctx.t('indicators.header', { from: o.from, to: o.to, by: ctx.t(`indicators.by.${o.by}`), children: input.flows.length, events: input.events }));
        if (rows.length === 0) { ctx.out(ctx.t('indicators.empty')); return 0; }
        ctx.out(ctx.t('indicators.columns'));
        for (const r of rows) {
          if (r.stays.denominator === 0 && r.children.denominator === 0) continue;
          ctx.out(`${r.indicatorId.padEnd(15)} ${r.group.padEnd(10)} ${`${fmt(r.stays.numerator)}/${r.stays.denominator} = ${fmt(r.stays.value)}`.padEnd(24)} ${`${fmt(r.children.numerator)}/${r.children.denominator} = ${fmt(r.children.value)}`.padEnd(24)} ${r.final ? 'sí' : `no (${r.provisionalItems})`}`);
        }
        return 0;
      } finally {
        await source.close();
      }
    },
  };
}

export const indicatorsCommand: Command = createIndicatorsCommand();
