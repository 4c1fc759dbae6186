// The questions about IP addresses and CIDRs that core validation asks
// beyond validation.IsValidIP/IsValidCIDR: which family an address is,
// whether a list is dual-stack, and whether an address is special
// (unspecified, loopback, link-local). Parsing is Go's, in go-net.ts.
// src: k8s.io/utils/net (IsIPv6, IsIPv6String, IsDualStackIPStrings,
//      IsDualStackCIDRStrings), Go net.IP (IsUnspecified, IsLoopback,
//      IsLinkLocalUnicast, IsLinkLocalMulticast)

import { type IP, parseCIDRSloppy, parseIPSloppy, to4 } from '../../../apimachinery/go-net.ts';

export { parseIPSloppy };

/** netutils.IsIPv6: parsed and not IPv4 (IPv4-mapped counts as IPv4). */
export function isIPv6(ip: IP | null): boolean {
  return ip !== null && to4(ip) === null;
}

/** netutils.IsIPv6String. */
export function isIPv6String(s: string): boolean {
  return isIPv6(parseIPSloppy(s));
}

/** netutils.IsDualStackIPStrings: null when one does not parse (upstream's error). */
export function isDualStackIPStrings(ips: readonly string[]): boolean | null {
  let v4 = false;
  let v6 = false;
  for (const s of ips) {
    const ip = parseIPSloppy(s);
    if (!ip) return null;
    if (isIPv6(ip)) v6 = true;
    else v4 = true;
  }
  return v4 && v6;
}

/** netutils.IsDualStackCIDRStrings: null when one does not parse. */
export function isDualStackCIDRStrings(cidrs: readonly string[]): boolean | null {
  let v4 = false;
  let v6 = false;
  for (const s of cidrs) {
    const parsed = parseCIDRSloppy(s);
    if (!parsed) return null;
    if (isIPv6(parsed.ipnet.ip)) v6 = true;
    else v4 = true;
  }
  return v4 && v6;
}

/** net.IP.IsUnspecified: 0.0.0.0 or ::. */
export function isUnspecified(ip: IP): boolean {
  return (to4(ip) ?? ip).every((b) => b === 0);
}

/** net.IP.IsLoopback: 127.0.0.0/8 or ::1. */
export function isLoopback(ip: IP): boolean {
  const v4 = to4(ip);
  if (v4) return v4[0] === 127;
  return ip.subarray(0, 15).every((b) => b === 0) && ip[15] === 1;
}

/** net.IP.IsLinkLocalUnicast: 169.254.0.0/16, fe80::/10. */
export function isLinkLocalUnicast(ip: IP): boolean {
  const v4 = to4(ip);
  if (v4) return v4[0] === 169 && v4[1] === 254;
  return ip[0] === 0xfe && (ip[1] & 0xc0) === 0x80;
}

/** net.IP.IsLinkLocalMulticast: 224.0.0.0/24, ff02::/16 (any flags). */
export function isLinkLocalMulticast(ip: IP): boolean {
  const v4 = to4(ip);
  if (v4) return v4[0] === 224 && v4[1] === 0 && v4[2] === 0;
  return ip[0] === 0xff && (ip[1] & 0x0f) === 0x02;
}
