import type { EgressCause, ProgrammeModality } from '../../../../schemas';
import { addMonthsUtc } from '../flow/time';
import type { CaseView } from '../flow/types';
import type { Item, MeasureContext, Measurement } from './types';

const DAY = 86_400_000;

/** Causes of good prognosis (egreso favorable, domain.md §3.5). */
export const GOOD_PROGNOSIS_CAUSES: readonly EgressCause[] = ['FAMILIA_ASUME_ROL', 'CUMPLIMIENTO_OBJETIVOS_PII', 'SUPERACION_VULNERACION', 'PROCESO_ADOPCION'];

/** Re-entry scopes (§4.7 rule 3): which admissions count as coming back. */
export const DIAGNOSTIC_NETWORK: readonly ProgrammeModality[] = ['CTDL', 'CTD', 'CTDE', 'CTD_14_16', 'COD'];
export const OFFENDERS_NETWORK: readonly ProgrammeModality[] = ['CTD_14_16', 'COD', 'CERECO', 'CIP', 'CENTRO_REGIMEN_CERRADO', 'CENTRO_SEMICERRADO', 'MEDIO_LIBRE_RPA'];

export interface ReentryScope {
  readonly modalities?: readonly ProgrammeModality[];
  readonly regime?: 'RESIDENCIAL' | 'AMBULATORIO';
  readonly administration?: 'AADD' | 'OCA';
  /** Calendar months; null = no window (the literal formula: any later admission, never final). */
  readonly windowMonths: number | null;
}

/** Day count between local dates of admission and exit (what "días de permanencia" counts). */
export function stayDays(c: CaseView, ctx: MeasureContext): number | null {
  if (!c.admission || !c.exit) return null;
  return Math.round((Date.parse(ctx.localDate(c.exit.at)) - Date.parse(ctx.localDate(c.admission.at))) / DAY);
}

/** Stays of the same transfer chain as `c` (a derivation continues the stay; it is not a return). */
function chainIds(c: CaseView, childCases: readonly CaseView[]): Set<string> {
  const byId = new Map(childCases.map((x) => [x.caseId, x]));
  const ids = new Set([c.caseId]);
  let cur: CaseView | undefined = c;
  while (cur?.transferTo && !ids.has(cur.transferTo)) { ids.add(cur.transferTo); cur = byId.get(cur.transferTo); }
  cur = c;
  while (cur?.transferFrom && !ids.has(cur.transferFrom)) { ids.add(cur.transferFrom); cur = byId.get(cur.transferFrom); }
  return ids;
}

/**
 * Did the child come back (a new admission in scope) after exit `item`? A transfer continuing the
 * same chain is not a return. Final once the window closed by asOf, or once a return was seen.
 */
export function reentered(item: Item, scope: ReentryScope, ctx: MeasureContext): { yes: boolean; final: boolean } {
  const exitAt = item.case.exit!.at;
  const until = scope.windowMonths === null ? Number.POSITIVE_INFINITY : addMonthsUtc(exitAt, scope.windowMonths);
  const chain = chainIds(item.case, item.childCases);
  const yes = item.childCases.some((n) => {
    const a = n.admission;
    if (!a || chain.has(n.caseId) || a.at <= exitAt || a.at >= until || a.at > ctx.asOf) return false;
    if (scope.modalities && (a.modality === null || !scope.modalities.includes(a.modality))) return false;
    if (scope.regime && a.regime !== scope.regime) return false;
    if (scope.administration && a.administration !== scope.administration) return false;
    return true;
  });
  return { yes, final: yes || ctx.asOf >= until };
}

export const yes = (b: boolean, final = true): Measurement => ({ inDenominator: true, numerator: b ? 1 : 0, final });

/** Item per exit of a stay with an admission. */
export const exitItem = (c: CaseView, childCases: readonly CaseView[]): Item[] =>
  c.exit && c.admission ? [{ case: c, childCases, at: c.exit.at, ref: c.exit.eventId }] : [];

export const admissionItem = (c: CaseView, childCases: readonly CaseView[]): Item[] =>
  c.admission ? [{ case: c, childCases, at: c.admission.at, ref: c.admission.eventId }] : [];

export const requestItems = (c: CaseView, childCases: readonly CaseView[]): Item[] =>
  c.diagnosisRequests.map((q) => ({ case: c, childCases, at: q.at, ref: q.eventId }));

export const proposalItems = (c: CaseView, childCases: readonly CaseView[]): Item[] =>
  c.proposals.map((p) => ({ case: c, childCases, at: p.at, ref: p.eventId }));

/** A court proposal accepted as is (ACOGE). MODIFICA is a decision on other terms, not an acceptance. */
export function proposalAccepted(item: Item, ctx: MeasureContext): Measurement {
  const p = item.case.proposals.find((x) => x.eventId === item.ref)!;
  const r = p.resolution && p.resolution.at <= ctx.asOf ? p.resolution : null;
  return yes(r?.decision === 'ACOGE', r !== null);
}

export function requestReported(item: Item, ctx: MeasureContext): Measurement {
  const q = item.case.diagnosisRequests.find((x) => x.eventId === item.ref)!;
  return yes(q.reportedAt !== null && q.reportedAt <= ctx.asOf);
}

/**
 * PII within 30 days, on the admission cohort of stays lasting 30 days or more (§4.7 rule 2):
 * a stay shorter than 30 days is out of the denominator; one still open under 30 days is pending.
 */
export function planWithin30Days(item: Item, ctx: MeasureContext): Measurement {
  const c = item.case;
  const adm = c.admission!;
  const end = c.exit && c.exit.at <= ctx.asOf ? c.exit.at : null;
  const day30 = adm.at + 30 * DAY;
  if (end !== null && end < day30) return { inDenominator: false, numerator: 0, final: true };
  if (end === null && ctx.asOf < day30) return { inDenominator: false, numerator: 0, final: false };
  return yes(c.plans.some((p) => p.at <= day30));
}

export function meanDays(item: Item, ctx: MeasureContext): Measurement {
  const d = stayDays(item.case, ctx);
  return d === null ? { inDenominator: false, numerator: 0, final: true } : { inDenominator: true, numerator: d, final: true };
}
