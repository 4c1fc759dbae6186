// The two Go IP parsers that Kubernetes IP validation compares:
// - the "sloppy" one (k8s.io/utils/net ParseIPSloppy / ParseCIDRSloppy, a fork
//   of Go 1.16's net.ParseIP that still accepts leading zeros in IPv4 octets),
//   with net.IP's String, Equal and IPNet's String;
// - net/netip's strict ParseAddr / ParsePrefix (no leading zeros, zones
//   allowed on addresses but not on prefixes), with Addr.String and Prefix.Masked.
// src: k8s.io/utils internal/third_party/forked/golang/net/{ip,parse}.go,
//      Go src/net/ip.go (IP.String, IP.Mask, IP.Equal, CIDRMask, IPNet.String),
//      Go src/net/netip/netip.go (parseIPv4, parseIPv6, ParsePrefix, Addr.String)
//
// Addresses are byte arrays as in Go: 4 or 16 bytes.

const IPV4_LEN = 4;
const IPV6_LEN = 16;
const V4_IN_V6_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
const BIG = 0xffffff;

export type IP = Uint8Array;

/** net.IPNet: the masked network number and the mask. */
export interface IPNet {
  readonly ip: IP;
  readonly mask: IP;
}

/** net.IPv4(a, b, c, d): the 16-byte form. */
function ipv4(a: number, b: number, c: number, d: number): IP {
  const p = new Uint8Array(IPV6_LEN);
  p.set(V4_IN_V6_PREFIX);
  p[12] = a;
  p[13] = b;
  p[14] = c;
  p[15] = d;
  return p;
}

// dtoi and xtoi (forked parse.go): the number, how many characters it used, ok.
function dtoi(s: string): [number, number, boolean] {
  let n = 0;
  let i = 0;
  for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
    n = n * 10 + (s.charCodeAt(i) - 48);
    if (n >= BIG) return [BIG, i, false];
  }
  if (i === 0) return [0, 0, false];
  return [n, i, true];
}

function xtoi(s: string): [number, number, boolean] {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c >= '0' && c <= '9') n = n * 16 + (s.charCodeAt(i) - 48);
    else if (c >= 'a' && c <= 'f') n = n * 16 + (s.charCodeAt(i) - 97 + 10);
    else if (c >= 'A' && c <= 'F') n = n * 16 + (s.charCodeAt(i) - 65 + 10);
    else break;
    if (n >= BIG) return [0, i, false];
  }
  if (i === 0) return [0, i, false];
  return [n, i, true];
}

// parseIPv4 (forked ip.go): leading zeros are read as decimal, not refused.
function parseIPv4Sloppy(s: string): IP | null {
  const p = [0, 0, 0, 0];
  for (let i = 0; i < IPV4_LEN; i++) {
    if (s.length === 0) return null;
    if (i > 0) {
      if (s[0] !== '.') return null;
      s = s.slice(1);
    }
    const [n, c, ok] = dtoi(s);
    if (!ok || n > 0xff) return null;
    s = s.slice(c);
    p[i] = n;
  }
  if (s.length !== 0) return null;
  return ipv4(p[0], p[1], p[2], p[3]);
}

// parseIPv6 (forked ip.go), without zones.
function parseIPv6Sloppy(s: string): IP | null {
  const ip = new Uint8Array(IPV6_LEN);
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < IPV6_LEN) {
    const [n, c, ok] = xtoi(s);
    if (!ok || n > 0xffff) return null;
    if (c < s.length && s[c] === '.') {
      if (ellipsis < 0 && i !== IPV6_LEN - IPV4_LEN) return null;
      if (i + IPV4_LEN > IPV6_LEN) return null;
      const ip4 = parseIPv4Sloppy(s);
      if (ip4 === null) return null;
      ip.set(ip4.subarray(12, 16), i);
      s = '';
      i += IPV4_LEN;
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
  if (i < IPV6_LEN) {
    if (ellipsis < 0) return null;
    const n = IPV6_LEN - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return null;
  }
  return ip;
}

/**
 * netutils.ParseIPSloppy: the 16-byte address, or null. The first '.' or ':'
 * decides the family, as in net.ParseIP.
 *
 * @example ipString(parseIPSloppy('010.002.003.004')!) // "10.2.3.4"
 */
export function parseIPSloppy(s: string): IP | null {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '.') return parseIPv4Sloppy(s);
    if (s[i] === ':') return parseIPv6Sloppy(s);
  }
  return null;
}

