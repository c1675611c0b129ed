import Fastify from 'fastify';
import { issueToken } from '../auth/token';
import { installRateLimit } from './rate-limit';
import { TokenBuckets } from './token-bucket';

describe('token buckets', () => {
  it('Given a burst of 3 at 1/s, When 4 requests come at once, Then the 4th waits 1 s and a second later one more passes', () => {
    let t = 0;
    const b = new TokenBuckets({ perSecond: 1, burst: 3 }, () => t);
    expect([b.take('a'), b.take('a'), b.take('a')].every((r) => r.ok)).toBe(true);
    expect(b.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(b.take('b').ok).toBe(true);
    t = 1000;
    expect(b.take('a').ok).toBe(true);
    expect(b.take('a').ok).toBe(false);
  });
});

describe('installRateLimit', () => {
  async function app(clock: { t: number }) {
    const f = Fastify();
    installRateLimit(f, { perCredential: { perSecond: 1, burst: 2 }, perAddress: { perSecond: 1, burst: 1 }, now: () => clock.t });
    f.get('/v1/x', async () => ({ ok: true }));
    f.get('/health', async () => ({ ok: true }));
    await f.ready();
    return f;
  }

  it('Given one credential over its budget, When it calls again, Then 429 with Retry-After and a Spanish message, while another credential and /health pass', async () => {
    const clock = { t: 0 };
    const f = await app(clock);
    const a = { authorization: `Bearer ${issueToken().token}` };
    const b = { authorization: `Bearer ${issueToken().token}` };
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await f.inject({ url: '/v1/x', headers: a })).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const limited = await f.inject({ url: '/v1/x', headers: a });
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.json()).toEqual({ error: 'RATE_LIMITED', message: 'Demasiadas solicitudes: espere 1 s y reintente (límite por credencial).' });
    expect((await f.inject({ url: '/v1/x', headers: b })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await f.inject({ url: '/health' })).statusCode).toBe(200);
    clock.t = 1000;
    expect((await f.inject({ url: '/v1/x', headers: a })).statusCode).toBe(200);
    await f.close();
  });

  it('Given requests without a token, When they exceed the per-address budget, Then 429 in English when asked', async () => {
    const f = await app({ t: 0 });
    expect((await f.inject({ url: '/v1/x' })).statusCode).toBe(200);
    const r = await f.inject({ url: '/v1/x', headers: { 'accept-language': 'en-GB' } });
    expect(r.statusCode).toBe(429);
    expect(r.json().message).toMatch(/^Too many requests/);
    await f.close();
  });
});
