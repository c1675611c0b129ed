/**
 * `npm run bench:identity`: the identity stream (services/identity/main.ts, a real OS process)
 * against the running local stack, in a fresh topic namespace and PostgreSQL schema:
 *
 *  (b) replay — N PersonObserved are put on the topic first, then the service starts and works
 *      through them as fast as it can: records/s from start to the last decision committed
 *      (processed_events), and to the last identity event relayed to Kafka (outbox empty);
 *  (a) sustained — then, on the store the replay built, new records are produced at a steady
 *      rate (default 500/s for 60 s): latency from produce time to (1) the decision (the identity
 *      event's envelope.recordedAt, stamped in the deciding transaction) and (2) the identity event
 *      read back from `hub.identity.children.v1` (read_committed), i.e. visible to consumers.
 *
 *   npm run bench:identity -- [--records N] [--rate R] [--seconds S] [--concurrency C] [--out file.json]
 *                             [--env KEY=VALUE]... [--cpu-prof DIR]
 *
 * `--env` passes a setting to the service (e.g. IDENTITY_RECORDS_PER_TRANSACTION=500); `--cpu-prof`
 * runs it under `node --cpu-prof` and writes the profile to DIR when it exits.
 *
 * Records: bench/matching/data/chile-c100000-s12/records.ndjson (298,779 realistic Chilean
 * PersonRecords of 98,062 children from `hub generate`, with their noise); beyond that, further
 * copies become different children (RUN body shifted, birth date moved). Writes
 * bench/results/identity-stream.json; deletes its topics, registry subjects and schema afterwards.
 */
import { randomBytes } from 'node:crypto';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import type { ChildIdentityChanged, PersonObserved, PersonRecord } from '../schemas';
import { loadConfig } from '../services/platform/config/load-config';
import { createLogger } from '../services/platform/logging/create-logger';
import { identityConfigSchema } from '../services/identity/config';
import { createStreamKit, runCheckDigit } from '../services/identity/testing/stream-kit';
import { waitHealthy } from '../infra/supervisor/wait-healthy';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RECORDS = arg('records', 200_000);
const RATE = arg('rate', 500);
const SECONDS = arg('seconds', 60);
const CONCURRENCY = arg('concurrency', 3);
const outIndex = process.argv.indexOf('--out');
/** Result file name under bench/results (identity-stream.json unless --out names another, e.g. for a lower-rate run). */
const OUT = outIndex > 0 ? process.argv[outIndex + 1]! : 'identity-stream.json';
/** Settings passed to the service process (`--env KEY=VALUE`, repeatable). */
const SERVICE_ENV: Record<string, string> = {};
process.argv.forEach((a, i) => {
  if (a !== '--env') return;
  const kv = process.argv[i + 1] ?? '';
  const eq = kv.indexOf('=');
  if (eq > 0) SERVICE_ENV[kv.slice(0, eq)] = kv.slice(eq + 1);
});
const profIndex = process.argv.indexOf('--cpu-prof');
const CPU_PROF_DIR = profIndex > 0 ? path.resolve(process.argv[profIndex + 1]!) : null;
const DATA = path.join(__dirname, 'matching', 'data', 'chile-c100000-s12', 'records.ndjson');
const root = path.resolve(__dirname, '..');

async function readRecords(limit: number): Promise<PersonRecord[]> {
  const out: PersonRecord[] = [];
  const rl = createInterface({ input: createReadStream(DATA), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim()) out.push(JSON.parse(line) as PersonRecord);
    if (out.length >= limit) break;
  }
  rl.close();
  return out;
}

/** Copy k ≥ 1 of a record: another child (RUN body shifted, birth date moved), another source id. */
function copyOf(p: PersonRecord, k: number): PersonRecord {
  if (k === 0) return p;
  const m = /^(\d{1,3}(?:\.?\d{3})*)-?([\dkK])$/.exec((p.run ?? '').trim());
  let run: string | null = p.run;
  if (m) {
    const body = Number(m[1]!.replace(/\./g, '')) + k * 1_000_003;
    run = `${body}-${runCheckDigit(body)}`;
  }
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.birthDate ?? '');
  const birthDate = d ? `${Number(d[1]) - k}-${d[2]}-${String(((Number(d[3]) + 7 * k - 1) % 28) + 1).padStart(2, '0')}` : p.birthDate;
  return { ...p, sourceRecordId: `${p.sourceRecordId}#${k}`, run, birthDate };
}

