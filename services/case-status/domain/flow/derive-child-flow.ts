import { type CaseInputEvent, causeKey, compareEvents } from '../case-input-event';
import {
  type CaseMachineState, type DataQualityAlert, INITIAL_CASE_STATE, advanceTo, applyEvent,
} from '../lifecycle/machine';
import type { CaseState } from '../lifecycle/types';
import { type StaySkeleton, linkCourtEvent, linkOrders, referralCaseId, stayCaseId } from './linking';
import { addMonthsUtc } from './time';
import type {
  AdmissionFacts, CaseView, ChildFlow, DiagnosisRequestFacts, ExitFacts, FlowRules, HearingFacts, ProposalFacts, TimelineEntry,
} from './types';

const DAY = 86_400_000;
const EXIT_RECORDS = new Set(['hub.sename.EgressExecuted', 'hub.sename.AbscondmentRecorded']);
const LINKED_COURT_RECORDS = new Set(['hub.tribunal.DiagnosisRequested', 'hub.tribunal.HearingScheduled', 'hub.tribunal.EgressResolved']);

/** Deduplicates by eventId (same id = same fact) and sorts by event time, then event id. */
export function normaliseEvents(events: readonly CaseInputEvent[]): CaseInputEvent[] {
  const byId = new Map<string, CaseInputEvent>();
  for (const e of events) {
    const prev = byId.get(e.eventId);
    // Two payloads under one id should not happen; keep the one that sorts first so the choice is order-free.
    if (!prev || compareEvents(e, prev) < 0) byId.set(e.eventId, e);
  }
  return [...byId.values()].sort(compareEvents);
}

/**
 * The single case-status flow of one child, derived from the child's whole event set.
 *
 * Pure and order-free: the result depends only on the *set* of events (ordered by event time, ties
 * by event id), so any arrival order, a late event, a merge or a split is handled by deriving again.
 * `childId` names the flow (after a merge, the surviving id); by default the smallest child id of the events.
 */
export function deriveChildFlow(input: readonly CaseInputEvent[], rules: FlowRules, childId?: string): ChildFlow {
  const events = normaliseEvents(input);
  const id = childId ?? events.map((e) => e.childId).sort()[0] ?? '';
  const table = rules.lifecycle;
  const alerts: DataQualityAlert[] = [];
  const stays = new Map<string, StaySkeleton>();
  const orders: CaseInputEvent[] = [];
  const courtEvents: CaseInputEvent[] = [];
  const signals: CaseInputEvent[] = [];

  for (const e of events) {
    if (table.signalRecords.includes(e.recordName)) signals.push(e);
    else if (e.recordName === 'hub.tribunal.AdmissionOrderIssued') orders.push(e);
    else if (LINKED_COURT_RECORDS.has(e.recordName)) courtEvents.push(e);
    else if (e.caseRef !== null) {
      const caseId = stayCaseId(e.programmeCode, e.caseRef);
      let stay = stays.get(caseId);
      if (!stay) {
        stay = { caseId, programmeCode: e.programmeCode, events: [], admission: null, causes: new Set(), start: e.eventTime, end: Number.POSITIVE_INFINITY };
        stays.set(caseId, stay);
      }
      if (e.recordName === 'hub.sename.AdmissionRegistered') {
        if (stay.admission) {
          alerts.push({ code: 'DUPLICATE_ADMISSION', eventId: e.eventId, at: e.eventTime, caseId, detail: `second admission of ${caseId}` });
        } else {
          (stay as { admission: CaseInputEvent | null }).admission = e;
        }
      }
      if (e.cause) stay.causes.add(causeKey(e.cause));
      if (EXIT_RECORDS.has(e.recordName)) stay.end = e.eventTime;
      stay.events.push(e);
    } else {
      signals.push(e);
    }
  }

  const stayList = [...stays.values()];
  const orderLinks = linkOrders(orders, stayList, rules.linking);
  for (const order of orders) {
    if (orderLinks.has(order.eventId)) continue;
    const caseId = referralCaseId(order);
    const stay: StaySkeleton = {
      caseId, programmeCode: order.programmeCode, events: [order], admission: null,
      causes: new Set(order.cause ? [causeKey(order.cause)] : []), start: order.eventTime, end: Number.POSITIVE_INFINITY,
    };
    stays.set(caseId, stay);
    stayList.push(stay);
  }
  const unlinked: CaseInputEvent[] = [];
  for (const e of courtEvents) {
    const stay = linkCourtEvent(e, stayList, rules.linking);
    if (stay) stay.events.push(e);
    else {
      unlinked.push(e);
      alerts.push({ code: 'UNLINKED_COURT_EVENT', eventId: e.eventId, at: e.eventTime, caseId: null, detail: `${e.recordName} matches no stay` });
    }
  }

  const built = stayList.map((s) => buildCase(s, id, rules)).sort((a, b) => firstAt(a) - firstAt(b) || (a.view.caseId < b.view.caseId ? -1 : 1));
  for (const b of built) {
    for (const a of b.machine.alerts) alerts.push({ ...a, caseId: b.view.caseId });
  }
  const cases = linkTransfersAndReentries(built.map((b) => b.view), rules, alerts);

  const timeline = buildTimeline(events, built, unlinked);
  alerts.sort((a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : a.code < b.code ? -1 : 1));
  return { childId: id, events, cases, timeline, alerts };
}

