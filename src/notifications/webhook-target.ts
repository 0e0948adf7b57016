import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { DomainError } from '../common/domain/domain-error.js';

/**
 * Webhooks go to other systems, never into our own network: a URL whose host is (or resolves to) a
 * loopback, private, link-local or unique-local address is refused when the endpoint is registered and
 * again before every call (the name may have been re-pointed since). `allowPrivate` is for development
 * and the tests, which receive on 127.0.0.1 (WEBHOOK_ALLOW_PRIVATE_TARGETS).
 */
const INTERNAL = new BlockList();
INTERNAL.addSubnet('127.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('10.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('172.16.0.0', 12, 'ipv4');
INTERNAL.addSubnet('192.168.0.0', 16, 'ipv4');
INTERNAL.addSubnet('169.254.0.0', 16, 'ipv4');
INTERNAL.addSubnet('100.64.0.0', 10, 'ipv4');
INTERNAL.addSubnet('0.0.0.0', 8, 'ipv4');
INTERNAL.addAddress('::1', 'ipv6');
INTERNAL.addAddress('::', 'ipv6');
INTERNAL.addSubnet('fc00::', 7, 'ipv6');
INTERNAL.addSubnet('fe80::', 10, 'ipv6');

export function isInternalAddress(address: string): boolean {
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged by its IPv4 part.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isInternalAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return false;
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Resolves the URL's host and refuses an internal target (unless allowed). */
export async function assertExternalTarget(url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.length === 0 || addresses.some(isInternalAddress)) {
    throw new DomainError(
      'WEBHOOK_TARGET_INTERNAL',
      'A webhook must point to another system, not to an internal or loopback address.',
      'unprocessable',
      [{ field: 'url', message: 'resolves to an internal address' }],
    );
  }
}
