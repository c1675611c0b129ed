import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundledSchema } from './bundler';
import type { JsonObject } from './json';

/**
 * `schemas/released/` keeps the last released bundled version of every schema, one
 * `<record-name>.v<major>.avsc` per source file. It is the baseline the compatibility check compares
 * against, so it changes only when someone runs `hub schemas release`, never as a side effect.
 */
export function releasedFileName(bundle: BundledSchema): string {
  return `${bundle.source.moduleName}.avsc`;
}

/** Pretty-printed with a trailing newline, so a release shows up as a readable diff. */
export function releasedContent(bundle: BundledSchema): string {
  return `${JSON.stringify(bundle.schema, null, 2)}\n`;
}

/** Released schemas by file name; empty when nothing has been released yet. */
export function readReleased(dir: string): Map<string, JsonObject> {
  if (!existsSync(dir)) return new Map();
  const names = readdirSync(dir).filter((name) => name.endsWith('.avsc')).sort();
  return new Map(names.map((name) => [name, JSON.parse(readFileSync(join(dir, name), 'utf8')) as JsonObject]));
}

export function writeReleased(dir: string, bundle: BundledSchema): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, releasedFileName(bundle)), releasedContent(bundle));
}
