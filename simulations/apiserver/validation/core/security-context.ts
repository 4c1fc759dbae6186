// Pod and container security contexts: user and group IDs, sysctls,
// seccomp and AppArmor profiles, Windows options, procMount, SELinux change
// policy, host namespaces with user namespaces, Windows HostProcess pods.
// src: pkg/apis/core/validation/validation.go (validatePodSpecSecurityContext,
// ValidateSecurityContext, validateSeccompProfileField, validateSeccompProfileType,
// ValidateAppArmorProfileField, validateSysctls, IsValidSysctlName, ValidateHostSysctl,
// validateFSGroupChangePolicy, validateSupplementalGroupsPolicy, validateSELinuxChangePolicy,
// validateWindowsSecurityContextOptions, ValidateProcMountType, validateHostUsers,
// validateWindowsHostProcessPod), component-helpers/node/util/sysctl (GetNamespace)

import { duplicate, forbidden, invalid, notSupported, required, tooLong, type ErrorList, type FieldErr } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asBool, asList, asObject, asOptionalBool, asOptionalInt, asOptionalString, asString, type JsonObject } from '../../../apimachinery/json.ts';
import { validateLocalDescendingPath } from './local-paths.ts';
import { byteLength, isDNS1123Subdomain, isValidGroupID, isValidUserID } from './pending-apimachinery.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';
import { visitContainersWithPath } from './visit-containers.ts';

/** validateSeccompProfileType */
function validateSeccompProfileType(fldPath: Path, type: string): FieldErr | undefined {
  switch (type) {
    case 'Localhost':
    case 'RuntimeDefault':
    case 'Unconfined':
      return undefined;
    case '':
      return required(fldPath, 'type is required when seccompProfile is set');
    default:
      return notSupported(fldPath, type, ['Localhost', 'RuntimeDefault', 'Unconfined']);
  }
}

/** validateSeccompProfileField */
export function validateSeccompProfileField(sp: JsonObject | undefined, fldPath: Path): ErrorList {
  if (!sp) return [];
  const errs: ErrorList = [];
  const type = asString(sp.type);
  const e = validateSeccompProfileType(fldPath.child('type'), type);
  if (e) errs.push(e);
  const localhost = asOptionalString(sp.localhostProfile);
  if (type === 'Localhost') {
    if (localhost === undefined) errs.push(required(fldPath.child('localhostProfile'), 'must be set when seccomp type is Localhost'));
    else errs.push(...validateLocalDescendingPath(localhost, fldPath.child('localhostProfile')));
  } else if (localhost !== undefined) {
    errs.push(invalid(fldPath.child('localhostProfile'), sp, 'can only be set when seccomp type is Localhost'));
  }
  return errs;
}

/** ValidateAppArmorProfileField */
export function validateAppArmorProfileField(profile: JsonObject | undefined, fldPath: Path): ErrorList {
  if (!profile) return [];
  const errs: ErrorList = [];
  const localhost = asOptionalString(profile.localhostProfile);
  switch (asString(profile.type)) {
    case 'Localhost':
      if (localhost === undefined) {
        errs.push(required(fldPath.child('localhostProfile'), 'must be set when AppArmor type is Localhost'));
      } else {
        const trimmed = localhost.trim();
        if (trimmed !== localhost) errs.push(invalid(fldPath.child('localhostProfile'), localhost, 'must not be padded with whitespace'));
        else if (trimmed === '') errs.push(required(fldPath.child('localhostProfile'), 'must be set when AppArmor type is Localhost'));
        if (byteLength(localhost) > 4095) errs.push(tooLong(fldPath.child('localhostProfile'), 4095));
      }
      break;
    case 'RuntimeDefault':
    case 'Unconfined':
      if (localhost !== undefined) errs.push(invalid(fldPath.child('localhostProfile'), localhost, 'can only be set when AppArmor type is Localhost'));
      break;
    case '':
      errs.push(required(fldPath.child('type'), 'type is required when appArmorProfile is set'));
      break;
    default:
      errs.push(notSupported(fldPath.child('type'), asString(profile.type), ['Localhost', 'RuntimeDefault', 'Unconfined']));
  }
  return errs;
}

const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_FMT = `(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}`;
const SYSCTL_RE = new RegExp(`^${SYSCTL_FMT}$`);

