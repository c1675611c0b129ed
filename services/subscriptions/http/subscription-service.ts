/**
 * The subscriptions API's logic (docs/adr/0015), framework-free: every answer is a status and a body.
 * The secret is written once and never returned nor logged; every read of deliveries is audited in
 * sub_delivery_audit through the channel that reads them.
 */
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { Credential } from '../../platform/auth/credential';
import { createTranslator, type Lang, type Params } from '../../platform/i18n/i18n';
import { municipalTopic } from '../../../schemas/topics';
import { mayManage } from '../domain/access';
import { literalTargetRefused, type PrivateTargetPolicy } from '../domain/webhook-target';
import { EVENT_TYPES } from '../domain/event-types';
import { SUB_MESSAGES_EN, SUB_MESSAGES_ES, type SubMessageCode } from '../messages';

export interface Answer { readonly status: number; readonly body: unknown }
export interface Caller { readonly credential: Credential; readonly lang: Lang }

export function errorBody(code: SubMessageCode, lang: Lang, params?: Params): { codigo: string; mensaje: string } {
  return { codigo: code, mensaje: createTranslator(lang, SUB_MESSAGES_ES, SUB_MESSAGES_EN).t(code, params) };
}

/** The responsible team's institutional contact, shown to schools and health with the flag (never a person's private data). */
export const contactBody = z.object({
  team: z.string().trim().min(2).max(120),
  phone: z.string().trim().regex(/^[+\d][\d\s()-]{5,24}$/).optional(),
  email: z.email().max(200).optional(),
}).strict();

