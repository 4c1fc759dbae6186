// Upstream: pkg/apis/core/v1/defaults_test.go (stored versions of v1.29–v1.31;
// the defaults they assert cannot change later, which is what TestPodDefaults
// and TestWorkloadDefaults exist to guard): TestPodDefaults, TestWorkloadDefaults,
// TestPodHostNetworkDefaults, TestSetDefaultReplicationControllerInitContainers,
// TestSetDefaultSecretVolumeSource, TestSetDefaultConfigMapVolumeSource,
// TestSetDefaultDownwardAPIVolumeSource, TestSetDefaultProjectedVolumeSource,
// TestSetDefaultEphemeral, TestSetDefaultPodSpecHostNetwork,
// TestSetDefaultObjectFieldSelectorAPIVersion, TestSetMinimumScalePod,
// TestSetDefaultRequestsPod, TestSetDefaultProbe, TestSetDefaultSchedulerName,
// TestSetDefaultHostPathVolumeSource, TestSetDefaultEnableServiceLinks, TestSetDefaults_Volume.
//
// Go objects are defaulted through legacyscheme (roundTrip or Scheme.Default);
// here the v1 JSON goes through defaultObject. Not transcribed:
// - TestPodDefaults' `.Spec.Containers[0].Resources.Requests: {"":"0"}`, an
//   artifact of its reflection walker (a limits map with an empty key);
// - that TestPodDefaults finds no other default (it walks every Go field);
// - TestSetDefaultResizePolicy: that defaulting left defaults.go before v1.36;
// - the "gate enabled" rows of TestPodHostNetworkDefaults: the
//   DefaultHostNetworkHostPortsInPodTemplates gate is gone; its disabled
//   behaviour (templates keep hostPort unset) is what v1.36 does;
// - the ReplicationController cases: ReplicationController is not served here;
//   the template cases run through a Deployment, whose SetObjectDefaults walks
//   the PodTemplateSpec exactly as the ReplicationController's does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject, JsonValue } from '../../../simulations/apimachinery/json.ts';
import { Quantity } from '../../../simulations/apimachinery/quantity.ts';
import { at, defaulted, deploymentWithTemplate, pod, skeleton } from './defaults-builders.ts';
import type { JsonPath } from './defaults-builders.ts';

const FILE = 'pkg/apis/core/v1/defaults_test.go';

// Go field names whose JSON name is not the field name with a lower-case first letter.
const JSON_NAMES: Record<string, string> = {
  HTTPGet: 'httpGet',
  GRPC: 'grpc',
  ISCSI: 'iscsi',
  ISCSIInterface: 'iscsiInterface',
  RBD: 'rbd',
  RBDPool: 'pool',
  RadosUser: 'user',
  FSType: 'fsType',
  DNSPolicy: 'dnsPolicy',
  APIVersion: 'apiVersion',
  DownwardAPI: 'downwardAPI',
  ScaleIO: 'scaleIO',
};
// Embedded structs whose fields sit inline in JSON.
const INLINE = new Set(['VolumeSource', 'ProbeHandler', 'EphemeralContainerCommon']);

