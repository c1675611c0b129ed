import { Pool, type PoolClient } from 'pg';

export interface PoolOptions {
  readonly databaseUrl: string;
  /** Every connection sets `search_path` to this schema, so tables need no qualification. */
  readonly schema: string;
  readonly max?: number;
  readonly applicationName: string;
}

/** A pg pool bound to the hub's schema (a fresh one per test run). Creates the schema if missing. */
export async function createPool(opts: PoolOptions): Promise<Pool> {
  const pool = new Pool({
    connectionString: opts.databaseUrl,
    max: opts.max ?? 10,
    application_name: opts.applicationName,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30000,
    // Only the hub's schema: never fall through to `public`, where other tools (the registry) keep tables.
    options: `-c search_path=${opts.schema}`,
  });
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(opts.schema)}`);
  return pool;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs `fn` in a transaction; rolls back on any error and rethrows it. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