/** net.CIDRMask(ones, bits). */
export function cidrMask(ones: number, bits: number): IP | null {
  if (bits !== 8 * IPV4_LEN && bits !== 8 * IPV6_LEN) return null;
  if (ones < 0 || ones > bits) return null;
  const l = bits / 8;
  const m = new Uint8Array(l);
  let n = ones;
  for (let i = 0; i < l; i++) {
    if (n >= 8) {
      m[i] = 0xff;
      n -= 8;
      continue;
    }
    m[i] = ~(0xff >> n) & 0xff;
    n = 0;
  }
  return m;
}

function bytesEqual(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** IP.Mask(mask). */
export function ipMask(ip: IP, mask: IP): IP | null {
  if (mask.length === IPV6_LEN && ip.length === IPV4_LEN && mask.subarray(0, 12).every((b) => b === 0xff)) mask = mask.subarray(12);
  if (mask.length === IPV4_LEN && ip.length === IPV6_LEN && bytesEqual(ip.subarray(0, 12), V4_IN_V6_PREFIX)) ip = ip.subarray(12);
  if (ip.length !== mask.length) return null;
  const out = new Uint8Array(ip.length);
  for (let i = 0; i < ip.length; i++) out[i] = ip[i] & mask[i];
  return out;
}

/**
 * netutils.ParseCIDRSloppy: the address as written and the network it
 * implies (address masked), or null. The prefix length may have leading zeros.
 */
export function parseCIDRSloppy(s: string): { ip: IP; ipnet: IPNet } | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = s.slice(0, slash);
  const maskText = s.slice(slash + 1);
  let iplen = IPV4_LEN;
  let ip = parseIPv4Sloppy(addr);
  if (ip === null) {
    iplen = IPV6_LEN;
    ip = parseIPv6Sloppy(addr);
  }
  const [n, used, ok] = dtoi(maskText);
  if (ip === null || !ok || used !== maskText.length || n < 0 || n > 8 * iplen) return null;
  const m = cidrMask(n, 8 * iplen) as IP;
  return { ip, ipnet: { ip: ipMask(ip, m) as IP, mask: m } };
}

/** IP.To4(): the 4-byte form of an IPv4 (or IPv4-mapped) address, else null. */
export function to4(ip: IP): IP | null {
  if (ip.length === IPV4_LEN) return ip;
  if (ip.length === IPV6_LEN && ip.subarray(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff) return ip.subarray(12, 16);
  return null;
}

/** IP.Equal: an IPv4 address equals its 16-byte form. */
export function ipEqual(a: IP, b: IP): boolean {
  if (a.length === b.length) return bytesEqual(a, b);
  if (a.length === IPV4_LEN && b.length === IPV6_LEN) return bytesEqual(b.subarray(0, 12), V4_IN_V6_PREFIX) && bytesEqual(a, b.subarray(12));
  if (a.length === IPV6_LEN && b.length === IPV4_LEN) return bytesEqual(a.subarray(0, 12), V4_IN_V6_PREFIX) && bytesEqual(a.subarray(12), b);
  return false;
}

/** RFC 5952 text of 16 bytes: the first longest run of two or more zero groups becomes "::". */
function ipv6Text(p: ArrayLike<number>): string {
  let e0 = -1;
  let e1 = -1;
  for (let i = 0; i < IPV6_LEN; i += 2) {
    let j = i;
    while (j < IPV6_LEN && p[j] === 0 && p[j + 1] === 0) j += 2;
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
  for (let i = 0; i < IPV6_LEN; i += 2) {
    if (i === e0) {
      out += '::';
      i = e1;
      if (i >= IPV6_LEN) break;
    } else if (i > 0) {
      out += ':';
    }
    out += ((p[i] << 8) | p[i + 1]).toString(16);
  }
  return out;
}

function hexString(b: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += b[i].toString(16).padStart(2, '0');
  return s;
}

/** IP.String(): dotted for IPv4 and IPv4-mapped addresses, RFC 5952 otherwise. */
export function ipString(ip: IP): string {
  if (ip.length === 0) return '<nil>';
  const p4 = to4(ip);
  if (p4 !== null) return `${p4[0]}.${p4[1]}.${p4[2]}.${p4[3]}`;
  if (ip.length !== IPV6_LEN) return `?${hexString(ip)}`;
  return ipv6Text(ip);
}

function simpleMaskLength(mask: IP): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    let v = mask[i];
    if (v === 0xff) {
      n += 8;
      continue;
    }
    while (v & 0x80) {
      n++;
      v = (v << 1) & 0xff;
    }
    if (v !== 0) return -1;
    for (i++; i < mask.length; i++) if (mask[i] !== 0) return -1;
    break;
  }
  return n;
}

