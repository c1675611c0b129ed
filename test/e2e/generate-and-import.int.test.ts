import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kafka } from 'kafkajs';
import { SCHEMAS } from '../../schemas';
import { TOPICS, deadLetterTopicOf } from '../../schemas/topics';
import { createAvroCodec } from '../../services/platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../../services/platform/avro/registry-client';
import { createKafka } from '../../services/platform/kafka/create-kafka';
import { prepareHub } from '../../infra/bootstrap/prepare-hub';
import { testConfig, testLogger } from '../harness/test-env';
import { readTopicToEnd, type ReadMessage } from '../support/read-topic';

/**
 * The acceptance run, as a user would do it with real processes: `hub generate` for
 * 2000 children, then `hub import` of every institution's file. Every record must be either on
 * Kafka (decodable through the registry) or in the DLQ with a reason, and the reconciliation each
 * command prints must equal a count taken from the topics.
 */
const root = path.resolve(__dirname, '..', '..');
const config = testConfig();
const log = testLogger();

function hub(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['infra/cli/hub.js', ...args], { cwd: root, env: { ...process.env, HUB_LANG: 'es' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Summary { file: string; institution: string; stream: string; received: number; published: number; deadLettered: number; duplicates: number; balanced: boolean; deadLetterTopic: string }

const FILES: readonly [string, string, string][] = [
  ['tribunal', 'tribunales.csv', TOPICS.tribunalEvents.name],
  ['sename', 'sename.csv', TOPICS.senameEvents.name],
  ['municipio', 'municipios.csv', TOPICS.municipalityEvents.name],
  ['colegio', 'colegios.csv', TOPICS.schoolEvents.name],
  ['salud', 'salud.csv', TOPICS.healthEvents.name],
  ['salud', 'salud.json', TOPICS.healthEvents.name],
];

describe('generate 2000 children, import every institution (real processes)', () => {
  let dir: string;
  let kafka: Kafka;
  const summaries: Summary[] = [];

  beforeAll(async () => {
    await prepareHub(config, log);
    kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'e2e-import', log });
    dir = mkdtempSync(path.join(tmpdir(), 'hub-e2e-gen-'));
    const gen = await hub(['generate', '--children', '2000', '--seed', '1', '--out', dir]);
    expect({ code: gen.code, stderr: gen.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    for (const [institution, file] of FILES) {
      const r = await hub(['import', institution, path.join(dir, file), '--json']);
      expect({ file, code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ file, code: 0, stderr: '' });
      summaries.push(JSON.parse(r.stdout) as Summary);
    }
  }, 600000);

  it('Given every import, When its printed reconciliation is read, Then it balances and matches the truth file\'s expectations', () => {
    const truth = readFileSync(path.join(dir, 'truth.csv'), 'utf8').trim().split('\n');
    const header = truth[0]!.split(',');
    const [fileCol, expectedCol] = [header.indexOf('file'), header.indexOf('expected')];
    for (const s of summaries) {
      const rows = truth.slice(1).map((l) => l.split(',')).filter((c) => c[fileCol] === s.file);
      expect({ file: s.file, balanced: s.balanced, received: s.received })
        .toEqual({ file: s.file, balanced: true, received: rows.length });
      expect({ file: s.file, deadLettered: s.deadLettered }).toEqual({ file: s.file, deadLettered: rows.filter((c) => c[expectedCol] === 'DLQ').length });
    }
  });

  it('Given the topics, When counted per import stream, Then published and dead-lettered equal what each command printed, and every event decodes', async () => {
    const codec = createAvroCodec(createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
    const cache = new Map<string, ReadMessage[]>();
    const read = async (t: string) => { if (!cache.has(t)) cache.set(t, await readTopicToEnd(kafka, t)); return cache.get(t)!; };
    const capacityTopic = config.HUB_TOPIC_PREFIX + TOPICS.senameCapacity.name;
    for (const s of summaries) {
      const topic = config.HUB_TOPIC_PREFIX + FILES.find(([, f]) => f === s.file)![2];
      const mine = (m: ReadMessage) => m.headers['hub.ingest.stream'] === s.stream;
      const events = (await read(topic)).filter(mine);
      const capacity = s.institution === 'SENAME' ? (await read(capacityTopic)).filter(mine) : [];
      const dead = [
        ...(await read(config.HUB_TOPIC_PREFIX + deadLetterTopicOf(FILES.find(([, f]) => f === s.file)![2]))),
        ...(s.institution === 'SENAME' ? await read(config.HUB_TOPIC_PREFIX + deadLetterTopicOf(TOPICS.senameCapacity.name)) : []),
      ].filter(mine);
      expect({ file: s.file, published: events.length + capacity.length, deadLettered: dead.length })
        .toEqual({ file: s.file, published: s.published, deadLettered: s.deadLettered });
      for (const m of [...events, ...capacity]) await expect(codec.decode(m.value)).resolves.toBeDefined();
      expect(dead.every((m) => m.headers['hub.errors.code'] && m.headers['hub.errors.field'] && m.headers['hub.errors.source.location'])).toBe(true);
    }
    expect(summaries.reduce((n, s) => n + s.published, 0)).toBeGreaterThan(2000);
  });
});
