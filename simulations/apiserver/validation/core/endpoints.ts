// Endpoints validation: every subset needs an address, each address a valid,
// non-special IP, each port a number and protocol.
// src: pkg/apis/core/validation/validation.go (ValidateEndpoints,
//      ValidateEndpointsCreate, ValidateEndpointsUpdate, validateEndpointSubsets,
//      validateEndpointAddress, validateEndpointPort, ValidateNonSpecialIP)

import { type ErrorList, invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asList, asObject, asOptionalString, asString, type JsonObject } from '../../../apimachinery/json.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from './object-meta.ts';
import { SUPPORTED_PORT_PROTOCOLS, validateDNS1123Label, validateLegacyIP, validateNonSpecialIP, validateQualifiedName } from './field-formats.ts';
import { isValidPortNum, nameIsDNSSubdomain } from './apimachinery-checks.ts';

/** validateEndpointAddress. */
function validateEndpointAddress(address: JsonObject, fldPath: Path): ErrorList {
  const ip = asString(address.ip);
  const errs = validateLegacyIP(ip, fldPath.child('ip'));
  const hostname = asString(address.hostname);
  if (hostname.length > 0) errs.push(...validateDNS1123Label(hostname, fldPath.child('hostname')));
  const nodeName = asOptionalString(address.nodeName);
  if (nodeName !== undefined) {
    for (const m of nameIsDNSSubdomain(nodeName, false)) errs.push(invalid(fldPath.child('nodeName'), nodeName, m));
  }
  errs.push(...validateNonSpecialIP(ip, fldPath.child('ip')));
  return errs;
}

/** validateEndpointPort. */
function validateEndpointPort(port: JsonObject, requireName: boolean, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const name = asString(port.name);
  if (requireName && name.length === 0) errs.push(required(fldPath.child('name')));
  else if (name.length !== 0) errs.push(...validateDNS1123Label(name, fldPath.child('name')));
  const n = asInt(port.port);
  for (const m of isValidPortNum(n)) errs.push(invalid(fldPath.child('port'), n, m));
  const protocol = asString(port.protocol);
  if (protocol.length === 0) errs.push(required(fldPath.child('protocol')));
  else if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol)) errs.push(notSupported(fldPath.child('protocol'), protocol, SUPPORTED_PORT_PROTOCOLS));
  const appProtocol = asOptionalString(port.appProtocol);
  if (appProtocol !== undefined) errs.push(...validateQualifiedName(appProtocol, fldPath.child('appProtocol')));
  return errs;
}

/** validateEndpointSubsets. Ports may be empty (headless Services). */
function validateEndpointSubsets(subsets: JsonObject[], fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  subsets.forEach((ss, i) => {
    const idxPath = fldPath.index(i);
    const addresses = asList(ss.addresses).map((a) => asObject(a) ?? {});
    const notReady = asList(ss.notReadyAddresses).map((a) => asObject(a) ?? {});
    if (addresses.length === 0 && notReady.length === 0) errs.push(required(idxPath, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, j) => errs.push(...validateEndpointAddress(a, idxPath.child('addresses').index(j))));
    notReady.forEach((a, j) => errs.push(...validateEndpointAddress(a, idxPath.child('notReadyAddresses').index(j))));
    const ports = asList(ss.ports).map((p) => asObject(p) ?? {});
    ports.forEach((p, j) => errs.push(...validateEndpointPort(p, ports.length > 1, idxPath.child('ports').index(j))));
  });
  return errs;
}

/** ValidateEndpoints (ValidateEndpointsSpecificAnnotations checks nothing). */
export function validateEndpoints(obj: JsonObject): ErrorList {
  const errs = validateCoreObjectMeta(asObject(obj.metadata), true, nameIsDNSSubdomain, Path.of('metadata'));
  errs.push(...validateEndpointSubsets(asList(obj.subsets).map((s) => asObject(s) ?? {}), Path.of('subsets')));
  return errs;
}

/** ValidateEndpointsCreate. */
export function validateEndpointsCreate(obj: JsonObject): ErrorList {
  return validateEndpoints(obj);
}

/** ValidateEndpointsUpdate: node names may change (a node IP or pod CIDR can be reused). */
export function validateEndpointsUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const errs = validateCoreObjectMetaUpdate(asObject(obj.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateEndpoints(obj));
  return errs;
}
