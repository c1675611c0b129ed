/**
 * Indicators over the service's stored state, shared by the query API and the `hub indicators` CLI
 * (which reads PostgreSQL directly, no running service needed): every linked child's events →
 * deriveChildFlow → computeIndicators (E's core), plus capacity declarations.
 */
import type { Pool } from 'pg';
import { CHILE_BUSINESS_CALENDAR } from './config/calendar';
import { FLOW_RULES } from './config/flow-rules';
import { CHILE_TERRITORY } from './config/territory';
import {
  computeIndicators, deriveChildFlow, indicatorsWithTerritory, type Breakdown, type CaseInputEvent, type IndicatorInput, type IndicatorRow,
  type TerritoryRow,
} from './domain';
import { allCapacity } from './store/case-store';

export const INDICATOR_BREAKDOWNS = { comuna: 'COMUNA', region: 'REGION', modality: 'MODALITY', none: 'NONE' } as const satisfies Record<string, Breakdown>;
export type IndicatorBy = keyof typeof INDICATOR_BREAKDOWNS;

export async function loadIndicatorInput(pool: Pool): Promise<IndicatorInput & { events: number }> {
  const { rows } = await pool.query<{ child_id: string; event: CaseInputEvent }>('SELECT child_id, event FROM case_events WHERE child_id IS NOT NULL');
  const byChild = new Map<string, CaseInputEvent[]>();
  for (const r of rows) {
    const list = byChild.get(r.child_id);
    const e = { ...r.event, childId: r.child_id };
    if (list) list.push(e);
    else byChild.set(r.child_id, [e]);
  }
  const flows = [...byChild].map(([childId, events]) => deriveChildFlow(events, FLOW_RULES, childId));
  return { flows, capacity: await allCapacity(pool), events: rows.length };
}

export interface IndicatorRequest { readonly from: string; readonly to: string; readonly by: IndicatorBy; readonly asOf: number }

export function indicatorRows(input: IndicatorInput, q: IndicatorRequest): IndicatorRow[] {
  return computeIndicators(input, { from: q.from, to: q.to, asOf: q.asOf, by: INDICATOR_BREAKDOWNS[q.by] }, CHILE_BUSINESS_CALENDAR, CHILE_TERRITORY);
}

export function territoryRows(input: IndicatorInput, q: IndicatorRequest, comunaCodes: readonly string[]): TerritoryRow[] {
  return indicatorsWithTerritory(input, { from: q.from, to: q.to, asOf: q.asOf, by: INDICATOR_BREAKDOWNS[q.by] }, comunaCodes, CHILE_BUSINESS_CALENDAR, CHILE_TERRITORY);
}
