import type { Kafka } from 'kafkajs';
import { createKafkaFixture, type KafkaFixture } from '../../test/harness/kafka-fixture';
import { uniqueId } from '../../test/harness/test-env';
import { DEFAULT_RULES, type LagRules } from './domain/rules';
import type { PartitionReport } from './domain/group-report';
import { LagMonitor, type LagReport } from './lag-monitor';
import { RecordTimestamps } from './record-timestamps';
import { MarkerProbe } from './marker-probe';
import { adminSource, type AdminSource } from './admin-source';
import { committedReaches, deleteGroupsQuietly, produce, produceSteadily, sleep, startConsumer, type TestConsumer } from './testing/consumers';

/**
 * Burrow's statuses against a real broker: real consumer groups that stop, lag behind, get
 * stuck, are rewound, or catch up, observed only through the admin API as the service does.
 */
describe('lag monitor against real Kafka', () => {
  let fx: KafkaFixture;
  const prefix = process.env.HUB_TOPIC_PREFIX ?? '';
  const groups: string[] = [];
  const consumers: TestConsumer[] = [];
  const monitors: LagMonitor[] = [];

  let admins: AdminSource;
  beforeAll(async () => { fx = await createKafkaFixture(); admins = adminSource(fx.kafka); });
  afterAll(async () => {
    await Promise.allSettled(monitors.map((m) => m.stop()));
    await Promise.allSettled(consumers.map((c) => c.stop()));
    await deleteGroupsQuietly(fx.admin, groups);
    await admins.close();
    await fx.close();
  });

  function groupId(label: string): string {
    const g = `${prefix}hub.lagtest-${uniqueId(label)}`;
    groups.push(g);
    return g;
  }

  async function consumer(kafka: Kafka, group: string, topic: string, behaviour?: Parameters<typeof startConsumer>[3]): Promise<TestConsumer> {
    const c = await startConsumer(kafka, group, topic, behaviour);
    consumers.push(c);
    return c;
  }

  /** A monitor over one group, sampling every 400 ms, as the service does every LAG_SAMPLE_INTERVAL_MS. */
  function monitorOf(group: string, rules: Partial<LagRules> = {}): LagMonitor {
    const m = new LagMonitor({
      admin: admins, rules: { ...DEFAULT_RULES, windowSize: 6, minSamples: 4, minDistanceMs: 100, ...rules },
      naming: { prefix, services: [] }, timestamps: new RecordTimestamps(admins, { resolutionMs: 100, maxProbes: 40, slackMs: 1000 }),
      now: () => Date.now(), sampleIntervalMs: 400, freshMs: 60_000, historyPoints: 100, include: (g) => g === group,
    });
    monitors.push(m);
    m.start();
    return m;
  }

  /** Waits for the partition report to satisfy `ok`, returning it (and the whole report). */
  async function partitionWhen(m: LagMonitor, group: string, ok: (p: PartitionReport) => boolean, what: string, timeoutMs = 90000): Promise<{ p: PartitionReport; report: LagReport }> {
    const deadline = Date.now() + timeoutMs;
    let last: PartitionReport | undefined;
    for (;;) {
      const report = await m.current();
      last = report.groups.find((g) => g.group === group)?.partitions[0];
      if (last && ok(last)) return { p: last, report };
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
      await sleep(200);
    }
  }

  it('Given a consumer that committed 10 and stopped, When 15 more records arrive, Then STOP within the window with lag exactly log-end − committed = 15 and the wait of record 10 in seconds', async () => {
    const topic = await fx.topic('lag-stop');
    const group = groupId('stop');
    await produce(fx.producer, topic, 10, 'a');
    const c = await consumer(fx.kafka, group, topic);
    await committedReaches(fx.admin, group, topic, 10);
    await c.stop();
    const beforeSecond = Date.now();
    await produce(fx.producer, topic, 15, 'b');
    const afterSecond = Date.now();

    const m = monitorOf(group);
    const { p, report } = await partitionWhen(m, group, (x) => x.status === 'STOP' && x.lag === 15, 'STOP with lag 15');
    const [ends, committed] = await Promise.all([fx.admin.fetchTopicOffsets(topic), fx.admin.fetchOffsets({ groupId: group, topics: [topic] })]);
    expect(p.committedOffset).toBe(Number(committed[0]!.partitions[0]!.offset));
    expect(p.logEndOffset).toBe(Number(ends[0]!.high));
    expect(p.lag).toBe(Number(ends[0]!.high) - Number(committed[0]!.partitions[0]!.offset));
    expect(p).toMatchObject({ committedOffset: 10, logEndOffset: 25, reason: 'no-consumer', owner: 'none' });
    const g = report.groups.find((x) => x.group === group)!;
    expect(g).toMatchObject({ status: 'ERR', state: 'Empty', members: [], hubService: expect.stringMatching(/^lagtest-/) });
    // Record 10 was appended between beforeSecond and afterSecond; its wait is now − that time.
    expect(p.lagSeconds).not.toBeNull();
    expect(p.lagSeconds!).toBeGreaterThanOrEqual((report.at - afterSecond) / 1000 - 0.2);
    expect(p.lagSeconds!).toBeLessThanOrEqual((report.at - beforeSecond) / 1000 + 0.2);
  });

  it('Given a stopped consumer and fast STOP turned off, When the window fills without activity, Then STOP by Burrow\'s time rule', async () => {
    const topic = await fx.topic('lag-stop-time');
    const group = groupId('stoptime');
    await produce(fx.producer, topic, 3, 'a');
    const c = await consumer(fx.kafka, group, topic);
    await committedReaches(fx.admin, group, topic, 3);
    await c.stop();
    await produce(fx.producer, topic, 4, 'b');
    const m = monitorOf(group, { fastStop: false });
    const { p } = await partitionWhen(m, group, (x) => x.status === 'STOP', 'STOP by time');
    expect(p).toMatchObject({ reason: 'no-commit-for-window', lag: 4 });
  });

  it('Given a consumer slower than its producer, When the window fills, Then WARN (lag never decreased) while its offset moves', async () => {
    const topic = await fx.topic('lag-slow');
    const group = groupId('slow');
    await produce(fx.producer, topic, 5, 'a');
    const producer = produceSteadily(fx.producer, topic, 6, 150);
    try {
      await consumer(fx.kafka, group, topic, { perMessageMs: 120 });
      const m = monitorOf(group, { windowSize: 5, minSamples: 5 });
      const { p } = await partitionWhen(m, group, (x) => x.status === 'WARN', 'WARN', 90000);
      expect(p.reason).toBe('lag-not-decreasing');
      expect(p.owner).toBe('member');
      expect(p.consumptionPerSecond!).toBeGreaterThan(0);
      expect(p.productionPerSecond!).toBeGreaterThan(p.consumptionPerSecond!);
    } finally {
      await producer.stop();
    }
  });

  it('Given a live consumer stuck on one record, When the window fills, Then STALL (a member holds it, the offset never moves)', async () => {
    const topic = await fx.topic('lag-stuck');
    const group = groupId('stuck');
    await produce(fx.producer, topic, 8, 'a');
    const c = await consumer(fx.kafka, group, topic, { stuckAt: 3 });
    await committedReaches(fx.admin, group, topic, 3);
    const m = monitorOf(group);
    const { p, report } = await partitionWhen(m, group, (x) => x.status === 'STALL', 'STALL');
    expect(p).toMatchObject({ committedOffset: 3, lag: 5, reason: 'offset-unchanged', owner: 'member' });
    expect(report.groups[0]!.state).toBe('Stable');
    expect(report.groups[0]!.members).toHaveLength(1);
    c.release();
  });

  it('Given a group whose offset an operator reset to the beginning, When it resumes, Then REWIND until it passes its old position', async () => {
    const topic = await fx.topic('lag-rewind');
    const group = groupId('rewind');
    await produce(fx.producer, topic, 20, 'a');
    const first = await consumer(fx.kafka, group, topic);
    await committedReaches(fx.admin, group, topic, 20);
    const m = monitorOf(group, { windowSize: 40, minSamples: 4 });
    await partitionWhen(m, group, (x) => x.committedOffset === 20 && x.status === 'OK', 'caught up at 20');
    await first.stop();
    await fx.admin.resetOffsets({ groupId: group, topic, earliest: true });
    await consumer(fx.kafka, group, topic, { perMessageMs: 400 });
    const { p } = await partitionWhen(m, group, (x) => x.status === 'REWIND', 'REWIND');
    expect(p.reason).toBe('offset-went-back');
    expect(p.committedOffset!).toBeLessThan(20);
    expect(p.lag).toBe(p.logEndOffset - p.committedOffset!);
  });

  it('Given a backlog and a consumer that works it off, When it catches up, Then OK with lag 0 and 0 s', async () => {
    const topic = await fx.topic('lag-catchup');
    const group = groupId('catchup');
    await produce(fx.producer, topic, 40, 'a');
    const m = monitorOf(group);
    await consumer(fx.kafka, group, topic, { perMessageMs: 25 });
    const seenLag = await partitionWhen(m, group, (x) => x.lag > 0, 'some lag first');
    expect(seenLag.p.lag).toBeGreaterThan(0);
    const { p, report } = await partitionWhen(m, group, (x) => x.lag === 0, 'caught up');
    expect(p).toMatchObject({ status: 'OK', committedOffset: 40, logEndOffset: 40, lagSeconds: 0 });
    expect(report.groups[0]!.status).toBe('OK');
  });

  it('Given a long sampling interval, When records arrive and a request comes after LAG_FRESH_MS, Then the request sees the lag as of now (Burrow #127)', async () => {
    const topic = await fx.topic('lag-request-time');
    const group = groupId('reqtime');
    await produce(fx.producer, topic, 2, 'a');
    const c = await consumer(fx.kafka, group, topic);
    await committedReaches(fx.admin, group, topic, 2);
    await c.stop();
    const m = new LagMonitor({
      admin: admins, rules: DEFAULT_RULES, naming: { prefix, services: [] },
      timestamps: new RecordTimestamps(admins, { resolutionMs: 100, maxProbes: 40, slackMs: 1000 }),
      now: () => Date.now(), sampleIntervalMs: 600_000, freshMs: 500, historyPoints: 10, include: (g) => g === group,
    });
    monitors.push(m);
    m.start();
    await partitionWhen(m, group, (x) => x.lag === 0, 'first periodic sample');
    await produce(fx.producer, topic, 7, 'b');
    await sleep(600);
    const report = await m.current();
    expect(report.groups[0]!.partitions[0]).toMatchObject({ committedOffset: 2, logEndOffset: 9, lag: 7, status: 'STOP' });
  });

  it('Given a consumer that commits "last + 1" by hand after a transaction, When its lag of 1 is only the commit marker, Then OK with lag still log-end − committed; a real unread record of a stuck consumer stays STALL', async () => {
    const txTopic = await fx.topic('lag-tx');
    const plainTopic = await fx.topic('lag-plain');
    const txGroup = groupId('tx');
    const stuckGroup = groupId('onebehind');
    const tx = fx.kafka.producer({ transactionalId: uniqueId('lag-tx'), idempotent: true, maxInFlightRequests: 1 });
    await tx.connect();
    const t = await tx.transaction();
    await t.send({ topic: txTopic, messages: [0, 1, 2].map((i) => ({ key: `k${i}`, value: `v${i}`, partition: 0 })) });
    await t.commit();
    await tx.disconnect();
    // The hub's consumers commit the offset after the last record they handled, by hand.
    const manual = fx.kafka.consumer({ groupId: txGroup });
    consumers.push({ group: txGroup, consumer: manual, handled: () => 0, release: () => undefined, stop: () => manual.disconnect() });
    await manual.connect();
    await manual.subscribe({ topic: txTopic, fromBeginning: true });
    await manual.run({ autoCommit: false, eachMessage: async ({ topic, partition, message }) => {
      await manual.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    } });
    await committedReaches(fx.admin, txGroup, txTopic, 3);
    await produce(fx.producer, plainTopic, 4, 'p');
    await consumer(fx.kafka, stuckGroup, plainTopic, { stuckAt: 3 });
    await committedReaches(fx.admin, stuckGroup, plainTopic, 3);

    const m = new LagMonitor({
      admin: admins, rules: { ...DEFAULT_RULES, windowSize: 4, minSamples: 3, minDistanceMs: 100 }, naming: { prefix, services: [] },
      timestamps: new RecordTimestamps(admins, { resolutionMs: 100, maxProbes: 40, slackMs: 1000 }),
      now: () => Date.now(), sampleIntervalMs: 400, freshMs: 60_000, historyPoints: 10, include: (g) => g === txGroup || g === stuckGroup,
      markers: new MarkerProbe(fx.kafka, admins), markerMaxLag: 2,
    });
    monitors.push(m);
    m.start();
    const { p } = await partitionWhen(m, txGroup, (x) => x.onlyMarkers, 'the marker read');
    expect(p).toMatchObject({ committedOffset: 3, logEndOffset: 4, lag: 1, lagSeconds: 0, status: 'OK', reason: 'only-transaction-markers' });
    const stuck = await partitionWhen(m, stuckGroup, (x) => x.status === 'STALL', 'STALL of the one-behind consumer');
    expect(stuck.p).toMatchObject({ committedOffset: 3, logEndOffset: 4, lag: 1, onlyMarkers: false });
    // The probe's throw-away groups are deleted once read.
    await m.stop();
    const listed = (await fx.admin.listGroups()).groups.map((g) => g.groupId);
    expect(listed.filter((g) => g.startsWith('hub-lag-probe-'))).toEqual([]);
  });

  it('Given a topic the monitor has sampled, When another client deletes it, Then the next samples still succeed and report the other groups', async () => {
    const doomed = await fx.topic('lag-doomed');
    const kept = await fx.topic('lag-kept');
    const doomedGroup = groupId('doomed');
    const keptGroup = groupId('kept');
    await produce(fx.producer, doomed, 2, 'a');
    await produce(fx.producer, kept, 2, 'a');
    const c = await consumer(fx.kafka, doomedGroup, doomed);
    await consumer(fx.kafka, keptGroup, kept);
    await Promise.all([committedReaches(fx.admin, doomedGroup, doomed, 2), committedReaches(fx.admin, keptGroup, kept, 2)]);
    const own = adminSource(fx.kafka);
    const m = new LagMonitor({
      admin: own, rules: DEFAULT_RULES, naming: { prefix, services: [] },
      timestamps: new RecordTimestamps(own, { resolutionMs: 100, maxProbes: 40, slackMs: 1000 }),
      now: () => Date.now(), sampleIntervalMs: 600_000, freshMs: 0, historyPoints: 10, include: (g) => g === doomedGroup || g === keptGroup,
    });
    try {
      expect((await m.sample(true)).groups.map((g) => g.group).sort()).toEqual([doomedGroup, keptGroup].sort());
      await c.stop();
      await fx.admin.deleteGroups([doomedGroup]);
      await fx.admin.deleteTopics({ topics: [doomed] });
      for (let i = 0; i < 3; i++) {
        const report = await m.sample(true);
        expect(report.groups.map((g) => g.group)).toEqual([keptGroup]);
        expect(report.groups[0]!.partitions[0]).toMatchObject({ committedOffset: 2, logEndOffset: 2, lag: 0 });
      }
    } finally {
      await m.stop();
      await own.close();
    }
  });
});
