/**
 * Benchmark of the subscriptions service (issue 6): 346 municipalities, each with a real local HTTP
 * receiver and a subscription; CaseUpdated produced to hub.case.updates.v1 at a fixed rate for children
 * spread over the comunas; latency = receiver's arrival − update's occurredAt (stamped at produce time).
 * Phase 1: all receivers up. Phase 2: one receiver down (connection refused). Compares the others' p99.
 * Fresh topic prefix and PG schema, both removed at the end. Synthetic ids only.
 *   npm run bench:subscriptions -- [--rate 1000] [--seconds 30]
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHEMAS } from '../schemas';
import { allTopicSpecs, TOPICS } from '../schemas/topics';
import { aCaseStatus, aCaseUpdated } from '../test/builders/case-status-events';
import { createAvroCodec } from '../services/platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../services/platform/avro/registry-client';
import { loadConfig } from '../services/platform/config/load-config';
import { createKafka, createProducer } from '../services/platform/kafka/create-kafka';
import { ensureTopics } from '../services/platform/kafka/ensure-topics';
import { createLogger } from '../services/platform/logging/create-logger';
import { subscriptionsConfigSchema } from '../services/subscriptions/config';
import { startSubscriptions } from '../services/subscriptions/start-subscriptions';
import { startReceiver, type Receiver } from '../services/subscriptions/testing/receiver';
import { consumedTopics } from '../services/subscriptions/testing/topics';

const arg = (name: string, def: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const RATE = arg('rate', 1000);
const SECONDS = arg('seconds', 30);
const MUNICIPALITIES = arg('municipalities', 346);

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main(): Promise<void> {
  const tag = randomBytes(3).toString('hex');
  const prefix = `bench-subs-${tag}.`;
  const schema = `bench_subs_${tag}`;
  const log = createLogger({ service: 'bench-subscriptions', level: 'warn' });
  const config = loadConfig(subscriptionsConfigSchema, { ...process.env, HUB_TOPIC_PREFIX: prefix, HUB_DB_SCHEMA: schema, HTTP_PORT: '0', LOG_LEVEL: 'warn', SUBSCRIPTIONS_POLL_MS: '50', SUBSCRIPTIONS_TIMEOUT_MS: '2000', SUBSCRIPTIONS_PARTITIONS_CONCURRENTLY: '6' });
  const topic = prefix + TOPICS.caseUpdates.name;
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'bench-subscriptions', log });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, allTopicSpecs(prefix).filter((s) => consumedTopics(prefix).includes(s.name)));
  const codec = createAvroCodec(createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
  await codec.registerAll(topic, ['hub.case.CaseUpdated']);
  const producer = await createProducer(kafka);
  const service = await startSubscriptions(config, log);
  const comunas = Array.from({ length: MUNICIPALITIES }, (_, i) => String(10000 + i));
  const receivers: Receiver[] = [];
  for (let i = 0; i < comunas.length; i++) {
    const secret = `bench-secret-${i}-0123456789`;
    const r = await startReceiver(secret);
    receivers.push(r);
    await service.pool.query('INSERT INTO sub_subscriptions (id, credential_id, comuna_code, url, secret) VALUES ($1, $2, $3, $4, $5)', [`sub-${i}`, 'bench', comunas[i], r.url, secret]);
  }
  const template = aCaseUpdated();
  let seq = 0;
  async function phase(label: string): Promise<{ label: string; produced: number; p50: number; p95: number; p99: number; received: number; cpuMsPerDelivery: number; loadAvg1m: number }> {
    const start = receivers.map((r) => r.received.length);
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    let produced = 0;
    const tickMs = 100;
    while (Date.now() - t0 < SECONDS * 1000) {
      const due = Math.floor(((Date.now() - t0) / 1000) * RATE) - produced;
      if (due > 0) {
        const messages = await Promise.all(Array.from({ length: due }, async () => {
          seq += 1;
          const childId = `NNA-B-${tag}-${seq % 20000}`;
          const caseId = `C:B:${childId}`;
          const u = { ...template, envelope: { ...template.envelope, eventId: `HUB:case:b:${tag}:${seq}`, occurredAt: Date.now() }, childId, caseId, childComunaCode: comunas[(seq % 20000) % comunas.length]!, snapshot: aCaseStatus({ caseId, childId, version: seq }) };
          return { key: childId, value: await codec.encode(topic, 'hub.case.CaseUpdated', u) };
        }));
        await producer.send({ topic, acks: -1, messages });
        produced += due;
      }
      await new Promise((r) => setTimeout(r, tickMs));
    }
    // Let the pipeline drain (bounded), then read latencies of the live receivers.
    const expectedLive = () => receivers.reduce((n, r, i) => n + (r.received.length - start[i]!), 0);
    const drainUntil = Date.now() + 60000;
    let last = -1;
    while (Date.now() < drainUntil) {
      const now = expectedLive();
      if (now === last) break;
      last = now;
      await new Promise((r) => setTimeout(r, 3000));
    }
    const cpu = process.cpuUsage(cpu0);
    const lat: number[] = [];
    receivers.forEach((r, i) => { for (const x of r.received.slice(start[i])) lat.push(x.at - Number(x.body.occurredAt)); });
    // CPU of this whole process (service, receivers and producer together) per delivery received: robust to machine load.
    const cpuMsPerDelivery = lat.length > 0 ? (cpu.user + cpu.system) / 1000 / lat.length : NaN;
    return { label, produced, received: lat.length, p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), cpuMsPerDelivery, loadAvg1m: os.loadavg()[0] ?? NaN };
  }
  // Progress on stderr: how far the consumer (log rows) and the dispatcher (delivered) are, to see which one lags.
  const progress = setInterval(() => {
    void service.pool.query<{ logged: string; delivered: string }>("SELECT count(*)::text AS logged, count(*) FILTER (WHERE status = 'DELIVERED')::text AS delivered FROM sub_deliveries")
      .then(({ rows }) => process.stderr.write(`produced ${seq} logged ${rows[0]!.logged} delivered ${rows[0]!.delivered}\n`)).catch(() => undefined);
  }, 3000);
  const results = [];
  results.push(await phase('all receivers up'));
  await receivers[0]!.down();
  results.push(await phase('one receiver down'));
  const dead = await service.pool.query<{ n: string }>("SELECT count(*) AS n FROM sub_deliveries WHERE subscription_id = 'sub-0' AND status = 'PENDING'");
  clearInterval(progress);
  const out = {
    bench: 'subscriptions', at: new Date().toISOString(), municipalities: MUNICIPALITIES, rate: RATE, seconds: SECONDS, phases: results,
    p99RatioDeadVsAllUp: results[1]!.p99 / results[0]!.p99, deadReceiverBacklog: Number(dead.rows[0]!.n),
    targets: { p99Ms: 500, p99RatioMax: 1.1 },
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  writeFileSync(path.join(__dirname, 'results', 'subscriptions.json'), `${JSON.stringify(out, null, 2)}\n`);
  await service.close();
  for (const r of receivers) await r.close();
  await producer.disconnect();
  await admin.deleteTopics({ topics: consumedTopics(prefix) }).catch(() => undefined);
  await admin.disconnect();
  const { Client } = await import('pg');
  const c = new Client({ connectionString: config.DATABASE_URL });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await c.end();
}

main().catch((e: unknown) => { process.stderr.write(`bench:subscriptions failed: ${e instanceof Error ? e.stack : String(e)}\n`); process.exit(1); });
