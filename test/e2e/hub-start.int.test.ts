import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HUB_SERVICES } from '../../infra/services';
import { eventually } from '../harness/test-env';

const root = path.resolve(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * `npm start` as a user runs it: a real `hub start` process over the run's infrastructure,
 * supervising the real `api` process, stopped with Ctrl-C (SIGINT). Without the demo (`--no-demo`):
 * test/e2e/demo.int.test.ts plays it.
 */
describe('hub start (npm start)', () => {
  let hub: ChildProcess;
  let output = '';
  let home: string;
  let port: number;

  beforeAll(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'hub-start-'));
    port = await freePort();
    // Every service on a free port, so a developer's running hub on the default ports is no obstacle.
    const ports: Record<string, string> = {};
    for (const s of HUB_SERVICES) ports[`HUB_${s.name.toUpperCase().replace(/-/g, '_')}_PORT`] = String(s.name === 'api' ? port : await freePort());
    hub = spawn(process.execPath, ['infra/cli/hub.js', 'start', '--no-demo'], {
      cwd: root,
      env: { ...process.env, ...ports, HUB_HOME: home, HUB_LANG: 'es', HUB_SERVICE_START_TIMEOUT_S: process.env.HUB_SERVICE_START_TIMEOUT_S ?? '600' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    hub.stdout!.on('data', (d) => { output += String(d); });
    hub.stderr!.on('data', (d) => { output += String(d); });
    // Seconds on a quiet machine; minutes when many runs share it (seven services compiling TypeScript).
    await eventually(() => (output.includes('Hub en marcha') ? true : undefined), 600000, 'hub start to be ready')
      .catch((err: Error) => { throw new Error(`${err.message}; output so far:\n${output}`); });
  }, 620000);

  afterAll(() => {
    if (hub.exitCode === null) hub.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('Given the hub started, When its API is asked, Then it answers in Spanish and reports healthy dependencies', async () => {
    const info = await (await fetch(`http://127.0.0.1:${port}/v1`)).json() as { description: string };
    expect(info.description).toMatch(/protección de la niñez/);
    const en = await (await fetch(`http://127.0.0.1:${port}/v1`, { headers: { 'accept-language': 'en' } })).json() as { description: string };
    expect(en.description).toMatch(/child-protection network/);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { checks: { name: string }[] }).checks.map((c) => c.name).sort()).toEqual(['kafka', 'postgres', 'registry']);
    expect(output).toContain(`http://127.0.0.1:${port}/v1`);
    expect(output).not.toContain('Demostración');
  });

  it('Given the hub running, When Ctrl-C is pressed, Then it stops its services and exits 0', async () => {
    const exited = new Promise<number | null>((resolve) => hub.once('exit', (code) => resolve(code)));
    hub.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Hub detenido.');
    await eventually(async () => {
      try { await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(500) }); return undefined; } catch { return true; }
    }, 10000, 'api process to be gone');
  });
});
