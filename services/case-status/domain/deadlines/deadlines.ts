import type { ProgrammeModality } from '../../../../schemas';
import type { CaseView, ChildFlow } from '../flow/types';
import { type BusinessCalendar, addDays } from './business-calendar';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type DeadlineRuleId =
  | 'REGULARISATION_48H'
  | 'DIAGNOSIS_20_BUSINESS_DAYS'
  | 'CTD1416_DIAGNOSIS_15_DAYS'
  | 'COD_DIAGNOSIS_5_DAYS'
  | 'PII_30_DAYS'
  | 'CERECO_PII_10_DAYS'
  | 'REPORT_2_DAYS_BEFORE_HEARING';

/** What starts the clock. */
export type DeadlineAnchor =
  | 'EXTRAJUDICIAL_ADMISSION'
  /** Each court diagnosis request of the stay; an admission when the stay has no request. */
  | 'DIAGNOSIS_REQUEST_OR_ADMISSION'
  | 'ADMISSION'
  | 'HEARING';

/** What stops it. */
export type DeadlineFulfilment = 'REGULARISING_ORDER' | 'DIAGNOSIS_REPORT' | 'INTERVENTION_PLAN' | 'REPORT_TO_COURT';

export type DeadlineDuration =
  | { readonly unit: 'HOURS'; readonly amount: number }
  | { readonly unit: 'CALENDAR_DAYS'; readonly amount: number }
  | { readonly unit: 'BUSINESS_DAYS'; readonly amount: number }
  /** Due this many calendar days before the anchor's date (hearings). */
  | { readonly unit: 'CALENDAR_DAYS_BEFORE'; readonly amount: number };

export interface DeadlineRule {
  readonly id: DeadlineRuleId;
  readonly es: string;
  readonly en: string;
  /** Modalities of the stay the rule applies to; `ALL` for every stay. */
  readonly modalities: readonly ProgrammeModality[] | 'ALL';
  readonly anchor: DeadlineAnchor;
  readonly fulfilledBy: DeadlineFulfilment;
  readonly duration: DeadlineDuration;
  /** "Due" is announced this many hours before the deadline. */
  readonly warnHoursBefore: number;
  /** A due date set by the court on the request replaces the statutory one. */
  readonly courtDueDateOverrides: boolean;
  readonly source: string;
}

export type DeadlineStatus = 'PENDING' | 'DUE' | 'BREACHED' | 'MET' | 'MET_LATE' | 'NOT_APPLICABLE';

export interface DeadlineInstance {
  /** Stable id `<caseId>/<ruleId>/<anchorEventId>`: the adapter's idempotency key for due/breached events. */
  readonly deadlineId: string;
  readonly ruleId: DeadlineRuleId;
  readonly caseId: string;
  readonly childId: string;
  readonly anchorEventId: string;
  readonly startedAt: number;
  readonly dueAt: number;
  readonly warnAt: number;
  readonly metAt: number | null;
  readonly status: DeadlineStatus;
  /** The holiday data does not cover the dates involved (business days counted on weekdays only). */
  readonly approximate: boolean;
}

export interface DeadlineReport {
  readonly due: readonly DeadlineInstance[];
  /** Overdue and unmet, or met late. */
  readonly breached: readonly DeadlineInstance[];
  readonly met: readonly DeadlineInstance[];
  readonly pending: readonly DeadlineInstance[];
  /** The stay ended before the deadline with nothing to fulfil it. */
  readonly notApplicable: readonly DeadlineInstance[];
  /** Earliest future instant at which some status changes (warn or due), for the adapter's scheduler. */
  readonly nextChangeAt: number | null;
}

interface Clock { readonly anchorEventId: string; readonly startedAt: number; readonly courtDueDate: string | null; readonly metAt: number | null }

