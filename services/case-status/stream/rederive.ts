/**
 * Re-derivation of children inside the caller's transaction: the children's stored events →
 * deriveChildFlow → statuses at `now` → diff with the last published snapshots → outputs (updates,
 * statuses, tombstones, deadline notices once each) → snapshots, next clock change. Both sides of a
 * merge or split are in `childIds`, so a case that moves is seen leaving one child and reaching the other.
 */
import type { PoolClient } from 'pg';
import type { CaseLifecycleState, CaseStatus, CaseUpdated } from '../../../schemas';
import { CHILE_BUSINESS_CALENDAR } from '../config/calendar';
import { DEADLINE_RULES } from '../config/deadline-rules';
import { FLOW_RULES } from '../config/flow-rules';
import { deadlinesFor, deriveChildFlow } from '../domain';
import {
  childrenInfo, claimDeadlineNotices, eventsOfChildren, lockChildren, redirectOf, setNextChanges, snapshotsOf, upsertSnapshots,
} from '../store/case-store';
import { caseEventId, envelopeFor, type CaseOutput } from './case-messages';
import { canonical, nextLifecycleChange, statusBody, type CaseStatusBody } from './case-snapshot';

export interface RederiveResult { readonly outputs: CaseOutput[]; readonly derivedEvents: number }

function update(kind: CaseUpdated['kind'], s: { caseId: string; childId: string }, at: number, idParts: readonly (string | number)[],
  extra: Partial<CaseUpdated> & { childComunaCode: string | null }): CaseUpdated {
  return {
    envelope: envelopeFor(caseEventId(kind, ...idParts), s.caseId, at),
    childId: s.childId, caseId: s.caseId, kind, previousChildId: null, previousState: null, deadlineId: null, alertCodes: [], snapshot: null,
    ...extra,
  };
}

export async function rederiveChildren(client: PoolClient, childIds: readonly string[], now: number): Promise<RederiveResult> {
  const ids = [...new Set(childIds)].sort();
  if (ids.length === 0) return { outputs: [], derivedEvents: 0 };
  await lockChildren(client, ids);
  const eventsByChild = await eventsOfChildren(client, ids);
  const info = await childrenInfo(client, ids);
  const outputs: CaseOutput[] = [];
  const bodies = new Map<string, CaseStatusBody>();
  const notices: { deadlineId: string; status: 'DUE' | 'BREACHED'; caseId: string; childId: string }[] = [];
  const nextChanges: { childId: string; at: number | null }[] = [];
  let derivedEvents = 0;
  for (const childId of ids) {
    const events = eventsByChild.get(childId) ?? [];
    derivedEvents += events.length;
    const flow = deriveChildFlow(events, FLOW_RULES, childId);
    const report = deadlinesFor(flow, now, DEADLINE_RULES, CHILE_BUSINESS_CALENDAR);
    const all = [...report.due, ...report.breached, ...report.met, ...report.pending, ...report.notApplicable];
    for (const c of flow.cases) bodies.set(c.caseId, statusBody(c, flow, all, now));
    for (const d of report.due) notices.push({ deadlineId: d.deadlineId, status: 'DUE', caseId: d.caseId, childId });
    for (const d of report.breached) notices.push({ deadlineId: d.deadlineId, status: 'BREACHED', caseId: d.caseId, childId });
    const candidates = [report.nextChangeAt, nextLifecycleChange(flow, now)].filter((x): x is number => x !== null);
    nextChanges.push({ childId, at: candidates.length > 0 ? Math.min(...candidates) : null });
  }
  const stored = await snapshotsOf(client, ids, [...bodies.keys()]);
  const comunaOf = (childId: string) => info.get(childId)?.comunaCode ?? null;
  const writes: { caseId: string; childId: string; version: number; status: CaseStatusBody | null }[] = [];

  for (const [caseId, body] of [...bodies].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const prev = stored.get(caseId);
    if (prev && !prev.removed && canonical(prev.status) === canonical(body)) continue;
    const version = (prev?.version ?? 0) + 1;
    const status: CaseStatus = { envelope: envelopeFor(caseEventId('status', caseId, version), caseId, now), version, ...body };
    let kind: CaseUpdated['kind'] = 'CASE_UPDATED';
    let previousChildId: string | null = null;
    let previousState: CaseLifecycleState | null = null;
    if (!prev || prev.removed) kind = 'CASE_OPENED';
    else if (prev.childId !== body.childId) {
      previousChildId = prev.childId;
      kind = (await redirectOf(client, prev.childId)) === body.childId ? 'CHILD_MERGED' : 'CHILD_SPLIT';
    } else if (prev.status.state !== body.state) { kind = 'STATE_CHANGED'; previousState = prev.status.state; }
    else if (body.alerts.some((a) => !prev.status.alerts.includes(a))) kind = 'DATA_QUALITY_ALERT';
    const newAlerts = prev && !prev.removed ? body.alerts.filter((a) => !prev.status.alerts.includes(a)) : body.alerts;
    outputs.push({
      update: update(kind, body, now, [caseId, version], { previousChildId, previousState, alertCodes: kind === 'DATA_QUALITY_ALERT' ? newAlerts : [], childComunaCode: comunaOf(body.childId), snapshot: status }),
      status,
    });
    writes.push({ caseId, childId: body.childId, version, status: body });
  }
  // Cases that disappeared (a referral absorbed by its admission; stays that moved to a child outside this set are
  // re-derived there — a case moved by an identity change is always under one of `ids`).
  for (const prev of stored.values()) {
    if (prev.removed || bodies.has(prev.caseId) || !ids.includes(prev.childId)) continue;
    const version = prev.version + 1;
    outputs.push({ update: update('CASE_REMOVED', prev, now, [prev.caseId, version], { childComunaCode: comunaOf(prev.childId) }), status: null });
    writes.push({ caseId: prev.caseId, childId: prev.childId, version, status: null });
  }
  const fresh = await claimDeadlineNotices(client, notices);
  for (const n of notices) {
    if (!fresh.has(`${n.deadlineId}|${n.status}`)) continue;
    const snapshot = bodies.get(n.caseId);
    const prevVersion = writes.find((w) => w.caseId === n.caseId)?.version ?? stored.get(n.caseId)?.version ?? 1;
    outputs.push({
      update: update(n.status === 'DUE' ? 'DEADLINE_DUE' : 'DEADLINE_BREACHED', n, now, [n.deadlineId, n.status], {
        deadlineId: n.deadlineId, childComunaCode: comunaOf(n.childId),
        snapshot: snapshot ? { envelope: envelopeFor(caseEventId('status', n.caseId, prevVersion), n.caseId, now), version: prevVersion, ...snapshot } : null,
      }),
    });
  }
  await upsertSnapshots(client, writes);
  await setNextChanges(client, nextChanges);
  return { outputs, derivedEvents };
}
