/**
 * What a municipality receives (minimisation, issue 6 §3): ids, codes, states and dates it needs to
 * act — never names, RUN, addresses, the source's free text, nor the child's comuna history.
 * Pure: data in, JSON-ready object out.
 */
import type { CaseStatus, CaseUpdated, MunicipalUpdate } from '../../../schemas';
import type { EventType } from './event-types';

export interface CaseSummary {
  readonly caseId: string;
  readonly version: number;
  readonly state: string;
  readonly stateSince: number | null;
  readonly programmeCode: string | null;
  readonly modality: string | null;
  readonly regime: string | null;
  readonly admittedAt: number | null;
  readonly exitedAt: number | null;
  readonly exitKind: string | null;
  readonly deadlines: readonly { readonly ruleId: string; readonly status: string; readonly dueAt: number | null }[];
}

export interface DeliveryPayload {
  readonly type: EventType;
  readonly childId: string;
  readonly occurredAt: number;
  readonly caseId?: string;
  readonly previousState?: string | null;
  readonly deadlineRuleId?: string | null;
  readonly previousChildId?: string | null;
  /** The case after the update (absent for removals and LEFT notices). */
  readonly case?: CaseSummary;
  /** CHILD_ENTERED_TERRITORY: every current case of the child (full current status). */
  readonly cases?: readonly CaseSummary[];
  /** FLAG_LOOKUP: who looked the child up (institution and unit code: RBD or DEIS code), never a person. */
  readonly lookup?: { readonly institution: string; readonly unit: string };
}

export function summariseCase(s: CaseStatus): CaseSummary {
  return {
    caseId: s.caseId, version: Number(s.version), state: s.state, stateSince: s.stateSince ?? null,
    programmeCode: s.programmeCode ?? null, modality: s.modality ?? null, regime: s.regime ?? null,
    admittedAt: s.admittedAt ?? null, exitedAt: s.exitedAt ?? null, exitKind: s.exitKind ?? null,
    deadlines: s.deadlines.map((d) => ({ ruleId: d.ruleId, status: d.status, dueAt: d.dueAt ?? null })),
  };
}

/** The rule id is the middle part of a deadline id `<caseId>/<ruleId>/<anchorEventId>`; the anchor is not needed. */
function ruleOf(deadlineId: string | null, caseId: string): string | null {
  if (deadlineId === null) return null;
  const rest = deadlineId.startsWith(`${caseId}/`) ? deadlineId.slice(caseId.length + 1) : deadlineId;
  return rest.split('/')[0] ?? null;
}

export function updatePayload(u: CaseUpdated): DeliveryPayload {
  return {
    type: u.kind, childId: u.childId, occurredAt: u.envelope.occurredAt, caseId: u.caseId,
    previousState: u.previousState ?? null,
    deadlineRuleId: ruleOf(u.deadlineId ?? null, u.caseId),
    previousChildId: u.previousChildId ?? null,
    ...(u.snapshot ? { case: summariseCase(u.snapshot) } : {}),
  };
}

/** The old municipality's last word about a child: that it left, nothing else (it may no longer see it). */
export function leftPayload(childId: string, occurredAt: number): DeliveryPayload {
  return { type: 'CHILD_LEFT_TERRITORY', childId, occurredAt };
}

export function enteredPayload(childId: string, occurredAt: number, cases: readonly CaseStatus[]): DeliveryPayload {
  return { type: 'CHILD_ENTERED_TERRITORY', childId, occurredAt, cases: cases.map(summariseCase) };
}

/** The case team's notice that a school or health establishment looked the child's flag up. */
export function flagLookupPayload(childId: string, occurredAt: number, institution: string, unit: string): DeliveryPayload {
  return { type: 'FLAG_LOOKUP', childId, occurredAt, lookup: { institution, unit } };
}

/**
 * The minimal flag for schools and health establishments (issue 6 §3): only whether the child has an
 * open protection case, no programme, state, or court detail.
 */
export function protectionFlag(childId: string, cases: readonly Pick<CaseStatus, 'state'>[]): { readonly childId: string; readonly underProtection: boolean } {
  return { childId, underProtection: cases.some((c) => c.state !== 'CLOSED' && c.state !== 'NONE') };
}

/** The record of a delivery on a municipality's own Kafka topic (schemas/avro/municipal/municipal-update.v1.avsc). */
export function municipalRecord(seq: number, subscriptionId: string, p: DeliveryPayload): MunicipalUpdate {
  const c = (s: CaseSummary) => ({ ...s, deadlines: s.deadlines.map((d) => ({ ruleId: d.ruleId, status: d.status, dueAt: d.dueAt })) });
  return {
    deliveryId: seq, subscriptionId, type: p.type, childId: p.childId, occurredAt: p.occurredAt,
    caseId: p.caseId ?? null, previousState: p.previousState ?? null, deadlineRuleId: p.deadlineRuleId ?? null, previousChildId: p.previousChildId ?? null,
    case: p.case ? c(p.case) : null, cases: (p.cases ?? []).map(c),
    lookupInstitution: p.lookup?.institution ?? null, lookupUnit: p.lookup?.unit ?? null,
  };
}
