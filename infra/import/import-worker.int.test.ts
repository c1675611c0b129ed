import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PreparedBatch } from '../../connectors/sdk/import/prepare-batches';
import { DLQ_HEADERS } from '../../services/platform/kafka/dead-letter';
import { aNativeEnrollment } from '../../test/builders/native-school';
import { toCsv } from '../../test/builders/native-csv';
import { testConfig } from '../../test/harness/test-env';
import { prepareJob, prepareJobInWorker, type PrepareJob } from './import-worker';

/**
 * The worker thread is the import's default. It must run under jest (which does not transform
 * code in worker threads: the bootstrap registers @swc-node/register) and prepare exactly what
 * the same code prepares in-process, byte for byte.
 */
const config = testConfig();
let dir: string;

beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'hub-import-worker-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function schoolJob(file: string, resumedAfter = 0): PrepareJob {
  return {
    institution: 'SCHOOL', file, stream: 'import:SCHOOL:worker-test', fileLabel: path.basename(file), topicPrefix: config.HUB_TOPIC_PREFIX,
    schemaRegistryUrl: config.SCHEMA_REGISTRY_URL, batchSize: 4, resumedAfter,
  };
}

async function collect(batches: AsyncIterable<PreparedBatch>): Promise<PreparedBatch[]> {
  const out: PreparedBatch[] = [];
  for await (const b of batches) out.push(b);
  return out;
}

/** Message timestamps differ between runs (recordedAt, failedAt); everything else must not. */
function comparable(batches: readonly PreparedBatch[]) {
  return batches.map((b) => ({
    ...b,
    messages: b.messages.map((m) => ({ topic: m.topic, key: m.key, headers: { ...m.headers, [DLQ_HEADERS.failedAt]: undefined }, bytes: m.value.length })),
  }));
}

describe('import worker thread', () => {
  it('Given a school export of 10 rows, When prepared in a worker thread and in-process, Then the batches are the same', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => aNativeEnrollment({ id_registro: `MAT-W-${i}`, id_nna: `EST-W-${i}`, ...(i === 6 ? { rbd: 'no-rbd' } : {}) }));
    const file = path.join(dir, 'colegios.csv');
    writeFileSync(file, toCsv(rows));

    const inWorker = await collect(prepareJobInWorker(schoolJob(file, 2)));
    const here = await collect(prepareJob(schoolJob(file, 2)));

    expect(inWorker.map((b) => [b.position, b.published, b.deadLettered, b.last])).toEqual([[6, 4, 0, false], [10, 3, 1, false], [10, 0, 0, true]]);
    expect(comparable(inWorker)).toEqual(comparable(here));
    expect(inWorker.flatMap((b) => b.messages).every((m) => m.value[0] === 0 || m.topic.endsWith('.dlq'))).toBe(true);
  }, 120000);

  it('Given a file that does not exist, When prepared in a worker thread, Then the worker\'s failure reaches the caller', async () => {
    await expect(collect(prepareJobInWorker(schoolJob(path.join(dir, 'missing.csv'))))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 120000);
});
