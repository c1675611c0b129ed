import type { EgressDestination, ProgrammeModality } from '../../../../schemas';
import type { CaseInputEvent } from '../case-input-event';
import type { AutomaticTransition, CaseState, FromState, Guard, LifecycleTable } from './types';

const DAY_MS = 86_400_000;

/** Facts of a case the guards and timers read. Derived only from the case's events. */
export interface CaseFacts {
  readonly modality: ProgrammeModality | null;
  readonly admissionKind: string | null;
  readonly exitKind: 'PLANNED' | 'UNPLANNED' | null;
  readonly exitDestination: EgressDestination | null;
  readonly pendingDiagnosisRequest: boolean;
  readonly followUpApplies: boolean;
  readonly followUpDays: number;
}

export interface StateChange {
  readonly at: number;
  readonly from: FromState;
  readonly to: CaseState;
  readonly transitionId: string;
  /** The source event that caused it; null for the hub's own (automatic) transitions. */
  readonly eventId: string | null;
  /** True when the event did not fit the lifecycle and the hub applied its target state anyway. */
  readonly forced: boolean;
}

export type DataQualityCode =
  | 'NO_ADMISSION'
  | 'OUT_OF_LIFECYCLE'
  | 'EVENT_AFTER_DISCHARGE'
  | 'UNLINKED_COURT_EVENT'
  | 'DUPLICATE_ADMISSION'
  | 'UNKNOWN_DERIVATION';

/** A data-quality finding. Never carries personal data: ids, codes and states only. */
export interface DataQualityAlert {
  readonly code: DataQualityCode;
  readonly eventId: string;
  readonly at: number;
  readonly caseId: string | null;
  readonly detail: string;
}

/** Outputs of `decide`: what the hub concludes from one source event. */
export type CaseDecision =
  | { readonly type: 'StateChanged'; readonly change: StateChange }
  | { readonly type: 'FactsUpdated'; readonly facts: Partial<CaseFacts> }
  | { readonly type: 'DataQualityFlagged'; readonly code: DataQualityCode; readonly eventId: string; readonly at: number; readonly detail: string };

export interface CaseMachineState {
  readonly state: FromState;
  readonly enteredAt: number | null;
  readonly facts: CaseFacts;
  /** The active state a fuga/abandono interrupted, to re-open the stay if the child returns. */
  readonly beforeAbscondment: CaseState | null;
  readonly history: readonly StateChange[];
  readonly alerts: readonly { code: DataQualityCode; eventId: string; at: number; detail: string }[];
}

export const INITIAL_FACTS: CaseFacts = {
  modality: null, admissionKind: null, exitKind: null, exitDestination: null, pendingDiagnosisRequest: false,
  followUpApplies: false, followUpDays: 0,
};

export const INITIAL_CASE_STATE: CaseMachineState = {
  state: 'NONE', enteredAt: null, facts: INITIAL_FACTS, beforeAbscondment: null, history: [], alerts: [],
};

function guardValue(field: string, event: CaseInputEvent | null, facts: CaseFacts): unknown {
  if (field.startsWith('case.')) return (facts as unknown as Record<string, unknown>)[field.slice(5)];
  if (!event) return undefined;
  if (field.startsWith('details.')) return (event.details as Record<string, unknown>)[field.slice(8)];
  return (event as unknown as Record<string, unknown>)[field];
}

export function guardsPass(guards: readonly Guard[] | undefined, event: CaseInputEvent | null, facts: CaseFacts): boolean {
  for (const g of guards ?? []) {
    const v = guardValue(g.field, event, facts) as string | boolean | null | undefined;
    const value = v === undefined ? null : v;
    if (g.in && !g.in.includes(value)) return false;
    if (g.notIn && g.notIn.includes(value)) return false;
  }
  return true;
}

function isPostDischarge(table: LifecycleTable, s: FromState): boolean {
  return s !== 'NONE' && (table.states.find((d) => d.id === s)?.postDischarge ?? false);
}

/** Facts an event establishes about its case, whatever the state. */
function factsFrom(event: CaseInputEvent, table: LifecycleTable, facts: CaseFacts): Partial<CaseFacts> {
  switch (event.recordName) {
    case 'hub.tribunal.AdmissionOrderIssued':
      return facts.modality === null && event.modality ? { modality: event.modality } : {};
    case 'hub.sename.AdmissionRegistered':
      return { modality: event.modality, admissionKind: event.details.admissionKind ?? null };
    case 'hub.tribunal.DiagnosisRequested':
      return { pendingDiagnosisRequest: true };
    case 'hub.sename.DiagnosisReported':
      return { pendingDiagnosisRequest: false };
    case 'hub.sename.EgressExecuted': {
      const destination = event.details.destination ?? null;
      const rule = table.followUp.find((r) => facts.modality !== null && r.modalities.includes(facts.modality)
        && destination !== null && r.destinations.includes(destination));
      return { exitKind: 'PLANNED', exitDestination: destination, followUpApplies: rule !== undefined, followUpDays: rule?.days ?? 0 };
    }
    case 'hub.sename.AbscondmentRecorded':
      return { exitKind: 'UNPLANNED', followUpApplies: false, followUpDays: 0 };
    default:
      return {};
  }
}

const START_RECORDS = new Set(['hub.sename.AdmissionRegistered', 'hub.tribunal.AdmissionOrderIssued']);

/**
 * The decider: what one source event means for a case in `state`. Pure; never drops an event —
 * one that does not fit the lifecycle is applied to its target state when it has one, and flagged.
 */
