/**
 * Event types a municipal subscription can filter on: the case-update kinds of hub.case.updates.v1
 * plus two territory notices the subscriptions service itself derives when a child's current
 * comuna changes (a move, or a merge whose identities lived in different comunas).
 */
export const CASE_EVENT_TYPES = [
  'CASE_OPENED', 'STATE_CHANGED', 'CASE_UPDATED', 'CASE_REMOVED', 'DEADLINE_DUE', 'DEADLINE_BREACHED',
  'CHILD_MERGED', 'CHILD_SPLIT', 'DATA_QUALITY_ALERT', 'OTRO',
] as const;
export const TERRITORY_EVENT_TYPES = ['CHILD_ENTERED_TERRITORY', 'CHILD_LEFT_TERRITORY'] as const;
/** A school or health establishment looked up the child's protection flag (CP-IS style notification to the case team). */
export const FLAG_EVENT_TYPES = ['FLAG_LOOKUP'] as const;
export const EVENT_TYPES = [...CASE_EVENT_TYPES, ...TERRITORY_EVENT_TYPES, ...FLAG_EVENT_TYPES] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(v: string): v is EventType {
  return (EVENT_TYPES as readonly string[]).includes(v);
}

/**
 * Whether a subscription's filter admits an event type. An empty/absent filter admits everything.
 * Territory notices always pass: without them a filtered subscriber would keep a child it no longer
 * may see, or never learn of one that arrived.
 */
export function admits(filter: readonly EventType[] | null, type: EventType): boolean {
  if (filter === null || filter.length === 0) return true;
  return (TERRITORY_EVENT_TYPES as readonly string[]).includes(type) || filter.includes(type);
}
