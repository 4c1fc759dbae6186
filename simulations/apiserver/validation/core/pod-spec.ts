// ValidatePodSpec: the PodSpec of a Pod or of any workload's template.
// src: pkg/apis/core/validation/validation.go (ValidatePodSpec, validateRestartPolicy,
// ValidatePreemptionPolicy, validatePodHostNetworkDeps, validateImagePullSecrets,
// validateReadinessGates, validateSchedulingGates, validatePodResourceClaims,
// validatePodResourceClaim, gatherPodResourceClaimNames, validatePodResources,
// validatePodResourceConsistency, validateOS, validateLinux, validateWindows),
// component-helpers/resource (AggregateContainerRequests)

import { duplicate, forbidden, invalid, notSupported, required, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asBool, asInt, asList, asObject, asOptionalInt, asOptionalString, asString, asStringMap, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { Quantity } from '../../../apimachinery/quantity.ts';
import { validateAffinity } from './affinity.ts';
import { validateContainers, validateEphemeralContainers, validateInitContainers, type ContainerContext } from './containers.ts';
import { validateDNSPolicy, validateHostAliases, validatePodDNSConfig } from './dns.ts';
import { inclusiveRangeError, isDNS1123Label, isQualifiedName, nameIsDNSSubdomain, validateLabels, validateServiceAccountName } from './pending-apimachinery.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';
import { readResourceList, validateOverhead, validatePodResourceRequirements } from './resources.ts';
import { podHostUsers, validateHostUsers, validatePodSpecSecurityContext, validateWindowsHostProcessPod } from './security-context.ts';
import { validateTolerations } from './tolerations.ts';
import { validateTopologySpreadConstraints } from './topology-spread.ts';
import { visitContainersWithPath } from './visit-containers.ts';
import { validateVolumes } from './volumes.ts';

const MAX_INT32 = 2147483647;

/** validateRestartPolicy: undefaulted, an empty policy is Required. */
export function validateRestartPolicy(restartPolicy: string, fldPath: Path): ErrorList {
  switch (restartPolicy) {
    case 'Always':
    case 'OnFailure':
    case 'Never':
      return [];
    case '':
      return [required(fldPath, '')];
    default:
      return [notSupported(fldPath, restartPolicy, ['Always', 'OnFailure', 'Never'])];
  }
}

/** ValidatePreemptionPolicy */
export function validatePreemptionPolicy(policy: string, fldPath: Path): ErrorList {
  if (policy === 'PreemptLowerPriority' || policy === 'Never') return [];
  if (policy === '') return [required(fldPath, '')];
  return [notSupported(fldPath, policy, ['PreemptLowerPriority', 'Never'])];
}

/**
 * validatePodHostNetworkDeps: with hostNetwork, hostPort must equal
 * containerPort (in a template 0 is allowed: it is defaulted on the Pod).
 */
function validatePodHostNetworkDeps(spec: JsonObject, fldPath: Path, opts: PodValidationOptions): ErrorList {
  if (!asBool(spec.hostNetwork)) return [];
  const errs: ErrorList = [];
  asList(spec.containers).forEach((c, i) => {
    asList(asObject(c)?.ports).forEach((p, j) => {
      const port = asObject(p) ?? {};
      const hp = asInt(port.hostPort);
      const cp = asInt(port.containerPort);
      if ((opts.resourceIsPod || hp !== 0) && hp !== cp) {
        errs.push(invalid(fldPath.child('containers').index(i).child('ports').index(j).child('hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errs;
}

/** validateImagePullSecrets: only name may be set. */
function validateImagePullSecrets(secrets: JsonValue[], fldPath: Path): ErrorList {
  if (secrets.length === 0) return [];
  const errs: ErrorList = [];
  secrets.forEach((s, i) => {
    const ref = asObject(s) ?? {};
    if (Object.keys(ref).some((k) => k !== 'name' && ref[k] !== undefined && ref[k] !== null)) errs.push(invalid(fldPath.index(i), ref, 'only name may be set'));
  });
  return errs;
}

/** validateReadinessGates */
function validateReadinessGates(gates: JsonValue[], fldPath: Path): ErrorList {
  if (gates.length === 0) return [];
  const errs: ErrorList = [];
  gates.forEach((g, i) => {
    const type = asString(asObject(g)?.conditionType);
    for (const m of isQualifiedName(type)) errs.push(invalid(fldPath.index(i).child('conditionType'), type, m));
  });
  return errs;
}

/** validateSchedulingGates: qualified names, no duplicates. */
function validateSchedulingGates(gates: JsonValue[], fldPath: Path): ErrorList {
  // Nothing to check in an empty list: no set made (every Pod written comes through here).
  if (gates.length === 0) return [];
  const errs: ErrorList = [];
  const seen = new Set<string>();
  gates.forEach((g, i) => {
    const name = asString(asObject(g)?.name);
    for (const m of isQualifiedName(name)) errs.push(invalid(fldPath.index(i), name, m));
    if (seen.has(name)) errs.push(duplicate(fldPath.index(i), name));
    seen.add(name);
  });
  return errs;
}

const NO_CLAIMS: ReadonlySet<string> = new Set();

/** gatherPodResourceClaimNames */
function gatherPodResourceClaimNames(claims: JsonValue[]): ReadonlySet<string> {
  if (claims.length === 0) return NO_CLAIMS;
  const names = new Set<string>();
  for (const c of claims) {
    const name = asString(asObject(c)?.name);
    if (name !== '') names.add(name);
  }
  return names;
}

/** validatePodResourceClaims */
function validatePodResourceClaims(claims: JsonValue[], fldPath: Path): ErrorList {
  if (claims.length === 0) return [];
  const errs: ErrorList = [];
  const names = new Set<string>();
  claims.forEach((c, i) => {
    const claim = asObject(c) ?? {};
    const p = fldPath.index(i);
    const name = asString(claim.name);
    if (name === '') errs.push(required(p.child('name'), ''));
    else if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    else {
      for (const m of isDNS1123Label(name)) errs.push(invalid(p.child('name'), name, m));
      names.add(name);
    }
    const claimName = asOptionalString(claim.resourceClaimName);
    const templateName = asOptionalString(claim.resourceClaimTemplateName);
    if (claimName !== undefined && templateName !== undefined) errs.push(invalid(p, claim, 'at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified'));
    if (claimName === undefined && templateName === undefined) errs.push(invalid(p, claim, 'must specify one of: `resourceClaimName`, `resourceClaimTemplateName`'));
    if (claimName !== undefined) for (const m of nameIsDNSSubdomain(claimName, false)) errs.push(invalid(p.child('resourceClaimName'), claimName, m));
    if (templateName !== undefined) for (const m of nameIsDNSSubdomain(templateName, false)) errs.push(invalid(p.child('resourceClaimTemplateName'), templateName, m));
  });
  return errs;
}

function addTo(list: Map<string, Quantity>, other: ReadonlyMap<string, Quantity>): void {
  for (const [k, q] of other) {
    const cur = list.get(k);
    list.set(k, cur ? Quantity.of(cur.scaledValue(-9) + q.scaledValue(-9), -9, cur.format) : q);
  }
}
function maxInto(list: Map<string, Quantity>, other: ReadonlyMap<string, Quantity>): void {
  for (const [k, q] of other) {
    const cur = list.get(k);
    if (!cur || q.cmp(cur) > 0) list.set(k, q);
  }
}

/**
 * resourcehelper.AggregateContainerRequests: the sum of containers' and
 * sidecars' requests, or the largest init container step if larger.
 */
function aggregateContainerRequests(spec: JsonObject): Map<string, Quantity> {
  const reqs = new Map<string, Quantity>();
  for (const c of asList(spec.containers)) addTo(reqs, new Map(readResourceList(asObject(asObject(c)?.resources)?.requests)));
  const restartable = new Map<string, Quantity>();
  const initReqs = new Map<string, Quantity>();
  for (const c of asList(spec.initContainers)) {
    const ctr = asObject(c) ?? {};
    let ctrReqs = new Map(readResourceList(asObject(ctr.resources)?.requests));
    if (asString(ctr.restartPolicy) === 'Always') {
      addTo(reqs, ctrReqs);
      addTo(restartable, ctrReqs);
      ctrReqs = new Map(restartable);
    } else {
      const tmp = new Map<string, Quantity>();
      addTo(tmp, ctrReqs);
      addTo(tmp, restartable);
      ctrReqs = tmp;
    }
    maxInto(initReqs, ctrReqs);
  }
  maxInto(reqs, initReqs);
  return reqs;
}

/** validatePodResources (PodLevelResources, beta, on by default since v1.34). */
function validatePodResources(spec: JsonObject, podClaimNames: ReadonlySet<string>, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const resources = asObject(spec.resources);
  if (!resources) return [];
  const errs: ErrorList = [];
  if (resources.claims !== undefined && resources.claims !== null) errs.push(forbidden(fldPath.child('claims'), 'claims cannot be set for Resources at pod-level'));
  errs.push(...validatePodResourceRequirements(resources, podClaimNames, fldPath, opts));
  // validatePodResourceConsistency: pod requests ≥ the containers' aggregate, container limits ≤ pod limits.
  const podRequests = new Map(readResourceList(resources.requests));
  const podLimits = new Map(readResourceList(resources.limits));
  for (const [name, ctrReqs] of [...aggregateContainerRequests(spec)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const podReq = podRequests.get(name) ?? Quantity.fromInteger(0);
    if (ctrReqs.cmp(podReq) > 0) {
      errs.push(invalid(fldPath.child('requests').key(name), podReq.toString(), `must be greater than or equal to aggregate container requests of ${ctrReqs.toString()}`));
    }
  }
  asList(spec.containers).forEach((c, i) => {
    for (const [name, ctrLimit] of readResourceList(asObject(asObject(c)?.resources)?.limits)) {
      const podLimit = podLimits.get(name);
      if (podLimit && ctrLimit.cmp(podLimit) > 0) {
        errs.push(invalid(fldPath.child('containers').index(i).key(name).child('limits'), ctrLimit.toString(), `must be less than or equal to pod limits of ${podLimit.toString()}`));
      }
    }
  });
  return errs;
}

/** validateOS: linux or windows. */
function validateOS(os: JsonObject, fldPath: Path): ErrorList {
  const name = asString(os.name);
  if (name.length === 0) return [required(fldPath.child('name'), 'cannot be empty')];
  if (name !== 'linux' && name !== 'windows') return [notSupported(fldPath, name, ['linux', 'windows'])];
  return [];
}

/** validateLinux: no Windows options on a Linux Pod. */
function validateLinux(spec: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asObject(asObject(spec.securityContext)?.windowsOptions)) {
    errs.push(forbidden(fldPath.child('securityContext', 'windowsOptions'), 'windows options cannot be set for a linux pod'));
  }
  visitContainersWithPath(spec, fldPath, (c, cPath) => {
    if (asObject(asObject(c.securityContext)?.windowsOptions)) {
      errs.push(forbidden(cPath.child('securityContext', 'windowsOptions'), 'windows options cannot be set for a linux pod'));
    }
  });
  return errs;
}

/** validateWindows: no Linux-only security settings on a Windows Pod. */
function validateWindows(spec: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const msg = 'cannot be set for a windows pod';
  // The internal PodSecurityContext (always present after conversion) holds
  // v1's hostUsers, hostPID, hostIPC and shareProcessNamespace too.
  const sc = asObject(spec.securityContext) ?? {};
  const scPath = fldPath.child('securityContext');
  const set = (v: JsonValue | undefined) => v !== undefined && v !== null;
  if (set(sc.appArmorProfile)) errs.push(forbidden(scPath.child('appArmorProfile'), msg));
  if (set(sc.seLinuxOptions)) errs.push(forbidden(scPath.child('seLinuxOptions'), msg));
  if (set(spec.hostUsers)) errs.push(forbidden(fldPath.child('hostUsers'), msg));
  if (asBool(spec.hostPID)) errs.push(forbidden(fldPath.child('hostPID'), msg));
  if (asBool(spec.hostIPC)) errs.push(forbidden(fldPath.child('hostIPC'), msg));
  if (set(sc.seccompProfile)) errs.push(forbidden(scPath.child('seccompProfile'), msg));
  if (set(sc.fsGroup)) errs.push(forbidden(scPath.child('fsGroup'), msg));
  if (set(sc.fsGroupChangePolicy)) errs.push(forbidden(scPath.child('fsGroupChangePolicy'), msg));
  if (asList(sc.sysctls).length > 0) errs.push(forbidden(scPath.child('sysctls'), msg));
  if (set(spec.shareProcessNamespace)) errs.push(forbidden(fldPath.child('shareProcessNamespace'), msg));
  if (set(sc.runAsUser)) errs.push(forbidden(scPath.child('runAsUser'), msg));
  if (set(sc.runAsGroup)) errs.push(forbidden(scPath.child('runAsGroup'), msg));
  if (set(sc.supplementalGroups)) errs.push(forbidden(scPath.child('supplementalGroups'), msg));
  if (set(sc.supplementalGroupsPolicy)) errs.push(forbidden(scPath.child('supplementalGroupsPolicy'), msg));
  if (set(sc.seLinuxChangePolicy)) errs.push(forbidden(scPath.child('seLinuxChangePolicy'), msg));
  visitContainersWithPath(spec, fldPath, (c, cPath) => {
    const csc = asObject(c.securityContext);
    if (!csc) return;
    const p = cPath.child('securityContext');
    for (const field of ['appArmorProfile', 'seLinuxOptions', 'seccompProfile', 'capabilities', 'readOnlyRootFilesystem', 'privileged', 'allowPrivilegeEscalation', 'procMount', 'runAsUser', 'runAsGroup']) {
      if (csc[field] !== undefined && csc[field] !== null) errs.push(forbidden(p.child(field), msg));
    }
  });
  return errs;
}

/**
 * ValidatePodSpec. `podMeta` is the Pod's metadata (for ephemeral volumes'
 * claim names), undefined for a template.
 *
 * @example validatePodSpec({ containers: [{ name: 'app', image: 'nginx' }] }, undefined, Path.of('spec'), defaultPodValidationOptions())
 *   // spec.terminationGracePeriodSeconds, spec.containers[0].terminationMessagePolicy and .imagePullPolicy,
 *   // spec.restartPolicy and spec.dnsPolicy: Required value (the object is not defaulted)
 */
export function validatePodSpec(specIn: JsonObject | undefined, podMeta: JsonObject | undefined, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const spec = specIn ?? {};
  const errs: ErrorList = [];
  const gracePeriod = asOptionalInt(spec.terminationGracePeriodSeconds);
  if (gracePeriod === undefined) errs.push(required(fldPath.child('terminationGracePeriodSeconds'), ''));
  const hostUsers = podHostUsers(spec);
  const { volumes, errors } = validateVolumes(asList(spec.volumes), podMeta, fldPath.child('volumes'), opts);
  errs.push(...errors);
  const resourceClaims = asList(spec.resourceClaims);
  const podClaimNames = gatherPodResourceClaimNames(resourceClaims);
  errs.push(...validatePodResourceClaims(resourceClaims, fldPath.child('resourceClaims')));
  const restartPolicy = asString(spec.restartPolicy);
  const ctx: ContainerContext = { volumes, podClaimNames, gracePeriod, podRestartPolicy: restartPolicy, hostUsers, opts };
  const containers = asList(spec.containers);
  const initContainers = asList(spec.initContainers);
  errs.push(...validateContainers(containers, fldPath.child('containers'), ctx));
  errs.push(...validateInitContainers(initContainers, containers, fldPath.child('initContainers'), ctx));
  errs.push(...validateEphemeralContainers(asList(spec.ephemeralContainers), containers, initContainers, fldPath.child('ephemeralContainers'), ctx));
  if (opts.podLevelResourcesEnabled) errs.push(...validatePodResources(spec, podClaimNames, fldPath.child('resources'), opts));
  errs.push(...validatePodHostNetworkDeps(spec, fldPath, opts));
  errs.push(...validateRestartPolicy(restartPolicy, fldPath.child('restartPolicy')));
  errs.push(...validateDNSPolicy(asString(spec.dnsPolicy), fldPath.child('dnsPolicy')));
  errs.push(...validateLabels(asStringMap(spec.nodeSelector), fldPath.child('nodeSelector')));
  errs.push(...validatePodSpecSecurityContext(spec, fldPath.child('securityContext'), opts));
  errs.push(...validateImagePullSecrets(asList(spec.imagePullSecrets), fldPath.child('imagePullSecrets')));
  errs.push(...validateAffinity(asObject(spec.affinity), opts, fldPath.child('affinity')));
  errs.push(...validatePodDNSConfig(asObject(spec.dnsConfig), asString(spec.dnsPolicy), fldPath.child('dnsConfig'), opts));
  errs.push(...validateReadinessGates(asList(spec.readinessGates), fldPath.child('readinessGates')));
  errs.push(...validateSchedulingGates(asList(spec.schedulingGates), fldPath.child('schedulingGates')));
  errs.push(...validateTopologySpreadConstraints(asList(spec.topologySpreadConstraints), fldPath.child('topologySpreadConstraints'), opts));
  errs.push(...validateWindowsHostProcessPod(spec, fldPath));
  errs.push(...validateHostUsers(spec, fldPath));
  const serviceAccountName = asString(spec.serviceAccountName);
  if (serviceAccountName.length > 0) {
    for (const m of validateServiceAccountName(serviceAccountName, false)) errs.push(invalid(fldPath.child('serviceAccountName'), serviceAccountName, m));
  }
  const nodeName = asString(spec.nodeName);
  if (nodeName.length > 0) for (const m of nameIsDNSSubdomain(nodeName, false)) errs.push(invalid(fldPath.child('nodeName'), nodeName, m));
  const ads = asOptionalInt(spec.activeDeadlineSeconds);
  if (ads !== undefined && (ads < 1 || ads > MAX_INT32)) errs.push(invalid(fldPath.child('activeDeadlineSeconds'), ads, inclusiveRangeError(1, MAX_INT32)));
  for (const field of ['hostname', 'subdomain']) {
    const v = asString(spec[field]);
    if (v.length > 0) for (const m of isDNS1123Label(v)) errs.push(invalid(fldPath.child(field), v, m));
  }
  const tolerations = asList(spec.tolerations);
  if (tolerations.length > 0) errs.push(...validateTolerations(tolerations, fldPath.child('tolerations')));
  const hostAliases = asList(spec.hostAliases);
  if (hostAliases.length > 0) errs.push(...validateHostAliases(hostAliases, fldPath.child('hostAliases')));
  const priorityClassName = asString(spec.priorityClassName);
  if (priorityClassName.length > 0) {
    for (const m of nameIsDNSSubdomain(priorityClassName, false)) errs.push(invalid(fldPath.child('priorityClassName'), priorityClassName, m));
  }
  const runtimeClassName = asOptionalString(spec.runtimeClassName);
  if (runtimeClassName !== undefined) {
    for (const m of nameIsDNSSubdomain(runtimeClassName, false)) errs.push(invalid(fldPath.child('runtimeClassName'), runtimeClassName, m));
  }
  const preemptionPolicy = asOptionalString(spec.preemptionPolicy);
  if (preemptionPolicy !== undefined) errs.push(...validatePreemptionPolicy(preemptionPolicy, fldPath.child('preemptionPolicy')));
  if (asObject(spec.overhead)) errs.push(...validateOverhead(spec.overhead, fldPath.child('overhead'), opts));
  const os = asObject(spec.os);
  if (os) {
    const osErrs = validateOS(os, fldPath.child('os'));
    if (osErrs.length > 0) errs.push(...osErrs);
    else if (asString(os.name) === 'linux') errs.push(...validateLinux(spec, fldPath));
    else if (asString(os.name) === 'windows') errs.push(...validateWindows(spec, fldPath));
  }
  return errs;
}
