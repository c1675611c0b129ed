import { sign, verify } from './signature';

describe('webhook signature', () => {
  const body = '{"type":"STATE_CHANGED"}';
  it('Given a signed body, When the receiver verifies within the window, Then it is OK', () => {
    expect(verify('s3cret', body, sign('s3cret', body, 1_700_000_000), 1_700_000_100)).toBe('OK');
  });
  it('Given a tampered body or wrong secret, When verified, Then BAD_SIGNATURE', () => {
    const h = sign('s3cret', body, 1_700_000_000);
    expect(verify('s3cret', body + ' ', h, 1_700_000_000)).toBe('BAD_SIGNATURE');
    expect(verify('other', body, h, 1_700_000_000)).toBe('BAD_SIGNATURE');
  });
  it('Given an old signature, When replayed after the window, Then EXPIRED', () => {
    expect(verify('s3cret', body, sign('s3cret', body, 1_700_000_000), 1_700_000_301)).toBe('EXPIRED');
  });
  it('Given garbage, When verified, Then MALFORMED', () => {
    expect(verify('s3cret', body, 't=abc,v1=zz', 1)).toBe('MALFORMED');
    expect(verify('s3cret', body, undefined, 1)).toBe('MALFORMED');
  });
});
