// NetworkPolicy validation.
// src: pkg/apis/networking/validation/validation.go (ValidateNetworkPolicyPort,
//      ValidateNetworkPolicyPeer, ValidateNetworkPolicySpec, ValidateNetworkPolicy,
//      ValidationOptionsForNetworking, ValidateNetworkPolicyUpdate, ValidateIPBlock)
//      pkg/apis/core/validation/validation.go (IsValidCIDRForLegacyField)
//
// Feature gates at their v1.36 defaults: StrictIPCIDRValidation is alpha
// (off), so CIDRs are checked as legacy fields (leading zeros allowed).

import { forbidden, invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { maskSize, parseCIDRSloppy, to4 } from '../../../apimachinery/go-net.ts';
import type { IP, IPNet } from '../../../apimachinery/go-net.ts';
import { asList, asObject, asOptionalInt, asOptionalString, asString } from '../../../apimachinery/json.ts';
import type { JsonObject, JsonValue } from '../../../apimachinery/json.ts';
import {
  isValidCIDRForLegacyField,
  isValidPortName,
  isValidPortNum,
  nameIsDNSSubdomain,
  validateLabelSelector,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from '../apps/shared-helpers.ts';
import type { LabelSelectorValidationOptions } from '../apps/shared-helpers.ts';

/** NetworkPolicyValidationOptions. */
export interface NetworkPolicyValidationOptions {
  allowInvalidLabelValueInSelector: boolean;
}

/** ValidateNetworkPolicyName. */
export const validateNetworkPolicyName = nameIsDNSSubdomain;

/** ValidateNetworkPolicyPort: protocol, and port / endPort as a number range or a port name. */
export function validateNetworkPolicyPort(port: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  const protocol = asOptionalString(port.protocol);
  if (protocol !== undefined && protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') {
    errs.push(notSupported(path.child('protocol'), protocol, ['TCP', 'UDP', 'SCTP']));
  }
  const p = port.port;
  const endPort = asOptionalInt(port.endPort);
  if (typeof p === 'number') {
    for (const m of isValidPortNum(p)) errs.push(invalid(path.child('port'), p, m));
    if (endPort !== undefined) {
      // Upstream reports the port (not endPort) as the bad value.
      if (endPort < p) errs.push(invalid(path.child('endPort'), p, 'must be greater than or equal to `port`'));
      for (const m of isValidPortNum(endPort)) errs.push(invalid(path.child('endPort'), endPort, m));
    }
  } else if (typeof p === 'string') {
    if (endPort !== undefined) errs.push(invalid(path.child('endPort'), endPort, 'may not be specified when `port` is non-numeric'));
    for (const m of isValidPortName(p)) errs.push(invalid(path.child('port'), p, m));
  } else if (endPort !== undefined) {
    errs.push(invalid(path.child('endPort'), endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

/** ValidateNetworkPolicyPeer: exactly one kind of peer, an ipBlock alone. */
export function validateNetworkPolicyPeer(peer: JsonObject, opts: NetworkPolicyValidationOptions, path: Path): ErrorList {
  const errs: ErrorList = [];
  const selectorOpts: LabelSelectorValidationOptions = { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector };
  let numPeers = 0;
  const podSelector = asObject(peer.podSelector);
  if (podSelector) {
    numPeers++;
    errs.push(...validateLabelSelector(podSelector, selectorOpts, path.child('podSelector')));
  }
  const namespaceSelector = asObject(peer.namespaceSelector);
  if (namespaceSelector) {
    numPeers++;
    errs.push(...validateLabelSelector(namespaceSelector, selectorOpts, path.child('namespaceSelector')));
  }
  const ipBlock = asObject(peer.ipBlock);
  if (ipBlock) {
    numPeers++;
    errs.push(...validateIPBlock(ipBlock, path.child('ipBlock')));
  }
  if (numPeers === 0) errs.push(required(path, 'must specify a peer'));
  else if (numPeers > 1 && ipBlock) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

/** ValidateNetworkPolicySpec. */
export function validateNetworkPolicySpec(spec: JsonObject, opts: NetworkPolicyValidationOptions, path: Path): ErrorList {
  // podSelector is a struct, never nil: a missing one is the empty selector.
  const errs = validateLabelSelector(asObject(spec.podSelector) ?? {}, { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector }, path.child('podSelector'));
  const rules = (list: JsonValue | undefined, name: string, peers: string) => {
    asList(list).forEach((raw, i) => {
      const rule = asObject(raw) ?? {};
      const rulePath = path.child(name).index(i);
      asList(rule.ports).forEach((port, j) => errs.push(...validateNetworkPolicyPort(asObject(port) ?? {}, rulePath.child('ports').index(j))));
      asList(rule[peers]).forEach((peer, j) => errs.push(...validateNetworkPolicyPeer(asObject(peer) ?? {}, opts, rulePath.child(peers).index(j))));
    });
  };
  rules(spec.ingress, 'ingress', 'from');
  rules(spec.egress, 'egress', 'to');
  const policyTypes = asList(spec.policyTypes);
  if (policyTypes.length > 2) {
    errs.push(invalid(path.child('policyTypes'), policyTypes, 'may not specify more than two policyTypes'));
    return errs;
  }
  policyTypes.forEach((raw, i) => {
    const t = asString(raw);
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(path.child('policyTypes').index(i), t, ['Ingress', 'Egress']));
  });
  return errs;
}

/** ValidateNetworkPolicy. */
export function validateNetworkPolicy(np: JsonObject, opts: NetworkPolicyValidationOptions): ErrorList {
  const errs = validateObjectMeta(asObject(np.metadata), true, validateNetworkPolicyName, Path.of('metadata'));
  errs.push(...validateNetworkPolicySpec(asObject(np.spec) ?? {}, opts, Path.of('spec')));
  return errs;
}

/** ValidationOptionsForNetworking: an update may keep an invalid podSelector the stored object already has. */
export function validationOptionsForNetworking(_np: JsonObject, old: JsonObject | undefined): NetworkPolicyValidationOptions {
  const opts = { allowInvalidLabelValueInSelector: false };
  if (old && validateLabelSelector(asObject(asObject(old.spec)?.podSelector) ?? {}, { allowInvalidLabelValueInSelector: false }, Path.ROOT).length > 0) {
    opts.allowInvalidLabelValueInSelector = true;
  }
  return opts;
}

/** ValidateNetworkPolicyUpdate. */
export function validateNetworkPolicyUpdate(np: JsonObject, old: JsonObject, opts: NetworkPolicyValidationOptions): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(np.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateNetworkPolicySpec(asObject(np.spec) ?? {}, opts, Path.of('spec')));
  return errs;
}

/** net.IPNet.Contains. */
function contains(n: IPNet, ip: IP): boolean {
  let nn = n.ip;
  let m = n.mask;
  const n4 = to4(nn);
  if (n4) {
    nn = n4;
    if (m.length === 16) m = m.subarray(12);
  }
  const x = to4(ip) ?? ip;
  if (x.length !== nn.length) return false;
  for (let i = 0; i < x.length; i++) if ((nn[i] & m[i]) !== (x[i] & m[i])) return false;
  return true;
}

/** ValidateIPBlock: a valid cidr, each except a strict subset of it. */
export function validateIPBlock(ipb: JsonObject, path: Path): ErrorList {
  const cidr = asString(ipb.cidr);
  if (cidr === '') return [required(path.child('cidr'), '')];
  const errs = isValidCIDRForLegacyField(path.child('cidr'), cidr, false);
  const parsed = parseCIDRSloppy(cidr);
  // An unparsable cidr was reported just above.
  if (!parsed) return errs;
  asList(ipb.except).forEach((raw, i) => {
    const exceptStr = asString(raw);
    const p = path.child('except').index(i);
    errs.push(...isValidCIDRForLegacyField(p, exceptStr, false));
    const except = parseCIDRSloppy(exceptStr);
    if (!except) return;
    const [cidrLen] = maskSize(parsed.ipnet.mask);
    const [exceptLen] = maskSize(except.ipnet.mask);
    if (!contains(parsed.ipnet, except.ipnet.ip) || cidrLen >= exceptLen) errs.push(invalid(p, exceptStr, 'must be a strict subset of `cidr`'));
  });
  return errs;
}

/** networkPolicyStrategy.Validate. */
export function networkPolicyStrategyValidate(np: JsonObject): ErrorList {
  return validateNetworkPolicy(np, validationOptionsForNetworking(np, undefined));
}

/**
 * networkPolicyStrategy.ValidateUpdate: ValidateNetworkPolicy and then
 * ValidateNetworkPolicyUpdate, so a spec error is listed twice (the API
 * server's message prints it once: ToAggregate removes duplicates).
 */
export function networkPolicyStrategyValidateUpdate(np: JsonObject, old: JsonObject): ErrorList {
  const opts = validationOptionsForNetworking(np, old);
  return [...validateNetworkPolicy(np, opts), ...validateNetworkPolicyUpdate(np, old, opts)];
}
