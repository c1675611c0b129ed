import type { CliContext } from '../cli/command';
import { createTranslator, type Lang } from '../../services/platform/i18n/i18n';
import { createIndicatorsCommand, type IndicatorSource } from './commands';
import { indicatorsMessages } from './messages';

/** `hub indicators` without PostgreSQL: the source is a fake that answers or fails as the database would. */
function source(load: IndicatorSource['load']) {
  const state = { closed: false };
  const s: IndicatorSource = { schema: 'hub_local', load, close: async () => { state.closed = true; } };
  return { s, state };
}

async function run(s: IndicatorSource, flags: Record<string, string | boolean>, lang: Lang = 'es') {
  const out: string[] = [];
  const err: string[] = [];
  const tr = createTranslator(lang, indicatorsMessages.es, indicatorsMessages.en);
  const ctx: CliContext = { lang, t: tr.t, out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false, env: {} };
  const code = await createIndicatorsCommand(async () => s, () => Date.UTC(2025, 0, 1)).run({ positional: [], flags }, ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const PERIOD = { from: '2024-01-01', to: '2024-12-31', by: 'region' };
/** What pg throws when a relation does not exist. */
const undefinedTable = () => Object.assign(new Error('relation "case_events" does not exist'), { code: '42P01' });

describe('hub indicators', () => {
  it('Given the case-status tables do not exist yet, When run, Then a clear Spanish message says to run hub prepare or start the service, and it exits 1', async () => {
    const { s, state } = source(async () => { throw undefinedTable(); });
    const r = await run(s, PERIOD);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Aún no existen las tablas del servicio case-status en el esquema «hub_local»');
    expect(r.err).toContain('npx hub prepare');
    expect(r.err).not.toContain('relation');
    expect(r.out).toBe('');
    expect(state.closed).toBe(true);
  });

  it('Given English and no tables, When run, Then the message is in English', async () => {
    const { s } = source(async () => { throw undefinedTable(); });
    const r = await run(s, PERIOD, 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('The case-status service tables do not exist yet');
  });

  it('Given another database error, When run, Then it is not disguised as missing tables', async () => {
    const { s, state } = source(async () => { throw Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' }); });
    await expect(run(s, PERIOD)).rejects.toThrow('connection refused');
    expect(state.closed).toBe(true);
  });

  it('Given tables with no events, When run, Then the header counts nothing and says there is no data, exit 0', async () => {
    const { s } = source(async () => ({ flows: [], capacity: [], events: 0 }));
    const r = await run(s, PERIOD);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Indicadores del 2024-01-01 al 2024-12-31 por región (0 niños, niñas y adolescentes; 0 eventos)');
    expect(r.out).toContain('No hay datos en el período.');
  });

  it('Given bad options, When run, Then the usage is printed and nothing is read', async () => {
    let loaded = false;
    const { s } = source(async () => { loaded = true; return { flows: [], capacity: [], events: 0 }; });
    const r = await run(s, { from: '2024-12-31', to: '2024-01-01', by: 'region' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('Uso: npx hub indicators');
    expect(loaded).toBe(false);
  });
});
