import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { mulberry32 } from '../platform/chile';
import { eventually } from '../../test/harness/test-env';
import { waitHealthy } from '../../infra/supervisor/wait-healthy';
import { createDedupWorld, type DedupWorld } from './testing/dedup-world';
import { generateStream } from './testing/event-stream';

const root = path.resolve(__dirname, '..', '..');
const CHILDREN = 600;
const EVENTS_PER_CHILD = 10;
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
 * Crash safety with real processes: the dedup service runs as its own OS process (as the
 * supervisor starts it) and is killed with SIGKILL while it consumes a stream with a known answer,
 * twice, half of the stream produced while it runs; after each restart it resumes from the last
 * committed offsets. Then: the counters equal the stream's answer exactly (a redelivered batch is
 * not counted as a duplicate), and every expected PersonObserved is on Kafka exactly once.
 */
describe('dedup service killed with SIGKILL', () => {
  let world: DedupWorld;
  let child: ChildProcess | undefined;
  let output = '';
  let port: number;

  beforeAll(async () => {
    world = await createDedupWorld('dcrash');
    port = await freePort();
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await world?.close();
  });

  async function startChild(): Promise<void> {
    child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'services/dedup/main.ts')], {
      cwd: root,
      env: { ...world.env, HTTP_PORT: String(port), LOG_LEVEL: 'warn', SWC_NODE_PROJECT: path.join(root, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const c = child;
    c.stdout!.on('data', (d) => { output += String(d); });
    c.stderr!.on('data', (d) => { output += String(d); });
    const healthy = await waitHealthy(`http://127.0.0.1:${port}`, 90000, () => c.exitCode === null);
    if (!healthy) throw new Error(`dedup did not become healthy; output:\n${output}`);
  }

  async function replayedSoFar(): Promise<number> {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text().catch(() => '');
    return [...text.matchAll(/^hub_dedup_replayed_total\{[^}]*\} (\d+)/gm)].reduce((s, m) => s + Number(m[1]), 0);
  }

  it('Given a stream with re-sends, new versions and person changes, When the process is killed -9 twice mid-stream and restarted, Then nothing is lost, nothing is emitted twice and the counters reconcile exactly', async () => {
    const seed = randomInt(2 ** 31);
    const { events, totals } = generateStream({ children: CHILDREN, eventsPerChild: EVENTS_PER_CHILD, random: mulberry32(seed), run: `s${seed}` });
    const half = Math.floor(events.length / 2);
    await world.produce(events.slice(0, half).map((e) => e.event));
    const random = mulberry32(seed + 1);

    for (let round = 0; round <= KILLED_ROUNDS; round++) {
      await startChild();
      if (round === 0) await world.produce(events.slice(half).map((e) => e.event));
      if (round === KILLED_ROUNDS) break;
      const before = (await world.stats()).totals.received;
      // Killed once it has handled a random share of what is left, so batches and relay transactions are in flight.
      const target = before + Math.max(1, Math.floor((events.length - before) * (0.1 + 0.5 * random())));
      await eventually(async () => ((await world.stats()).totals.received >= target ? true : undefined), 120000, `dedup to handle ${target} messages`);
      const replayed = await replayedSoFar();
      const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
      child!.kill('SIGKILL');
      await exited;
      const s = await world.stats();
      process.stderr.write(`[dedup crash test] seed ${seed} round ${round}: killed at ${s.totals.received}/${events.length} received, ${s.pendingPersonObserved} PersonObserved pending; replayed in this round ${replayed}\n`);
    }

    const final = await eventually(async () => {
      const s = await world.stats();
      return s.totals.received === totals.received && s.pendingPersonObserved === 0 ? s : undefined;
    }, 180000, 'the restarted service to finish the stream and drain its outbox');
    process.stderr.write(`[dedup crash test] seed ${seed} final: replayed after the last restart ${await replayedSoFar()}\n`);

    expect(final.totals).toEqual({
      received: totals.received, forwarded: totals.forwarded, duplicateEventId: totals.duplicateEventId,
      duplicateContent: totals.duplicateContent, deadLettered: 0, personsEmitted: totals.personsEmitted,
    });
    expect(final.reconciled).toBe(true);
    const observed = await world.readPersonObserved();
    const ids = observed.map((m) => m.eventId!);
    expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([]);
    expect(new Set(observed.map((m) => m.sourceEventId))).toEqual(totals.emittingEventIds);
    expect(observed).toHaveLength(totals.personsEmitted);

    // Graceful shutdown: SIGTERM stops the consumer, the relay and the clients, and exits 0.
    const exitCode = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child!.kill('SIGTERM');
    expect(await exitCode).toBe(0);
  });
});
