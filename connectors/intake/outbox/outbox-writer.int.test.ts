import { createLogger } from '../../../services/platform/logging/create-logger';
import { createIntakeWorld, type IntakeWorld } from '../testing/intake-fixture';
import { OutboxWriter, type Submission, type WriteOutcome } from './outbox-writer';

const log = createLogger({ service: 'writer-test', level: 'error', destination: process.stderr as never });

/** A one-record submission whose response says whether the record was new. */
function aSubmission(eventId: string, key: { key: string; hash: string } | null = null, credentialId = 'c1'): Submission {
  return {
    credentialId,
    idempotency: key ? { key: key.key, requestHash: key.hash } : null,
    records: [{ eventId, messages: [{ topic: 't', key: 'k', value: Buffer.from(eventId), headers: { 'hub.event.id': eventId } }] }],
    respond: (isNew) => ({ status: isNew[0] ? 202 : 200, body: { eventId, duplicado: !isNew[0] } }),
  };
}

describe('OutboxWriter (group commit)', () => {
  let world: IntakeWorld;
  let writer: OutboxWriter;

  beforeAll(async () => {
    world = await createIntakeWorld('writer');
    writer = new OutboxWriter(world.pool, { channel: 'writer_test', log, maxConcurrent: 2 });
  });
  afterAll(() => world.close());

  it('Given many concurrent submissions repeating records, When written in shared batches, Then each record is new exactly once and in the outbox once', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `ev-${i % 10}`);
    const outcomes = await Promise.all(ids.map((id) => writer.submit(aSubmission(id))));
    const statuses = new Map<string, number[]>();
    outcomes.forEach((o, i) => {
      expect(o.kind).toBe('written');
      if (o.kind === 'written') statuses.set(ids[i]!, [...(statuses.get(ids[i]!) ?? []), o.response.status]);
    });
    for (const [, s] of statuses) expect(s.sort()).toEqual([200, 200, 200, 202]);
    const { rows } = await world.pool.query<{ event_id: string; n: string }>("SELECT event_id, count(*)::text AS n FROM intake_outbox WHERE event_id LIKE 'ev-%' GROUP BY event_id");
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.n === '1')).toBe(true);
  });

  it('Given concurrent requests sharing Idempotency-Keys, When written, Then one is written per key, the same request replays it and another request is refused', async () => {
    const same = Array.from({ length: 6 }, () => writer.submit(aSubmission('ik-1', { key: 'key-1', hash: 'h1' })));
    const other = writer.submit(aSubmission('ik-2', { key: 'key-1', hash: 'h2' }));
    const otherCredential = writer.submit(aSubmission('ik-3', { key: 'key-1', hash: 'h3' }, 'c2'));
    const results: WriteOutcome[] = await Promise.all([...same, other, otherCredential]);
    // Submitted in the same tick, they share one batch, where the first with a key claims it.
    expect(results.slice(0, 6).map((r) => r.kind)).toEqual(['written', 'replayed', 'replayed', 'replayed', 'replayed', 'replayed']);
    expect(results[1]).toEqual({ kind: 'replayed', response: { status: 202, body: { eventId: 'ik-1', duplicado: false } } });
    expect(results[6]).toEqual({ kind: 'key-reused' });
    expect((await world.pool.query("SELECT 1 FROM intake_accepted_events WHERE event_id = 'ik-2'")).rowCount).toBe(0);
    expect(results[7]).toMatchObject({ kind: 'written', response: { status: 202 } });
  });

  it('Given a keyed retry of a record first sent without a key, When written, Then the stored answer is the 200 duplicate, replayed as such', async () => {
    await writer.submit(aSubmission('dup-1'));
    const first = await writer.submit(aSubmission('dup-1', { key: 'key-dup', hash: 'hd' }));
    const replay = await writer.submit(aSubmission('dup-1', { key: 'key-dup', hash: 'hd' }));
    expect(first).toEqual({ kind: 'written', response: { status: 200, body: { eventId: 'dup-1', duplicado: true } } });
    expect(replay).toEqual({ kind: 'replayed', response: first.kind === 'written' ? first.response : null });
  });
});