export function decide(state: CaseMachineState, event: CaseInputEvent, table: LifecycleTable): CaseDecision[] {
  if (table.signalRecords.includes(event.recordName)) return [];
  const out: CaseDecision[] = [];
  let current = state.state;
  let facts = state.facts;

  // A child who returns after a fuga/abandono re-opens the same stay within the window.
  if (current === 'DISCHARGED' && facts.exitKind === 'UNPLANNED' && state.beforeAbscondment && state.enteredAt !== null
    && event.eventTime <= state.enteredAt + table.abscondmentReopenDays * DAY_MS) {
    if (event.recordName === 'hub.sename.EgressExecuted') {
      // The programme formalising the exit after the fuga: record cause and destination, stay discharged.
      return [{ type: 'FactsUpdated', facts: { exitDestination: event.details.destination ?? null } }];
    }
    if (event.institution === 'SENAME') {
      out.push({ type: 'StateChanged', change: { at: event.eventTime, from: current, to: state.beforeAbscondment,
        transitionId: 'RETURN_AFTER_ABSCONDMENT', eventId: event.eventId, forced: false } });
      out.push({ type: 'FactsUpdated', facts: { exitKind: null } });
      current = state.beforeAbscondment;
      facts = { ...facts, exitKind: null };
    }
  }

  const newFacts = factsFrom(event, table, facts);
  const factsForGuards = { ...facts, ...(event.recordName === 'hub.sename.AdmissionRegistered' ? newFacts : {}) };

  if (isPostDischarge(table, current)) {
    if (event.institution !== 'TRIBUNAL') {
      out.push({ type: 'DataQualityFlagged', code: 'EVENT_AFTER_DISCHARGE', eventId: event.eventId, at: event.eventTime,
        detail: `${event.recordName} after ${current}` });
    }
    return out;
  }

  const candidates = table.transitions.filter((t) => t.trigger === event.recordName
    && t.institutions.includes(event.institution) && guardsPass(t.guards, event, factsForGuards));
  const valid = candidates.find((t) => t.from.includes(current));
  if (valid) {
    if (valid.to !== null) {
      out.push({ type: 'StateChanged', change: { at: event.eventTime, from: current, to: valid.to, transitionId: valid.id, eventId: event.eventId, forced: false } });
    }
  } else {
    const target = candidates.find((t) => t.to !== null);
    const code = current === 'NONE' && !START_RECORDS.has(event.recordName) ? 'NO_ADMISSION' : 'OUT_OF_LIFECYCLE';
    out.push({ type: 'DataQualityFlagged', code, eventId: event.eventId, at: event.eventTime,
      detail: `${event.recordName} in ${current}${target ? ` -> ${target.to} (forced)` : ''}` });
    if (target && target.to !== null) {
      out.push({ type: 'StateChanged', change: { at: event.eventTime, from: current, to: target.to, transitionId: target.id, eventId: event.eventId, forced: true } });
    }
  }
  if (Object.keys(newFacts).length > 0) out.push({ type: 'FactsUpdated', facts: newFacts });
  return out;
}

/** The evolver: folds one decision into the case state. */
export function evolve(state: CaseMachineState, decision: CaseDecision): CaseMachineState {
  switch (decision.type) {
    case 'StateChanged': {
      const c = decision.change;
      const absconded = c.to === 'DISCHARGED' && c.transitionId === 'ABSCOND' && c.from !== 'NONE' ? c.from : null;
      return {
        ...state, state: c.to, enteredAt: c.at, history: [...state.history, c],
        beforeAbscondment: absconded ?? (c.to === 'DISCHARGED' ? null : state.beforeAbscondment),
      };
    }
    case 'FactsUpdated':
      return { ...state, facts: { ...state.facts, ...decision.facts } };
    case 'DataQualityFlagged':
      return { ...state, alerts: [...state.alerts, { code: decision.code, eventId: decision.eventId, at: decision.at, detail: decision.detail }] };
  }
}

function delayDays(t: AutomaticTransition, facts: CaseFacts, table: LifecycleTable): number {
  if (t.afterDays === 'FOLLOW_UP') return facts.followUpDays;
  if (t.afterDays === 'ABSCONDMENT_REOPEN') return table.abscondmentReopenDays;
  return t.afterDays;
}

/** The hub's next own transition from the current state, if any: when it fires and where it goes. */
export function nextAutomatic(state: CaseMachineState, table: LifecycleTable): { at: number; transition: AutomaticTransition } | null {
  if (state.state === 'NONE' || state.enteredAt === null) return null;
  const t = table.automatic.find((a) => a.from === state.state && guardsPass(a.guards, null, state.facts));
  return t ? { at: state.enteredAt + delayDays(t, state.facts, table) * DAY_MS, transition: t } : null;
}

/** Fires every automatic transition due at or before `time` (0-day ones fire at once). */
export function advanceTo(state: CaseMachineState, time: number, table: LifecycleTable): CaseMachineState {
  let s = state;
  for (let guard = 0; guard < 16; guard++) {
    const next = nextAutomatic(s, table);
    if (!next || next.at > time) return s;
    s = evolve(s, { type: 'StateChanged', change: { at: next.at, from: s.state, to: next.transition.to, transitionId: next.transition.id, eventId: null, forced: false } });
  }
  return s;
}

/** decide + evolve for one event, with the hub's timers advanced to the event's time first. */
export function applyEvent(state: CaseMachineState, event: CaseInputEvent, table: LifecycleTable): CaseMachineState {
  let s = advanceTo(state, event.eventTime - 1, table);
  for (const d of decide(s, event, table)) s = evolve(s, d);
  return advanceTo(s, event.eventTime, table);
}

/** State at `asOf`: the last change at or before it (timers included). */
export function stateAt(history: readonly StateChange[], asOf: number): FromState {
  let s: FromState = 'NONE';
  for (const h of history) {
    if (h.at > asOf) break;
    s = h.to;
  }
  return s;
}
