/**
 * End-to-end benchmark (issue 8 §4): from the connector intake to the municipality's webhook, with
 * every hub service as its own OS process (the Supervisor of `hub start`), over the local stack, in
 * a fresh namespace (topic prefix + PostgreSQL schema, prepared like `hub prepare`, removed after).
 *
 *  1. Municipalities: one real webhook receiver per comuna of the population, subscribed through
 *     the subscriptions API with that comuna's MUNICIPALITY credential.
 *  2. Population (setup, reported apart): one SENAME admission per child through
 *     `POST /v1/sename/admissions` at --admit-rate; each new child goes intake → dedup →
 *     PersonObserved → identity → case-status → subscriptions; done when every case was delivered.
 *  3. Steps at fixed input rates (open loop, --rate or --ramp): SENAME stay records of those known
 *     children, round-robin over the children, each child's stays following the lifecycle
 *     admission → diagnosis → brief plan → escalation → egress proposal → egress → a new stay…
 *     Every one of them changes its case's state, so each must yield a municipal delivery.
 *     Latency = webhook receipt − the intake's 202 (record durable in the intake outbox). An event
 *     counts as delivered by the first delivery of its case whose state is at or past the event's
 *     stage (two events of one case handled in one batch yield one delivery reflecting both).
 *     lost = events never delivered after the drain; duplicated = deliveries of the same update
 *     (case, version, type, rule) under two delivery ids (re-sends of one delivery id are retries,
 *     e.g. after a timeout or a restart, and reported apart: the receivers dedupe on the id).
 *  Per step: input achieved, p50/p95/p99, load average, CPU seconds of every service process (from
 *  /proc/<pid>/stat), of the stack's processes and of this process (load generator + receivers).
 *
 *   npm run bench:e2e -- [--rate 2000] [--seconds 30] [--ramp 500,1000,2000] [--children 5000]
 *                        [--comunas 16] [--admit-rate 300] [--drain 60] [--stall 30] [--sockets 256] [--keep-logs]
 *
 * Writes bench/results/e2e.json. Synthetic data only.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { HUB_SERVICES, LOCAL_HOST } from '../infra/services';
import { Supervisor } from '../infra/supervisor/supervisor';
import { createIntakeWorld, type IntakeWorld } from '../connectors/intake/testing/intake-fixture';
import { COMUNAS, formatRun, mulberry32, syntheticRun } from '../services/platform/chile';
import { startReceiver, type Receiver } from '../services/subscriptions/testing/receiver';

const argOf = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
const arg = (name: string, fallback: number) => Number(argOf(name) ?? fallback);
const RATES = (argOf('ramp') ?? String(arg('rate', 2000))).split(',').map(Number).filter((r) => r > 0);
const SECONDS = arg('seconds', 30);
const CHILDREN = arg('children', 5000);
const COMUNA_COUNT = arg('comunas', 16);
const ADMIT_RATE = arg('admit-rate', 300);
const DRAIN_S = arg('drain', 60);
/** The drain also ends when no delivery arrived for this long (lost ones never come). */
const STALL_S = arg('stall', 30);
const SOCKETS = arg('sockets', 256);
const P99_LIMIT_MS = 1000;
const TICK_MS = 5;
const PROGRAMME = '1130045';
const DAY = 86_400_000;

