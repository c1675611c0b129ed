import { Kafka, logLevel } from 'kafkajs';
import type { CliContext } from '../cli/command';
import { createTranslator, type Lang } from '../../services/platform/i18n/i18n';
import { sendToDeadLetter } from '../../services/platform/kafka/dead-letter';
import { createProducer } from '../../services/platform/kafka/create-kafka';
import { PermanentError } from '../../services/platform/errors';
import { readTopicToEnd } from '../../test/support/read-topic';
import { testConfig, uniqueTopic } from '../../test/harness/test-env';
import { dlqCommands } from './commands';
import { dlqMessages } from './messages';
import { REPLAYED_FROM_HEADER } from './replay';

async function hub(path: 'list' | 'replay', flags: Record<string, string | boolean>, lang: Lang = 'es') {
  const out: string[] = [];
  const err: string[] = [];
  const tr = createTranslator(lang, dlqMessages.es, dlqMessages.en);
  const ctx: CliContext = { lang, t: tr.t, out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false, env: { ...process.env, LOG_LEVEL: 'silent' } };
  const code = await dlqCommands.find((c) => c.path[1] === path)!.run({ positional: [], flags }, ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('hub dlq list | replay', () => {
  const config = testConfig();
  const kafka = new Kafka({ brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING });
  const source = uniqueTopic('dlq-source');
  const dlq = `${source}.dlq`;

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: source, numPartitions: 2 }, { topic: dlq, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = await createProducer(kafka);
    // Two messages a consumer could not handle (original bytes and headers kept) and one record a connector rejected.
    await sendToDeadLetter(producer, [0, 1].map((i) => ({
      topic: source, partition: i, stage: 'handle', consumer: 'hub.identity', at: Date.UTC(2026, 10, 21),
      message: { key: Buffer.from(`k${i}`), value: Buffer.from(`event-${i}`), offset: String(10 + i), headers: { 'hub.event.id': `ev-${i}` } },
      error: Object.assign(new PermanentError('UNKNOWN_RECORD', 'record name not expected on this topic'), { field: 'person.run' }),
    })));
    await producer.send({
      topic: dlq, acks: -1,
      messages: [{ key: 'TRIBUNAL:f.csv:3', value: Buffer.from('P-1;Juana;...'), headers: {
        'hub.errors.topic': source, 'hub.errors.stage': 'validate', 'hub.errors.code': 'RUN_INVALID', 'hub.errors.field': 'run_nna',
        'hub.errors.connector': 'tribunal', 'hub.errors.source.file': 'f.csv', 'hub.errors.source.location': 'línea 3',
      } }],
    });
    await producer.disconnect();
  });

  it('Given dead letters, When listed, Then each shows its reason and state but never its content', async () => {
    const summary = await hub('list', { json: true });
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.out)).toContainEqual({ topic: dlq, sourceTopic: source, total: 3, pendingReplay: 3 });

    const detail = await hub('list', { topic: dlq });
    expect(detail.code).toBe(0);
    expect(detail.out).toContain('UNKNOWN_RECORD');
    expect(detail.out).toContain('person.run');
    expect(detail.out).toContain('corregir en origen');
    expect(detail.out).toContain('3 mensaje(s): 2 por reinyectar, 1 a corregir en el archivo de origen, 0 ya reinyectado(s).');
    expect(detail.out).not.toContain('Juana');
    expect(detail.out).not.toContain('event-0');
  });

  it('Given pending dead letters, When replayed twice, Then the consumer-side ones go back to their topic once, with their headers, and connector rejections stay', async () => {
    const dry = await hub('replay', { topic: dlq, 'dry-run': true, json: true });
    expect(JSON.parse(dry.out)).toMatchObject({ replayed: 2, notReplayable: 1, dryRun: true });
    expect(await readTopicToEnd(kafka, source)).toHaveLength(0);

    const first = await hub('replay', { topic: dlq });
    expect(first.code).toBe(0);
    expect(first.out).toContain('Reinyectados 2 mensaje(s)');
    const second = await hub('replay', { topic: dlq, json: true });
    expect(JSON.parse(second.out)).toMatchObject({ replayed: 0, alreadyReplayed: 3 });

    const back = await readTopicToEnd(kafka, source);
    expect(back.map((m) => m.value?.toString()).sort()).toEqual(['event-0', 'event-1']);
    for (const m of back) {
      expect(m.headers['hub.event.id']).toMatch(/^ev-/);
      expect(m.headers[REPLAYED_FROM_HEADER]).toMatch(new RegExp(`^${dlq.replace(/\./g, '\\.')}:0:\\d+$`));
      expect(Object.keys(m.headers).some((k) => k.startsWith('hub.errors.'))).toBe(false);
    }
    const after = await hub('list', { topic: dlq, json: true });
    expect(JSON.parse(after.out).map((v: { replayed: boolean; replayable: boolean }) => [v.replayable, v.replayed])).toEqual([[true, true], [true, true], [false, true]]);
  });

  it('Given a topic that is not a dead-letter topic, When replayed, Then it is refused with a Spanish message', async () => {
    const r = await hub('replay', { topic: source });
    expect(r.code).toBe(2);
    expect(r.err).toContain('No existe la cola de errores');
  });
});
