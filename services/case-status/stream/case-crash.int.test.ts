import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import type { CaseUpdated, ChildIdentityChanged } from '../../../schemas';
import { waitHealthy } from '../../../infra/supervisor/wait-healthy';
import { aChildIdentityChanged } from '../../../test/builders/identity-events';
import { aChild, anEnvelope } from '../../../test/builders/event-parts';
import { anAdmissionRegistered, aDiagnosisReported, anEgressExecuted } from '../../../test/builders/sename-events';
import { eventually, testLogger } from '../../../test/harness/test-env';
import { createCaseKit, type CaseKit, type InstitutionEvent } from '../testing/case-kit';

/**
 * Restart mid-stream with the real process: services/case-status/main.ts runs as its own OS process
 * (as the supervisor starts it) and is killed with SIGKILL twice while it works through a backlog.
 * After the last start every input is claimed once and hub.case.updates.v1 (read_committed) carries
 * every expected update exactly once, counted by event id: each case's status versions 1..n once,
 * every deadline notice once — nothing lost, nothing applied twice.
 */
const root = path.resolve(__dirname, '..', '..', '..');
const log = testLogger();
const CHILDREN = 150;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('case-status process killed with SIGKILL mid-stream', () => {
  let kit: CaseKit;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => { kit = await createCaseKit(process.env, 'casecrash', log); });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await kit?.dropTopics();
    await kit?.close();
  });

  async function startChild(port: number): Promise<void> {
    const config = kit.config();
    child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'services/case-status/main.ts')], {
      cwd: root,
      env: {
        ...process.env, HUB_TOPIC_PREFIX: config.HUB_TOPIC_PREFIX, HUB_DB_SCHEMA: config.HUB_DB_SCHEMA, HTTP_PORT: String(port),
        LOG_LEVEL: 'warn', SWC_NODE_PROJECT: path.join(root, 'tsconfig.json'), CASE_STATUS_PARTITIONS_CONCURRENTLY: '3',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const c = child;
    c.stdout!.on('data', (d) => { output += String(d); });
    c.stderr!.on('data', (d) => { output += String(d); });
    const healthy = await waitHealthy(`http://127.0.0.1:${port}`, 180000, () => c.exitCode === null);
    if (!healthy) throw new Error(`case-status process did not become healthy; output:\n${output.slice(-4000)}`);
  }

  async function kill(): Promise<void> {
    const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
    child!.kill('SIGKILL');
    await exited;
  }

  it('Given a backlog and two kill -9 while it is consumed, When restarted, Then each case update is on case.updates exactly once', async () => {
    const tag = randomBytes(3).toString('hex');
    const identities: ChildIdentityChanged[] = [];
    const events: InstitutionEvent[] = [];
    const ev = (recordName: string, value: unknown): InstitutionEvent => ({ recordName, value: value as InstitutionEvent['value'] });
    for (let c = 0; c < CHILDREN; c++) {
      const childId = `NNA-K-${tag}-${c}`;
      const rec = `N-${tag}-${c}`;
      identities.push(aChildIdentityChanged({
        childId, recordKeys: [`SENAME|${rec}`], affectedRecordKeys: [`SENAME|${rec}`],
        envelope: { ...aChildIdentityChanged().envelope, eventId: `HUB:identity:${tag}:${c}`, sourceRecordId: childId },
      }));
      const env = (id: string, d: number) => anEnvelope('SENAME', null, id, { eventId: `SENAME:${tag}:${c}:${id}`, occurredAt: Date.UTC(2024, 2, d, 14), recordedAt: Date.UTC(2024, 2, d, 15) });
      const common = { person: aChild('SENAME', rec), caseId: `ING-${tag}-${c}`, programmeCode: 'P-K' };
      events.push(ev('hub.sename.AdmissionRegistered', anAdmissionRegistered({ ...common, envelope: env('adm', 1), modality: 'CTDL', admissionKind: 'EXTRAJUDICIAL', derivationId: null })));
      events.push(ev('hub.sename.DiagnosisReported', aDiagnosisReported({ ...common, envelope: env('rep', 10) })));
      events.push(ev('hub.sename.EgressExecuted', anEgressExecuted({ ...common, envelope: env('egr', 20), derivationId: null, destinationProgrammeCode: null })));
    }
    // Children are linked first; their events follow in small batches, interleaved by child.
    await kit.produceIdentity(identities);
    for (let i = 0; i < events.length; i += 30) await kit.produceEvents(events.slice(i, i + 30));
    const ids = [...identities.map((e) => e.envelope.eventId), ...events.map((e) => e.value.envelope.eventId)];
    const processed = async () => Number((await kit.pool.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM processed_events WHERE consumer = 'hub.case-status' AND event_id = ANY($1::text[])", [ids])).rows[0]!.n);
    const port = await freePort();

    const killedAt: number[] = [];
    for (const fraction of [0.2, 0.6]) {
      await startChild(port);
      const target = Math.floor(ids.length * fraction);
      await eventually(async () => ((await processed()) >= target ? true : undefined), 180000, `${target} processed`);
      await kill();
      killedAt.push(await processed());
      process.stderr.write(`[case-status crash test] killed with ${killedAt.at(-1)}/${ids.length} processed\n`);
    }
    // At least one kill landed mid-stream (otherwise the test proved nothing about a crash).
    expect(killedAt.some((n) => n < ids.length)).toBe(true);

    await startChild(port);
    await eventually(async () => ((await processed()) === ids.length ? true : undefined), 240000, 'all processed');
    await eventually(async () => ((await kit.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM case_status_outbox')).rows[0]!.n === '0' ? true : undefined), 120000, 'outbox drained');

    // Expected from the stored state: each case's last snapshot version = its status updates; plus each deadline notice.
    const { rows } = await kit.pool.query<{ case_id: string; version: string; state: string }>(
      "SELECT case_id, version::text, status->>'state' AS state FROM case_snapshots WHERE case_id LIKE $1", [`C:P-K:ING-${tag}-%`]);
    expect(rows).toHaveLength(CHILDREN);
    const { rows: notices } = await kit.pool.query<{ deadline_id: string; status: string }>(
      'SELECT deadline_id, status FROM case_deadline_events WHERE deadline_id LIKE $1', [`C:P-K:ING-${tag}-%`]);
    const expectedStatus = rows.reduce((s, r) => s + Number(r.version), 0);
    const expected = expectedStatus + notices.length;

    const mine = (us: readonly CaseUpdated[]) => us.filter((u) => u.childId.startsWith(`NNA-K-${tag}-`));
    const updates = mine(await kit.readUpdates((us) => mine(us).length >= expected, 180000));
    const eventIds = updates.map((u) => u.envelope.eventId);
    expect(eventIds.filter((id, k) => eventIds.indexOf(id) !== k)).toEqual([]);
    expect(updates).toHaveLength(expected);
    // Every status version of every case, exactly once.
    const deadlineKinds = new Set(['DEADLINE_DUE', 'DEADLINE_BREACHED']);
    const versions = updates.filter((u) => !deadlineKinds.has(u.kind)).map((u) => `${u.caseId}#${u.snapshot?.version ?? 'removed'}`).sort();
    const wanted = rows.flatMap((r) => Array.from({ length: Number(r.version) }, (_, v) => `${r.case_id}#${v + 1}`)).sort();
    expect(versions).toEqual(wanted);
    // Every deadline notice, exactly once.
    expect(updates.filter((u) => deadlineKinds.has(u.kind)).map((u) => `${u.deadlineId}|${u.kind.replace('DEADLINE_', '')}`).sort())
      .toEqual(notices.map((n) => `${n.deadline_id}|${n.status}`).sort());
    expect(updates.filter((u) => u.kind === 'CASE_OPENED')).toHaveLength(CHILDREN);
    // Every case has the same history, so the same state.
    expect(new Set(rows.map((r) => r.state)).size).toBe(1);
    child!.kill('SIGTERM');
  });
});
