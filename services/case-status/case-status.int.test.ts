import { randomBytes } from 'node:crypto';
import type { CaseUpdated, ChildIdentityChanged } from '../../schemas';
import { eventually, testLogger } from '../../test/harness/test-env';
import { aChildIdentityChanged } from '../../test/builders/identity-events';
import { aChild, aCourtCase, anEnvelope } from '../../test/builders/event-parts';
import { anAdmissionOrderIssued, aDiagnosisRequested } from '../../test/builders/tribunal-events';
import { anAdmissionRegistered, aDiagnosisReported } from '../../test/builders/sename-events';
import { anEnrollmentRegistered } from '../../test/builders/school-events';
import { anEmergencyVisitRecorded } from '../../test/builders/health-events';
import { CredentialRepository } from '../platform/auth/credential-repository';
import type { CredentialInstitution } from '../platform/auth/credential';
import { createCaseKit, type CaseKit, type InstitutionEvent } from './testing/case-kit';
import { startCaseStatus, type RunningCaseStatus } from './start-case-status';

/**
 * Done-when of issue 5, end to end with real Kafka and PostgreSQL: a child goes through court,
 * SENAME, school and health events, some out of order, while two identities of the child are merged
 * midway (identity events produced directly to hub.identity.children.v1). The service publishes
 * the corrected flow; the query API answers with the expected timeline and status, scoped per
 * credential; deadlines are announced once.
 */
const log = testLogger();
const NOW = Date.UTC(2024, 3, 20, 15, 0, 0);
const day = (d: string) => Date.parse(`${d}T14:00:00Z`);