/** IsValidSysctlName */
export function isValidSysctlName(name: string): boolean {
  return byteLength(name) <= 253 && SYSCTL_RE.test(name);
}

/** utilsysctl.GetNamespace: which namespace a namespaced sysctl belongs to. */
function sysctlNamespace(sysctl: string): 'ipc' | 'net' | 'uts' | '' {
  const s = sysctl.replaceAll('/', '.');
  if (s === 'kernel.shm_rmid_forced' || s.startsWith('kernel.shm') || s.startsWith('kernel.msg') || s.startsWith('kernel.sem') || s.startsWith('fs.mqueue.')) {
    return 'ipc';
  }
  if (s.startsWith('net.')) return 'net';
  if (s === 'kernel.hostname' || s === 'kernel.domainname') return 'uts';
  return '';
}

/** ValidateHostSysctl: namespaced sysctls cannot apply to a Pod sharing that namespace with the host. */
export function validateHostSysctl(sysctl: string, spec: JsonObject, fldPath: Path): FieldErr | undefined {
  const ns = sysctlNamespace(sysctl);
  if (asBool(spec.hostNetwork) && ns === 'net') return invalid(fldPath, sysctl, "may not be specified when 'hostNetwork' is true");
  if (asBool(spec.hostIPC) && ns === 'ipc') return invalid(fldPath, sysctl, "may not be specified when 'hostIPC' is true");
  return undefined;
}

function validateSysctls(sc: JsonObject, spec: JsonObject, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const names = new Set<string>();
  asList(sc.sysctls).forEach((s, i) => {
    const name = asString(asObject(s)?.name);
    const namePath = fldPath.index(i).child('name');
    if (name.length === 0) errs.push(required(namePath, ''));
    else if (!isValidSysctlName(name)) errs.push(invalid(namePath, name, `must have at most 253 characters and match regex ^${SYSCTL_FMT}$`));
    else if (names.has(name)) errs.push(duplicate(namePath, name));
    if (!opts.allowNamespacedSysctlsForHostNetAndHostIPC) {
      const e = validateHostSysctl(name, spec, namePath);
      if (e) errs.push(e);
    }
    names.add(name);
  });
  return errs;
}

const CTRL = /[\u0000-\u001f\u007f]/;
const NETBIOS = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
const WINDOWS_DOMAIN_DNS = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);

