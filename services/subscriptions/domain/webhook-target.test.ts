import { isNonPublicAddress, literalTargetRefused } from './webhook-target';

describe('webhook targets (SSRF guard)', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '224.0.0.1'])(
    'Given %s, When judged, Then it is not public', (a) => {
      expect(isNonPublicAddress(a)).toBe(true);
    });

  it.each(['200.27.1.1', '8.8.8.8', '172.32.0.1', '2800:300::1'])('Given the public address %s, When judged, Then it is public', (a) => {
    expect(isNonPublicAddress(a)).toBe(false);
  });

  it('Given the deny policy, When a URL names loopback, a private literal or localhost, Then it is refused; a public name is left to the connect-time check', () => {
    for (const u of ['http://127.0.0.1:5432/', 'https://[::1]/x', 'http://localhost/x', 'http://api.localhost/x', 'http://10.0.0.5/hook']) expect(literalTargetRefused(u, 'deny')).toBe(true);
    expect(literalTargetRefused('https://opd.municipio.example/webhook', 'deny')).toBe(false);
  });

  it('Given the allow policy (development, tests), When a loopback URL is given, Then it is accepted', () => {
    expect(literalTargetRefused('http://127.0.0.1:9999/', 'allow')).toBe(false);
  });
});
