/**
 * The query API's logic, HTTP-free: reads, scoping (case-scope.ts) and the audit row of every read of
 * a child's data (who, what, when, why). Controllers only translate to HTTP.
 *
 * Order of checks (issue 8): who may read cases at all (403, before any lookup); then the resource,
 * resolved through merge redirects, and the caller's access to it; a child or case the caller may
 * not see gets exactly the answer of one that does not exist (404, same code and body), and a
 * merge redirect (308, naming the survivor) is given only to callers entitled to the survivor.
 * The audit row keeps the real decision: 403 for "exists, not yours", 404 for "unknown".
 */
import type { Pool } from 'pg';
import { z } from 'zod';
import { ANY_UNIT, type Credential } from '../../platform/auth/credential';
import { createTranslator, type Lang, type Params } from '../../platform/i18n/i18n';
import { DEADLINE_RULES } from '../config/deadline-rules';
import { CHILE_BUSINESS_CALENDAR } from '../config/calendar';
import { FLOW_RULES } from '../config/flow-rules';
import { deadlinesFor, deriveChildFlow, indicatorsToCsv, type CaseInputEvent } from '../domain';
import { indicatorRows, loadIndicatorInput, territoryRows, type IndicatorBy } from '../indicators';
import { childrenInfo, eventsOfChildren, redirectOf } from '../store/case-store';
import { statusBody } from '../stream/case-snapshot';
import { CASE_API_MESSAGES_EN, CASE_API_MESSAGES_ES, type CaseApiMessageCode } from './api-messages';
import { caseReadDenial, childAccess, mayReadIndicators, type CaseReadDenial } from './case-scope';

export interface Caller { readonly credential: Credential; readonly lang: Lang; readonly purpose: string }
export interface Answer { readonly status: number; readonly body: unknown; readonly location?: string; readonly contentType?: string }

export const indicatorQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  by: z.enum(['comuna', 'region', 'modality', 'none']).default('none'),
  lang: z.enum(['es', 'en']).optional(),
});

export function errorBody(code: CaseApiMessageCode, lang: Lang, params?: Params): { codigo: string; mensaje: string } {
  return { codigo: code, mensaje: createTranslator(lang, CASE_API_MESSAGES_ES, CASE_API_MESSAGES_EN).t(code, params) };
}

/** The 403 of a credential that may not read cases at all: depends on the credential only, never on the id asked for. */
function deniedBody(denial: CaseReadDenial, lang: Lang) {
  return denial === 'HUB_SCOPE_REQUIRED' ? errorBody(denial, lang, { scope: 'case-read' }) : errorBody(denial, lang);
}

export class CaseQueries {
  constructor(private readonly pool: Pool, private readonly now: () => number) {}

  private async audit(caller: Caller, action: string, resourceIds: readonly string[], status: number): Promise<void> {
    await this.pool.query('INSERT INTO case_api_audit (credential_id, action, resource_ids, purpose, status) VALUES ($1, $2, $3, $4, $5)',
      [caller.credential.id, action, [...resourceIds], caller.purpose, status]);
  }

  private async answer(caller: Caller, action: string, ids: readonly string[], a: Answer): Promise<Answer> {
    await this.audit(caller, action, ids, a.status);
    return a;
  }

  private async childView(childId: string) {
    const events = (await eventsOfChildren(this.pool, [childId])).get(childId) ?? [];
    const comuna = (await childrenInfo(this.pool, [childId])).get(childId)?.comunaCode ?? null;
    const flow = deriveChildFlow(events, FLOW_RULES, childId);
    const now = this.now();
    const report = deadlinesFor(flow, now, DEADLINE_RULES, CHILE_BUSINESS_CALENDAR);
    const deadlines = [...report.due, ...report.breached, ...report.met, ...report.pending, ...report.notApplicable];
    const byId = new Map<string, CaseInputEvent>(flow.events.map((e) => [e.eventId, e]));
    return { events, comuna, flow, now, deadlines, byId };
  }

  /** "Unknown" and "not yours" answered alike; `decided` is what the audit row records. */
  private notFound(caller: Caller, action: string, ids: readonly string[], code: 'CHILD_NOT_FOUND' | 'CASE_NOT_FOUND', decided: 403 | 404): Promise<Answer> {
    return this.audit(caller, action, ids, decided).then(() => ({ status: 404, body: errorBody(code, caller.lang) }));
  }

