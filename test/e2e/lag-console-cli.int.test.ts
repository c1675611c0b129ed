import { spawn } from 'node:child_process';
import path from 'node:path';
import { createBatchConsumer, type BatchConsumer } from '../../services/platform/kafka/batch-consumer';
import { HUB_SERVICES } from '../../infra/services';
import { createKafkaFixture, type KafkaFixture } from '../harness/kafka-fixture';
import { eventually, uniqueId } from '../harness/test-env';

const root = path.resolve(__dirname, '..', '..');

function hub(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'infra/cli/hub.js'), ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * `npx hub lag` against the cluster, with consumer groups started the way hub services start
 * theirs (the platform batch consumer, group `hub.<service>` under the run's prefix): every hub
 * service in infra/services.ts, plus a per-municipality delivery group.
 */
describe('hub lag (CLI) lists every hub service group', () => {
  let fx: KafkaFixture;
  let topic: string;
  const prefix = process.env.HUB_TOPIC_PREFIX ?? '';
  const run = uniqueId('cli');
  const services = [...HUB_SERVICES.map((s) => s.name), 'deliveries'];
  const groupOf = (service: string) => `${prefix}hub.${service}${service === 'deliveries' ? `.${run}-13101` : `.${run}`}`;
  const consumers: BatchConsumer[] = [];

  beforeAll(async () => {
    fx = await createKafkaFixture();
    topic = await fx.topic('lag-cli');
    const pings = await Promise.all([1, 2, 3].map((n) => fx.codec.encode(topic, 'hub.test.Ping', { id: `p${n}`, n })));
    await fx.producer.send({ topic, acks: -1, messages: pings.map((value) => ({ value })) });
    for (const service of services) {
      const c = createBatchConsumer({
        kafka: fx.kafka, groupId: groupOf(service), topics: [topic], codec: fx.codec, producer: fx.producer,
        log: fx.log, fromBeginning: true, handle: async () => undefined,
      });
      consumers.push(c);
    }
    await Promise.all(consumers.map((c) => c.start()));
    // Every group has committed the three pings.
    await eventually(async () => {
      const offsets = await Promise.all(services.map((s) => fx.admin.fetchOffsets({ groupId: groupOf(s), topics: [topic] })));
      return offsets.every((o) => Number(o[0]?.partitions[0]?.offset) === 3) ? true : undefined;
    }, 90000, 'all groups committed');
    // The delivery group stops; two more records make it lag.
    await consumers.pop()!.stop();
    const more = await Promise.all([4, 5].map((n) => fx.codec.encode(topic, 'hub.test.Ping', { id: `p${n}`, n })));
    await fx.producer.send({ topic, acks: -1, messages: more.map((value) => ({ value })) });
  });

  afterAll(async () => {
    await Promise.allSettled(consumers.map((c) => c.stop()));
    await fx.admin.deleteGroups(services.map(groupOf)).catch(() => undefined);
    await fx.close();
  });

  it('Given hub service groups in the cluster, When `hub lag --json --direct` runs, Then every one is listed in the documented shape with lag = log-end − committed', async () => {
    // Other tests delete their topics meanwhile; kafkajs logs those retries at error level: not ours to read here.
    const { code, stdout, stderr } = await hub(['lag', '--json', '--direct', '--samples', '3', '--interval-ms', '500'], { LOG_LEVEL: 'silent' });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    for (const service of services) {
      const row = rows.find((r) => r.group === groupOf(service) && r.topic === topic);
      expect(row).toBeDefined();
      expect(Object.keys(row!).sort()).toEqual(['committedOffset', 'group', 'lag', 'lagSeconds', 'logEndOffset', 'partition', 'status', 'topic']);
      expect(row!.lag).toBe((row!.logEndOffset as number) - (row!.committedOffset as number));
    }
    const delivery = rows.find((r) => r.group === groupOf('deliveries'))!;
    expect(delivery).toMatchObject({ committedOffset: 3, logEndOffset: 5, lag: 2, status: 'STOP' });
    expect(delivery.lagSeconds as number).toBeGreaterThan(0);
  });

  it('Given the same groups, When a person runs `hub lag --group` with a glob, Then a Spanish table marks each hub service and says how it sampled', async () => {
    const { code, stdout } = await hub(['lag', '--direct', '--group', `${prefix}hub.*`, '--samples', '2', '--interval-ms', '300'], { HUB_LANG: '', LOG_LEVEL: 'silent' });
    expect(code).toBe(0);
    expect(stdout).toContain('Muestreado directamente del clúster');
    for (const service of services) expect(stdout).toContain(`servicio ${service}`);
    expect(stdout).toMatch(/STOP · detenido/);
    expect(stdout).toMatch(/Grupos de servicios del hub: .*hub\.api/);
  });
});
