import type { CaseView } from '../flow/types';
import {
  DIAGNOSTIC_NETWORK, GOOD_PROGNOSIS_CAUSES, OFFENDERS_NETWORK, type ReentryScope, admissionItem, exitItem, meanDays, planWithin30Days,
  proposalAccepted, proposalItems, reentered, requestItems, requestReported, yes,
} from './measures';
import type { IndicatorDefinition, Item, MeasureContext, Measurement } from './types';

/**
 * Every indicator of domain.md §4 marked E or E*, plus the hub's network-wide re-entry. Formulas are
 * quoted verbatim; `hubFormula` says what is computed and how an ambiguous source is read.
 * Occupancy indicators (kind OCCUPANCY_PERCENT) are computed from open stays and capacity declarations.
 */
type Def = Omit<IndicatorDefinition, 'childRule'> & { childRule?: IndicatorDefinition['childRule'] };
const def = (d: Def): IndicatorDefinition => ({ childRule: 'ANY', ...d });

const notReentered = (scope: ReentryScope) => (item: Item, ctx: MeasureContext): Measurement => {
  const r = reentered(item, scope, ctx);
  return yes(!r.yes, r.final);
};
const reenteredM = (scope: ReentryScope) => (item: Item, ctx: MeasureContext): Measurement => {
  const r = reentered(item, scope, ctx);
  return yes(r.yes, r.final);
};
const exitsWith = (pred: (c: CaseView) => boolean) => (item: Item): Measurement => yes(pred(item.case));
const withDiagnosis = (c: CaseView, cc: readonly CaseView[]) => (c.diagnosisReports.length > 0 ? exitItem(c, cc) : []);
const occupancy = (id: string, mml: string, modalityEs: string, modalities: IndicatorDefinition['modalities'], formulaEs: string): IndicatorDefinition => def({
  id, source: `Anexo 1(a) ${mml}`, nameEs: `Porcentaje niños(as) vigentes en relación a las plazas disponibles (${modalityEs})`,
  nameEn: `Children present relative to available places (${modalityEs})`, formulaEs,
  hubFormula: 'Stays open at the end of the period (admitted on or before it, no exit by then) / places declared valid on that date (latest declaration per programme) × 100. Children unit: distinct children open / places.',
  hubClass: 'E*', kind: 'OCCUPANCY_PERCENT', cohort: 'SNAPSHOT', modalities, administration: 'AADD',
});

