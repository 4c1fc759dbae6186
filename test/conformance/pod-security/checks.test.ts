// The checks' own tables: staging/src/k8s.io/pod-security-admission/policy/check_*_test.go (v0.36.2),
// each case's Pod transcribed to JSON with its expectReason and expectDetail. Each case runs the
// named check revision (the Go function the upstream test calls).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKS } from '../../../simulations/pod-security/checks.ts';
import { checkPodSecurity } from '../../../simulations/pod-security/public-api.ts';

type J = Record<string, unknown>;
function run(fn: string, pod: J) {
  for (const c of CHECKS) for (const r of c.versions) if (r.fn === fn) return r.checkPod((pod.metadata ?? {}) as never, (pod.spec ?? {}) as never);
  throw new Error(`no check function ${fn}`);
}
const ctrs = (...cs: J[]) => cs;
const sc = (name: string, securityContext?: J): J => (securityContext === undefined ? { name } : { name, securityContext });

const cases: { upstream: string; name: string; fn: string; pod: J; allowed?: boolean; reason?: string; detail?: string }[] = [
  {
    upstream: 'check_privileged_test.go TestPrivileged', name: 'privileged', fn: 'privileged_1_0',
    pod: { spec: { containers: ctrs({ name: 'a' }, sc('b', {}), sc('c', { privileged: false }), sc('d', { privileged: true }), sc('e', { privileged: true })) } },
    reason: 'privileged', detail: 'containers "d", "e" must not set securityContext.privileged=true',
  },
  {
    upstream: 'check_allowPrivilegeEscalation_test.go TestAllowPrivilegeEscalation_1_25', name: 'multiple containers', fn: 'allowPrivilegeEscalation_1_25',
    pod: { spec: { containers: ctrs({ name: 'a' }, sc('b', {}), sc('c', { allowPrivilegeEscalation: true }), sc('d', { allowPrivilegeEscalation: false })) } },
    reason: 'allowPrivilegeEscalation != false', detail: 'containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false',
  },
  {
    upstream: 'check_allowPrivilegeEscalation_test.go TestAllowPrivilegeEscalation_1_25', name: 'windows pod, admit without checking privilegeEscalation', fn: 'allowPrivilegeEscalation_1_25',
    pod: { spec: { os: { name: 'windows' }, containers: ctrs({ name: 'a' }) } }, allowed: true,
  },
  {
    upstream: 'check_allowPrivilegeEscalation_test.go TestAllowPrivilegeEscalation_1_25', name: 'linux pod, reject if security context is not set', fn: 'allowPrivilegeEscalation_1_25',
    pod: { spec: { os: { name: 'linux' }, containers: ctrs({ name: 'a' }) } },
    reason: 'allowPrivilegeEscalation != false', detail: 'container "a" must set securityContext.allowPrivilegeEscalation=false',
  },
  {
    upstream: 'check_capabilities_restricted_test.go TestCapabilitiesRestricted_1_25', name: 'multiple containers', fn: 'capabilitiesRestricted_1_25',
    pod: { spec: { containers: ctrs(
      sc('a', { capabilities: { add: ['FOO', 'BAR'] } }), sc('b', { capabilities: { add: ['BAR', 'BAZ'] } }),
      sc('c', { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL', 'FOO'] } })) } },
    reason: 'unrestricted capabilities',
    detail: 'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add',
  },
  {
    upstream: 'check_capabilities_restricted_test.go TestCapabilitiesRestricted_1_25', name: 'windows pod, admit without checking capabilities', fn: 'capabilitiesRestricted_1_25',
    pod: { spec: { os: { name: 'windows' }, containers: ctrs({ name: 'a' }) } }, allowed: true,
  },
  {
    upstream: 'check_capabilities_restricted_test.go TestCapabilitiesRestricted_1_25', name: 'linux pod, reject if security context is not set', fn: 'capabilitiesRestricted_1_25',
    pod: { spec: { os: { name: 'linux' }, containers: ctrs({ name: 'a' }) } }, reason: 'unrestricted capabilities', detail: 'container "a" must set securityContext.capabilities.drop=["ALL"]',
  },
  {
    upstream: 'check_capabilities_baseline_test.go TestCapabilitiesBaseline', name: 'multiple containers', fn: 'capabilitiesBaseline_1_0',
    pod: { spec: { containers: ctrs(sc('a', { capabilities: { add: ['FOO', 'BAR'] } }), sc('b', { capabilities: { add: ['BAR', 'BAZ'] } })) } },
    reason: 'non-default capabilities', detail: 'containers "a", "b" must not include "BAR", "BAZ", "FOO" in securityContext.capabilities.add',
  },
  {
    upstream: 'check_runAsNonRoot_test.go TestRunAsNonRoot', name: 'no explicit runAsNonRoot', fn: 'runAsNonRoot1_35',
    pod: { spec: { containers: ctrs({ name: 'a' }) } }, reason: 'runAsNonRoot != true', detail: 'pod or container "a" must set securityContext.runAsNonRoot=true',
  },
  {
    upstream: 'check_runAsNonRoot_test.go TestRunAsNonRoot', name: 'pod runAsNonRoot=false', fn: 'runAsNonRoot1_35',
    pod: { spec: { securityContext: { runAsNonRoot: false }, containers: ctrs({ name: 'a' }) } }, reason: 'runAsNonRoot != true', detail: 'pod must not set securityContext.runAsNonRoot=false',
  },
  {
    upstream: 'check_runAsNonRoot_test.go TestRunAsNonRoot', name: 'containers runAsNonRoot=false', fn: 'runAsNonRoot1_35',
    pod: { spec: { securityContext: { runAsNonRoot: true }, containers: ctrs({ name: 'a' }, sc('b', {}), sc('c', { runAsNonRoot: false }), sc('d', { runAsNonRoot: false }), sc('e', { runAsNonRoot: true }), sc('f', { runAsNonRoot: true })) } },
    reason: 'runAsNonRoot != true', detail: 'containers "c", "d" must not set securityContext.runAsNonRoot=false',
  },
  {
    upstream: 'check_runAsNonRoot_test.go TestRunAsNonRoot', name: 'pod nil, container fallthrough', fn: 'runAsNonRoot1_35',
    pod: { spec: { containers: ctrs({ name: 'a' }, sc('b', {}), sc('d', { runAsNonRoot: true }), sc('e', { runAsNonRoot: true })) } },
    reason: 'runAsNonRoot != true', detail: 'pod or containers "a", "b" must set securityContext.runAsNonRoot=true',
  },
  { upstream: 'check_runAsNonRoot_test.go TestRunAsNonRoot', name: 'host users false allowed', fn: 'runAsNonRoot1_35', pod: { spec: { hostUsers: false } }, allowed: true },
  {
    upstream: 'check_runAsUser_test.go TestRunAsUser', name: 'pod runAsUser=0', fn: 'runAsUser1_35',
    pod: { spec: { securityContext: { runAsUser: 0 }, containers: ctrs({ name: 'a' }) } }, reason: 'runAsUser=0', detail: 'pod must not set runAsUser=0',
  },
  { upstream: 'check_runAsUser_test.go TestRunAsUser', name: 'pod runAsUser=non-zero', fn: 'runAsUser1_35', pod: { spec: { securityContext: { runAsUser: 1000 }, containers: ctrs({ name: 'a' }) } }, allowed: true },
  {
    upstream: 'check_runAsUser_test.go TestRunAsUser', name: 'containers runAsUser=0', fn: 'runAsUser1_35',
    pod: { spec: { securityContext: { runAsUser: 1000 }, containers: ctrs({ name: 'a' }, sc('b', {}), sc('c', { runAsUser: 0 }), sc('d', { runAsUser: 0 }), sc('e', { runAsUser: 1 }), sc('f', { runAsUser: 1 })) } },
    reason: 'runAsUser=0', detail: 'containers "c", "d" must not set runAsUser=0',
  },
  { upstream: 'check_runAsUser_test.go TestRunAsUser', name: 'host users false allowed', fn: 'runAsUser1_35', pod: { spec: { hostUsers: false } }, allowed: true },
  {
    upstream: 'check_seccompProfile_restricted_test.go TestSeccompProfileRestricted_1_25', name: 'no explicit seccomp', fn: 'seccompProfileRestricted_1_25',
    pod: { spec: { containers: ctrs({ name: 'a' }) } }, reason: 'seccompProfile', detail: 'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
  },
  { upstream: 'check_seccompProfile_restricted_test.go TestSeccompProfileRestricted_1_25', name: 'no explicit seccomp, windows Pod', fn: 'seccompProfileRestricted_1_25', pod: { spec: { os: { name: 'windows' }, containers: ctrs({ name: 'a' }) } }, allowed: true },
  {
    upstream: 'check_seccompProfile_restricted_test.go TestSeccompProfileRestricted_1_25', name: 'pod seccomp invalid', fn: 'seccompProfileRestricted_1_25',
    pod: { spec: { securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: ctrs({ name: 'a' }) } }, reason: 'seccompProfile', detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"',
  },
  {
    upstream: 'check_seccompProfile_restricted_test.go TestSeccompProfileRestricted_1_25', name: 'containers seccomp invalid', fn: 'seccompProfileRestricted_1_25',
    pod: { spec: { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: ctrs({ name: 'a' }, sc('b', {}), sc('c', { seccompProfile: { type: 'Unconfined' } }), sc('d', { seccompProfile: { type: 'Unconfined' } }), sc('e', { seccompProfile: { type: 'RuntimeDefault' } }), sc('f', { seccompProfile: { type: 'RuntimeDefault' } })) } },
    reason: 'seccompProfile', detail: 'containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"',
  },
  {
    upstream: 'check_seccompProfile_restricted_test.go TestSeccompProfileRestricted_1_25', name: 'pod nil, container fallthrough', fn: 'seccompProfileRestricted_1_25',
    pod: { spec: { containers: ctrs({ name: 'a' }, sc('b', {}), sc('d', { seccompProfile: { type: 'RuntimeDefault' } }), sc('e', { seccompProfile: { type: 'RuntimeDefault' } })) } },
    reason: 'seccompProfile', detail: 'pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
  },
  {
    upstream: 'check_hostPorts_test.go TestHostPort', name: 'one container, one host port', fn: 'hostPorts_1_0',
    pod: { spec: { containers: ctrs({ name: 'a', ports: [{ hostPort: 0 }] }, { name: 'b', ports: [{ hostPort: 0 }, { hostPort: 20 }] }) } }, reason: 'hostPort', detail: 'container "b" uses hostPort 20',
  },
  {
    upstream: 'check_hostPorts_test.go TestHostPort', name: 'multiple containers, multiple host port', fn: 'hostPorts_1_0',
    pod: { spec: { containers: ctrs({ name: 'a', ports: [{ hostPort: 0 }] }, { name: 'b', ports: [{ hostPort: 0 }, { hostPort: 10 }, { hostPort: 20 }] }, { name: 'c', ports: [{ hostPort: 0 }, { hostPort: 10 }, { hostPort: 30 }] }) } },
    reason: 'hostPort', detail: 'containers "b", "c" use hostPorts 10, 20, 30',
  },
  {
    upstream: 'check_hostNamespaces_test.go TestHostNamespaces', name: 'multiple host namespaces', fn: 'hostNamespaces_1_0',
    pod: { spec: { hostNetwork: true, hostIPC: true, hostPID: true } }, reason: 'host namespaces', detail: 'hostNetwork=true, hostPID=true, hostIPC=true',
  },
  {
    upstream: 'check_hostPathVolumes_test.go TestHostPathVolumes', name: 'host path volumes', fn: 'hostPathVolumes_1_0',
    pod: { spec: { volumes: [{ name: 'a', hostPath: {} }, { name: 'b', hostPath: {} }, { name: 'c', emptyDir: {} }] } }, reason: 'hostPath volumes', detail: 'volumes "a", "b"',
  },
  {
    upstream: 'check_restrictedVolumes_test.go TestRestrictedVolumes', name: 'host path volumes', fn: 'restrictedVolumes_1_0',
    pod: { spec: { volumes: [
      ...['emptyDir', 'secret', 'persistentVolumeClaim', 'downwardAPI', 'configMap', 'projected', 'csi', 'ephemeral', 'image'].map((k, i) => ({ name: `a${i + 1}`, [k]: {} })),
      ...['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos'].map((k, i) => ({ name: `b${i + 1}`, [k]: {} })),
      { name: 'c1' },
    ] } },
    reason: 'restricted volume types',
    detail: 'volumes "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11", "b12", "b13", "b14", "b15", "b16", "b17", "b18", "b19", "b20", "b21", "c1" use restricted volume types ' +
      '"awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", ' +
      '"hostPath", "iscsi", "nfs", "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "unknown", "vsphereVolume"',
  },
  {
    upstream: 'check_seLinuxOptions_test.go TestSELinuxOptions', name: 'invalid pod and containers', fn: 'seLinuxOptions1_31',
    pod: { spec: { securityContext: { seLinuxOptions: { type: 'foo', user: 'bar', role: 'baz' } }, containers: ctrs(
      sc('a', { seLinuxOptions: { type: 'container_t' } }), sc('b', { seLinuxOptions: { type: 'container_init_t' } }), sc('c', { seLinuxOptions: { type: 'container_kvm_t' } }),
      sc('d', { seLinuxOptions: { type: 'container_engine_t' } }), sc('e', { seLinuxOptions: { type: 'bar' } }), sc('f', { seLinuxOptions: { user: 'bar' } }), sc('g', { seLinuxOptions: { role: 'baz' } })) } },
    reason: 'seLinuxOptions', detail: 'pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set',
  },
  {
    upstream: 'check_seLinuxOptions_test.go TestSELinuxOptions', name: 'bad type', fn: 'seLinuxOptions1_31',
    pod: { spec: { securityContext: { seLinuxOptions: { type: 'bad' } } } }, reason: 'seLinuxOptions', detail: 'pod set forbidden securityContext.seLinuxOptions: type "bad"',
  },
  {
    upstream: 'check_seLinuxOptions_test.go TestSELinuxOptions', name: 'bad user', fn: 'seLinuxOptions1_31',
    pod: { spec: { securityContext: { seLinuxOptions: { user: 'bad' } } } }, reason: 'seLinuxOptions', detail: 'pod set forbidden securityContext.seLinuxOptions: user may not be set',
  },
  {
    upstream: 'check_windowsHostProcess_test.go TestWindowsHostProcess', name: 'host process', fn: 'windowsHostProcess_1_0',
    pod: { spec: { securityContext: { windowsOptions: { hostProcess: true } }, containers: ctrs({ name: 'a' }, sc('b', {}), sc('c', { windowsOptions: {} }), sc('d', { windowsOptions: { hostProcess: false } }), sc('e', { windowsOptions: { hostProcess: true } }), sc('f', { windowsOptions: { hostProcess: true } })) } },
    reason: 'hostProcess', detail: 'pod and containers "e", "f" must not set securityContext.windowsOptions.hostProcess=true',
  },
  {
    upstream: 'check_appArmorProfile_test.go TestAppArmorProfile', name: 'unconfined pod', fn: 'appArmorProfile_1_0',
    pod: { spec: { securityContext: { appArmorProfile: { type: 'Unconfined' } } } }, reason: 'forbidden AppArmor profile', detail: 'pod must not set AppArmor profile type to "Unconfined"',
  },
  {
    upstream: 'check_appArmorProfile_test.go TestAppArmorProfile', name: 'unconfined container', fn: 'appArmorProfile_1_0',
    pod: { spec: { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [sc('foo', { appArmorProfile: { type: 'Unconfined' } })] } },
    reason: 'forbidden AppArmor profile', detail: 'container "foo" must not set AppArmor profile type to "Unconfined"',
  },
];

describe('policy/check_*_test.go: ForbiddenReason and ForbiddenDetail', () => {
  for (const tc of cases) {
    it(`${tc.upstream}: ${tc.name}`, () => {
      const got = run(tc.fn, tc.pod);
      if (tc.allowed) { assert.equal(got.allowed, true); return; }
      assert.equal(got.allowed, false);
      assert.equal(got.forbiddenReason, tc.reason);
      assert.equal(got.forbiddenDetail, tc.detail);
    });
  }
});

describe('registry.go: order and overrides', () => {
  // A Pod that fails many checks at once: violations come baseline IDs sorted, then restricted IDs sorted,
  // and at restricted the baseline checks a restricted one overrides (capabilities_baseline,
  // hostPathVolumes, seccompProfile_baseline, procMount) do not appear.
  const pod = { spec: { hostNetwork: true, volumes: [{ name: 'h', hostPath: { path: '/' } }], containers: [sc('app', { privileged: true, capabilities: { add: ['SYS_ADMIN'] } })] } };
  it('baseline', () => {
    assert.deepEqual(checkPodSecurity('baseline', 'latest', pod).violations.map((v) => v.check), ['capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'privileged']);
  });
  it('restricted', () => {
    assert.deepEqual(checkPodSecurity('restricted', 'latest', pod).violations.map((v) => v.check),
      ['hostNamespaces', 'privileged', 'allowPrivilegeEscalation', 'capabilities_restricted', 'restrictedVolumes', 'runAsNonRoot', 'seccompProfile_restricted']);
  });
  it('restricted at v1.21 still uses capabilities_baseline (capabilities_restricted starts at 1.22) and has no runAsUser (1.23)', () => {
    assert.deepEqual(checkPodSecurity('restricted', 'v1.21', pod).violations.map((v) => v.check),
      ['capabilities_baseline', 'hostNamespaces', 'privileged', 'allowPrivilegeEscalation', 'restrictedVolumes', 'runAsNonRoot', 'seccompProfile_restricted']);
  });
  it('privileged allows everything', () => {
    assert.deepEqual(checkPodSecurity('privileged', 'latest', pod), { allowed: true, violations: [] });
  });
  it('a Deployment is checked through spec.template', () => {
    const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: pod } };
    assert.deepEqual(checkPodSecurity('baseline', 'latest', deploy).violations.map((v) => v.check), ['capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'privileged']);
  });
});
