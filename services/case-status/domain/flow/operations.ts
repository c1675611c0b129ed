import type { CaseInputEvent } from '../case-input-event';
import { stateAt } from '../lifecycle/machine';
import type { FromState } from '../lifecycle/types';
import { deriveChildFlow } from './derive-child-flow';
import type { CaseView, ChildFlow, FlowRules } from './types';

/**
 * Incremental operations are re-derivations over the child's event set: a late or out-of-order
 * event, a merge or a split cannot leave a stale state behind, because nothing is patched.
 */
export function addEvents(flow: ChildFlow, events: readonly CaseInputEvent[], rules: FlowRules): ChildFlow {
  return deriveChildFlow([...flow.events, ...events], rules, flow.childId);
}

/** Two child identities merged into `survivorId`: their timelines merge. */
export function mergeFlows(a: ChildFlow, b: ChildFlow, survivorId: string, rules: FlowRules): ChildFlow {
  return deriveChildFlow([...a.events, ...b.events].map((e) => (e.childId === survivorId ? e : { ...e, childId: survivorId })), rules, survivorId);
}

/**
 * One identity split: each event follows its source person record (`sourceRecordKey`) to the child
 * id `assign` gives it. Returns the flows by child id, sorted by id.
 */
export function splitFlow(flow: ChildFlow, assign: (sourceRecordKey: string) => string, rules: FlowRules): ChildFlow[] {
  const groups = new Map<string, CaseInputEvent[]>();
  for (const e of flow.events) {
    const id = assign(e.sourceRecordKey);
    const list = groups.get(id) ?? [];
    list.push(e.childId === id ? e : { ...e, childId: id });
    groups.set(id, list);
  }
  return [...groups.keys()].sort().map((id) => deriveChildFlow(groups.get(id)!, rules, id));
}

/** A case's state at `asOf` (hub timers included); `NONE` before its first event. */
export function caseStateAt(c: CaseView, asOf: number): FromState {
  return stateAt(c.history, asOf);
}

/** Case ids that disappeared between two derivations of a child (the adapter tombstones them). */
export function removedCaseIds(before: ChildFlow, after: readonly ChildFlow[]): string[] {
  const now = new Set(after.flatMap((f) => f.cases.map((c) => c.caseId)));
  return before.cases.map((c) => c.caseId).filter((id) => !now.has(id));
}
