// Every Pod Security check, each with the policy versions it applies from.
// Upstream: staging/src/k8s.io/pod-security-admission/policy/check_*.go at v0.36.2
// (Kubernetes v1.36); each function below names the Go function it mirrors.
// ForbiddenReason and ForbiddenDetail are worded exactly as upstream words them.

import { containersOf, isFalse, isTrue, isWindowsPod, joinQuote, list, obj, pluralize, relaxPolicyForUserNamespacePod, securityContext, sortedSet, str } from './helpers.ts';
import type { Obj } from './helpers.ts';
import { goQuote } from '../apimachinery/go-strconv.ts';

export interface CheckResult {
  allowed: boolean;
  forbiddenReason?: string;
  forbiddenDetail?: string;
}
export type CheckPodFn = (meta: Obj, spec: Obj) => CheckResult;
export interface VersionedCheck {
  /** The first policy minor version (1.x) this revision applies to. */
  minimumVersion: number;
  checkPod: CheckPodFn;
  /** Baseline checks this (restricted) check replaces. */
  overrideCheckIDs?: string[];
  /** The Go function, for the trace. */
  fn: string;
}
export interface Check {
  id: string;
  level: 'baseline' | 'restricted';
  versions: VersionedCheck[];
  /** The upstream file. */
  source: string;
}

const ALLOWED: CheckResult = { allowed: true };
const forbid = (reason: string, detail: string): CheckResult => ({ allowed: false, forbiddenReason: reason, forbiddenDetail: detail });
const containerList = (names: string[]) => `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;

// check_privileged.go privileged_1_0
function privileged_1_0(_m: Obj, spec: Obj): CheckResult {
  const bad = containersOf(spec).filter((c) => isTrue(securityContext(c)?.privileged)).map((c) => str(c.name));
  if (bad.length) return forbid('privileged', `${containerList(bad)} must not set securityContext.privileged=true`);
  return ALLOWED;
}

// check_hostNamespaces.go hostNamespaces_1_0
function hostNamespaces_1_0(_m: Obj, spec: Obj): CheckResult {
  const ns: string[] = [];
  if (isTrue(spec.hostNetwork)) ns.push('hostNetwork=true');
  if (isTrue(spec.hostPID)) ns.push('hostPID=true');
  if (isTrue(spec.hostIPC)) ns.push('hostIPC=true');
  if (ns.length) return forbid('host namespaces', ns.join(', '));
  return ALLOWED;
}

// check_hostPathVolumes.go hostPathVolumes_1_0
function hostPathVolumes_1_0(_m: Obj, spec: Obj): CheckResult {
  const bad = list(spec.volumes).filter((v) => obj(v.hostPath) !== undefined).map((v) => str(v.name));
  if (bad.length) return forbid('hostPath volumes', `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)}`);
  return ALLOWED;
}

// check_hostPorts.go hostPorts_1_0
function hostPorts_1_0(_m: Obj, spec: Obj): CheckResult {
  const bad: string[] = [];
  const ports: string[] = [];
  for (const c of containersOf(spec)) {
    let valid = true;
    for (const p of list(c.ports)) {
      const hp = typeof p.hostPort === 'number' ? p.hostPort : 0;
      if (hp !== 0) { valid = false; ports.push(String(hp)); }
    }
    if (!valid) bad.push(str(c.name));
  }
  if (bad.length) {
    const set = sortedSet(ports); // sets.NewString: sorted as strings ("10" < "9")
    return forbid('hostPort', `${containerList(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', set.length)} ${set.join(', ')}`);
  }
  return ALLOWED;
}