function clocks(rule: DeadlineRule, c: CaseView, asOf: number): Clock[] {
  const known = (at: number | null | undefined) => (at !== null && at !== undefined && at <= asOf ? at : null);
  const adm = c.admission;
  switch (rule.anchor) {
    case 'EXTRAJUDICIAL_ADMISSION':
      return adm && adm.kind === 'EXTRAJUDICIAL' ? [{ anchorEventId: adm.eventId, startedAt: adm.at, courtDueDate: null, metAt: known(c.order?.at) }] : [];
    case 'ADMISSION': {
      if (!adm) return [];
      const first = rule.fulfilledBy === 'INTERVENTION_PLAN' ? c.plans.find((p) => p.at >= adm.at) : c.diagnosisReports.find((r) => r.at >= adm.at);
      return [{ anchorEventId: adm.eventId, startedAt: adm.at, courtDueDate: null, metAt: known(first?.at) }];
    }
    case 'DIAGNOSIS_REQUEST_OR_ADMISSION': {
      if (c.diagnosisRequests.length > 0) {
        return c.diagnosisRequests.map((q) => ({
          // A request issued before the child arrives runs from the admission: the centre cannot diagnose an absent child.
          anchorEventId: q.eventId, startedAt: adm && adm.at > q.at ? adm.at : q.at, courtDueDate: q.dueDate, metAt: known(q.reportedAt),
        }));
      }
      if (!adm) return [];
      return [{ anchorEventId: adm.eventId, startedAt: adm.at, courtDueDate: null, metAt: known(c.diagnosisReports.find((r) => r.at >= adm.at)?.at) }];
    }
    case 'HEARING': {
      const reports = [...c.diagnosisReports.map((r) => r.at), ...c.proposals.map((p) => p.at)].sort((a, b) => a - b);
      return c.hearings.map((h, i) => {
        const after = i > 0 ? c.hearings[i - 1]!.hearingAt : Number.NEGATIVE_INFINITY;
        const report = reports.find((at) => at > after && at <= h.hearingAt);
        return { anchorEventId: h.eventId, startedAt: h.hearingAt, courtDueDate: null, metAt: known(report) };
      });
    }
  }
}

function dueAtOf(rule: DeadlineRule, clock: Clock, cal: BusinessCalendar): { dueAt: number; approximate: boolean } {
  if (rule.courtDueDateOverrides && clock.courtDueDate) {
    return { dueAt: cal.startOfDay(addDays(clock.courtDueDate, 1)), approximate: false };
  }
  const d = rule.duration;
  switch (d.unit) {
    case 'HOURS': return { dueAt: clock.startedAt + d.amount * HOUR, approximate: false };
    case 'CALENDAR_DAYS': return { dueAt: clock.startedAt + d.amount * DAY, approximate: false };
    case 'CALENDAR_DAYS_BEFORE': return { dueAt: clock.startedAt - d.amount * DAY, approximate: false };
    case 'BUSINESS_DAYS': {
      const start = cal.localDate(clock.startedAt);
      const last = cal.addBusinessDays(start, d.amount);
      // Due at the end of the last business day, local time.
      return { dueAt: cal.startOfDay(addDays(last, 1)), approximate: !cal.covers(start) || !cal.covers(last) };
    }
  }
}

/**
 * Every deadline of a child's stays and its status at `asOf` (an argument, never the clock).
 * Only events up to `asOf` count as fulfilment, so a replay at a past instant gives what was known then.
 */
export function deadlinesFor(flow: ChildFlow, asOf: number, rules: readonly DeadlineRule[], cal: BusinessCalendar): DeadlineReport {
  const all: DeadlineInstance[] = [];
  for (const c of flow.cases) {
    for (const rule of rules) {
      if (rule.modalities !== 'ALL' && (c.modality === null || !rule.modalities.includes(c.modality))) continue;
      for (const clock of clocks(rule, c, asOf)) {
        const anchorKnownAt = rule.anchor === 'HEARING' ? c.hearings.find((h) => h.eventId === clock.anchorEventId)!.scheduledEventAt : clock.startedAt;
        if (anchorKnownAt > asOf) continue;
        const { dueAt, approximate } = dueAtOf(rule, clock, cal);
        const warnAt = dueAt - rule.warnHoursBefore * HOUR;
        const endedAt = c.exit && c.exit.at <= asOf ? c.exit.at : null;
        let status: DeadlineStatus;
        if (clock.metAt !== null) status = clock.metAt <= dueAt ? 'MET' : 'MET_LATE';
        else if (endedAt !== null && endedAt < dueAt) status = 'NOT_APPLICABLE';
        else if (asOf >= dueAt) status = 'BREACHED';
        else if (asOf >= warnAt) status = 'DUE';
        else status = 'PENDING';
        all.push({ deadlineId: `${c.caseId}/${rule.id}/${clock.anchorEventId}`, ruleId: rule.id, caseId: c.caseId, childId: flow.childId,
          anchorEventId: clock.anchorEventId, startedAt: clock.startedAt, dueAt, warnAt, metAt: clock.metAt, status, approximate });
      }
    }
  }
  all.sort((a, b) => a.dueAt - b.dueAt || (a.deadlineId < b.deadlineId ? -1 : 1));
  const future = all.filter((d) => d.status === 'PENDING' || d.status === 'DUE').flatMap((d) => [d.warnAt, d.dueAt]).filter((t) => t > asOf);
  return {
    due: all.filter((d) => d.status === 'DUE'),
    breached: all.filter((d) => d.status === 'BREACHED' || d.status === 'MET_LATE'),
    met: all.filter((d) => d.status === 'MET'),
    pending: all.filter((d) => d.status === 'PENDING'),
    notApplicable: all.filter((d) => d.status === 'NOT_APPLICABLE'),
    nextChangeAt: future.length > 0 ? Math.min(...future) : null,
  };
}
