import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kafka } from 'kafkajs';
import { SCHEMAS, type AdmissionOrderIssued } from '../../schemas';
import { TOPICS, deadLetterTopicOf } from '../../schemas/topics';
import { createAvroCodec } from '../../services/platform/avro/avro-codec';
import { createSchemaRegistryClient } from '../../services/platform/avro/registry-client';
import { createKafka } from '../../services/platform/kafka/create-kafka';
import { prepareHub } from '../bootstrap/prepare-hub';
import { aNativeCourtOrder } from '../../test/builders/native-records';
import { toCsv } from '../../test/builders/native-csv';
import { testConfig, testLogger } from '../../test/harness/test-env';
import { readTopicToEnd } from '../../test/support/read-topic';
import { TRIBUNAL_CONNECTOR } from '../../connectors/tribunal';
import { importFile } from './import-file';

const config = testConfig();
const log = testLogger();
const prefix = config.HUB_TOPIC_PREFIX;
const codec = createAvroCodec(createSchemaRegistryClient(config.SCHEMA_REGISTRY_URL), SCHEMAS as Readonly<Record<string, object>>);
let kafka: Kafka;
let dir: string;

/** A court's export: 30 orders (one spanning two lines), one repeated, four broken ways, Latin-1, `;`, the last line cut mid-quote. */
function courtExport(label: string): { file: string; valid: number } {
  const valid = Array.from({ length: 30 }, (_, i) => aNativeCourtOrder({
    id_registro: `${label}-RES-${i}`, id_nna: `${label}-NNA-${i}`, rit: `P-${100 + i}-2023`, apellido_materno: 'Núñez',
    direccion: i === 4 ? 'Pasaje "El Ñandú"; casa 4\nsector alto' : `Calle Inventada ${i}`,
  }));
  const rows = [
    ...valid.slice(0, 10),
    valid[3]!, // the same order sent twice
    aNativeCourtOrder({ id_registro: `${label}-BAD-RIT`, rit: 'P-12' }),
    aNativeCourtOrder({ id_registro: `${label}-INJECTION`, nombres: "Robert'); DROP TABLE nna;--" }),
    ...valid.slice(10),
  ];
  const csv = toCsv(rows) + 'ORDEN_INGRESO;solo;tres columnas\r\n' + `ORDEN_INGRESO;${label}-CUT;1301;"P-1-2023`;
  const file = path.join(dir, `${label}.csv`);
  writeFileSync(file, Buffer.from(csv, 'latin1'));
  return { file, valid: valid.length };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hub-import-'));
  await prepareHub(config, log);
  kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'import-test', log });
});

describe('hub import (file → Kafka, exactly once)', () => {
  it('Given a Latin-1 court export with duplicates and broken rows, When imported, Then the reconciliation matches what is on the topics', async () => {
    const { file, valid } = courtExport('a');

    const result = await importFile({ config, spec: TRIBUNAL_CONNECTOR, file, log, batchSize: 7 });

    expect(result.reconciliation).toEqual({ received: 35, published: valid, deadLettered: 4, duplicates: 1, withWarnings: 0 });
    // Other test files import into the same topics concurrently: count this import's stream only.
    const mine = (m: { headers: Record<string, string> }) => m.headers['hub.ingest.stream'] === result.stream;
    const events = (await readTopicToEnd(kafka, prefix + TOPICS.tribunalEvents.name)).filter(mine);
    const dead = (await readTopicToEnd(kafka, prefix + deadLetterTopicOf(TOPICS.tribunalEvents.name))).filter(mine);
    expect([events.length, dead.length]).toEqual([valid, 4]);

    const decoded = await Promise.all(events.map(async (m) => (await codec.decode<AdmissionOrderIssued>(m.value)).value));
    expect(new Set(decoded.map((e) => e.envelope.eventId)).size).toBe(valid);
    expect(decoded.every((e) => e.person.maternalSurname === 'Núñez')).toBe(true);
    expect(decoded.find((e) => e.envelope.sourceRecordId === 'a-RES-4')!.person.address!.street).toBe('Pasaje "El Ñandú"; casa 4\nsector alto');

    const reasons = dead.map((m) => [m.headers['hub.errors.code'], m.headers['hub.errors.field'], m.headers['hub.errors.source.location']]);
    expect(reasons).toEqual([
      ['INVALID_RIT', 'rit', 'línea 14'],
      ['INVALID_NAME', 'nombres', 'línea 15'],
      ['CSV_COLUMN_COUNT', '(registro)', 'línea 36'],
      ['CSV_UNTERMINATED_QUOTE', '(registro)', 'línea 37'],
    ]);
    expect(dead.every((m) => m.headers['hub.errors.connector'] === 'import:TRIBUNAL' && m.headers['hub.errors.source.file'] === 'a.csv')).toBe(true);
    expect(dead[0]!.value!.toString('latin1')).toContain('a-BAD-RIT');
    expect(dead.map((m) => m.headers['hub.errors.message']).join(' ')).not.toMatch(/Robert|Núñez|Amanda/);
  });

  it('Given a file already imported, When imported again, Then nothing is published and the earlier count is reported', async () => {
    const { file } = courtExport('b');
    const first = await importFile({ config, spec: TRIBUNAL_CONNECTOR, file, log });

    const again = await importFile({ config, spec: TRIBUNAL_CONNECTOR, file, log });

    expect(again.alreadyComplete).toBe(true);
    expect(again.reconciliation.published).toBe(30);
    const landed = (await readTopicToEnd(kafka, prefix + TOPICS.tribunalEvents.name)).filter((m) => m.headers['hub.ingest.stream'] === first.stream);
    expect(landed).toHaveLength(30);
  });
});
