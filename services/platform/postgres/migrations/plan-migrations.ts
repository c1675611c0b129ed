/**
 * Pure planning of schema migrations: given the files on disk and the rows in
 * `schema_migrations`, decide what to apply, or refuse. Migrations are ordered per component
 * (`services/<name>/migrations/0001_x.sql`), and checksummed: an applied file that changed
 * afterwards is an error, never silently re-run or ignored.
 */
export interface MigrationFile {
  readonly component: string;
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
  readonly sql: string;
}

export interface AppliedMigration {
  readonly component: string;
  readonly version: number;
  readonly checksum: string;
}

export type MigrationPlan =
  | { readonly ok: true; readonly toApply: readonly MigrationFile[] }
  | { readonly ok: false; readonly problems: readonly string[] };

export const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function planMigrations(files: readonly MigrationFile[], applied: readonly AppliedMigration[]): MigrationPlan {
  const problems: string[] = [];
  const appliedByKey = new Map(applied.map((a) => [`${a.component}/${a.version}`, a]));
  const seen = new Set<string>();
  for (const f of files) {
    const key = `${f.component}/${f.version}`;
    if (seen.has(key)) problems.push(`${key}: two files share version ${f.version}`);
    seen.add(key);
    const a = appliedByKey.get(key);
    if (a && a.checksum !== f.checksum) problems.push(`${key} (${f.name}): file changed after it was applied (checksum ${a.checksum.slice(0, 12)} != ${f.checksum.slice(0, 12)}); add a new migration instead`);
  }
  // Only components this caller brings are judged: a process (or a test kit) may apply its own
  // components' migrations to a schema other components share, and theirs are not its business.
  const components = new Set(files.map((f) => f.component));
  for (const a of applied) {
    if (components.has(a.component) && !seen.has(`${a.component}/${a.version}`)) problems.push(`${a.component}/${a.version}: applied in the database but missing on disk`);
  }
  const maxApplied = new Map<string, number>();
  for (const a of applied) maxApplied.set(a.component, Math.max(maxApplied.get(a.component) ?? 0, a.version));
  const pending = files.filter((f) => !appliedByKey.has(`${f.component}/${f.version}`));
  for (const f of pending) {
    const max = maxApplied.get(f.component) ?? 0;
    if (f.version < max) problems.push(`${f.component}/${f.version} (${f.name}): older than the applied version ${max}; renumber it after ${max}`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const toApply = [...pending].sort((x, y) => x.component.localeCompare(y.component) || x.version - y.version);
  return { ok: true, toApply };
}