/** IPMask.Size(): [ones, bits], or [0, 0] for a non-canonical mask. */
export function maskSize(mask: IP): [number, number] {
  const ones = simpleMaskLength(mask);
  return ones === -1 ? [0, 0] : [ones, mask.length * 8];
}

/** IPNet.String(): "192.0.2.0/24"; an IPv4-mapped network prints as IPv4 with its IPv4 length. */
export function ipNetString(n: IPNet): string {
  let ip = to4(n.ip);
  if (ip === null) {
    ip = n.ip;
    if (ip.length !== IPV6_LEN) return '<nil>';
  }
  let m = n.mask;
  if (m.length === IPV4_LEN) {
    if (ip.length !== IPV4_LEN) return '<nil>';
  } else if (m.length === IPV6_LEN) {
    if (ip.length === IPV4_LEN) m = m.subarray(12);
  } else {
    return '<nil>';
  }
  const l = simpleMaskLength(m);
  return l === -1 ? `${ipString(ip)}/${hexString(m)}` : `${ipString(ip)}/${l}`;
}

/** netutils.IsIPv4: an address that To4 accepts. */
export function isIPv4(ip: IP | null): boolean {
  return ip !== null && to4(ip) !== null;
}

// --- net/netip ---

/** netip.Addr: 4 bytes (Is4) or 16 bytes (Is6, maybe with a zone). */
export interface Addr {
  readonly bytes: IP;
  readonly zone: string;
}

// netip parseIPv4: exactly four decimal fields, no leading zeros, each <= 255.
function netipParseIPv4(s: string): IP | null {
  const fields = new Uint8Array(4);
  let val = 0;
  let pos = 0;
  let digLen = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c >= '0' && c <= '9') {
      if (digLen === 1 && val === 0) return null; // "IPv4 field has octet with leading zero"
      val = val * 10 + (s.charCodeAt(i) - 48);
      digLen++;
      if (val > 255) return null;
    } else if (c === '.') {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') return null;
      if (pos === 3) return null;
      fields[pos] = val;
      pos++;
      val = 0;
      digLen = 0;
    } else {
      return null;
    }
  }
  if (pos < 3) return null;
  fields[3] = val;
  return fields;
}

