// Upstream: pkg/apis/apps/v1/defaults_test.go (stored version): TestSetDefaultDaemonSetSpec,
// TestSetDefaultStatefulSet, TestSetDefaultDeployment, TestDefaultDeploymentAvailability,
// TestSetDefaultReplicaSetReplicas, TestDefaultRequestIsNotSetForReplicaSet.
// Each compares the whole defaulted spec (apiequality.Semantic.DeepEqual on .Spec).
//
// TestSetDefaultStatefulSet runs each row with StatefulSetAutoDeletePVC and
// MaxUnavailableStatefulSet set as the row says; v1.36 has both on (the first
// GA, the second beta since v1.35). A row that ran with a gate off lists, in
// `gatesOn`, what SetDefaults_StatefulSet (pkg/apis/apps/v1/defaults.go) adds
// with that gate on; the rest of its expectation is upstream's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { at, defaulted } from './defaults-builders.ts';

const FILE = 'pkg/apis/apps/v1/defaults_test.go';

/** The PodSpec defaults every template gets (SetDefaults_PodSpec). */
const defaultPodSpec = (): JsonObject => ({
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
  schedulerName: 'default-scheduler',
});
const defaultTemplate = (): JsonObject => ({ metadata: { labels: { foo: 'bar' } }, spec: defaultPodSpec() });
const templateNoLabel = (): JsonObject => ({ spec: defaultPodSpec() });

const obj = (kind: string, spec: JsonObject, metadata: JsonObject = {}): JsonObject => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name: 'x', namespace: 'default', ...metadata },
  spec,
});

