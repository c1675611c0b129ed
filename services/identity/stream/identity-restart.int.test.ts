import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { ChildIdentityChanged } from '../../../schemas';
import { waitHealthy } from '../../../infra/supervisor/wait-healthy';
import { eventually, testLogger } from '../../../test/harness/test-env';
import { createStreamKit, observation, readIdentityEvents, syntheticChild, type StreamKit } from '../testing/stream-kit';

/**
 * Restart mid-stream with real processes: the identity service runs as its own OS process (as the
 * supervisor starts it) and is killed with SIGKILL while it works through a backlog, twice; after
 * the last restart every record is decided exactly once: one identity per child, no duplicate
 * identities, no lost records, ledger counts equal to the input, and identity events on Kafka
 * exactly once (read_committed, unique event ids).
 */
const root = path.resolve(__dirname, '..', '..', '..');
const log = testLogger();
const CHILDREN = 150;
const PER_CHILD = 3;
const INSTITUTIONS = ['TRIBUNAL', 'SENAME', 'SCHOOL'];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('Identity service killed with SIGKILL mid-stream', () => {
  let kit: StreamKit;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => { kit = await createStreamKit(process.env, 'idcrash', log); });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await kit?.dropTopics();
    await kit?.close();
  });

  async function startChild(port: number): Promise<void> {
    const config = kit.config();
    child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'services/identity/main.ts')], {
      cwd: root,
      env: {
        ...process.env, HUB_TOPIC_PREFIX: config.HUB_TOPIC_PREFIX, HUB_DB_SCHEMA: config.HUB_DB_SCHEMA, HTTP_PORT: String(port),
        LOG_LEVEL: 'warn', SWC_NODE_PROJECT: path.join(root, 'tsconfig.json'), IDENTITY_PARTITIONS_CONCURRENTLY: '3',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const c = child;
    c.stdout!.on('data', (d) => { output += String(d); });
    c.stderr!.on('data', (d) => { output += String(d); });
    const healthy = await waitHealthy(`http://127.0.0.1:${port}`, 120000, () => c.exitCode === null);
    if (!healthy) throw new Error(`identity service did not become healthy; output:\n${output}`);
  }

  it('Given a backlog and two kill -9 while it is consumed, When restarted, Then every record is decided once and each child has exactly one identity', async () => {
    const base = Date.now() % 1_000_000;
    const events = [];
    for (let c = 0; c < CHILDREN; c++) {
      const synthetic = syntheticChild(base * 1000 + c, 3);
      for (let r = 0; r < PER_CHILD; r++) events.push(observation(synthetic, INSTITUTIONS[r]!, `K-${base}-${c}-${r}`));
    }
    // Interleaved by child so each child's records are spread over partitions and batches.
    for (let i = 0; i < events.length; i += 150) await kit.produce(events.slice(i, i + 150).map((event) => ({ event })));
    const ids = events.map((e) => e.envelope.eventId);
    const port = await freePort();

    for (const fraction of [0.2, 0.6]) {
      await startChild(port);
      const target = Math.floor(events.length * fraction);
      await eventually(async () => ((await kit.processedCount(ids)) >= target ? true : undefined), 120000, `${target} records decided`);
      const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
      child!.kill('SIGKILL');
      await exited;
      process.stderr.write(`[identity crash test] killed with ${await kit.processedCount(ids)}/${events.length} decided\n`);
    }
    await startChild(port);
    await eventually(async () => ((await kit.processedCount(ids)) === events.length ? true : undefined), 180000, 'every record decided');

    const keys = events.map((e) => `${e.person.source}|${e.person.sourceRecordId}`);
    const { rows } = await kit.pool.query<{ record_key: string; identity_id: string }>('SELECT record_key, identity_id FROM identity_records WHERE record_key = ANY($1::text[])', [keys]);
    expect(rows).toHaveLength(events.length);
    const byKey = new Map(rows.map((r) => [r.record_key, r.identity_id]));
    const identityOfChild = Array.from({ length: CHILDREN }, (_, c) => new Set(INSTITUTIONS.map((inst, r) => byKey.get(`${inst}|K-${base}-${c}-${r}`))));
    expect(identityOfChild.filter((s) => s.size !== 1)).toEqual([]);
    expect(new Set(identityOfChild.map((s) => [...s][0])).size).toBe(CHILDREN);

    const ledger = await kit.pool.query<{ kind: string; n: string }>(
      'SELECT kind, count(*)::text AS n FROM identity_ledger WHERE record_key = ANY($1::text[]) GROUP BY kind ORDER BY kind', [keys],
    );
    const counts = Object.fromEntries(ledger.rows.map((r) => [r.kind, Number(r.n)]));
    expect(counts).toEqual({ created: CHILDREN, linked: events.length });

    // Events: one CREATED per child and one RECORD_LINKED per further record, each exactly once.
    const childIds = new Set(identityOfChild.map((s) => [...s][0]!));
    const mine = (es: readonly ChildIdentityChanged[]) => es.filter((e) => childIds.has(e.childId));
    const all = await readIdentityEvents(kit, (es) => mine(es).length >= events.length, 120000);
    await eventually(async () => ((await kit.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM identity_outbox')).rows[0]!.n === '0' ? true : undefined), 60000, 'outbox drained');
    const eventIds = mine(all).map((e) => e.envelope.eventId);
    expect(eventIds.filter((id, k) => eventIds.indexOf(id) !== k)).toEqual([]);
    expect(mine(all).filter((e) => e.kind === 'CREATED')).toHaveLength(CHILDREN);
    expect(mine(all).filter((e) => e.kind === 'RECORD_LINKED')).toHaveLength(events.length - CHILDREN);
    child!.kill('SIGTERM');
  });
});
