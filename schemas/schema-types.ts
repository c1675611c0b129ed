import type { schema } from 'avsc';

/**
 * Types of the bundled schema constants. avsc's typings declare them in a namespace they do not
 * export explicitly; naming them once here keeps that quirk out of every generated file.
 * Both are plain objects, so they fit `Type.forSchema` and any `Record<string, object>` catalogue.
 */
export type RecordSchema = schema.RecordType;
export type EnumSchema = schema.EnumType;
export type NamedSchema = RecordSchema | EnumSchema;

/**
 * A catalogue of schemas by full name. Indexing with a known name (a literal) gives a definite
 * schema; indexing with any other string, e.g. a record name read from a topic spec, gives
 * `schema | undefined`, so callers check instead of trusting the string.
 */
export type SchemaCatalogue<Name extends string, S extends NamedSchema> =
  Readonly<Record<Name, S>> & Readonly<Partial<Record<string, S>>>;