function observed(p: PersonRecord, eventId: string, at: number): PersonObserved {
  return {
    envelope: { eventId, sourceInstitution: p.source, sourceUnit: null, sourceRecordId: p.sourceRecordId, occurredAt: at, recordedAt: at, schemaVersion: 1, traceId: null },
    person: p,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU seconds (user + system) a process has used so far (Linux /proc; 0 when unreadable). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/**
 * PostgreSQL backends serving a process: its TCP connections to the server, matched to
 * pg_stat_activity by client port (application names are shared with other runs on this box).
 */
async function backendsOf(db: Client, pid: number): Promise<number[]> {
  let ss = '';
  try { ss = execFileSync('ss', ['-tnpH'], { encoding: 'utf8' }); } catch { return []; }
  const ports = new Set<number>();
  for (const line of ss.split('\n')) {
    if (!line.includes(`pid=${pid},`)) continue;
    const local = line.trim().split(/\s+/)[3] ?? '';
    ports.add(Number(local.slice(local.lastIndexOf(':') + 1)));
  }
  const { rows } = await db.query<{ pid: number; client_port: number }>('SELECT pid, client_port FROM pg_stat_activity WHERE client_port IS NOT NULL');
  return rows.filter((r) => ports.has(r.client_port)).map((r) => r.pid);
}

/** CPU seconds of the service and of its PostgreSQL backends (backends that closed are not counted). */
async function serviceCpu(db: Client, pid: number): Promise<{ node: number; postgres: number }> {
  const backends = await backendsOf(db, pid);
  return { node: cpuSeconds(pid), postgres: backends.reduce((sum, b) => sum + cpuSeconds(b), 0) };
}

/** Seconds per batch-transaction stage so far, from the service's /metrics (hub_identity_batch_stage_seconds_total). */
async function stageSeconds(url: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const text = await (await fetch(`${url}/metrics`)).text();
  for (const m of text.matchAll(/^hub_identity_batch_stage_seconds_total\{stage="([a-z-]+)"[^}]*\} ([0-9.e+-]+)$/gm)) out[m[1]!] = Number(m[2]);
  return out;
}

const loadAverage = () => loadavg().map((x) => Math.round(x * 100) / 100);

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const schema = `bench_identity_${runId}`;
  const env = { ...process.env, HUB_DB_SCHEMA: schema, HUB_TOPIC_PREFIX: 'bench-identity.' };
  const base = loadConfig(identityConfigSchema, env);
  const log = createLogger({ service: 'bench-identity', level: 'warn' });
  const kit = await createStreamKit(env, runId, log);
  let child: ChildProcess | undefined;
  let output = '';
  const db = new Client({ connectionString: base.DATABASE_URL, options: `-c search_path=${schema}` });
  await db.connect();
  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
  try {
    const sustainedCount = RATE * SECONDS;
    const fileRecords = await readRecords(RECORDS + sustainedCount);
    const recordAt = (i: number) => copyOf(fileRecords[i % fileRecords.length]!, Math.floor(i / fileRecords.length));
    process.stderr.write(`[bench:identity] ${fileRecords.length} file records; replay ${RECORDS}, then ${RATE}/s for ${SECONDS}s; namespace ${kit.prefix}, schema ${schema}\n`);

    // ---- (b) replay: fill the topic, then start the service ------------------------------------
    const fillStart = Date.now();
    const T0 = Date.UTC(2024, 0, 1);
    const CHUNK = 2000;
    for (let i = 0; i < RECORDS; i += CHUNK) {
      const events = [];
      for (let j = i; j < Math.min(RECORDS, i + CHUNK); j++) events.push({ event: observed(recordAt(j), `bench:${runId}:${j}`, T0 + j) });
      await kit.produce(events);
    }
    const fillSeconds = (Date.now() - fillStart) / 1000;
    process.stderr.write(`[bench:identity] topic filled in ${fillSeconds.toFixed(1)} s\n`);

    const port = await freePort();
    const started = Date.now();
    const profArgs = CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF_DIR] : [];
    child = spawn(process.execPath, [...profArgs, '-r', '@swc-node/register', path.join(root, 'services/identity/main.ts')], {
      cwd: root,
      env: {
        ...env, HUB_TOPIC_PREFIX: kit.prefix, HTTP_PORT: String(port), LOG_LEVEL: 'warn', IDENTITY_PARTITIONS_CONCURRENTLY: String(CONCURRENCY),
        SWC_NODE_PROJECT: path.join(root, 'tsconfig.json'), ...SERVICE_ENV,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => { output += String(d); });
    child.stderr!.on('data', (d) => { output += String(d); });
    const c = child;
    if (!(await waitHealthy(`http://127.0.0.1:${port}`, 120000, () => c.exitCode === null))) throw new Error(`identity service did not start:\n${output}`);
    const healthyAt = Date.now();
    const cpuAtHealthy = await serviceCpu(db, c.pid!);
    const loadAtStart = loadAverage();
    let decided = 0;
    let lastLog = 0;
    let decidedAt = 0;
    let cpuAtDecided = cpuAtHealthy;
    let stagesAtDecided: Record<string, number> = {};
    for (;;) {
      decided = await count(`SELECT count(*)::text AS n FROM processed_events WHERE consumer = 'hub.identity'`);
      if (decided >= RECORDS) {
        decidedAt = Date.now();
        cpuAtDecided = await serviceCpu(db, c.pid!);
        stagesAtDecided = await stageSeconds(`http://127.0.0.1:${port}`).catch(() => ({}));
        break;
      }
      if (c.exitCode !== null) throw new Error(`identity service exited:\n${output}`);
      if (Date.now() - lastLog > 15000) { lastLog = Date.now(); process.stderr.write(`[bench:identity] replay: ${decided}/${RECORDS} decided after ${((Date.now() - healthyAt) / 1000).toFixed(0)} s\n`); }
      await sleep(500);
    }
    let relayedAt = 0;
    for (;;) {
      if ((await count('SELECT count(*)::text AS n FROM identity_outbox')) === 0) { relayedAt = Date.now(); break; }
      await sleep(250);
    }
    const stats = async () => ({
      identities: await count(`SELECT count(*)::text AS n FROM identities WHERE status = 'active'`),
      records: await count('SELECT count(*)::text AS n FROM identity_records'),
      openReviewTasks: await count(`SELECT count(*)::text AS n FROM review_tasks WHERE status = 'open'`),
      ledgerEntries: await count('SELECT count(*)::text AS n FROM identity_ledger'),
    });
    const replay = {
      replayed: RECORDS,
      partitionsConcurrently: CONCURRENCY,
      startSeconds: (healthyAt - started) / 1000,
      decideSeconds: (decidedAt - healthyAt) / 1000,
      decidedPerSecond: Math.round(RECORDS / ((decidedAt - healthyAt) / 1000)),
      relayedSeconds: (relayedAt - healthyAt) / 1000,
      relayedPerSecond: Math.round(RECORDS / ((relayedAt - healthyAt) / 1000)),
      // CPU per 1,000 records decided: less noisy than rates on a shared box.
      cpuMsPer1000: {
        node: Math.round(((cpuAtDecided.node - cpuAtHealthy.node) * 1e6) / RECORDS),
        postgres: Math.round(((cpuAtDecided.postgres - cpuAtHealthy.postgres) * 1e6) / RECORDS),
      },
      // Wall time per batch-transaction stage (summed over concurrent partitions), per 1,000 records.
      stageMsPer1000: Object.fromEntries(Object.entries(stagesAtDecided).map(([k, v]) => [k, Math.round((v * 1e6) / RECORDS)])),
      loadAverage: { start: loadAtStart, end: loadAverage() },
      serviceEnv: SERVICE_ENV,
      ...(await stats()),
    };
    process.stderr.write(`[bench:identity] replay: ${JSON.stringify(replay)}\n`);

    // ---- (a) sustained rate on the populated store ---------------------------------------------
    const producedAt = new Map<string, number>();
    const decisionMs: number[] = [];
    const visibleMs: number[] = [];
    const consumer = kit.kafka.consumer({ groupId: `${kit.prefix}bench-reader`, maxWaitTimeInMs: 50 });
    await consumer.connect();
    await consumer.subscribe({ topic: kit.identityTopic, fromBeginning: false });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => { joined = true; });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const seen = Date.now();
        const e = (await kit.codec.decode<ChildIdentityChanged>(message.value)).value;
        for (const k of e.affectedRecordKeys) {
          const at = producedAt.get(k);
          if (at === undefined) continue;
          producedAt.delete(k);
          decisionMs.push(e.envelope.recordedAt - at);
          visibleMs.push(seen - at);
        }
      },
    });
    while (!joined) await sleep(100);
    await sleep(3000); // the reader's offsets are set before anything is produced

    const tick = 100;
    const perTick = Math.max(1, Math.round((RATE * tick) / 1000));
    const startedSustained = Date.now();
    let sent = 0;
    let late = 0;
    for (let t = 0; sent < sustainedCount; t++) {
      const due = startedSustained + t * tick;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait); else late++;
      const events = [];
      for (let j = 0; j < perTick && sent < sustainedCount; j++, sent++) {
        const p = recordAt(RECORDS + sent);
        const now = Date.now();
        producedAt.set(`${p.source}|${p.sourceRecordId}`, now);
        events.push({ event: observed(p, `bench:${runId}:s${sent}`, now) });
      }
      await kit.produce(events);
    }
    const sustainedSeconds = (Date.now() - startedSustained) / 1000;
    const waitUntil = Date.now() + 60000;
    while (decisionMs.length < sent && Date.now() < waitUntil) await sleep(200);
    await consumer.disconnect();
    const sustained = {
      targetRate: RATE,
      seconds: SECONDS,
      produced: sent,
      achievedRate: Math.round(sent / sustainedSeconds),
      ticksLate: late,
      loadAverageEnd: loadAverage(),
      measured: decisionMs.length,
      decisionLatencyMs: { p50: pct(decisionMs, 50), p95: pct(decisionMs, 95), p99: pct(decisionMs, 99), max: pct(decisionMs, 100) },
      visibleLatencyMs: { p50: pct(visibleMs, 50), p95: pct(visibleMs, 95), p99: pct(visibleMs, 99), max: pct(visibleMs, 100) },
      ...(await stats()),
    };
    process.stderr.write(`[bench:identity] sustained: ${JSON.stringify(sustained)}\n`);

    const result = {
      benchmark: 'identity-stream',
      at: new Date().toISOString(),
      machine: 'shared 2-core box (other engineers\' processes running: timings are noisy)',
      data: `${path.relative(root, DATA)} (${fileRecords.length} records read; copies beyond the file are other children)`,
      definitions: {
        replay: 'N PersonObserved already on the topic; from the service being healthy to the last decision committed (decidedPerSecond) and to the outbox being empty, i.e. every identity event committed to Kafka (relayedPerSecond).',
        decisionLatencyMs: 'produce time (envelope.recordedAt of the input, stamped just before the send) → envelope.recordedAt of the identity event, stamped in the deciding transaction just before COMMIT.',
        visibleLatencyMs: 'produce time → the identity event read back from hub.identity.children.v1 by a read_committed consumer (decision + commit + relay Kafka transaction + fetch).',
      },
      targets: { replayPerSecond: 3000, replayRecords: 1_000_000, sustainedRate: 500, p99DecisionMs: 200 },
      replay,
      sustained,
      pass: {
        replayRate: replay.decidedPerSecond >= 3000,
        replayAtFullSize: RECORDS >= 1_000_000,
        sustainedP99: sustained.decisionLatencyMs.p99 !== null && sustained.decisionLatencyMs.p99 <= 200 && sustained.measured === sent,
      },
    };
    writeFileSync(path.join(root, 'bench', 'results', OUT), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(20000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await db.end().catch(() => undefined);
    await kit.dropTopics();
    await kit.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await kit.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:identity failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