/** ".Spec.Containers[0].Ports[0].Protocol" → ['spec', 'containers', 0, 'ports', 0, 'protocol']. */
function jsonPath(goPath: string): JsonPath {
  const out: (string | number)[] = [];
  for (const part of goPath.split('.').slice(1)) {
    const m = /^(\w+)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`bad path ${goPath}`);
    if (!INLINE.has(m[1])) out.push(JSON_NAMES[m[1]] ?? m[1][0].toLowerCase() + m[1].slice(1));
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

// The entries TestPodDefaults and TestWorkloadDefaults list for each container,
// identically under Containers[0], InitContainers[0] and
// EphemeralContainers[0].EphemeralContainerCommon.
const CONTAINER_DEFAULTS: Record<string, string> = {
  '.Env[0].ValueFrom.FieldRef.APIVersion': '"v1"',
  '.ImagePullPolicy': '"IfNotPresent"',
  '.Lifecycle.PostStart.HTTPGet.Path': '"/"',
  '.Lifecycle.PostStart.HTTPGet.Scheme': '"HTTP"',
  '.Lifecycle.PreStop.HTTPGet.Path': '"/"',
  '.Lifecycle.PreStop.HTTPGet.Scheme': '"HTTP"',
  '.LivenessProbe.FailureThreshold': '3',
  '.LivenessProbe.ProbeHandler.HTTPGet.Path': '"/"',
  '.LivenessProbe.ProbeHandler.HTTPGet.Scheme': '"HTTP"',
  '.LivenessProbe.ProbeHandler.GRPC.Service': '""',
  '.LivenessProbe.PeriodSeconds': '10',
  '.LivenessProbe.SuccessThreshold': '1',
  '.LivenessProbe.TimeoutSeconds': '1',
  '.Ports[0].Protocol': '"TCP"',
  '.ReadinessProbe.FailureThreshold': '3',
  '.ReadinessProbe.ProbeHandler.HTTPGet.Path': '"/"',
  '.ReadinessProbe.ProbeHandler.HTTPGet.Scheme': '"HTTP"',
  '.ReadinessProbe.ProbeHandler.GRPC.Service': '""',
  '.ReadinessProbe.PeriodSeconds': '10',
  '.ReadinessProbe.SuccessThreshold': '1',
  '.ReadinessProbe.TimeoutSeconds': '1',
  '.StartupProbe.FailureThreshold': '3',
  '.StartupProbe.ProbeHandler.HTTPGet.Path': '"/"',
  '.StartupProbe.ProbeHandler.HTTPGet.Scheme': '"HTTP"',
  '.StartupProbe.ProbeHandler.GRPC.Service': '""',
  '.StartupProbe.PeriodSeconds': '10',
  '.StartupProbe.SuccessThreshold': '1',
  '.StartupProbe.TimeoutSeconds': '1',
  '.TerminationMessagePath': '"/dev/termination-log"',
  '.TerminationMessagePolicy': '"File"',
};

// The PodSpec entries both tests list (TestPodDefaults adds .Spec.EnableServiceLinks).
const SPEC_DEFAULTS: Record<string, string> = {
  '.Spec.DNSPolicy': '"ClusterFirst"',
  '.Spec.RestartPolicy': '"Always"',
  '.Spec.SchedulerName': '"default-scheduler"',
  '.Spec.SecurityContext': '{}',
  '.Spec.TerminationGracePeriodSeconds': '30',
  '.Spec.Volumes[0].VolumeSource.AzureDisk.CachingMode': '"ReadWrite"',
  '.Spec.Volumes[0].VolumeSource.AzureDisk.FSType': '"ext4"',
  '.Spec.Volumes[0].VolumeSource.AzureDisk.Kind': '"Shared"',
  '.Spec.Volumes[0].VolumeSource.AzureDisk.ReadOnly': 'false',
  '.Spec.Volumes[0].VolumeSource.ConfigMap.DefaultMode': '420',
  '.Spec.Volumes[0].VolumeSource.DownwardAPI.DefaultMode': '420',
  '.Spec.Volumes[0].VolumeSource.DownwardAPI.Items[0].FieldRef.APIVersion': '"v1"',
  '.Spec.Volumes[0].VolumeSource.EmptyDir': '{}',
  '.Spec.Volumes[0].VolumeSource.Ephemeral.VolumeClaimTemplate.Spec.VolumeMode': '"Filesystem"',
  '.Spec.Volumes[0].VolumeSource.HostPath.Type': '""',
  '.Spec.Volumes[0].VolumeSource.ISCSI.ISCSIInterface': '"default"',
  '.Spec.Volumes[0].VolumeSource.Projected.DefaultMode': '420',
  '.Spec.Volumes[0].VolumeSource.Projected.Sources[0].DownwardAPI.Items[0].FieldRef.APIVersion': '"v1"',
  '.Spec.Volumes[0].VolumeSource.Projected.Sources[0].ServiceAccountToken.ExpirationSeconds': '3600',
  '.Spec.Volumes[0].VolumeSource.RBD.Keyring': '"/etc/ceph/keyring"',
  '.Spec.Volumes[0].VolumeSource.RBD.RBDPool': '"rbd"',
  '.Spec.Volumes[0].VolumeSource.RBD.RadosUser': '"admin"',
  '.Spec.Volumes[0].VolumeSource.ScaleIO.FSType': '"xfs"',
  '.Spec.Volumes[0].VolumeSource.ScaleIO.StorageMode': '"ThinProvisioned"',
  '.Spec.Volumes[0].VolumeSource.Secret.DefaultMode': '420',
};

function expectedDefaults(forPod: boolean): [string, string][] {
  const entries: [string, string][] = Object.entries(SPEC_DEFAULTS);
  if (forPod) entries.push(['.Spec.EnableServiceLinks', 'true']);
  for (const prefix of ['.Spec.Containers[0]', '.Spec.InitContainers[0]', '.Spec.EphemeralContainers[0].EphemeralContainerCommon']) {
    for (const [p, v] of Object.entries(CONTAINER_DEFAULTS)) entries.push([prefix + p, v]);
  }
  return entries;
}

for (const [goPath, want] of expectedDefaults(true)) {
  test(`${FILE} TestPodDefaults: ${goPath} is ${want}`, () => {
    const path = jsonPath(goPath);
    const obj = { apiVersion: 'v1', kind: 'Pod', metadata: {}, ...skeleton(path) };
    assert.deepEqual(at(defaulted(obj), path), JSON.parse(want));
  });
}

for (const [goPath, want] of expectedDefaults(false)) {
  test(`${FILE} TestWorkloadDefaults empty PodTemplateSpec: ${goPath} is ${want}`, () => {
    const path = jsonPath(goPath);
    const out = defaulted(deploymentWithTemplate(skeleton(path)));
    assert.deepEqual(at(at(out, ['spec', 'template']), path), JSON.parse(want));
  });
}

test(`${FILE} TestWorkloadDefaults: no enableServiceLinks and no requests from limits in a template (Pod-only defaults)`, () => {
  const out = defaulted(deploymentWithTemplate({ spec: { containers: [{ name: 'c', resources: { limits: { cpu: '100m' } } }] } }));
  assert.equal(at(out, ['spec', 'template', 'spec', 'enableServiceLinks']), undefined);
  assert.equal(at(out, ['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests']), undefined);
});

test(`${FILE} TestWorkloadDefaults hostnet PodTemplateSpec with ports: ports keep no hostPort`, () => {
  const template = { spec: { hostNetwork: true, containers: [{ ports: [{ containerPort: 12345, protocol: 'TCP' }] }] } };
  const out = defaulted(deploymentWithTemplate(template));
  assert.deepEqual(at(out, ['spec', 'template', 'spec', 'containers', 0, 'ports']), [{ containerPort: 12345, protocol: 'TCP' }]);
  const c = at(out, ['spec', 'template', 'spec', 'containers', 0]) as JsonObject;
  assert.equal(c.terminationMessagePath, '/dev/termination-log');
  assert.equal(c.terminationMessagePolicy, 'File');
  assert.equal(c.imagePullPolicy, 'IfNotPresent');
});

// TestPodHostNetworkDefaults, with the gate's disabled behaviour (the gate no longer exists).
for (const hostNet of [false, true]) {
  test(`${FILE} TestPodHostNetworkDefaults hostNetwork=${hostNet}: a Pod ${hostNet ? 'gets' : 'gets no'} hostPort, a template never does`, () => {
    const spec = () => ({ hostNetwork: hostNet, containers: [{ ports: [{ containerPort: 12345, protocol: 'TCP' }] }] });
    const p = defaulted(pod(spec()));
    assert.equal(at(p, ['spec', 'containers', 0, 'ports', 0, 'hostPort']), hostNet ? 12345 : undefined);
    const d = defaulted(deploymentWithTemplate({ spec: spec() }));
    assert.equal(at(d, ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'hostPort']), undefined);
  });
}

