// Service validation: ports, types, cluster IPs and IP families, session
// affinity, selectors, traffic policies and the LoadBalancer fields, as
// kube-apiserver checks a v1 Service on create, update and status update.
// src: pkg/apis/core/validation/validation.go (ValidateService,
//      validateServicePort, ValidateServiceClusterIPsRelatedFields,
//      validateServiceExternalTrafficPolicy, ValidateServiceUpdate,
//      ValidateServiceStatusUpdate, ValidateLoadBalancerStatus),
//      pkg/api/service/util.go (ExternallyAccessible, NeedsHealthCheck)

import { duplicate, type ErrorList, forbidden, internalError, invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import {
  asInt,
  asList,
  asObject,
  asOptionalBool,
  asOptionalInt,
  asOptionalString,
  asString,
  asStringMap,
  type JsonObject,
  type JsonValue,
} from '../../../apimachinery/json.ts';
import {
  SUPPORTED_PORT_PROTOCOLS,
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateLegacyCIDR,
  validateLegacyIP,
  validatePortNumOrName,
  validateNonSpecialIP,
  validateQualifiedName,
} from './field-formats.ts';
import { isDualStackIPStrings, isIPv6String, parseIPSloppy } from './ip-address.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from './object-meta.ts';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidPortName,
  isValidPortNum,
  nameIsDNS1035Label,
  validateLabels,
} from './apimachinery-checks.ts';

// Sorted as sets.List sorts them: NotSupported lists them in this order.
const SUPPORTED_SESSION_AFFINITY = ['ClientIP', 'None'];
const SUPPORTED_SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SUPPORTED_INTERNAL_TRAFFIC_POLICY = ['Cluster', 'Local'];
const SUPPORTED_EXTERNAL_TRAFFIC_POLICY = ['Cluster', 'Local'];
const SUPPORTED_IP_FAMILIES = ['IPv4', 'IPv6'];
const SUPPORTED_IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const SUPPORTED_LB_IP_MODES = ['Proxy', 'VIP'];
// Feature gate PreferSameTrafficDistribution: GA (locked on) in v1.36, so all
// three values are accepted, listed in upstream's order.
const SUPPORTED_TRAFFIC_DISTRIBUTION = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];
/** core.MaxClientIPServiceAffinitySeconds. */
const MAX_CLIENT_IP_SERVICE_AFFINITY_SECONDS = 86400;

const ANNOTATION_LB_SOURCE_RANGES = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const ANNOTATION_TOPOLOGY_AWARE_HINTS = 'service.kubernetes.io/topology-aware-hints';
const ANNOTATION_TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';

/** The fields of a v1 Service that validation reads, with Go's zero values. */
interface ServiceView {
  readonly spec: JsonObject;
  readonly type: string;
  readonly clusterIP: string;
  readonly clusterIPs: string[];
  readonly ipFamilies: string[];
  readonly ipFamilyPolicy: string | undefined;
  readonly loadBalancerClass: string | undefined;
  readonly externalIPs: string[];
}

function view(obj: JsonObject): ServiceView {
  const spec = asObject(obj.spec) ?? {};
  return {
    spec,
    type: asString(spec.type),
    clusterIP: asString(spec.clusterIP),
    clusterIPs: asList(spec.clusterIPs).map(asString),
    ipFamilies: asList(spec.ipFamilies).map(asString),
    ipFamilyPolicy: asOptionalString(spec.ipFamilyPolicy),
    loadBalancerClass: asOptionalString(spec.loadBalancerClass),
    externalIPs: asList(spec.externalIPs).map(asString),
  };
}

/** isHeadlessService: exactly one cluster IP, "None". */
function isHeadlessService(s: ServiceView): boolean {
  return s.clusterIPs.length === 1 && s.clusterIPs[0] === 'None';
}

/** apiservice.ExternallyAccessible. */
function externallyAccessible(s: ServiceView): boolean {
  return s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && s.externalIPs.length > 0);
}

