// EndpointSlice validation (discovery.k8s.io/v1): the address type, up to
// 1000 endpoints of up to 100 addresses each (of that type, not special IPs),
// node names, hostnames, topology hints, and up to 20000 uniquely named ports.
// src: pkg/apis/discovery/validation/validation.go (ValidateEndpointSlice,
//      ValidateEndpointSliceCreate, ValidateEndpointSliceUpdate, validateEndpoints,
//      validatePorts, validateAddressType, validateHints)
// The stored upstream validation.go predates hints.forNodes and the one-error-
// per-address rule its newest test asserts; both follow v1.36 here
// (PreferSameTrafficDistribution GA: at most 8 node hints, no duplicates, each
// a node name), with the family messages of the stored IsValidIPv4Address /
// IsValidIPv6Address.

import { duplicate, type ErrorList, internalError, invalid, notSupported, required, tooMany } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asOptionalString, asString, asStringMap, type JsonObject } from '../../../apimachinery/json.ts';
import { SUPPORTED_PORT_PROTOCOLS, validateDNS1123Label, validateNonSpecialIP, validateQualifiedName } from '../core/field-formats.ts';
import { isIPv6, parseIPSloppy } from '../core/ip-address.ts';
import { validateCoreObjectMeta } from '../core/object-meta.ts';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidLabelValue,
  nameIsDNSSubdomain,
  sortedKeys,
  validateImmutableField,
  validateLabels,
} from '../core/apimachinery-checks.ts';

const SUPPORTED_ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const MAX_TOPOLOGY_LABELS = 16;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;
const MAX_ENDPOINTS = 1000;
const MAX_ZONE_HINTS = 8;
const MAX_NODE_HINTS = 8;
const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

/** validation.IsFullyQualifiedDomainName: a trailing dot is allowed; at least two labels. */
function isFullyQualifiedDomainName(fldPath: Path, value: string): ErrorList {
  if (value.length === 0) return [required(fldPath)];
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  const subErrs = isDNS1123Subdomain(name);
  if (subErrs.length > 0) return [invalid(fldPath, name, subErrs.join(','))];
  const labels = name.split('.');
  if (labels.length < 2) return [invalid(fldPath, name, 'should be a domain with at least two segments separated by dots')];
  for (const label of labels) {
    const errs = isDNS1123Label(label);
    if (errs.length > 0) return [invalid(fldPath, label, errs.join(','))];
  }
  return [];
}

/**
 * An IPv4 (or IPv6) address of the slice's type; only a well-formed one is
 * then checked for being special (upstream reports one error per bad address).
 */
function validateAddress(address: string, family: 'IPv4' | 'IPv6', fldPath: Path): ErrorList {
  const ip = parseIPSloppy(address);
  if (family === 'IPv4' && (ip === null || isIPv6(ip))) return [invalid(fldPath, address, 'must be a valid IPv4 address')];
  if (family === 'IPv6' && (ip === null || !isIPv6(ip))) return [invalid(fldPath, address, 'must be a valid IPv6 address')];
  return validateNonSpecialIP(address, fldPath);
}

/** validateAddressType. */
function validateAddressType(addressType: string): ErrorList {
  if (addressType === '') return [required(Path.of('addressType'))];
  if (!SUPPORTED_ADDRESS_TYPES.includes(addressType)) return [notSupported(Path.of('addressType'), addressType, SUPPORTED_ADDRESS_TYPES)];
  return [];
}

/** validateHints: zone hints are label values, node hints node names; at most 8 of each, no duplicates. */
function validateHints(hints: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const fzPath = fldPath.child('forZones');
  const forZones = asList(hints.forZones);
  if (forZones.length > MAX_ZONE_HINTS) return [tooMany(fzPath, forZones.length, MAX_ZONE_HINTS)];
  const zones = new Set<string>();
  forZones.forEach((z, i) => {
    const name = asString(asObject(z)?.name);
    const zonePath = fzPath.index(i).child('name');
    if (zones.has(name)) errs.push(duplicate(zonePath, name));
    else zones.add(name);
    for (const m of isValidLabelValue(name)) errs.push(invalid(zonePath, name, m));
  });
  const fnPath = fldPath.child('forNodes');
  const forNodes = asList(hints.forNodes);
  if (forNodes.length > MAX_NODE_HINTS) return [...errs, tooMany(fnPath, forNodes.length, MAX_NODE_HINTS)];
  const nodes = new Set<string>();
  forNodes.forEach((n, i) => {
    const name = asString(asObject(n)?.name);
    const nodePath = fnPath.index(i).child('name');
    if (nodes.has(name)) errs.push(duplicate(nodePath, name));
    else nodes.add(name);
    for (const m of nameIsDNSSubdomain(name, false)) errs.push(invalid(nodePath, name, m));
  });
  return errs;
}

