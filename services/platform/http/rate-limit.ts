import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseToken, bearerToken } from '../auth/token';
import { TokenBuckets, type BucketLimits } from './token-bucket';

export interface RateLimitOptions {
  /** Per credential (the token's public id, read without a database lookup). */
  readonly perCredential: BucketLimits;
  /** Per remote address, for requests without a well-formed token (scanners, misconfigured clients). */
  readonly perAddress: BucketLimits;
  /** Paths never limited: health probes and metrics scrapes must not be starved by a client. */
  readonly exempt?: readonly string[];
  readonly now?: () => number;
  readonly onLimited?: (kind: 'credential' | 'address') => void;
}

const MESSAGES = {
  es: 'Demasiadas solicitudes: espere {s} s y reintente (límite por credencial).',
  en: 'Too many requests: wait {s} s and retry (per-credential limit).',
};

/**
 * Request rate limits for every hub HTTP service: a token bucket per credential, another per
 * address for unauthenticated traffic. Answers 429 with Retry-After before any body parsing or
 * database work, so a flooding client costs almost nothing. Checked before authentication on
 * purpose: a forged token with a real id can only spend that credential's budget, never more.
 */
export function installRateLimit(fastify: FastifyInstance, opts: RateLimitOptions): void {
  const now = opts.now ?? Date.now;
  const byCredential = new TokenBuckets(opts.perCredential, now);
  const byAddress = new TokenBuckets(opts.perAddress, now);
  const exempt = new Set(opts.exempt ?? ['/health', '/metrics']);
  fastify.addHook('onRequest', (request, reply, done) => {
    if (exempt.has(request.url.split('?')[0]!)) { done(); return; }
    const credential = credentialIdOf(request);
    const kind = credential ? 'credential' : 'address';
    const r = credential ? byCredential.take(credential) : byAddress.take(request.ip);
    if (r.ok) { done(); return; }
    opts.onLimited?.(kind);
    const lang = /^en\b/i.test(String(request.headers['accept-language'] ?? '')) ? 'en' : 'es';
    void reply.code(429).header('retry-after', String(r.retryAfterSeconds))
      .send({ error: 'RATE_LIMITED', message: MESSAGES[lang].replace('{s}', String(r.retryAfterSeconds)) });
  });
}

function credentialIdOf(request: FastifyRequest): string | null {
  const token = bearerToken(request.headers.authorization);
  return token ? (parseToken(token)?.credentialId ?? null) : null;
}
