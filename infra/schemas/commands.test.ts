import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliContext } from '../cli/command';
import { createTranslator, type Lang } from '../../services/platform/i18n/i18n';
import { createSchemaCommands } from './commands';
import { schemaMessages } from './messages';
import { schemaPaths } from '../../schemas/tools/workspace';

/** Runs `hub schemas <name>` against a throw-away schemas/ directory and captures what people would read. */
async function run(root: string, name: string, flags: Record<string, boolean> = {}, lang: Lang = 'es') {
  const out: string[] = [];
  const err: string[] = [];
  const tr = createTranslator(lang, schemaMessages.es, schemaMessages.en);
  const ctx: CliContext = { lang, t: tr.t, out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false, env: {} };
  const command = createSchemaCommands(schemaPaths(root)).find((c) => c.path[1] === name)!;
  const code = await command.run({ positional: [], flags }, ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const PET_V1 = {
  type: 'record', name: 'Pet', namespace: 'hub.fixture', doc: 'A pet.',
  fields: [{ name: 'name', type: 'string', doc: 'Its name.' }],
};

describe('hub schemas generate | check | release', () => {
  let root: string;
  const writePet = (schema: object): void => writeFileSync(join(root, 'avro', 'fixture', 'pet.v1.avsc'), JSON.stringify(schema));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hub-schemas-'));
    mkdirSync(join(root, 'avro', 'fixture'), { recursive: true });
    writePet(PET_V1);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('Given fresh sources, When generated, released and checked, Then check passes', async () => {
    expect((await run(root, 'generate')).code).toBe(0);
    expect(readdirSync(join(root, 'generated')).sort()).toEqual(['index.ts', 'pet.v1.ts']);
    expect((await run(root, 'release')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'released', 'pet.v1.avsc'), 'utf8'))).toEqual(PET_V1);
    const check = await run(root, 'check');
    expect(check.code).toBe(0);
    expect(check.out).toContain('Esquemas en orden');
  });

  it('Given an .avsc edited without regenerating, When checked, Then it fails in Spanish naming the file and line', async () => {
    await run(root, 'generate');
    writePet({ ...PET_V1, fields: [...PET_V1.fields, { name: 'age', type: ['null', 'int'], default: null, doc: 'Age.' }] });
    const check = await run(root, 'check');
    expect(check.code).toBe(1);
    expect(check.err).toContain('Los archivos de schemas/generated no coinciden con los .avsc de schemas/avro:');
    expect(check.err).toMatch(/pet\.v1\.ts: difiere desde la línea \d+/);
    expect(check.err).toContain('npx hub schemas generate');
  });

  it('Given an incompatible change, When checked and released, Then both refuse, explaining in the chosen language', async () => {
    await run(root, 'release');
    writePet({ ...PET_V1, fields: [...PET_V1.fields, { name: 'age', type: 'int', doc: 'Age.' }] });
    await run(root, 'generate');
    const check = await run(root, 'check', {}, 'en');
    expect(check.code).toBe(1);
    expect(check.err).toContain('BACKWARD: hub.fixture.Pet.age: field added without a default');
    const release = await run(root, 'release');
    expect(release.code).toBe(1);
    expect(release.err).toContain('campo agregado sin valor por defecto');
    expect(release.err).toContain('No se publicó nada');
    expect(JSON.parse(readFileSync(join(root, 'released', 'pet.v1.avsc'), 'utf8'))).toEqual(PET_V1);
  });

  it('Given a broken reference, When generating, Then the error is translated and nothing is written', async () => {
    writePet({ ...PET_V1, fields: [{ name: 'owner', type: 'hub.fixture.Owner' }] });
    const result = await run(root, 'generate');
    expect(result.code).toBe(1);
    expect(result.err).toBe('fixture/pet.v1.avsc#Pet.owner: usa el tipo hub.fixture.Owner, que ningún .avsc define.');
    expect(() => readdirSync(join(root, 'generated'))).toThrow();
  });
});
