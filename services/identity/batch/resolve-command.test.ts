import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTranslator } from '../../platform/i18n/i18n';
import type { CliContext } from './cli-types';
import { identityBatchMessages } from './messages';
import { resolveCommand } from './resolve-command';
import { trainCommand } from './train-command';

function context(lang: 'es' | 'en' = 'es'): CliContext & { lines: string[]; errors: string[] } {
  const tr = createTranslator(lang, identityBatchMessages.es, identityBatchMessages.en);
  const lines: string[] = [];
  const errors: string[] = [];
  return { lang, t: tr.t, out: (l) => lines.push(l), err: (l) => errors.push(l), isTTY: false, env: {}, lines, errors };
}

const record = (id: string, given: string, run: string | null) => JSON.stringify({
  source: 'SCHOOL', sourceRecordId: id, run, givenNames: given, paternalSurname: 'Rojas', maternalSurname: 'Soto',
  birthDate: '2014-02-03', comunaCode: '13101',
});

describe('hub resolve / hub matching train', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'hub-resolve-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given plain JSON records with missing optional fields, When resolved, Then every record gets one assignment line and a Spanish summary', async () => {
    const input = path.join(dir, 'in.ndjson');
    writeFileSync(input, [record('1', 'Tomás', '23.456.789-6'), record('2', 'TOMAS', '23456789-6'), record('3', 'Vicente', null), ''].join('\n'));
    const out = path.join(dir, 'out.ndjson');
    const ctx = context();
    const code = await resolveCommand.run({ positional: [], flags: { in: input, out, 'review-out': path.join(dir, 'review.ndjson') } }, ctx);
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { sourceRecordId: string; childId: string });
    expect(lines.map((l) => l.sourceRecordId)).toEqual(['1', '2', '3']);
    expect(lines[0]!.childId).toBe(lines[1]!.childId);
    expect(lines[2]!.childId).not.toBe(lines[0]!.childId);
    expect(ctx.lines[0]).toMatch(/^Resolución de identidades terminada/);
  });

  it('Given --json, When resolved, Then one JSON summary line with counts and pairs completeness is printed', async () => {
    const input = path.join(dir, 'in.ndjson');
    writeFileSync(input, [record('1', 'Tomás', '23.456.789-6'), record('2', 'Tomás', '23456789-6')].join('\n'));
    const ctx = context('en');
    expect(await resolveCommand.run({ positional: [], flags: { in: input, out: path.join(dir, 'o.ndjson'), json: true } }, ctx)).toBe(0);
    const summary = JSON.parse(ctx.lines[0]!) as Record<string, unknown>;
    expect(summary).toMatchObject({ records: 2, identities: 1, autoLinkPairs: 1 });
    expect(summary).toHaveProperty('pairsCompleteness');
  });

  it('Given a line that is not a PersonRecord, When resolved, Then it stops with the line number and exit code 2, without echoing the data', async () => {
    const input = path.join(dir, 'in.ndjson');
    writeFileSync(input, [record('1', 'Tomás', null), JSON.stringify({ source: 'X', givenNames: 'Secreta' })].join('\n'));
    const ctx = context();
    expect(await resolveCommand.run({ positional: [], flags: { in: input, out: path.join(dir, 'o.ndjson') } }, ctx)).toBe(2);
    expect(ctx.errors.join('\n')).toMatch(/línea 2/);
    expect(ctx.errors.join('\n')).not.toMatch(/Secreta/);
  });

  it('Given records, When a model is trained and then used with --model, Then the model file is valid and resolve accepts it', async () => {
    const input = path.join(dir, 'in.ndjson');
    writeFileSync(input, [record('1', 'Tomás', '23.456.789-6'), record('2', 'Tomás', '23456789-6'), record('3', 'Vicente', null)].join('\n'));
    const model = path.join(dir, 'model.json');
    expect(await trainCommand.run({ positional: [], flags: { in: input, out: model } }, context())).toBe(0);
    const ctx = context();
    expect(await resolveCommand.run({ positional: [], flags: { in: input, out: path.join(dir, 'o.ndjson'), model } }, ctx)).toBe(0);
    expect(ctx.lines.join('\n')).toMatch(/entregado con --model/);
  });
});