// check_capabilities_baseline.go capabilitiesBaseline_1_0
const CAPABILITIES_ALLOWED_1_0 = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
function capabilitiesBaseline_1_0(_m: Obj, spec: Obj): CheckResult {
  const bad: string[] = [];
  const caps: string[] = [];
  for (const c of containersOf(spec)) {
    const capabilities = obj(securityContext(c)?.capabilities);
    if (!capabilities) continue;
    let valid = true;
    for (const cap of list2(capabilities.add)) if (!CAPABILITIES_ALLOWED_1_0.has(cap)) { valid = false; caps.push(cap); }
    if (!valid) bad.push(str(c.name));
  }
  if (bad.length) return forbid('non-default capabilities', `${containerList(bad)} must not include ${joinQuote(sortedSet(caps))} in securityContext.capabilities.add`);
  return ALLOWED;
}
function list2(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : [];
}

// check_appArmorProfile.go appArmorProfile_1_0
const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const allowedAnnotationValue = (p: string) => p.length === 0 || p === 'runtime/default' || p.startsWith('localhost/');
const allowedProfileType = (t: string) => t === 'RuntimeDefault' || t === 'Localhost';
function appArmorProfile_1_0(meta: Obj, spec: Obj): CheckResult {
  const badSetters: string[] = [];
  const badValues: string[] = [];
  const podProfile = obj(obj(spec.securityContext)?.appArmorProfile);
  if (podProfile && !allowedProfileType(str(podProfile.type))) { badSetters.push('pod'); badValues.push(str(podProfile.type)); }
  const badContainers: string[] = [];
  for (const c of containersOf(spec)) {
    const p = obj(securityContext(c)?.appArmorProfile);
    if (p && !allowedProfileType(str(p.type))) { badContainers.push(str(c.name)); badValues.push(str(p.type)); }
  }
  if (badContainers.length) badSetters.push(containerList(badContainers));
  const forbiddenAnnotations: string[] = [];
  const annotations = obj(meta.annotations) ?? {};
  for (const k of Object.keys(annotations)) {
    const v = str(annotations[k]);
    if (k.startsWith(APPARMOR_ANNOTATION_PREFIX) && !allowedAnnotationValue(v)) forbiddenAnnotations.push(`${k}=${goQuote(v)}`);
  }
  const badValueList = sortedSet(badValues);
  if (forbiddenAnnotations.length) {
    badValueList.push(...sortedSet(forbiddenAnnotations));
    badSetters.push(pluralize('annotation', 'annotations', forbiddenAnnotations.length));
  }
  if (badSetters.length) {
    return forbid(pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', badValueList.length), `${badSetters.join(' and ')} must not set AppArmor profile type to ${joinQuote(badValueList)}`);
  }
  return ALLOWED;
}

// check_hostProbesAndhostLifecycle.go hostProbesAndHostLifecycleV1Dot34
function forbiddenHosts(handler: Obj | undefined): string[] {
  if (!handler) return [];
  const out: string[] = [];
  const http = obj(handler.httpGet);
  if (http && str(http.host) !== '') out.push(str(http.host));
  const tcp = obj(handler.tcpSocket);
  if (tcp && str(tcp.host) !== '') out.push(str(tcp.host));
  return out;
}
function hostProbesAndHostLifecycleV1Dot34(_m: Obj, spec: Obj): CheckResult {
  const bad = new Set<string>();
  const hosts = new Set<string>();
  for (const c of containersOf(spec)) {
    const lifecycle = obj(c.lifecycle);
    for (const h of [obj(c.livenessProbe), obj(c.readinessProbe), obj(c.startupProbe), obj(lifecycle?.postStart), obj(lifecycle?.preStop)]) {
      const found = forbiddenHosts(h);
      if (found.length) { bad.add(str(c.name)); found.forEach((x) => hosts.add(x)); }
    }
  }
  if (bad.size) {
    const names = sortedSet(bad);
    return forbid('probe or lifecycle host', `${containerList(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', hosts.size)} ${joinQuote(sortedSet(hosts))}`);
  }
  return ALLOWED;
}

// check_procMount_baseline.go procMount_1_0 (also the restricted check's function)
function procMount_1_0(_m: Obj, spec: Obj): CheckResult {
  const bad: string[] = [];
  const types: string[] = [];
  for (const c of containersOf(spec)) {
    const pm = securityContext(c)?.procMount;
    if (typeof pm !== 'string') continue;
    if (pm !== 'Default') { bad.push(str(c.name)); types.push(pm); }
  }
  if (bad.length) return forbid('procMount', `${containerList(bad)} must not set securityContext.procMount to ${joinQuote(sortedSet(types))}`);
  return ALLOWED;
}
// procMount1_35baseline
function procMount1_35baseline(m: Obj, spec: Obj): CheckResult {
  if (relaxPolicyForUserNamespacePod(spec)) return ALLOWED;
  return procMount_1_0(m, spec);
}

// check_seLinuxOptions.go seLinuxOptions1_0 / seLinuxOptions1_31
const SELINUX_1_0 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const SELINUX_1_31 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
function seLinuxOptions(spec: Obj, allowedTypes: Set<string>): CheckResult {
  const badSetters: string[] = [];
  const badTypes: string[] = [];
  let setUser = false;
  let setRole = false;
  const valid = (opts: Obj) => {
    let ok = true;
    const t = str(opts.type);
    if (!allowedTypes.has(t)) { ok = false; badTypes.push(t); }
    if (str(opts.user).length > 0) { ok = false; setUser = true; }
    if (str(opts.role).length > 0) { ok = false; setRole = true; }
    return ok;
  };
  const podOpts = obj(obj(spec.securityContext)?.seLinuxOptions);
  if (podOpts && !valid(podOpts)) badSetters.push('pod');
  const badContainers: string[] = [];
  for (const c of containersOf(spec)) {
    const o = obj(securityContext(c)?.seLinuxOptions);
    if (o && !valid(o)) badContainers.push(str(c.name));
  }
  if (badContainers.length) badSetters.push(containerList(badContainers));
  if (badSetters.length) {
    const badData: string[] = [];
    const types = sortedSet(badTypes);
    if (types.length) badData.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
    if (setUser) badData.push('user may not be set');
    if (setRole) badData.push('role may not be set');
    return forbid('seLinuxOptions', `${badSetters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${badData.join('; ')}`);
  }
  return ALLOWED;
}
const seLinuxOptions1_0: CheckPodFn = (_m, spec) => seLinuxOptions(spec, SELINUX_1_0);
const seLinuxOptions1_31: CheckPodFn = (_m, spec) => seLinuxOptions(spec, SELINUX_1_31);

// check_seccompProfile_baseline.go
const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const validSeccomp = (t: string) => t === 'Localhost' || t === 'RuntimeDefault';
const validSeccompAnnotationValue = (v: string) => v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
// seccompProfileBaseline_1_0: the alpha annotations
function seccompProfileBaseline_1_0(meta: Obj, spec: Obj): CheckResult {
  const annotations = obj(meta.annotations) ?? {};
  const forbidden: string[] = [];
  if (Object.prototype.hasOwnProperty.call(annotations, SECCOMP_POD_ANNOTATION)) {
    const v = str(annotations[SECCOMP_POD_ANNOTATION]);
    if (!validSeccompAnnotationValue(v)) forbidden.push(`${SECCOMP_POD_ANNOTATION}=${goQuote(v)}`);
  }
  for (const c of containersOf(spec)) {
    const key = SECCOMP_CONTAINER_PREFIX + str(c.name);
    if (Object.prototype.hasOwnProperty.call(annotations, key)) {
      const v = str(annotations[key]);
      if (!validSeccompAnnotationValue(v)) forbidden.push(`${key}=${goQuote(v)}`);
    }
  }
  const set = sortedSet(forbidden);
  if (set.length) return forbid('seccompProfile', `forbidden ${pluralize('annotation', 'annotations', set.length)} ${set.join(', ')}`);
  return ALLOWED;
}
// seccompProfileBaseline_1_19: the securityContext fields
function seccompProfileBaseline_1_19(_m: Obj, spec: Obj): CheckResult {
  const badSetters: string[] = [];
  const badValues: string[] = [];
  const pod = obj(obj(spec.securityContext)?.seccompProfile);
  if (pod && !validSeccomp(str(pod.type))) { badSetters.push('pod'); badValues.push(str(pod.type)); }
  const bad: string[] = [];
  for (const c of containersOf(spec)) {
    const p = obj(securityContext(c)?.seccompProfile);
    if (p && !validSeccomp(str(p.type))) { bad.push(str(c.name)); badValues.push(str(p.type)); }
  }
  if (bad.length) badSetters.push(containerList(bad));
  if (badSetters.length) return forbid('seccompProfile', `${badSetters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`);
  return ALLOWED;
}

// check_sysctls.go
const SYSCTLS_1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const SYSCTLS_1_27 = [...SYSCTLS_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SYSCTLS_1_29 = [...SYSCTLS_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const SYSCTLS_1_32 = [...SYSCTLS_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
function sysctls(spec: Obj, allowed: readonly string[]): CheckResult {
  const forbidden: string[] = [];
  const sc = obj(spec.securityContext);
  if (sc) for (const s of list(sc.sysctls)) if (!allowed.includes(str(s.name))) forbidden.push(str(s.name));
  if (forbidden.length) return forbid('forbidden sysctls', forbidden.join(', '));
  return ALLOWED;
}

// check_windowsHostProcess.go windowsHostProcess_1_0
function windowsHostProcess_1_0(_m: Obj, spec: Obj): CheckResult {
  const bad = containersOf(spec).filter((c) => isTrue(obj(securityContext(c)?.windowsOptions)?.hostProcess)).map((c) => str(c.name));
  const setters: string[] = [];
  if (isTrue(obj(obj(spec.securityContext)?.windowsOptions)?.hostProcess)) setters.push('pod');
  if (bad.length) setters.push(containerList(bad));
  if (setters.length) return forbid('hostProcess', `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`);
  return ALLOWED;
}

// ---- restricted ----

// check_allowPrivilegeEscalation.go allowPrivilegeEscalation_1_8 / _1_25
function allowPrivilegeEscalation_1_8(_m: Obj, spec: Obj): CheckResult {
  const bad = containersOf(spec).filter((c) => securityContext(c)?.allowPrivilegeEscalation !== false).map((c) => str(c.name));
  if (bad.length) return forbid('allowPrivilegeEscalation != false', `${containerList(bad)} must set securityContext.allowPrivilegeEscalation=false`);
  return ALLOWED;
}
function allowPrivilegeEscalation_1_25(m: Obj, spec: Obj): CheckResult {
  if (isWindowsPod(spec)) return ALLOWED;
  return allowPrivilegeEscalation_1_8(m, spec);
}

// check_capabilities_restricted.go capabilitiesRestricted_1_22 / _1_25
function capabilitiesRestricted_1_22(_m: Obj, spec: Obj): CheckResult {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbiddenCaps: string[] = [];
  for (const c of containersOf(spec)) {
    const caps = obj(securityContext(c)?.capabilities);
    if (!caps) { missingDropAll.push(str(c.name)); continue; }
    if (!list2(caps.drop).includes('ALL')) missingDropAll.push(str(c.name));
    let added = false;
    for (const cap of list2(caps.add)) if (cap !== 'NET_BIND_SERVICE') { added = true; forbiddenCaps.push(cap); }
    if (added) addingForbidden.push(str(c.name));
  }
  const details: string[] = [];
  if (missingDropAll.length) details.push(`${containerList(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  if (addingForbidden.length) details.push(`${containerList(addingForbidden)} must not include ${joinQuote(sortedSet(forbiddenCaps))} in securityContext.capabilities.add`);
  if (details.length) return forbid('unrestricted capabilities', details.join('; '));
  return ALLOWED;
}
function capabilitiesRestricted_1_25(m: Obj, spec: Obj): CheckResult {
  if (isWindowsPod(spec)) return ALLOWED;
  return capabilitiesRestricted_1_22(m, spec);
}

// check_restrictedVolumes.go restrictedVolumes_1_0
const ALLOWED_VOLUME_SOURCES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];
// The switch's order: the first source set names the type.
const RESTRICTED_VOLUME_TYPES = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos'];
function restrictedVolumes_1_0(_m: Obj, spec: Obj): CheckResult {
  const bad: string[] = [];
  const types: string[] = [];
  for (const v of list(spec.volumes)) {
    if (ALLOWED_VOLUME_SOURCES.some((k) => obj(v[k]) !== undefined)) continue;
    bad.push(str(v.name));
    types.push(RESTRICTED_VOLUME_TYPES.find((k) => obj(v[k]) !== undefined) ?? 'unknown');
  }
  if (bad.length) {
    const set = sortedSet(types);
    return forbid('restricted volume types', `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', set.length)} ${joinQuote(set)}`);
  }
  return ALLOWED;
}

// check_runAsNonRoot.go runAsNonRoot1_0 / runAsNonRoot1_35
function runAsNonRoot1_0(_m: Obj, spec: Obj): CheckResult {
  const badSetters: string[] = [];
  let podRunAsNonRoot = false;
  const podValue = obj(spec.securityContext)?.runAsNonRoot;
  if (typeof podValue === 'boolean') { if (!podValue) badSetters.push('pod'); else podRunAsNonRoot = true; }
  const explicit: string[] = [];
  const implicit: string[] = [];
  for (const c of containersOf(spec)) {
    const v = securityContext(c)?.runAsNonRoot;
    if (typeof v === 'boolean') { if (!v) explicit.push(str(c.name)); }
    else if (!podRunAsNonRoot) implicit.push(str(c.name));
  }
  if (explicit.length) badSetters.push(containerList(explicit));
  if (badSetters.length) return forbid('runAsNonRoot != true', `${badSetters.join(' and ')} must not set securityContext.runAsNonRoot=false`);
  if (implicit.length) return forbid('runAsNonRoot != true', `pod or ${containerList(implicit)} must set securityContext.runAsNonRoot=true`);
  return ALLOWED;
}
function runAsNonRoot1_35(m: Obj, spec: Obj): CheckResult {
  if (relaxPolicyForUserNamespacePod(spec)) return ALLOWED;
  return runAsNonRoot1_0(m, spec);
}

// check_runAsUser.go runAsUser1_23 / runAsUser1_35
function runAsUser1_23(_m: Obj, spec: Obj): CheckResult {
  const badSetters: string[] = [];
  if (obj(spec.securityContext)?.runAsUser === 0) badSetters.push('pod');
  const bad = containersOf(spec).filter((c) => securityContext(c)?.runAsUser === 0).map((c) => str(c.name));
  if (bad.length) badSetters.push(containerList(bad));
  if (badSetters.length) return forbid('runAsUser=0', `${badSetters.join(' and ')} must not set runAsUser=0`);
  return ALLOWED;
}
function runAsUser1_35(m: Obj, spec: Obj): CheckResult {
  if (relaxPolicyForUserNamespacePod(spec)) return ALLOWED;
  return runAsUser1_23(m, spec);
}

// check_seccompProfile_restricted.go seccompProfileRestricted_1_19 / _1_25
function seccompProfileRestricted_1_19(_m: Obj, spec: Obj): CheckResult {
  const badSetters: string[] = [];
  const badValues: string[] = [];
  let podSet = false;
  const pod = obj(obj(spec.securityContext)?.seccompProfile);
  if (pod) { if (!validSeccomp(str(pod.type))) { badSetters.push('pod'); badValues.push(str(pod.type)); } else podSet = true; }
  const explicit: string[] = [];
  const implicit: string[] = [];
  for (const c of containersOf(spec)) {
    const p = obj(securityContext(c)?.seccompProfile);
    if (p) { if (!validSeccomp(str(p.type))) { explicit.push(str(c.name)); badValues.push(str(p.type)); } }
    else if (!podSet) implicit.push(str(c.name));
  }
  if (explicit.length) badSetters.push(containerList(explicit));
  if (badSetters.length) return forbid('seccompProfile', `${badSetters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`);
  if (implicit.length) return forbid('seccompProfile', `pod or ${containerList(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`);
  return ALLOWED;
}
function seccompProfileRestricted_1_25(m: Obj, spec: Obj): CheckResult {
  if (isWindowsPod(spec)) return ALLOWED;
  return seccompProfileRestricted_1_19(m, spec);
}

const P = 'staging/src/k8s.io/pod-security-admission/policy/';

/** policy.DefaultChecks(), v0.36.2. */
export const CHECKS: readonly Check[] = [
  { id: 'privileged', level: 'baseline', source: `${P}check_privileged.go`, versions: [{ minimumVersion: 0, checkPod: privileged_1_0, fn: 'privileged_1_0' }] },
  { id: 'hostNamespaces', level: 'baseline', source: `${P}check_hostNamespaces.go`, versions: [{ minimumVersion: 0, checkPod: hostNamespaces_1_0, fn: 'hostNamespaces_1_0' }] },
  { id: 'hostPathVolumes', level: 'baseline', source: `${P}check_hostPathVolumes.go`, versions: [{ minimumVersion: 0, checkPod: hostPathVolumes_1_0, fn: 'hostPathVolumes_1_0' }] },
  { id: 'hostPorts', level: 'baseline', source: `${P}check_hostPorts.go`, versions: [{ minimumVersion: 0, checkPod: hostPorts_1_0, fn: 'hostPorts_1_0' }] },
  { id: 'capabilities_baseline', level: 'baseline', source: `${P}check_capabilities_baseline.go`, versions: [{ minimumVersion: 0, checkPod: capabilitiesBaseline_1_0, fn: 'capabilitiesBaseline_1_0' }] },
  { id: 'appArmorProfile', level: 'baseline', source: `${P}check_appArmorProfile.go`, versions: [{ minimumVersion: 0, checkPod: appArmorProfile_1_0, fn: 'appArmorProfile_1_0' }] },
  { id: 'hostProbesAndHostLifecycle', level: 'baseline', source: `${P}check_hostProbesAndhostLifecycle.go`, versions: [{ minimumVersion: 34, checkPod: hostProbesAndHostLifecycleV1Dot34, fn: 'hostProbesAndHostLifecycleV1Dot34' }] },
  {
    id: 'procMount', level: 'baseline', source: `${P}check_procMount_baseline.go`,
    versions: [{ minimumVersion: 0, checkPod: procMount_1_0, fn: 'procMount_1_0' }, { minimumVersion: 35, checkPod: procMount1_35baseline, fn: 'procMount1_35baseline' }],
  },
  {
    id: 'seLinuxOptions', level: 'baseline', source: `${P}check_seLinuxOptions.go`,
    versions: [{ minimumVersion: 0, checkPod: seLinuxOptions1_0, fn: 'seLinuxOptions1_0' }, { minimumVersion: 31, checkPod: seLinuxOptions1_31, fn: 'seLinuxOptions1_31' }],
  },
  {
    id: 'seccompProfile_baseline', level: 'baseline', source: `${P}check_seccompProfile_baseline.go`,
    versions: [{ minimumVersion: 0, checkPod: seccompProfileBaseline_1_0, fn: 'seccompProfileBaseline_1_0' }, { minimumVersion: 19, checkPod: seccompProfileBaseline_1_19, fn: 'seccompProfileBaseline_1_19' }],
  },
  {
    id: 'sysctls', level: 'baseline', source: `${P}check_sysctls.go`,
    versions: [
      { minimumVersion: 0, checkPod: (_m, s) => sysctls(s, SYSCTLS_1_0), fn: 'sysctlsV1Dot0' },
      { minimumVersion: 27, checkPod: (_m, s) => sysctls(s, SYSCTLS_1_27), fn: 'sysctlsV1Dot27' },
      { minimumVersion: 29, checkPod: (_m, s) => sysctls(s, SYSCTLS_1_29), fn: 'sysctlsV1Dot29' },
      { minimumVersion: 32, checkPod: (_m, s) => sysctls(s, SYSCTLS_1_32), fn: 'sysctlsV1Dot32' },
    ],
  },
  { id: 'windowsHostProcess', level: 'baseline', source: `${P}check_windowsHostProcess.go`, versions: [{ minimumVersion: 0, checkPod: windowsHostProcess_1_0, fn: 'windowsHostProcess_1_0' }] },
  {
    id: 'allowPrivilegeEscalation', level: 'restricted', source: `${P}check_allowPrivilegeEscalation.go`,
    versions: [{ minimumVersion: 8, checkPod: allowPrivilegeEscalation_1_8, fn: 'allowPrivilegeEscalation_1_8' }, { minimumVersion: 25, checkPod: allowPrivilegeEscalation_1_25, fn: 'allowPrivilegeEscalation_1_25' }],
  },
  {
    id: 'capabilities_restricted', level: 'restricted', source: `${P}check_capabilities_restricted.go`,
    versions: [
      { minimumVersion: 22, checkPod: capabilitiesRestricted_1_22, fn: 'capabilitiesRestricted_1_22', overrideCheckIDs: ['capabilities_baseline'] },
      { minimumVersion: 25, checkPod: capabilitiesRestricted_1_25, fn: 'capabilitiesRestricted_1_25', overrideCheckIDs: ['capabilities_baseline'] },
    ],
  },
  { id: 'procMount_restricted', level: 'restricted', source: `${P}check_procMount_restricted.go`, versions: [{ minimumVersion: 35, checkPod: procMount_1_0, fn: 'procMount_1_0', overrideCheckIDs: ['procMount'] }] },
  { id: 'restrictedVolumes', level: 'restricted', source: `${P}check_restrictedVolumes.go`, versions: [{ minimumVersion: 0, checkPod: restrictedVolumes_1_0, fn: 'restrictedVolumes_1_0', overrideCheckIDs: ['hostPathVolumes'] }] },
  {
    id: 'runAsNonRoot', level: 'restricted', source: `${P}check_runAsNonRoot.go`,
    versions: [{ minimumVersion: 0, checkPod: runAsNonRoot1_0, fn: 'runAsNonRoot1_0' }, { minimumVersion: 35, checkPod: runAsNonRoot1_35, fn: 'runAsNonRoot1_35' }],
  },
  {
    id: 'runAsUser', level: 'restricted', source: `${P}check_runAsUser.go`,
    versions: [{ minimumVersion: 23, checkPod: runAsUser1_23, fn: 'runAsUser1_23' }, { minimumVersion: 35, checkPod: runAsUser1_35, fn: 'runAsUser1_35' }],
  },
  {
    id: 'seccompProfile_restricted', level: 'restricted', source: `${P}check_seccompProfile_restricted.go`,
    versions: [
      { minimumVersion: 19, checkPod: seccompProfileRestricted_1_19, fn: 'seccompProfileRestricted_1_19', overrideCheckIDs: ['seccompProfile_baseline'] },
      { minimumVersion: 25, checkPod: seccompProfileRestricted_1_25, fn: 'seccompProfileRestricted_1_25', overrideCheckIDs: ['seccompProfile_baseline'] },
    ],
  },
];
