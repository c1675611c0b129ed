import { EVENT_SCHEMAS, SCHEMAS, type EventName, type SchemaName } from './generated';
import type { NamedSchema, RecordSchema } from './schema-types';

/**
 * The hub's message contracts. Types and bundled schemas are generated from `schemas/avro/*.avsc`
 * (`npx hub schemas generate`); this module adds lookups over them. It has no runtime dependency:
 * the codec that turns these schemas into bytes lives in services/platform/avro.
 */
export * from './generated';
export type { EnumSchema, NamedSchema, RecordSchema, SchemaCatalogue } from './schema-types';

export function isSchemaName(fullName: string): fullName is SchemaName {
  return Object.prototype.hasOwnProperty.call(SCHEMAS, fullName);
}

export function isEventName(fullName: string): fullName is EventName {
  return Object.prototype.hasOwnProperty.call(EVENT_SCHEMAS, fullName);
}

/**
 * The bundled (self-contained) schema of a top-level record or enum by full name, e.g.
 * `schemaFor('hub.identity.PersonObserved')`. Throws for an unknown name: asking for a schema the
 * code was not built with is a programming error, not a data problem.
 */
export function schemaFor(fullName: EventName): RecordSchema;
export function schemaFor(fullName: string): NamedSchema;
export function schemaFor(fullName: string): NamedSchema {
  if (!isSchemaName(fullName)) throw new Error(`no schema named ${fullName}; known: ${Object.keys(SCHEMAS).join(', ')}`);
  return SCHEMAS[fullName];
}