/** apiservice.NeedsHealthCheck: a LoadBalancer with externalTrafficPolicy Local. */
function needsHealthCheck(s: ServiceView): boolean {
  return s.type === 'LoadBalancer' && asString(s.spec.externalTrafficPolicy) === 'Local';
}

/** ValidateService: everything about a Service that does not depend on its previous state. */
export function validateService(obj: JsonObject): ErrorList {
  const metaPath = Path.of('metadata');
  const meta = asObject(obj.metadata);
  const errs = validateCoreObjectMeta(meta, true, nameIsDNS1035Label, metaPath);
  const s = view(obj);
  const spec = s.spec;

  const annotations = asStringMap(meta?.annotations);
  const hints = annotations[ANNOTATION_TOPOLOGY_AWARE_HINTS];
  const mode = annotations[ANNOTATION_TOPOLOGY_MODE];
  if (mode !== undefined && hints !== undefined && mode !== hints) {
    errs.push(
      invalid(metaPath.child('annotations').key(ANNOTATION_TOPOLOGY_MODE), mode, `must match annotations[${ANNOTATION_TOPOLOGY_AWARE_HINTS}] when both are specified`),
    );
  }

  const specPath = Path.of('spec');
  const ports = asList(spec.ports).map((p) => asObject(p) ?? {});
  const headless = isHeadlessService(s);
  if (ports.length === 0 && !headless && s.type !== 'ExternalName') errs.push(required(specPath.child('ports')));
  switch (s.type) {
    case 'LoadBalancer':
      if (headless) errs.push(invalid(specPath.child('clusterIPs').index(0), s.clusterIPs[0], "may not be set to 'None' for LoadBalancer services"));
      break;
    case 'NodePort':
      if (headless) errs.push(invalid(specPath.child('clusterIPs').index(0), s.clusterIPs[0], "may not be set to 'None' for NodePort services"));
      break;
    case 'ExternalName': {
      // The strategy copies clusterIP into clusterIPs, so clusterIPs alone is checked.
      if (s.clusterIPs.length > 0) errs.push(forbidden(specPath.child('clusterIPs'), 'may not be set for ExternalName services'));
      if (s.ipFamilies.length > 0) errs.push(forbidden(specPath.child('ipFamilies'), 'may not be set for ExternalName services'));
      if (s.ipFamilyPolicy !== undefined) errs.push(forbidden(specPath.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
      // A CNAME may end in a dot to say it is fully qualified.
      const externalName = asString(spec.externalName);
      const cname = externalName.endsWith('.') ? externalName.slice(0, -1) : externalName;
      if (cname.length > 0) errs.push(...validateDNS1123Subdomain(cname, specPath.child('externalName')));
      else errs.push(required(specPath.child('externalName')));
      break;
    }
  }

  const allPortNames = new Set<string>();
  const portsPath = specPath.child('ports');
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, allPortNames, portsPath.index(i))));

  if (asObject(spec.selector)) errs.push(...validateLabels(asStringMap(spec.selector), specPath.child('selector')));

  const sessionAffinity = asString(spec.sessionAffinity);
  if (sessionAffinity.length === 0) errs.push(required(specPath.child('sessionAffinity')));
  else if (!SUPPORTED_SESSION_AFFINITY.includes(sessionAffinity)) {
    errs.push(notSupported(specPath.child('sessionAffinity'), sessionAffinity, SUPPORTED_SESSION_AFFINITY));
  }
  const affinityConfig = asObject(spec.sessionAffinityConfig);
  if (sessionAffinity === 'ClientIP') {
    errs.push(...validateClientIPAffinityConfig(affinityConfig, specPath.child('sessionAffinityConfig')));
  } else if (sessionAffinity === 'None' && affinityConfig) {
    errs.push(forbidden(specPath.child('sessionAffinityConfig'), 'must not be set when session affinity is None'));
  }

  errs.push(...validateServiceClusterIPsRelatedFields(s));

  s.externalIPs.forEach((ip, i) => {
    const idxPath = specPath.child('externalIPs').index(i);
    const ipErrs = validateLegacyIP(ip, idxPath);
    errs.push(...(ipErrs.length !== 0 ? ipErrs : validateNonSpecialIP(ip, idxPath)));
  });

  if (s.type.length === 0) errs.push(required(specPath.child('type')));
  else if (!SUPPORTED_SERVICE_TYPES.includes(s.type)) errs.push(notSupported(specPath.child('type'), s.type, SUPPORTED_SERVICE_TYPES));

  if (s.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (asInt(p.nodePort) !== 0) errs.push(forbidden(portsPath.index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }

  // Duplicate node ports and ports, each by (protocol, number).
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const nodePort = asInt(p.nodePort);
    if (nodePort === 0) return;
    const key = `${asString(p.protocol)}/${nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(portsPath.index(i).child('nodePort'), nodePort));
    nodePorts.add(key);
  });
  const seenPorts = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${asString(p.protocol)}/${asInt(p.port)}`;
    if (seenPorts.has(key)) errs.push(duplicate(portsPath.index(i), { Protocol: asString(p.protocol), Port: asInt(p.port) }));
    seenPorts.add(key);
  });

  // loadBalancerSourceRanges, or else its older annotation. Both tolerate
  // surrounding spaces, a leftover of the annotation's format.
  const sourceRanges = asList(spec.loadBalancerSourceRanges).map(asString);
  if (sourceRanges.length > 0) {
    // Upstream spells this path with a capital L.
    const fieldPath = specPath.child('LoadBalancerSourceRanges');
    if (s.type !== 'LoadBalancer') errs.push(forbidden(fieldPath, "may only be used when `type` is 'LoadBalancer'"));
    sourceRanges.forEach((v, i) => errs.push(...validateLegacyCIDR(goTrimSpace(v), fieldPath.index(i))));
  } else if (annotations[ANNOTATION_LB_SOURCE_RANGES] !== undefined) {
    const fieldPath = Path.of('metadata', 'annotations').key(ANNOTATION_LB_SOURCE_RANGES);
    if (s.type !== 'LoadBalancer') errs.push(forbidden(fieldPath, "may only be used when `type` is 'LoadBalancer'"));
    const val = goTrimSpace(annotations[ANNOTATION_LB_SOURCE_RANGES]);
    if (val !== '') for (const v of val.split(',')) errs.push(...validateLegacyCIDR(goTrimSpace(v), fieldPath));
  }

  const allocate = asOptionalBool(spec.allocateLoadBalancerNodePorts);
  if (allocate !== undefined && s.type !== 'LoadBalancer') {
    errs.push(forbidden(specPath.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
  }
  // Upstream reports this one without the "spec." prefix.
  if (s.type === 'LoadBalancer' && allocate === undefined) errs.push(required(Path.of('allocateLoadBalancerNodePorts')));

  errs.push(...validateLoadBalancerClassField(undefined, s));
  errs.push(...externalTrafficPolicyErrors(s));
  errs.push(...validateServiceInternalTrafficFieldsValue(s));
  errs.push(...validateServiceTrafficDistribution(s));
  return errs;
}

/** strings.TrimSpace for the ASCII spaces a CIDR list can hold. */
function goTrimSpace(v: string): string {
  return v.replace(/^[\t\n\v\f\r \u0085\u00a0]+|[\t\n\v\f\r \u0085\u00a0]+$/g, '');
}

/** validateServicePort. */
function validateServicePort(sp: JsonObject, requireName: boolean, allNames: Set<string>, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const name = asString(sp.name);
  if (requireName && name.length === 0) {
    errs.push(required(fldPath.child('name')));
  } else if (name.length !== 0) {
    errs.push(...validateDNS1123Label(name, fldPath.child('name')));
    if (allNames.has(name)) errs.push(duplicate(fldPath.child('name'), name));
    else allNames.add(name);
  }
  const port = asInt(sp.port);
  for (const m of isValidPortNum(port)) errs.push(invalid(fldPath.child('port'), port, m));
  const protocol = asString(sp.protocol);
  if (protocol.length === 0) errs.push(required(fldPath.child('protocol')));
  else if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol)) errs.push(notSupported(fldPath.child('protocol'), protocol, SUPPORTED_PORT_PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, fldPath.child('targetPort')));
  const appProtocol = asOptionalString(sp.appProtocol);
  if (appProtocol !== undefined) errs.push(...validateQualifiedName(appProtocol, fldPath.child('appProtocol')));
  // v1 has always tolerated targetPort on headless Services, so it is not checked.
  return errs;
}

