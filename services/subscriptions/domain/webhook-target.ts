/**
 * Where webhooks may go (pure). A municipality names its receiver's URL; without a check, a
 * municipal credential could make the hub POST into the hub's own network (loopback, the cloud
 * metadata address, private ranges): server-side request forgery. In production the hub refuses
 * such targets twice: when the subscription is created (a literal address or `localhost`) and
 * when a delivery connects (every address the name resolves to, so DNS cannot rebind it).
 * Development and tests run receivers on 127.0.0.1, hence the `allow` policy there.
 */

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** 4, 6 or 0 like node:net's isIP, kept here so the domain stays free of node modules. */
function isIP(address: string): 4 | 6 | 0 {
  const m = IPV4.exec(address);
  if (m) return m.slice(1).every((o) => Number(o) <= 255) ? 4 : 0;
  return /^[0-9a-f:.]+$/i.test(address) && address.includes(':') ? 6 : 0;
}

export type PrivateTargetPolicy = 'allow' | 'deny';

function ipv4Private(a: number, b: number): boolean {
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31)
    || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
}

/** Loopback, link-local, private, shared (CGNAT), unspecified, multicast or reserved addresses. */
export function isNonPublicAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return ipv4Private(a, b);
  }
  if (kind === 6) {
    const v = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v);
    if (mapped) return isNonPublicAddress(mapped[1]!);
    return v === '::' || v === '::1' || v.startsWith('fe8') || v.startsWith('fe9') || v.startsWith('fea') || v.startsWith('feb')
      || v.startsWith('fc') || v.startsWith('fd') || v.startsWith('ff');
  }
  return false;
}

/** The refusal of a URL's literal host under `deny` (names are checked again when connecting). */
export function literalTargetRefused(url: string, policy: PrivateTargetPolicy): boolean {
  if (policy === 'allow') return false;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || isNonPublicAddress(host);
}
