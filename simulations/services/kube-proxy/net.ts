// Small IP helpers over apimachinery/go-net (Go's net package): parse, print,
// family and CIDR membership as kube-proxy uses them (k8s.io/utils/net).
import { parseCIDRSloppy, parseIPSloppy, ipString, to4 } from '../../apimachinery/go-net.ts';
import type { IP, IPNet } from '../../apimachinery/go-net.ts';

export type IPFamily = 'IPv4' | 'IPv6';

// Parsing an address is the hot path of a large sync (every endpoint, every rule the
// tracer reads), so parsed addresses are remembered; the cache is dropped when it grows large.
const parsedCache = new Map<string, { canonical: string; family: IPFamily } | null>();

function parsed(s: string): { canonical: string; family: IPFamily } | null {
  const key = String(s);
  let hit = parsedCache.get(key);
  if (hit === undefined) {
    const ip = parseIPSloppy(key);
    hit = ip ? { canonical: ipString(ip), family: to4(ip) ? 'IPv4' : 'IPv6' } : null;
    if (parsedCache.size > 200_000) parsedCache.clear();
    parsedCache.set(key, hit);
  }
  return hit;
}

/** The canonical text of an address (net.IP.String), or null when it does not parse. */
export function canonicalIP(s: string): string | null {
  return parsed(s)?.canonical ?? null;
}

/** utilnet.IPFamilyOfString: "IPv4", "IPv6" or null. */
export function familyOf(s: string): IPFamily | null {
  return parsed(s)?.family ?? null;
}

export interface Cidr {
  text: string;
  net: IPNet;
  family: IPFamily;
}

/** netutils.ParseCIDRSloppy, keeping the masked network text ("203.0.113.0/25"). */
export function parseCidr(s: string): Cidr | null {
  const parsed = parseCIDRSloppy(String(s).trim());
  if (!parsed) return null;
  const family: IPFamily = parsed.ipnet.ip.length === 4 ? 'IPv4' : 'IPv6';
  const ones = maskOnes(parsed.ipnet.mask);
  return { text: `${ipString(parsed.ipnet.ip)}/${ones}`, net: parsed.ipnet, family };
}

function maskOnes(mask: IP): number {
  let n = 0;
  for (const b of mask) for (let i = 7; i >= 0; i--) if ((b >> i) & 1) n++;
  return n;
}

/** net.IPNet.Contains. */
export function cidrContains(cidr: Cidr, address: string): boolean {
  const ip = parseIPSloppy(String(address));
  if (!ip) return false;
  const { ip: network, mask } = cidr.net;
  let candidate: IP | null = ip;
  if (network.length === 4) candidate = to4(ip);
  else if (to4(ip)) return false;
  if (!candidate || candidate.length !== network.length) return false;
  for (let i = 0; i < network.length; i++) if ((candidate[i] & mask[i]) !== network[i]) return false;
  return true;
}

/** net.JoinHostPort: "[ip]:port" for IPv6. */
export function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}