export const INDICATORS: readonly IndicatorDefinition[] = [
  def({
    id: 'MML-03', source: 'Anexo 1(a) #3 (propósito)', nameEs: 'Porcentaje de niños(as) y adolescentes que no reingresan a la red Sename en relación al total de egresos de los Centros de Administración Directa',
    nameEn: 'Children not re-entering the SENAME network, over exits from directly-run centres (literal: no time window)',
    formulaEs: '(Nº de niños(as) y/o adolescentes no reingresados a centros de administración directa/Nº de niños(as) y/o adolescentes egresados de los Centros de Administración Directa)*100',
    hubFormula: 'Exits from AADD stays in the period; numerator: no later admission anywhere in the network (AADD or OCA, per the name "red Sename") by asOf. No window, as printed: never final. See MML-03-AADD for the formula text\'s scope and PROP-03 for the 6-month version.',
    hubClass: 'E*', kind: 'PERCENT', cohort: 'EXIT', modalities: 'ALL', administration: 'AADD', childRule: 'ALL',
    items: exitItem, measure: notReentered({ windowMonths: null }),
  }),
  def({
    id: 'MML-03-AADD', source: 'Anexo 1(a) #3, scope of the formula text', nameEs: 'No reingreso a centros de administración directa (alcance literal de la fórmula #3)',
    nameEn: 'Not re-entering directly-run centres (#3 formula text scope)', formulaEs: '(Nº de niños(as) y/o adolescentes no reingresados a centros de administración directa/Nº de niños(as) y/o adolescentes egresados de los Centros de Administración Directa)*100',
    hubFormula: 'As MML-03 but only admissions to AADD stays count as re-entry: the name says "red Sename", the formula "centros de administración directa" (§4.7 inconsistency).',
    hubClass: 'E*', kind: 'PERCENT', cohort: 'EXIT', modalities: 'ALL', administration: 'AADD', childRule: 'ALL',
    items: exitItem, measure: notReentered({ windowMonths: null, administration: 'AADD' }),
  }),
  def({
    id: 'MML-04', source: 'Anexo 1(a) #4', nameEs: 'Tiempo de permanencia promedio de los niños(as) egresados con familias adoptivas de los CTDL de Administración Directa',
    nameEn: 'Mean stay of children leaving CTDL for adoptive families (days)',
    formulaEs: '(Sumatoria de días de permanencia de niños egresados de CTD Lactantes y Preescolares para adopción/Número total de niños y niñas egresados de CTD Lactantes y Preescolares para adopción)',
    hubFormula: 'Exit cohort: CTDL AADD exits in the period with destination FAMILIA_ADOPTIVA or cause PROCESO_ADOPCION; mean of (local exit date − local admission date) in days. Children unit: mean of each child\'s mean.',
    hubClass: 'E', kind: 'MEAN_DAYS', cohort: 'EXIT', modalities: ['CTDL'], administration: 'AADD', target: { value: 240, direction: 'MAX', year: 2006 },
    sourceValues: { 2003: '251', 2004: '379', 2005: '218', 2006: '155' },
    items: (c, cc) => (c.exit && (c.exit.destination === 'FAMILIA_ADOPTIVA' || c.exit.cause === 'PROCESO_ADOPCION') ? exitItem(c, cc) : []), measure: meanDays,
  }),
  ...([['MML-05', '#5', 'CTDL', ['CTDL']], ['MML-11', '#11', 'CTD', ['CTD']], ['MML-23', '#23', 'CTD Especializado', ['CTDE']],
    ['MML-28', '#28', 'centros de diagnóstico', ['COD', 'CTD_14_16']], ['MML-41', '#41', 'CERECO', ['CERECO']]] as const).map(([id, n, m, mods]) => def({
    id, source: `Anexo 1(a) ${n}`, nameEs: `Porcentaje de propuestas para el egreso formuladas por equipos técnicos de ${m} que son acogidas por Tribunales`,
    nameEn: `Egress proposals of ${m} teams accepted by courts`,
    formulaEs: '(Nº de propuestas de egreso formuladas acogidas por Tribunales/Nº de propuestas formuladas por equipos técnicos)*100',
    hubFormula: 'Proposal cohort (EgressProposed in the period, AADD); numerator: the court\'s resolution matched to it (same stay, latest open proposal before the resolution) is ACOGE. MODIFICA is not counted as accepted. Unresolved proposals stay in the denominator and make the row provisional.',
    hubClass: 'E', kind: 'PERCENT', cohort: 'PROPOSAL', modalities: mods, administration: 'AADD', items: proposalItems, measure: proposalAccepted,
  })),
  ...([['MML-06', '#6', 'CTD Lactantes', ['CTDL'], undefined, 95, { 2003: '74,7', 2004: '92,3', 2005: '97,1', 2006: '98,3' },
    '(Nº de diagnósticos realizados por los CTD Lactantes de Administración Directa/Nº de diagnósticos solicitados por el tribunal a los CTD Lactantes de Administración Directa)*100'],
  ['MML-12', '#12', 'CTD, modalidad residencial', ['CTD'], 'RESIDENCIAL', 94, { 2003: '84,8', 2004: '93,9', 2005: '97,8', 2006: '97,8' },
    '(Número de diagnósticos solicitados por el tribunal en modalidad residencial y realizados por los CTD de administración directa/Número de diagnósticos solicitados por el Tribunal a los CTD de administración directa)*100'],
  ['MML-16', '#16', 'CTD, modalidad ambulatoria', ['CTD'], 'AMBULATORIO', 94, { 2003: '78,4', 2004: '98,4', 2005: '97,3', 2006: '98,5' },
    '(Número de diagnósticos solicitados por el tribunal y realizados por los CTD de administración directa/Número de diagnósticos solicitados por el Tribunal a los CTD de administración directa)*100'],
  ['MML-32', '#32', 'centros de diagnóstico', ['COD', 'CTD_14_16'], undefined, 95, { 2003: '90,7', 2004: '96,3', 2005: '98,1', 2006: '92,1' },
    '(Nº de diagnósticos realizados a adolescentes/Nº de diagnósticos solicitados por el Tribunal a los centros de diagnóstico)*100'],
  ] as const).map(([id, n, m, mods, regime, target, values, formulaEs]) => def({
    id, source: `Anexo 1(a) ${n}`, nameEs: `Porcentaje de diagnósticos realizados con relación a los solicitados por tribunales (${m})`,
    nameEn: `Diagnoses done over diagnoses requested by courts (${m})`, formulaEs,
    hubFormula: `Request cohort (DiagnosisRequested in the period, linked to an AADD stay${regime ? `, regime ${regime} (request's, else the stay's)` : ''}); numerator: a DiagnosisReported of the stay answered it by asOf.${regime ? ' The printed formulas of #12/#16 put the regime in the numerator only (#16 not at all) while the names and 2006 values are per-regime rates: the hub uses the regime in both terms.' : ''}`,
    hubClass: 'E', kind: 'PERCENT', cohort: 'DIAGNOSIS_REQUEST', modalities: mods, administration: 'AADD', target: { value: target, direction: 'MIN', year: 2006 },
    sourceValues: values,
    items: (c, cc) => requestItems(c, cc).filter((i) => !regime || (c.diagnosisRequests.find((q) => q.eventId === i.ref)!.regime ?? c.regime) === regime),
    measure: requestReported,
  })),
  occupancy('MML-07', '#7', 'CTDL', ['CTDL'], '(Nº de niños(as) vigentes/Nº de plazas disponibles)*100'),
  def({
    id: 'MML-08', source: 'Anexo 1(a) #8', nameEs: 'Porcentaje de niños/as que egresan favorablemente de los CTD residenciales para lactantes y preescolares de administración directa',
    nameEn: 'Favourable exits from residential CTDL',
    formulaEs: '(Nº de niños y niñas con egresos favorables en el periodo en los CTD residenciales para lactantes y preescolares de administración directa/Nº de niños (as) egresados en el período de los CTD residenciales para lactantes y preescolares de administración directa)*100',
    hubFormula: 'Exit cohort, CTDL AADD residential; numerator: cause in {FAMILIA_ASUME_ROL, CUMPLIMIENTO_OBJETIVOS_PII, SUPERACION_VULNERACION, PROCESO_ADOPCION} and no admission to a diagnostic centre (CTDL, CTD, CTDE, CTD 14-16, COD; AADD or OCA) within 6 months. Final 6 months after each exit.',
    hubClass: 'E*', kind: 'PERCENT', cohort: 'EXIT', modalities: ['CTDL'], regimes: ['RESIDENCIAL'], administration: 'AADD', childRule: 'ALL',
    target: { value: 88, direction: 'MIN', year: 2006 }, sourceValues: { 2003: '60,9', 2004: '57,3', 2005: '90,8', 2006: '95,6' },
    items: exitItem,
    measure: (item, ctx) => {
      const good = item.case.exit!.cause !== null && GOOD_PROGNOSIS_CAUSES.includes(item.case.exit!.cause);
      const r = reentered(item, { windowMonths: 6, modalities: DIAGNOSTIC_NETWORK }, ctx);
      return yes(good && !r.yes, !good || r.final);
    },
  }),
  def({
    id: 'MML-13', source: 'Anexo 1(a) #13', nameEs: 'Porcentaje de niños(as) en procesos de intervención breve o especializada en relación al total de los diagnosticados',
    nameEn: 'Children in brief or specialised intervention over children diagnosed (CTD)',
    formulaEs: '(Número de niños(as) en proceso de intervención breve o especializada/Número total de niños(as) diagnosticados en los centros de administración directa)*100',
    hubFormula: 'Cohort: CTD AADD stays whose first diagnosis report is in the period; numerator: the stay has an intervention plan (any type) after that report, by asOf.',
    hubClass: 'E', kind: 'PERCENT', cohort: 'DIAGNOSIS_REPORT', modalities: ['CTD'], administration: 'AADD',
    items: (c, cc) => (c.diagnosisReports[0] ? [{ case: c, childCases: cc, at: c.diagnosisReports[0].at, ref: c.diagnosisReports[0].eventId }] : []),
    measure: (item, ctx) => yes(item.case.plans.some((p) => p.at >= item.at && p.at <= ctx.asOf)),
  }),
  def({
    id: 'MML-14', source: 'Anexo 1(a) #14', nameEs: 'Porcentaje de niños(as) que de intervención breve pasan a intervención especializada',
    nameEn: 'Children escalated from brief to specialised intervention (CTD)',
    formulaEs: '(Número e niños(as) que pasan de intervención breve a intervención especializada/Número total de niños(as) en intrevención breve)*100',
    hubFormula: 'Cohort: CTD AADD stays whose first BREVE plan is in the period; numerator: an InterventionEscalated or a later non-BREVE plan by asOf.',
    hubClass: 'E', kind: 'PERCENT', cohort: 'BRIEF_PLAN', modalities: ['CTD'], administration: 'AADD',
    items: (c, cc) => {
      const b = c.plans.find((p) => p.planType === 'BREVE');
      return b ? [{ case: c, childCases: cc, at: b.at, ref: b.eventId }] : [];
    },
    measure: (item, ctx) => yes(item.case.escalations.some((e) => e.at >= item.at && e.at <= ctx.asOf)
      || item.case.plans.some((p) => p.at > item.at && p.at <= ctx.asOf && p.planType !== 'BREVE')),
  }),
  ...([['MML-15', '#15', 'CTD', ['CTD'], undefined, 55, { 2003: '62,7', 2004: '47,2', 2005: '45,4', 2006: '38,1 (Anexo 1(b): 38.0)' },
    'Sumatoria de días de permanencia de los egresados cn diagnóstico en CTD en año t/Número de niños(as) egresados con diagnóstico de CTD año t', true],
  ['MML-29', '#29', 'centros de diagnóstico', ['COD', 'CTD_14_16'], undefined, 30, { 2003: '31', 2004: '28', 2005: '17', 2006: '15' },
    '(Sumatoria de días de permanencia de adolescentes egresados con diagnóstico/Nº de egresados con diagnóstico)', true],
  ['MML-30', '#30', 'COD residencial', ['COD'], 'RESIDENCIAL', 30, { 2003: '32', 2004: '31', 2005: '23', 2006: '23' },
    '(Sumatoria de días de permanencia egresados en modalidad residencial de COD/Número de egresos en modalidad residencial de Centros de diagnóstico)', false],
  ['MML-31', '#31', 'COD ambulatorio', ['COD'], 'AMBULATORIO', 15, { 2003: '11', 2004: '13', 2005: '7', 2006: '6' },
    '(Sumatoria de días de permanencia egresados en modalidad ambulatoria de COD/Nº de egresos en modalidad ambulatoria de COD)', false],
  ] as const).map(([id, n, m, mods, regime, target, values, formulaEs, needsDiagnosis]) => def({
    id, source: `Anexo 1(a) ${n}`, nameEs: `Tiempo de permanencia promedio de egresados (${m})`, nameEn: `Mean stay of exits (${m}), days`, formulaEs,
    hubFormula: `Exit cohort (exit in the period), AADD ${m}${needsDiagnosis ? ' with at least one diagnosis report' : ''}; mean of local-date days from admission to exit. One decimal is shown rounded half up (the source printed 38,1 in the text and 38.0 in the annex for one value).`,
    hubClass: 'E', kind: 'MEAN_DAYS', cohort: 'EXIT', modalities: mods, ...(regime ? { regimes: [regime] } : {}), administration: 'AADD',
    target: { value: target, direction: 'MAX', year: 2006 }, sourceValues: values, items: needsDiagnosis ? withDiagnosis : exitItem, measure: meanDays,
  })),
  ...([['MML-17', '#17', 'abandono', 'CTD', ['CTD'], 'ABANDONO', '(Numero de niños(as) y/o adolescentes que realizan abandono de los CTD de administración directa/Número de niños(as) y/o adolescentes que egresan de los CTD de administración directa)*100'],
  ['MML-33', '#33', 'fuga', 'centros de diagnóstico', ['COD', 'CTD_14_16'], 'FUGA', '(Nº de adolescentes egresados por fuga en centros de diagnóstico/Nº de adolescentes egresados de centros de diagnóstico)*100'],
  ['MML-43', '#43', 'fuga', 'CERECO', ['CERECO'], 'FUGA', '(Nº adolescentes egresados por fuga en Cereco/ Nº de adolescentes egresados en Cereco)*100'],
  ] as const).map(([id, n, kindEs, m, mods, kind, formulaEs]) => def({
    id, source: `Anexo 1(a) ${n}`, nameEs: `Porcentaje de egresos por ${kindEs} (${m})`, nameEn: `Exits by ${kind === 'FUGA' ? 'escape' : 'abandonment'} (${m})`, formulaEs,
    hubFormula: `Exit cohort, AADD ${m}; numerator: the exit that holds is an AbscondmentRecorded of kind ${kind} (a fuga/abandono followed by a return within the re-open window is not an exit).`,
    hubClass: 'E', kind: 'PERCENT', cohort: 'EXIT', modalities: mods, administration: 'AADD', items: exitItem,
    measure: exitsWith((c) => c.exit!.kind === 'UNPLANNED' && c.exit!.abscondmentKind === kind),
  })),
  occupancy('MML-18', '#18', 'CTD', ['CTD'], '(Numero de niños, niñas y/o adolescentes vigentes/Número de plazas disponibles)*100'),
  def({
    id: 'MML-19', source: 'Anexo 1(a) #19', nameEs: 'Porcentaje de niños, niñas y adolescentes que reingresan a CTD residencial en relación al total de los egresados',
    nameEn: 'Re-entry to residential CTD over residential CTD exits (literal: no window)',
    formulaEs: '(Número de niños, niñas y adolescentes que reingresan a CTD residencial/Total de egresados de CTD residencial)*100',
    hubFormula: 'Exit cohort, CTD residential AADD; numerator: a later admission to a residential CTD (AADD or OCA) by asOf. No window, as printed ("mide reingreso pero no el lapso"): never final. PROP-23 is the 6-month version.',
    hubClass: 'E*', kind: 'PERCENT', cohort: 'EXIT', modalities: ['CTD'], regimes: ['RESIDENCIAL'], administration: 'AADD',
    target: { value: 15, direction: 'MAX', year: 2006 }, sourceValues: { 2003: '10,8', 2004: '12,8', 2005: '11,3', 2006: '9,4' },
    items: exitItem, measure: reenteredM({ windowMonths: null, modalities: ['CTD'], regime: 'RESIDENCIAL' }),
  }),
  def({
    id: 'MML-24', source: 'Anexo 1(a) #24', nameEs: 'Porcentaje de niños ingresados a CTDE con permanencia igual o superior a 30 días que cuentan con PII dentro de los primeros 30 días',
    nameEn: 'CTDE admissions staying 30+ days with an intervention plan within 30 days',
    formulaEs: '(Número de niños ingresados a los CTDE con permanencia igual o superior a 30 días con PII/Número de niños ingresados a los CTDE con permanencia igual o superior a 30 días)*100',
    hubFormula: 'Admission cohort (admission in the period), CTDE AADD, restricted to stays lasting ≥ 30 days (exit − admission ≥ 30 days, or open at asOf and admitted ≥ 30 days before); numerator: an InterventionPlanCreated within 30 days of admission. Stays open under 30 days are pending (provisional).',
    hubClass: 'E', kind: 'PERCENT', cohort: 'ADMISSION', modalities: ['CTDE'], administration: 'AADD', target: { value: 90, direction: 'MIN', year: 2006 },
    sourceValues: { 2003: 'n.c.', 2004: '36,2', 2005: '45,5', 2006: '92,3' }, items: admissionItem, measure: planWithin30Days,
  }),
  occupancy('MML-25', '#25', 'CTDE', ['CTDE'], '(Número de niños(as) y/o adolescentes vigentes/Número total de plazas disponibles)*100'),
  occupancy('MML-35', '#35', 'centros de diagnóstico', ['COD', 'CTD_14_16'], '(Nº de niños(as) y/o adolescentes vigentes/Nº total de plazas disponibles)*100'),
  def({
    id: 'MML-40', source: 'Anexo 1(a) #40', nameEs: 'Porcentaje de adolescentes en CERECO con permanencia igual o mayor a 30 días con PII dentro de los 30 días siguientes a su ingreso',
    nameEn: 'CERECO admissions staying 30+ days with an intervention plan within 30 days',
    formulaEs: '(Número de adolescentes ingresados de Centros Privativos de Libertad (actuales CERECO) con permanencia mayor o igual a 30 días, que cuentan con plan de intervención individual/Número de adolescentes ingresados a Centros Privativos de Libertad (actuales CERECO) con permanencia mayor o igual a 30 días)*100',
    hubFormula: 'As MML-24 for CERECO AADD. One decimal rounded half up (the source printed 93,6 in the text and 93.7 in the annex for 2003).',
    hubClass: 'E', kind: 'PERCENT', cohort: 'ADMISSION', modalities: ['CERECO'], administration: 'AADD', target: { value: 92, direction: 'MIN', year: 2006 },
    sourceValues: { 2003: '93,6 (Anexo 1(b): 93.7)', 2004: '92,0', 2005: '92,6', 2006: '92,6' }, items: admissionItem, measure: planWithin30Days,
  }),
  occupancy('MML-44', '#44', 'CERECO', ['CERECO'], '(Nº de niños(as) y/o adolescentes vigentes/Nº total de plazas disponibles)*100'),
  def({
    id: 'MML-45', source: 'Anexo 1(a) #45', nameEs: 'Porcentaje de adolescentes egresados de CERECO que no reingresa a la red para infractores dentro de los seis meses siguientes a su egreso',
    nameEn: 'CERECO exits not re-entering the offenders network within 6 months',
    formulaEs: '(Número de adolescentes que no reingresa a los programas de rehabilitación conductual dentro de los seis meses siguientes a su egreso/Número total de adolescentes egresados de los programas en el año t)*100',
    hubFormula: 'Exit cohort, CERECO AADD; numerator: no admission to the offenders network (CTD 14-16, COD, CERECO, CIP, closed and semi-closed centres, medio libre RPA; any administration) within 6 months. The name says "red para infractores", the formula "programas de rehabilitación conductual": the hub uses the name. Target 68 % MIN: the 2007 report called 54,0–60,8 % "cumplida" although below it (§4.7).',
    hubClass: 'E*', kind: 'PERCENT', cohort: 'EXIT', modalities: ['CERECO'], administration: 'AADD', childRule: 'ALL',
    target: { value: 68, direction: 'MIN', year: 2006 }, sourceValues: { 2003: 's.i.', 2004: '57,4', 2005: '54,0', 2006: '60,8' },
    items: exitItem, measure: notReentered({ windowMonths: 6, modalities: OFFENDERS_NETWORK }),
  }),
  def({
    id: 'PROP-03', source: 'Anexo 2(a) Protección #3', nameEs: 'Porcentaje de niños(as) y adolescentes que no reingresan a la red SENAME dentro de los 6 meses siguientes a su egreso',
    nameEn: 'Children not re-entering the SENAME network within 6 months of exit (protection centres)',
    formulaEs: '(Nº de niños(as) y/o adolescentes no reingresados a la red SENAME dentro de los 6 meses siguientes a su egreso / Nº de niños(as) y/o adolescentes egresados de los Centros de Administración Directa)*100',
    hubFormula: 'Exit cohort, AADD protection centres (CTDL, CTD, CTDE); numerator: no admission anywhere in the network (any modality, AADD or OCA) within 6 months; transfers are not returns.',
    hubClass: 'E*', kind: 'PERCENT', cohort: 'EXIT', modalities: ['CTDL', 'CTD', 'CTDE'], administration: 'AADD', childRule: 'ALL',
    items: exitItem, measure: notReentered({ windowMonths: 6 }),
  }),
  ...([['PROP-08', 'Protección #8', 'con familias adoptivas', 'to adoptive families', ['FAMILIA_ADOPTIVA'],
    '(Nº de niños y niñas con egresos con familias adoptivas de los CTDL de administración directa/ Nº de egresados de los CTDL de administración directa) *100'],
  ['PROP-09', 'Protección #9', 'con reinserción familiar', 'with family reintegration', ['FAMILIA_ORIGEN', 'FAMILIA_EXTENDIDA'],
    '(Nº de niños y niñas que egresan con reinserción familiar de los CTDL de administración directa/ Nº de egresados de los CTDL de administración directa)* 100'],
  ['PROP-10', 'Protección #10', 'por derivación a establecimientos de Protección de la Red SENAME', 'by referral to protection programmes', ['PROGRAMA_RED_PROTECCION'],
    '(Nº de niños y niñas que egresan por derivación a establecimientos de Protección de la red SENAME/ Nº de egresados de los CTDL de administración directa) * 100'],
  ] as const).map(([id, n, es, en, destinations, formulaEs]) => def({
    id, source: `Anexo 2(a) ${n}`, nameEs: `Porcentaje de niños(as) que egresan ${es} de los CTDL`, nameEn: `CTDL exits ${en}`, formulaEs,
    hubFormula: `Exit cohort, CTDL AADD; numerator: exit destination in {${destinations.join(', ')}}.`,
    hubClass: 'E', kind: 'PERCENT', cohort: 'EXIT', modalities: ['CTDL'], administration: 'AADD', items: exitItem,
    measure: exitsWith((c) => c.exit!.destination !== null && (destinations as readonly string[]).includes(c.exit!.destination)),
  })),
  ...([['PROP-23', 'Protección #23', 'CTD residencial', ['CTD'], 'RESIDENCIAL',
    '(Número de niños, niñas y adolescentes que reingresan a CTD residencial dentro de los 6 meses siguientes a su egreso/ Total de egresados de CTD residencial)*100', ''],
  ['PROP-24', 'Protección #24', 'CTD ambulatorios', ['CTD'], 'AMBULATORIO',
    '(Número de niños, niñas y adolescentes que reingresan a CTD ambulatorios dentro de los 6 meses siguientes a su egreso/ Total de egresados de CTD residencial)*100',
    ' The printed denominator says "residencial" (probable typo): the hub divides by ambulatory CTD exits.'],
  ['PROP-33', 'Protección #33', 'CTDE', ['CTDE'], undefined,
    'Nº de niños y niñas que reingresan a CTDE especializados dentro de los 6 meses siguientes a su egreso / Nº de egresados de CTDE) * 100', ''],
  ] as const).map(([id, n, m, mods, regime, formulaEs, note]) => def({
    id, source: `Anexo 2(a) ${n}`, nameEs: `Porcentaje que reingresa a ${m} dentro de los 6 meses siguientes a su egreso`, nameEn: `Re-entry to ${m} within 6 months of exit`, formulaEs,
    hubFormula: `Exit cohort, AADD ${m}; numerator: an admission to ${m} (any administration) within 6 months; transfers are not returns.${note}`,
    hubClass: 'E*', kind: 'PERCENT', cohort: 'EXIT', modalities: mods, ...(regime ? { regimes: [regime] } : {}), administration: 'AADD',
    items: exitItem, measure: reenteredM({ windowMonths: 6, modalities: mods, ...(regime ? { regime } : {}) }),
  })),
  def({
    id: 'RJ-03', source: 'Anexo 2(a) Responsabilidad Juvenil #3', nameEs: 'Porcentaje de adolescentes que no reingresan a la red SENAME dentro de los 6 meses siguientes a su egreso, egresados de COD-CERECO',
    nameEn: 'COD-CERECO exits not re-entering the SENAME network within 6 months',
    formulaEs: '(Nº adolescentes no reingresados a la red SENAME dentro de los 6 meses siguientes a su egreso / Nº de niños(as) y/o adolescentes egresados de los COD CERECO) *100',
    hubFormula: 'Exit cohort, AADD COD, CTD 14-16 and CERECO; numerator: no admission anywhere in the network within 6 months; transfers (e.g. COD → CERECO) are not returns.',
    hubClass: 'E*', kind: 'PERCENT', cohort: 'EXIT', modalities: ['COD', 'CTD_14_16', 'CERECO'], administration: 'AADD', childRule: 'ALL',
    items: exitItem, measure: notReentered({ windowMonths: 6 }),
  }),
  def({
    id: 'HUB-REENTRY-6M', source: 'Hub (issue 5)', nameEs: 'Reingreso a la red (cualquier programa) dentro de 6 meses del egreso',
    nameEn: 'Network-wide re-entry within 6 months of exit',
    formulaEs: '(Nº de egresos seguidos de un nuevo ingreso a cualquier programa de la red dentro de 6 meses / Nº de egresos)*100',
    hubFormula: 'Exit cohort, every programme and administration; numerator: a non-transfer admission anywhere in the network within 6 calendar months. Children unit: children with at least one exit followed by a re-entry / children with an exit.',
    hubClass: 'E*', kind: 'PERCENT', cohort: 'EXIT', modalities: 'ALL', administration: 'ALL',
    items: exitItem, measure: reenteredM({ windowMonths: 6 }),
  }),
];

/** Indicators of domain.md §4 the hub cannot compute from its events, and why. */
export const NOT_COMPUTABLE: readonly { readonly id: string; readonly reason: string }[] = [
  { id: 'MML-42', reason: 'Family participation in family-intervention programmes (CERECO) has no hub event (domain.md proposes centre.family_intervention.recorded); the PII axes are a plan, not participation.' },
  { id: 'PROP-14/25/36, RJ-16/27', reason: 'Gender-differentiated diagnoses/plans: no gender_differentiated flag on DiagnosisReported or InterventionPlanCreated.' },
  { id: 'MML-01/22/34/38/39/48/49, PROP-11/28/34', reason: 'Survey (Q) or supervision-review (R) data; surveys are anonymous and must never be linked to identities.' },
  { id: 'MML-02/09/10/20/21/26/27/36/37/46/47', reason: 'Financial (F): out of case events; the hub can supply denominators (stays, children).' },
];
