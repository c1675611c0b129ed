/**
 * From the core's CaseView (+ its deadlines) at an instant to the published status. Only ids, codes,
 * states and dates: what a municipality may see (issue 6), never names or RUN.
 */
import type { CaseDeadline, CaseLifecycleState, CaseStatus } from '../../../schemas';
import { caseStateAt, type CaseView, type ChildFlow, type DeadlineInstance } from '../domain';

/** CaseStatus without envelope and version: the part that is compared to decide whether to publish. */
export type CaseStatusBody = Omit<CaseStatus, 'envelope' | 'version'>;

export function statusBody(c: CaseView, flow: ChildFlow, deadlines: readonly DeadlineInstance[], asOf: number): CaseStatusBody {
  const state = caseStateAt(c, asOf) as CaseLifecycleState;
  let stateSince: number | null = null;
  for (const h of c.history) if (h.at <= asOf) stateSince = h.at;
  const alerts = [...new Set(flow.alerts.filter((a) => a.caseId === c.caseId).map((a) => a.code))].sort();
  const mine: CaseDeadline[] = deadlines.filter((d) => d.caseId === c.caseId)
    .map((d) => ({ deadlineId: d.deadlineId, ruleId: d.ruleId, status: d.status, dueAt: d.dueAt, metAt: d.metAt }))
    .sort((a, b) => (a.deadlineId < b.deadlineId ? -1 : a.deadlineId > b.deadlineId ? 1 : 0));
  return {
    caseId: c.caseId,
    childId: c.childId,
    state,
    stateSince,
    programmeCode: c.programmeCode,
    modality: c.modality,
    regime: c.regime,
    administration: c.administration,
    comunaCode: c.comunaCode,
    orderedAt: c.order?.at ?? null,
    admittedAt: c.admission?.at ?? null,
    admissionKind: c.admission?.kind ?? null,
    exitedAt: c.exit?.at ?? null,
    exitKind: c.exit?.kind ?? null,
    exitDestination: c.exit?.destination ?? null,
    reentry: c.reentry !== null,
    reentryFromCaseId: c.reentry?.previousCaseId ?? null,
    transferFromCaseId: c.transferFrom,
    transferToCaseId: c.transferTo,
    deadlines: mine,
    alerts,
    lastEventAt: c.lastEventAt,
  };
}

/** Earliest lifecycle timer (follow-up end, closure…) strictly after `asOf`, over the flow's cases. */
export function nextLifecycleChange(flow: ChildFlow, asOf: number): number | null {
  let next: number | null = null;
  for (const c of flow.cases) for (const h of c.history) if (h.at > asOf && (next === null || h.at < next)) next = h.at;
  return next;
}

/** Deterministic JSON (sorted keys) for comparison with the stored body. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x)
    ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));
}
