import { addDays } from '../deadlines/business-calendar';
import type { CaseView, ChildFlow } from '../flow/types';
import { INDICATORS } from './catalogue';
import type {
  AdministrationScope, Breakdown, CapacityDeclaration, IndicatorDefinition, IndicatorQuery, IndicatorRow, Item, MeasureContext, Measurement,
  TerritoryContext, UnitValue,
} from './types';

export interface IndicatorInput {
  readonly flows: readonly ChildFlow[];
  readonly capacity: readonly CapacityDeclaration[];
}

/** Local-time helpers the computation needs (BusinessCalendar satisfies it). */
export interface LocalTime {
  localDate(at: number): string;
  startOfDay(date: string): number;
}

const NATIONAL = 'NACIONAL';
const UNKNOWN = 'SIN_DATO';

interface Measured {
  readonly childId: string;
  readonly group: string;
  readonly m: Measurement;
}

function inScope(d: IndicatorDefinition, c: CaseView, administration: AdministrationScope): boolean {
  if (d.modalities !== 'ALL' && (c.modality === null || !d.modalities.includes(c.modality))) return false;
  if (d.regimes && (c.regime === null || !d.regimes.includes(c.regime))) return false;
  return administration === 'ALL' || c.administration === administration;
}

function groupOf(by: Breakdown, comuna: string | null, modality: string | null, date: string, t: TerritoryContext): string {
  switch (by) {
    case 'NONE': return NATIONAL;
    case 'COMUNA': return comuna ?? UNKNOWN;
    case 'REGION': return (comuna !== null ? t.regionOf(comuna) : null) ?? UNKNOWN;
    case 'MODALITY': return modality ?? UNKNOWN;
    case 'YEAR': return date.slice(0, 4);
    case 'MONTH': return date.slice(0, 7);
  }
}

const ratio = (num: number, den: number, kind: IndicatorDefinition['kind']): number | null =>
  den === 0 ? null : kind === 'MEAN_DAYS' ? num / den : (num / den) * 100;

function aggregate(d: IndicatorDefinition, group: string, items: readonly Measured[]): IndicatorRow {
  const den = items.filter((i) => i.m.inDenominator);
  const staysNum = den.reduce((s, i) => s + i.m.numerator, 0);
  const byChild = new Map<string, Measured[]>();
  for (const i of den) {
    const list = byChild.get(i.childId);
    if (list) list.push(i);
    else byChild.set(i.childId, [i]);
  }
  let childNum = 0;
  for (const list of byChild.values()) {
    if (d.kind === 'MEAN_DAYS') childNum += list.reduce((s, i) => s + i.m.numerator, 0) / list.length;
    else if (d.childRule === 'ALL' ? list.every((i) => i.m.numerator > 0) : list.some((i) => i.m.numerator > 0)) childNum += 1;
  }
  const stays: UnitValue = { numerator: staysNum, denominator: den.length, value: ratio(staysNum, den.length, d.kind) };
  const children: UnitValue = { numerator: childNum, denominator: byChild.size, value: ratio(childNum, byChild.size, d.kind) };
  const provisionalItems = items.filter((i) => !i.m.final).length;
  const meetsTarget = d.target && stays.value !== null
    ? (d.target.direction === 'MIN' ? stays.value >= d.target.value : stays.value <= d.target.value) : null;
  return { indicatorId: d.id, group, stays, children, final: provisionalItems === 0, provisionalItems, meetsTarget };
}