/** validateWindowsSecurityContextOptions */
export function validateWindowsSecurityContextOptions(w: JsonObject | undefined, fldPath: Path): ErrorList {
  if (!w) return [];
  const errs: ErrorList = [];
  const credName = asOptionalString(w.gmsaCredentialSpecName);
  if (credName !== undefined) for (const m of isDNS1123Subdomain(credName)) errs.push(invalid(fldPath.child('gmsaCredentialSpecName'), credName, m));
  const cred = asOptionalString(w.gmsaCredentialSpec);
  if (cred !== undefined) {
    if (cred.length === 0) errs.push(invalid(fldPath.child('gmsaCredentialSpec'), cred, 'gmsaCredentialSpec cannot be an empty string'));
    else if (byteLength(cred) > 64 * 1024) errs.push(invalid(fldPath.child('gmsaCredentialSpec'), cred, 'gmsaCredentialSpec size must be under 64 KiB'));
  }
  const user = asOptionalString(w.runAsUserName);
  if (user !== undefined) {
    const p = fldPath.child('runAsUserName');
    const parts = user.split('\\');
    if (user.length === 0) errs.push(invalid(p, user, 'runAsUserName cannot be an empty string'));
    else if (CTRL.test(user)) errs.push(invalid(p, user, 'runAsUserName cannot contain control characters'));
    else if (parts.length > 2) errs.push(invalid(p, user, 'runAsUserName cannot contain more than one backslash'));
    else {
      const hasDomain = parts.length === 2;
      const domain = hasDomain ? parts[0] : '';
      const name = hasDomain ? parts[1] : parts[0];
      if (byteLength(domain) >= 256) errs.push(invalid(p, user, "runAsUserName's Domain length must be under 256 characters"));
      if (hasDomain && !(NETBIOS.test(domain) || WINDOWS_DOMAIN_DNS.test(domain))) {
        errs.push(invalid(p, user, "runAsUserName's Domain doesn't match the NetBios nor the DNS format"));
      }
      if (name.length === 0) errs.push(invalid(p, user, "runAsUserName's User cannot be empty"));
      else if (byteLength(name) > 104) errs.push(invalid(p, user, "runAsUserName's User length must not be longer than 104 characters"));
      if (/^[. ]+$/.test(name)) errs.push(invalid(p, user, "runAsUserName's User cannot contain only periods or spaces"));
      if (/["/\\:;|=,+*?<>@[\]]/.test(name)) errs.push(invalid(p, user, `runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`));
    }
  }
  return errs;
}

/**
 * validatePodSpecSecurityContext. The internal PodSecurityContext also holds
 * v1's spec.hostNetwork, hostPID, hostIPC, shareProcessNamespace and
 * hostUsers, and conversion always creates it, so this always runs.
 */
export function validatePodSpecSecurityContext(spec: JsonObject, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const sc = asObject(spec.securityContext) ?? {};
  const errs: ErrorList = [];
  const fsGroup = asOptionalInt(sc.fsGroup);
  if (fsGroup !== undefined) for (const m of isValidGroupID(fsGroup)) errs.push(invalid(fldPath.child('fsGroup'), fsGroup, m));
  const runAsUser = asOptionalInt(sc.runAsUser);
  if (runAsUser !== undefined) for (const m of isValidUserID(runAsUser)) errs.push(invalid(fldPath.child('runAsUser'), runAsUser, m));
  const runAsGroup = asOptionalInt(sc.runAsGroup);
  if (runAsGroup !== undefined) for (const m of isValidGroupID(runAsGroup)) errs.push(invalid(fldPath.child('runAsGroup'), runAsGroup, m));
  asList(sc.supplementalGroups).forEach((g, i) => {
    const gid = typeof g === 'number' ? g : 0;
    for (const m of isValidGroupID(gid)) errs.push(invalid(fldPath.child('supplementalGroups').index(i), gid, m));
  });
  const share = asOptionalBool(spec.shareProcessNamespace);
  if (share !== undefined && asBool(spec.hostPID) && share) {
    errs.push(invalid(fldPath.child('shareProcessNamespace'), share, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  if (asList(sc.sysctls).length !== 0) errs.push(...validateSysctls(sc, spec, fldPath.child('sysctls'), opts));
  const fsGroupChangePolicy = asOptionalString(sc.fsGroupChangePolicy);
  if (fsGroupChangePolicy !== undefined && fsGroupChangePolicy !== 'OnRootMismatch' && fsGroupChangePolicy !== 'Always') {
    errs.push(notSupported(fldPath.child('fsGroupChangePolicy'), fsGroupChangePolicy, ['Always', 'OnRootMismatch']));
  }
  errs.push(...validateSeccompProfileField(asObject(sc.seccompProfile), fldPath.child('seccompProfile')));
  errs.push(...validateWindowsSecurityContextOptions(asObject(sc.windowsOptions), fldPath.child('windowsOptions')));
  errs.push(...validateAppArmorProfileField(asObject(sc.appArmorProfile), fldPath.child('appArmorProfile')));
  const sgp = asOptionalString(sc.supplementalGroupsPolicy);
  if (sgp !== undefined && sgp !== 'Merge' && sgp !== 'Strict') errs.push(notSupported(fldPath.child('supplementalGroupsPolicy'), sgp, ['Merge', 'Strict']));
  const selinux = asOptionalString(sc.seLinuxChangePolicy);
  if (selinux !== undefined) {
    if (opts.allowOnlyRecursiveSELinuxChangePolicy) {
      if (selinux !== 'Recursive') errs.push(notSupported(fldPath.child('seLinuxChangePolicy'), selinux, ['Recursive']));
    } else if (selinux !== 'Recursive' && selinux !== 'MountOption') {
      errs.push(notSupported(fldPath.child('seLinuxChangePolicy'), selinux, ['MountOption', 'Recursive']));
    }
  }
  return errs;
}

/**
 * ValidateSecurityContext (a container's). `privileged: true` is allowed:
 * kube-apiserver's --allow-privileged defaults to true in kubeadm clusters
 * (capabilities.Get().AllowPrivileged).
 */
export function validateSecurityContext(sc: JsonObject | undefined, fldPath: Path, hostUsers: boolean): ErrorList {
  if (!sc) return [];
  const errs: ErrorList = [];
  const runAsUser = asOptionalInt(sc.runAsUser);
  if (runAsUser !== undefined) for (const m of isValidUserID(runAsUser)) errs.push(invalid(fldPath.child('runAsUser'), runAsUser, m));
  const runAsGroup = asOptionalInt(sc.runAsGroup);
  if (runAsGroup !== undefined) for (const m of isValidGroupID(runAsGroup)) errs.push(invalid(fldPath.child('runAsGroup'), runAsGroup, m));
  const procMount = asOptionalString(sc.procMount);
  if (procMount !== undefined) {
    if (procMount !== 'Default' && procMount !== 'Unmasked') errs.push(notSupported(fldPath.child('procMount'), procMount, ['Default', 'Unmasked']));
    if (hostUsers && procMount === 'Unmasked') errs.push(invalid(fldPath.child('procMount'), procMount, '`hostUsers` must be false to use `Unmasked`'));
  }
  errs.push(...validateSeccompProfileField(asObject(sc.seccompProfile), fldPath.child('seccompProfile')));
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) errs.push(invalid(fldPath, sc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    for (const cap of asList(asObject(sc.capabilities)?.add)) {
      if (cap === 'CAP_SYS_ADMIN') errs.push(invalid(fldPath, sc, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
    }
  }
  errs.push(...validateWindowsSecurityContextOptions(asObject(sc.windowsOptions), fldPath.child('windowsOptions')));
  errs.push(...validateAppArmorProfileField(asObject(sc.appArmorProfile), fldPath.child('appArmorProfile')));
  return errs;
}

/** hostUsers (spec.hostUsers in v1) defaults to true: only an explicit false means a user namespace. */
export function podHostUsers(spec: JsonObject): boolean {
  return spec.hostUsers !== false;
}

/** validateHostUsers: a user-namespaced Pod may not share the host's network, PID or IPC namespace. */
export function validateHostUsers(spec: JsonObject, fldPath: Path): ErrorList {
  if (podHostUsers(spec)) return [];
  const errs: ErrorList = [];
  if (asBool(spec.hostNetwork)) errs.push(forbidden(fldPath.child('hostNetwork'), 'when `pod.Spec.HostUsers` is false'));
  // Upstream's paths really are "HostPID" and "HostIPC" here.
  if (asBool(spec.hostPID)) errs.push(forbidden(fldPath.child('HostPID'), 'when `pod.Spec.HostUsers` is false'));
  if (asBool(spec.hostIPC)) errs.push(forbidden(fldPath.child('HostIPC'), 'when `pod.Spec.HostUsers` is false'));
  return errs;
}

/** validateWindowsHostProcessPod: all containers or none are HostProcess, with hostNetwork. */
export function validateWindowsHostProcessPod(spec: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  let containerCount = 0;
  let hostProcessCount = 0;
  const podHostProcess = asOptionalBool(asObject(asObject(spec.securityContext)?.windowsOptions)?.hostProcess);
  const hostNetwork = asBool(spec.hostNetwork);
  visitContainersWithPath(spec, fldPath, (c, cPath) => {
    containerCount++;
    const ctrHostProcess = asOptionalBool(asObject(asObject(c.securityContext)?.windowsOptions)?.hostProcess);
    if (podHostProcess !== undefined && ctrHostProcess !== undefined && podHostProcess !== ctrHostProcess) {
      errs.push(
        invalid(cPath.child('securityContext', 'windowsOptions', 'hostProcess'), ctrHostProcess, `pod hostProcess value must be identical if both are specified, was ${podHostProcess}`),
      );
    }
    if (ctrHostProcess === true || (ctrHostProcess === undefined && podHostProcess === true)) hostProcessCount++;
  });
  if (hostProcessCount > 0) {
    if (hostProcessCount !== containerCount) errs.push(invalid(fldPath, '', 'If pod contains any hostProcess containers then all containers must be HostProcess containers'));
    if (!hostNetwork) errs.push(invalid(fldPath.child('hostNetwork'), hostNetwork, 'hostNetwork must be true if pod contains any hostProcess containers'));
    // capabilities.Get().AllowPrivileged is true (the default), so no "disallowed by cluster policy".
  }
  return errs;
}