test(`${FILE} TestSetDefaultPodSpecHostNetwork`, () => {
  const out = defaulted(pod({ hostNetwork: true, containers: [{ ports: [{ containerPort: 8080 }] }], initContainers: [{ ports: [{ containerPort: 8080 }] }] }));
  assert.equal(at(out, ['spec', 'containers', 0, 'ports', 0, 'hostPort']), 8080);
  assert.equal(at(out, ['spec', 'initContainers', 0, 'ports', 0, 'hostPort']), 8080);
});

// TestSetDefaultReplicationControllerInitContainers: an init container of a template.
const initCases: { name: string; container: JsonObject; check: (c: JsonObject) => void }[] = [
  { name: 'imagePullIPolicy', container: { name: 'install', image: 'busybox' }, check: (c) => assert.equal(c.imagePullPolicy, 'Always') },
  {
    name: 'FieldRef',
    container: { name: 'fun', image: 'alpine', env: [{ name: 'MY_POD_IP', valueFrom: { fieldRef: { apiVersion: '', fieldPath: 'status.podIP' } } }] },
    check: (c) => assert.deepEqual(at(c, ['env', 0, 'valueFrom', 'fieldRef']), { apiVersion: 'v1', fieldPath: 'status.podIP' }),
  },
  {
    name: 'ContainerPort',
    container: { name: 'fun', image: 'alpine', ports: [{ name: 'default' }] },
    check: (c) => assert.deepEqual(c.ports, [{ name: 'default', protocol: 'TCP' }]),
  },
  {
    name: 'Resources',
    container: { name: 'fun', image: 'alpine', resources: { limits: { cpu: '100m', memory: '100Mi' }, requests: { cpu: '100m', memory: '100Mi' } } },
    check: (c) => assert.deepEqual(c.resources, { limits: { cpu: '100m', memory: '100Mi' }, requests: { cpu: '100m', memory: '100Mi' } }),
  },
  {
    name: 'Probe',
    container: { name: 'fun', image: 'alpine', livenessProbe: { httpGet: { host: 'localhost' } }, readinessProbe: { httpGet: { host: 'localhost' } } },
    check: (c) => {
      for (const key of ['livenessProbe', 'readinessProbe']) {
        assert.deepEqual(c[key], { httpGet: { host: 'localhost', path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
      }
    },
  },
  {
    name: 'LifeCycle',
    container: { name: 'fun', image: 'alpine', ports: [{ name: 'default' }], lifecycle: { postStart: { httpGet: { host: 'localhost' } }, preStop: { httpGet: { host: 'localhost' } } } },
    check: (c) => {
      assert.deepEqual(at(c, ['lifecycle', 'postStart', 'httpGet']), { host: 'localhost', path: '/', scheme: 'HTTP' });
      assert.deepEqual(at(c, ['lifecycle', 'preStop', 'httpGet']), { host: 'localhost', path: '/', scheme: 'HTTP' });
    },
  },
];
for (const c of initCases) {
  test(`${FILE} TestSetDefaultReplicationControllerInitContainers ${c.name}`, () => {
    const out = defaulted(deploymentWithTemplate({ spec: { initContainers: [c.container] } }));
    c.check(at(out, ['spec', 'template', 'spec', 'initContainers', 0]) as JsonObject);
  });
}

for (const [name, source] of [
  ['TestSetDefaultSecretVolumeSource', 'secret'],
  ['TestSetDefaultConfigMapVolumeSource', 'configMap'],
  ['TestSetDefaultDownwardAPIVolumeSource', 'downwardAPI'],
  ['TestSetDefaultProjectedVolumeSource', 'projected'],
] as const) {
  test(`${FILE} ${name}: defaultMode 0644 (420)`, () => {
    const out = defaulted(pod({ volumes: [{ [source]: {} }] }));
    assert.equal(at(out, ['spec', 'volumes', 0, source, 'defaultMode']), 0o644);
  });
}

for (const [name, mode, want] of [
  ['volume mode nil', undefined, 'Filesystem'],
  ['volume mode filesystem', 'Filesystem', 'Filesystem'],
  ['volume mode block', 'Block', 'Block'],
] as const) {
  test(`${FILE} TestSetDefaultEphemeral ${name}`, () => {
    const spec: JsonObject = mode ? { volumeMode: mode } : {};
    const out = defaulted(pod({ volumes: [{ ephemeral: { volumeClaimTemplate: { spec } } }] }));
    assert.equal(at(out, ['spec', 'volumes', 0, 'ephemeral', 'volumeClaimTemplate', 'spec', 'volumeMode']), want);
  });
}

test(`${FILE} TestSetDefaultObjectFieldSelectorAPIVersion`, () => {
  const out = defaulted(pod({ containers: [{ env: [{ valueFrom: { fieldRef: {} } }] }] }));
  assert.equal(at(out, ['spec', 'containers', 0, 'env', 0, 'valueFrom', 'fieldRef', 'apiVersion']), 'v1');
});

const cmpQuantity = (v: JsonValue | undefined, want: string) => assert.equal(Quantity.parse(v as string).cmp(Quantity.parse(want)), 0, `${v} = ${want}`);

test(`${FILE} TestSetMinimumScalePod: quantities below a milli round up to 1m`, () => {
  const res = { requests: { memory: '1n' }, limits: { cpu: '2n' } };
  const out = defaulted(pod({ containers: [{ resources: res }], initContainers: [{ resources: structuredClone(res) }] }));
  cmpQuantity(at(out, ['spec', 'containers', 0, 'resources', 'requests', 'memory']), '1m');
  cmpQuantity(at(out, ['spec', 'initContainers', 0, 'resources', 'requests', 'memory']), '1m');
});

test(`${FILE} TestSetDefaultRequestsPod: requests default to limits, a request of 0 stays`, () => {
  const res = () => ({ requests: { memory: '0' }, limits: { cpu: '100m', memory: '1Gi' } });
  const out = defaulted(pod({ containers: [{ resources: res() }], initContainers: [{ resources: res() }] }));
  for (const list of ['containers', 'initContainers']) {
    const requests = at(out, ['spec', list, 0, 'resources', 'requests']) as JsonObject;
    assert.equal(Quantity.parse(requests.cpu as string).toString(), '100m');
    assert.equal(Quantity.parse(requests.memory as string).toString(), '0');
  }
});

test(`${FILE} TestSetDefaultRequestsPod: no limits, no requests`, () => {
  const out = defaulted(pod({ containers: [{}], initContainers: [{}] }));
  assert.equal(at(out, ['spec', 'containers', 0, 'resources', 'requests', 'cpu']), undefined);
  assert.equal(at(out, ['spec', 'initContainers', 0, 'resources', 'requests', 'cpu']), undefined);
});

test(`${FILE} TestSetDefaultProbe`, () => {
  const out = defaulted(pod({ containers: [{ livenessProbe: {} }] }));
  assert.deepEqual(at(out, ['spec', 'containers', 0, 'livenessProbe']), { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
});

test(`${FILE} TestSetDefaultSchedulerName`, () => {
  assert.equal(at(defaulted(pod({})), ['spec', 'schedulerName']), 'default-scheduler');
});

test(`${FILE} TestSetDefaultHostPathVolumeSource`, () => {
  const out = defaulted(pod({ volumes: [{ hostPath: { path: 'foo' } }] }));
  assert.deepEqual(at(out, ['spec', 'volumes', 0, 'hostPath']), { path: 'foo', type: '' });
});

test(`${FILE} TestSetDefaultEnableServiceLinks`, () => {
  assert.equal(at(defaulted(pod({})), ['spec', 'enableServiceLinks']), true);
});

// TestSetDefaults_Volume (ImageVolume: GA in v1.36).
const volumeCases: { name: string; given: JsonObject; want: JsonObject }[] = [
  { name: 'defaults to emptyDir', given: {}, want: { emptyDir: {} } },
  { name: 'default image volume source pull policy is IfNotPresent', given: { image: { reference: 'image:v1' } }, want: { image: { reference: 'image:v1', pullPolicy: 'IfNotPresent' } } },
  { name: "default image volume source pull policy Always if 'latest' tag is used", given: { image: { reference: 'image:latest' } }, want: { image: { reference: 'image:latest', pullPolicy: 'Always' } } },
  { name: 'default image volume source pull policy Always if no tag is used', given: { image: { reference: 'image' } }, want: { image: { reference: 'image', pullPolicy: 'Always' } } },
];
for (const c of volumeCases) {
  test(`${FILE} TestSetDefaults_Volume ${c.name}`, () => {
    assert.deepEqual(at(defaulted(pod({ volumes: [c.given] })), ['spec', 'volumes', 0]), c.want);
  });
}
