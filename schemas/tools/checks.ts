import type { BundledSchema } from './bundler';
import { checkCompatibility, describeIncompatibility, type CompatibilityResult } from './compatibility';
import type { GeneratedFile } from './generator';
import type { JsonObject } from './json';
import { releasedFileName } from './released';

/** How one file of `schemas/generated/` differs from what the sources generate. */
export type Drift =
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'stale'; readonly path: string }
  | { readonly kind: 'changed'; readonly path: string; readonly line: number; readonly expected: string; readonly actual: string };

/**
 * Compares freshly generated files with those on disk. A changed file reports its first differing
 * line, enough to see which schema edit was not regenerated. Files on disk without the generated
 * header are not ours and are left out.
 */
export function findDrift(expected: readonly GeneratedFile[], onDisk: ReadonlyMap<string, string>): Drift[] {
  const drift: Drift[] = [];
  for (const file of expected) {
    const actual = onDisk.get(file.path);
    if (actual === undefined) drift.push({ kind: 'missing', path: file.path });
    else if (actual !== file.content) drift.push({ kind: 'changed', path: file.path, ...firstDifference(file.content, actual) });
  }
  const wanted = new Set(expected.map((f) => f.path));
  for (const [path, content] of onDisk) {
    if (!wanted.has(path) && content.startsWith('// Generated from')) drift.push({ kind: 'stale', path });
  }
  return drift;
}

function firstDifference(expected: string, actual: string): { line: number; expected: string; actual: string } {
  const e = expected.split('\n');
  const a = actual.split('\n');
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  return { line: i + 1, expected: e[i] ?? '(end of file)', actual: a[i] ?? '(end of file)' };
}

/** A current schema compared with its released version (BACKWARD: new consumers read old data). */
export interface ReleaseComparison {
  readonly file: string;
  readonly fullName: string;
  /** `undefined` when the schema has never been released: nothing to be compatible with yet. */
  readonly result: CompatibilityResult | undefined;
}

export interface ReleaseCheck {
  readonly comparisons: readonly ReleaseComparison[];
  /** Released files whose source is gone: removing a topic's schema is a decision, so it is reported. */
  readonly orphaned: readonly string[];
}

export function compareWithReleased(bundles: readonly BundledSchema[], released: ReadonlyMap<string, JsonObject>): ReleaseCheck {
  const comparisons = bundles.map((bundle) => {
    const file = releasedFileName(bundle);
    const previous = released.get(file);
    return { file, fullName: bundle.fullName, result: previous === undefined ? undefined : compare(file, previous, bundle) };
  });
  const current = new Set(comparisons.map((c) => c.file));
  return { comparisons, orphaned: [...released.keys()].filter((file) => !current.has(file)) };
}

function compare(file: string, previous: JsonObject, bundle: BundledSchema): CompatibilityResult {
  try {
    return checkCompatibility('BACKWARD', previous, bundle.schema);
  } catch (err) {
    const problem = `released/${file} is not a valid schema: ${err instanceof Error ? err.message : String(err)}`;
    const incompatibility = { direction: 'BACKWARD' as const, code: 'NOT_RESOLVABLE' as const, path: bundle.fullName, params: { problem } };
    return { compatible: false, reasons: [describeIncompatibility(incompatibility)], incompatibilities: [incompatibility] };
  }
}
