import { TOPICS } from '../../schemas/topics';
import { aChild, anEnvelope } from '../../test/builders/event-parts';
import { anAdmissionOrderIssued, aHearingScheduled } from '../../test/builders/tribunal-events';
import { anEnrollmentRegistered } from '../../test/builders/school-events';
import { aCapacityDeclared } from '../../test/builders/sename-events';
import { eventually } from '../../test/harness/test-env';
import { CredentialRepository } from '../platform/auth/credential-repository';
import { DLQ_HEADERS } from '../platform/kafka/dead-letter';
import { createLogger } from '../platform/logging/create-logger';
import { deadLetterTopicOf } from '../../schemas/topics';
import { sha256Hex } from './adapters/sha256';
import { personObservedEventId } from './domain/person-observed';
import { startDedup, type RunningDedup } from './start-dedup';
import { createDedupWorld, type DedupWorld, type InputEvent } from './testing/dedup-world';

const TRIBUNAL = TOPICS.tribunalEvents.name;
const SCHOOL = TOPICS.schoolEvents.name;
const ORDER = 'hub.tribunal.AdmissionOrderIssued';
const HEARING = 'hub.tribunal.HearingScheduled';
const ENROLLMENT = 'hub.school.EnrollmentRegistered';

function ev(topic: string, recordName: string, value: object): InputEvent {
  return { topic, recordName, value: value as InputEvent['value'] };
}

/**
 * The dedup service as deployed: consumer → PostgreSQL transaction → outbox relay → Kafka, over
 * the run's real Kafka, registry and PostgreSQL, in its own schema and topic prefix. Each test
 * produces its own children (distinct record ids) and waits on the reconciliation counters.
 */
