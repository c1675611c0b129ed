import { type CaseInputEvent, causeKey } from '../case-input-event';
import type { LinkingRules } from './types';

const DAY = 86_400_000;

/** A stay as the linker sees it: its own (programme) events, before court events are attached. */
export interface StaySkeleton {
  readonly caseId: string;
  readonly programmeCode: string | null;
  readonly events: CaseInputEvent[];
  readonly admission: CaseInputEvent | null;
  /** Court causes the stay's own events name. */
  readonly causes: Set<string>;
  start: number;
  /** Time of the last exit (egress or abscondment) of the stay, or +∞ while it is open. */
  end: number;
}

export function stayCaseId(programmeCode: string | null, caseRef: string): string {
  return `C:${programmeCode ?? '?'}:${caseRef}`;
}

/** Orders have no stay id: the id of the stay an unlinked order stands for. */
export function referralCaseId(order: CaseInputEvent): string {
  return `R:${order.sourceRecordId}`;
}

function compatible(order: CaseInputEvent, admission: CaseInputEvent): { ok: boolean; causeMatch: boolean } {
  const causeMatch = order.cause !== null && admission.cause !== null && causeKey(order.cause) === causeKey(admission.cause);
  if (order.cause && admission.cause && !causeMatch) return { ok: false, causeMatch };
  if (order.programmeCode && admission.programmeCode && order.programmeCode !== admission.programmeCode) return { ok: false, causeMatch };
  if (order.modality && admission.modality && order.modality !== admission.modality) return { ok: false, causeMatch };
  return { ok: true, causeMatch };
}

/**
 * Links each court order to the admission it leads to (or regularises). Rule, in order of preference:
 * same cause (court + RIT) over merely compatible (programme/modality do not contradict); then the
 * admission closest in time; then event id. Windows: the admission follows the order within
 * `orderToAdmissionDays` (or precedes it by at most `clockSkewDays`); an extrajudicial admission is
 * regularised by an order within `regularisationLinkDays` after it. Each admission takes one order.
 */
export function linkOrders(orders: readonly CaseInputEvent[], stays: readonly StaySkeleton[], rules: LinkingRules): Map<string, string> {
  const claimed = new Set<string>();
  const link = new Map<string, string>(); // order eventId -> caseId
  for (const order of orders) {
    let best: { stay: StaySkeleton; score: [number, number, string] } | null = null;
    for (const stay of stays) {
      const adm = stay.admission;
      if (!adm || claimed.has(stay.caseId)) continue;
      const c = compatible(order, adm);
      if (!c.ok) continue;
      const dt = adm.eventTime - order.eventTime;
      const regularises = adm.details.admissionKind === 'EXTRAJUDICIAL' && dt <= 0 && -dt <= rules.regularisationLinkDays * DAY;
      const follows = dt >= 0 ? dt <= rules.orderToAdmissionDays * DAY : c.causeMatch && -dt <= rules.clockSkewDays * DAY;
      if (!regularises && !follows) continue;
      const score: [number, number, string] = [c.causeMatch ? 0 : 1, Math.abs(dt), adm.eventId];
      if (!best || compareScore(score, best.score) < 0) best = { stay, score };
    }
    if (best) {
      claimed.add(best.stay.caseId);
      link.set(order.eventId, best.stay.caseId);
      best.stay.events.push(order);
      if (order.cause) best.stay.causes.add(causeKey(order.cause));
      best.stay.start = Math.min(best.stay.start, order.eventTime);
    }
  }
  return link;
}

function compareScore(a: readonly [number, number, string], b: readonly [number, number, string]): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] - b[1];
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

/**
 * Links a court request, hearing or resolution to a stay. Candidates name the same cause, or the
 * same programme (fromProgrammeCode / targetProgrammeCode). Preference: cause over programme; a stay
 * whose span [start, end + grace] contains the event; else the stay starting soonest after it within
 * `courtEventLeadDays`; then case id. With no candidate at all, the only stay open at that time.
 */
export function linkCourtEvent(event: CaseInputEvent, stays: readonly StaySkeleton[], rules: LinkingRules): StaySkeleton | null {
  const t = event.eventTime;
  const key = event.cause ? causeKey(event.cause) : null;
  let best: { stay: StaySkeleton; score: [number, number, string] } | null = null;
  for (const stay of stays) {
    const byCause = key !== null && stay.causes.has(key);
    const byProgramme = event.programmeCode !== null && stay.programmeCode === event.programmeCode;
    if (!byCause && !byProgramme) continue;
    const inSpan = t >= stay.start && t <= stay.end + rules.courtEventGraceDays * DAY;
    const ahead = !inSpan && stay.start > t && stay.start - t <= rules.courtEventLeadDays * DAY;
    if (!inSpan && !ahead) continue;
    const score: [number, number, string] = [byCause ? 0 : 1, inSpan ? 0 : stay.start - t, stay.caseId];
    if (!best || compareScore(score, best.score) < 0) best = { stay, score };
  }
  if (best) return best.stay;
  const open = stays.filter((s) => s.admission !== null && t >= s.start && t <= s.end);
  return open.length === 1 ? open[0]! : null;
}
