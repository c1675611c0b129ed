import * as avro from 'avsc';
import type { JsonObject } from './json';

/** A schema as avsc takes it, or as JSON read from an `.avsc` file. */
export type SchemaInput = avro.Schema | JsonObject;

export type CompatibilityMode = 'BACKWARD' | 'FORWARD' | 'FULL';

export type IncompatibilityCode =
  | 'FIELD_ADDED_WITHOUT_DEFAULT'
  | 'FIELD_REMOVED_WITHOUT_DEFAULT'
  | 'TYPE_CHANGED'
  | 'ENUM_SYMBOLS_UNREADABLE'
  | 'UNION_BRANCH_UNREADABLE'
  | 'NOT_RESOLVABLE';

/** One reason two schema versions are incompatible, structured so the CLI can say it in Spanish. */
export interface Incompatibility {
  /** BACKWARD: the new schema cannot read old data. FORWARD: the old schema cannot read new data. */
  readonly direction: 'BACKWARD' | 'FORWARD';
  readonly code: IncompatibilityCode;
  /** Field path from the top-level record, e.g. `hub.identity.PersonObserved.person.sourceRecordId`. */
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
}

export interface CompatibilityResult {
  readonly compatible: boolean;
  /** One English line per problem, with its direction and field path. */
  readonly reasons: string[];
  readonly incompatibilities: readonly Incompatibility[];
}

const ENGLISH: Readonly<Record<IncompatibilityCode, string>> = {
  FIELD_ADDED_WITHOUT_DEFAULT: 'field added without a default, so records written without it cannot be read',
  FIELD_REMOVED_WITHOUT_DEFAULT: 'field removed, but the previous version has no default for it',
  TYPE_CHANGED: 'type changed from {from} to {to}, which Avro cannot convert',
  ENUM_SYMBOLS_UNREADABLE: 'enum symbols {symbols} can be written but not read (keep them or give the enum a default)',
  UNION_BRANCH_UNREADABLE: 'values of type {branch} can be written but not read as {readable}',
  NOT_RESOLVABLE: '{problem}',
};

export function describeIncompatibility(i: Incompatibility): string {
  const text = ENGLISH[i.code].replace(/\{(\w+)\}/g, (whole, key: string) => i.params[key] ?? whole);
  return `${i.direction}: ${i.path}: ${text}`;
}

/**
 * Checks schema evolution locally, with the rules the registry applies, using avsc resolvers.
 * BACKWARD: consumers on `next` can read data written with `previous` (the hub's rule: upgrade
 * consumers first). FORWARD: consumers still on `previous` can read data written with `next`.
 * FULL: both. avsc stops at the first problem with a terse message, so on failure the two schemas
 * are walked field by field to name every problem and where it is.
 */
export function checkCompatibility(mode: CompatibilityMode, previous: SchemaInput, next: SchemaInput): CompatibilityResult {
  const prev = avro.Type.forSchema(previous as avro.Schema);
  const curr = avro.Type.forSchema(next as avro.Schema);
  const incompatibilities: Incompatibility[] = [];
  if (mode !== 'FORWARD') incompatibilities.push(...direction('BACKWARD', curr, prev));
  if (mode !== 'BACKWARD') incompatibilities.push(...direction('FORWARD', prev, curr));
  return { compatible: incompatibilities.length === 0, reasons: incompatibilities.map(describeIncompatibility), incompatibilities };
}

type Found = Omit<Incompatibility, 'direction'>;

function direction(dir: Incompatibility['direction'], reader: avro.Type, writer: avro.Type): Incompatibility[] {
  const problem = resolverError(reader, writer);
  if (problem === undefined) return [];
  const root = reader.name ?? reader.typeName;
  const found = explain(dir, reader, writer, root);
  const list = found.length > 0 ? found : [{ code: 'NOT_RESOLVABLE' as const, path: root, params: { problem } }];
  return list.map((f) => ({ direction: dir, ...f }));
}

function resolverError(reader: avro.Type, writer: avro.Type): string | undefined {
  try {
    reader.createResolver(writer);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Why `reader` cannot read what `writer` wrote, as precisely as the structure allows. */
function explain(dir: Incompatibility['direction'], reader: avro.Type, writer: avro.Type, path: string): Found[] {
  if (resolverError(reader, writer) === undefined) return [];
  if (reader instanceof avro.types.RecordType && writer instanceof avro.types.RecordType && reader.name === writer.name) {
    return reader.fields.flatMap((field): Found[] => {
      const written = writer.fields.find((w) => w.name === field.name || field.aliases.includes(w.name));
      if (written) return explain(dir, field.type, written.type, `${path}.${field.name}`);
      if (field.defaultValue() !== undefined) return [];
      const code = dir === 'BACKWARD' ? 'FIELD_ADDED_WITHOUT_DEFAULT' : 'FIELD_REMOVED_WITHOUT_DEFAULT';
      return [{ code, path: `${path}.${field.name}`, params: {} }];
    });
  }
  if (reader instanceof avro.types.EnumType && writer instanceof avro.types.EnumType && reader.name === writer.name) {
    const symbols = writer.symbols.filter((s) => !reader.symbols.includes(s)).join(', ');
    return [{ code: 'ENUM_SYMBOLS_UNREADABLE', path, params: { symbols } }];
  }
  const readerBranches = branches(reader);
  const writerBranches = branches(writer);
  if (readerBranches.length > 1 || writerBranches.length > 1) {
    return writerBranches.flatMap((wb): Found[] => {
      const same = readerBranches.find((rb) => label(rb) === label(wb));
      if (same) return explain(dir, same, wb, path);
      if (readerBranches.some((rb) => resolverError(rb, wb) === undefined)) return [];
      return [{ code: 'UNION_BRANCH_UNREADABLE', path, params: { branch: label(wb), readable: readerBranches.map(label).join(' | ') } }];
    });
  }
  const [from, to] = dir === 'BACKWARD' ? [writer, reader] : [reader, writer];
  return [{ code: 'TYPE_CHANGED', path, params: { from: label(from), to: label(to) } }];
}

function branches(type: avro.Type): readonly avro.Type[] {
  return type instanceof avro.types.UnwrappedUnionType || type instanceof avro.types.WrappedUnionType ? type.types : [type];
}

function label(type: avro.Type): string {
  return type.name ?? type.branchName ?? type.typeName;
}
