import type { DeadlineRule } from '../domain/deadlines/deadlines';

/**
 * Legal and technical deadlines (domain.md §3.2, §3.4; brief of issue 5) as data.
 * Calendar-day durations are exact multiples of 24 h from the anchor; business days end at local midnight.
 */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  { id: 'REGULARISATION_48H', es: 'Regularización del ingreso extrajudicial en 48 horas', en: 'Extrajudicial admission regularised within 48 hours',
    modalities: 'ALL', anchor: 'EXTRAJUDICIAL_ADMISSION', fulfilledBy: 'REGULARISING_ORDER', duration: { unit: 'HOURS', amount: 48 },
    warnHoursBefore: 12, courtDueDateOverrides: false,
    source: 'S ~98.3k: informar en las próximas 48 horas al tribunal. The hub sees the court order, not the centre\'s report.' },
  { id: 'DIAGNOSIS_20_BUSINESS_DAYS', es: 'Diagnóstico en 20 días hábiles', en: 'Diagnosis within 20 business days',
    modalities: ['CTDL', 'CTD', 'CTDE'], anchor: 'DIAGNOSIS_REQUEST_OR_ADMISSION', fulfilledBy: 'DIAGNOSIS_REPORT',
    duration: { unit: 'BUSINESS_DAYS', amount: 20 }, warnHoursBefore: 72, courtDueDateOverrides: true, source: 'S ~99.7k: plazo de 20 días hábiles' },
  { id: 'CTD1416_DIAGNOSIS_15_DAYS', es: 'Diagnóstico integral (CTD 14-16) en 15 días', en: 'Comprehensive assessment (CTD 14-16) within 15 days',
    modalities: ['CTD_14_16'], anchor: 'DIAGNOSIS_REQUEST_OR_ADMISSION', fulfilledBy: 'DIAGNOSIS_REPORT',
    duration: { unit: 'CALENDAR_DAYS', amount: 15 }, warnHoursBefore: 48, courtDueDateOverrides: true, source: 'Figura 4: 15 días' },
  { id: 'COD_DIAGNOSIS_5_DAYS', es: 'Diagnóstico / discernimiento en COD en 5 días', en: 'COD diagnosis / discernment within 5 days',
    modalities: ['COD'], anchor: 'DIAGNOSIS_REQUEST_OR_ADMISSION', fulfilledBy: 'DIAGNOSIS_REPORT',
    duration: { unit: 'CALENDAR_DAYS', amount: 5 }, warnHoursBefore: 24, courtDueDateOverrides: true, source: 'S ~11.9k: plazo máximo de cinco días' },
  { id: 'PII_30_DAYS', es: 'PII dentro de 30 días desde el ingreso', en: 'Intervention plan within 30 days of admission',
    modalities: ['CTD', 'CTDE'], anchor: 'ADMISSION', fulfilledBy: 'INTERVENTION_PLAN', duration: { unit: 'CALENDAR_DAYS', amount: 30 },
    warnHoursBefore: 72, courtDueDateOverrides: false, source: 'Indicators #24, #40 (30 days)' },
  { id: 'CERECO_PII_10_DAYS', es: 'PII en CERECO dentro de 10 días', en: 'CERECO intervention plan within 10 days',
    modalities: ['CERECO', 'CENTRO_REGIMEN_CERRADO'], anchor: 'ADMISSION', fulfilledBy: 'INTERVENTION_PLAN', duration: { unit: 'CALENDAR_DAYS', amount: 10 },
    warnHoursBefore: 48, courtDueDateOverrides: false, source: 'S ~125.9k: no debe exceder de 10 días' },
  { id: 'REPORT_2_DAYS_BEFORE_HEARING', es: 'Informe al tribunal 2 días antes de la audiencia', en: 'Report to court 2 days before the hearing',
    modalities: 'ALL', anchor: 'HEARING', fulfilledBy: 'REPORT_TO_COURT', duration: { unit: 'CALENDAR_DAYS_BEFORE', amount: 2 },
    warnHoursBefore: 48, courtDueDateOverrides: false, source: 'S ~100.6k: 2 días antes de la audiencia' },
];
