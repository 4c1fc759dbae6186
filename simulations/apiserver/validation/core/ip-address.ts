// IP addresses and CIDRs as Go and Kubernetes parse and print them: the API
// server validates Service cluster IPs, external IPs, Endpoints addresses and
// Node pod CIDRs with these rules, so "1.2.3.04" and "2001:DB8::1" are refused
// for reasons the learner can look up.
// src: k8s.io/utils/net (ParseIPSloppy, ParseCIDRSloppy: Go 1.16's net parser,
//      which still accepts IPv4 octets with leading zeros), Go net.IP.String,
//      net/netip (ParseAddr, ParsePrefix: the strict forms), k8s.io/utils/net
//      IsIPv6, IsDualStackIPStrings, IsDualStackCIDRStrings.

/** A parsed address: always 16 bytes; IPv4 is held IPv4-in-IPv6 as Go's net.IPv4 does. */
export type IP = Uint8Array;

export interface IPNet {
  /** The masked network address (4 bytes for IPv4 input, 16 for IPv6). */
  readonly ip: Uint8Array;
  /** The prefix length as given. */
  readonly bits: number;
  /** 32 or 128: the family the CIDR was parsed as. */
  readonly addressBits: number;
}

const BIG = 0xffffff;

// dtoi: decimal digits at the start of s; ok when at least one digit.
function dtoi(s: string): [number, number, boolean] {
  let n = 0;
  let i = 0;
  for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
    n = n * 10 + (s.charCodeAt(i) - 48);
    if (n >= BIG) return [BIG, i, false];
  }
  return [n, i, i > 0];
}

// xtoi: hexadecimal digits at the start of s.
function xtoi(s: string): [number, number, boolean] {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    let d: number;
    if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
    else if (c >= 'a' && c <= 'f') d = c.charCodeAt(0) - 87;
    else if (c >= 'A' && c <= 'F') d = c.charCodeAt(0) - 55;
    else break;
    n = n * 16 + d;
    if (n >= BIG) return [0, i, false];
  }
  return [n, i, i > 0];
}

function ipv4(a: number, b: number, c: number, d: number): IP {
  const ip = new Uint8Array(16);
  ip[10] = 0xff;
  ip[11] = 0xff;
  ip[12] = a;
  ip[13] = b;
  ip[14] = c;
  ip[15] = d;
  return ip;
}

function parseIPv4(input: string): IP | null {
  let s = input;
  const p: number[] = [];
  for (let i = 0; i < 4; i++) {
    if (s.length === 0) return null;
    if (i > 0) {
      if (s[0] !== '.') return null;
      s = s.slice(1);
    }
    const [n, c, ok] = dtoi(s);
    // Leading zeros are accepted here (k8s.io/utils/net keeps Go 1.16's behaviour, issue 100895).
    if (!ok || n > 0xff) return null;
    s = s.slice(c);
    p.push(n);
  }
  if (s.length !== 0) return null;
  return ipv4(p[0], p[1], p[2], p[3]);
}

function parseIPv6(input: string): IP | null {
  let s = input;
  const ip = new Uint8Array(16);
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < 16) {
    const [n, c, ok] = xtoi(s);
    if (!ok || n > 0xffff) return null;
    if (c < s.length && s[c] === '.') {
      if (ellipsis < 0 && i !== 12) return null;
      if (i + 4 > 16) return null;
      const ip4 = parseIPv4(s);
      if (!ip4) return null;
      ip.set(ip4.subarray(12), i);
      s = '';
      i += 4;
      break;
    }
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(c);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return null;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return null;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return null;
  if (i < 16) {
    if (ellipsis < 0) return null;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return null;
  }
  return ip;
}

/** netutils.ParseIPSloppy: null when not an IP. */
export function parseIPSloppy(s: string): IP | null {
  for (const c of s) {
    if (c === '.') return parseIPv4(s);
    if (c === ':') return parseIPv6(s);
  }
  return null;
}

/** net.IP.To4: the 4 bytes of an IPv4 (or IPv4-mapped) address, else null. */
export function to4(ip: Uint8Array): Uint8Array | null {
  if (ip.length === 4) return ip;
  for (let i = 0; i < 10; i++) if (ip[i] !== 0) return null;
  return ip[10] === 0xff && ip[11] === 0xff ? ip.subarray(12) : null;
}

