import type { Pool } from 'pg';
import type { Credential } from '../../platform/auth/credential';
import { PRIVATE_TARGET, publicOnlyLookup } from '../delivery/public-only-lookup';
import { SubscriptionService } from './subscription-service';

const muni: Credential = { id: 'cred-1', institution: 'MUNICIPALITY', scope: '13101', label: null, createdAt: new Date('2026-01-01T00:00:00Z'), revokedAt: null };
/** A pool that must never be reached: the refusal comes before any write. */
const untouchedPool = { query: () => { throw new Error('the database must not be reached'); } } as unknown as Pool;

describe('SSRF guard on webhook subscriptions', () => {
  it('Given the deny policy, When a municipality subscribes a loopback URL, Then it gets 400 WEBHOOK_PRIVATE_TARGET in Spanish and nothing is written', async () => {
    const s = new SubscriptionService(untouchedPool, () => undefined, 'deny');
    const a = await s.create({ credential: muni, lang: 'es' }, { comunaCode: '13101', url: 'http://127.0.0.1:5432/', secret: 'x'.repeat(32) });
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({ codigo: 'WEBHOOK_PRIVATE_TARGET' });
    expect((a.body as { mensaje: string }).mensaje).toMatch(/dirección interna/);
  });

  it('Given the deny policy, When a name resolves to loopback at connect time, Then the lookup refuses it (no DNS rebinding)', async () => {
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => publicOnlyLookup('localhost', {}, (e) => resolve(e)));
    expect(err?.code).toBe(PRIVATE_TARGET);
  });
});