/** WEBHOOK (default) needs url and secret; KAFKA publishes to the municipality's own topic and takes neither. */
export const createBody = z.object({
  comunaCode: z.string().regex(/^\d{4,5}$/),
  channel: z.enum(['WEBHOOK', 'KAFKA']).default('WEBHOOK'),
  url: z.url().refine((u) => /^https?:\/\//.test(u), 'http(s) only').optional(),
  secret: z.string().min(16).max(256).optional(),
  eventTypes: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional(),
  contact: contactBody.optional(),
}).strict().superRefine((b, ctx) => {
  if (b.channel === 'WEBHOOK' && (!b.url || !b.secret)) ctx.addIssue({ code: 'custom', path: ['url', 'secret'], message: 'url and secret are required for WEBHOOK' });
  if (b.channel === 'KAFKA' && (b.url || b.secret)) ctx.addIssue({ code: 'custom', path: ['channel'], message: 'KAFKA takes no url nor secret' });
});

export const redeliverBody = z.object({ from: z.iso.datetime({ offset: true }) }).strict();

interface SubRow { id: string; comuna_code: string; url: string | null; event_types: string[] | null; status: string; created_at: Date; credential_id: string; channel: string; contact: unknown }

function view(r: SubRow) {
  return {
    id: r.id, comunaCode: r.comuna_code, channel: r.channel, url: r.url, eventTypes: r.event_types, status: r.status, contact: r.contact ?? null,
    ...(r.channel === 'KAFKA' ? { topic: municipalTopic(r.comuna_code), principal: `User:muni-${r.comuna_code}` } : {}),
    createdAt: r.created_at.toISOString(),
  };
}

function issues(e: z.ZodError): string {
  return e.issues.map((i) => i.path.join('.') || i.message).join(', ');
}

/** A stated purpose (X-Purpose): 3–200 printable characters, as the case-status API asks. */
const PURPOSE = /^[\p{L}\p{N}\p{P}\p{S} ]{3,200}$/u;

export class SubscriptionService {
  /** `changed`: a subscription was created, paused, resumed, deleted or requeued (the dispatcher reloads it). */
  constructor(readonly pool: Pool, private readonly changed: (id: string) => void = () => undefined, private readonly privateTargets: PrivateTargetPolicy = 'allow') {}

  async create(c: Caller, raw: unknown): Promise<Answer> {
    const p = createBody.safeParse(raw ?? {});
    if (!p.success) return { status: 400, body: errorBody('INVALID_BODY', c.lang, { detail: issues(p.error) }) };
    const access = mayManage(c.credential, p.data.comunaCode);
    if (access !== 'OK') return { status: 403, body: errorBody(access, c.lang, { comunaCode: p.data.comunaCode }) };
    if (p.data.url && literalTargetRefused(p.data.url, this.privateTargets)) return { status: 400, body: errorBody('WEBHOOK_PRIVATE_TARGET', c.lang) };
    const id = `sub_${randomBytes(12).toString('hex')}`;
    const { rows } = await this.pool.query<SubRow>(
      `INSERT INTO sub_subscriptions (id, credential_id, comuna_code, url, secret, event_types, channel, contact) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [id, c.credential.id, p.data.comunaCode, p.data.url ?? null, p.data.secret ?? null, p.data.eventTypes && p.data.eventTypes.length > 0 ? p.data.eventTypes : null,
        p.data.channel, p.data.contact ? JSON.stringify(p.data.contact) : null]);
    this.changed(id);
    return { status: 201, body: view(rows[0]!) };
  }

  async list(c: Caller): Promise<Answer> {
    if (c.credential.institution !== 'MUNICIPALITY') return { status: 403, body: errorBody('FORBIDDEN_INSTITUTION', c.lang) };
    const { rows } = await this.pool.query<SubRow>("SELECT * FROM sub_subscriptions WHERE comuna_code = $1 AND status <> 'DELETED' ORDER BY created_at, id", [c.credential.scope]);
    return { status: 200, body: { subscriptions: rows.map(view) } };
  }

  /** The subscription if the caller's comuna owns it; otherwise the 403/404 answer (404 for another comuna's id too: no probing). */
  async owned(c: Caller, id: string): Promise<SubRow | Answer> {
    if (c.credential.institution !== 'MUNICIPALITY') return { status: 403, body: errorBody('FORBIDDEN_INSTITUTION', c.lang) };
    const { rows } = await this.pool.query<SubRow>("SELECT * FROM sub_subscriptions WHERE id = $1 AND status <> 'DELETED'", [id]);
    const r = rows[0];
    if (!r || mayManage(c.credential, r.comuna_code) !== 'OK') return { status: 404, body: errorBody('SUBSCRIPTION_NOT_FOUND', c.lang, { id }) };
    return r;
  }

  async get(c: Caller, id: string): Promise<Answer> {
    const r = await this.owned(c, id);
    return 'body' in r ? r : { status: 200, body: view(r) };
  }

  async setStatus(c: Caller, id: string, status: 'ACTIVE' | 'PAUSED' | 'DELETED'): Promise<Answer> {
    const r = await this.owned(c, id);
    if ('body' in r) return r;
    const { rows } = await this.pool.query<SubRow>('UPDATE sub_subscriptions SET status = $2, updated_at = now() WHERE id = $1 RETURNING *', [id, status]);
    this.changed(id);
    return status === 'DELETED' ? { status: 204, body: undefined } : { status: 200, body: view(rows[0]!) };
  }

  /** The delivery log of a subscription: children's ids, so a stated purpose is required and every answer is audited. */
  async deliveries(c: Caller, id: string, statusFilter: string | undefined, after: string | undefined, purpose: string): Promise<Answer> {
    if (!PURPOSE.test(purpose)) return { status: 400, body: errorBody('PURPOSE_REQUIRED', c.lang) };
    const r = await this.owned(c, id);
    if ('body' in r) {
      await this.audit(c, id, [], purpose, r.status);
      return r;
    }
    const st = statusFilter && ['PENDING', 'DELIVERED', 'DEAD'].includes(statusFilter.toUpperCase()) ? statusFilter.toUpperCase() : null;
    const from = after && /^\d+$/.test(after) ? after : '0';
    const { rows } = await this.pool.query<{ seq: string; child_id: string; event_type: string; status: string; attempts: number; last_error: string | null; created_at: Date; delivered_at: Date | null }>(
      `SELECT seq::text, child_id, event_type, status, attempts, last_error, created_at, delivered_at FROM sub_deliveries
       WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2) AND seq > $3::bigint ORDER BY sub_deliveries.seq LIMIT 500`, [id, st, from]);
    await this.audit(c, id, [...new Set(rows.map((d) => d.child_id))], purpose, 200);
    return {
      status: 200,
      body: { deliveries: rows.map((d) => ({ id: d.seq, childId: d.child_id, eventType: d.event_type, status: d.status, attempts: d.attempts, lastError: d.last_error, createdAt: d.created_at.toISOString(), deliveredAt: d.delivered_at?.toISOString() ?? null })) },
    };
  }

  private async audit(c: Caller, subscriptionId: string, childIds: readonly string[], purpose: string, status: number): Promise<void> {
    await this.pool.query('INSERT INTO sub_api_audit (credential_id, action, subscription_id, child_ids, purpose, status) VALUES ($1, $2, $3, $4, $5, $6)',
      [c.credential.id, 'deliveries.read', subscriptionId, childIds, purpose, status]);
  }

  /** Redelivery from a point in time: every delivery created since `from` (delivered or dead) is queued again, in its original order. */
  async redeliver(c: Caller, id: string, raw: unknown): Promise<Answer> {
    const r = await this.owned(c, id);
    if ('body' in r) return r;
    const p = redeliverBody.safeParse(raw ?? {});
    if (!p.success) return { status: 400, body: errorBody('INVALID_BODY', c.lang, { detail: issues(p.error) }) };
    const { rowCount } = await this.pool.query(
      "UPDATE sub_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL WHERE subscription_id = $1 AND created_at >= $2::timestamptz",
      [id, p.data.from]);
    this.changed(id);
    return { status: 202, body: { requeued: rowCount ?? 0 } };
  }
}
