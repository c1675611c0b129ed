import { AssignerProtocol } from 'kafkajs';
import { eventually, testLogger } from '../../../test/harness/test-env';
import { startIdentity, type RunningIdentity } from '../start-identity';
import { createStreamKit, observation, syntheticChild, type StreamKit } from '../testing/stream-kit';

/**
 * Two records of the same new child arriving at the same moment never create two identities:
 * two identity processes (real consumers, same group) share the person-observed partitions; each
 * round produces six observations of one new child, one per partition, in one send, so both
 * consumers (and up to three partitions per consumer) decide about the same child concurrently.
 */
const log = testLogger();
const ROUNDS = 6;
const INSTITUTIONS = ['TRIBUNAL', 'SENAME', 'MUNICIPALITY', 'SCHOOL', 'HEALTH', 'TRIBUNAL'];

describe('Identity stream: concurrent consumers', () => {
  let kit: StreamKit;
  const services: RunningIdentity[] = [];

  beforeAll(async () => {
    kit = await createStreamKit(process.env, 'idconc', log);
    const config = kit.config({ IDENTITY_PARTITIONS_CONCURRENTLY: '3' });
    services.push(await startIdentity(config, log), await startIdentity(config, log));
    const group = config.HUB_TOPIC_PREFIX + config.IDENTITY_GROUP_ID;
    // Both members joined and each owns partitions: the six records are split between them.
    await eventually(async () => {
      const { groups } = await kit.admin.describeGroups([group]);
      const g = groups[0];
      if (!g || g.state !== 'Stable' || g.members.length !== 2) return undefined;
      const owned = g.members.map((m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[kit.personTopic]?.length ?? 0);
      return owned.every((n) => n > 0) ? true : undefined;
    }, 90000, 'two members with partitions each');
  });
  afterAll(async () => {
    for (const s of services) await s.close();
    await kit?.dropTopics();
    await kit?.close();
  });

  it('Given six records of one new child on six partitions at once, handled by two consumers, When decided, Then exactly one identity exists for the child (every round)', async () => {
    const base = Date.now() % 1_000_000;
    for (let round = 0; round < ROUNDS; round++) {
      const child = syntheticChild(base * 10 + round, round);
      const events = INSTITUTIONS.map((inst, p) => observation(child, inst, `C-${base}-${round}-${p}`));
      await kit.produce(events.map((event, partition) => ({ event, partition })));
      await eventually(async () => ((await kit.processedCount(events.map((e) => e.envelope.eventId))) === events.length ? true : undefined), 90000, `round ${round}`);

      const keys = events.map((e) => `${e.person.source}|${e.person.sourceRecordId}`);
      const { rows } = await kit.pool.query<{ identity_id: string }>('SELECT DISTINCT identity_id FROM identity_records WHERE record_key = ANY($1::text[])', [keys]);
      const created = await kit.pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM identity_ledger WHERE kind = 'created' AND record_key = ANY($1::text[])`, [keys]);
      expect({ round, identities: rows.length, created: Number(created.rows[0]!.n) }).toEqual({ round, identities: 1, created: 1 });
    }
    // Both processes decided records (otherwise the test would not be about concurrency).
    const decidedBy = await Promise.all(services.map(async (s) => {
      const text = await (await fetch(`${s.url}/metrics`)).text();
      return text.split('\n').filter((l) => l.startsWith('hub_identity_decisions_total{')).reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
    }));
    expect(decidedBy.every((n) => n > 0)).toBe(true);
    expect(decidedBy.reduce((a, b) => a + b, 0)).toBe(ROUNDS * INSTITUTIONS.length);
  });
});