describe('dedup service', () => {
  let world: DedupWorld;
  let dedup: RunningDedup;
  let produced = 0;

  async function produceAndSettle(events: InputEvent[]): Promise<void> {
    await world.produce(events);
    produced += events.length;
    await settle();
  }

  async function settle(): Promise<void> {
    await eventually(async () => {
      const s = await world.stats();
      return s.totals.received === produced && s.pendingPersonObserved === 0 ? s : undefined;
    }, 60000, `dedup to receive ${produced} messages and drain its outbox`);
  }

  beforeAll(async () => {
    world = await createDedupWorld('dedup');
    dedup = await startDedup(world.config, createLogger({ service: 'dedup', level: 'warn', destination: process.stderr as never }));
  });
  afterAll(async () => { await dedup?.close(); await world?.close(); });

  it('Given a court order delivered twice with the same event id, When consumed, Then one is forwarded, one counted as duplicate_event_id, and one PersonObserved is published', async () => {
    const order = anAdmissionOrderIssued({ envelope: anEnvelope('TRIBUNAL', '1301', 'RES-IT-1', { eventId: 'it-order-1' }), person: aChild('TRIBUNAL', '1301/NNA-IT-1') });
    await produceAndSettle([ev(TRIBUNAL, ORDER, order), ev(TRIBUNAL, ORDER, order)]);

    const s = await world.stats();
    expect(s.byTopic).toEqual([expect.objectContaining({ topic: TRIBUNAL, institution: 'TRIBUNAL', received: 2, forwarded: 1, duplicateEventId: 1, duplicateContent: 0, personsEmitted: 1 })]);
    const observed = (await world.readPersonObserved()).filter((m) => m.sourceEventId === 'it-order-1');
    expect(observed).toHaveLength(1);
    expect(observed[0]!.key).toBe('TRIBUNAL:1301/NNA-IT-1');
    expect(observed[0]!.eventId).toBe(personObservedEventId({ sourceInstitution: 'TRIBUNAL', eventId: 'it-order-1' }, sha256Hex));
    expect(observed[0]!.value.envelope).toMatchObject({ eventId: observed[0]!.eventId, sourceInstitution: 'TRIBUNAL', sourceUnit: '1301', sourceRecordId: '1301/NNA-IT-1', schemaVersion: 1 });
    expect(observed[0]!.value.person).toEqual(order.person);
  });

  it('Given the same enrollment re-sent with a new event id (another version) and a later recordedAt, When consumed, Then it is counted as duplicate_content and nothing new is published', async () => {
    const v1 = anEnrollmentRegistered({ envelope: anEnvelope('SCHOOL', '99901', 'MAT-IT-2', { eventId: 'it-mat-2-v1' }), person: aChild('SCHOOL', '99901/IPE-IT-2') });
    const v2 = { ...v1, envelope: { ...v1.envelope, eventId: 'it-mat-2-v2', recordedAt: v1.envelope.recordedAt + 3_600_000, traceId: 'resend' } };
    await produceAndSettle([ev(SCHOOL, ENROLLMENT, v1)]);
    await produceAndSettle([ev(SCHOOL, ENROLLMENT, v2)]);

    const school = (await world.stats()).byTopic.find((t) => t.topic === SCHOOL);
    expect(school).toMatchObject({ institution: 'SCHOOL', received: 2, forwarded: 1, duplicateEventId: 0, duplicateContent: 1, personsEmitted: 1 });
    const observed = (await world.readPersonObserved()).filter((m) => m.key === 'SCHOOL:99901/IPE-IT-2');
    expect(observed.map((m) => m.sourceEventId)).toEqual(['it-mat-2-v1']);
  });

  it('Given more facts about one child, When the person block is unchanged and then changed, Then only the change publishes a new PersonObserved, with the new values', async () => {
    const child = aChild('TRIBUNAL', '1301/NNA-IT-3');
    const first = anAdmissionOrderIssued({ envelope: anEnvelope('TRIBUNAL', '1301', 'RES-IT-3', { eventId: 'it-3-a' }), person: child });
    const sameChild = aHearingScheduled({ envelope: anEnvelope('TRIBUNAL', '1301', 'AUD-IT-3', { eventId: 'it-3-b' }), person: child });
    const moved = aHearingScheduled({ envelope: anEnvelope('TRIBUNAL', '1301', 'AUD-IT-3b', { eventId: 'it-3-c' }), person: { ...child, comunaCode: '13102' } });
    await produceAndSettle([ev(TRIBUNAL, ORDER, first), ev(TRIBUNAL, HEARING, sameChild), ev(TRIBUNAL, HEARING, moved)]);

    const observed = (await world.readPersonObserved()).filter((m) => m.key === 'TRIBUNAL:1301/NNA-IT-3');
    expect(observed.map((m) => m.sourceEventId)).toEqual(['it-3-a', 'it-3-c']);
    expect(observed.map((m) => m.value.person.comunaCode)).toEqual(['13101', '13102']);
    const tribunal = (await world.stats()).byTopic.find((t) => t.topic === TRIBUNAL);
    expect(tribunal).toMatchObject({ received: 5, forwarded: 4, duplicateEventId: 1, personsEmitted: 3 });
  });

  it('Given undecodable bytes and a record that is not a child event on the court topic, When consumed, Then both are dead-lettered with reason headers and counted, and the stream goes on', async () => {
    await world.produceRaw(TRIBUNAL, 'TRIBUNAL:x', Buffer.from('not avro at all'));
    await world.produce([ev(TRIBUNAL, 'hub.sename.CapacityDeclared', aCapacityDeclared())]);
    produced += 2;
    const after = anAdmissionOrderIssued({ envelope: anEnvelope('TRIBUNAL', '1301', 'RES-IT-4', { eventId: 'it-4' }), person: aChild('TRIBUNAL', '1301/NNA-IT-4') });
    await produceAndSettle([ev(TRIBUNAL, ORDER, after)]);

    const letters = await world.readRaw(deadLetterTopicOf(TRIBUNAL));
    expect(letters.map((l) => [l.headers[DLQ_HEADERS.stage], l.headers[DLQ_HEADERS.code], l.headers[DLQ_HEADERS.consumer]]).sort()).toEqual([
      ['decode', expect.any(String), `${world.config.HUB_TOPIC_PREFIX}hub.dedup`],
      ['handle', 'UNEXPECTED_RECORD', `${world.config.HUB_TOPIC_PREFIX}hub.dedup`],
    ]);
    expect(letters.find((l) => l.headers[DLQ_HEADERS.stage] === 'decode')!.value!.toString()).toBe('not avro at all');
    const s = await world.stats();
    expect(s.byTopic.find((t) => t.topic === TRIBUNAL)).toMatchObject({ received: 8, forwarded: 5, duplicateEventId: 1, deadLettered: 2 });
    expect((await world.readPersonObserved()).some((m) => m.sourceEventId === 'it-4')).toBe(true);
  });

  it('Given everything above, When the stats, health and metrics endpoints are read, Then the totals reconcile with what was produced and the topics', async () => {
    // The stats need a hub operator's credential (HUB, scope ops-read): docs/security/README.md.
    expect((await fetch(`${dedup.url}/v1/dedup/stats`)).status).toBe(401);
    const { token } = await new CredentialRepository(world.pool).create({ institution: 'HUB', scope: 'ops-read', label: 'dedup test' });
    const res = await fetch(`${dedup.url}/v1/dedup/stats`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const s = await res.json() as Awaited<ReturnType<DedupWorld['stats']>>;
    expect(s.reconciled).toBe(true);
    expect(s.totals.received).toBe(produced);
    expect(s.totals.received).toBe(s.totals.forwarded + s.totals.duplicateEventId + s.totals.duplicateContent + s.totals.deadLettered);
    const onTopics = (await world.readRaw(TRIBUNAL)).length + (await world.readRaw(SCHOOL)).length;
    expect(s.totals.received).toBe(onTopics);
    expect(s.totals.personsEmitted).toBe((await world.readPersonObserved()).length);

    expect((await fetch(`${dedup.url}/health`)).status).toBe(200);
    const metrics = await (await fetch(`${dedup.url}/metrics`)).text();
    expect(metrics).toMatch(/hub_dedup_events_total\{[^}]*outcome="duplicate_content"[^}]*\} 1/);
    expect(metrics).toMatch(/hub_dedup_events_total\{[^}]*outcome="dead_lettered"[^}]*\} 2/);
    expect(metrics).not.toMatch(/Amanda|NNA-IT|IPE-IT/);
  });
});
