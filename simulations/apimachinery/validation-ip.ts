// IP address and CIDR validation, strict for new fields and lenient ("legacy")
// for fields that predate strict validation, with the warnings the API server
// returns for lenient values.
// src: staging/src/k8s.io/apimachinery/pkg/util/validation/ip.go
//
// The StrictIPCIDRValidation feature gate is on by default in v1.36: callers
// of the legacy functions pass strictValidation = true unless they model the
// gate off.

import { invalid } from './field-errors.ts';
import type { ErrorList } from './field-errors.ts';
import type { Path } from './field-path.ts';
import { goQuote } from './go-strconv.ts';
import {
  addrIs4In6,
  addrIs6,
  addrEqual,
  addrString,
  ipEqual,
  ipNetString,
  ipString,
  isIPv4,
  maskSize,
  netipParseAddr,
  netipParsePrefix,
  parseCIDRSloppy,
  parseIPSloppy,
  prefixMaskedAddr,
  prefixString,
} from './go-net.ts';
import type { IP, IPNet } from './go-net.ts';

// parseIP: the sloppy parse, then (strict) what netip.ParseAddr refuses.
function parseIP(fldPath: Path, value: string, strictValidation: boolean): [IP | null, ErrorList] {
  const errs: ErrorList = [];
  const ip = parseIPSloppy(value);
  if (ip === null) {
    errs.push(invalid(fldPath, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    return [null, errs];
  }
  if (strictValidation) {
    const addr = netipParseAddr(value);
    // What the sloppy parser takes and netip refuses can only be leading zeros.
    if (addr === null) errs.push(invalid(fldPath, value, 'must not have leading 0s'));
    else if (addrIs4In6(addr)) errs.push(invalid(fldPath, value, 'must not be an IPv4-mapped IPv6 address'));
  }
  return [ip, errs];
}

/**
 * IsValidIPForLegacyField (ip.go): any form the old parser took; with
 * strictValidation, no leading zeros and no IPv4-mapped IPv6. Values listed in
 * validOldIPs (from the object being updated) pass unchecked.
 */
export function isValidIPForLegacyField(fldPath: Path, value: string, strictValidation: boolean, validOldIPs: readonly string[] | null = null): ErrorList {
  if (validOldIPs?.includes(value)) return [];
  return parseIP(fldPath, value, strictValidation)[1];
}

/** IsValidIP (ip.go): strict, and in canonical form. */
export function isValidIP(fldPath: Path, value: string): ErrorList {
  const [ip, errs] = parseIP(fldPath, value, true);
  if (errs.length !== 0 || ip === null) return errs;
  const canonical = ipString(ip);
  if (value !== canonical) errs.push(invalid(fldPath, value, `must be in canonical form (${goQuote(canonical)})`));
  return errs;
}

/** GetWarningsForIP (ip.go): for values IsValidIPForLegacyField accepted. */
export function getWarningsForIP(fldPath: Path, value: string): string[] {
  const ip = parseIPSloppy(value);
  // Upstream logs an error and returns nothing for a value that was never validated.
  if (ip === null) return [];
  const addr = netipParseAddr(value);
  if (addr === null || addrIs4In6(addr)) {
    return [`${fldPath.toString()}: non-standard IP address ${goQuote(value)} is invalid: use ${goQuote(ipString(ip))}`];
  }
  if (addrIs6(addr) && addrString(addr) !== value) {
    return [`${fldPath.toString()}: IPv6 address ${goQuote(value)} should be in RFC 5952 canonical format (${goQuote(addrString(addr))})`];
  }
  return [];
}

function parseCIDR(fldPath: Path, value: string, strictValidation: boolean): [IPNet | null, ErrorList] {
  const errs: ErrorList = [];
  const parsed = parseCIDRSloppy(value);
  if (parsed === null) {
    errs.push(invalid(fldPath, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
    return [null, errs];
  }
  if (strictValidation) {
    const prefix = netipParsePrefix(value);
    if (prefix === null) errs.push(invalid(fldPath, value, 'must not have leading 0s in IP or prefix length'));
    else if (addrIs4In6(prefix.addr)) errs.push(invalid(fldPath, value, 'must not have an IPv4-mapped IPv6 address'));
    else if (!addrEqual(prefix.addr, prefixMaskedAddr(prefix))) errs.push(invalid(fldPath, value, 'must not have bits set beyond the prefix length'));
  }
  return [parsed.ipnet, errs];
}

/**
 * IsValidCIDRForLegacyField (ip.go): as IsValidIPForLegacyField, and with
 * strictValidation the value must be a subnet (no bits past the length).
 */
export function isValidCIDRForLegacyField(fldPath: Path, value: string, strictValidation: boolean, validOldCIDRs: readonly string[] | null = null): ErrorList {
  if (validOldCIDRs?.includes(value)) return [];
  return parseCIDR(fldPath, value, strictValidation)[1];
}

/** IsValidCIDR (ip.go): a strict subnet ("192.168.1.0/24") in canonical form. */
export function isValidCIDR(fldPath: Path, value: string): ErrorList {
  const [ipnet, errs] = parseCIDR(fldPath, value, true);
  if (errs.length !== 0 || ipnet === null) return errs;
  const canonical = ipNetString(ipnet);
  if (value !== canonical) errs.push(invalid(fldPath, value, `must be in canonical form (${goQuote(canonical)})`));
  return errs;
}

/** GetWarningsForCIDR (ip.go): for values IsValidCIDRForLegacyField accepted. */
export function getWarningsForCIDR(fldPath: Path, value: string): string[] {
  const parsed = parseCIDRSloppy(value);
  if (parsed === null) return [];
  const { ip, ipnet } = parsed;
  const warnings: string[] = [];
  if (!ipEqual(ip, ipnet.ip)) {
    const [, addrlen] = maskSize(ipnet.mask);
    const singleIPCIDR = `${ipString(ip)}/${addrlen}`;
    warnings.push(
      `${fldPath.toString()}: CIDR value ${goQuote(value)} is ambiguous in this context (should be ${goQuote(ipNetString(ipnet))} or ${goQuote(singleIPCIDR)}?)`,
    );
  }
  const prefix = netipParsePrefix(value);
  if (prefix === null || addrIs4In6(prefix.addr)) {
    warnings.push(`${fldPath.toString()}: non-standard CIDR value ${goQuote(value)} is invalid: use ${goQuote(ipNetString(ipnet))}`);
  }
  if (warnings.length === 0 && prefix !== null && addrIs6(prefix.addr) && prefixString(prefix) !== value) {
    warnings.push(`${fldPath.toString()}: IPv6 CIDR value ${goQuote(value)} should be in RFC 5952 canonical format (${goQuote(prefixString(prefix))})`);
  }
  return warnings;
}

/**
 * IsValidInterfaceAddress (ip.go): an "ifaddr" CIDR ("192.168.1.5/24", a whole
 * address and its subnet length) in canonical form.
 */
export function isValidInterfaceAddress(fldPath: Path, value: string): ErrorList {
  const parsed = parseCIDRSloppy(value);
  if (parsed === null) return [invalid(fldPath, value, 'must be a valid address in CIDR form, (e.g. 10.9.8.7/24 or 2001:db8::1/64)')];
  const { ip, ipnet } = parsed;
  // Canonical form is not ipnet.String(): that drops the host bits.
  let [size] = maskSize(ipnet.mask);
  if (isIPv4(ip) && size > 32) size -= (16 - 4) * 8; // "::ffff:192.168.0.1/120" -> "192.168.0.1/24"
  const canonical = `${ipString(ip)}/${size}`;
  return value !== canonical ? [invalid(fldPath, value, `must be in canonical form (${goQuote(canonical)})`)] : [];
}
