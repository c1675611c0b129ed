import { SCHEMAS } from '../../../schemas';
import { createAvroCodec } from '../../../services/platform/avro/avro-codec';
import type { SchemaRegistryClient } from '../../../services/platform/avro/registry-client';
import { SCHOOL_CONNECTOR } from '../../school';
import { aNativeEnrollment } from '../../../test/builders/native-school';
import { processRecord, type Accepted } from '../process-record';
import { createRecordEncoder } from './record-encoder';

const schemas = SCHEMAS as Readonly<Record<string, object>>;

/** A registry that hands out ids in registration order and remembers what it was asked. */
function fakeRegistry(): SchemaRegistryClient & { registered: string[] } {
  const ids = new Map<string, number>();
  const registered: string[] = [];
  return {
    baseUrl: 'memory:', registered,
    register: async (subject) => { registered.push(subject); if (!ids.has(subject)) ids.set(subject, 100 + ids.size); return ids.get(subject)!; },
    getSchema: async () => { throw new Error('not used'); },
    setCompatibility: async () => undefined,
    isCompatible: async () => true,
    listSubjects: async () => [...ids.keys()],
  };
}

const enrollment = processRecord(SCHOOL_CONNECTOR, aNativeEnrollment(), { recordedAt: Date.UTC(2024, 2, 4), traceId: null }) as Accepted;
const message = enrollment.messages[0]!;
const topic = `p.${message.topic}`;

describe('createRecordEncoder', () => {
  it('Given an accepted enrollment, When encoded by the record encoder and by the registry codec, Then the bytes are identical', async () => {
    const registry = fakeRegistry();
    const encoder = await createRecordEncoder(registry, schemas, [{ topic, recordName: message.recordName }]);
    const codec = createAvroCodec(registry, schemas);

    const mine = encoder.encode(topic, message.recordName, message.value);

    expect(mine.equals(await codec.encode(topic, message.recordName, message.value))).toBe(true);
    expect(mine.readInt32BE(1)).toBe(100);
    expect(registry.registered[0]).toBe(`${topic}-${message.recordName}`);
  });

  it('Given 3000 messages (more than one slab) and one larger than a slab, When encoded, Then each equals the codec\'s bytes and earlier ones are not overwritten', async () => {
    const registry = fakeRegistry();
    const encoder = await createRecordEncoder(registry, schemas, [{ topic, recordName: message.recordName }]);
    const codec = createAvroCodec(registry, schemas);
    const values = Array.from({ length: 3000 }, (_, i) => ({ ...message.value, grade: i === 1500 ? 'x'.repeat(300_000) : `curso ${i}` }));

    const encoded = values.map((v) => encoder.encode(topic, message.recordName, v));

    const expected = await Promise.all(values.map((v) => codec.encode(topic, message.recordName, v)));
    expect(encoded.filter((b, i) => !b.equals(expected[i]!))).toHaveLength(0);
  });

  it('Given a value missing a required field, When encoded, Then it is refused as AVRO_INVALID naming the path, like the codec', async () => {
    const encoder = await createRecordEncoder(fakeRegistry(), schemas, [{ topic, recordName: message.recordName }]);
    const broken = { ...message.value, rbd: 8485 };

    expect(() => encoder.encode(topic, message.recordName, broken)).toThrow(expect.objectContaining({ code: 'AVRO_INVALID', message: expect.stringContaining('rbd') }));
  });

  it('Given a record the encoder was not prepared for, When encoded, Then it refuses instead of guessing a schema id', async () => {
    const encoder = await createRecordEncoder(fakeRegistry(), schemas, [{ topic, recordName: message.recordName }]);

    expect(() => encoder.encode('other.topic', message.recordName, message.value)).toThrow(expect.objectContaining({ code: 'ENCODER_TARGET_UNKNOWN' }));
  });
});