// netip parseIPv6: as net's, plus an optional non-empty "%zone".
function netipParseIPv6(input: string): Addr | null {
  let s = input;
  let zone = '';
  const pct = s.indexOf('%');
  if (pct !== -1) {
    zone = s.slice(pct + 1);
    s = s.slice(0, pct);
    if (zone === '') return null;
  }
  const ip = new Uint8Array(IPV6_LEN);
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return { bytes: ip, zone };
  }
  let i = 0;
  while (i < IPV6_LEN) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const c = s[off];
      if (c >= '0' && c <= '9') acc = acc * 16 + (s.charCodeAt(off) - 48);
      else if (c >= 'a' && c <= 'f') acc = acc * 16 + (s.charCodeAt(off) - 97 + 10);
      else if (c >= 'A' && c <= 'F') acc = acc * 16 + (s.charCodeAt(off) - 65 + 10);
      else break;
      if (acc > 0xffff) return null;
    }
    if (off === 0) return null;
    if (off < s.length && s[off] === '.') {
      if (ellipsis < 0 && i !== 12) return null;
      if (i + 4 > 16) return null;
      const ip4 = netipParseIPv4(s);
      if (ip4 === null) return null;
      ip.set(ip4, i);
      s = '';
      i += 4;
      break;
    }
    ip[i] = acc >> 8;
    ip[i + 1] = acc & 0xff;
    i += 2;
    s = s.slice(off);
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
  return { bytes: ip, zone };
}

/** netip.ParseAddr: null where Go returns an error. */
export function netipParseAddr(s: string): Addr | null {
  for (let i = 0; i < s.length; i++) {
    switch (s[i]) {
      case '.': {
        const b = netipParseIPv4(s);
        return b === null ? null : { bytes: b, zone: '' };
      }
      case ':':
        return netipParseIPv6(s);
      case '%':
        return null;
    }
  }
  return null;
}

/** Addr.Is6 (includes IPv4-mapped addresses). */
export function addrIs6(a: Addr): boolean {
  return a.bytes.length === IPV6_LEN;
}

/** Addr.Is4In6. */
export function addrIs4In6(a: Addr): boolean {
  return addrIs6(a) && bytesEqual(a.bytes.subarray(0, 12), V4_IN_V6_PREFIX);
}

/** Addr.String(): "::ffff:1.2.3.4" for an IPv4-mapped address, a zone after '%'. */
export function addrString(a: Addr): string {
  const b = a.bytes;
  if (b.length === IPV4_LEN) return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
  const text = addrIs4In6(a) ? `::ffff:${b[12]}.${b[13]}.${b[14]}.${b[15]}` : ipv6Text(b);
  return a.zone === '' ? text : `${text}%${a.zone}`;
}

/** netip.Prefix: an address (host bits kept) and a length. */
export interface Prefix {
  readonly addr: Addr;
  readonly bits: number;
}

/**
 * netip.ParsePrefix: null where Go returns an error. The length must be
 * decimal without sign or leading zeros (Go 1.22+), the address without zone.
 */
export function netipParsePrefix(s: string): Prefix | null {
  const i = s.lastIndexOf('/');
  if (i < 0) return null;
  const addr = netipParseAddr(s.slice(0, i));
  if (addr === null) return null;
  if (addrIs6(addr) && addr.zone !== '') return null;
  const bitsStr = s.slice(i + 1);
  if (bitsStr.length > 1 && (bitsStr[0] < '1' || bitsStr[0] > '9')) return null;
  if (!/^[+-]?[0-9]+$/.test(bitsStr)) return null;
  const bits = Number(bitsStr);
  const maxBits = addrIs6(addr) ? 128 : 32;
  if (bits < 0 || bits > maxBits) return null;
  return { addr, bits };
}

/** Prefix.Masked().Addr(): the address with the bits past the length cleared. */
export function prefixMaskedAddr(p: Prefix): Addr {
  const m = cidrMask(p.bits, p.addr.bytes.length * 8) as IP;
  const out = new Uint8Array(p.addr.bytes.length);
  for (let i = 0; i < out.length; i++) out[i] = p.addr.bytes[i] & m[i];
  return { bytes: out, zone: '' };
}

/** Addr == Addr. */
export function addrEqual(a: Addr, b: Addr): boolean {
  return a.zone === b.zone && bytesEqual(a.bytes, b.bytes);
}

/** Prefix.String(): the address as written (not masked), '/', the length. */
export function prefixString(p: Prefix): string {
  return `${addrString(p.addr)}/${p.bits}`;
}
