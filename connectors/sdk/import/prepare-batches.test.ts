import { SCHOOL_CONNECTOR } from '../../school';
import { aNativeEnrollment } from '../../../test/builders/native-school';
import { toCsv } from '../../../test/builders/native-csv';
import { EVENT_ID_HEADER } from '../../../services/platform/kafka/encoded-message';
import { readCsv } from '../files/csv-source';
import type { RecordSource } from '../files/source-record';
import type { RecordEncoder } from '../publish/record-encoder';
import { CONNECTOR_DLQ_HEADERS } from './dead-letter-record';
import { prepareBatches, type PreparedBatch } from './prepare-batches';

/** Encodes a value as its JSON, so tests can read back what would have been Avro. */
const jsonEncoder: RecordEncoder = { encode: (_topic, _name, value) => Buffer.from(JSON.stringify(value)) };

function csvSource(text: string): RecordSource {
  const bytes = Buffer.from(text, 'utf8');
  return {
    progress: () => ({ done: bytes.length, total: bytes.length }),
    [Symbol.asyncIterator]: () => readCsv((async function* () { yield bytes; })())[Symbol.asyncIterator](),
  };
}

const enrollment = (i: number) => aNativeEnrollment({ id_registro: `MAT-${i}`, id_nna: `EST-${i}` });

/** Rows: 1–5 valid, 6 repeats 2, 7 has an impossible date, 8 is valid again. */
const FILE = toCsv([enrollment(1), enrollment(2), enrollment(3), enrollment(4), enrollment(5), enrollment(2),
  aNativeEnrollment({ id_registro: 'MAT-BAD', fecha_evento: '31-02-2024 08:00' }), enrollment(8)]);

async function collect(resumedAfter: number, batchSize: number, text = FILE): Promise<PreparedBatch[]> {
  const out: PreparedBatch[] = [];
  for await (const b of prepareBatches({
    spec: SCHOOL_CONNECTOR, source: csvSource(text), stream: 'import:SCHOOL:abc', fileLabel: 'colegios.csv',
    topicPrefix: 't.', encoder: jsonEncoder, now: () => Date.UTC(2024, 5, 1), resumedAfter, batchSize,
  })) out.push(b);
  return out;
}

describe('prepareBatches', () => {
  it('Given 8 rows with a repeat and an invalid one, When prepared 3 records a batch, Then batches cover records 1-3, 4-6, 7-8 and every record is published, dead-lettered or a duplicate', async () => {
    const batches = await collect(0, 3);

    expect(batches.map((b) => [b.position, b.received, b.last])).toEqual([[3, 3, false], [6, 3, false], [8, 2, true]]);
    expect(batches.map((b) => [b.published, b.duplicates, b.deadLettered])).toEqual([[3, 0, 0], [2, 1, 0], [1, 0, 1]]);
    const messages = batches.flatMap((b) => b.messages);
    const events = messages.filter((m) => m.topic === 't.hub.school.events.v1');
    expect(events.map((m) => (JSON.parse(m.value.toString()) as { envelope: { sourceRecordId: string } }).envelope.sourceRecordId))
      .toEqual(['MAT-1', 'MAT-2', 'MAT-3', 'MAT-4', 'MAT-5', 'MAT-8']);
    expect(new Set(events.map((m) => m.headers?.[EVENT_ID_HEADER])).size).toBe(6);
    expect(events.every((m) => m.headers?.[CONNECTOR_DLQ_HEADERS.stream] === 'import:SCHOOL:abc')).toBe(true);
    const dead = messages.filter((m) => m.topic.endsWith('.dlq'));
    expect(dead).toHaveLength(1);
    expect(dead[0]!.headers?.[CONNECTOR_DLQ_HEADERS.record]).toBe('7');
    expect(batches[2]!.rejections).toEqual([['fecha_evento INVALID_DATETIME', 1]]);
  });

  it('Given an import interrupted after record 3, When prepared again from there, Then records 1-3 are skipped yet the repeat of record 2 is still a duplicate', async () => {
    const batches = await collect(3, 100);

    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ position: 8, received: 5, published: 3, duplicates: 1, deadLettered: 1, last: true });
    const ids = batches[0]!.messages.filter((m) => !m.topic.endsWith('.dlq')).map((m) => (JSON.parse(m.value.toString()) as { envelope: { sourceRecordId: string } }).envelope.sourceRecordId);
    expect(ids).toEqual(['MAT-4', 'MAT-5', 'MAT-8']);
  });

  it('Given the same file prepared twice, When the event ids are compared, Then they are equal (a retried batch republishes the same ids)', async () => {
    const ids = async () => (await collect(0, 3)).flatMap((b) => b.messages.map((m) => m.headers?.[EVENT_ID_HEADER] ?? m.key));

    expect(await ids()).toEqual(await ids());
  });

  it('Given a file with only its header, When prepared, Then one empty last batch keeps the position', async () => {
    const batches = await collect(0, 3, 'tipo;id_registro\r\n');

    expect(batches).toEqual([expect.objectContaining({ messages: [], position: 0, received: 0, last: true })]);
  });
});