const root = path.resolve(__dirname, '..');
const say = (s: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- the stream: stays of known children -----------------------------------------------------

/** A stay's records in order; each moves the case to the state(s) of its stage. */
const STAGES = [
  { path: 'admissions', states: null },
  { path: 'diagnoses', states: ['REPORTED_TO_COURT'] },
  { path: 'intervention-plans', states: ['IN_INTERVENTION_BRIEF'] },
  { path: 'escalations', states: ['IN_INTERVENTION_SPECIALISED'] },
  { path: 'egress-proposals', states: ['EGRESS_PROPOSED'] },
  { path: 'egresses', states: ['DISCHARGED', 'IN_FOLLOW_UP', 'CLOSED'] },
] as const;

/** Stage a delivered state stands for (how far the stay has got), or -1. */
function stageOfState(state: string | undefined): number {
  if (state === undefined) return -1;
  for (let s = STAGES.length - 1; s >= 1; s--) if ((STAGES[s]!.states as readonly string[]).includes(state)) return s;
  return 0;
}

interface Child { readonly idNna: string; readonly person: Record<string, string>; stays: number; stage: number; step: number }

const GIVEN = ['Sofía', 'Mateo', 'Agustina', 'Benjamín', 'Isidora', 'Vicente', 'Josefa', 'Martín', 'Emilia', 'Tomás'];
const SURNAMES = ['González', 'Muñoz', 'Rojas', 'Díaz', 'Pérez', 'Soto', 'Contreras', 'Silva', 'Martínez', 'Sepúlveda'];

function population(tag: string, n: number, comunas: readonly string[]): Child[] {
  const random = mulberry32(20261121);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => ({
    idNna: `SNF-${tag}-${i}`, stays: 0, stage: -1, step: 0,
    person: {
      id_nna: `SNF-${tag}-${i}`, run_nna: formatRun(syntheticRun(random).body, { dots: true }), nombres: pick(GIVEN),
      apellido_paterno: pick(SURNAMES), apellido_materno: pick(SURNAMES),
      fecha_nacimiento: `${String(1 + Math.floor(random() * 28)).padStart(2, '0')}-0${1 + Math.floor(random() * 9)}-${2008 + Math.floor(random() * 10)}`,
      sexo: random() < 0.5 ? 'F' : 'M', comuna_residencia: comunas[i % comunas.length]!,
    },
  }));
}

/** Chile local time as the connectors take it (DD-MM-AAAA HH:MM); UTC−4 is close enough for ordering. */
function chileTime(ms: number): string {
  const d = new Date(ms - 4 * 3600_000);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${p(d.getUTCDate())}-${p(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

interface Planned { readonly path: string; readonly body: string; readonly caseId: string; readonly stage: number }

/** The child's next record: the next stage of its current stay, or a new stay. Two days apart, from `base`. */
function nextRecord(c: Child, tag: string, base: number): Planned {
  if (c.stage < 0 || c.stage === STAGES.length - 1) { c.stays += 1; c.stage = 0; } else c.stage += 1;
  const stay = `ING-${tag}-${c.idNna.split('-').pop()}-${c.stays}`;
  const at = chileTime(base + c.step * 2 * DAY);
  c.step += 1;
  const id = `${stay}-${c.stage}`;
  const common = { id_registro: id, cod_programa: PROGRAMME, id_caso: stay, fecha_evento: at, ...c.person };
  const court = { cod_tribunal: '1301', tipo_tribunal: 'FAMILIA', rit: `P-${1000 + (c.stays % 9000)}-2024` };
  const kinds: Record<string, unknown>[] = [
    { ...court, modalidad: 'CTD', regimen: 'RESIDENCIAL', administracion: 'AADD', tipo_ingreso: 'ORDEN_TRIBUNAL' },
    { ...court, tipo_diagnostico: 'DIAGNOSTICO', ambitos: 'INDIVIDUAL|FAMILIAR', recomendacion: 'INTERVENCION_BREVE' },
    { tipo_plan: 'BREVE', ejes: 'INDIVIDUAL|FAMILIAR' },
    { tipo_plan_origen: 'BREVE', tipo_plan_destino: 'ESPECIALIZADA', id_plan_origen: `${stay}-2` },
    { ...court, destino_propuesto: 'FAMILIA_ORIGEN', causal_propuesta: 'CUMPLIMIENTO_OBJETIVOS_PII' },
    { ...court, causal: 'CUMPLIMIENTO_OBJETIVOS_PII', destino: 'FAMILIA_ORIGEN' },
  ];
  return { path: `/v1/sename/${STAGES[c.stage]!.path}`, body: JSON.stringify({ ...common, ...kinds[c.stage] }), caseId: `C:${PROGRAMME}:${stay}`, stage: c.stage };
}

// ---- HTTP load, receivers -----------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, LOCAL_HOST, () => { const port = (s.address() as { port: number }).port; s.close(() => resolve(port)); });
  });
}

function post(agent: http.Agent, port: number, token: string, p: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = http.request({
      agent, host: LOCAL_HOST, port, method: 'POST', path: p,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
    }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { if (text.length < 2000) text += String(d); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', (e) => resolve({ status: 0, text: e.message }));
    req.end(body);
  });
}

interface Sent { readonly caseId: string; readonly stage: number; acceptedAt: number; status: number }