const dsRollingUpdate = () => ({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
for (const [i, c] of [
  { original: obj('DaemonSet', { template: defaultTemplate() }), expected: { template: defaultTemplate(), updateStrategy: dsRollingUpdate(), revisionHistoryLimit: 10 } },
  {
    original: obj('DaemonSet', { template: defaultTemplate(), revisionHistoryLimit: 1 }, { labels: { bar: 'foo' } }),
    expected: { template: defaultTemplate(), updateStrategy: dsRollingUpdate(), revisionHistoryLimit: 1 },
  },
  {
    original: obj('DaemonSet', { template: templateNoLabel(), updateStrategy: { type: 'OnDelete' } }),
    expected: { template: templateNoLabel(), updateStrategy: { type: 'OnDelete' }, revisionHistoryLimit: 10 },
  },
  { original: obj('DaemonSet', {}), expected: { template: templateNoLabel(), updateStrategy: dsRollingUpdate(), revisionHistoryLimit: 10 } },
].entries()) {
  test(`${FILE} TestSetDefaultDaemonSetSpec (${i})`, () => {
    assert.deepEqual(defaulted(c.original).spec, c.expected);
  });
}

const retain = { whenDeleted: 'Retain', whenScaled: 'Retain' };
const stsCases: { name: string; spec: JsonObject; expected: JsonObject; gatesOn: JsonObject }[] = [
  {
    name: 'labels and default update strategy',
    spec: { template: defaultTemplate() },
    expected: { replicas: 1, template: defaultTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10 },
    gatesOn: { maxUnavailable: 1, persistentVolumeClaimRetentionPolicy: retain },
  },
  {
    name: 'Alternate update strategy',
    spec: { template: defaultTemplate(), updateStrategy: { type: 'OnDelete' } },
    expected: { replicas: 1, template: defaultTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'OnDelete' }, revisionHistoryLimit: 10 },
    gatesOn: { persistentVolumeClaimRetentionPolicy: retain },
  },
  {
    name: 'Parallel pod management policy',
    spec: { template: defaultTemplate(), podManagementPolicy: 'Parallel' },
    expected: { replicas: 1, template: defaultTemplate(), podManagementPolicy: 'Parallel', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10 },
    gatesOn: { maxUnavailable: 1, persistentVolumeClaimRetentionPolicy: retain },
  },
  {
    name: 'UpdateStrategy.RollingUpdate.Partition is not lost when UpdateStrategy.Type is not set',
    spec: { template: defaultTemplate(), updateStrategy: { rollingUpdate: { partition: 42 } } },
    expected: { replicas: 1, template: defaultTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 42 } }, revisionHistoryLimit: 10 },
    gatesOn: { maxUnavailable: 1, persistentVolumeClaimRetentionPolicy: retain },
  },
  {
    name: 'PVC delete policy enabled, no policy specified',
    spec: { template: defaultTemplate() },
    expected: {
      replicas: 1, template: defaultTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: retain, revisionHistoryLimit: 10,
    },
    gatesOn: { maxUnavailable: 1 },
  },
  {
    name: 'PVC delete policy enabled, with scaledown policy specified',
    spec: { template: defaultTemplate(), persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' } },
    expected: {
      replicas: 1, template: defaultTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' }, revisionHistoryLimit: 10,
    },
    gatesOn: { maxUnavailable: 1 },
  },
  {
    name: 'PVC delete policy disabled, with set deletion policy specified',
    spec: { template: defaultTemplate(), persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' } },
    expected: {
      replicas: 1, template: defaultTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' }, revisionHistoryLimit: 10,
    },
    gatesOn: { maxUnavailable: 1 },
  },
  {
    name: 'PVC delete policy disabled, with policy specified',
    spec: { template: defaultTemplate(), persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' } },
    expected: {
      replicas: 1, template: defaultTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' }, revisionHistoryLimit: 10,
    },
    gatesOn: { maxUnavailable: 1, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } },
  },
  {
    name: 'MaxUnavailable disabled, with maxUnavailable not specified',
    spec: { template: defaultTemplate() },
    expected: { replicas: 1, template: defaultTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10 },
    gatesOn: { maxUnavailable: 1, persistentVolumeClaimRetentionPolicy: retain },
  },
  {
    name: 'MaxUnavailable disabled, with default maxUnavailable specified',
    spec: { template: defaultTemplate(), updateStrategy: { rollingUpdate: { partition: 0, maxUnavailable: 1 } } },
    expected: { replicas: 1, template: defaultTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } }, revisionHistoryLimit: 10 },
    gatesOn: { persistentVolumeClaimRetentionPolicy: retain },
  },
  {
    name: 'MaxUnavailable disabled, with non default maxUnavailable specified',
    spec: { template: defaultTemplate(), updateStrategy: { rollingUpdate: { partition: 42, maxUnavailable: 3 } } },
    expected: { replicas: 1, template: defaultTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 42, maxUnavailable: 3 } }, revisionHistoryLimit: 10 },
    gatesOn: { persistentVolumeClaimRetentionPolicy: retain },
  },
  {
    name: 'MaxUnavailable enabled, with no maxUnavailable specified',
    spec: { template: defaultTemplate() },
    expected: { replicas: 1, template: defaultTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } }, revisionHistoryLimit: 10 },
    gatesOn: { persistentVolumeClaimRetentionPolicy: retain },
  },
  {
    name: 'MaxUnavailable enabled, with non default maxUnavailable specified',
    spec: { template: defaultTemplate(), updateStrategy: { rollingUpdate: { partition: 42, maxUnavailable: 3 } } },
    expected: { replicas: 1, template: defaultTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 42, maxUnavailable: 3 } }, revisionHistoryLimit: 10 },
    gatesOn: { persistentVolumeClaimRetentionPolicy: retain },
  },
];

for (const c of stsCases) {
  test(`${FILE} TestSetDefaultStatefulSet ${c.name}`, () => {
    const expected = structuredClone(c.expected);
    const { maxUnavailable, persistentVolumeClaimRetentionPolicy } = c.gatesOn;
    if (maxUnavailable !== undefined) ((expected.updateStrategy as JsonObject).rollingUpdate as JsonObject).maxUnavailable = maxUnavailable;
    if (persistentVolumeClaimRetentionPolicy !== undefined) expected.persistentVolumeClaimRetentionPolicy = persistentVolumeClaimRetentionPolicy;
    assert.deepEqual(defaulted(obj('StatefulSet', c.spec)).spec, expected);
  });
}