describe('case-status service end to end', () => {
  let kit: CaseKit;
  let service: RunningCaseStatus | undefined;
  const tag = randomBytes(3).toString('hex');
  const A = `NNA-A-${tag}`;
  const B = `NNA-B-${tag}`;
  const PROG = `P${tag}`;
  const keys = { court: `T-${tag}`, school: `S-${tag}`, sename: `N-${tag}`, health: `H-${tag}` };
  const cause = aCourtCase({ courtCode: '1301', rit: `P-${tag}-2024` });
  const caseId = `C:${PROG}:ING-${tag}`;
  let seq = 0;
  const identity = (childId: string, over: Partial<ChildIdentityChanged>): ChildIdentityChanged => {
    seq += 1;
    return aChildIdentityChanged({
      childId, ledgerSeq: seq,
      envelope: { ...aChildIdentityChanged().envelope, eventId: `HUB:identity:${tag}:${seq}`, sourceRecordId: childId },
      golden: { ...aChildIdentityChanged().golden!, comunaCode: '13101' },
      ...over,
    });
  };
  const ev = (recordName: string, value: unknown): InstitutionEvent => ({ recordName, value: value as InstitutionEvent['value'] });
  const env = (inst: string, id: string, at: string) => anEnvelope(inst, null, id, { eventId: `${inst}:${id}:${tag}`, occurredAt: day(at), recordedAt: day(at) + 1000 });

  const order = ev('hub.tribunal.AdmissionOrderIssued', anAdmissionOrderIssued({
    envelope: env('TRIBUNAL', 'ORD', '2024-03-01'), person: aChild('TRIBUNAL', keys.court), courtCase: cause, targetProgrammeCode: PROG,
  }));
  const admission = ev('hub.sename.AdmissionRegistered', anAdmissionRegistered({
    envelope: env('SENAME', 'ADM', '2024-03-04'), person: aChild('SENAME', keys.sename), caseId: `ING-${tag}`, programmeCode: PROG,
    modality: 'CTD', regime: 'RESIDENCIAL', administration: 'AADD', admissionKind: 'ORDEN_TRIBUNAL', courtCase: cause,
  }));
  const request = ev('hub.tribunal.DiagnosisRequested', aDiagnosisRequested({
    envelope: env('TRIBUNAL', 'REQ', '2024-03-05'), person: aChild('TRIBUNAL', keys.court), courtCase: cause, targetProgrammeCode: PROG, dueDate: null,
  }));
  const school = ev('hub.school.EnrollmentRegistered', anEnrollmentRegistered({ envelope: env('SCHOOL', 'MAT', '2024-03-10'), person: aChild('SCHOOL', keys.school) }));
  const health = ev('hub.health.EmergencyVisitRecorded', anEmergencyVisitRecorded({ envelope: env('HEALTH', 'URG', '2024-03-15'), person: aChild('HEALTH', keys.health) }));
  const report = ev('hub.sename.DiagnosisReported', aDiagnosisReported({
    envelope: env('SENAME', 'REP', '2024-03-20'), person: aChild('SENAME', keys.sename), caseId: `ING-${tag}`, programmeCode: PROG, courtCase: cause,
  }));

  const tokens: Partial<Record<string, string>> = {};
  async function credential(name: string, institution: CredentialInstitution, scope: string): Promise<void> {
    tokens[name] = (await new CredentialRepository(kit.pool).create({ institution, scope, label: `test ${name}` })).token;
  }
  const get = (path: string, token?: string, purpose: string | null = 'seguimiento de caso') => fetch(`${service!.url}${path}`, {
    redirect: 'manual',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(purpose ? { 'x-purpose': purpose } : {}) },
  });
  const processed = async (ids: readonly string[]) => Number((await kit.pool.query<{ n: string }>(
    "SELECT count(*)::text AS n FROM processed_events WHERE consumer = 'hub.case-status' AND event_id = ANY($1::text[])", [[...ids]])).rows[0]!.n);

  beforeAll(async () => {
    kit = await createCaseKit(process.env, 'cases', log);
    service = await startCaseStatus(kit.config(), log, { now: () => NOW, clock: false });
    await credential('hub', 'HUB', '*');
    await credential('muni', 'MUNICIPALITY', '13101');
    await credential('otherMuni', 'MUNICIPALITY', '05101');
    await credential('sename', 'SENAME', PROG);
    await credential('otherSename', 'SENAME', 'P-OTHER');
    await credential('court', 'TRIBUNAL', '1301');
    await credential('school', 'SCHOOL', '8485');
  });
  afterAll(async () => {
    await service?.close();
    await kit?.dropTopics();
    await kit?.close();
  });

  it('Given events out of order and two identities merged midway, When consumed, Then the timeline, status, updates and scoping are the corrected flow', async () => {
    // Two identities of one child, as the identity service first resolved them.
    const createdA = identity(A, { kind: 'CREATED', recordKeys: [`TRIBUNAL|${keys.court}`, `SCHOOL|${keys.school}`].sort(), affectedRecordKeys: [] });
    const createdB = identity(B, { kind: 'CREATED', recordKeys: [`HEALTH|${keys.health}`, `SENAME|${keys.sename}`], affectedRecordKeys: [] });
    await kit.produceIdentity([createdA, createdB]);
    // Out of order: the report before the admission; the school before the court.
    await kit.produceEvents([report]);
    await kit.produceEvents([school, admission]);
    const firstIds = [createdA, createdB, report, school, admission].map((e) => ('envelope' in e ? e.envelope.eventId : e.value.envelope.eventId));
    await eventually(async () => ((await processed(firstIds)) === firstIds.length ? true : undefined), 90000, 'first events processed');
    await eventually(async () => {
      const { rows } = await kit.pool.query<{ child_id: string }>('SELECT child_id FROM case_snapshots WHERE case_id = $1', [caseId]);
      return rows[0]?.child_id === B ? true : undefined;
    }, 30000, 'case first under B');

    // Midway: B is merged into A (both sides of the merge, loser first).
    const merged = identity(B, { kind: 'MERGED', status: 'MERGED', mergedInto: A, recordKeys: [], affectedRecordKeys: [`HEALTH|${keys.health}`, `SENAME|${keys.sename}`], golden: null });
    const linked = identity(A, {
      kind: 'RECORD_LINKED', mergedFrom: [B], affectedRecordKeys: [`HEALTH|${keys.health}`, `SENAME|${keys.sename}`],
      recordKeys: [`HEALTH|${keys.health}`, `SCHOOL|${keys.school}`, `SENAME|${keys.sename}`, `TRIBUNAL|${keys.court}`],
    });
    await kit.produceIdentity([merged, linked]);
    // The rest arrives late, after the merge; the order after the request.
    await kit.produceEvents([request, health]);
    await kit.produceEvents([order]);
    const allIds = [...firstIds, merged.envelope.eventId, linked.envelope.eventId, request.value.envelope.eventId, health.value.envelope.eventId, order.value.envelope.eventId];
    await eventually(async () => ((await processed(allIds)) === allIds.length ? true : undefined), 90000, 'all events processed');

    // Query API: the corrected timeline under the survivor.
    const res = await get(`/v1/children/${A}/timeline`, tokens.hub);
    expect(res.status).toBe(200);
    const body = await res.json() as { cases: { caseId: string; state: string; childId: string; orderedAt: number | null; admittedAt: number }[]; timeline: { recordName: string; caseId: string | null; kind: string }[] };
    expect(body.timeline.map((t) => t.recordName)).toEqual([
      'hub.tribunal.AdmissionOrderIssued', 'hub.sename.AdmissionRegistered', 'hub.tribunal.DiagnosisRequested',
      'hub.school.EnrollmentRegistered', 'hub.health.EmergencyVisitRecorded', 'hub.sename.DiagnosisReported',
    ]);
    expect(body.timeline.filter((t) => t.kind === 'SIGNAL').map((t) => t.recordName)).toEqual(['hub.school.EnrollmentRegistered', 'hub.health.EmergencyVisitRecorded']);
    expect(body.cases).toHaveLength(1);
    expect(body.cases[0]).toMatchObject({ caseId, childId: A, state: 'REPORTED_TO_COURT', orderedAt: day('2024-03-01'), admittedAt: day('2024-03-04') });

    // The merged id redirects like the identity API.
    const redirected = await get(`/v1/children/${B}/timeline`, tokens.hub);
    expect(redirected.status).toBe(308);
    expect(redirected.headers.get('location')).toBe(`/v1/children/${A}/timeline`);

    // case.updates: opened under B, moved to A by the merge, final state REPORTED_TO_COURT; each update once.
    const mine = (us: readonly CaseUpdated[]) => us.filter((u) => u.caseId === caseId);
    const updates = mine(await kit.readUpdates((us) => mine(us).some((u) => u.kind === 'CASE_OPENED')
      && mine(us).some((u) => u.kind === 'CHILD_MERGED') && mine(us).some((u) => u.snapshot?.orderedAt !== null && u.snapshot?.childId === A)));
    const ids = updates.map((u) => u.envelope.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    // Updates are keyed by child id: B's and A's sit on different partitions, so only the case's
    // status version orders them across the merge, never the order they are read in.
    expect(updates.find((u) => u.kind === 'CASE_OPENED')).toMatchObject({ childId: B });
    expect(updates.find((u) => u.kind === 'CHILD_MERGED')).toMatchObject({ childId: A, previousChildId: B, childComunaCode: '13101' });
    const statuses = updates.filter((u) => u.snapshot && u.kind !== 'DEADLINE_DUE' && u.kind !== 'DEADLINE_BREACHED');
    const latest = [...statuses].sort((x, y) => y.snapshot!.version - x.snapshot!.version)[0]!;
    expect(latest.snapshot).toMatchObject({ state: 'REPORTED_TO_COURT', childId: A, programmeCode: PROG, modality: 'CTD', comunaCode: '13101' });
    expect(JSON.stringify(updates)).not.toContain('Amanda');

    // Scoping per credential kind.
    expect((await get(`/v1/children/${A}/timeline`)).status).toBe(401);
    expect((await get(`/v1/children/${A}/timeline`, tokens.hub, null)).status).toBe(400);
    expect((await get(`/v1/children/${A}/timeline`, tokens.muni)).status).toBe(200);
    // Another territory's child is answered exactly like an unknown one (issue 8: existence does not leak).
    expect((await get(`/v1/children/${A}/timeline`, tokens.otherMuni)).status).toBe(404);
    expect((await get(`/v1/children/${A}/timeline`, tokens.school)).status).toBe(403);
    expect((await get(`/v1/children/${A}/timeline`, tokens.otherSename)).status).toBe(404);
    const senameView = await get(`/v1/children/${A}/timeline`, tokens.sename);
    expect(senameView.status).toBe(200);
    const senameBody = await senameView.json() as { timeline: { caseId: string | null }[] };
    // A programme sees its case's events, not the school and health signals.
    expect(senameBody.timeline.every((t) => t.caseId === caseId)).toBe(true);
    expect((await get(`/v1/cases/${encodeURIComponent(caseId)}`, tokens.court)).status).toBe(200);
    expect((await get(`/v1/cases/${encodeURIComponent(caseId)}`, tokens.otherSename)).status).toBe(404);
    const forbidden = await get(`/v1/cases/${encodeURIComponent(caseId)}`, tokens.school);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { mensaje: string }).mensaje).toMatch(/institución/);
    const audit = await kit.pool.query<{ n: string }>("SELECT count(*)::text AS n FROM case_api_audit WHERE $1 = ANY(resource_ids) AND purpose = 'seguimiento de caso'", [A]);
    expect(Number(audit.rows[0]!.n)).toBeGreaterThanOrEqual(6);

    // Deadlines: PII within 30 days of the CTD admission (2024-03-04) was never met: breached, announced once even after more ticks.
    await service!.tick(NOW);
    await service!.tick(NOW + 60_000);
    const after = mine(await kit.readUpdates((us) => mine(us).some((u) => u.kind === 'DEADLINE_BREACHED')));
    const breached = after.filter((u) => u.kind === 'DEADLINE_BREACHED' && u.deadlineId?.includes('/PII_30_DAYS/'));
    expect(breached).toHaveLength(1);
    const { rows } = await kit.pool.query<{ n: string }>("SELECT count(*)::text AS n FROM case_deadline_events WHERE deadline_id LIKE $1 AND status = 'BREACHED'", [`${caseId}/PII_30_DAYS/%`]);
    expect(rows[0]!.n).toBe('1');
  });
});
