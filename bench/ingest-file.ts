/**
 * `npm run bench:ingest` (file part): imports N school enrollment rows (default 1,000,000) from a
 * native CSV into Kafka through the real `hub import` path (validate, map, Avro, transactional
 * publish with acks=all), against the running local stack, in a fresh topic namespace; then
 * counts what landed on the topics and writes bench/results/ingest-file.json.
 *
 *   npm run bench:ingest:file -- [--rows N] [--runs R] [--batch B] [--in-process]
 *
 * Besides wall time, each run records CPU seconds of the whole process and of its main thread
 * (Linux /proc): on a shared, busy machine wall time mostly measures the neighbours, while CPU
 * per record shows what the import itself costs and which thread bounds it. `--in-process`
 * prepares batches on the main thread instead of the worker thread, for comparison.
 *
 * Only the full 1,000,000-row run writes bench/results/ingest-file.json (the figure);
 * smaller runs write bench/results/ingest-file.tmp.json (git-ignored). Each run's topics and
 * registry subjects are deleted afterwards (disk is limited).
 */
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { TOPICS } from '../schemas/topics';
import { SCHOOL_CONNECTOR } from '../connectors/school';
import { formatRun, mulberry32, syntheticRun, COMUNAS } from '../services/platform/chile';
import { loadConfig } from '../services/platform/config/load-config';
import { hubConfigSchema } from '../services/platform/config/hub-config';
import { createLogger } from '../services/platform/logging/create-logger';
import { createKafka } from '../services/platform/kafka/create-kafka';
import { prepareHub } from '../infra/bootstrap/prepare-hub';
import { importFile } from '../infra/import/import-file';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 1_000_000);
const RUNS = arg('runs', 1);
const BATCH = arg('batch', 4000);
const FULL = 1_000_000;
const IN_PROCESS = process.argv.includes('--in-process');

const GIVEN = ['Sofía', 'Mateo', 'Agustina', 'Benjamín', 'Isidora', 'Vicente', 'Josefa', 'Martín', 'Emilia', 'Tomás'];
const SURNAMES = ['González', 'Muñoz', 'Rojas', 'Díaz', 'Pérez', 'Soto', 'Contreras', 'Silva', 'Martínez', 'Sepúlveda', 'Núñez', 'De la Fuente'];