const rollingUpdate = (maxSurge: string | number = '25%', maxUnavailable: string | number = '25%') => ({ type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } });
const deploymentCases: { spec?: JsonObject; expected: JsonObject }[] = [
  { spec: undefined, expected: { replicas: 1, strategy: rollingUpdate(), revisionHistoryLimit: 10, progressDeadlineSeconds: 600, template: templateNoLabel() } },
  {
    spec: { replicas: 5, strategy: { rollingUpdate: { maxSurge: 5 } } },
    expected: { replicas: 5, strategy: rollingUpdate(5), revisionHistoryLimit: 10, progressDeadlineSeconds: 600, template: templateNoLabel() },
  },
  {
    spec: { replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: null } },
    expected: { replicas: 3, strategy: rollingUpdate(), revisionHistoryLimit: 10, progressDeadlineSeconds: 600, template: templateNoLabel() },
  },
  {
    spec: { replicas: 5, strategy: { type: 'Recreate' }, revisionHistoryLimit: 0 },
    expected: { replicas: 5, strategy: { type: 'Recreate' }, revisionHistoryLimit: 0, progressDeadlineSeconds: 600, template: templateNoLabel() },
  },
  {
    spec: { replicas: 5, strategy: { type: 'Recreate' }, progressDeadlineSeconds: 30, revisionHistoryLimit: 2 },
    expected: { replicas: 5, strategy: { type: 'Recreate' }, progressDeadlineSeconds: 30, revisionHistoryLimit: 2, template: templateNoLabel() },
  },
];
for (const [i, c] of deploymentCases.entries()) {
  test(`${FILE} TestSetDefaultDeployment (${i})`, () => {
    const original: JsonObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } };
    if (c.spec) original.spec = c.spec;
    assert.deepEqual(defaulted(original).spec, c.expected);
  });
}

test(`${FILE} TestDefaultDeploymentAvailability: the default maxUnavailable leaves a replica running`, () => {
  const d = defaulted({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } });
  const replicas = at(d, ['spec', 'replicas']) as number;
  const maxUnavailable = at(d, ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable']) as string;
  // intstr.GetScaledValueFromIntOrPercent(…, roundUp=false): a percentage of replicas, rounded down.
  const scaled = Math.floor((Number(maxUnavailable.replace('%', '')) * replicas) / 100);
  assert.ok(replicas - scaled > 0);
});

for (const [replicas, want] of [[undefined, 1], [0, 0], [3, 3]] as const) {
  test(`${FILE} TestSetDefaultReplicaSetReplicas ${replicas ?? 'unset'} → ${want}`, () => {
    const spec: JsonObject = { template: { metadata: { labels: { foo: 'bar' } } } };
    if (replicas !== undefined) spec.replicas = replicas;
    assert.equal(at(defaulted(obj('ReplicaSet', spec)), ['spec', 'replicas']), want);
  });
}

test(`${FILE} TestDefaultRequestIsNotSetForReplicaSet`, () => {
  const rs = obj('ReplicaSet', { replicas: 3, template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ resources: { limits: { cpu: '100m' } } }] } } });
  assert.equal(at(defaulted(rs), ['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests', 'cpu']), undefined);
});

// pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet (source): an explicit RollingUpdate type without
// rollingUpdate gets none (only a defaulted type creates it), so no partition either;
// zz_generated.defaults.go: volumeClaimTemplates are PersistentVolumeClaims.
test('pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet: an explicit RollingUpdate type gets no rollingUpdate', () => {
  const out = defaulted(obj('StatefulSet', { updateStrategy: { type: 'RollingUpdate' } }));
  assert.deepEqual(at(out, ['spec', 'updateStrategy']), { type: 'RollingUpdate' });
});

test('pkg/apis/apps/v1/zz_generated.defaults.go SetObjectDefaults_StatefulSet: volumeClaimTemplates get a PVC\'s defaults', () => {
  const out = defaulted(obj('StatefulSet', { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1Gi' } } } }] }));
  assert.deepEqual(at(out, ['spec', 'volumeClaimTemplates', 0]), {
    metadata: { name: 'data' },
    spec: { resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
    status: { phase: 'Pending' },
  });
});
