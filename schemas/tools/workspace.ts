import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { GeneratedFile } from './generator';
import type { SourceFile } from './loader';

/**
 * Where the schema tooling reads and writes, relative to the `schemas/` directory. These are
 * development commands: they run from the source tree (`hub.js` runs TypeScript directly), so the
 * directory next to this file is the one to use.
 */
export interface SchemaPaths {
  readonly root: string;
  readonly avro: string;
  readonly generated: string;
  readonly released: string;
}

export function schemaPaths(root: string = join(__dirname, '..')): SchemaPaths {
  return { root, avro: join(root, 'avro'), generated: join(root, 'generated'), released: join(root, 'released') };
}

/** Every `.avsc` under `dir`, with paths relative to it and `/` separators, sorted. */
export function readSourceFiles(dir: string): SourceFile[] {
  return listFiles(dir, '.avsc').map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') }));
}

/** The `.ts` files currently in `schemas/generated/`, by path relative to it. */
export function readGeneratedFiles(dir: string): Map<string, string> {
  return new Map(listFiles(dir, '.ts').map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

/** Writes the files whose content changed and deletes generated files no source produces any more. */
export function writeGeneratedFiles(dir: string, files: readonly GeneratedFile[]): { written: string[]; removed: string[] } {
  mkdirSync(dir, { recursive: true });
  const current = readGeneratedFiles(dir);
  const written: string[] = [];
  for (const file of files) {
    if (current.get(file.path) === file.content) continue;
    writeFileSync(join(dir, file.path), file.content);
    written.push(file.path);
  }
  const wanted = new Set(files.map((f) => f.path));
  const removed = [...current.keys()].filter((path) => !wanted.has(path) && current.get(path)?.startsWith('// Generated from'));
  for (const path of removed) unlinkSync(join(dir, path));
  return { written, removed };
}

function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