/** A SIGE-like enrollment export: UTF-8, `,`, one MATRICULA per child. Synthetic people only. */
async function writeEnrollments(file: string, rows: number): Promise<void> {
  const random = mulberry32(20240301);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const out = createWriteStream(file);
  out.write('tipo,id_registro,rbd,anio_escolar,fecha_evento,curso,id_nna,run_nna,nombres,apellido_paterno,apellido_materno,fecha_nacimiento,sexo,comuna_residencia\n');
  for (let i = 0; i < rows; i++) {
    const run = syntheticRun(random);
    const born = `${String(1 + Math.floor(random() * 28)).padStart(2, '0')}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${2006 + Math.floor(random() * 12)}`;
    const line = `MATRICULA,MAT-${i},${1000 + (i % 9000)},2024,04-03-2024 08:30,${1 + (i % 8)}° básico,NNA-${i},${formatRun(run.body, { dots: true })},`
      + `${pick(GIVEN)},${pick(SURNAMES)},${pick(SURNAMES)},${born},${random() < 0.5 ? 'F' : 'M'},${pick(COMUNAS).code}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function main(): Promise<void> {
  const base = loadConfig(hubConfigSchema, process.env);
  const log = createLogger({ service: 'bench-ingest-file', level: 'fatal' });
  // Other processes' load (1, 5, 15 min): wall figures on a shared machine mean little without it.
  const loadAtStart = os.loadavg().map((x) => Number(x.toFixed(1)));
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-ingest-'));
  const file = path.join(dir, 'colegios.csv');
  process.stdout.write(`writing ${ROWS.toLocaleString('en-US')} enrollment rows…\n`);
  await writeEnrollments(file, ROWS);
  const runs: { recordsPerSecond: number; seconds: number; onKafka: number; cpuMicrosPerRecord: number; mainThreadCpuMicrosPerRecord: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    // A fresh namespace per run: its own topics and checkpoints, so the file is imported from scratch.
    const ns = `bench_${Date.now().toString(36)}`;
    const config = { ...base, HUB_TOPIC_PREFIX: `${ns}.`, HUB_DB_SCHEMA: ns };
    await withDb(base.DATABASE_URL, `CREATE SCHEMA IF NOT EXISTS "${ns}"`);
    await prepareHub(config, log);
    await withDb(base.DATABASE_URL, `DROP SCHEMA "${ns}" CASCADE`);
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    const main0 = mainThreadCpuSeconds();
    const result = await importFile({ config, spec: SCHOOL_CONNECTOR, file, log, batchSize: BATCH, inProcess: IN_PROCESS });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const mainThread = mainThreadCpuSeconds() - main0;
    const onKafka = await committedCount(config.KAFKA_BROKERS, config.HUB_TOPIC_PREFIX + TOPICS.schoolEvents.name, log);
    await dropTopics(config.KAFKA_BROKERS, config.HUB_TOPIC_PREFIX, log);
    await dropSubjects(config.SCHEMA_REGISTRY_URL, config.HUB_TOPIC_PREFIX);
    if (result.reconciliation.published !== ROWS || onKafka !== ROWS) throw new Error(`lost records: published ${result.reconciliation.published}, on Kafka ${onKafka}, expected ${ROWS}`);
    runs.push({
      recordsPerSecond: Math.round(ROWS / seconds), seconds: Number(seconds.toFixed(2)), onKafka,
      cpuMicrosPerRecord: Number(((cpu.user + cpu.system) / ROWS).toFixed(1)), mainThreadCpuMicrosPerRecord: Number((mainThread * 1e6 / ROWS).toFixed(1)),
    });
    const x = runs[r]!;
    process.stdout.write(`run ${r + 1}: ${x.recordsPerSecond} records/s (${x.seconds} s), CPU ${x.cpuMicrosPerRecord} µs/record (main thread ${x.mainThreadCpuMicrosPerRecord})\n`);
  }
  rmSync(dir, { recursive: true, force: true });
  const sorted = runs.map((x) => x.recordsPerSecond).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const result = {
    benchmark: 'ingest-file', rows: ROWS, batchSize: BATCH, preparedIn: IN_PROCESS ? 'main thread' : 'worker thread', acks: 'all', transactional: true, messagesPerRecord: 1,
    medianRecordsPerSecond: median, targetRecordsPerSecond: 20000, ratioToTarget: Number((median / 20000).toFixed(2)),
    runs, machine: { cpus: os.cpus().length, node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(1))) },
    at: new Date().toISOString(),
  };
  mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  writeFileSync(path.join(__dirname, 'results', ROWS === FULL ? 'ingest-file.json' : 'ingest-file.tmp.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function withDb(url: string, sql: string): Promise<void> {
  const { Client } = await import('pg');
  const db = new Client({ connectionString: url });
  await db.connect();
  try { await db.query(sql); } finally { await db.end(); }
}

/** Sum over partitions of committed records (high watermark minus markers is not exposed, so read them). */
async function committedCount(brokers: readonly string[], topic: string, log: ReturnType<typeof createLogger>): Promise<number> {
  const { readTopicToEnd } = await import('../test/support/read-topic');
  return (await readTopicToEnd(createKafka({ brokers, clientId: 'bench-count', log }), topic, 600000)).length;
}

/** CPU seconds (user + system) of this process's main thread, from /proc (Linux); NaN elsewhere. */
function mainThreadCpuSeconds(): number {
  try {
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

/** Deletes this run's topics (its unique prefix only). */
async function dropTopics(brokers: readonly string[], prefix: string, log: ReturnType<typeof createLogger>): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'bench-cleanup', log }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30000 });
  } finally {
    await admin.disconnect();
  }
}

/** Deletes the registry subjects prepareHub registered under this run's prefix (soft, then hard). */
async function dropSubjects(registryUrl: string, prefix: string): Promise<void> {
  const res = await fetch(`${registryUrl}/subjects`);
  if (!res.ok) return;
  for (const s of ((await res.json()) as string[]).filter((x) => x.startsWith(prefix))) {
    const url = `${registryUrl}/subjects/${encodeURIComponent(s)}`;
    await fetch(url, { method: 'DELETE' });
    await fetch(`${url}?permanent=true`, { method: 'DELETE' });
  }
}

main().catch((err) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