function occupancyRows(d: IndicatorDefinition, input: IndicatorInput, q: IndicatorQuery, admin: AdministrationScope,
  time: LocalTime, t: TerritoryContext): IndicatorRow[] {
  const snapshot = Math.min(time.startOfDay(addDays(q.to, 1)) - 1, q.asOf);
  const mods = d.modalities;
  const latest = new Map<string, CapacityDeclaration>();
  for (const c of input.capacity) {
    if (c.declaredAt > q.asOf || c.validFrom > q.to || (c.validTo !== null && c.validTo < q.to)) continue;
    if (mods !== 'ALL' && !mods.includes(c.modality)) continue;
    if (admin !== 'ALL' && c.administration !== admin) continue;
    const prev = latest.get(c.programmeCode);
    if (!prev || c.declaredAt > prev.declaredAt || (c.declaredAt === prev.declaredAt && c.validFrom > prev.validFrom)) latest.set(c.programmeCode, c);
  }
  const programmeComuna = new Map([...latest.values()].map((c) => [c.programmeCode, c.comunaCode]));
  const period = time.localDate(snapshot);
  const groups = new Map<string, { places: number; stays: number; children: Set<string> }>();
  const bucket = (g: string) => {
    let b = groups.get(g);
    if (!b) { b = { places: 0, stays: 0, children: new Set() }; groups.set(g, b); }
    return b;
  };
  const keep = (comuna: string | null) => !q.comunaCodes || (comuna !== null && q.comunaCodes.includes(comuna));
  for (const c of latest.values()) {
    if (keep(c.comunaCode)) bucket(groupOf(q.by, c.comunaCode, c.modality, period, t)).places += c.places;
  }
  for (const f of input.flows) {
    for (const c of f.cases) {
      if (!c.admission || !c.programmeCode || !inScope(d, c, admin)) continue;
      if (c.admission.at > snapshot || (c.exit !== null && c.exit.at <= snapshot)) continue;
      const comuna = programmeComuna.get(c.programmeCode) ?? null;
      if (!keep(comuna)) continue;
      const b = bucket(groupOf(q.by, comuna, c.modality, period, t));
      b.stays += 1;
      b.children.add(f.childId);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, b]) => ({
    indicatorId: d.id, group,
    stays: { numerator: b.stays, denominator: b.places, value: ratio(b.stays, b.places, 'PERCENT') },
    children: { numerator: b.children.size, denominator: b.places, value: ratio(b.children.size, b.places, 'PERCENT') },
    final: true, provisionalItems: 0, meetsTarget: null,
  }));
}

/**
 * Computes the indicators over derived flows. Pure: `q.asOf` bounds what is known; periods are
 * local dates; stays (the 2007 unit) and distinct children are both reported.
 */
export function computeIndicators(input: IndicatorInput, q: IndicatorQuery, time: LocalTime, t: TerritoryContext,
  definitions: readonly IndicatorDefinition[] = INDICATORS): IndicatorRow[] {
  const ctx: MeasureContext = { asOf: q.asOf, localDate: (at) => time.localDate(at) };
  const rows: IndicatorRow[] = [];
  for (const d of definitions) {
    if (q.indicatorIds && !q.indicatorIds.includes(d.id)) continue;
    const admin = q.administration ?? d.administration;
    if (d.kind === 'OCCUPANCY_PERCENT') { rows.push(...occupancyRows(d, input, q, admin, time, t)); continue; }
    const measured: Measured[] = [];
    for (const f of input.flows) {
      for (const c of f.cases) {
        if (!inScope(d, c, admin)) continue;
        if (q.comunaCodes && (c.comunaCode === null || !q.comunaCodes.includes(c.comunaCode))) continue;
        for (const item of d.items!(c, f.cases) as Item[]) {
          if (item.at > q.asOf) continue;
          const date = time.localDate(item.at);
          if (date < q.from || date > q.to) continue;
          measured.push({ childId: f.childId, group: groupOf(q.by, c.comunaCode, c.modality, date, t), m: d.measure!(item, ctx) });
        }
      }
    }
    const groups = new Map<string, Measured[]>();
    for (const m of measured) {
      const list = groups.get(m.group);
      if (list) list.push(m);
      else groups.set(m.group, [m]);
    }
    if (q.by === 'NONE' && groups.size === 0) groups.set(NATIONAL, []);
    for (const g of [...groups.keys()].sort()) rows.push(aggregate(d, g, groups.get(g)!));
  }
  return rows;
}

export interface TerritoryRow {
  readonly indicatorId: string;
  readonly group: string;
  readonly national: IndicatorRow;
  readonly territory: IndicatorRow | null;
}

/** A municipality's own territory beside the national figure, row by row. */
export function indicatorsWithTerritory(input: IndicatorInput, q: IndicatorQuery, comunaCodes: readonly string[], time: LocalTime,
  t: TerritoryContext, definitions: readonly IndicatorDefinition[] = INDICATORS): TerritoryRow[] {
  const national = computeIndicators(input, { ...q, comunaCodes: undefined }, time, t, definitions);
  const local = computeIndicators(input, { ...q, comunaCodes }, time, t, definitions);
  const key = (r: IndicatorRow) => `${r.indicatorId}\u0000${r.group}`;
  const localByKey = new Map(local.map((r) => [key(r), r]));
  return national.map((n) => ({ indicatorId: n.indicatorId, group: n.group, national: n, territory: localByKey.get(key(n)) ?? null }));
}

/** One decimal, rounded half up (the 2007 text and annex disagreed by truncation: 38,1 vs 38.0; 93,6 vs 93.7). */
export function roundHalfUp(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(value * f + 1e-9) / f;
}
