import type { Kafka } from 'kafkajs';
import { hubConfigSchema } from '../../services/platform/config/hub-config';
import { loadConfig } from '../../services/platform/config/load-config';
import { createKafka } from '../../services/platform/kafka/create-kafka';
import { kafkaSecurityOf } from '../../services/platform/kafka/client-security';
import { createLogger, type Logger } from '../../services/platform/logging/create-logger';
import type { CliContext, Command } from '../cli/command';
import { renderTable } from '../cli/text-table';
import { deadLetterTopics, isDeadLetterTopic, readDeadLetters, type DeadLetterView } from './dead-letters';
import { replayDeadLetters } from './replay';

interface Session { kafka: Kafka; prefix: string; log: Logger }

async function withKafka(ctx: CliContext, run: (s: Session) => Promise<number>): Promise<number> {
  const config = loadConfig(hubConfigSchema, ctx.env);
  const log = createLogger({ service: 'hub-dlq', level: ctx.env.LOG_LEVEL ?? 'fatal', destination: process.stderr as never });
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'hub-dlq', log, security: kafkaSecurityOf(config) });
  try {
    return await run({ kafka, prefix: config.HUB_TOPIC_PREFIX, log });
  } catch (err) {
    ctx.err(ctx.t('dlq.failed', { reason: err instanceof Error ? err.message : String(err) }));
    return 1;
  }
}

async function topicExists(kafka: Kafka, topic: string, prefix: string): Promise<boolean> {
  if (!isDeadLetterTopic(topic, prefix)) return false;
  const admin = kafka.admin();
  await admin.connect();
  return (await admin.listTopics().finally(() => admin.disconnect())).includes(topic);
}

function stateOf(v: DeadLetterView, ctx: CliContext): string {
  if (!v.replayable) return ctx.t('dlq.state.fixAtSource');
  return ctx.t(v.replayed ? 'dlq.state.replayed' : 'dlq.state.pending');
}

const listCommand: Command = {
  path: ['dlq', 'list'],
  usage: '[--topic TÓPICO] [--json]',
  summary: { es: 'Lista las colas de errores y el motivo de cada mensaje (sin mostrar datos personales)', en: 'List dead-letter topics and why each message failed (no personal data shown)' },
  run: (args, ctx) => withKafka(ctx, async ({ kafka, prefix }) => {
    const json = args.flags.json === true;
    const topic = typeof args.flags.topic === 'string' ? args.flags.topic : undefined;
    if (topic === undefined) {
      const admin = kafka.admin();
      await admin.connect();
      const topics = (await deadLetterTopics(admin, prefix).finally(() => admin.disconnect())).filter((t) => t.total > 0);
      if (json) { ctx.out(JSON.stringify(topics)); return 0; }
      if (topics.length === 0) { ctx.out(ctx.t('dlq.none')); return 0; }
      for (const l of renderTable(ctx.t('dlq.topics.header'), topics.map((t) => [t.topic, t.sourceTopic, String(t.total), String(t.pendingReplay)]))) ctx.out(l);
      ctx.out('');
      ctx.out(ctx.t('dlq.topics.hint'));
      return 0;
    }
    if (!(await topicExists(kafka, topic, prefix))) { ctx.err(ctx.t('dlq.unknownTopic', { topic })); return 2; }
    const views = (await readDeadLetters(kafka, topic)).map((l) => l.view);
    if (json) { ctx.out(JSON.stringify(views)); return 0; }
    const rows = views.map((v) => [
      `${v.partition}/${v.offset}`, v.stage ?? '', v.code ?? '', v.field ?? '', (v.reason ?? '').slice(0, 80), v.failedAt ?? '',
      v.file ? `${v.file}:${v.location ?? ''}` : (v.consumer ?? ''), stateOf(v, ctx),
    ]);
    for (const l of renderTable(ctx.t('dlq.list.header'), rows)) ctx.out(l);
    ctx.out('');
    ctx.out(ctx.t('dlq.list.summary', {
      total: views.length,
      pending: views.filter((v) => v.replayable && !v.replayed).length,
      source: views.filter((v) => !v.replayable).length,
      replayed: views.filter((v) => v.replayable && v.replayed).length,
    }));
    return 0;
  }),
};

const replayCommand: Command = {
  path: ['dlq', 'replay'],
  usage: '--topic TÓPICO [--dry-run] [--json]',
  summary: { es: 'Reinyecta los mensajes pendientes de una cola de errores en su tópico de origen, una sola vez', en: "Put a dead-letter topic's pending messages back on their source topic, exactly once" },
  run: (args, ctx) => withKafka(ctx, async ({ kafka, prefix, log }) => {
    const topic = typeof args.flags.topic === 'string' ? args.flags.topic : undefined;
    if (!topic) { ctx.err(ctx.t('dlq.usage')); return 2; }
    if (!(await topicExists(kafka, topic, prefix))) { ctx.err(ctx.t('dlq.unknownTopic', { topic })); return 2; }
    const dryRun = args.flags['dry-run'] === true;
    const r = await replayDeadLetters(kafka, topic, dryRun, log);
    if (args.flags.json === true) { ctx.out(JSON.stringify({ ...r, dryRun })); return 0; }
    if (dryRun) { ctx.out(ctx.t('dlq.replay.dry', { ...r })); return 0; }
    if (r.replayed === 0 && r.notReplayable === 0) { ctx.out(ctx.t('dlq.replay.nothing', { topic, already: r.alreadyReplayed })); return 0; }
    ctx.out(ctx.t('dlq.replay.done', { ...r }));
    if (r.notReplayable > 0) ctx.out(ctx.t('dlq.replay.skipped', { ...r }));
    return 0;
  }),
};

export const dlqCommands: readonly Command[] = [listCommand, replayCommand];
