import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { mulberry32 } from '../../services/platform/chile';
import { aNativeCourtOrder } from '../../test/builders/native-records';
import { eventually } from '../../test/harness/test-env';
import { waitHealthy } from '../../infra/supervisor/wait-healthy';
import { createIntakeWorld, type IntakeWorld } from './testing/intake-fixture';

const root = path.resolve(__dirname, '..', '..');
const RECORDS = 1500;
const CONCURRENCY = 32;
const KILLED_ROUNDS = 2;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Crash safety with real processes: the intake runs as its own OS process (as the supervisor
 * starts it), takes concurrent court orders and is killed with SIGKILL at a random moment, twice;
 * after each restart the client retries every request that did not get a 2xx, with the same
 * Idempotency-Key. Then the topic is read with read_committed: every acknowledged record is there
 * and no event id appears twice.
 */
describe('HTTP intake killed with SIGKILL', () => {
  let world: IntakeWorld;
  let child: ChildProcess | undefined;
  let output = '';
  let port: number;

  beforeAll(async () => {
    world = await createIntakeWorld('crash');
    port = await freePort();
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await world?.close();
  });

  async function startChild(): Promise<void> {
    child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'connectors/intake/main.ts')], {
      cwd: root,
      env: { ...world.env, HTTP_PORT: String(port), LOG_LEVEL: 'warn', SWC_NODE_PROJECT: path.join(root, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const c = child;
    c.stdout!.on('data', (d) => { output += String(d); });
    c.stderr!.on('data', (d) => { output += String(d); });
    const healthy = await waitHealthy(`http://127.0.0.1:${port}`, 90000, () => c.exitCode === null);
    if (!healthy) throw new Error(`intake did not become healthy; output:\n${output}`);
  }

  it('Given concurrent orders and kill -9 at random moments, When retried after restart, Then every acknowledged order is on Kafka exactly once', async () => {
    const seed = randomInt(2 ** 31);
    const random = mulberry32(seed);
    const { token } = await world.credential('TRIBUNAL', '1301');
    const acknowledged = new Map<number, string>();
    const statuses: number[] = [];

    for (let round = 0; round <= KILLED_ROUNDS; round++) {
      await startChild();
      const pending = Array.from({ length: RECORDS }, (_, i) => i).filter((i) => !acknowledged.has(i));
      // Killed after a random number of answers, so requests (and relay transactions) are in flight.
      const killAfter = round < KILLED_ROUNDS ? 1 + Math.floor(random() * pending.length * 0.8) : Infinity;
      const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
      let answered = 0;
      let next = 0;
      const worker = async () => {
        while (next < pending.length) {
          const i = pending[next++]!;
          try {
            const res = await fetch(`http://127.0.0.1:${port}/v1/tribunals/orders`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `crash-${i}` },
              body: JSON.stringify(aNativeCourtOrder({ id_registro: `CRASH-${i}`, id_nna: `NNA-${i % 37}` })),
              signal: AbortSignal.timeout(10000),
            });
            if (++answered === killAfter) child!.kill('SIGKILL');
            statuses.push(res.status);
            const body = await res.json() as { eventId?: string };
            if (res.status === 202 || res.status === 200) acknowledged.set(i, body.eventId!);
          } catch {
            // Connection refused or reset by the kill: not acknowledged, retried next round.
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      if (Number.isFinite(killAfter)) await exited;
      process.stderr.write(`[crash test] seed ${seed} round ${round}: killed after ${Number.isFinite(killAfter) ? killAfter : '-'} answers, acknowledged ${acknowledged.size}/${RECORDS}${output.includes('already published before a restart') ? ' (a restart found a committed batch still in the outbox)' : ''}\n`);
    }

    expect(acknowledged.size).toBe(RECORDS);
    expect(statuses.every((s) => s === 202 || s === 200 || s === 503)).toBe(true);
    await eventually(async () => ((await world.outboxDepth()) === 0 ? true : undefined), 60000, 'the restarted relay to drain the outbox');
    const ids = (await world.readTopic('hub.tribunal.events.v1')).map((m) => m.eventId!);
    const duplicates = ids.filter((id, k) => ids.indexOf(id) !== k);
    expect(duplicates).toEqual([]);
    expect(new Set(ids)).toEqual(new Set(acknowledged.values()));
    child!.kill('SIGTERM');
  });
});
