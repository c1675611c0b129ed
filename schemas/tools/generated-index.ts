import { classify, recordFields, shortNameOf } from './avro-syntax';
import type { BundledSchema } from './bundler';
import type { SchemaSource } from './loader';
import { SchemaError } from './schema-error';
import { quote, tsDoc } from './ts-printing';

/** The envelope every event carries; a top-level record with an `envelope` field of this type is an event. */
export const ENVELOPE_TYPE = 'hub.common.EventEnvelope';

/**
 * Whether a source's top-level type is an event, i.e. a record with `envelope: hub.common.EventEnvelope`.
 * An `envelope` field of any other type is refused rather than ignored: it would look like an event
 * to a reader and not be one to the catalogue.
 */
export function isEvent(source: SchemaSource): boolean {
  const { root } = source;
  if (root.kind !== 'record') return false;
  const envelope = recordFields(root.json, root.where).find((f) => f['name'] === 'envelope');
  if (!envelope) return false;
  const where = `${root.where}.envelope`;
  const type = classify(envelope['type'] ?? null, root.namespace, where);
  if (type.kind !== 'reference' || type.fullName !== ENVELOPE_TYPE) {
    throw new SchemaError('INVALID_SCHEMA', { where, problem: `an envelope field must have type ${ENVELOPE_TYPE}` },
      `${where}: an envelope field must have type ${ENVELOPE_TYPE}`);
  }
  return true;
}

/** `schemas/generated/index.ts`: re-exports every module and the catalogues of top-level schemas and events. */
export function generateIndex(bundles: readonly BundledSchema[]): string {
  const events = bundles.filter((b) => isEvent(b.source));
  const sorted = [...bundles].sort((a, b) => (a.fullName < b.fullName ? -1 : 1));
  const sortedEvents = sorted.filter((b) => events.includes(b));
  const imports = bundles.map((b) => {
    const names = events.includes(b) ? `${constantOf(b)}, type ${typeOf(b)}` : constantOf(b);
    return `import { ${names} } from './${b.source.moduleName}';`;
  });
  return [
    '// Generated from schemas/avro/ by `npx hub schemas generate`. Do not edit.\n',
    ["import type { NamedSchema, RecordSchema, SchemaCatalogue } from '../schema-types';", ...imports].join('\n') + '\n',
    bundles.map((b) => `export * from './${b.source.moduleName}';`).join('\n') + '\n',
    declare(SCHEMA_NAME_DOC, `export type SchemaName = ${literalUnion(sorted)};`),
    declare(EVENT_NAME_DOC, `export type EventName = ${literalUnion(sortedEvents)};`),
    declare(EVENT_TYPES_DOC, block('export interface EventTypes', sortedEvents.map((b) => `${quote(b.fullName)}: ${typeOf(b)};`), '')),
    declare(SCHEMAS_DOC, block('export const SCHEMAS: SchemaCatalogue<SchemaName, NamedSchema> =', catalogue(sorted), ';')),
    declare(EVENT_SCHEMAS_DOC, block('export const EVENT_SCHEMAS: SchemaCatalogue<EventName, RecordSchema> =', catalogue(sortedEvents), ';')),
  ].join('\n');
}

const SCHEMA_NAME_DOC = 'Full names of the top-level schemas, one per `.avsc` file.';
const EVENT_NAME_DOC = 'Full names of the events: top-level records carrying `envelope: hub.common.EventEnvelope`.';
const EVENT_TYPES_DOC = 'The TypeScript type of each event, by full name, for typed publishing and decoding.';
const SCHEMAS_DOC = 'Every top-level bundled schema by full name (an unknown string gives `undefined`).';
const EVENT_SCHEMAS_DOC = 'The bundled schema of every event by full name: what codecs register and topics carry.';

function constantOf(b: BundledSchema): string {
  return `${shortNameOf(b.fullName)}Schema`;
}

function typeOf(b: BundledSchema): string {
  return shortNameOf(b.fullName);
}

function literalUnion(list: readonly BundledSchema[]): string {
  return list.length === 0 ? 'never' : list.map((b) => quote(b.fullName)).join(' | ');
}

function catalogue(list: readonly BundledSchema[]): string[] {
  return list.map((b) => `${quote(b.fullName)}: ${constantOf(b)},`);
}

function block(head: string, lines: readonly string[], end: string): string {
  return `${head} {\n${lines.map((l) => `  ${l}\n`).join('')}}${end}`;
}

function declare(doc: string, code: string): string {
  return `${tsDoc([doc])}${code}\n`;
}
