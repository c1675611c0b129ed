import { EVENT_SCHEMAS } from '../../schemas';
import { PermanentError } from '../../services/platform/errors';
import { createSchemaRegistryClient } from '../../services/platform/avro/registry-client';
import { subjectFor } from '../../services/platform/avro/subject-naming';
import { testConfig, uniqueTopic } from '../harness/test-env';

type Field = { name: string; type: unknown; default?: unknown };
type Rec = { fields: Field[] };

/** PersonObserved with a change applied to its `person` record. */
function withPersonChange(change: (person: Rec) => void): object {
  const copy = JSON.parse(JSON.stringify(EVENT_SCHEMAS['hub.identity.PersonObserved'])) as Rec;
  const person = copy.fields.find((f) => f.name === 'person')!.type as Rec;
  change(person);
  return copy;
}

describe('Schema evolution is enforced by the registry (BACKWARD)', () => {
  const registry = createSchemaRegistryClient(testConfig().SCHEMA_REGISTRY_URL);
  let subject: string;

  beforeEach(async () => {
    subject = subjectFor(uniqueTopic('compat'), 'hub.identity.PersonObserved');
    await registry.register(subject, EVENT_SCHEMAS['hub.identity.PersonObserved']);
    await registry.setCompatibility(subject, 'BACKWARD');
  });

  it('Given v1 is registered, When a required field without default is added, Then the registry refuses it', async () => {
    const incompatible = withPersonChange((p) => p.fields.push({ name: 'nationality', type: 'string' }));
    expect(await registry.isCompatible(subject, incompatible)).toBe(false);
    await expect(registry.register(subject, incompatible)).rejects.toThrow(PermanentError);
    await expect(registry.register(subject, incompatible)).rejects.toMatchObject({ code: 'SCHEMA_INCOMPATIBLE' });
  });

  it('Given v1 is registered, When a field changes type, Then the registry refuses it', async () => {
    const incompatible = withPersonChange((p) => { p.fields.find((f) => f.name === 'sourceRecordId')!.type = 'int'; });
    await expect(registry.register(subject, incompatible)).rejects.toMatchObject({ code: 'SCHEMA_INCOMPATIBLE' });
  });

  it('Given v1 is registered, When an optional field with a default is added, Then the registry accepts it as a new version', async () => {
    const compatible = withPersonChange((p) => p.fields.push({ name: 'nationality', type: ['null', 'string'], default: null }));
    expect(await registry.isCompatible(subject, compatible)).toBe(true);
    const v1 = await registry.register(subject, EVENT_SCHEMAS['hub.identity.PersonObserved']);
    const v2 = await registry.register(subject, compatible);
    expect(v2).not.toBe(v1);
  });
});
