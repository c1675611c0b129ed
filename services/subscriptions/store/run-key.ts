/**
 * The lookup key of a RUN (docs/adr/0015): the flag for schools and health is looked up by RUN, but the
 * service stores only a SHA-256 of the normalised RUN (`12345678-5`), never the RUN. Normalisation
 * accepts the common written forms (dots, no hyphen, lower-case k).
 */
import { createHash } from 'node:crypto';

export function normaliseRun(raw: string): string | null {
  const s = raw.replace(/[.\s]/g, '').toUpperCase();
  const m = /^(\d{1,8})-?([\dK])$/.exec(s);
  if (!m) return null;
  const body = m[1]!.replace(/^0+/, '');
  let sum = 0;
  let mul = 2;
  for (let i = body.length - 1; i >= 0; i--) { sum += Number(body[i]) * mul; mul = mul === 7 ? 2 : mul + 1; }
  const r = 11 - (sum % 11);
  const dv = r === 11 ? '0' : r === 10 ? 'K' : String(r);
  return dv === m[2] ? `${body}-${dv}` : null;
}

export function runKey(run: string): string | null {
  const n = normaliseRun(run);
  return n === null ? null : createHash('sha256').update(`hub.subscriptions.run:${n}`).digest('hex');
}