/** Sends `next()` records at `rate`/s for `seconds` (open loop); resolves when every answer is in. */
async function drive(agent: http.Agent, port: number, token: string, rate: number, seconds: number, next: () => Planned, errors: string[]): Promise<{ sent: Sent[]; lateTicks: number; sendSeconds: number }> {
  const total = Math.round(rate * seconds);
  const sent: Sent[] = [];
  const inFlight: Promise<void>[] = [];
  let lateTicks = 0;
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    let last = t0;
    const tick = setInterval(() => {
      const now = performance.now();
      if (now - last > 50) lateTicks += 1;
      last = now;
      const due = Math.min(total, Math.floor(((now - t0) / 1000) * rate));
      while (sent.length < due) {
        const r = next();
        const s: Sent = { caseId: r.caseId, stage: r.stage, acceptedAt: NaN, status: 0 };
        sent.push(s);
        inFlight.push(post(agent, port, token, r.path, r.body).then((a) => {
          s.status = a.status;
          s.acceptedAt = Date.now();
          if (a.status !== 202 && errors.length < 5) errors.push(`${a.status} ${a.text.slice(0, 300)}`);
        }));
      }
      if (sent.length >= total) { clearInterval(tick); resolve(); }
    }, TICK_MS);
  });
  await Promise.all(inFlight);
  return { sent, lateTicks, sendSeconds: (performance.now() - t0) / 1000 };
}

interface Delivery { readonly at: number; readonly stage: number }

/** Deliveries per case id, read from every receiver since `from` (index per receiver). */
function deliveriesByCase(receivers: readonly Receiver[], from: readonly number[] = []): Map<string, Delivery[]> {
  const out = new Map<string, Delivery[]>();
  receivers.forEach((r, i) => {
    for (const x of r.received.slice(from[i] ?? 0)) {
      const c = x.body.case as { caseId?: string; state?: string } | undefined;
      const caseId = (x.body.caseId as string | undefined) ?? c?.caseId;
      if (!caseId) continue;
      let list = out.get(caseId);
      if (!list) out.set(caseId, (list = []));
      list.push({ at: x.at, stage: stageOfState(c?.state) });
    }
  });
  for (const l of out.values()) l.sort((a, b) => a.at - b.at);
  return out;
}

/** Latency of every accepted record: its case's first delivery at or past its stage. */
function match(sent: readonly Sent[], byCase: Map<string, Delivery[]>): { latencies: number[]; lost: number } {
  const latencies: number[] = [];
  let lost = 0;
  for (const s of sent) {
    if (s.status !== 202) continue;
    const d = byCase.get(s.caseId)?.find((x) => x.stage >= s.stage);
    if (d) latencies.push(d.at - s.acceptedAt); else lost += 1;
  }
  return { latencies, lost };
}

function pct(sorted: readonly number[], p: number): number | null {
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Waits until every accepted record is delivered, or nothing new arrived for STALL_S, or `maxS`. */
async function drain(sent: readonly Sent[], receivers: readonly Receiver[], from: readonly number[], maxS: number): Promise<number> {
  const t0 = performance.now();
  let lastCount = -1;
  let lastChange = performance.now();
  for (;;) {
    const count = receivers.reduce((n, r) => n + r.received.length, 0);
    if (count !== lastCount) { lastCount = count; lastChange = performance.now(); }
    const { lost } = match(sent, deliveriesByCase(receivers, from));
    if (lost === 0 || performance.now() - lastChange > STALL_S * 1000 || performance.now() - t0 > maxS * 1000) return (performance.now() - t0) / 1000;
    await sleep(500);
  }
}

/**
 * A service is up once its /health answers at all: it listens only after its consumers and relays
 * started. On a saturated machine a dependency check may time out (503) for a while; the steps
 * measure what the pipeline does anyway, so this does not wait for a 200 (waitHealthy).
 */
async function waitListening(baseUrl: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(10_000) });
      return true;
    } catch {
      await sleep(500);
    }
  }
  return false;
}

// ---- CPU accounting -----------------------------------------------------------------------------

const CLK_TCK = 100;

function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK; // utime, stime (fields 14, 15)
  } catch {
    return NaN;
  }
}