/** validateClientIPAffinityConfig. */
function validateClientIPAffinityConfig(config: JsonObject | undefined, fldPath: Path): ErrorList {
  const detail = 'when session affinity type is ClientIP';
  if (!config) return [required(fldPath, detail)];
  const clientIP = asObject(config.clientIP);
  if (!clientIP) return [required(fldPath.child('clientIP'), detail)];
  const timeout = asOptionalInt(clientIP.timeoutSeconds);
  const timeoutPath = fldPath.child('clientIP').child('timeoutSeconds');
  if (timeout === undefined) return [required(timeoutPath, detail)];
  if (timeout <= 0 || timeout > MAX_CLIENT_IP_SERVICE_AFFINITY_SECONDS) {
    return [invalid(timeoutPath, timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_SERVICE_AFFINITY_SECONDS}`)];
  }
  return [];
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP, clusterIPs, ipFamilies and ipFamilyPolicy together. */
function validateServiceClusterIPsRelatedFields(s: ServiceView): ErrorList {
  // ExternalName Services were checked to have none of these.
  if (s.type === 'ExternalName') return [];
  const errs: ErrorList = [];
  let hasInvalidIPs = false;
  const specPath = Path.of('spec');
  const clusterIPsField = specPath.child('clusterIPs');
  const ipFamiliesField = specPath.child('ipFamilies');

  // clusterIP and clusterIPs[0] must agree (the strategy syncs them for users).
  if (s.clusterIP.length !== 0) {
    if (s.clusterIPs.length === 0) errs.push(required(clusterIPsField));
    else if (s.clusterIPs[0] !== s.clusterIP) errs.push(invalid(clusterIPsField, s.clusterIPs, 'first value must match `clusterIP`'));
  } else if (s.clusterIPs.length !== 0) {
    errs.push(invalid(clusterIPsField, s.clusterIPs, 'must be empty when `clusterIP` is not specified'));
  }

  const seen = new Set<string>();
  s.ipFamilies.forEach((family, i) => {
    if (!SUPPORTED_IP_FAMILIES.includes(family)) errs.push(notSupported(ipFamiliesField.index(i), family, SUPPORTED_IP_FAMILIES));
    // No duplicates also means at most one of each family, in any order.
    if (seen.has(family)) errs.push(duplicate(ipFamiliesField.index(i), family));
    seen.add(family);
  });

  // A nil policy is fine: the registry defaults it when allocating.
  if (s.ipFamilyPolicy !== undefined && !SUPPORTED_IP_FAMILY_POLICIES.includes(s.ipFamilyPolicy)) {
    errs.push(notSupported(specPath.child('ipFamilyPolicy'), s.ipFamilyPolicy, SUPPORTED_IP_FAMILY_POLICIES));
  }

  s.clusterIPs.forEach((clusterIP, i) => {
    if (i === 0 && clusterIP === 'None') {
      if (s.clusterIPs.length > 1) {
        hasInvalidIPs = true;
        errs.push(invalid(clusterIPsField, s.clusterIPs, "'None' must be the first and only value"));
      }
      return;
    }
    const ipErrs = validateLegacyIP(clusterIP, clusterIPsField.index(i));
    hasInvalidIPs = ipErrs.length !== 0 || hasInvalidIPs;
    errs.push(...ipErrs);
  });

  if (s.clusterIPs.length > 2) errs.push(invalid(clusterIPsField, s.clusterIPs, 'may only hold up to 2 values'));

  // Bad IPs would skew the family checks below: stop here.
  if (hasInvalidIPs) return errs;

  if (s.clusterIPs.length > 1) {
    const dualStack = isDualStackIPStrings(s.clusterIPs);
    if (dualStack === null) errs.push(internalError(clusterIPsField, 'failed to check for dual stack with error:invalid ip'));
    if (!dualStack) errs.push(invalid(clusterIPsField, s.clusterIPs, 'may specify no more than one IP for each IP family'));
  }

  if (!isHeadlessService(s) && s.clusterIPs.length > 0 && s.ipFamilies.length > 0) {
    for (let i = 0; i < s.clusterIPs.length && i < s.ipFamilies.length; i++) {
      const ip = s.clusterIPs[i];
      if (s.ipFamilies[i] === 'IPv4' && isIPv6String(ip)) {
        errs.push(invalid(clusterIPsField.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      }
      if (s.ipFamilies[i] === 'IPv6' && !isIPv6String(ip)) {
        errs.push(invalid(clusterIPsField.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
      }
    }
  }
  return errs;
}

/** validateServiceExternalTrafficPolicy (with the healthCheckNodePort rules), on a v1 Service. */
export function validateServiceExternalTrafficPolicy(obj: JsonObject): ErrorList {
  return externalTrafficPolicyErrors(view(obj));
}

function externalTrafficPolicyErrors(s: ServiceView): ErrorList {
  const errs: ErrorList = [];
  const fldPath = Path.of('spec');
  const etp = asString(s.spec.externalTrafficPolicy);
  if (!externallyAccessible(s)) {
    if (etp !== '') errs.push(invalid(fldPath.child('externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'));
  } else if (etp === '') {
    errs.push(required(fldPath.child('externalTrafficPolicy')));
  } else if (!SUPPORTED_EXTERNAL_TRAFFIC_POLICY.includes(etp)) {
    errs.push(notSupported(fldPath.child('externalTrafficPolicy'), etp, SUPPORTED_EXTERNAL_TRAFFIC_POLICY));
  }
  const hcnp = asInt(s.spec.healthCheckNodePort);
  if (!needsHealthCheck(s)) {
    if (hcnp !== 0) {
      errs.push(invalid(fldPath.child('healthCheckNodePort'), hcnp, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (hcnp === 0) {
    errs.push(required(fldPath.child('healthCheckNodePort')));
  } else {
    for (const m of isValidPortNum(hcnp)) errs.push(invalid(fldPath.child('healthCheckNodePort'), hcnp, m));
  }
  return errs;
}

/** validateServiceInternalTrafficFieldsValue. */
function validateServiceInternalTrafficFieldsValue(s: ServiceView): ErrorList {
  const errs: ErrorList = [];
  const itp = asOptionalString(s.spec.internalTrafficPolicy);
  const itpPath = Path.of('spec').child('internalTrafficPolicy');
  // Not required for ExternalName: clusters stored such Services before the rule existed.
  if (itp === undefined && (s.type === 'NodePort' || s.type === 'LoadBalancer' || s.type === 'ClusterIP')) errs.push(required(itpPath));
  if (itp !== undefined && !SUPPORTED_INTERNAL_TRAFFIC_POLICY.includes(itp)) errs.push(notSupported(itpPath, itp, SUPPORTED_INTERNAL_TRAFFIC_POLICY));
  return errs;
}

/** validateServiceTrafficDistribution. */
function validateServiceTrafficDistribution(s: ServiceView): ErrorList {
  const td = asOptionalString(s.spec.trafficDistribution);
  if (td === undefined || SUPPORTED_TRAFFIC_DISTRIBUTION.includes(td)) return [];
  return [notSupported(Path.of('spec').child('trafficDistribution'), td, SUPPORTED_TRAFFIC_DISTRIBUTION)];
}

/** validateLoadBalancerClassField: immutable while LoadBalancer, only on LoadBalancer, a qualified name. */
function validateLoadBalancerClassField(old: ServiceView | undefined, s: ServiceView): ErrorList {
  const errs: ErrorList = [];
  const path = Path.of('spec', 'loadBalancerClass');
  if (old && old.type === 'LoadBalancer' && s.type === 'LoadBalancer' && old.loadBalancerClass !== s.loadBalancerClass) {
    errs.push(invalid(path, s.loadBalancerClass ?? null, 'may not change once set'));
  }
  if (s.type === 'LoadBalancer') {
    if (s.loadBalancerClass !== undefined) errs.push(...validateQualifiedName(s.loadBalancerClass, path));
  } else if (s.loadBalancerClass !== undefined) {
    errs.push(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
  }
  return errs;
}

/** validateUpgradeDowngradeClusterIPs: the primary cluster IP never changes; dropping the secondary needs SingleStack. */
function validateUpgradeDowngradeClusterIPs(old: ServiceView, s: ServiceView): ErrorList {
  const errs: ErrorList = [];
  if (s.type === 'ExternalName' || old.type === 'ExternalName') return errs;
  if (isHeadlessService(old) && isHeadlessService(s)) return errs;
  const path = Path.of('spec', 'clusterIPs');
  if (old.clusterIPs.length === s.clusterIPs.length) {
    old.clusterIPs.forEach((ip, i) => {
      if (ip !== s.clusterIPs[i]) errs.push(invalid(path.index(i), s.clusterIPs, 'may not change once set'));
    });
  } else if (old.clusterIPs.length > s.clusterIPs.length) {
    if (s.clusterIPs.length === 0) errs.push(invalid(path.index(0), s.clusterIPs, 'primary clusterIP can not be unset'));
    if (old.clusterIPs.length > 0 && s.clusterIPs.length > 0 && s.clusterIPs[0] !== old.clusterIPs[0]) {
      errs.push(invalid(path.index(0), s.clusterIPs, 'may not change once set'));
    }
    if (s.clusterIPs.length === 1 && s.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid(Path.of('spec', 'ipFamilyPolicy'), s.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (old.clusterIPs.length > 0 && s.clusterIPs[0] !== old.clusterIPs[0]) {
    errs.push(invalid(path.index(0), s.clusterIPs, 'may not change once set'));
  }
  return errs;
}

/** validateUpgradeDowngradeIPFamilies: the primary family never changes; dropping the secondary needs SingleStack. */
function validateUpgradeDowngradeIPFamilies(old: ServiceView, s: ServiceView): ErrorList {
  const errs: ErrorList = [];
  if (s.type === 'ExternalName' || old.type === 'ExternalName') return errs;
  // Changing to or from headless, or staying headless, may change families.
  if (isHeadlessService(s) !== isHeadlessService(old) || isHeadlessService(s)) return errs;
  const path = Path.of('spec', 'ipFamilies').index(0);
  if (old.ipFamilies.length === s.ipFamilies.length) {
    old.ipFamilies.forEach((f, i) => {
      if (f !== s.ipFamilies[i]) errs.push(invalid(path, s.ipFamilies, 'may not change once set'));
    });
  } else if (old.ipFamilies.length > s.ipFamilies.length) {
    // Upstream tests clusterIPs here, not ipFamilies.
    if (s.clusterIPs.length === 0) errs.push(invalid(path, s.ipFamilies, 'primary ipFamily can not be unset'));
    if (s.ipFamilies.length > 0 && s.ipFamilies[0] !== old.ipFamilies[0]) errs.push(invalid(path, s.clusterIPs, 'may not change once set'));
    if (s.ipFamilies.length === 1 && s.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid(Path.of('spec', 'ipFamilyPolicy'), s.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (old.ipFamilies.length > 0 && s.ipFamilies.length > 0 && s.ipFamilies[0] !== old.ipFamilies[0]) {
    errs.push(invalid(path, s.clusterIPs, 'may not change once set'));
  }
  return errs;
}

/** validateServiceExternalTrafficFieldsUpdate: healthCheckNodePort is fixed while it is needed. */
function validateServiceExternalTrafficFieldsUpdate(before: ServiceView, after: ServiceView): ErrorList {
  if (needsHealthCheck(before) && needsHealthCheck(after) && asInt(after.spec.healthCheckNodePort) !== asInt(before.spec.healthCheckNodePort)) {
    return [forbidden(Path.of('spec', 'healthCheckNodePort'), 'field is immutable')];
  }
  return [];
}

/** ValidateServiceCreate. */
export function validateServiceCreate(obj: JsonObject): ErrorList {
  return validateService(obj);
}

/** ValidateServiceUpdate: metadata, what may not change, then the new Service as a whole. */
export function validateServiceUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const errs = validateCoreObjectMetaUpdate(asObject(obj.metadata), asObject(old.metadata), Path.of('metadata'));
  const s = view(obj);
  const o = view(old);
  errs.push(...validateUpgradeDowngradeClusterIPs(o, s));
  errs.push(...validateUpgradeDowngradeIPFamilies(o, s));
  errs.push(...validateLoadBalancerClassField(o, s));
  errs.push(...validateServiceExternalTrafficFieldsUpdate(o, s));
  errs.push(...validateService(obj));
  return errs;
}

/** ValidateServiceStatusUpdate. */
export function validateServiceStatusUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const errs = validateCoreObjectMetaUpdate(asObject(obj.metadata), asObject(old.metadata), Path.of('metadata'));
  const status = asObject(obj.status) ?? {};
  errs.push(...validateLoadBalancerStatus(asObject(status.loadBalancer), Path.of('status', 'loadBalancer'), view(obj)));
  return errs;
}

/**
 * ValidateLoadBalancerStatus. Gates at v1.36 defaults: AllowServiceLBStatusOnNonLB
 * off (ingress only on LoadBalancer Services), LoadBalancerIPMode on (ipMode
 * required with an ip).
 */
function validateLoadBalancerStatus(status: JsonObject | undefined, fldPath: Path, s: ServiceView): ErrorList {
  const errs: ErrorList = [];
  const ingrPath = fldPath.child('ingress');
  const ingress = asList(status?.ingress).map((i) => asObject(i) ?? {});
  if (s.type !== 'LoadBalancer' && ingress.length !== 0) {
    errs.push(forbidden(ingrPath, "may only be used when `spec.type` is 'LoadBalancer'"));
    return errs;
  }
  ingress.forEach((ing, i) => {
    const idxPath = ingrPath.index(i);
    const ip = asString(ing.ip);
    if (ip.length > 0) errs.push(...validateLegacyIP(ip, idxPath.child('ip')));
    const ipMode = asOptionalString(ing.ipMode);
    if (ipMode === undefined) {
      if (ip.length > 0) errs.push(required(idxPath.child('ipMode'), 'must be specified when `ip` is set'));
    } else if (ip.length === 0) {
      errs.push(forbidden(idxPath.child('ipMode'), 'may not be specified when `ip` is not set'));
    } else if (!SUPPORTED_LB_IP_MODES.includes(ipMode)) {
      errs.push(notSupported(idxPath.child('ipMode'), ipMode, SUPPORTED_LB_IP_MODES));
    }
    const hostname = asString(ing.hostname);
    if (hostname.length > 0) {
      for (const m of isDNS1123Subdomain(hostname)) errs.push(invalid(idxPath.child('hostname'), hostname, m));
      if (parseIPSloppy(hostname) !== null) errs.push(invalid(idxPath.child('hostname'), hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}
