/**
 * Webhook signatures (docs/adr/0015): `X-Hub-Signature: t=<unix seconds>,v1=<hex>` where hex is
 * HMAC-SHA256(secret, `${t}.${body}`). Signing the timestamp with the body lets a receiver reject
 * replays older than the window. An adapter (node:crypto); the instant is passed in.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature';
export const DELIVERY_ID_HEADER = 'x-hub-delivery-id';
export const EVENT_TYPE_HEADER = 'x-hub-event-type';
/** Default replay window a receiver should apply (seconds). */
export const REPLAY_WINDOW_S = 300;

export function sign(secret: string, body: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  const mac = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${mac}`;
}

export type Verification = 'OK' | 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED';

/** What a receiver does (also used by the tests' receivers): parse, recompute, compare in constant time, check the window. */
export function verify(secret: string, body: string, header: string | undefined, nowUnixSeconds: number, windowS = REPLAY_WINDOW_S): Verification {
  if (!header) return 'MALFORMED';
  const parts = new Map(header.split(',').map((p) => { const i = p.indexOf('='); return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const; }));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return 'MALFORMED';
  const expected = Buffer.from(sign(secret, body, t).split('v1=')[1]!, 'hex');
  if (!timingSafeEqual(expected, Buffer.from(v1, 'hex'))) return 'BAD_SIGNATURE';
  if (Math.abs(nowUnixSeconds - t) > windowS) return 'EXPIRED';
  return 'OK';
}
