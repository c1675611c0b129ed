import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SCHEMAS } from '../../schemas';
import { TOPICS } from '../../schemas/topics';
import { createAvroCodec } from '../../services/platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../../services/platform/avro/registry-client';
import { createKafka } from '../../services/platform/kafka/create-kafka';
import { mulberry32 } from '../../services/platform/chile';
import { prepareHub } from '../bootstrap/prepare-hub';
import { aNativeCourtOrder } from '../../test/builders/native-records';
import { toCsv } from '../../test/builders/native-csv';
import { testConfig, testLogger } from '../../test/harness/test-env';
import { readTopicToEnd } from '../../test/support/read-topic';

const root = path.resolve(__dirname, '..', '..');
const config = testConfig();
const log = testLogger();
const ROWS = 12000;

/**
 * Runs `hub import` as a user would; resolves with its output and exit code. With `killAfterMs`,
 * kills it (SIGKILL) that long after its first progress line, i.e. after its first committed batch.
 */
function runImportProcess(file: string, killAfterMs?: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const args = ['infra/cli/hub.js', 'import', 'tribunal', file, '--batch-size', '300', ...(killAfterMs === undefined ? ['--json'] : [])];
    const child = spawn(process.execPath, args, {
      cwd: root, env: { ...process.env, HUB_LANG: 'es' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    let armed = false;
    child.stderr.on('data', (d) => {
      stderr += String(d);
      if (killAfterMs !== undefined && !armed && stderr.includes('%')) {
        armed = true;
        setTimeout(() => { if (child.exitCode === null) child.kill('SIGKILL'); }, killAfterMs);
      }
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  await prepareHub(config, log);
});

describe('hub import killed and restarted (real processes)', () => {
  it('Given an import killed with SIGKILL mid-file, When run again, Then every record is on Kafka exactly once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-import-crash-'));
    const file = path.join(dir, 'tribunal.csv');
    const tag = Math.random().toString(36).slice(2, 8);
    writeFileSync(file, toCsv(Array.from({ length: ROWS }, (_, i) => aNativeCourtOrder({ id_registro: `K${tag}-${i}`, id_nna: `K${tag}-NNA-${i}`, rit: `P-${i + 1}-2024` }))));
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'crash-test', log });
    const topic = config.HUB_TOPIC_PREFIX + TOPICS.tribunalEvents.name;

    // A random moment after the first committed batch; the seed is printed so a failure can be replayed.
    const seed = Date.now() % 100000;
    const delayMs = Math.floor(mulberry32(seed)() * 400);
    const first = await runImportProcess(file, delayMs);
    expect({ seed, delayMs, code: first.code }).toEqual({ seed, delayMs, code: null }); // killed, not finished

    const second = await runImportProcess(file);
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.stdout) as { received: number; published: number; resumedAfter: number; balanced: boolean };
    expect(summary).toMatchObject({ received: ROWS, published: ROWS, balanced: true });
    expect(summary.resumedAfter).toBeGreaterThan(0);
    expect(summary.resumedAfter).toBeLessThan(ROWS);

    const codec = createAvroCodec(createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
    // Other test files write to the same topic concurrently: keep this file's records only.
    const landed = await readTopicToEnd(kafka, topic);
    const all = await Promise.all(landed.map(async (m) => (await codec.decode<{ envelope: { eventId: string; sourceRecordId: string } }>(m.value)).value.envelope));
    const ids = all.filter((e) => e.sourceRecordId.startsWith(`K${tag}-`));
    expect(new Set(ids.map((e) => e.eventId)).size).toBe(ids.length); // no event id twice
    expect(new Set(ids.map((e) => e.sourceRecordId)).size).toBe(ROWS); // every record once
    expect(ids.length).toBe(ROWS);
  });
});
