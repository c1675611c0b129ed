import { eventually, testLogger } from '../../../test/harness/test-env';
import { CorrectionsStore } from '../store/corrections-store';
import { resolveRedirect } from '../store/identity-store';
import { startIdentity, type RunningIdentity } from '../start-identity';
import { createStreamKit, observation, readIdentityEvents, syntheticChild, type StreamKit } from '../testing/stream-kit';
import { createCorrectionPublisher } from './correction-publisher';

/**
 * The identity stream against real Kafka and PostgreSQL: PersonObserved produced on the topic,
 * the identity process (the same composition as main.ts) consuming it, results read from the
 * tables and from the identity topic. Every child is synthetic; each test has its own topics
 * (namespace) and children, and shares the run's database schema.
 */
const log = testLogger();
let salt = Date.now() % 100000;
const nextChild = () => syntheticChild(salt++ * 13 + 7, salt);

async function identityOf(kit: StreamKit, recordKey: string): Promise<string | undefined> {
  const { rows } = await kit.pool.query<{ identity_id: string }>('SELECT identity_id FROM identity_records WHERE record_key = $1', [recordKey]);
  return rows[0]?.identity_id;
}

async function ledgerOf(kit: StreamKit, recordKeys: readonly string[]): Promise<{ identity_id: string; kind: string; record_key: string | null; actor: string; model_version: string | null }[]> {
  const { rows } = await kit.pool.query(
    `SELECT identity_id, kind, record_key, actor, model_version FROM identity_ledger
     WHERE identity_id IN (SELECT identity_id FROM identity_ledger WHERE record_key = ANY($1::text[])) ORDER BY seq`,
    [[...recordKeys]],
  );
  return rows;
}

