/**
 * Deduplication benchmark, against the dedup service running as its own process over the local
 * stack, in a fresh namespace (DB schema + topic prefix), topics removed afterwards.
 *
 * 1. Replay: N institution events with a known answer (first facts, exact re-sends, re-sends
 *    under a new version id, person changes; services/dedup/testing/event-stream.ts) are produced
 *    to the tribunal, school and health topics BEFORE the service starts; then the service
 *    consumes the backlog. Throughput = N / time from the service being healthy until every event
 *    is counted and every PersonObserved is committed on Kafka. The counters must equal the answer
 *    and the PersonObserved topic must hold each expected event exactly once.
 * 2. Latency: with the service caught up, events that each derive a PersonObserved (new children)
 *    are produced at a fixed rate (open loop); latency is from just before the produce call to
 *    the PersonObserved being read (read_committed) by a separate consumer in this process.
 *
 *   node -r @swc-node/register bench/dedup-replay.ts [--events 200000] [--per-child 10] [--rate 500] [--duration 20]
 *
 * Writes bench/results/dedup.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TOPICS } from '../schemas/topics';
import { mulberry32 } from '../services/platform/chile';
import { aChild, anEnvelope } from '../test/builders/event-parts';
import { anAdmissionOrderIssued } from '../test/builders/tribunal-events';
import { waitHealthy } from '../infra/supervisor/wait-healthy';
import { createDedupWorld, type DedupWorld, type InputEvent } from '../services/dedup/testing/dedup-world';
import { generateStream } from '../services/dedup/testing/event-stream';
import { SOURCE_EVENT_ID_HEADER } from '../services/dedup/inputs';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 200_000);
const PER_CHILD = arg('per-child', 10);
const RATE = arg('rate', 500);
const DURATION_S = arg('duration', 20);
const TICK_MS = 10;
const PRODUCE_CHUNK = 5000;

const root = path.resolve(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  const stamp = Date.now().toString(36);
  log(`preparing namespace bench-dedup-${stamp}…`);
  const world: DedupWorld = await createDedupWorld('bdedup', { ...process.env, HUB_DB_SCHEMA: `bench_${stamp}`, HUB_TOPIC_PREFIX: `bench-${stamp}.`, LOG_LEVEL: 'warn' });
  let child: ChildProcess | undefined;
  try {
    // 1. Replay: the backlog first, then the service.
    const { events, totals } = generateStream({ children: Math.ceil(EVENTS / PER_CHILD), eventsPerChild: PER_CHILD, random: mulberry32(20261121), run: `b${stamp}` });
    const stream = events.slice(0, EVENTS);
    if (stream.length !== events.length) throw new Error('--events must be a multiple of --per-child');
    log(`producing ${stream.length} events (${totals.personsEmitted} must derive a PersonObserved)…`);
    const p0 = performance.now();
    for (let i = 0; i < stream.length; i += PRODUCE_CHUNK) await world.produce(stream.slice(i, i + PRODUCE_CHUNK).map((e) => e.event));
    const produceSeconds = (performance.now() - p0) / 1000;

    const port = await freePort();
    let output = '';
    child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'services/dedup/main.ts')], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...world.env, HTTP_PORT: String(port), LOG_LEVEL: 'warn', SWC_NODE_PROJECT: path.join(root, 'tsconfig.json') },
    });
    child.stdout!.on('data', (d) => { output += String(d); });
    child.stderr!.on('data', (d) => { output += String(d); });
    const spawned = performance.now();
    if (!(await waitHealthy(`http://127.0.0.1:${port}`, 90000, () => child!.exitCode === null))) throw new Error(`dedup did not start:\n${output}`);
    const t0 = performance.now();
    log(`dedup healthy after ${((t0 - spawned) / 1000).toFixed(1)} s; replaying…`);
    let firstCounted: number | null = null;
    let s = await world.stats();
    for (;;) {
      s = await world.stats();
      if (firstCounted === null && s.totals.received > 0) firstCounted = performance.now();
      if (s.totals.received >= stream.length && s.pendingPersonObserved === 0) break;
      if (child.exitCode !== null) throw new Error(`dedup exited:\n${output}`);
      await sleep(200);
    }
    const replaySeconds = (performance.now() - t0) / 1000;
    const steadySeconds = (performance.now() - (firstCounted ?? t0)) / 1000;
    log(`replayed in ${replaySeconds.toFixed(1)} s; checking the answer…`);
    const observed = await world.readRaw(TOPICS.personObserved.name);
    const sources = observed.map((m) => m.headers[SOURCE_EVENT_ID_HEADER]);
    const distinct = new Set(sources);
    const answerOk = s.totals.received === totals.received && s.totals.forwarded === totals.forwarded && s.totals.duplicateEventId === totals.duplicateEventId
      && s.totals.duplicateContent === totals.duplicateContent && s.totals.personsEmitted === totals.personsEmitted
      && observed.length === totals.personsEmitted && distinct.size === observed.length && [...totals.emittingEventIds].every((id) => distinct.has(id));

    // 2. Latency at a fixed rate, with a reader of the PersonObserved topic in this process.
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const fromAck: number[] = [];
    const reader = world.kafka.consumer({ groupId: `bench-dedup-reader-${stamp}`, readUncommitted: false });
    await reader.connect();
    await reader.subscribe({ topic: world.config.HUB_TOPIC_PREFIX + TOPICS.personObserved.name, fromBeginning: false });
    const joined = new Promise<void>((resolve) => reader.on(reader.events.GROUP_JOIN, () => resolve()));
    await reader.run({
      eachBatch: async ({ batch }) => {
        const now = performance.now();
        for (const m of batch.messages) {
          const src = m.headers?.[SOURCE_EVENT_ID_HEADER]?.toString();
          const at = src ? sentAt.get(src) : undefined;
          if (at !== undefined) { latencies.push(now - at); sentAt.delete(src!); }
          const acked = src ? ackedAt.get(src) : undefined;
          if (acked !== undefined) { fromAck.push(now - acked); ackedAt.delete(src!); }
        }
      },
    });
    await joined;
    await sleep(3000); // the reader's first fetch positions it at the end before anything is produced
    const total = Math.round(RATE * DURATION_S);
    log(`latency: ${RATE} events/s for ${DURATION_S} s (${total} events, each deriving a PersonObserved)…`);
    const latencyEvents: InputEvent[] = Array.from({ length: total }, (_, i) => {
      const id = `L${stamp}-${i}`;
      return { topic: TOPICS.tribunalEvents.name, recordName: 'hub.tribunal.AdmissionOrderIssued', value: anAdmissionOrderIssued({ envelope: anEnvelope('TRIBUNAL', '1301', `RES-${id}`, { eventId: id }), person: aChild('TRIBUNAL', `1301/NNA-${id}`) }) as unknown as InputEvent['value'] };
    });
    const metricsBefore = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const ackedAt = new Map<string, number>();
    const l0 = performance.now();
    let sent = 0;
    const sends: Promise<void>[] = [];
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const due = Math.min(total, Math.floor(((performance.now() - l0) / 1000) * RATE));
        if (due > sent) {
          const slice = latencyEvents.slice(sent, due);
          const at = performance.now();
          for (const e of slice) sentAt.set(e.value.envelope.eventId, at);
          sends.push(world.produce(slice).then(() => { const t = performance.now(); for (const e of slice) ackedAt.set(e.value.envelope.eventId, t); }));
          sent = due;
        }
        if (sent >= total) { clearInterval(tick); resolve(); }
      }, TICK_MS);
    });
    await Promise.all(sends);
    const deadline = performance.now() + 120_000;
    while (latencies.length < total && performance.now() < deadline) await sleep(100);
    await reader.disconnect();
    const metricsText = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const sorted = [...latencies].sort((a, b) => a - b);
    const sortedFromAck = [...fromAck].sort((a, b) => a - b);

    const result = {
      benchmark: 'dedup-replay',
      replay: {
        events: stream.length,
        eventsPerSecond: Math.round(stream.length / replaySeconds),
        eventsPerSecondAfterFirstBatch: Math.round(stream.length / steadySeconds),
        seconds: Number(replaySeconds.toFixed(2)),
        answerMatches: answerOk,
        counters: s.totals,
        expected: { received: totals.received, forwarded: totals.forwarded, duplicateEventId: totals.duplicateEventId, duplicateContent: totals.duplicateContent, personsEmitted: totals.personsEmitted },
        personObservedOnKafka: observed.length,
        personObservedDuplicatesOnKafka: observed.length - distinct.size,
        produceSeconds: Number(produceSeconds.toFixed(2)),
      },
      latency: {
        ratePerSecond: RATE,
        durationS: DURATION_S,
        sent: total,
        personObservedSeen: latencies.length,
        p50Ms: Number(percentile(sorted, 50).toFixed(1)),
        p99Ms: Number(percentile(sorted, 99).toFixed(1)),
        maxMs: Number((sorted[sorted.length - 1] ?? 0).toFixed(1)),
        measures: 'p50Ms/p99Ms: from just before the produce call (acks=all) to the PersonObserved read with read_committed; fromAck*: from the produce acknowledgement',
        fromAckP50Ms: Number(percentile(sortedFromAck, 50).toFixed(1)),
        fromAckP99Ms: Number(percentile(sortedFromAck, 99).toFixed(1)),
        // Where the time goes during this phase, from the service's /metrics (difference of _sum/_count).
        batchMeanS: histogramMean(metricsText, 'hub_batch_duration_seconds', metricsBefore),
        relayDelayMeanS: histogramMean(metricsText, 'hub_dedup_relay_delay_seconds', metricsBefore),
      },
      loadAverage: os.loadavg().map((x) => Number(x.toFixed(1))),
      setup: 'dedup as a child process (swc), 3 partitions handled concurrently; tribunal/school/health topics of 6 partitions; same 2-core machine as Kafka, the registry, PostgreSQL and other engineers\' work',
      machine: { cpus: os.cpus().length, node: process.version },
      at: new Date().toISOString(),
    };
    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    writeFileSync(path.join(__dirname, 'results', 'dedup.json'), JSON.stringify(result, null, 2) + '\n');
    log(JSON.stringify(result, null, 2));
    if (!answerOk) throw new Error('the counters or the PersonObserved topic do not match the stream\'s answer');
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await world.close({ topics: true });
  }
}

/** Mean of a Prometheus histogram (all label sets) from its _sum and _count lines, since an earlier scrape. */
function histogramMean(text: string, name: string, before = ''): number | null {
  const total = (t: string, suffix: string) => [...t.matchAll(new RegExp(`^${name}_${suffix}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'gm'))].reduce((s, m) => s + Number(m[1]), 0);
  const mean = (total(text, 'sum') - total(before, 'sum')) / (total(text, 'count') - total(before, 'count'));
  return Number.isFinite(mean) ? Number(mean.toFixed(4)) : null;
}

main().then(() => process.exit(0), (err: unknown) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
