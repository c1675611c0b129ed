import type { Administration, CareRegime, ProgrammeModality } from '../../../../schemas';
import type { CaseView } from '../flow/types';

/** Unit of count (domain.md §4.7 rule 1): stays (ingresos/egresos, what the 2007 sources count) or distinct children. */
export type CountUnit = 'STAYS' | 'CHILDREN';

export type IndicatorKind = 'PERCENT' | 'MEAN_DAYS' | 'OCCUPANCY_PERCENT';

/** Which event decides the period an item belongs to (§4.7 rule 2). */
export type Cohort = 'EXIT' | 'ADMISSION' | 'DIAGNOSIS_REQUEST' | 'DIAGNOSIS_REPORT' | 'PROPOSAL' | 'BRIEF_PLAN' | 'SNAPSHOT';

export type AdministrationScope = Administration | 'ALL';

/** One unit of measurement of an indicator: a stay, an exit, a request, a proposal... */
export interface Item {
  readonly case: CaseView;
  /** The child's other stays (re-entry needs them). */
  readonly childCases: readonly CaseView[];
  /** Instant that places the item in a period. */
  readonly at: number;
  /** Id of what is counted (exit event, request event...), for traceability. */
  readonly ref: string;
}

export interface Measurement {
  readonly inDenominator: boolean;
  /** 1/0 for percentages; days for means. */
  readonly numerator: number;
  /** False while the outcome can still change (re-entry window open, proposal unresolved, stay under 30 days). */
  readonly final: boolean;
}

export interface MeasureContext {
  readonly asOf: number;
  /** Local calendar date of an instant (America/Santiago), for day counts. */
  readonly localDate: (at: number) => string;
}

export interface IndicatorTarget {
  readonly value: number;
  /** MIN: at least the target; MAX: at most. */
  readonly direction: 'MIN' | 'MAX';
  readonly year: number;
}

export interface IndicatorDefinition {
  /** `MML-nn` (Anexo 1(a)), `PROP-...` (Anexo 2(a)) or `HUB-...` (hub's own). */
  readonly id: string;
  readonly source: string;
  readonly nameEs: string;
  readonly nameEn: string;
  /** The source's formula, verbatim (typos included). */
  readonly formulaEs: string;
  /** What the hub computes, and any reading of an ambiguous or inconsistent source. */
  readonly hubFormula: string;
  /** E: computable from the event flow; E*: needs network-wide identity and/or capacity data. */
  readonly hubClass: 'E' | 'E*';
  readonly kind: IndicatorKind;
  readonly cohort: Cohort;
  readonly modalities: readonly ProgrammeModality[] | 'ALL';
  readonly regimes?: readonly CareRegime[];
  readonly administration: AdministrationScope;
  /** How a child's items combine at child level: ANY item counts (events), ALL items must count (e.g. "no re-entry"). */
  readonly childRule: 'ANY' | 'ALL';
  readonly target?: IndicatorTarget;
  /** Values the 2007 evaluation printed, for comparison (text and annex may differ: §4.7 rule 7). */
  readonly sourceValues?: Readonly<Record<string, string>>;
  /** Items of one stay for this cohort (usually 0 or 1). */
  readonly items?: (c: CaseView, childCases: readonly CaseView[]) => readonly Item[];
  readonly measure?: (item: Item, ctx: MeasureContext) => Measurement;
}

/** A programme's declared places (hub.sename.CapacityDeclared, normalised). */
export interface CapacityDeclaration {
  readonly programmeCode: string;
  readonly modality: ProgrammeModality;
  readonly regime: CareRegime;
  readonly administration: Administration;
  readonly comunaCode: string | null;
  readonly places: number;
  /** YYYY-MM-DD, inclusive. */
  readonly validFrom: string;
  /** YYYY-MM-DD, inclusive; null = open. */
  readonly validTo: string | null;
  /** Declaration time: a later declaration for the same programme and date wins. */
  readonly declaredAt: number;
}

export type Breakdown = 'NONE' | 'COMUNA' | 'REGION' | 'MODALITY' | 'YEAR' | 'MONTH';

export interface IndicatorQuery {
  /** Period, local dates YYYY-MM-DD, both inclusive. */
  readonly from: string;
  readonly to: string;
  /** What is known: events up to asOf only; outcome windows are final only once closed by asOf. */
  readonly asOf: number;
  readonly by: Breakdown;
  /** Overrides every definition's administration scope (e.g. ALL for the whole network). */
  readonly administration?: AdministrationScope;
  /** Restricts to stays of children resident in these comunas (a municipality's territory). */
  readonly comunaCodes?: readonly string[];
  readonly indicatorIds?: readonly string[];
}

export interface UnitValue {
  readonly numerator: number;
  readonly denominator: number;
  /** Percentage or mean days; null when the denominator is 0. */
  readonly value: number | null;
}

export interface IndicatorRow {
  readonly indicatorId: string;
  /** Breakdown value: `NACIONAL` with no breakdown, else the comuna / region / modality / period; `SIN_DATO` when unknown. */
  readonly group: string;
  readonly stays: UnitValue;
  readonly children: UnitValue;
  /** All items are final (no outcome can still change). */
  readonly final: boolean;
  /** Items whose outcome may still change. */
  readonly provisionalItems: number;
  /** Target met (stays unit) when the definition has a target and a value exists. */
  readonly meetsTarget: boolean | null;
}

export interface TerritoryContext {
  /** Region code of a comuna CUT code, or null when unknown. */
  readonly regionOf: (comunaCode: string) => string | null;
}
