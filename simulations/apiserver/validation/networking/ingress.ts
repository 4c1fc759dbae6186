// Ingress validation.
// src: pkg/apis/networking/validation/validation.go (validateIngress,
//      ValidateIngressCreate, ValidateIngressUpdate, validateIngressTLS,
//      ValidateIngressSpec, ValidateIngressStatusUpdate, ValidateIngressLoadBalancerStatus,
//      validateIngressRules, validateIngressRuleValue, validateHTTPIngressRuleValue,
//      validateHTTPIngressPath, validateIngressBackend, validateIngressTypedLocalObjectReference,
//      allowInvalidSecretName, validateTLSSecretName, allowInvalidWildcardHostRule)
//
// Feature gates at their v1.36 defaults: StrictIPCIDRValidation is alpha
// (off): load-balancer IPs are checked as legacy fields.

import { invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { parseIPSloppy } from '../../../apimachinery/go-net.ts';
import { asInt, asList, asObject, asOptionalString, asString, asStringMap } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import {
  isDNS1123Subdomain,
  isValidIPForLegacyField,
  isValidPathSegmentName,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from '../apps/shared-helpers.ts';

const ANNOTATION_INGRESS_CLASS = 'kubernetes.io/ingress.class';
const SUPPORTED_PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

/** IngressValidationOptions: leniencies for objects stored before a rule existed. */
export interface IngressValidationOptions {
  allowInvalidSecretName?: boolean;
  allowInvalidWildcardHostRule?: boolean;
}

/** ValidateIngressName, ValidateIngressClassName. */
export const validateIngressName = nameIsDNSSubdomain;

/** validateIngress: metadata and spec. */
export function validateIngress(ingress: JsonObject, opts: IngressValidationOptions): ErrorList {
  const errs = validateObjectMeta(asObject(ingress.metadata), true, validateIngressName, Path.of('metadata'));
  errs.push(...validateIngressSpec(asObject(ingress.spec) ?? {}, Path.of('spec'), opts));
  return errs;
}

/** ValidateIngressCreate: also, the class annotation must agree with ingressClassName. */
export function validateIngressCreate(ingress: JsonObject): ErrorList {
  const errs = validateIngress(ingress, {});
  const annotations = asStringMap(asObject(ingress.metadata)?.annotations);
  const className = asOptionalString(asObject(ingress.spec)?.ingressClassName);
  if (Object.prototype.hasOwnProperty.call(annotations, ANNOTATION_INGRESS_CLASS) && className !== undefined && annotations[ANNOTATION_INGRESS_CLASS] !== className) {
    errs.push(invalid(Path.of('annotations').child(ANNOTATION_INGRESS_CLASS), annotations[ANNOTATION_INGRESS_CLASS], 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

/** ValidateIngressUpdate: invalid secret names and wildcard rules stay allowed where the stored object has them. */
export function validateIngressUpdate(ingress: JsonObject, old: JsonObject): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(ingress.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateIngress(ingress, { allowInvalidSecretName: allowInvalidSecretName(old), allowInvalidWildcardHostRule: allowInvalidWildcardHostRule(old) }));
  return errs;
}

/** validateIngressTLS. */
function validateIngressTLS(tlsList: JsonObject[], path: Path, opts: IngressValidationOptions): ErrorList {
  const errs: ErrorList = [];
  tlsList.forEach((tls, t) => {
    asList(tls.hosts).forEach((raw, i) => {
      const host = asString(raw);
      const p = path.index(t).child('hosts').index(i);
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const m of msgs) errs.push(invalid(p, host, m));
    });
    if (!opts.allowInvalidSecretName) {
      const secretName = asString(tls.secretName);
      for (const m of validateTLSSecretName(secretName)) errs.push(invalid(path.index(t).child('secretName'), secretName, m));
    }
  });
  return errs;
}

/** ValidateIngressSpec: rules or a default backend, each backend, TLS, the class name. */
export function validateIngressSpec(spec: JsonObject, path: Path, opts: IngressValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const rules = asList(spec.rules);
  const defaultBackend = asObject(spec.defaultBackend);
  if (rules.length === 0 && !defaultBackend) errs.push(invalid(path, rules, 'either `defaultBackend` or `rules` must be specified'));
  if (defaultBackend) errs.push(...validateIngressBackend(defaultBackend, path.child('defaultBackend')));
  if (rules.length > 0) errs.push(...validateIngressRules(rules.map((r) => asObject(r) ?? {}), path.child('rules'), opts));
  const tls = asList(spec.tls);
  if (tls.length > 0) errs.push(...validateIngressTLS(tls.map((t) => asObject(t) ?? {}), path.child('tls'), opts));
  const className = asOptionalString(spec.ingressClassName);
  if (className !== undefined) for (const m of nameIsDNSSubdomain(className, false)) errs.push(invalid(path.child('ingressClassName'), className, m));
  return errs;
}

/** ValidateIngressStatusUpdate. */
export function validateIngressStatusUpdate(ingress: JsonObject, old: JsonObject): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(ingress.metadata), asObject(old.metadata), Path.of('metadata'));
  const lb = asObject(asObject(ingress.status)?.loadBalancer) ?? {};
  errs.push(...validateIngressLoadBalancerStatus(lb, Path.of('status', 'loadBalancer')));
  return errs;
}

/** ValidateIngressLoadBalancerStatus. */
function validateIngressLoadBalancerStatus(status: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  asList(status.ingress).forEach((raw, i) => {
    const ing = asObject(raw) ?? {};
    const p = path.child('ingress').index(i);
    const ip = asString(ing.ip);
    if (ip.length > 0) errs.push(...isValidIPForLegacyField(p.child('ip'), ip, false));
    const hostname = asString(ing.hostname);
    if (hostname.length > 0) {
      for (const m of isDNS1123Subdomain(hostname)) errs.push(invalid(p.child('hostname'), hostname, m));
      if (parseIPSloppy(hostname) !== null) errs.push(invalid(p.child('hostname'), hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}

/** validateIngressRules. */
function validateIngressRules(rules: JsonObject[], path: Path, opts: IngressValidationOptions): ErrorList {
  if (rules.length === 0) return [required(path, '')];
  const errs: ErrorList = [];
  rules.forEach((rule, i) => {
    let wildcardHost = false;
    const host = asString(rule.host);
    if (host.length > 0) {
      if (parseIPSloppy(host) !== null) errs.push(invalid(path.index(i).child('host'), host, 'must be a DNS name, not an IP address'));
      // RFC 3986 allows ports and IPs in a URL's host; Ingress does not.
      if (host.includes('*')) {
        for (const m of isWildcardDNS1123Subdomain(host)) errs.push(invalid(path.index(i).child('host'), host, m));
        wildcardHost = true;
      } else {
        for (const m of isDNS1123Subdomain(host)) errs.push(invalid(path.index(i).child('host'), host, m));
      }
    }
    if (!wildcardHost || !opts.allowInvalidWildcardHostRule) errs.push(...validateIngressRuleValue(rule, path.index(i)));
  });
  return errs;
}

/** validateIngressRuleValue (its fields are inlined in IngressRule). */
export function validateIngressRuleValue(rule: JsonObject, path: Path): ErrorList {
  const http = asObject(rule.http);
  if (!http) return [];
  const errs: ErrorList = [];
  const paths = asList(http.paths);
  const httpPath = path.child('http');
  if (paths.length === 0) errs.push(required(httpPath.child('paths'), ''));
  paths.forEach((p, i) => errs.push(...validateHTTPIngressPath(asObject(p) ?? {}, httpPath.child('paths').index(i))));
  return errs;
}

/** validateHTTPIngressPath: pathType required; Exact and Prefix paths absolute and clean. */
function validateHTTPIngressPath(p: JsonObject, path: Path): ErrorList {
  const pathType = asOptionalString(p.pathType);
  if (pathType === undefined) return [required(path.child('pathType'), 'pathType must be specified')];
  const errs: ErrorList = [];
  const value = asString(p.path);
  switch (pathType) {
    case 'Exact':
    case 'Prefix':
      if (!value.startsWith('/')) errs.push(invalid(path.child('path'), value, 'must be an absolute path'));
      if (value.length > 0) {
        for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(invalid(path.child('path'), value, `must not contain '${seq}'`));
        for (const suffix of INVALID_PATH_SUFFIXES) if (value.endsWith(suffix)) errs.push(invalid(path.child('path'), value, `cannot end with '${suffix}'`));
      }
      break;
    case 'ImplementationSpecific':
      if (value.length > 0 && !value.startsWith('/')) errs.push(invalid(path.child('path'), value, 'must be an absolute path'));
      break;
    default:
      errs.push(notSupported(path.child('pathType'), pathType, SUPPORTED_PATH_TYPES));
  }
  errs.push(...validateIngressBackend(asObject(p.backend) ?? {}, path.child('backend')));
  return errs;
}

/** validateIngressBackend: a resource or a service (by name, and port name or number). */
function validateIngressBackend(backend: JsonObject, path: Path): ErrorList {
  const resource = asObject(backend.resource);
  const service = asObject(backend.service);
  if (resource && service) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (resource) return validateIngressTypedLocalObjectReference(resource, path.child('resource'));
  if (!service) return [invalid(path, '', 'resource or service backend is required')];
  const errs: ErrorList = [];
  const name = asString(service.name);
  if (name.length === 0) errs.push(required(path.child('service', 'name'), ''));
  else for (const m of nameIsDNS1035Label(name, false)) errs.push(invalid(path.child('service', 'name'), name, m));
  const port = asObject(service.port) ?? {};
  const portName = asString(port.name);
  const portNumber = asInt(port.number);
  if (portName.length > 0 && portNumber !== 0) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName.length > 0) for (const m of isValidPortName(portName)) errs.push(invalid(path.child('service', 'port', 'name'), portName, m));
  else if (portNumber !== 0) for (const m of isValidPortNum(portNumber)) errs.push(invalid(path.child('service', 'port', 'number'), portNumber, m));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

/** validateIngressTypedLocalObjectReference: apiGroup a DNS subdomain, kind and name path segments. */
export function validateIngressTypedLocalObjectReference(params: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  const apiGroup = asOptionalString(params.apiGroup);
  if (apiGroup !== undefined) for (const m of isDNS1123Subdomain(apiGroup)) errs.push(invalid(path.child('apiGroup'), apiGroup, m));
  for (const f of ['kind', 'name']) {
    const v = asString(params[f]);
    if (v === '') errs.push(required(path.child(f), `${f} is required`));
    else for (const m of isValidPathSegmentName(v)) errs.push(invalid(path.child(f), v, m));
  }
  return errs;
}

/** validateTLSSecretName: empty, or a Secret name. */
function validateTLSSecretName(name: string): string[] {
  return name.length === 0 ? [] : nameIsDNSSubdomain(name, false);
}

/** allowInvalidSecretName: the stored object already has one. */
function allowInvalidSecretName(old: JsonObject): boolean {
  return asList(asObject(old.spec)?.tls).some((t) => validateTLSSecretName(asString(asObject(t)?.secretName)).length > 0);
}

/** allowInvalidWildcardHostRule: the stored object already has an invalid rule under a wildcard host. */
function allowInvalidWildcardHostRule(old: JsonObject): boolean {
  return asList(asObject(old.spec)?.rules).some((r) => {
    const rule = asObject(r) ?? {};
    return asString(rule.host).includes('*') && validateIngressRuleValue(rule, Path.ROOT).length > 0;
  });
}
