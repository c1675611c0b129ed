import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { HubError } from '../../errors';
import { MIGRATION_FILE, planMigrations, type AppliedMigration, type MigrationFile } from './plan-migrations';

/** Thrown when the migrations on disk disagree with the database (edited, missing, out of order). */
export class MigrationError extends HubError {
  readonly retriable = false;
  constructor(readonly problems: readonly string[]) {
    super('MIGRATIONS_INVALID', `migrations refused:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Every `<root>/{services,connectors}/<component>/migrations/NNNN_name.sql`, read and checksummed. */
export function discoverMigrations(root: string): MigrationFile[] {
  const files: MigrationFile[] = [];
  for (const area of ['services', 'connectors']) {
    const areaDir = path.join(root, area);
    if (!existsSync(areaDir)) continue;
    for (const component of readdirSync(areaDir).sort()) {
      const dir = path.join(areaDir, component, 'migrations');
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).sort()) {
        const m = MIGRATION_FILE.exec(name);
        if (!m) continue;
        const sql = readFileSync(path.join(dir, name), 'utf8');
        files.push({ component, version: Number(m[1]), name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
      }
    }
  }
  return files;
}

const LOCK_KEY = 'hub.schema_migrations';

/**
 * Applies pending migrations, each in its own transaction together with its bookkeeping row.
 * A session advisory lock serialises concurrent starters (two services starting at once).
 */
export async function runMigrations(pool: Pool, files: readonly MigrationFile[]): Promise<{ applied: string[] }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      component text NOT NULL, version int NOT NULL, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (component, version))`);
    const { rows } = await client.query<AppliedMigration>('SELECT component, version, checksum FROM schema_migrations');
    const plan = planMigrations(files, rows);
    if (!plan.ok) throw new MigrationError(plan.problems);
    const applied: string[] = [];
    for (const f of plan.toApply) {
      await client.query('BEGIN');
      try {
        await client.query(f.sql);
        await client.query('INSERT INTO schema_migrations (component, version, name, checksum) VALUES ($1, $2, $3, $4)', [f.component, f.version, f.name, f.checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new MigrationError([`${f.component}/${f.name}: ${(err as Error).message}`]);
      }
      applied.push(`${f.component}/${f.name}`);
    }
    return { applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
