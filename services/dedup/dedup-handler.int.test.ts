import { TOPICS } from '../../schemas/topics';
import { aChild, anEnvelope } from '../../test/builders/event-parts';
import { anAdmissionOrderIssued } from '../../test/builders/tribunal-events';
import type { ConsumedMessage } from '../platform/kafka/batch-consumer';
import { createMetrics } from '../platform/http/metrics';
import { createLogger } from '../platform/logging/create-logger';
import { DedupHandler } from './adapters/dedup-handler';
import { createDedupMetrics } from './adapters/dedup-metrics';
import { createDedupWorld, type DedupWorld } from './testing/dedup-world';

const ORDER = 'hub.tribunal.AdmissionOrderIssued';

/**
 * The handler's transaction against real PostgreSQL, without a consumer, to hit exactly the
 * moments a kill -9 hits only by chance: a batch whose transaction committed but whose offset
 * commit was lost (redelivered as is), and two consumers handling the same batch at once (a
 * zombie after a rebalance).
 */
describe('DedupHandler transaction', () => {
  let world: DedupWorld;
  let handler: DedupHandler;
  let topic: string;

  beforeAll(async () => {
    world = await createDedupWorld('dhandler');
    topic = world.config.HUB_TOPIC_PREFIX + TOPICS.tribunalEvents.name;
    handler = new DedupHandler({
      pool: world.pool, codec: world.codec, topicPrefix: world.config.HUB_TOPIC_PREFIX, channel: 'dedup_handler_test',
      metrics: createDedupMetrics(createMetrics('dedup-test')), log: createLogger({ service: 'dedup', level: 'warn', destination: process.stderr as never }),
    });
  });
  afterAll(async () => { await world?.close(); });

  function batch(partition: number, firstOffset: number, ids: string[]): ConsumedMessage[] {
    return ids.map((id, i) => ({
      topic, partition, offset: String(firstOffset + i), key: null, timestamp: 0, headers: {}, recordName: ORDER,
      value: anAdmissionOrderIssued({ envelope: anEnvelope('TRIBUNAL', '1301', `RES-H-${partition}-${id}`, { eventId: `h-${partition}-${id}` }), person: aChild('TRIBUNAL', `1301/NNA-H-${partition}-${id}`) }),
    }));
  }

  async function rows(sql: string, params: unknown[] = []): Promise<number> {
    return Number((await world.pool.query<{ n: string }>(sql, params)).rows[0]!.n);
  }

  it('Given a batch whose transaction committed, When it is redelivered (the offset commit was lost), Then every message is replayed: counters, claims and outbox unchanged', async () => {
    const b = batch(0, 0, ['a', 'b', 'a']);
    const first = await handler.handle(b);
    expect(first!.decisions.map((d) => d.outcome)).toEqual(['forwarded', 'forwarded', 'duplicate_event_id']);
    const before = await world.stats();
    const outbox = await rows('SELECT count(*)::text n FROM dedup_outbox');

    const again = await handler.handle(b);
    expect(again!.decisions.map((d) => d.outcome)).toEqual(['replayed', 'replayed', 'replayed']);
    expect(await world.stats()).toEqual(before);
    expect(before.totals).toMatchObject({ received: 3, forwarded: 2, duplicateEventId: 1, personsEmitted: 2 });
    expect(await rows('SELECT count(*)::text n FROM dedup_outbox')).toBe(outbox);
    expect(outbox).toBe(2);

    // The redelivery may come with later messages in the same batch: only those count, a re-sent id among them as a duplicate.
    const extended = await handler.handle([...b, ...batch(0, 3, ['c', 'a'])]);
    expect(extended!.decisions.map((d) => d.outcome)).toEqual(['replayed', 'replayed', 'replayed', 'forwarded', 'duplicate_event_id']);
    expect((await world.stats()).totals).toMatchObject({ received: 5, forwarded: 3, duplicateEventId: 2 });
  });

  it('Given two consumers handling the same batch at the same moment, When both commit, Then the partition lock makes one handle it and the other replay it', async () => {
    const b = batch(1, 0, ['x', 'y', 'z']);
    const before = (await world.stats()).totals;
    const [p, q] = await Promise.all([handler.handle(b), handler.handle(b)]);
    const outcomes = [p!, q!].map((plan) => plan.decisions.map((d) => d.outcome).join(','));
    expect(outcomes.sort()).toEqual(['forwarded,forwarded,forwarded', 'replayed,replayed,replayed']);
    const after = (await world.stats()).totals;
    expect(after.received - before.received).toBe(3);
    expect(after.personsEmitted - before.personsEmitted).toBe(3);
  });
});