/** validateEndpoints. Addresses of an unknown type are not checked. */
function validateEndpoints(endpoints: JsonObject[], addressType: string, fldPath: Path): ErrorList {
  if (endpoints.length > MAX_ENDPOINTS) return [tooMany(fldPath, endpoints.length, MAX_ENDPOINTS)];
  const errs: ErrorList = [];
  endpoints.forEach((endpoint, i) => {
    const idxPath = fldPath.index(i);
    const addressPath = idxPath.child('addresses');
    const addresses = asList(endpoint.addresses).map(asString);
    if (addresses.length === 0) errs.push(required(addressPath, 'must contain at least 1 address'));
    else if (addresses.length > MAX_ADDRESSES) errs.push(tooMany(addressPath, addresses.length, MAX_ADDRESSES));
    addresses.forEach((address, j) => {
      if (addressType === 'IPv4' || addressType === 'IPv6') errs.push(...validateAddress(address, addressType, addressPath.index(j)));
      else if (addressType === 'FQDN') errs.push(...isFullyQualifiedDomainName(addressPath.index(j), address));
    });
    const nodeName = asOptionalString(endpoint.nodeName);
    if (nodeName !== undefined) for (const m of nameIsDNSSubdomain(nodeName, false)) errs.push(invalid(idxPath.child('nodeName'), nodeName, m));
    const topologyPath = idxPath.child('deprecatedTopology');
    const topology = asStringMap(endpoint.deprecatedTopology);
    const topologyKeys = sortedKeys(topology);
    if (topologyKeys.length > MAX_TOPOLOGY_LABELS) errs.push(tooMany(topologyPath, topologyKeys.length, MAX_TOPOLOGY_LABELS));
    errs.push(...validateLabels(topology, topologyPath));
    if (Object.hasOwn(topology, LABEL_TOPOLOGY_ZONE)) {
      errs.push(internalError(topologyPath.key(LABEL_TOPOLOGY_ZONE), 'reserved key was not removed in conversion'));
    }
    const hostname = asOptionalString(endpoint.hostname);
    if (hostname !== undefined) errs.push(...validateDNS1123Label(hostname, idxPath.child('hostname')));
    const hints = asObject(endpoint.hints);
    if (hints) errs.push(...validateHints(hints, idxPath.child('hints')));
  });
  return errs;
}

/** validatePorts. A missing name reads as "" (v1 defaulting would set it). */
function validatePorts(ports: JsonObject[], fldPath: Path): ErrorList {
  if (ports.length > MAX_PORTS) return [tooMany(fldPath, ports.length, MAX_PORTS)];
  const errs: ErrorList = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const idxPath = fldPath.index(i);
    const name = asString(port.name);
    if (name.length > 0) errs.push(...validateDNS1123Label(name, idxPath.child('name')));
    if (names.has(name)) errs.push(duplicate(idxPath.child('name'), name));
    else names.add(name);
    const protocol = asOptionalString(port.protocol);
    if (protocol === undefined) errs.push(required(idxPath.child('protocol')));
    else if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol)) errs.push(notSupported(idxPath.child('protocol'), protocol, SUPPORTED_PORT_PROTOCOLS));
    const appProtocol = asOptionalString(port.appProtocol);
    if (appProtocol !== undefined) errs.push(...validateQualifiedName(appProtocol, idxPath.child('appProtocol')));
  });
  return errs;
}

/** ValidateEndpointSlice. */
export function validateEndpointSlice(obj: JsonObject): ErrorList {
  const errs = validateCoreObjectMeta(asObject(obj.metadata), true, nameIsDNSSubdomain, Path.of('metadata'));
  const addressType = asString(obj.addressType);
  errs.push(...validateAddressType(addressType));
  errs.push(...validateEndpoints(asList(obj.endpoints).map((e) => asObject(e) ?? {}), addressType, Path.of('endpoints')));
  errs.push(...validatePorts(asList(obj.ports).map((p) => asObject(p) ?? {}), Path.of('ports')));
  return errs;
}

/** ValidateEndpointSliceCreate. */
export function validateEndpointSliceCreate(obj: JsonObject): ErrorList {
  return validateEndpointSlice(obj);
}

/** ValidateEndpointSliceUpdate: the address type never changes. */
export function validateEndpointSliceUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const errs = validateEndpointSlice(obj);
  errs.push(...validateImmutableField(asString(obj.addressType), asString(old.addressType), Path.of('addressType')));
  return errs;
}
