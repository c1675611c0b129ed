/**
 * The minimal protection flag for schools and health establishments (docs/adr/0015, issue 6 §3), in
 * the manner of England's CP-IS: a SCHOOL or HEALTH credential asks by the child's RUN (or by its own
 * record id of the child, e.g. for a migrant pupil with an IPE and no RUN) and gets only whether the
 * child is under protection and which team to call — no case, programme, state nor court detail.
 * An unknown child and a child without an open case answer the same, so the flag reveals nothing else.
 * Every look-up is recorded (sub_flag_lookups, append-only, without the RUN) and, when the child is
 * under protection, notifies the case team: a FLAG_LOOKUP delivery to every subscription of the child's
 * audience (its comuna and the comunas party to its cases), in the same transaction.
 */
import type { Pool } from 'pg';
import { z } from 'zod';
import type { CaseStatus } from '../../../schemas';
import { admits, type EventType } from '../domain/event-types';
import { audienceOf, type RoutedDelivery } from '../domain/routing';
import { flagLookupPayload, protectionFlag } from '../domain/payload';
import type { LoggedRow } from '../delivery/webhook-dispatcher';
import { appendDeliveries, type OnLogged } from '../store/delivery-log';
import { runKey } from '../store/run-key';
import { errorBody, type Answer, type Caller } from './subscription-service';

export const FLAG_INSTITUTIONS: readonly string[] = ['SCHOOL', 'HEALTH'];

export const flagBody = z.union([
  z.object({ run: z.string().trim().min(3).max(20) }).strict(),
  z.object({ recordId: z.string().trim().min(1).max(200) }).strict(),
]);

export interface TeamContact { readonly comunaCode: string; readonly team: string; readonly phone: string | null; readonly email: string | null }
export type FlagAnswer = { readonly underProtection: false } | { readonly underProtection: true; readonly contact: TeamContact | null };

export class FlagService {
  constructor(private readonly pool: Pool, private readonly channel: string, private readonly now: () => number = Date.now, private readonly onLogged?: OnLogged) {}

  async lookup(c: Caller, raw: unknown): Promise<Answer> {
    if (!FLAG_INSTITUTIONS.includes(c.credential.institution)) return { status: 403, body: errorBody('FLAG_FORBIDDEN_INSTITUTION', c.lang) };
    const p = flagBody.safeParse(raw ?? {});
    if (!p.success) return { status: 400, body: errorBody('INVALID_BODY', c.lang, { detail: 'run | recordId' }) };
    let childIds: string[];
    if ('run' in p.data) {
      const key = runKey(p.data.run);
      if (key === null) return { status: 400, body: errorBody('FLAG_INVALID_RUN', c.lang) };
      const { rows } = await this.pool.query<{ child_id: string }>("SELECT child_id FROM sub_identities WHERE run_key = $1 AND status = 'ACTIVE' ORDER BY child_id", [key]);
      childIds = rows.map((r) => r.child_id);
    } else {
      // Only the caller's own institution's records: a school cannot probe with a court's ids.
      const { rows } = await this.pool.query<{ child_id: string }>('SELECT child_id FROM sub_record_links WHERE record_key = $1', [`${c.credential.institution}|${p.data.recordId}`]);
      childIds = rows.map((r) => r.child_id);
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows: kids } = await client.query<{ child_id: string; comuna_code: string | null; parties: string[]; cases: Record<string, CaseStatus> }>(
        'SELECT child_id, comuna_code, parties, cases FROM sub_children WHERE child_id = ANY($1::text[]) ORDER BY child_id', [childIds]);
      const protectedKid = kids.find((k) => protectionFlag(k.child_id, Object.values(k.cases)).underProtection) ?? null;
      let answer: FlagAnswer = { underProtection: false };
      let logged: LoggedRow[] = [];
      if (protectedKid) {
        const audience = audienceOf({ comunaCode: protectedKid.comuna_code, parties: protectedKid.parties });
        const { rows: subs } = await client.query<{ id: string; comuna_code: string; event_types: string[] | null; contact: { team: string; phone?: string; email?: string } | null }>(
          "SELECT id, comuna_code, event_types, contact FROM sub_subscriptions WHERE comuna_code = ANY($1::text[]) AND status <> 'DELETED' ORDER BY created_at, id", [audience]);
        // The team to call: the child's own comuna first, then a party's.
        const withContact = audience.flatMap((comuna) => subs.filter((s) => s.comuna_code === comuna && s.contact !== null));
        const first = withContact[0];
        answer = { underProtection: true, contact: first?.contact ? { comunaCode: first.comuna_code, team: first.contact.team, phone: first.contact.phone ?? null, email: first.contact.email ?? null } : null };
        const payload = flagLookupPayload(protectedKid.child_id, this.now(), c.credential.institution, c.credential.scope);
        const deliveries: RoutedDelivery[] = subs.filter((s) => admits(s.event_types as EventType[] | null, 'FLAG_LOOKUP')).map((s) => ({ subscriptionId: s.id, childId: protectedKid.child_id, payload }));
        const { rows: ids } = await client.query<{ id: string }>(
          'INSERT INTO sub_flag_lookups (credential_id, institution, unit, child_id, under_protection, notified) VALUES ($1, $2, $3, $4, true, $5) RETURNING id::text',
          [c.credential.id, c.credential.institution, c.credential.scope, protectedKid.child_id, deliveries.length]);
        logged = await appendDeliveries(client, this.channel, deliveries.map((d) => ({ d, eventId: `flag:${ids[0]!.id}` })));
      } else {
        await client.query(
          'INSERT INTO sub_flag_lookups (credential_id, institution, unit, child_id, under_protection, notified) VALUES ($1, $2, $3, $4, false, 0)',
          [c.credential.id, c.credential.institution, c.credential.scope, kids[0]?.child_id ?? childIds[0] ?? null]);
      }
      await client.query('COMMIT');
      this.onLogged?.(logged);
      return { status: 200, body: answer };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
}
