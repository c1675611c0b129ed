import * as avro from 'avsc';
import { PermanentError } from '../../../services/platform/errors';
import type { SchemaRegistryClient } from '../../../services/platform/avro/registry-client';
import { subjectFor } from '../../../services/platform/avro/subject-naming';
import { MAGIC_BYTE } from '../../../services/platform/avro/wire-format';

/**
 * Synchronous Avro encoding for imports: the schema ids are registered (or found) once up front,
 * then every record is validated and encoded with its precompiled avsc type, with no promise and
 * no lookup per message. Produces exactly what AvroCodec.encode produces (same subject, same id,
 * Confluent wire format), and rejects an invalid value the same way (AVRO_INVALID).
 */
export interface RecordEncoder {
  encode(topic: string, recordName: string, value: unknown): Buffer;
}

export interface EncoderTarget {
  /** Full (prefixed) topic. */
  readonly topic: string;
  readonly recordName: string;
}

export async function createRecordEncoder(registry: SchemaRegistryClient, localSchemas: Readonly<Record<string, object>>,
  targets: readonly EncoderTarget[]): Promise<RecordEncoder> {
  const byTarget = new Map<string, { id: number; type: avro.Type }>();
  const types = new Map<string, avro.Type>();
  for (const t of targets) {
    const schema = localSchemas[t.recordName];
    if (!schema) throw new PermanentError('SCHEMA_NOT_LOCAL', `no local schema named ${t.recordName}`);
    let type = types.get(t.recordName);
    if (!type) { type = avro.Type.forSchema(schema as avro.Schema); types.set(t.recordName, type); }
    byTarget.set(keyOf(t.topic, t.recordName), { id: await registry.register(subjectFor(t.topic, t.recordName), schema), type });
  }
  return {
    encode(topic, recordName, value) {
      const target = byTarget.get(keyOf(topic, recordName));
      if (!target) throw new PermanentError('ENCODER_TARGET_UNKNOWN', `no encoder prepared for ${recordName} on ${topic}`);
      // The cheap check first; paths are collected only for the error.
      if (!target.type.isValid(value)) {
        const invalid: string[] = [];
        target.type.isValid(value, { errorHook: (path) => invalid.push(path.join('.') || '(root)') });
        throw new PermanentError('AVRO_INVALID', `value does not match ${recordName} at ${invalid.join(', ')}`, { field: invalid[0] });
      }
      // Framed in place: header and body written straight into a slab, the message a view of it
      // (toBuffer + frame would allocate twice, zero-fill and copy twice per message).
      for (;;) {
        if (slab.length - used < HEADER_BYTES + 64) slab = newSlab(SLAB_BYTES);
        const end = target.type.encode(value, slab, used + HEADER_BYTES);
        if (end < 0) { slab = newSlab(Math.max(SLAB_BYTES, 2 * (slab.length - used - end))); continue; }
        slab.writeUInt8(MAGIC_BYTE, used);
        slab.writeInt32BE(target.id, used + 1);
        const out = slab.subarray(used, end);
        used = end;
        return out;
      }
    },
  };
}

/** Slabs are never reused: earlier messages stay views of them until they are published and dropped. */
const SLAB_BYTES = 256 * 1024;
const HEADER_BYTES = 5;
let slab: Buffer = Buffer.alloc(0);
let used = 0;
function newSlab(bytes: number): Buffer {
  used = 0;
  return Buffer.allocUnsafeSlow(bytes);
}

function keyOf(topic: string, recordName: string): string {
  return `${topic}\u0000${recordName}`;
}
