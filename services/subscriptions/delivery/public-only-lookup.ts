/**
 * DNS lookup for webhook agents under the `deny` policy: resolves as usual, then refuses when any
 * address is not public (domain/webhook-target.ts). Checking at connect time, on the addresses the
 * socket will actually use, is what stops DNS rebinding (a name that was public when the
 * subscription was created and points at 127.0.0.1 later).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isNonPublicAddress } from '../domain/webhook-target';

/** Error code a refused delivery attempt records (no address or name in it). */
export const PRIVATE_TARGET = 'PRIVATE_TARGET';

export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) { callback(err, '', 0); return; }
    if (addresses.length === 0 || addresses.some((a) => isNonPublicAddress(a.address))) {
      callback(Object.assign(new Error('webhook target is not a public address'), { code: PRIVATE_TARGET }), '', 0);
      return;
    }
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
