/** Public entry of the case-status service for the CLI (infra/indicators): indicators over its stored state. */
export { INDICATOR_BREAKDOWNS, indicatorRows, loadIndicatorInput, type IndicatorBy } from './indicators';
export { INDICATORS, indicatorsToCsv, roundHalfUp, type IndicatorInput, type IndicatorRow } from './domain';
export { caseStatusConfigSchema } from './config';