  async timeline(caller: Caller, childId: string): Promise<Answer> {
    const lang = caller.lang;
    const denial = caseReadDenial(caller.credential);
    if (denial) return this.answer(caller, 'timeline.read', [childId], { status: 403, body: deniedBody(denial, lang) });
    const survivor = await redirectOf(this.pool, childId);
    const target = survivor ?? childId;
    const ids = survivor ? [childId, survivor] : [childId];
    const v = await this.childView(target);
    if (v.events.length === 0) return this.notFound(caller, 'timeline.read', ids, 'CHILD_NOT_FOUND', 404);
    const access = childAccess(caller.credential, v.comuna, v.flow.cases, v.byId);
    if (access.kind === 'NONE') return this.notFound(caller, 'timeline.read', ids, 'CHILD_NOT_FOUND', 403);
    if (survivor) {
      return this.answer(caller, 'timeline.read', ids, {
        status: 308, location: `/v1/children/${encodeURIComponent(survivor)}/timeline`, body: errorBody('CHILD_MERGED', lang, { childId, survivor }),
      });
    }
    const visible = (caseId: string | null) => access.kind === 'ALL' || (caseId !== null && access.caseIds.has(caseId));
    const cases = v.flow.cases.filter((c) => visible(c.caseId)).map((c) => statusBody(c, v.flow, v.deadlines, v.now));
    const timeline = v.flow.timeline.filter((t) => visible(t.caseId))
      .map((t) => ({ eventId: t.eventId, at: t.at, recordName: t.recordName, institution: t.institution, caseId: t.caseId, kind: t.kind, stateAfter: t.stateAfter }));
    const alerts = v.flow.alerts.filter((a) => visible(a.caseId)).map((a) => ({ code: a.code, eventId: a.eventId, at: a.at, caseId: a.caseId }));
    return this.answer(caller, 'timeline.read', [childId, ...cases.map((c) => c.caseId)], {
      status: 200, body: { childId, comunaCode: access.kind === 'ALL' ? v.comuna : null, asOf: v.now, cases, timeline, alerts },
    });
  }

  async caseById(caller: Caller, caseId: string): Promise<Answer> {
    const lang = caller.lang;
    const denial = caseReadDenial(caller.credential);
    if (denial) return this.answer(caller, 'case.read', [caseId], { status: 403, body: deniedBody(denial, lang) });
    const { rows } = await this.pool.query<{ child_id: string }>('SELECT child_id FROM case_snapshots WHERE case_id = $1 AND NOT removed', [caseId]);
    const childId = rows[0]?.child_id;
    if (!childId) return this.notFound(caller, 'case.read', [caseId], 'CASE_NOT_FOUND', 404);
    const v = await this.childView(childId);
    const c = v.flow.cases.find((k) => k.caseId === caseId);
    if (!c) return this.notFound(caller, 'case.read', [caseId, childId], 'CASE_NOT_FOUND', 404);
    const access = childAccess(caller.credential, v.comuna, v.flow.cases, v.byId);
    if (access.kind === 'NONE' || (access.kind === 'CASES' && !access.caseIds.has(caseId))) {
      return this.notFound(caller, 'case.read', [caseId, childId], 'CASE_NOT_FOUND', 403);
    }
    const timeline = v.flow.timeline.filter((t) => t.caseId === caseId)
      .map((t) => ({ eventId: t.eventId, at: t.at, recordName: t.recordName, institution: t.institution, kind: t.kind, stateAfter: t.stateAfter }));
    return this.answer(caller, 'case.read', [caseId, childId], {
      status: 200, body: { ...statusBody(c, v.flow, v.deadlines, v.now), asOf: v.now, history: c.history, timeline },
    });
  }

  async indicators(caller: Caller, q: { from: string; to: string; by: IndicatorBy }, format: 'json' | 'csv'): Promise<Answer> {
    const lang = caller.lang;
    const action = format === 'csv' ? 'indicators.csv' : 'indicators.read';
    if (!mayReadIndicators(caller.credential)) {
      const body = caller.credential.institution === 'HUB' ? deniedBody('HUB_SCOPE_REQUIRED', lang) : errorBody('FORBIDDEN_INDICATORS', lang);
      return this.answer(caller, action, [], { status: 403, body });
    }
    const input = await loadIndicatorInput(this.pool);
    const req = { ...q, asOf: this.now() };
    const c = caller.credential;
    if (c.institution === 'MUNICIPALITY' && c.scope !== ANY_UNIT) {
      const rows = territoryRows(input, req, [c.scope]);
      if (format === 'csv') {
        const csv = indicatorsToCsv(rows.flatMap((r) => [r.national, ...(r.territory ? [{ ...r.territory, group: `${c.scope}:${r.territory.group}` }] : [])]), lang);
        return this.answer(caller, action, [c.scope], { status: 200, body: csv, contentType: 'text/csv; charset=utf-8' });
      }
      return this.answer(caller, action, [c.scope], { status: 200, body: { ...q, asOf: req.asOf, territory: [c.scope], rows } });
    }
    const rows = indicatorRows(input, req);
    if (format === 'csv') return this.answer(caller, action, [], { status: 200, body: indicatorsToCsv(rows, lang), contentType: 'text/csv; charset=utf-8' });
    return this.answer(caller, action, [], { status: 200, body: { ...q, asOf: req.asOf, rows } });
  }
}
