import { classify, recordFields, shortNameOf } from './avro-syntax';
import type { JsonValue } from './json';
import type { NamedTypeDef, SchemaSet } from './loader';
import { SchemaError } from './schema-error';

/**
 * Full names of the named types a definition uses directly: its references, and the named types
 * defined inline in it. Throws on a reference to a name no source defines.
 */
export function directDependencies(set: SchemaSet, def: NamedTypeDef): readonly string[] {
  const found = new Set<string>();
  if (def.kind !== 'record') return [];
  for (const field of recordFields(def.json, def.where)) {
    visit(set, field['type'] ?? null, def.namespace, `${def.where}.${String(field['name'])}`, found);
  }
  return [...found];
}

function visit(set: SchemaSet, node: JsonValue, namespace: string, where: string, found: Set<string>): void {
  const n = classify(node, namespace, where);
  switch (n.kind) {
    case 'primitive':
      return;
    case 'array':
      return visit(set, n.items, namespace, where, found);
    case 'map':
      return visit(set, n.values, namespace, where, found);
    case 'union':
      return n.branches.forEach((b) => visit(set, b, namespace, where, found));
    case 'named':
      found.add(n.fullName);
      return;
    case 'reference':
      if (!set.types.has(n.fullName)) throw unknownReference(set, n.fullName, where);
      found.add(n.fullName);
  }
}

function unknownReference(set: SchemaSet, name: string, where: string): SchemaError {
  const short = shortNameOf(name);
  const similar = [...set.types.keys()].filter((k) => shortNameOf(k).toLowerCase() === short.toLowerCase());
  const hint = similar.join(', ');
  return new SchemaError('UNKNOWN_REFERENCE', { name, where, hint },
    `${where}: refers to unknown type ${name}${similar.length > 0 ? ` (did you mean ${hint}?)` : ''}`);
}

/**
 * Checks that every reference resolves and that no named type reaches itself. Recursive types are
 * valid Avro, but Kafka Connect's Avro converter and SQL sinks cannot flatten them, and nothing the
 * hub exchanges is a tree; refusing them keeps every message a finite, flat-able shape.
 */
export function validateReferences(set: SchemaSet): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visitType = (name: string): void => {
    const seen = state.get(name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(name)), name].join(' → ');
      throw new SchemaError('CYCLE', { cycle }, `recursive schemas are not allowed: ${cycle}`);
    }
    const def = set.types.get(name);
    if (!def) return;
    state.set(name, 'visiting');
    stack.push(name);
    for (const dep of directDependencies(set, def)) visitType(dep);
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of [...set.types.keys()].sort()) visitType(name);
}
