import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { HUB_SERVICES } from '../../infra/services';
import { completedStreams } from '../../infra/demo/playback';
import { prepareScenario } from '../../infra/demo/scenario';
import { fileSha256 } from '../../infra/import/file-hash';
import { connectorFor } from '../../infra/import/connectors';
import { importStreamId } from '../../infra/import/import-file';
import { loadConfig } from '../../services/platform/config/load-config';
import { hubConfigSchema } from '../../services/platform/config/hub-config';
import { eventually, testLogger } from '../harness/test-env';

const root = path.resolve(__dirname, '..', '..');
const CHILDREN = 80;
const MONTHS = 12;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Curl { token: string; purpose: string; url: string }
const CURL = /curl -s -H 'Authorization: Bearer (\S+)' -H 'X-Purpose: ([^']+)' '([^']+)'/g;

async function get(c: Curl): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(c.url, { headers: { authorization: `Bearer ${c.token}`, 'x-purpose': c.purpose } });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/**
 * `npm start` with a small demo, as a new user runs it: the real `hub start` process plays a
 * generated scenario (80 children, 12 months) through the connectors' import, waits for the
 * pipeline, and prints where to look. What it prints must work when pasted: the timeline curl,
 * the review-queue curl, the indicators command and CSV URL. Then Ctrl-C stops everything.
 * Its own topic prefix and PostgreSQL schema, so a concurrent hub-start test never shares groups with it.
 */
describe('npm start plays the demo scenario', () => {
  let hub: ChildProcess;
  let output = '';
  let home: string;
  const env: NodeJS.ProcessEnv = {
    ...process.env, HUB_LANG: 'es', HUB_SERVICE_START_TIMEOUT_S: process.env.HUB_SERVICE_START_TIMEOUT_S ?? '600',
    HUB_TOPIC_PREFIX: `${process.env.HUB_TOPIC_PREFIX ?? 'it.'}demo.`,
    HUB_DB_SCHEMA: `${process.env.HUB_DB_SCHEMA ?? 'it'}_demo`,
  };
  const curls = (): Curl[] => [...output.matchAll(CURL)].map((m) => ({ token: m[1]!, purpose: m[2]!, url: m[3]! }));

  beforeAll(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'hub-demo-'));
    env.HUB_HOME = home;
    for (const s of HUB_SERVICES) env[`HUB_${s.name.toUpperCase().replace(/-/g, '_')}_PORT`] = String(await freePort());
    hub = spawn(process.execPath, ['infra/cli/hub.js', 'start', '--demo-children', String(CHILDREN), '--demo-months', String(MONTHS)], {
      cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    hub.stdout!.on('data', (d) => { output += String(d); });
    hub.stderr!.on('data', (d) => { output += String(d); });
    // Minutes only on a machine shared by many runs (services compiling TypeScript at load 30); about one on a quiet one.
    await eventually(() => {
      if (output.includes('La demostración se detuvo') || hub.exitCode !== null) throw new Error(`demo failed:\n${output}`);
      return output.includes('Presione Ctrl-C para detener todo.') ? true : undefined;
    }, 900000, 'the demo to finish').catch((err: Error) => { throw new Error(`${err.message}; output so far:\n${output}`); });
  }, 920000);

  afterAll(async () => {
    // The whole process group: SIGKILL to the hub alone would orphan its services.
    if (hub.exitCode === null) { try { process.kill(-hub.pid!, 'SIGKILL'); } catch { /* already gone */ } }
    rmSync(home, { recursive: true, force: true });
    const db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    await db.query(`DROP SCHEMA IF EXISTS "${env.HUB_DB_SCHEMA!}" CASCADE`).finally(() => db.end());
  });

  it('Given the demo played, When its output is read, Then it reports each month\'s published and dead-lettered records and the pipeline caught up', () => {
    expect(output).toMatch(/Escenario listo: [\d.]+ registros de las cinco instituciones/);
    expect(output).toMatch(/Mes 12-2023 \(12\/12\): [\d.]+ publicados, [\d.]+ a la cola de errores/);
    expect(output).toMatch(/Reproducción terminada en .*: [\d.]+ registros publicados/);
    expect(output).toContain('Pipeline al día');
    expect(output).toMatch(/Consola de rezago \(operadores\): http:\/\/127\.0\.0\.1:\d+\/console/);
  });

  it('Given the printed timeline curl, When pasted, Then it answers the child\'s timeline with events of two or more institutions', async () => {
    const timeline = curls().find((c) => c.url.endsWith('/timeline'));
    expect(timeline).toBeDefined();
    const res = await get(timeline!);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { childId: string; timeline: { institution: string }[] };
    expect(new Set(body.timeline.map((t) => t.institution)).size).toBeGreaterThanOrEqual(2);
    expect(timeline!.url).toContain(`/v1/children/${encodeURIComponent(body.childId)}/timeline`);
  });

  it('Given the printed review-queue curl, When pasted, Then the identity service answers the queue to the reviewer credential', async () => {
    const review = curls().find((c) => c.url.endsWith('/v1/review/tasks'));
    expect(review).toBeDefined();
    const res = await get(review!);
    expect(res.status).toBe(200);
    expect(Array.isArray((JSON.parse(res.text) as { tasks: unknown[] }).tasks)).toBe(true);
  });

  it('Given the printed indicator hints, When the CSV URL is fetched and the command run, Then both answer for the scenario\'s period', async () => {
    const csv = curls().find((c) => c.url.includes('/v1/indicators.csv?'));
    expect(csv).toBeDefined();
    const res = await get(csv!);
    expect({ status: res.status, type: res.type }).toEqual({ status: 200, type: expect.stringContaining('text/csv') });
    const command = /(?:HUB_DB_SCHEMA=(\S+) )?npx hub indicators --from (\S+) --to (\S+) --by region/.exec(output);
    expect(command).not.toBeNull();
    expect([command![2], command![3]]).toEqual(['2023-01-01', '2023-12-31']);
    const run = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, ['infra/cli/hub.js', 'indicators', '--from', command![2]!, '--to', command![3]!, '--by', 'region'], {
        cwd: root, env: { ...env, ...(command![1] ? { HUB_DB_SCHEMA: command![1] } : {}) }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (d) => { stdout += String(d); });
      child.on('exit', (code) => resolve({ code, stdout }));
    });
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
  });

  it('Given the scenario played, When a second start would look at the checkpoints, Then every month\'s slices are complete (it re-plays nothing)', async () => {
    const scenario = await prepareScenario(home, { children: CHILDREN, seed: 1, months: MONTHS });
    const done = await completedStreams(loadConfig(hubConfigSchema, env), testLogger());
    const streams = await Promise.all(scenario.steps.flatMap((s) => s.files).map(async (f) => importStreamId(connectorFor(f.institution)!.institution, await fileSha256(f.file))));
    expect(streams.length).toBeGreaterThanOrEqual(MONTHS);
    expect(streams.filter((s) => !done.has(s))).toEqual([]);
  });

  it('Given the demo finished, When Ctrl-C is pressed, Then everything stops and it exits 0', async () => {
    const exited = new Promise<number | null>((resolve) => hub.once('exit', (code) => resolve(code)));
    process.kill(-hub.pid!, 'SIGINT'); // the terminal sends Ctrl-C to the whole process group
    expect(await exited).toBe(0);
    expect(output).toContain('Hub detenido.');
  }, 60000);
});