function firstAt(b: { view: CaseView }): number {
  return b.view.order?.at ?? b.view.admission?.at ?? b.view.history[0]?.at ?? b.view.lastEventAt;
}

interface Built {
  readonly view: CaseView;
  readonly machine: CaseMachineState;
  readonly stateAfter: Map<string, CaseState | null>;
}

function buildCase(stay: StaySkeleton, childId: string, rules: FlowRules): Built {
  const table = rules.lifecycle;
  const events = stay.events.slice().sort(compareEvents);
  let m: CaseMachineState = INITIAL_CASE_STATE;
  const stateAfter = new Map<string, CaseState | null>();
  for (const e of events) {
    m = applyEvent(m, e, table);
    stateAfter.set(e.eventId, m.state === 'NONE' ? null : m.state);
  }
  const stateAfterLastEvent = m.state;
  const lastEventAt = events[events.length - 1]?.eventTime ?? stay.start;
  // Scheduled hub transitions (follow-up end, closure) are part of the history; stateAt(asOf) reads them.
  const finished = advanceTo(m, Number.MAX_SAFE_INTEGER, table);

  const adm = stay.admission;
  const order = events.find((e) => e.recordName === 'hub.tribunal.AdmissionOrderIssued') ?? null;
  const admission: AdmissionFacts | null = adm ? {
    eventId: adm.eventId, at: adm.eventTime, kind: adm.details.admissionKind ?? 'OTRO', programmeCode: adm.programmeCode ?? '',
    modality: adm.modality, regime: adm.regime, administration: adm.administration, comunaCode: adm.comunaCode, sex: adm.sex,
    derivationId: adm.details.derivationId ?? null,
  } : null;

  const requests = events.filter((e) => e.recordName === 'hub.tribunal.DiagnosisRequested');
  const reports = events.filter((e) => e.recordName === 'hub.sename.DiagnosisReported');
  const answered = new Map<string, CaseInputEvent>();
  for (const r of reports) {
    const req = requests.find((q) => !answered.has(q.eventId) && q.eventTime <= r.eventTime);
    if (req) answered.set(req.eventId, r);
  }
  const diagnosisRequests: DiagnosisRequestFacts[] = requests.map((q) => {
    const r = answered.get(q.eventId);
    return { eventId: q.eventId, at: q.eventTime, diagnosisType: q.details.diagnosisType ?? null, regime: q.regime ?? adm?.regime ?? null,
      dueDate: q.details.dueDate ?? null, reportedAt: r?.eventTime ?? null, reportEventId: r?.eventId ?? null };
  });

  const resolutions = events.filter((e) => e.recordName === 'hub.tribunal.EgressResolved');
  const proposalsRaw = events.filter((e) => e.recordName === 'hub.sename.EgressProposed');
  const resolvedBy = new Map<string, CaseInputEvent>();
  for (const res of resolutions) {
    if (res.details.decision === 'DE_OFICIO') continue;
    const open = proposalsRaw.filter((p) => !resolvedBy.has(p.eventId) && p.eventTime <= res.eventTime);
    const p = open[open.length - 1];
    if (p) resolvedBy.set(p.eventId, res);
  }
  const proposals: ProposalFacts[] = proposalsRaw.map((p) => {
    const r = resolvedBy.get(p.eventId);
    return { eventId: p.eventId, at: p.eventTime, destination: p.details.destination ?? null,
      resolution: r ? { eventId: r.eventId, at: r.eventTime, decision: r.details.decision ?? 'ACOGE' } : null };
  });

  const hearingsById = new Map<string, HearingFacts>();
  for (const h of events.filter((e) => e.recordName === 'hub.tribunal.HearingScheduled')) {
    const hearingId = h.details.hearingId ?? h.sourceRecordId;
    hearingsById.set(hearingId, { hearingId, eventId: h.eventId, scheduledEventAt: h.eventTime, hearingAt: h.details.hearingAt ?? h.eventTime });
  }

  // The exit that holds: the last discharge not undone by a return after a fuga.
  let lastDischarge: (typeof finished.history)[number] | undefined;
  for (const h of finished.history) {
    if (h.to === 'DISCHARGED' && h.eventId !== null) lastDischarge = h;
    else if (h.transitionId === 'RETURN_AFTER_ABSCONDMENT') lastDischarge = undefined;
  }
  const exitEvent = lastDischarge ? events.find((e) => e.eventId === lastDischarge.eventId) : undefined;
  // A formal egress registered after a fuga carries the destination: read it for the exit facts.
  const laterEgress = exitEvent?.recordName === 'hub.sename.AbscondmentRecorded'
    ? events.find((e) => e.recordName === 'hub.sename.EgressExecuted' && e.eventTime >= exitEvent.eventTime) : undefined;
  const exit: ExitFacts | null = exitEvent ? {
    eventId: exitEvent.eventId, at: exitEvent.eventTime,
    kind: exitEvent.recordName === 'hub.sename.AbscondmentRecorded' ? 'UNPLANNED' : 'PLANNED',
    cause: exitEvent.details.cause ?? null,
    destination: exitEvent.details.destination ?? laterEgress?.details.destination ?? null,
    destinationModality: exitEvent.details.destinationModality ?? null,
    destinationProgrammeCode: exitEvent.details.destinationProgrammeCode ?? null,
    abscondmentKind: exitEvent.details.abscondmentKind ?? null,
    derivationId: exitEvent.details.derivationId ?? null,
  } : null;

  const first = adm ?? order ?? events[0];
  const view: CaseView = {
    caseId: stay.caseId,
    childId,
    programmeCode: adm?.programmeCode ?? stay.programmeCode,
    modality: finished.facts.modality,
    regime: adm?.regime ?? order?.regime ?? null,
    administration: adm?.administration ?? order?.administration ?? null,
    comunaCode: first?.comunaCode ?? null,
    sex: first?.sex ?? null,
    order: order ? { eventId: order.eventId, at: order.eventTime } : null,
    admission,
    diagnosisRequests,
    diagnosisReports: reports.map((r) => ({ eventId: r.eventId, at: r.eventTime, diagnosisType: r.details.diagnosisType ?? null })),
    plans: events.filter((e) => e.recordName === 'hub.sename.InterventionPlanCreated')
      .map((e) => ({ eventId: e.eventId, at: e.eventTime, planType: e.details.planType ?? null })),
    escalations: events.filter((e) => e.recordName === 'hub.sename.InterventionEscalated').map((e) => ({ eventId: e.eventId, at: e.eventTime })),
    proposals,
    resolutions: resolutions.map((r) => ({ eventId: r.eventId, at: r.eventTime, decision: r.details.decision ?? 'ACOGE' })),
    hearings: [...hearingsById.values()].sort((a, b) => a.hearingAt - b.hearingAt || (a.hearingId < b.hearingId ? -1 : 1)),
    exit,
    history: finished.history,
    stateAfterLastEvent,
    lastEventAt,
    eventIds: events.map((e) => e.eventId),
    transferFrom: null,
    transferTo: null,
    reentry: null,
  };
  return { view, machine: finished, stateAfter };
}

