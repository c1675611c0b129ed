import * as avro from 'avsc';
import { classify, recordFields } from './avro-syntax';
import { cloneJson, type JsonObject, type JsonValue } from './json';
import type { NamedTypeDef, SchemaSet, SchemaSource } from './loader';
import { validateReferences } from './references';
import { SchemaError } from './schema-error';

/** A top-level schema made self-contained: what the registry stores and `released/` keeps. */
export interface BundledSchema {
  readonly source: SchemaSource;
  readonly fullName: string;
  readonly schema: JsonObject;
}

/**
 * Bundles every source's top-level type. Each result is standalone Avro: a named type from another
 * file is inlined where it is first used and referred to by full name afterwards, so the registry
 * needs no schema references and any Avro library can parse it alone. Every result is parsed with
 * avsc, so an invalid schema fails here rather than in a producer.
 */
export function bundleAll(set: SchemaSet): readonly BundledSchema[] {
  validateReferences(set);
  return set.sources.map((source) => {
    const schema = bundleType(set, source.root);
    parseWithAvsc(source.root.fullName, schema);
    return { source, fullName: source.root.fullName, schema };
  });
}

function bundleType(set: SchemaSet, root: NamedTypeDef): JsonObject {
  const emitted = new Set<string>();

  const emitDefinition = (def: NamedTypeDef, outerNamespace: string | undefined): JsonObject => {
    emitted.add(def.fullName);
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(def.json)) {
      if (key === 'namespace') continue;
      if (key === 'name') {
        out['name'] = def.fullName.slice(def.namespace === '' ? 0 : def.namespace.length + 1);
        if (def.namespace !== outerNamespace) out['namespace'] = def.namespace;
      } else if (key === 'fields' && def.kind === 'record') {
        out['fields'] = recordFields(def.json, def.where).map((field) => ({
          ...cloneJson(field),
          type: emit(field['type'] ?? null, def.namespace, `${def.where}.${String(field['name'])}`),
        }));
      } else {
        out[key] = cloneJson(value);
      }
    }
    return out;
  };

  /** `sourceNamespace` resolves names as written; the output's enclosing namespace is the same one. */
  const emit = (node: JsonValue, sourceNamespace: string, where: string): JsonValue => {
    const n = classify(node, sourceNamespace, where);
    switch (n.kind) {
      case 'primitive':
        return cloneJson(node);
      case 'array':
        return { ...wrapperOf(node), type: 'array', items: emit(n.items, sourceNamespace, `${where}[]`) };
      case 'map':
        return { ...wrapperOf(node), type: 'map', values: emit(n.values, sourceNamespace, `${where}{}`) };
      case 'union':
        return n.branches.map((b) => emit(b, sourceNamespace, where));
      case 'named':
      case 'reference': {
        if (emitted.has(n.fullName)) return n.fullName;
        const def = set.types.get(n.fullName);
        if (!def) throw new SchemaError('UNKNOWN_REFERENCE', { name: n.fullName, where, hint: '' }, `${where}: unknown type ${n.fullName}`);
        return emitDefinition(def, sourceNamespace);
      }
    }
  };

  return emitDefinition(root, undefined);
}

function wrapperOf(node: JsonValue): JsonObject {
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? cloneJson(node) : {};
}

/** Parses a bundled schema with avsc; the one place a plain JSON object becomes avsc's `Schema`. */
export function parseWithAvsc(fullName: string, schema: JsonObject): avro.Type {
  try {
    return avro.Type.forSchema(schema as avro.Schema);
  } catch (cause) {
    const problem = cause instanceof Error ? cause.message : String(cause);
    throw new SchemaError('AVSC_REJECTED', { name: fullName, problem }, `avsc rejects ${fullName}: ${problem}`, { cause });
  }
}
