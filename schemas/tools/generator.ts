import { classify, enumSymbols, recordFields, shortNameOf, type Primitive } from './avro-syntax';
import { bundleAll, type BundledSchema } from './bundler';
import { generateIndex } from './generated-index';
import type { JsonValue } from './json';
import type { NamedTypeDef, SchemaSet, SchemaSource } from './loader';
import { SchemaError } from './schema-error';
import { printLiteral, quote, tsDoc } from './ts-printing';

/** One file of `schemas/generated/`; `path` is relative to that directory. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** How each Avro primitive looks in TypeScript with avsc's defaults (no logical-type classes registered). */
const PRIMITIVE_TS: Readonly<Record<Primitive, string>> = {
  null: 'null', boolean: 'boolean', int: 'number', long: 'number', float: 'number', double: 'number',
  bytes: 'Buffer', string: 'string',
};

/**
 * Everything `schemas/generated/` should contain for these sources: one module per `.avsc` file
 * (types of the named types it defines, plus its bundled schema as a constant) and an index.
 * Pure: the same sources always give byte-identical files, which is what the drift check relies on.
 */
export function generateAll(set: SchemaSet): readonly GeneratedFile[] {
  const bundles = bundleAll(set);
  checkExportedNames(set);
  const modules = bundles.map((bundle) => ({ path: `${bundle.source.moduleName}.ts`, content: generateModule(set, bundle) }));
  return [...modules, { path: 'index.ts', content: generateIndex(bundles) }];
}

export function generateModule(set: SchemaSet, bundle: BundledSchema): string {
  const { source } = bundle;
  const imports = new Map<string, Set<string>>();
  const body = source.defines.map((def) => declaration(set, source, def, imports));
  const schemaType = source.root.kind === 'enum' ? 'EnumSchema' : 'RecordSchema';

  const importLines = [`import type { ${schemaType} } from '../schema-types';`];
  for (const [module, names] of [...imports].sort(([a], [b]) => (a < b ? -1 : 1))) {
    importLines.push(`import type { ${[...names].sort().join(', ')} } from './${module}';`);
  }
  const constant = [
    tsDoc([`Self-contained Avro schema of \`${source.root.fullName}\` (referenced types inlined), as the registry receives it.`]),
    `export const ${schemaConstantName(source)}: ${schemaType} = ${printLiteral(bundle.schema)};\n`,
  ].join('');
  return [
    `// Generated from schemas/avro/${source.file} by \`npx hub schemas generate\`. Do not edit.\n`,
    `${importLines.join('\n')}\n`,
    ...body,
    constant,
  ].join('\n');
}

export function schemaConstantName(source: SchemaSource): string {
  return `${shortNameOf(source.root.fullName)}Schema`;
}

function declaration(set: SchemaSet, source: SchemaSource, def: NamedTypeDef, imports: Map<string, Set<string>>): string {
  const name = shortNameOf(def.fullName);
  const doc = tsDoc([docOf(def.json['doc']), `Avro ${def.kind} \`${def.fullName}\`.`]);
  if (def.kind === 'enum') {
    const symbols = enumSymbols(def.json, def.where);
    return [
      `${doc}export type ${name} = ${symbols.map(quote).join(' | ')};\n`,
      `${tsDoc([`Symbols of {@link ${name}}, in schema order.`])}export const ${name}Symbols: readonly ${name}[] = ${printLiteral([...symbols])};\n`,
    ].join('\n');
  }
  if (def.kind === 'fixed') return `${doc}export type ${name} = Buffer;\n`;
  const fields = recordFields(def.json, def.where).map((field) => {
    const where = `${def.where}.${String(field['name'])}`;
    const type = tsType(set, source, field['type'] ?? null, def.namespace, where, imports);
    return `${tsDoc([docOf(field['doc'])], 2)}  ${String(field['name'])}: ${type};`;
  });
  return `${doc}export interface ${name} {\n${fields.join('\n')}\n}\n`;
}

function tsType(set: SchemaSet, source: SchemaSource, node: JsonValue, namespace: string, where: string,
  imports: Map<string, Set<string>>): string {
  const n = classify(node, namespace, where);
  switch (n.kind) {
    case 'primitive':
      return PRIMITIVE_TS[n.name];
    case 'array': {
      const items = tsType(set, source, n.items, namespace, where, imports);
      return items.includes(' ') ? `Array<${items}>` : `${items}[]`;
    }
    case 'map':
      return `Record<string, ${tsType(set, source, n.values, namespace, where, imports)}>`;
    case 'union': {
      const nonNull = n.branches.filter((b) => b !== 'null');
      if (nonNull.length > 1) {
        throw new SchemaError('UNSUPPORTED_UNION', { where },
          `${where}: only ["null", T] unions are supported; avsc may wrap wider unions, so their TypeScript shape is not generated`);
      }
      const types = nonNull.map((b) => tsType(set, source, b, namespace, where, imports));
      return nonNull.length < n.branches.length ? [...types, 'null'].join(' | ') : types.join(' | ');
    }
    case 'named':
    case 'reference': {
      const def = set.types.get(n.fullName);
      const name = shortNameOf(n.fullName);
      if (def && def.file !== source.file) {
        const module = moduleOf(set, def.file);
        imports.set(module, (imports.get(module) ?? new Set<string>()).add(name));
      }
      return name;
    }
  }
}

function moduleOf(set: SchemaSet, file: string): string {
  return set.sources.find((s) => s.file === file)?.moduleName ?? file;
}

function docOf(doc: JsonValue | undefined): string {
  return typeof doc === 'string' ? doc : '';
}

/** Generated modules are re-exported together, so every exported name must be unique across them. */
function checkExportedNames(set: SchemaSet): void {
  const owners = new Map<string, string>([['SCHEMAS', 'index'], ['EVENT_SCHEMAS', 'index'], ['SchemaName', 'index'],
    ['EventName', 'index'], ['EventTypes', 'index']]);
  const claim = (name: string, owner: string): void => {
    const previous = owners.get(name);
    if (previous !== undefined) {
      throw new SchemaError('TS_NAME_CLASH', { name, first: previous, second: owner },
        `the generated name ${name} would be exported for both ${previous} and ${owner}; rename one of the types`);
    }
    owners.set(name, owner);
  };
  for (const source of set.sources) {
    claim(schemaConstantName(source), source.root.fullName);
    for (const def of source.defines) {
      claim(shortNameOf(def.fullName), def.fullName);
      if (def.kind === 'enum') claim(`${shortNameOf(def.fullName)}Symbols`, def.fullName);
    }
  }
}
