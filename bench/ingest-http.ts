/**
 * HTTP intake benchmark: court orders to `POST /v1/tribunals/orders` at a fixed rate (open loop:
 * a request is sent on schedule whether or not earlier ones have answered), against the intake
 * running as its own process over the local stack, in a fresh namespace (DB schema + topic
 * prefix). Latency is per request, from sending to the 202 (the record durable in the PostgreSQL
 * outbox). Afterwards it waits for the relay to drain the outbox and reads the topic back with
 * read_committed: every accepted record must be there exactly once.
 *
 *   node -r @swc-node/register bench/ingest-http.ts [--rate 1000] [--duration 20] [--warmup 5] [--sockets 128]
 *
 * Writes bench/results/ingest-http.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { formatRun, mulberry32, syntheticRun, COMUNAS } from '../services/platform/chile';
import { createIntakeWorld, type IntakeWorld } from '../connectors/intake/testing/intake-fixture';
import { waitHealthy } from '../infra/supervisor/wait-healthy';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RATE = arg('rate', 1000);
const DURATION_S = arg('duration', 20);
const WARMUP_S = arg('warmup', 5);
const SOCKETS = arg('sockets', 128);
const TICK_MS = 2;

const root = path.resolve(__dirname, '..');
const GIVEN = ['Sofía', 'Mateo', 'Agustina', 'Benjamín', 'Isidora', 'Vicente', 'Josefa', 'Martín', 'Emilia', 'Tomás'];
const SURNAMES = ['González', 'Muñoz', 'Rojas', 'Díaz', 'Pérez', 'Soto', 'Contreras', 'Silva', 'Martínez', 'Sepúlveda'];

/** Distinct synthetic admission orders of court 1301, as JSON bodies, prepared before the clock starts. */
function orders(n: number): string[] {
  const random = mulberry32(20241121);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => JSON.stringify({
    id_registro: `RES-BENCH-${i}`, cod_tribunal: '1301', tipo_tribunal: 'FAMILIA', rit: `P-${1000 + (i % 9000)}-2024`,
    fecha_resolucion: `${String(1 + (i % 28)).padStart(2, '0')}-03-2024 10:30`, materia: 'MEDIDA_PROTECCION', modalidad_destino: 'CTD', regimen_destino: 'Residencial',
    id_nna: `NNA-${i}`, run_nna: formatRun(syntheticRun(random).body, { dots: true }), nombres: pick(GIVEN), apellido_paterno: pick(SURNAMES), apellido_materno: pick(SURNAMES),
    fecha_nacimiento: `${String(1 + Math.floor(random() * 28)).padStart(2, '0')}-0${1 + Math.floor(random() * 9)}-${2008 + Math.floor(random() * 10)}`,
    sexo: random() < 0.5 ? 'F' : 'M', comuna_residencia: pick(COMUNAS).code,
  }));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Sample { readonly at: number; readonly ms: number; readonly status: number }