function linkTransfersAndReentries(cases: CaseView[], rules: FlowRules, alerts: DataQualityAlert[]): CaseView[] {
  const from = new Map<string, string>();
  const to = new Map<string, string>();
  const admitted = cases.filter((c) => c.admission !== null);
  // 1. Explicit derivation ids: the exit's id echoed by the next admission.
  for (const c of cases) {
    const d = c.exit?.derivationId;
    if (!c.exit || !d) continue;
    const next = admitted
      .filter((n) => n.caseId !== c.caseId && !from.has(n.caseId) && n.admission!.derivationId === d && n.admission!.at >= c.exit!.at - DAY)
      .sort((a, b) => a.admission!.at - b.admission!.at || (a.caseId < b.caseId ? -1 : 1))[0];
    if (next) { to.set(c.caseId, next.caseId); from.set(next.caseId, c.caseId); }
  }
  // 2. No id: an exit naming the receiving programme and an admission there soon after.
  for (const c of cases) {
    if (!c.exit || to.has(c.caseId) || c.exit.kind !== 'PLANNED') continue;
    const exitEvent = c.exit;
    const programme = exitEvent.destinationProgrammeCode;
    if (!programme) continue;
    const next = admitted
      .filter((n) => n.caseId !== c.caseId && !from.has(n.caseId) && n.admission!.programmeCode === programme
        && n.admission!.at >= exitEvent.at - DAY && n.admission!.at <= exitEvent.at + rules.linking.transferWindowDays * DAY)
      .sort((a, b) => a.admission!.at - b.admission!.at || (a.caseId < b.caseId ? -1 : 1))[0];
    if (next) { to.set(c.caseId, next.caseId); from.set(next.caseId, c.caseId); }
  }
  for (const n of admitted) {
    if (n.admission!.derivationId && !from.has(n.caseId) && n.admission!.kind === 'DERIVACION') {
      alerts.push({ code: 'UNKNOWN_DERIVATION', eventId: n.admission!.eventId, at: n.admission!.at, caseId: n.caseId,
        detail: 'derivation id matches no exit of this child' });
    }
  }
  return cases.map((c) => {
    const transferFrom = from.get(c.caseId) ?? null;
    let reentry = null;
    if (c.admission && (transferFrom === null || rules.reentry.countTransfers)) {
      const prior = cases
        .filter((p) => p.caseId !== c.caseId && p.exit !== null && p.exit.at <= c.admission!.at && p.caseId !== transferFrom)
        .sort((a, b) => b.exit!.at - a.exit!.at || (a.caseId < b.caseId ? -1 : 1))[0];
      if (prior && c.admission.at < addMonthsUtc(prior.exit!.at, rules.reentry.windowMonths)) {
        reentry = { previousCaseId: prior.caseId, previousExitAt: prior.exit!.at, daysSinceExit: Math.floor((c.admission.at - prior.exit!.at) / DAY) };
      }
    }
    return { ...c, transferFrom, transferTo: to.get(c.caseId) ?? null, reentry };
  });
}

function buildTimeline(events: readonly CaseInputEvent[], built: readonly Built[], unlinked: readonly CaseInputEvent[]): TimelineEntry[] {
  const caseOf = new Map<string, Built>();
  for (const b of built) for (const id of b.view.eventIds) caseOf.set(id, b);
  const unlinkedIds = new Set(unlinked.map((e) => e.eventId));
  return events.map((e) => {
    const b = caseOf.get(e.eventId);
    if (!b) {
      return { eventId: e.eventId, at: e.eventTime, recordName: e.recordName, institution: e.institution, caseId: null,
        kind: unlinkedIds.has(e.eventId) ? 'UNLINKED' : 'SIGNAL', stateAfter: null };
    }
    const changed = b.view.history.some((h) => h.eventId === e.eventId);
    return { eventId: e.eventId, at: e.eventTime, recordName: e.recordName, institution: e.institution, caseId: b.view.caseId,
      kind: changed ? 'STATE' : 'CONTEXT', stateAfter: b.stateAfter.get(e.eventId) ?? null };
  });
}