describe('Identity stream (real Kafka and PostgreSQL)', () => {
  let kit: StreamKit;
  let service: RunningIdentity;

  beforeAll(async () => {
    kit = await createStreamKit(process.env, 'idstream', log);
    service = await startIdentity(kit.config(), log);
  });
  afterAll(async () => {
    await service?.close();
    await kit?.dropTopics();
    await kit?.close();
  });

  it('Given two institutions\' records of one child, When observed, Then one identity holds both, the ledger says created+linked then linked, and the identity events are published', async () => {
    const child = nextChild();
    const a = observation(child, 'TRIBUNAL', `T-${salt}`);
    const b = observation(child, 'SENAME', `S-${salt}`, { occurredAt: Date.UTC(2024, 3, 1), person: { comunaCode: '13110' } });
    await kit.produce([{ event: a }]);
    await eventually(async () => ((await kit.processedCount([a.envelope.eventId])) === 1 ? true : undefined), 60000, 'first record');
    await kit.produce([{ event: b }]);
    await eventually(async () => ((await kit.processedCount([b.envelope.eventId])) === 1 ? true : undefined), 60000, 'second record');

    const keyA = `TRIBUNAL|${a.person.sourceRecordId}`;
    const keyB = `SENAME|${b.person.sourceRecordId}`;
    const id = await identityOf(kit, keyA);
    expect(id).toMatch(/^NNA-[0-9A-Z]{26}$/);
    expect(await identityOf(kit, keyB)).toBe(id);

    const ledger = await ledgerOf(kit, [keyA, keyB]);
    expect(ledger.filter((e) => e.kind !== 'golden-changed').map((e) => [e.kind, e.record_key])).toEqual([
      ['created', keyA], ['linked', keyA], ['linked', keyB],
    ]);
    expect(ledger.every((e) => e.actor === 'engine' && e.model_version === service.model.version)).toBe(true);
    expect(ledger.filter((e) => e.kind === 'golden-changed').length).toBeGreaterThanOrEqual(1);

    const events = await readIdentityEvents(kit, (es) => es.filter((e) => e.childId === id).length >= 2);
    const mine = events.filter((e) => e.childId === id);
    expect(mine.map((e) => e.kind)).toEqual(['CREATED', 'RECORD_LINKED']);
    expect(mine[1]!.recordKeys).toEqual([keyB, keyA].sort());
    expect(mine[1]!.affectedRecordKeys).toEqual([keyB]);
    expect(mine[1]!.golden).toMatchObject({ run: child.run, birthDate: child.birthDate, comunaCode: '13110' });
    // The comuna came from the more recent SENAME observation: provenance names it.
    expect(mine[1]!.golden!.provenance.find((p) => p.field === 'comunaCode')).toMatchObject({ source: 'SENAME', recordKey: keyB });
    expect(Number(mine[1]!.ledgerSeq)).toBeGreaterThan(Number(mine[0]!.ledgerSeq));
  });

  it('Given a different child, When observed, Then a new identity is created for it', async () => {
    const one = nextChild();
    const other = nextChild();
    const a = observation(one, 'SCHOOL', `SC-${salt}`);
    const b = observation(other, 'SCHOOL', `SC-${salt}-x`);
    await kit.produce([{ event: a }, { event: b }]);
    await eventually(async () => ((await kit.processedCount([a.envelope.eventId, b.envelope.eventId])) === 2 ? true : undefined), 60000, 'records');
    const ia = await identityOf(kit, `SCHOOL|${a.person.sourceRecordId}`);
    const ib = await identityOf(kit, `SCHOOL|${b.person.sourceRecordId}`);
    expect(ia).toBeDefined();
    expect(ib).toBeDefined();
    expect(ia).not.toBe(ib);
  });

  it('Given a newborn filed under the RUN of an older child (the mother\'s-RUN pattern), When observed, Then it gets a provisional identity and an open review task naming the older child', async () => {
    const older = nextChild();
    const a = observation(older, 'TRIBUNAL', `T-${salt}-old`);
    const newborn = observation(older, 'HEALTH', `999123/RN-${salt}`, {
      person: { givenNames: null, birthDate: '2024-02-27', sex: older.sex === 'F' ? 'M' : 'F', comunaCode: older.comunaCode },
    });
    await kit.produce([{ event: a }]);
    await eventually(async () => ((await kit.processedCount([a.envelope.eventId])) === 1 ? true : undefined), 60000, 'older record');
    await kit.produce([{ event: newborn }]);
    await eventually(async () => ((await kit.processedCount([newborn.envelope.eventId])) === 1 ? true : undefined), 60000, 'newborn record');

    const olderId = await identityOf(kit, `TRIBUNAL|${a.person.sourceRecordId}`);
    const newbornKey = `HEALTH|${newborn.person.sourceRecordId}`;
    const provisional = await identityOf(kit, newbornKey);
    expect(provisional).toBeDefined();
    expect(provisional).not.toBe(olderId);
    const { rows: tasks } = await kit.pool.query<{ status: string; identity_id: string; candidate_identity_ids: string[]; model_version: string; explanation: { candidates: unknown[] } }>(
      'SELECT status, identity_id, candidate_identity_ids, model_version, explanation FROM review_tasks WHERE record_key = $1', [newbornKey],
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ status: 'open', identity_id: provisional, candidate_identity_ids: [olderId], model_version: service.model.version });
    expect(tasks[0]!.explanation.candidates).toHaveLength(1);
    const kinds = (await ledgerOf(kit, [newbornKey])).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['created', 'linked', 'review-opened']));
    const events = await readIdentityEvents(kit, (es) => es.some((e) => e.childId === provisional));
    expect(events.find((e) => e.childId === provisional)).toMatchObject({ kind: 'CREATED', underReview: true });
  });

  it('Given two identities merged by a reviewer, When a merged record is observed again, Then it stays with the survivor, the old id redirects, and MERGED is published', async () => {
    // Two different children, so the engine keeps them apart; the reviewer merges them (the API
    // would only do this on evidence the engine lacks): the stream must respect it afterwards.
    const childA = nextChild();
    const a = observation(childA, 'TRIBUNAL', `T-${salt}-m1`);
    const other = nextChild();
    const b = observation(other, 'MUNICIPALITY', `13101/M-${salt}-m2`);
    await kit.produce([{ event: a }, { event: b }]);
    await eventually(async () => ((await kit.processedCount([a.envelope.eventId, b.envelope.eventId])) === 2 ? true : undefined), 60000, 'records');
    const keyA = `TRIBUNAL|${a.person.sourceRecordId}`;
    const keyB = `MUNICIPALITY|${b.person.sourceRecordId}`;
    const ia = (await identityOf(kit, keyA))!;
    const ib = (await identityOf(kit, keyB))!;
    expect(ia).not.toBe(ib);

    const store = new CorrectionsStore(kit.pool, createCorrectionPublisher({ codec: kit.codec, topicPrefix: kit.prefix, outboxChannel: 'identity_outbox_test_merge' }));
    const merged = await store.apply({
      command: { kind: 'merge', identityId: ib, into: ia },
      ctx: { actor: 'user:test-reviewer', reason: 'same child (test)', causeId: `req-merge-${salt}`, newIdentityId: 'unused' },
      audit: { credentialId: 'test-reviewer', action: 'identity.merge', purpose: 'same child (test)', requestId: `req-merge-${salt}`, status: 200 },
      now: Date.now(),
    });
    expect(merged.ok).toBe(true);
    expect(await resolveRedirect(kit.pool, ib)).toBe(ia);
    expect(await identityOf(kit, keyB)).toBe(ia);

    // The merged record changes (the child moved): re-evaluated, it stays with the survivor,
    // whose golden comuna follows the newest observation.
    const b2 = observation(other, 'MUNICIPALITY', `13101/M-${salt}-m2`, { occurredAt: Date.UTC(2025, 0, 1), person: { comunaCode: '08101' } });
    const a2 = observation(childA, 'TRIBUNAL', `T-${salt}-m1`, { occurredAt: Date.UTC(2024, 11, 1), person: { phone: '+56 9 1234 5678' } });
    await kit.produce([{ event: b2 }, { event: a2 }]);
    await eventually(async () => ((await kit.processedCount([b2.envelope.eventId, a2.envelope.eventId])) === 2 ? true : undefined), 60000, 'updates');
    expect(await identityOf(kit, keyB)).toBe(ia);
    expect(await identityOf(kit, keyA)).toBe(ia);
    const { rows } = await kit.pool.query<{ id: string; status: string; merged_into: string | null; golden: { comunaCode?: { value: string } } }>(
      'SELECT id, status, merged_into, golden FROM identities WHERE id = ANY($1::text[]) ORDER BY id', [[ia, ib]],
    );
    expect(rows.find((r) => r.id === ib)).toMatchObject({ status: 'merged', merged_into: ia });
    expect(rows.find((r) => r.id === ia)!.golden.comunaCode?.value).toBe('08101');

    const events = await readIdentityEvents(kit, (es) => es.some((e) => e.childId === ib && e.kind === 'MERGED'));
    expect(events.find((e) => e.childId === ib && e.kind === 'MERGED')).toMatchObject({ mergedInto: ia, status: 'MERGED', golden: null, actor: 'user:test-reviewer' });
  });

  it('Given a record split out of an identity by a reviewer, When that record is observed again, Then the engine does not undo the person\'s decision', async () => {
    const child = nextChild();
    const a = observation(child, 'TRIBUNAL', `T-${salt}-s1`);
    const b = observation(child, 'SENAME', `S-${salt}-s2`);
    await kit.produce([{ event: a }, { event: b }]);
    await eventually(async () => ((await kit.processedCount([a.envelope.eventId, b.envelope.eventId])) === 2 ? true : undefined), 60000, 'records');
    const keyA = `TRIBUNAL|${a.person.sourceRecordId}`;
    const keyB = `SENAME|${b.person.sourceRecordId}`;
    const id = (await identityOf(kit, keyA))!;
    expect(await identityOf(kit, keyB)).toBe(id);

    const store = new CorrectionsStore(kit.pool, createCorrectionPublisher({ codec: kit.codec, topicPrefix: kit.prefix, outboxChannel: 'identity_outbox_test_split' }));
    const newId = `NNA-SPLITTEST${String(salt).padStart(17, '0')}`.slice(0, 30);
    const split = await store.apply({
      command: { kind: 'split', identityId: id, recordKeys: [keyB] },
      ctx: { actor: 'user:test-reviewer', reason: 'two children (test)', causeId: `req-split-${salt}`, newIdentityId: newId },
      audit: { credentialId: 'test-reviewer', action: 'identity.split', purpose: 'two children (test)', requestId: `req-split-${salt}`, status: 200 },
      now: Date.now(),
    });
    expect(split.ok).toBe(true);
    expect(await identityOf(kit, keyB)).toBe(newId);

    // Same record, changed comuna: re-evaluated, but a person placed it: it stays where it is.
    const b2 = observation(child, 'SENAME', `S-${salt}-s2`, { occurredAt: Date.UTC(2024, 5, 1), person: { comunaCode: '05101' } });
    await kit.produce([{ event: b2 }]);
    await eventually(async () => ((await kit.processedCount([b2.envelope.eventId])) === 1 ? true : undefined), 60000, 'updated record');
    expect(await identityOf(kit, keyB)).toBe(newId);
    expect(await identityOf(kit, keyA)).toBe(id);
    const { rows } = await kit.pool.query<{ golden: { comunaCode: { value: string } | null } }>('SELECT golden FROM identities WHERE id = $1', [newId]);
    expect(rows[0]!.golden.comunaCode?.value).toBe('05101');
  });

  it('Given a batch redelivered after a crash (same event ids), When consumed again, Then nothing is applied twice', async () => {
    const child = nextChild();
    const a = observation(child, 'SCHOOL', `SC-${salt}-r`);
    await kit.produce([{ event: a }, { event: a }]);
    await eventually(async () => ((await kit.processedCount([a.envelope.eventId])) === 1 ? true : undefined), 60000, 'record');
    // Give the second copy time to be consumed: a later record on the same key is processed after it.
    const later = observation(child, 'SCHOOL', `SC-${salt}-r`, { eventId: `later-${salt}`, occurredAt: Date.UTC(2024, 6, 1) });
    await kit.produce([{ event: later }]);
    await eventually(async () => ((await kit.processedCount([later.envelope.eventId])) === 1 ? true : undefined), 60000, 'later record');
    const ledger = await ledgerOf(kit, [`SCHOOL|${a.person.sourceRecordId}`]);
    expect(ledger.filter((e) => e.kind === 'created')).toHaveLength(1);
    expect(ledger.filter((e) => e.kind === 'linked')).toHaveLength(1);
  });

  it('Given the running process, When /health, /metrics and the review API are called, Then dependencies are checked, metrics carry no personal data, and the API requires credentials', async () => {
    const health = await fetch(`${service.url}/health`);
    expect(health.status).toBe(200);
    expect(JSON.stringify(await health.json())).toMatch(/kafka.*registry.*postgres|postgres.*kafka/s);
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(/hub_identity_decisions_total\{[^}]*kind="link"/);
    expect(metrics).toMatch(/hub_identity_decision_latency_seconds_bucket/);
    expect(metrics).toMatch(/hub_identity_review_queue_size\{[^}]*\} [1-9]/);
    expect(metrics).not.toMatch(/NNA-|TRIBUNAL\||\d{7,8}-[\dK]/);
    const api = await fetch(`${service.url}/v1/identities/NNA-0000000000000000000000NONE`);
    expect(api.status).toBe(401);
  });

  it('Given the ledger, When someone tries to change or delete an entry, Then the database refuses', async () => {
    await expect(kit.pool.query(`UPDATE identity_ledger SET reason = 'rewritten' WHERE seq = (SELECT min(seq) FROM identity_ledger)`)).rejects.toThrow(/append-only/);
    await expect(kit.pool.query('DELETE FROM identity_ledger')).rejects.toThrow(/append-only/);
  });
});
