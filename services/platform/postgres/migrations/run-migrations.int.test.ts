import type { Pool } from 'pg';
import { createPool } from '../create-pool';
import { discoverMigrations, MigrationError, runMigrations } from './run-migrations';
import type { MigrationFile } from './plan-migrations';
import { testConfig, uniqueId } from '../../../../test/harness/test-env';
import { findRepoRoot } from '../../paths';

const aMigration = (version: number, sql: string, component = 'widgets'): MigrationFile => ({
  component, version, name: `${String(version).padStart(4, '0')}_step.sql`, sql, checksum: `sum-${sql}`,
});

describe('runMigrations against PostgreSQL', () => {
  let pool: Pool;
  beforeEach(async () => {
    const config = testConfig();
    // Each test gets its own schema inside the run's database, so migration tables never clash.
    pool = await createPool({ databaseUrl: config.DATABASE_URL, schema: uniqueId('mig').replace('-', '_'), applicationName: 'test' });
  });
  afterEach(async () => {
    const schema = (await pool.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
    await pool.end();
  });

  it('Given pending migrations, When run twice, Then they apply once, in order', async () => {
    const files = [aMigration(1, 'CREATE TABLE widgets (id int)'), aMigration(2, 'ALTER TABLE widgets ADD COLUMN name text')];
    expect((await runMigrations(pool, files)).applied).toEqual(['widgets/0001_step.sql', 'widgets/0002_step.sql']);
    expect((await runMigrations(pool, files)).applied).toEqual([]);
    const cols = await pool.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'widgets' AND table_schema = current_schema() ORDER BY ordinal_position");
    expect(cols.rows.map((r) => r.column_name)).toEqual(['id', 'name']);
  });

  it('Given an applied migration was edited, When run, Then it is refused and nothing changes', async () => {
    await runMigrations(pool, [aMigration(1, 'CREATE TABLE widgets (id int)')]);
    const edited = { ...aMigration(1, 'CREATE TABLE widgets (id bigint)') };
    await expect(runMigrations(pool, [edited, aMigration(2, 'CREATE TABLE other (id int)')])).rejects.toThrow(MigrationError);
    const other = await pool.query("SELECT to_regclass('other') AS t");
    expect(other.rows[0].t).toBeNull();
  });

  it('Given a failing migration, When run, Then it rolls back entirely and is not recorded', async () => {
    await expect(runMigrations(pool, [aMigration(1, 'CREATE TABLE widgets (id int); SELECT * FROM no_such_table')])).rejects.toThrow(/no_such_table/);
    const t = await pool.query("SELECT to_regclass('widgets') AS t");
    expect(t.rows[0].t).toBeNull();
    expect((await pool.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n).toBe(0);
  });

  it('Given two starters at once, When both run, Then each migration applies exactly once', async () => {
    const files = [aMigration(1, 'CREATE TABLE widgets (id int)'), aMigration(2, 'CREATE TABLE gadgets (id int)')];
    const [a, b] = await Promise.all([runMigrations(pool, files), runMigrations(pool, files)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(['widgets/0001_step.sql', 'widgets/0002_step.sql']);
  });

  it('Given the repository, When discovering, Then the platform migrations are found with checksums', () => {
    const found = discoverMigrations(findRepoRoot());
    expect(found.find((f) => f.component === 'platform' && f.version === 1)?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});
