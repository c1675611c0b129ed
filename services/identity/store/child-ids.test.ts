import { childIdFor, streamChildId, streamTaskId } from './child-ids';

describe('Child ids', () => {
  it('Given the same input event id, When the id is derived twice (a replay), Then it is the same opaque NNA id', () => {
    expect(streamChildId('TRIBUNAL:T-1:abc')).toBe(streamChildId('TRIBUNAL:T-1:abc'));
    expect(streamChildId('TRIBUNAL:T-1:abc')).toMatch(/^NNA-[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('Given different causes, When ids are derived, Then they differ (stream, API and task ids never collide by construction)', () => {
    const ids = new Set([streamChildId('e1'), streamChildId('e2'), childIdFor('api:e1'), streamTaskId('e1').replace('RT-', 'NNA-')]);
    expect(ids.size).toBe(4);
  });

  it('Given an id, When read, Then it carries nothing of the cause (no personal data can leak through it)', () => {
    expect(streamChildId('HEALTH:999123/RN-1:12345678-5')).not.toMatch(/12345678|HEALTH|RN/);
  });
});
