// Field formats several core kinds share: DNS labels and subdomains,
// qualified names, port numbers or names, port protocols, and the rule that
// a backend IP is not a special address.
// src: pkg/apis/core/validation/validation.go (ValidateDNS1123Label,
//      ValidateDNS1123Subdomain, ValidateQualifiedName, ValidatePortNumOrName,
//      supportedPortProtocols, ValidateNonSpecialIP), and the IP/CIDR fields
//      that predate strict validation (KEP-4858)

import { type ErrorList, invalid } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import type { JsonValue } from '../../../apimachinery/json.ts';
import { isLinkLocalMulticast, isLinkLocalUnicast, isLoopback, isUnspecified, parseIPSloppy } from './ip-address.ts';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidCIDRForLegacyField,
  isValidIPForLegacyField,
  isValidPortName,
  isValidPortNum,
} from './apimachinery-checks.ts';

/**
 * StrictIPCIDRValidation: alpha and off by default in v1.36
 * (pkg/features/kube_features.go), so the legacy IP/CIDR fields (Service
 * clusterIPs, externalIPs, loadBalancerSourceRanges, load-balancer ingress
 * IPs, Endpoints and EndpointSlice addresses, Node podCIDRs) still take any
 * value the old sloppy parser took: leading zeros, IPv4-mapped IPv6, CIDRs
 * with host bits, and non-canonical IPv6.
 */
export const STRICT_IP_CIDR_VALIDATION = false;

/** IsValidIPForLegacyField(fldPath, value, StrictIPCIDRValidation, nil). */
export function validateLegacyIP(value: string, fldPath: Path): ErrorList {
  return isValidIPForLegacyField(fldPath, value, STRICT_IP_CIDR_VALIDATION, null);
}

/** IsValidCIDRForLegacyField(fldPath, value, StrictIPCIDRValidation, nil). */
export function validateLegacyCIDR(value: string, fldPath: Path): ErrorList {
  return isValidCIDRForLegacyField(fldPath, value, STRICT_IP_CIDR_VALIDATION, null);
}

/** supportedPortProtocols (sorted, as NotSupported lists them). */
export const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** ValidateDNS1123Label. */
export function validateDNS1123Label(value: string, fldPath: Path): ErrorList {
  return isDNS1123Label(value).map((m) => invalid(fldPath, value, m));
}

/** ValidateDNS1123Subdomain. */
export function validateDNS1123Subdomain(value: string, fldPath: Path): ErrorList {
  return isDNS1123Subdomain(value).map((m) => invalid(fldPath, value, m));
}

/** ValidateQualifiedName. */
export function validateQualifiedName(value: string, fldPath: Path): ErrorList {
  return isQualifiedName(value).map((m) => invalid(fldPath, value, m));
}

/** ValidatePortNumOrName: an IntOrString is a port number or an IANA service name. */
export function validatePortNumOrName(port: JsonValue | undefined, fldPath: Path): ErrorList {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(fldPath, port, m));
  // A missing IntOrString decodes as the int 0.
  const n = typeof port === 'number' ? port : 0;
  return isValidPortNum(n).map((m) => invalid(fldPath, n, m));
}

/**
 * ValidateNonSpecialIP: Endpoints, EndpointSlices and external IPs may not be
 * unspecified, loopback or link-local (those mean "this node" or a metadata
 * service, never a backend).
 */
export function validateNonSpecialIP(ipAddress: string, fldPath: Path): ErrorList {
  const ip = parseIPSloppy(ipAddress);
  if (!ip) return [invalid(fldPath, ipAddress, 'must be a valid IP address')];
  const errs: ErrorList = [];
  if (isUnspecified(ip)) errs.push(invalid(fldPath, ipAddress, `may not be unspecified (${ipAddress})`));
  if (isLoopback(ip)) errs.push(invalid(fldPath, ipAddress, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (isLinkLocalUnicast(ip)) errs.push(invalid(fldPath, ipAddress, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (isLinkLocalMulticast(ip)) errs.push(invalid(fldPath, ipAddress, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}