/** Pid of the process listening on a local TCP port (the shared stack's Kafka, registry), from /proc/net/tcp; read-only. */
function listenerPid(port: number): number | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try { text = readFileSync(file, 'utf8'); } catch { continue; }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${hex}`) && f[3] === '0A') inodes.add(f[9]!);
    }
  }
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let fds: string[] = [];
    try { fds = readdirSync(`/proc/${d}/fd`); } catch { continue; }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${d}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(d);
      } catch { /* gone */ }
    }
  }
  return undefined;
}

/** Every PostgreSQL process (postmaster and backends: shared with other engineers' work). */
function postgresPids(): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try { if (/^postgres\b/.test(readFileSync(`/proc/${d}/comm`, 'utf8'))) out.push(Number(d)); } catch { /* gone */ }
  }
  return out;
}

function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return (cpu[0]! + cpu[1]! + cpu[2]! + cpu[5]! + cpu[6]! + cpu[7]!) / CLK_TCK; // user nice system irq softirq steal
}

/** CPU seconds per label and pid: a delta only counts pids alive at both samples. */
type CpuSample = Record<string, Map<number, number>>;

function cpuSample(groups: Record<string, readonly (number | undefined)[]>): CpuSample {
  const own = process.cpuUsage();
  const s: CpuSample = { bench: new Map([[process.pid, (own.user + own.system) / 1e6]]), machine: new Map([[0, machineBusySeconds()]]) };
  for (const [label, pids] of Object.entries({ ...groups, 'stack:postgres (all, shared)': postgresPids() })) {
    const m = new Map<number, number>();
    for (const pid of pids) if (pid !== undefined) { const c = cpuSecondsOf(pid); if (Number.isFinite(c)) m.set(pid, c); }
    s[label] = m;
  }
  return s;
}

function cpuDelta(a: CpuSample, b: CpuSample, seconds: number): Record<string, { seconds: number; cores: number }> {
  const out: Record<string, { seconds: number; cores: number }> = {};
  for (const [label, after] of Object.entries(b)) {
    let d = 0;
    for (const [pid, v] of after) { const before = a[label]?.get(pid); if (before !== undefined) d += Math.max(0, v - before); }
    out[label] = { seconds: Number(d.toFixed(1)), cores: Number((d / seconds).toFixed(2)) };
  }
  return out;
}

// ---- main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const stamp = Date.now().toString(36);
  const tag = stamp.slice(-5);
  say(`preparing namespace bench-e2e-${stamp}… (migrations, topics, schemas)`);
  const world: IntakeWorld = await createIntakeWorld('e2e', { ...process.env, HUB_DB_SCHEMA: `bench_e2e_${stamp}`, HUB_TOPIC_PREFIX: `bench-e2e-${stamp}.`, LOG_LEVEL: 'warn' });
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'hub-bench-e2e-'));
  const ports: Record<string, number> = {};
  for (const s of HUB_SERVICES) ports[s.name] = await freePort();
  const portEnv = Object.fromEntries(HUB_SERVICES.map((s) => [`HUB_${s.name.toUpperCase().replace(/-/g, '_')}_PORT`, String(ports[s.name])]));
  const restarts: string[] = [];
  const supervisor = new Supervisor({
    root, logDir, production: false, env: { ...world.env, ...portEnv, LOG_LEVEL: 'warn' },
    onRestart: (name, code) => { restarts.push(`${name} exited ${code}`); say(`service ${name} exited (${code}); restarting`); },
  });
  const receivers: Receiver[] = [];
  const requests: number[] = [];
  try {
    const comunas = COMUNAS.filter((c) => c.code.startsWith('13')).slice(0, COMUNA_COUNT).map((c) => c.code);
    const sename = await world.credential('SENAME', PROGRAMME);

    say(`starting ${HUB_SERVICES.length} services (${HUB_SERVICES.map((s) => s.name).join(', ')}); logs in ${logDir}`);
    for (const s of HUB_SERVICES) supervisor.start(s, { HTTP_PORT: String(ports[s.name]) });
    const healthy = await Promise.all(HUB_SERVICES.map((s) => waitListening(`http://${LOCAL_HOST}:${ports[s.name]}`, 600_000)));
    const down = HUB_SERVICES.filter((_, i) => !healthy[i]).map((s) => s.name);
    if (down.length > 0) throw new Error(`services not healthy: ${down.join(', ')} (logs in ${logDir})`);
    const portOf = (hostPort: string) => Number(/:(\d+)(?:\/|$)/.exec(hostPort)?.[1]);
    const stack = { 'stack:kafka': listenerPid(portOf(world.config.KAFKA_BROKERS[0]!)), 'stack:registry': listenerPid(portOf(world.config.SCHEMA_REGISTRY_URL)) };
    // Re-read at every sample: a restarted service has a new pid.
    const pids = () => ({ ...Object.fromEntries(Object.entries(supervisor.pids()).map(([k, v]) => [k, [v]])), ...Object.fromEntries(Object.entries(stack).map(([k, v]) => [k, [v]])) });

    say(`subscribing ${comunas.length} municipal receivers…`);
    for (const [i, comuna] of comunas.entries()) {
      const secret = `bench-e2e-secret-${i}-0123456789`;
      requests.push(0);
      receivers.push(await startReceiver(secret, { status: () => { requests[i] = requests[i]! + 1; return 200; } }));
      const { token } = await world.credential('MUNICIPALITY', comuna);
      const res = await fetch(`http://${LOCAL_HOST}:${ports.subscriptions}/v1/subscriptions`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ comunaCode: comuna, url: receivers[i]!.url, secret }),
      });
      if (res.status !== 201) throw new Error(`subscription for ${comuna} refused: ${res.status} ${await res.text()}`);
    }

    const agent = new http.Agent({ keepAlive: true, maxSockets: SOCKETS });
    const intakePort = ports.intake!;
    const children = population(tag, CHILDREN, comunas);
    const plannedStages = CHILDREN + Math.ceil(RATES.reduce((n, r) => n + r * SECONDS, 0) / CHILDREN) + 2;
    const base = Date.now() - (plannedStages * 2 + 10) * DAY;
    const errors: string[] = [];

    // 2. Population: one admission per child (new children: identity is on this path).
    say(`population: ${CHILDREN} children admitted at ${ADMIT_RATE}/s (through identity)…`);
    let admitted = 0;
    const cpuA = cpuSample(pids());
    const tA = performance.now();
    const adm = await drive(agent, intakePort, sename.token, ADMIT_RATE, CHILDREN / ADMIT_RATE, () => nextRecord(children[admitted++]!, tag, base), errors);
    const drainA = await drain(adm.sent, receivers, [], Math.max(DRAIN_S, 180));
    const popSeconds = (performance.now() - tA) / 1000;
    const mA = match(adm.sent, deliveriesByCase(receivers));
    const sortedA = [...mA.latencies].sort((a, b) => a - b);
    const populationResult = {
      children: CHILDREN, rate: ADMIT_RATE, accepted: adm.sent.filter((s) => s.status === 202).length, delivered: mA.latencies.length, lost: mA.lost,
      p50Ms: pct(sortedA, 50), p99Ms: pct(sortedA, 99), drainSeconds: Number(drainA.toFixed(1)),
      cpu: cpuDelta(cpuA, cpuSample(pids()), popSeconds), loadAverage: os.loadavg().map((x) => Number(x.toFixed(1))),
    };
    say(`population: ${JSON.stringify({ ...populationResult, cpu: undefined })}`);
    if (mA.lost > 0) say(`WARNING: ${mA.lost} admissions were not delivered; their children's later records will count as lost too`);

    // 3. Steps at fixed rates over the known children.
    const steps = [];
    let cursor = 0;
    const next = () => nextRecord(children[cursor++ % CHILDREN]!, tag, base);
    for (const rate of RATES) {
      const from = receivers.map((r) => r.received.length);
      const load0 = os.loadavg();
      const cpu0 = cpuSample(pids());
      const t0 = performance.now();
      say(`step ${rate}/s for ${SECONDS} s…`);
      const run = await drive(agent, intakePort, sename.token, rate, SECONDS, next, errors);
      const cpu1 = cpuSample(pids());
      const windowS = (performance.now() - t0) / 1000;
      const load1 = os.loadavg();
      const drainS = await drain(run.sent, receivers, from, DRAIN_S);
      const byCase = deliveriesByCase(receivers, from);
      const m = match(run.sent, byCase);
      const sorted = [...m.latencies].sort((a, b) => a - b);
      const accepted = run.sent.filter((s) => s.status === 202).length;
      const step = {
        targetRate: rate, seconds: SECONDS, sent: run.sent.length, accepted, rejected: run.sent.length - accepted,
        acceptedPerSecond: Math.round(accepted / run.sendSeconds), generatorLateTicks: run.lateTicks,
        delivered: m.latencies.length, lost: m.lost,
        p50Ms: pct(sorted, 50), p95Ms: pct(sorted, 95), p99Ms: pct(sorted, 99), maxMs: pct(sorted, 100),
        deliveriesReceived: receivers.reduce((n, r, i) => n + r.received.length - from[i]!, 0),
        drainSeconds: Number(drainS.toFixed(1)),
        loadAverageStart: load0.map((x) => Number(x.toFixed(1))), loadAverageEnd: load1.map((x) => Number(x.toFixed(1))),
        cpuDuringSend: cpuDelta(cpu0, cpu1, windowS),
        sustained: false,
      };
      step.sustained = step.lost === 0 && step.rejected === 0 && step.acceptedPerSecond >= 0.97 * rate && (step.p99Ms ?? Infinity) <= P99_LIMIT_MS;
      steps.push(step);
      say(`step ${rate}/s: ${JSON.stringify({ ...step, cpuDuringSend: undefined })}`);
      say(`  cpu cores: ${Object.entries(step.cpuDuringSend).map(([k, v]) => `${k} ${v.cores}`).join(', ')}`);
    }

    // Duplicates over the whole run.
    const byUpdate = new Map<string, Set<string>>();
    for (const r of receivers) for (const x of r.received) {
      const c = x.body.case as { version?: number } | undefined;
      const key = [x.type, x.body.caseId ?? '', c?.version ?? '', x.body.deadlineRuleId ?? '', x.childId, x.type === 'CHILD_ENTERED_TERRITORY' || x.type === 'CHILD_LEFT_TERRITORY' ? x.body.occurredAt : ''].join('|');
      let ids = byUpdate.get(key);
      if (!ids) byUpdate.set(key, (ids = new Set()));
      ids.add(x.deliveryId);
    }
    const sameUpdateTwice = [...byUpdate.values()].reduce((n, ids) => n + ids.size - 1, 0);
    // Same delivery id sent again: a retry (the hub did not see the 200 in time: timeout, restart); receivers dedupe on the id.
    const sameIdRedeliveries = receivers.reduce((n, r, i) => n + requests[i]! - r.received.length, 0);
    const best = [...steps].filter((s) => s.sustained).sort((a, b) => b.targetRate - a.targetRate)[0];
    const headline = best ?? [...steps].sort((a, b) => a.targetRate - b.targetRate)[0]!;
    const result = {
      benchmark: 'e2e',
      eventsPerSecond: best ? best.acceptedPerSecond : 0,
      p50Ms: headline.p50Ms, p99Ms: headline.p99Ms, lost: steps.reduce((n, s) => n + s.lost, 0), duplicated: sameUpdateTwice,
      headlineStep: best ? `highest sustained step (${best.targetRate}/s)` : `no step sustained; figures of the lowest step (${headline.targetRate}/s)`,
      target: { eventsPerSecond: 2000, p99Ms: P99_LIMIT_MS, met: !!best && best.targetRate >= 2000 },
      definitions: {
        latency: 'webhook receipt at the municipal receiver − 202 of the intake (record durable in its outbox); an event is delivered by the first delivery of its case at or past its lifecycle stage',
        sustained: 'lost = 0, no rejected request, accepted ≥ 97 % of the target rate, p99 ≤ 1000 ms',
        duplicated: 'deliveries of one update (type, case, version, deadline rule) under two different delivery ids (idempotency keys), over the whole run; re-sends of one delivery id are retries, counted apart',
        path: 'intake (HTTP → outbox → relay) → hub.sename.events.v1 → case-status (and dedup in parallel) → hub.case.updates.v1 → subscriptions → webhook; identity only for the population phase (new children)',
      },
      duplicates: { sameUpdateUnderTwoIds: sameUpdateTwice, sameIdRedeliveries },
      population: populationResult,
      steps,
      restarts,
      requestErrors: errors,
      setup: `every hub service as its own process (Supervisor, swc), ${comunas.length} municipal webhook receivers and the load generator in this process, Kafka, the registry and PostgreSQL on the same ${os.cpus().length}-core machine, shared with other engineers' work`,
      machine: { cpus: os.cpus().length, node: process.version },
      at: new Date().toISOString(),
    };
    agent.destroy();
    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    writeFileSync(path.join(__dirname, 'results', 'e2e.json'), `${JSON.stringify(result, null, 2)}\n`);
    say(JSON.stringify({ ...result, steps: undefined, population: undefined }, null, 2));
  } finally {
    say('stopping services, removing the namespace…');
    await supervisor.stopAll();
    for (const r of receivers) await r.close();
    await world.close({ topics: true }).catch((e: unknown) => say(`cleanup failed: ${String(e)}`));
    if (!process.argv.includes('--keep-logs')) rmSync(logDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (err: unknown) => { process.stderr.write(`bench:e2e failed: ${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
