import * as avro from 'avsc';
import { PermanentError } from '../errors';
import type { SchemaRegistryClient } from './registry-client';
import { subjectFor } from './subject-naming';
import { frame, unframe } from './wire-format';

export interface DecodedMessage<T = unknown> {
  readonly schemaId: number;
  /** Fully-qualified Avro record name of the writer's schema, e.g. `hub.identity.PersonObserved`. */
  readonly recordName: string;
  readonly value: T;
}

/**
 * Avro codec over a Confluent-compatible registry. Encoding registers the local (reader) schema
 * under `<topic>-<record>` once per process and caches the id. Decoding fetches the writer's
 * schema by id once, then resolves it into the local schema of the same name, so a consumer
 * built against a newer compatible schema reads old messages (BACKWARD evolution).
 */
export interface AvroCodec {
  encode(topic: string, recordName: string, value: unknown): Promise<Buffer>;
  decode<T = unknown>(buf: Buffer | null | undefined): Promise<DecodedMessage<T>>;
  /** Registers every local schema for a topic up front, so a bad deploy fails at start, not at first message. */
  registerAll(topic: string, recordNames: readonly string[]): Promise<void>;
}

export function createAvroCodec(registry: SchemaRegistryClient, localSchemas: Readonly<Record<string, object>>): AvroCodec {
  const localTypes = new Map<string, avro.Type>();
  const idsBySubject = new Map<string, Promise<number>>();
  const readersById = new Map<string, Promise<{ name: string; read: (b: Buffer) => unknown }>>();

  function localType(recordName: string): avro.Type {
    let t = localTypes.get(recordName);
    if (!t) {
      const schema = localSchemas[recordName];
      if (!schema) throw new PermanentError('SCHEMA_NOT_LOCAL', `no local schema named ${recordName}`);
      t = avro.Type.forSchema(schema as avro.Schema);
      localTypes.set(recordName, t);
    }
    return t;
  }

  function schemaId(topic: string, recordName: string): Promise<number> {
    const subject = subjectFor(topic, recordName);
    let id = idsBySubject.get(subject);
    if (!id) {
      id = registry.register(subject, localSchemas[recordName] ?? {});
      id.catch(() => idsBySubject.delete(subject)); // a failed registration is retried next time
      idsBySubject.set(subject, id);
    }
    return id;
  }

  function reader(id: number): Promise<{ name: string; read: (b: Buffer) => unknown }> {
    const key = String(id);
    let r = readersById.get(key);
    if (!r) {
      r = registry.getSchema(id).then((writerSchema) => {
        const writer = avro.Type.forSchema(writerSchema as avro.Schema);
        const name = writer.name ?? '(anonymous)';
        const local = localSchemas[name] ? localType(name) : undefined;
        if (!local) return { name, read: (b: Buffer) => writer.fromBuffer(b) };
        try {
          const resolver = local.createResolver(writer);
          return { name, read: (b: Buffer) => local.fromBuffer(b, resolver) };
        } catch (cause) {
          throw new PermanentError('SCHEMA_UNREADABLE', `local ${name} cannot read writer schema id ${id}`, { cause });
        }
      });
      r.catch(() => readersById.delete(key));
      readersById.set(key, r);
    }
    return r;
  }

  return {
    async encode(topic, recordName, value) {
      const type = localType(recordName);
      const invalid: string[] = [];
      type.isValid(value, { errorHook: (path) => invalid.push(path.join('.') || '(root)') });
      if (invalid.length > 0) {
        throw new PermanentError('AVRO_INVALID', `value does not match ${recordName} at ${invalid.join(', ')}`, { field: invalid[0] });
      }
      return frame(await schemaId(topic, recordName), type.toBuffer(value));
    },
    async decode<T>(buf: Buffer | null | undefined) {
      const { schemaId: id, body } = unframe(buf);
      const r = await reader(id);
      try {
        return { schemaId: id, recordName: r.name, value: r.read(body) as T };
      } catch (cause) {
        throw new PermanentError('AVRO_UNDECODABLE', `body does not decode with schema id ${id}`, { cause });
      }
    },
    async registerAll(topic, recordNames) {
      for (const name of recordNames) await schemaId(topic, name);
    },
  };
}
