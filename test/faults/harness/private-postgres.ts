import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, pollUntil } from './net';

/**
 * A throw-away PostgreSQL cluster of our own (Debian's initdb/pg_ctl, a temp dir, a free port), so a
 * test may stop and restart "the database" without touching the machine's shared PostgreSQL.
 * PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user.
 */
export interface PrivatePostgres {
  readonly port: number;
  readonly url: string;
  readonly dataDir: string;
  /** `pg_ctl stop -m fast` (or `immediate`: a crash, recovered from the WAL at the next start). */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): Promise<void>;
  /** Stops and deletes the cluster. */
  destroy(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql/*/bin');
  return path.join(root, versions[0]!, 'bin');
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const asRoot = userInfo().uid === 0;
  const base = mkdtempSync(path.join(tmpdir(), 'hub-faults-pg-'));
  const dataDir = path.join(base, 'data');
  const sockDir = path.join(base, 'sock');
  mkdirSync(dataDir);
  mkdirSync(sockDir);
  let owner: { uid: number; gid: number } | undefined;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    owner = { uid, gid };
    for (const d of [base, dataDir, sockDir]) chownSync(d, uid, gid);
  }
  // As root, run each binary as the postgres user (uid/gid of spawnSync: no shell quoting involved).
  const run = (tool: string, args: string[]): void => {
    const r = spawnSync(path.join(bin, tool), args, { encoding: 'utf8', ...(owner ?? {}), cwd: base });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const logFile = path.join(base, 'postgres.log');
  // Small and fast: a test database, not a durable one (fsync off is fine: we crash processes, not the machine).
  const opts = `-p ${port} -k ${sockDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=128MB`;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const answers = async (): Promise<true | undefined> => {
    const c = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } finally {
      await c.end().catch(() => undefined);
    }
  };
  const pg: PrivatePostgres = {
    port, url, dataDir,
    stop(mode = 'fast') {
      run('pg_ctl', ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '60']);
    },
    async start() {
      run('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-o', opts, '-w', '-t', '60']);
      await pollUntil(answers, 60000, 'private PostgreSQL to answer');
    },
    destroy() {
      spawnSync(path.join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w'], { ...(owner ?? {}), cwd: base });
      rmSync(base, { recursive: true, force: true });
    },
  };
  await pg.start();
  return pg;
}
