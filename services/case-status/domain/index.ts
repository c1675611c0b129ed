/**
 * Public entry of the case-status domain core (pure). Adapters import from here only.
 */
export * from './case-input-event';
export { capacityFromAvro, fromAvro, isCaseRecordName, type CaseAvroRecords } from './from-avro';
export * from './lifecycle/types';
export {
  type CaseDecision, type CaseFacts, type CaseMachineState, type DataQualityAlert, type DataQualityCode, type StateChange,
  INITIAL_CASE_STATE, advanceTo, applyEvent, decide, evolve, nextAutomatic, stateAt,
} from './lifecycle/machine';
export * from './flow/types';
export { deriveChildFlow, normaliseEvents } from './flow/derive-child-flow';
export { addEvents, caseStateAt, mergeFlows, removedCaseIds, splitFlow } from './flow/operations';
export { addMonthsUtc } from './flow/time';
export { type BusinessCalendar, type BusinessCalendarOptions, addDays, makeBusinessCalendar } from './deadlines/business-calendar';
export {
  type DeadlineAnchor, type DeadlineDuration, type DeadlineFulfilment, type DeadlineInstance, type DeadlineReport, type DeadlineRule,
  type DeadlineRuleId, type DeadlineStatus, deadlinesFor,
} from './deadlines/deadlines';
export * from './indicators/types';
export { INDICATORS, NOT_COMPUTABLE } from './indicators/catalogue';
export { type IndicatorInput, type LocalTime, type TerritoryRow, computeIndicators, indicatorsWithTerritory, roundHalfUp } from './indicators/compute';
export { indicatorsToCsv } from './indicators/csv';
