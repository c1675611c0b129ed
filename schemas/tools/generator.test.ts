import { bundleAll } from './bundler';
import { generateAll } from './generator';
import { loadSources, type SourceFile } from './loader';

/** A small domain exercising every construct the generator maps: enum, nullable, array, map, nested and cross-file records. */
const PET: SourceFile = {
  path: 'fixture/pet.v1.avsc',
  text: JSON.stringify({
    type: 'record', name: 'Pet', namespace: 'hub.fixture', doc: 'A pet.',
    fields: [
      { name: 'name', type: 'string', doc: 'What it answers to.' },
      { name: 'kind', type: { type: 'enum', name: 'Kind', doc: 'Species.', symbols: ['CAT', 'DOG'] }, doc: 'Its species.' },
      { name: 'nickname', type: ['null', 'string'], default: null, doc: 'Optional nickname.' },
      { name: 'tags', type: { type: 'array', items: 'string' }, default: [], doc: 'Free tags.' },
      { name: 'scores', type: { type: 'map', values: 'double' }, doc: 'Scores by judge.' },
      { name: 'bornAt', type: { type: 'long', logicalType: 'timestamp-millis' }, doc: 'Birth, epoch ms.' },
      { name: 'chip', type: ['null', 'bytes'], default: null, doc: 'Microchip payload.' },
      {
        name: 'owner',
        type: ['null', { type: 'record', name: 'Owner', doc: 'Who looks after it.', fields: [
          { name: 'name', type: 'string', doc: 'Full name.' },
          { name: 'pets', type: { type: 'array', items: 'Kind' }, doc: 'Kinds of pets they own.' },
        ] }],
        default: null,
        doc: 'Owner, if any.',
      },
    ],
  }),
};

const ADOPTED: SourceFile = {
  path: 'fixture/pet-adopted.v1.avsc',
  text: JSON.stringify({
    type: 'record', name: 'PetAdopted', namespace: 'hub.fixture', doc: 'A pet found a home.',
    fields: [
      { name: 'pet', type: 'Pet', doc: 'The pet now.' },
      { name: 'before', type: ['null', 'hub.fixture.Pet'], default: null, doc: 'The pet before, if known.' },
    ],
  }),
};

function generatedFile(path: string, files: readonly SourceFile[] = [PET, ADOPTED]): string {
  const file = generateAll(loadSources(files)).find((f) => f.path === path);
  if (!file) throw new Error(`not generated: ${path}`);
  return file.content;
}

describe('TypeScript generator', () => {
  it('Given a record with enum, nullable, array, map and nested record, When generated, Then the interfaces read like hand-written TypeScript', () => {
    const ts = generatedFile('pet.v1.ts');
    expect(ts.startsWith('// Generated from schemas/avro/fixture/pet.v1.avsc by `npx hub schemas generate`. Do not edit.\n')).toBe(true);
    expect(ts).toContain([
      '/**',
      ' * A pet.',
      ' *',
      ' * Avro record `hub.fixture.Pet`.',
      ' */',
      'export interface Pet {',
      '  /** What it answers to. */',
      '  name: string;',
      '  /** Its species. */',
      '  kind: Kind;',
      '  /** Optional nickname. */',
      '  nickname: string | null;',
      '  /** Free tags. */',
      '  tags: string[];',
      '  /** Scores by judge. */',
      '  scores: Record<string, number>;',
      '  /** Birth, epoch ms. */',
      '  bornAt: number;',
      '  /** Microchip payload. */',
      '  chip: Buffer | null;',
      '  /** Owner, if any. */',
      '  owner: Owner | null;',
      '}',
    ].join('\n'));
    expect(ts).toContain("export type Kind = 'CAT' | 'DOG';\n");
    expect(ts).toContain("export const KindSymbols: readonly Kind[] = ['CAT', 'DOG'];\n");
    expect(ts).toContain('export interface Owner {\n  /** Full name. */\n  name: string;\n  /** Kinds of pets they own. */\n  pets: Kind[];\n}\n');
    expect(ts).toContain('export const PetSchema: RecordSchema = {\n  type: \'record\',\n  name: \'Pet\',\n  namespace: \'hub.fixture\',\n');
    expect(ts.endsWith('};\n')).toBe(true);
  });

  it('Given a record using a type from another file, When generated, Then it imports that type and bundles it once, by name afterwards', () => {
    const ts = generatedFile('pet-adopted.v1.ts');
    expect(ts).toContain("import type { Pet } from './pet.v1';\n");
    expect(ts).toContain('  pet: Pet;\n');
    expect(ts).toContain('  before: Pet | null;\n');

    const bundle = bundleAll(loadSources([PET, ADOPTED])).find((b) => b.fullName === 'hub.fixture.PetAdopted')!;
    const fields = bundle.schema['fields'] as { name: string; type: unknown }[];
    expect(fields[0]!.type).toMatchObject({ type: 'record', name: 'Pet', fields: expect.any(Array) });
    expect(fields[1]!.type).toEqual(['null', 'hub.fixture.Pet']);
  });

  it('Given the same sources in any order, When generated twice, Then the output is byte-identical', () => {
    const a = generateAll(loadSources([PET, ADOPTED]));
    const b = generateAll(loadSources([ADOPTED, PET]));
    expect(b).toEqual(a);
    expect(a.map((f) => f.path)).toEqual(['pet-adopted.v1.ts', 'pet.v1.ts', 'index.ts']);
  });

  it('Given sources without events, When the index is generated, Then the event catalogue is empty and typed as never', () => {
    const index = generatedFile('index.ts');
    expect(index).toContain("export type SchemaName = 'hub.fixture.Pet' | 'hub.fixture.PetAdopted';\n");
    expect(index).toContain('export type EventName = never;\n');
    expect(index).toContain("export * from './pet.v1';\n");
  });
});