function send(agent: http.Agent, port: number, token: string, body: string): Promise<Omit<Sample, 'at'>> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.request({
      agent, host: '127.0.0.1', port, method: 'POST', path: '/v1/tribunals/orders',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.statusCode ?? 0 }));
    });
    req.on('error', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: 0 }));
    req.end(body);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const total = Math.round(RATE * (WARMUP_S + DURATION_S));
  const bodies = orders(total);
  const stamp = Date.now().toString(36);
  process.stdout.write(`preparing namespace bench-http-${stamp}…\n`);
  const world: IntakeWorld = await createIntakeWorld('bhttp', { ...process.env, HUB_DB_SCHEMA: `bench_${stamp}`, HUB_TOPIC_PREFIX: `bench-${stamp}.` });
  let child: ChildProcess | undefined;
  try {
    const { token } = await world.credential('TRIBUNAL', '1301');
    const port = await freePort();
    let output = '';
    child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'connectors/intake/main.ts')], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...world.env, HTTP_PORT: String(port), LOG_LEVEL: 'warn', SWC_NODE_PROJECT: path.join(root, 'tsconfig.json') },
    });
    child.stdout!.on('data', (d) => { output += String(d); });
    child.stderr!.on('data', (d) => { output += String(d); });
    if (!(await waitHealthy(`http://127.0.0.1:${port}`, 90000, () => child!.exitCode === null))) throw new Error(`intake did not start:\n${output}`);

    const agent = new http.Agent({ keepAlive: true, maxSockets: SOCKETS });
    const samples: Sample[] = [];
    const inFlight: Promise<void>[] = [];
    process.stdout.write(`driving ${RATE} req/s for ${WARMUP_S} s warm-up + ${DURATION_S} s measured (${total} orders)…\n`);
    const t0 = performance.now();
    let sent = 0;
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
        for (; sent < due; sent++) {
          const at = (performance.now() - t0) / 1000;
          inFlight.push(send(agent, port, token, bodies[sent]!).then((r) => { samples.push({ at, ...r }); }));
        }
        if (sent >= total) { clearInterval(tick); resolve(); }
      }, TICK_MS);
    });
    await Promise.all(inFlight);
    const sendSeconds = (performance.now() - t0) / 1000;
    agent.destroy();

    const measured = samples.filter((s) => s.at >= WARMUP_S);
    const ok = measured.filter((s) => s.status === 202);
    const latencies = ok.map((s) => s.ms).sort((a, b) => a - b);
    const accepted = samples.filter((s) => s.status === 202).length;
    const errors = samples.filter((s) => s.status !== 202).length;

    process.stdout.write('waiting for the relay to drain the outbox…\n');
    const drainStart = performance.now();
    while ((await world.outboxDepth()) > 0) await new Promise((r) => setTimeout(r, 100));
    const drainSeconds = (performance.now() - drainStart) / 1000;
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const onKafka = (await world.readTopic('hub.tribunal.events.v1')).map((m) => m.eventId);
    const publishedOnKafka = new Set(onKafka).size;

    const result = {
      benchmark: 'ingest-http',
      route: 'POST /v1/tribunals/orders',
      targetRequestsPerSecond: RATE,
      requestsPerSecond: Math.round(ok.length / DURATION_S),
      p50Ms: Number(percentile(latencies, 50).toFixed(2)),
      p99Ms: Number(percentile(latencies, 99).toFixed(2)),
      maxMs: Number((latencies[latencies.length - 1] ?? 0).toFixed(2)),
      errors,
      durationS: DURATION_S,
      warmupS: WARMUP_S,
      sent: samples.length,
      accepted,
      publishedOnKafka,
      duplicatesOnKafka: onKafka.length - publishedOnKafka,
      outboxDrainAfterLoadS: Number(drainSeconds.toFixed(2)),
      sendWindowS: Number(sendSeconds.toFixed(2)),
      commitBatch: histogramMean(metrics, 'hub_intake_commit_batch_size'),
      relayDelayMeanS: histogramMean(metrics, 'hub_intake_relay_delay_seconds'),
      setup: 'intake as a child process (swc), keep-alive sockets from one load-generator process, same machine as Kafka, the registry and PostgreSQL',
      machine: { cpus: os.cpus().length, node: process.version },
      at: new Date().toISOString(),
    };
    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    writeFileSync(path.join(__dirname, 'results', 'ingest-http.json'), JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (publishedOnKafka !== accepted || result.duplicatesOnKafka !== 0) throw new Error(`Kafka holds ${publishedOnKafka} events (${result.duplicatesOnKafka} repeated) for ${accepted} accepted records`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await world.close({ topics: true });
  }
}

/** Mean of a Prometheus histogram from its _sum and _count lines. */
function histogramMean(text: string, name: string): number | null {
  const value = (suffix: string) => Number(new RegExp(`^${name}_${suffix}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
  const mean = value('sum') / value('count');
  return Number.isFinite(mean) ? Number(mean.toFixed(4)) : null;
}

main().then(() => process.exit(0), (err: unknown) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
