// ValidatePodStatusUpdate: what a status writer (the kubelet, the scheduler)
// may change: not nodeName, not qosClass, no terminated container coming back
// when the Pod would not restart it; valid IPs and conditions.
// src: pkg/apis/core/validation/validation.go (ValidatePodStatusUpdate, validatePodConditions,
// ValidateContainerStateTransition, ValidateInitContainerStateTransition, validatePodIPs,
// validateHostIPs, validatePodResourceClaimStatuses, validateContainerStatusUsers,
// validateLinuxContainerUser)

import { duplicate, forbidden, invalid, type ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asList, asObject, asOptionalString, asString, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { validateCoreObjectMetaUpdate } from './object-meta.ts';
import { validatePodSpecificAnnotationUpdates } from './pod-annotations.ts';
import { podOptions } from './pod-metadata-and-spec.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';
import { FIELD_IMMUTABLE_ERROR_MSG, isIPv6String, isQualifiedName, isValidGroupID, isValidIPForLegacyField, isValidUserID, nameIsDNSSubdomain } from './pending-apimachinery.ts';

/** validatePodConditions: custom condition types are qualified names. */
function validatePodConditions(conditions: JsonValue[], fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  conditions.forEach((c, i) => {
    const type = asString(asObject(c)?.type);
    if (type === 'PodScheduled' || type === 'Ready' || type === 'Initialized') return;
    // Upstream's path segment is "Type".
    for (const m of isQualifiedName(type)) errs.push(invalid(fldPath.index(i).child('Type'), type, m));
  });
  return errs;
}

function terminated(status: JsonObject): JsonObject | undefined {
  return asObject(asObject(status.state)?.terminated);
}

/** ValidateContainerStateTransition: with Never (or OnFailure after exit 0), terminated stays terminated. */
function validateContainerStateTransition(newStatuses: JsonValue[], oldStatuses: JsonValue[], fldPath: Path, restartPolicy: string, restartable: (name: string) => boolean = () => false): ErrorList {
  if (restartPolicy === 'Always') return [];
  const errs: ErrorList = [];
  oldStatuses.forEach((o, i) => {
    const old = asObject(o) ?? {};
    const term = terminated(old);
    if (!term) return;
    if (asInt(term.exitCode) !== 0 && restartPolicy === 'OnFailure') return;
    const name = asString(old.name);
    if (restartable(name)) return;
    for (const n of newStatuses) {
      const ns = asObject(n) ?? {};
      if (asString(ns.name) === name && !terminated(ns)) errs.push(forbidden(fldPath.index(i).child('state'), 'may not be transitioned to non-terminated state'));
    }
  });
  return errs;
}

/** IsDualStackIPStrings: one IPv4 and one IPv6 address. */
function isDualStack(ips: string[]): boolean {
  const v6 = ips.filter(isIPv6String).length;
  return v6 > 0 && v6 < ips.length;
}

/** IsValidIPForLegacyField, non-strict (StrictIPCIDRValidation is off in v1.36). */
function validLegacyIP(fldPath: Path, value: string): ErrorList {
  return isValidIPForLegacyField(fldPath, value, false);
}

/** validatePodIPs / validateHostIPs (which check duplicates before dual-stack). */
function validateIPList(list: JsonValue[], fldPath: Path, duplicatesFirst: boolean): ErrorList {
  const errs: ErrorList = [];
  const ips = list.map((x) => asString(asObject(x)?.ip));
  ips.forEach((ip, i) => errs.push(...validLegacyIP(fldPath.index(i), ip)));
  if (ips.length > 1) {
    const family: ErrorList = !isDualStack(ips) || ips.length > 2 ? [invalid(fldPath, list, 'may specify no more than one IP for each IP family')] : [];
    const dups: ErrorList = [];
    const seen = new Set<string>();
    ips.forEach((ip, i) => {
      if (seen.has(ip)) dups.push(duplicate(fldPath.index(i), list[i]));
      seen.add(ip);
    });
    errs.push(...(duplicatesFirst ? [...dups, ...family] : [...family, ...dups]));
  }
  return errs;
}

function validateContainerStatusUsers(statuses: JsonValue[], fldPath: Path, osName: string): ErrorList {
  const errs: ErrorList = [];
  statuses.forEach((s, i) => {
    const user = asObject(asObject(s)?.user);
    if (!user) return;
    const linux = asObject(user.linux);
    const p = fldPath.index(i).child('linux');
    if (osName === 'windows') {
      if (linux) errs.push(forbidden(p, 'cannot be set for a windows pod'));
      return;
    }
    if (osName !== 'linux' || !linux) return;
    const uid = asInt(linux.uid);
    const gid = asInt(linux.gid);
    for (const m of isValidUserID(uid)) errs.push(invalid(p.child('uid'), uid, m));
    for (const m of isValidGroupID(gid)) errs.push(invalid(p.child('gid'), gid, m));
    asList(linux.supplementalGroups).forEach((g, j) => {
      const n = typeof g === 'number' ? g : 0;
      for (const m of isValidGroupID(n)) errs.push(invalid(p.child('supplementalGroups').index(j), n, m));
    });
  });
  return errs;
}

/**
 * ValidatePodStatusUpdate, with the options podStatusStrategy passes. Not
 * ported: allocatedResourcesStatus checks.
 */
export function validatePodStatusUpdate(newPod: JsonObject, oldPod: JsonObject, opts: PodValidationOptions = podOptions()): ErrorList {
  const metaPath = Path.of('metadata');
  const errs = validateCoreObjectMetaUpdate(asObject(newPod.metadata), asObject(oldPod.metadata), metaPath);
  errs.push(...validatePodSpecificAnnotationUpdates(newPod, oldPod, metaPath.child('annotations'), opts));
  const newStatus = asObject(newPod.status) ?? {};
  const oldStatus = asObject(oldPod.status) ?? {};
  const newSpec = asObject(newPod.spec) ?? {};
  const oldSpec = asObject(oldPod.spec) ?? {};
  // Upstream reports conditions under metadata (the path it has at hand).
  errs.push(...validatePodConditions(asList(newStatus.conditions), metaPath.child('conditions')));
  const statusPath = Path.of('status');
  if (asString(newSpec.nodeName) !== asString(oldSpec.nodeName)) errs.push(forbidden(statusPath.child('nodeName'), 'may not be changed directly'));
  const nominated = asString(newStatus.nominatedNodeName);
  if (nominated !== asString(oldStatus.nominatedNodeName) && nominated.length > 0) {
    for (const m of nameIsDNSSubdomain(nominated, false)) errs.push(invalid(statusPath.child('nominatedNodeName'), nominated, m));
  }
  if (asString(newStatus.qosClass) !== asString(oldStatus.qosClass)) errs.push(invalid(statusPath.child('qosClass'), asString(newStatus.qosClass), FIELD_IMMUTABLE_ERROR_MSG));
  const oldRestart = asString(oldSpec.restartPolicy);
  errs.push(...validateContainerStateTransition(asList(newStatus.containerStatuses), asList(oldStatus.containerStatuses), statusPath.child('containerStatuses'), oldRestart));
  const sidecars = new Set(asList(oldSpec.initContainers).map((c) => asObject(c) ?? {}).filter((c) => asOptionalString(c.restartPolicy) === 'Always').map((c) => asString(c.name)));
  errs.push(
    ...validateContainerStateTransition(asList(newStatus.initContainerStatuses), asList(oldStatus.initContainerStatuses), statusPath.child('initContainerStatuses'), oldRestart, (n) => sidecars.has(n)),
  );
  // The kubelet never restarts ephemeral containers: an implicit Never.
  errs.push(...validateContainerStateTransition(asList(newStatus.ephemeralContainerStatuses), asList(oldStatus.ephemeralContainerStatuses), statusPath.child('ephemeralContainerStatuses'), 'Never'));
  const claimNames = new Set(asList(newSpec.resourceClaims).map((c) => asString(asObject(c)?.name)));
  const seenClaims = new Set<string>();
  asList(newStatus.resourceClaimStatuses).forEach((s, i) => {
    const st = asObject(s) ?? {};
    const name = asString(st.name);
    const p = statusPath.child('resourceClaimStatuses').index(i);
    if (!claimNames.has(name)) errs.push(invalid(p.child('name'), name, 'must match the name of an entry in `spec.resourceClaims`'));
    if (seenClaims.has(name)) errs.push(duplicate(p.child('name'), name));
    else seenClaims.add(name);
    const rcName = asOptionalString(st.resourceClaimName);
    if (rcName !== undefined) for (const m of nameIsDNSSubdomain(rcName, false)) errs.push(invalid(p.child('name'), rcName, m));
  });
  errs.push(...validateIPList(asList(newStatus.podIPs), statusPath.child('podIPs'), false));
  const hostIPs = asList(newStatus.hostIPs);
  if (hostIPs.length > 0) {
    const first = asString(asObject(hostIPs[0])?.ip);
    if (asString(newStatus.hostIP) !== first) errs.push(invalid(statusPath.child('hostIPs').index(0).child('ip'), first, 'must be equal to `hostIP`'));
    errs.push(...validateIPList(hostIPs, statusPath.child('hostIPs'), true));
  }
  const osName = asString(asObject(newSpec.os)?.name) || 'linux';
  for (const field of ['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses']) {
    errs.push(...validateContainerStatusUsers(asList(newStatus[field]), statusPath.child(field), osName));
  }
  return errs;
}
