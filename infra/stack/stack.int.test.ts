import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { stackUp, stackDown, stackStatus, type StackOptions, type StackProgress } from './stack';
import { stackPaths, DEFAULT_DATABASE_URL } from './options';
import { readPidFile, writePidFile } from './pidfile';
import { isAlive, waitForExit } from './process';
import { isPortOpen } from './net';

/**
 * The embedded stack against the real Kafka and Apicurio jars and real processes. It runs its own
 * stack (temporary home, ports 19092/19093/18081, its own registry schema) so the shared stack
 * other integration tests use is never disturbed. Jars come from the shared cache.
 */
const PORTS = { kafkaPort: 19092, controllerPort: 19093, registryPort: 18081 };
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-stack-it-'));
const registryDbSchema = `apicurio_it_${randomBytes(4).toString('hex')}`;
const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const events: StackProgress[] = [];
const opts: StackOptions = { home, ...PORTS, databaseUrl, registryDbSchema, onProgress: (e) => events.push(e) };
const paths = stackPaths({ home });
const repoRoot = path.resolve(__dirname, '..', '..');

function pids(): { kafka?: number; registry?: number } {
  return { kafka: readPidFile(paths.kafkaPid), registry: readPidFile(paths.registryPid) };
}

async function registerSchema(baseUrl: string, subject: string, schema: object): Promise<number> {
  const res = await fetch(`${baseUrl}/subjects/${subject}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: JSON.stringify(schema) }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: number }).id;
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repoRoot, 'infra', 'cli', 'hub.js'), ...args], { cwd: repoRoot, env, timeout: 60_000 }, (err, stdout) => {
      resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout });
    });
  });
}

afterAll(async () => {
  await stackDown({ home, ...PORTS, databaseUrl, registryDbSchema }).catch(() => undefined);
  fs.rmSync(home, { recursive: true, force: true });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`drop schema if exists "${registryDbSchema}" cascade`);
  await db.end();
}, 60_000);

describe('embedded local stack (real Kafka and Apicurio processes)', () => {
  let schemaId = 0;
  const subject = `stack-it-${randomBytes(3).toString('hex')}-value`;

  it('Given an empty home and a stale pid file, When stackUp runs, Then kafka, registry and postgres are ok and the stale pid is discarded', async () => {
    fs.mkdirSync(paths.runDir, { recursive: true });
    writePidFile(paths.kafkaPid, process.pid); // alive, but a node process, not our broker
    const up = await stackUp(opts);
    expect(up.started.sort()).toEqual(['kafka', 'registry']);
    expect(up.kafkaBrokers).toEqual(['127.0.0.1:19092']);
    expect(up.schemaRegistryUrl).toBe('http://127.0.0.1:18081/apis/ccompat/v7');
    expect(events).toContainEqual({ kind: 'stale-pid', component: 'kafka', pid: process.pid });
    const status = await stackStatus(opts);
    expect(status.map((s) => [s.name, s.ok])).toEqual([['kafka', true], ['registry', true], ['postgres', true]]);
  }, 240_000);

  it('Given the stack is running, When stackUp runs again, Then it starts nothing and the same processes keep running', async () => {
    const before = pids();
    const again = await stackUp(opts);
    expect(again.started).toEqual([]);
    expect(pids()).toEqual(before);
    expect(isAlive(before.kafka!) && isAlive(before.registry!)).toBe(true);
  }, 60_000);

  it('Given a schema registered in the registry, When the registry restarts, Then the schema keeps its id (storage persists in PostgreSQL)', async () => {
    const base = 'http://127.0.0.1:18081/apis/ccompat/v7';
    schemaId = await registerSchema(base, subject, { type: 'record', name: 'Ping', namespace: 'cl.redninez.it', fields: [{ name: 'at', type: 'long' }] });
    const oldPid = pids().registry!;
    process.kill(oldPid, 'SIGTERM');
    expect(await waitForExit(oldPid, 30_000)).toBe(true);

    const up = await stackUp(opts);
    expect(up.started).toEqual(['registry']);
    expect(pids().registry).not.toBe(oldPid);
    const latest = (await (await fetch(`${base}/subjects/${subject}/versions/latest`)).json()) as { id: number; version: number };
    expect(latest).toMatchObject({ id: schemaId, version: 1 });
    const byId = await fetch(`${base}/schemas/ids/${schemaId}`);
    expect(byId.status).toBe(200);
  }, 120_000);

  it('Given the stack is running, When `hub status --json` runs as a real process, Then stdout is one JSON object naming every component', async () => {
    const env = {
      ...process.env, HUB_HOME: home, HUB_KAFKA_PORT: '19092', HUB_KAFKA_CONTROLLER_PORT: '19093', HUB_REGISTRY_PORT: '18081',
      DATABASE_URL: databaseUrl, HUB_LANG: 'es',
    };
    const { stdout } = await runCli(['status', '--json'], env);
    const doc = JSON.parse(stdout) as { components: { name: string; ok: boolean; url: string }[] };
    const names = doc.components.map((c) => c.name);
    expect(names.slice(0, 3)).toEqual(['kafka', 'registry', 'postgres']);
    expect(names).toContain('api');
    expect(doc.components.slice(0, 3).every((c) => c.ok)).toBe(true);
    expect(doc.components[0]!.url).toBe('127.0.0.1:19092');
  }, 60_000);

  it('Given the stack is running, When stackDown runs, Then no process is left, pid files are gone and the ports are closed', async () => {
    const before = pids();
    const down = await stackDown(opts);
    expect(down.stopped.sort()).toEqual(['kafka', 'registry']);
    expect(isAlive(before.kafka!)).toBe(false);
    expect(isAlive(before.registry!)).toBe(false);
    expect(fs.existsSync(paths.kafkaPid) || fs.existsSync(paths.registryPid)).toBe(false);
    for (const port of Object.values(PORTS)) expect(await isPortOpen('127.0.0.1', port, 500)).toBe(false);
    expect((await stackDown(opts)).stopped).toEqual([]);
  }, 90_000);
});