/** net.IP.String(): dotted IPv4 (also for IPv4-mapped), RFC 5952 IPv6. */
export function canonicalIP(ip: Uint8Array): string {
  const p4 = to4(ip);
  if (p4) return Array.from(p4).join('.');
  let e0 = -1;
  let e1 = -1;
  for (let i = 0; i < 16; i += 2) {
    let j = i;
    while (j < 16 && ip[j] === 0 && ip[j + 1] === 0) j += 2;
    if (j > i && j - i > e1 - e0) {
      e0 = i;
      e1 = j;
      i = j;
    }
  }
  if (e1 - e0 <= 2) {
    e0 = -1;
    e1 = -1;
  }
  let out = '';
  for (let i = 0; i < 16; i += 2) {
    if (i === e0) {
      out += '::';
      i = e1;
      if (i >= 16) break;
    } else if (i > 0) {
      out += ':';
    }
    out += ((ip[i] << 8) | ip[i + 1]).toString(16);
  }
  return out;
}

// The netip (strict) parser refuses what the sloppy one accepts in two ways:
// IPv4 octets with leading zeros, and IPv6 groups of more than four digits.
function strictParses(s: string): boolean {
  const v4Ok = (v4: string): boolean => {
    const parts = v4.split('.');
    return parts.length === 4 && parts.every((o) => /^(0|[1-9][0-9]{0,2})$/.test(o) && Number(o) <= 255);
  };
  if (!s.includes(':')) return v4Ok(s);
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.') && !v4Ok(tail)) return false;
  const groups = (tail.includes('.') ? s.slice(0, lastColon) : s).split(':');
  return groups.every((g) => g.length <= 4);
}

/** netip.Addr.Is4In6 on a parsed address given as text with a colon. */
function is4In6(s: string, ip: IP): boolean {
  return s.includes(':') && to4(ip) !== null;
}

/**
 * The strict half of validation.IsValidIP: the detail for an address the
 * sloppy parser accepted but netip.ParseAddr refuses or reads as IPv4-mapped.
 */
export function strictIPError(value: string): string | null {
  const ip = parseIPSloppy(value);
  if (!ip) return null;
  if (!strictParses(value)) return 'must not have leading 0s';
  if (is4In6(value, ip)) return 'must not be an IPv4-mapped IPv6 address';
  return null;
}

/** netutils.ParseCIDRSloppy: null when not a CIDR. */
export function parseCIDRSloppy(s: string): IPNet | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = s.slice(0, slash);
  const mask = s.slice(slash + 1);
  let addressBits = 32;
  let ip = parseIPv4(addr);
  if (!ip) {
    addressBits = 128;
    ip = parseIPv6(addr);
  }
  const [n, i, ok] = dtoi(mask);
  if (!ip || !ok || i !== mask.length || n < 0 || n > addressBits) return null;
  const bytes = addressBits === 32 ? ip.slice(12) : ip.slice();
  for (let b = 0; b < bytes.length; b++) {
    const keep = Math.max(0, Math.min(8, n - b * 8));
    bytes[b] &= keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff;
  }
  return { ip: bytes, bits: n, addressBits };
}

/** net.IPNet.String(): the masked address and prefix length. */
export function canonicalCIDR(net: IPNet): string {
  const v4 = to4(net.ip);
  if (v4 && net.addressBits === 128) return `${canonicalIP(v4)}/${net.bits - 96}`;
  return `${canonicalIP(net.ip)}/${net.bits}`;
}

/** The strict half of validation.IsValidCIDR (netip.ParsePrefix). */
export function strictCIDRError(value: string): string | null {
  const net = parseCIDRSloppy(value);
  if (!net) return null;
  const slash = value.indexOf('/');
  const addr = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  if (!strictParses(addr) || (bits.length > 1 && bits[0] === '0')) return 'must not have leading 0s in IP or prefix length';
  const ip = parseIPSloppy(addr);
  if (ip && is4In6(addr, ip)) return 'must not have an IPv4-mapped IPv6 address';
  if (ip) {
    const raw = net.addressBits === 32 ? ip.subarray(12) : ip;
    if (raw.some((b, i) => b !== net.ip[i])) return 'must not have bits set beyond the prefix length';
  }
  return null;
}

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
    const net = parseCIDRSloppy(s);
    if (!net) return null;
    if (net.addressBits === 128 && to4(net.ip) === null) v6 = true;
    else v4 = true;
  }
  return v4 && v6;
}

/** net.IP.IsUnspecified. */
export function isUnspecified(ip: IP): boolean {
  const v4 = to4(ip);
  return v4 ? v4.every((b) => b === 0) : ip.every((b) => b === 0);
}

/** net.IP.IsLoopback. */
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
