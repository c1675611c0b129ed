import { classify, enumSymbols, invalid, recordFields, shortNameOf } from './avro-syntax';
import type { JsonObject, JsonValue } from './json';
import { SchemaError } from './schema-error';

/** One `.avsc` file as read from disk; `path` is relative to `schemas/avro/`, with `/` separators. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** A record, enum or fixed defined somewhere in the sources, with its definition as written. */
export interface NamedTypeDef {
  readonly fullName: string;
  /** Namespace that relative names inside this definition resolve against. */
  readonly namespace: string;
  readonly kind: 'record' | 'enum' | 'fixed';
  readonly json: JsonObject;
  /** Source file that defines it, relative to `schemas/avro/`. */
  readonly file: string;
  /** Position for error messages, e.g. `identity/person-record.v1.avsc#PersonRecord.address`. */
  readonly where: string;
}

/** One source file, understood: its top-level type and every named type it defines. */
export interface SchemaSource {
  readonly file: string;
  /** File name without `.avsc`, e.g. `person-observed.v1`; also the generated module's name. */
  readonly moduleName: string;
  readonly major: number;
  readonly root: NamedTypeDef;
  /** Named types defined in this file, top-level first, then in order of appearance. */
  readonly defines: readonly NamedTypeDef[];
}

export interface SchemaSet {
  /** Sorted by file path, so everything derived from them is deterministic. */
  readonly sources: readonly SchemaSource[];
  readonly types: ReadonlyMap<string, NamedTypeDef>;
}

const FILE_PATTERN = /^([a-z][a-z0-9_]*)\/([a-z][a-z0-9-]*)\.v([1-9][0-9]*)\.avsc$/;

/**
 * Parses every source and indexes its named types. Enforces the layout convention
 * (`<domain>/<record-name>.v<major>.avsc` holding `hub.<domain>.<RecordName>`) so a file can be
 * found from the name a message carries, and refuses a full name defined twice: Avro resolves
 * names globally, so the second definition would silently win or clash in the registry.
 */
export function loadSources(files: readonly SourceFile[]): SchemaSet {
  const types = new Map<string, NamedTypeDef>();
  const sources = [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => loadOne(file, types));
  return { sources, types };
}

function loadOne(file: SourceFile, types: Map<string, NamedTypeDef>): SchemaSource {
  const match = FILE_PATTERN.exec(file.path);
  if (!match) {
    throw new SchemaError('FILE_NAME_MISMATCH', { file: file.path, expected: '<domain>/<record-name>.v<major>.avsc' },
      `${file.path}: expected a path like <domain>/<record-name>.v<major>.avsc`);
  }
  const [, domain = '', baseName = '', major = '1'] = match;
  const json = parseJson(file);
  const top = classify(json, '', file.path);
  if (top.kind !== 'named' || !isRecordOrEnum(top.json)) {
    throw invalid(file.path, 'the top level must be a named record or enum');
  }
  const expectedFullName = `hub.${domain}.${recordNameFor(baseName, Number(major))}`;
  if (top.fullName !== expectedFullName) {
    throw new SchemaError('FILE_NAME_MISMATCH', { file: file.path, expected: expectedFullName, actual: top.fullName },
      `${file.path}: defines ${top.fullName}, but its path says it holds ${expectedFullName}`);
  }
  const defines: NamedTypeDef[] = [];
  collect(json, '', file.path, '', defines, types);
  const [root] = defines;
  if (!root) throw invalid(file.path, 'no named type found');
  return { file: file.path, moduleName: file.path.slice(domain.length + 1, -'.avsc'.length), major: Number(major), root, defines };
}

function parseJson(file: SourceFile): JsonValue {
  try {
    return JSON.parse(file.text) as JsonValue;
  } catch (cause) {
    const problem = cause instanceof Error ? cause.message : String(cause);
    throw new SchemaError('INVALID_JSON', { file: file.path, problem }, `${file.path}: not valid JSON (${problem})`, { cause });
  }
}

/** Walks one file depth-first; `path` is the field path from the top-level type ('' at the top). */
function collect(node: JsonValue, namespace: string, file: string, path: string,
  out: NamedTypeDef[], types: Map<string, NamedTypeDef>): void {
  const n = classify(node, namespace, `${file}#${path}`);
  switch (n.kind) {
    case 'primitive':
    case 'reference':
      return;
    case 'array':
      return collect(n.items, namespace, file, `${path}[]`, out, types);
    case 'map':
      return collect(n.values, namespace, file, `${path}{}`, out, types);
    case 'union':
      return n.branches.forEach((b) => collect(b, namespace, file, path, out, types));
    case 'named': {
      const kind = kindOf(n.json);
      const inFile = path === '' ? shortNameOf(n.fullName) : path;
      const at = `${file}#${inFile}`;
      const def: NamedTypeDef = { fullName: n.fullName, namespace: n.namespace, kind, json: n.json, file, where: at };
      const previous = types.get(n.fullName);
      if (previous) {
        throw new SchemaError('DUPLICATE_NAME', { name: n.fullName, first: previous.where, second: at },
          `${n.fullName} is defined twice: in ${previous.where} and in ${at}`);
      }
      types.set(n.fullName, def);
      out.push(def);
      if (kind === 'enum') enumSymbols(n.json, at);
      if (kind !== 'record') return;
      for (const field of recordFields(n.json, at)) {
        collect(field['type'] ?? null, n.namespace, file, `${inFile}.${String(field['name'])}`, out, types);
      }
    }
  }
}

function kindOf(json: JsonObject): NamedTypeDef['kind'] {
  const type = json['type'];
  return type === 'enum' ? 'enum' : type === 'fixed' ? 'fixed' : 'record';
}

function isRecordOrEnum(json: JsonObject): boolean {
  return json['type'] === 'record' || json['type'] === 'enum';
}

/**
 * The record name a file name promises: `person-observed.v1` → `PersonObserved`, and from v2 on
 * `person-observed.v2` → `PersonObservedV2`. A breaking version is a different type living next to
 * the old one (both are in use during a migration), so it needs its own full name, and the suffix
 * keeps the generated TypeScript names apart too.
 */
export function recordNameFor(kebab: string, major: number): string {
  const pascal = kebab.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
  return major > 1 ? `${pascal}V${major}` : pascal;
}
