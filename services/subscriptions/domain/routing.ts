/**
 * Territory routing (pure; docs/adr/0015): which subscriptions receive what for one case update.
 * A municipality sees the children whose CURRENT comuna (golden record, `childComunaCode`) is its
 * own. When that comuna changes — a move, or a merge whose identities lived in different comunas —
 * the old municipality gets a bare CHILD_LEFT_TERRITORY and the new one a CHILD_ENTERED_TERRITORY
 * with the child's full current status, before the update itself.
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
  /** Current cases of the child after the update (for the ENTERED notice). */
  readonly currentCases: readonly CaseStatus[];
  readonly subscriptionsOf: (comunaCode: string) => readonly RoutableSubscription[];
}

export interface RoutingDecision {
  readonly deliveries: readonly RoutedDelivery[];
  /** The child's comuna to remember (null: unknown — nothing is routed for it). */
  readonly comunaCode: string | null;
}

export function route(input: RoutingInput): RoutingDecision {
  const u = input.update;
  const now = u.childComunaCode ?? null;
  const at = u.envelope.occurredAt;
  const out: RoutedDelivery[] = [];
  const to = (comuna: string, childId: string, payload: DeliveryPayload) => {
    for (const s of input.subscriptionsOf(comuna)) {
      if (s.active && s.comunaCode === comuna && admits(s.eventTypes, payload.type)) out.push({ subscriptionId: s.id, childId, payload });
    }
  };
  const was = input.before.comunaCode;
  if (was !== null && was !== now) to(was, u.childId, leftPayload(u.childId, at));
  const prevId = u.previousChildId ?? null;
  const prevWas = input.previousChild?.comunaCode ?? null;
  // A merge (or split) moved the case from another identity: that identity's municipality loses it.
  if (prevId !== null && prevId !== u.childId && prevWas !== null && prevWas !== now) to(prevWas, prevId, leftPayload(prevId, at));
  if (now !== null) {
    // First sight of a child: the update itself says what there is. A change of comuna: the full status.
    if (was !== null && was !== now) to(now, u.childId, enteredPayload(u.childId, at, input.currentCases));
    else to(now, u.childId, updatePayload(u));
  }
  return { deliveries: out, comunaCode: now };
}
