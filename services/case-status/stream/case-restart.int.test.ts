import { randomBytes } from 'node:crypto';
import type { CaseUpdated } from '../../../schemas';
import { aChildIdentityChanged } from '../../../test/builders/identity-events';
import { aChild, anEnvelope } from '../../../test/builders/event-parts';
import { anAdmissionRegistered, aDiagnosisReported, anEgressExecuted } from '../../../test/builders/sename-events';
import { eventually, testLogger } from '../../../test/harness/test-env';
import { startCaseStatus } from '../start-case-status';
import { createCaseKit, type CaseKit, type InstitutionEvent } from '../testing/case-kit';

/**
 * Restart mid-stream: the service is stopped while it works through a backlog and started again
 * (twice). Every input is claimed once, and case.updates carries every expected update exactly once
 * (read_committed, counted by event id): nothing lost, nothing applied twice.
 */
const log = testLogger();
const CHILDREN = 60;
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0);

describe('case-status restarted mid-stream', () => {
  let kit: CaseKit;
  beforeAll(async () => { kit = await createCaseKit(process.env, 'caserestart', log); });
  afterAll(async () => { await kit?.dropTopics(); await kit?.close(); });

  it('Given a backlog and two stops while it is consumed, When restarted, Then each case update is published exactly once', async () => {
    const tag = randomBytes(3).toString('hex');
    const identities = [];
    const events: InstitutionEvent[] = [];
    for (let c = 0; c < CHILDREN; c++) {
      const child = `NNA-R-${tag}-${c}`;
      const rec = `N-${tag}-${c}`;
      identities.push(aChildIdentityChanged({
        childId: child, recordKeys: [`SENAME|${rec}`], envelope: { ...aChildIdentityChanged().envelope, eventId: `HUB:identity:${tag}:${c}`, sourceRecordId: child },
      }));
      const env = (id: string, d: number) => anEnvelope('SENAME', null, id, { eventId: `SENAME:${tag}:${c}:${id}`, occurredAt: Date.UTC(2024, 2, d, 14), recordedAt: Date.UTC(2024, 2, d, 15) });
      const common = { person: aChild('SENAME', rec), caseId: `ING-${tag}-${c}`, programmeCode: 'P-R' };
      events.push({ recordName: 'hub.sename.AdmissionRegistered', value: anAdmissionRegistered({ ...common, envelope: env('adm', 1), modality: 'CTDL', admissionKind: 'EXTRAJUDICIAL', derivationId: null }) as unknown as InstitutionEvent['value'] });
      events.push({ recordName: 'hub.sename.DiagnosisReported', value: aDiagnosisReported({ ...common, envelope: env('rep', 10) }) as unknown as InstitutionEvent['value'] });
      events.push({ recordName: 'hub.sename.EgressExecuted', value: anEgressExecuted({ ...common, envelope: env('egr', 20), derivationId: null, destinationProgrammeCode: null }) as unknown as InstitutionEvent['value'] });
    }
    await kit.produceIdentity(identities);
    for (let i = 0; i < events.length; i += 30) await kit.produceEvents(events.slice(i, i + 30));
    const ids = [...identities.map((e) => e.envelope.eventId), ...events.map((e) => e.value.envelope.eventId)];
    const processed = async () => Number((await kit.pool.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM processed_events WHERE consumer = 'hub.case-status' AND event_id = ANY($1::text[])", [ids])).rows[0]!.n);

    for (const fraction of [0.25, 0.6]) {
      const service = await startCaseStatus(kit.config({ CASE_STATUS_PARTITIONS_CONCURRENTLY: '2' }), log, { now: () => NOW, clock: false });
      const target = Math.floor(ids.length * fraction);
      await eventually(async () => ((await processed()) >= target ? true : undefined), 120000, `${target} processed`);
      await service.close();
      process.stderr.write(`[case-status restart test] stopped with ${await processed()}/${ids.length} processed\n`);
    }
    const service = await startCaseStatus(kit.config(), log, { now: () => NOW, clock: false });
    try {
      await eventually(async () => ((await processed()) === ids.length ? true : undefined), 180000, 'all processed');
      await eventually(async () => ((await kit.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM case_status_outbox')).rows[0]!.n === '0' ? true : undefined), 60000, 'outbox drained');
      const mine = (us: readonly CaseUpdated[]) => us.filter((u) => u.childId.startsWith(`NNA-R-${tag}-`));
      // Expected from the state: each case's last snapshot version = number of status updates for it.
      const { rows } = await kit.pool.query<{ case_id: string; version: string; state: string }>(
        "SELECT case_id, version::text, status->>'state' AS state FROM case_snapshots WHERE case_id LIKE $1", [`C:P-R:ING-${tag}-%`]);
      expect(rows).toHaveLength(CHILDREN);
      const expectedStatusUpdates = rows.reduce((s, r) => s + Number(r.version), 0);
      const { rows: notices } = await kit.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM case_deadline_events WHERE deadline_id LIKE $1', [`C:P-R:ING-${tag}-%`]);
      const expected = expectedStatusUpdates + Number(notices[0]!.n);
      const updates = mine(await kit.readUpdates((us) => mine(us).length >= expected, 120000));
      const eventIds = updates.map((u) => u.envelope.eventId);
      expect(eventIds.filter((id, k) => eventIds.indexOf(id) !== k)).toEqual([]);
      expect(updates).toHaveLength(expected);
      expect(updates.filter((u) => u.kind === 'CASE_OPENED')).toHaveLength(CHILDREN);
      // Every case has the same history, so the same state at NOW.
      expect(new Set(rows.map((r) => r.state)).size).toBe(1);
    } finally {
      await service.close();
    }
  });
});
