import * as avro from 'avsc';
import { EVENT_SCHEMAS, PersonObservedSchema, SexSymbols, schemaFor, type PersonObserved } from './index';
import { bundleAll } from './tools/bundler';
import { compareWithReleased, findDrift } from './tools/checks';
import { generateAll } from './tools/generator';
import { loadSources } from './tools/loader';
import { readReleased } from './tools/released';
import { readGeneratedFiles, readSourceFiles, schemaPaths } from './tools/workspace';

/** The committed schemas: what every service compiles against and the registry receives. */
const paths = schemaPaths();
const set = loadSources(readSourceFiles(paths.avro));
const bundles = bundleAll(set);

const sample: PersonObserved = {
  envelope: {
    eventId: 'TRIBUNAL:C-123-2024:3f2a',
    sourceInstitution: 'TRIBUNAL',
    sourceUnit: '1300',
    sourceRecordId: 'C-123-2024',
    occurredAt: Date.UTC(2024, 2, 1, 12, 0, 0),
    recordedAt: Date.UTC(2024, 2, 1, 12, 0, 5),
    schemaVersion: 1,
    traceId: null,
  },
  person: {
    source: 'TRIBUNAL',
    sourceRecordId: 'P-0001',
    run: '12.345.678-k',
    identifiers: [{ scheme: 'CL-IPE', value: 'IPE-100200300' }],
    givenNames: 'Camila Antonia',
    paternalSurname: 'Muñoz',
    maternalSurname: null,
    birthDate: '2014-05-09',
    sex: 'F',
    comunaCode: '13101',
    address: { street: 'Pasaje Ficticio 123', locality: 'Santiago', postcode: null, region: null },
    phone: null,
  },
};

describe('Committed schemas', () => {
  it('Given the .avsc sources, When generated in memory, Then schemas/generated matches exactly (run `npx hub schemas generate` if not)', () => {
    expect(findDrift(generateAll(set), readGeneratedFiles(paths.generated))).toEqual([]);
  });

  it('Given every .avsc, When bundled, Then each parses with avsc on its own', () => {
    expect(bundles.map((b) => b.fullName)).toEqual(expect.arrayContaining(['hub.common.EventEnvelope', 'hub.identity.PersonObserved', 'hub.identity.PersonRecord']));
    for (const bundle of bundles) expect(avro.Type.forSchema(bundle.schema as avro.Schema).name).toBe(bundle.fullName);
  });

  it('Given a PersonObserved, When encoded and decoded with the bundled schema, Then the content is identical', () => {
    const type = avro.Type.forSchema(PersonObservedSchema);
    expect(type.isValid(sample)).toBe(true);
    const decoded: unknown = type.fromBuffer(type.toBuffer(sample));
    expect(decoded).toEqual(sample);
  });

  it('Given a PersonObserved missing a required field, When validated, Then avsc rejects it', () => {
    const type = avro.Type.forSchema(PersonObservedSchema);
    const { sourceRecordId: _dropped, ...envelope } = sample.envelope;
    expect(type.isValid({ ...sample, envelope })).toBe(false);
  });

  it('Given the released versions, When compared, Then every released schema is still BACKWARD compatible', () => {
    const check = compareWithReleased(bundles, readReleased(paths.released));
    expect(check.orphaned).toEqual([]);
    const problems = check.comparisons.flatMap((c) => c.result?.reasons ?? []);
    expect(problems).toEqual([]);
    expect(check.comparisons.filter((c) => c.result !== undefined).length).toBeGreaterThanOrEqual(3);
  });

  it('Given the catalogue, When looking up, Then events are exactly the records with an envelope and unknown names throw', () => {
    const withEnvelope = bundles
      .filter((b) => Array.isArray(b.schema['fields']) && (b.schema['fields'] as { name?: unknown }[]).some((f) => f.name === 'envelope'))
      .map((b) => b.fullName).sort();
    expect(Object.keys(EVENT_SCHEMAS)).toEqual(withEnvelope);
    expect(Object.keys(EVENT_SCHEMAS)).toContain('hub.identity.PersonObserved');
    expect(Object.keys(EVENT_SCHEMAS)).not.toContain('hub.identity.PersonRecord');
    expect(schemaFor('hub.identity.PersonObserved')).toBe(PersonObservedSchema);
    expect(schemaFor('hub.identity.PersonRecord')).toMatchObject({ name: 'PersonRecord', namespace: 'hub.identity' });
    expect(() => schemaFor('hub.identity.Nobody')).toThrow(/no schema named hub.identity.Nobody/);
    expect(SexSymbols).toEqual(['F', 'M', 'X']);
  });
});
