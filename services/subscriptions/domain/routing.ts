/**
 * Territory and party routing (pure; docs/adr/0015): which subscriptions receive what for one case
 * update. A child's AUDIENCE is the comunas that may see it: its CURRENT comuna (golden record,
 * `childComunaCode`) plus the comunas whose office is a party to its cases (an open local case or a
 * referral, from hub.municipality.events.v1). When the audience changes — a move, a merge whose
 * identities lived in different comunas, an office opening or closing its local case — a comuna that
 * leaves gets a bare CHILD_LEFT_TERRITORY and one that joins a CHILD_ENTERED_TERRITORY with the
 * child's full current status, instead of the update itself.
 */
import type { CaseStatus, CaseUpdated } from '../../../schemas';
import { admits, type EventType } from './event-types';
import { enteredPayload, leftPayload, updatePayload, type DeliveryPayload } from './payload';

export interface RoutableSubscription {
  readonly id: string;
  readonly comunaCode: string;
  readonly eventTypes: readonly EventType[] | null;
  readonly active: boolean;
}

export interface ChildTerritory {
  /** The comuna the service last routed this child to (null: never seen or unknown). */
  readonly comunaCode: string | null;
  /** The party comunas the child was last routed to (absent: none). */
  readonly parties?: readonly string[];
}

export interface RoutedDelivery {
  readonly subscriptionId: string;
  /** The child the delivery is ordered under (per-child ordering key). */
  readonly childId: string;
  readonly payload: DeliveryPayload;
}

export interface RoutingInput {
  readonly update: CaseUpdated;
  /** Where this child was routed before (and, for a merge, where the absorbed identity was). */
  readonly before: ChildTerritory;
  readonly previousChild: ChildTerritory | null;
  /** Comunas whose office is a party to this child's cases now (open local case or referral). */
  readonly parties?: readonly string[];
  /** Current cases of the child after the update (for the ENTERED notice). */
  readonly currentCases: readonly CaseStatus[];
  readonly subscriptionsOf: (comunaCode: string) => readonly RoutableSubscription[];
}

export interface RoutingDecision {
  readonly deliveries: readonly RoutedDelivery[];
  /** The child's comuna to remember (null: unknown — routed to its parties only). */
  readonly comunaCode: string | null;
  /** The party comunas to remember. */
  readonly parties: readonly string[];
}

/** Territory comuna first, then parties, distinct. */
export function audienceOf(t: ChildTerritory): string[] {
  return [...new Set([...(t.comunaCode !== null ? [t.comunaCode] : []), ...(t.parties ?? [])])];
}

function deliverTo(out: RoutedDelivery[], subscriptionsOf: RoutingInput['subscriptionsOf'], comuna: string, childId: string, payload: DeliveryPayload): void {
  for (const s of subscriptionsOf(comuna)) {
    if (s.active && s.comunaCode === comuna && admits(s.eventTypes, payload.type)) out.push({ subscriptionId: s.id, childId, payload });
  }
}

export function route(input: RoutingInput): RoutingDecision {
  const u = input.update;
  const now: ChildTerritory = { comunaCode: u.childComunaCode ?? null, parties: [...new Set(input.parties ?? [])].sort() };
  const at = u.envelope.occurredAt;
  const out: RoutedDelivery[] = [];
  const was = audienceOf(input.before);
  const is = audienceOf(now);
  for (const c of was) if (!is.includes(c)) deliverTo(out, input.subscriptionsOf, c, u.childId, leftPayload(u.childId, at));
  const prevId = u.previousChildId ?? null;
  // A merge (or split) moved the case from another identity: that identity's audience loses it.
  if (prevId !== null && prevId !== u.childId && input.previousChild) {
    for (const c of audienceOf(input.previousChild)) if (!is.includes(c)) deliverTo(out, input.subscriptionsOf, c, prevId, leftPayload(prevId, at));
  }
  for (const c of is) {
    // First sight of a child: the update itself says what there is. A comuna joining the audience: the full status.
    if (was.length > 0 && !was.includes(c)) deliverTo(out, input.subscriptionsOf, c, u.childId, enteredPayload(u.childId, at, input.currentCases));
    else deliverTo(out, input.subscriptionsOf, c, u.childId, updatePayload(u));
  }
  return { deliveries: out, comunaCode: now.comunaCode, parties: now.parties ?? [] };
}

/**
 * A party change without a case update (an office opened or closed its local case, or an identity
 * link brought one in): comunas leaving the audience get LEFT, comunas joining get the full status.
 * `at` is the instant of the fact that changed it.
 */
export function reroute(input: { readonly childId: string; readonly before: ChildTerritory; readonly now: ChildTerritory; readonly currentCases: readonly CaseStatus[]; readonly at: number; readonly subscriptionsOf: RoutingInput['subscriptionsOf'] }): RoutedDelivery[] {
  const out: RoutedDelivery[] = [];
  const was = audienceOf(input.before);
  const is = audienceOf(input.now);
  for (const c of was) if (!is.includes(c)) deliverTo(out, input.subscriptionsOf, c, input.childId, leftPayload(input.childId, input.at));
  for (const c of is) if (!was.includes(c)) deliverTo(out, input.subscriptionsOf, c, input.childId, enteredPayload(input.childId, input.at, input.currentCases));
  return out;
}
