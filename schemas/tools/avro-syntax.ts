import { isJsonObject, type JsonObject, type JsonValue } from './json';
import { SchemaError } from './schema-error';

/**
 * What one node of an Avro schema means, with names already resolved against the enclosing
 * namespace. Loader, bundler and generator all read schemas through `classify`, so the Avro
 * naming rules (relative names, inherited namespaces) are implemented exactly once.
 */
export type SchemaNode =
  | { readonly kind: 'primitive'; readonly name: Primitive; readonly logicalType: string | undefined }
  | { readonly kind: 'reference'; readonly fullName: string }
  | { readonly kind: 'named'; readonly fullName: string; readonly namespace: string; readonly json: JsonObject }
  | { readonly kind: 'array'; readonly items: JsonValue }
  | { readonly kind: 'map'; readonly values: JsonValue }
  | { readonly kind: 'union'; readonly branches: readonly JsonValue[] };

export type Primitive = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';

const PRIMITIVES: ReadonlySet<string> = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const NAMED_KINDS: ReadonlySet<string> = new Set(['record', 'error', 'enum', 'fixed']);

export function isPrimitive(name: string): name is Primitive {
  return PRIMITIVES.has(name);
}

/** Full name of a reference or definition: dotted names are already full, others take the namespace. */
export function resolveName(name: string, namespace: string): string {
  if (name.includes('.') || namespace === '') return name;
  return `${namespace}.${name}`;
}

export function namespaceOf(fullName: string): string {
  const dot = fullName.lastIndexOf('.');
  return dot < 0 ? '' : fullName.slice(0, dot);
}

export function shortNameOf(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}

/**
 * Classifies one schema node. `where` names the position (file and field path) for error messages;
 * `namespace` is the namespace of the nearest enclosing named type ('' when there is none).
 */
export function classify(node: JsonValue, namespace: string, where: string): SchemaNode {
  if (typeof node === 'string') {
    return isPrimitive(node)
      ? { kind: 'primitive', name: node, logicalType: undefined }
      : { kind: 'reference', fullName: resolveName(node, namespace) };
  }
  if (Array.isArray(node)) return { kind: 'union', branches: node };
  if (!isJsonObject(node)) throw invalid(where, `expected a type name, a union or an object, got ${JSON.stringify(node)}`);

  const type = node['type'];
  if (typeof type !== 'string') {
    // `{"type": {...}}` or `{"type": [...]}` is a wrapper around another schema.
    if (type === undefined) throw invalid(where, 'object without "type"');
    return classify(type, namespace, where);
  }
  if (isPrimitive(type)) {
    const logicalType = node['logicalType'];
    return { kind: 'primitive', name: type, logicalType: typeof logicalType === 'string' ? logicalType : undefined };
  }
  if (type === 'array') return { kind: 'array', items: required(node, 'items', where) };
  if (type === 'map') return { kind: 'map', values: required(node, 'values', where) };
  if (NAMED_KINDS.has(type)) return named(node, namespace, where);
  return { kind: 'reference', fullName: resolveName(type, namespace) };
}

function named(node: JsonObject, namespace: string, where: string): SchemaNode {
  const name = node['name'];
  if (typeof name !== 'string' || name === '') throw invalid(where, `a ${String(node['type'])} needs a "name"`);
  const ownNamespace = node['namespace'];
  const base = typeof ownNamespace === 'string' ? ownNamespace : namespace;
  const fullName = resolveName(name, base);
  return { kind: 'named', fullName, namespace: namespaceOf(fullName), json: node };
}

function required(node: JsonObject, key: string, where: string): JsonValue {
  const value = node[key];
  if (value === undefined) throw invalid(where, `"${String(node['type'])}" without "${key}"`);
  return value;
}

/** The fields of a record definition, checked to have names and types. */
export function recordFields(json: JsonObject, where: string): readonly JsonObject[] {
  const fields = json['fields'];
  if (!Array.isArray(fields)) throw invalid(where, 'a record needs a "fields" array');
  return fields.map((field, i) => {
    if (!isJsonObject(field) || typeof field['name'] !== 'string' || field['type'] === undefined) {
      throw invalid(`${where}.fields[${i}]`, 'a field needs a "name" and a "type"');
    }
    return field;
  });
}

/** The symbols of an enum definition, checked to be strings. */
export function enumSymbols(json: JsonObject, where: string): readonly string[] {
  const symbols = json['symbols'];
  if (!Array.isArray(symbols) || !symbols.every((s): s is string => typeof s === 'string')) {
    throw invalid(where, 'an enum needs a "symbols" array of strings');
  }
  return symbols;
}

export function invalid(where: string, problem: string): SchemaError {
  return new SchemaError('INVALID_SCHEMA', { where, problem }, `${where}: ${problem}`);
}
