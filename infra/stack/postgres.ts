import { Client } from 'pg';
import { errorReason } from './net';

/**
 * PostgreSQL is not ours to start (it is a system service, a container, or a managed database);
 * the stack only checks it and creates the registry's schema in it.
 */
export async function probePostgres(databaseUrl: string, timeoutMs = 2000): Promise<{ ok: boolean; detail?: string }> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  // A connection that drops after connect() emits 'error'; without a listener it would crash the CLI.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (err) {
    return { ok: false, detail: errorReason(err) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the schema holding the registry's tables (the registry creates the tables themselves). */
export async function ensureSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a plain SQL identifier: ${schema}`);
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(`create schema if not exists "${schema}"`);
  } catch (err) {
    // Two stacks creating it at the same moment: the loser sees a duplicate, which is fine.
    const code = (err as { code?: unknown }).code;
    if (code !== '42P06' && code !== '23505') throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** JDBC settings for a Java program, from the `postgres://user:pass@host:port/db?sslmode=…` URL the hub uses. */
export interface JdbcSettings {
  readonly url: string;
  readonly username: string;
  readonly password: string;
}

export function toJdbc(databaseUrl: string, schema: string): JdbcSettings {
  const u = new URL(databaseUrl);
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error(`not a postgres URL: ${redactUrl(databaseUrl)}`);
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres';
  const params = new URLSearchParams({ currentSchema: schema });
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) params.set('sslmode', sslmode);
  return {
    url: `jdbc:postgresql://${u.hostname}:${u.port || '5432'}/${encodeURIComponent(database)}?${params.toString()}`,
    username: decodeURIComponent(u.username) || 'postgres',
    password: decodeURIComponent(u.password),
  };
}

/** The URL with its password hidden, for status output and error messages. */
export function redactUrl(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid DATABASE_URL)';
  }
}
