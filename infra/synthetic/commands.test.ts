import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTranslator, type Catalogue, type Lang } from '../../services/platform/i18n/i18n';
import { parseArgs, type CliContext } from '../cli/command';
import { cliMessages } from '../cli/messages';
import { generateCommand } from './commands';
import { syntheticMessages } from './messages';
import { parseGenerateOptions } from './options';

function fakeCtx(lang: Lang, isTTY = false): CliContext & { lines: string[]; errors: string[] } {
  const tr = createTranslator(lang, { ...cliMessages.es, ...syntheticMessages.es } as Catalogue, { ...cliMessages.en, ...syntheticMessages.en } as Catalogue);
  const lines: string[] = [];
  const errors: string[] = [];
  return { lang, t: tr.t, out: (l) => lines.push(l), err: (l) => errors.push(l), isTTY, env: {}, lines, errors };
}

describe('hub generate command', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'hub-generate-cli-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Given both catalogues, When compared, Then every Spanish key has an English translation and vice versa', () => {
    expect(Object.keys(syntheticMessages.en).sort()).toEqual(Object.keys(syntheticMessages.es).sort());
  });

  it('Given flags, When parsed, Then they become options; defaults fill the rest', () => {
    const parsed = parseGenerateOptions(parseArgs(['--children', '50', '--seed', '9', '--out', '/x', '--only', 'colegios,salud.json', '--plain']));
    expect(parsed).toEqual({
      out: '/x',
      options: { seed: 9, children: 50, referenceDate: '2024-01-01', months: 36, noiseScale: 1, invalidRate: 0.01, only: ['colegios', 'salud'], plain: true, enrollments: null },
    });
    const bulk = parseGenerateOptions(parseArgs(['--only', 'colegios', '--enrollments', '1000000']));
    expect('options' in bulk && bulk.options).toMatchObject({ enrollments: 1_000_000, only: ['colegios'] });
  });

  it('Given bad flags, When parsed, Then every problem is reported as a message key, none thrown', () => {
    const parsed = parseGenerateOptions(parseArgs(['--children', '0', '--invalid-rate', '2', '--reference-date', '2024-02-30', '--only', 'bancos', '--seed', 'x']));
    expect('errors' in parsed && parsed.errors.map((e) => e.key)).toEqual([
      'synthetic.error.number', 'synthetic.error.number', 'synthetic.error.number', 'synthetic.error.date', 'synthetic.error.only',
    ]);
    const bulk = parseGenerateOptions(parseArgs(['--only', 'sename', '--enrollments', '10']));
    expect('errors' in bulk && bulk.errors.map((e) => e.key)).toEqual(['synthetic.error.bulkOnly']);
  });

  it.each(['es', 'en'] as const)('Given a small run in %s, When the command runs, Then it writes the files and a summary with no raw keys or placeholders', async (lang) => {
    const out = join(dir, lang);
    const ctx = fakeCtx(lang, true);
    const code = await generateCommand.run(parseArgs(['--children', '120', '--out', out]), ctx);
    expect(ctx.errors).toEqual([]);
    expect(code).toBe(0);
    for (const f of ['tribunales.csv', 'sename.csv', 'municipios.csv', 'colegios.csv', 'salud.csv', 'salud.json', 'truth.csv', 'manifest.json']) {
      expect(existsSync(join(out, f))).toBe(true);
    }
    const text = ctx.lines.join('\n');
    expect(text).not.toMatch(/\{\w+\}|synthetic\./);
    expect(text).toContain(lang === 'es' ? 'registros' : 'records');
    expect(text).toContain('… 10 %');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { world: { children: number } };
    expect(manifest.world.children).toBe(120);
  });

  it('Given an unknown flag or a bad value, When the command runs, Then it explains in Spanish and exits with 2 without writing', async () => {
    const ctx = fakeCtx('es');
    expect(await generateCommand.run(parseArgs(['--childs', '10', '--out', join(dir, 'nothing')]), ctx)).toBe(2);
    expect(ctx.errors).toEqual(['Opción desconocida: --childs']);
    const bad = fakeCtx('es');
    expect(await generateCommand.run(parseArgs(['--children', 'muchos']), bad)).toBe(2);
    expect(bad.errors).toEqual(['La opción --children espera un número entero mayor que cero; se recibió «muchos».']);
    expect(existsSync(join(dir, 'nothing'))).toBe(false);
  });
});
