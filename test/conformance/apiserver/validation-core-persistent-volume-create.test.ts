// Upstream: pkg/apis/core/validation/validation_test.go: TestValidatePersistentVolumes,
// TestValidateLocalVolumes, TestValidatePersistentVolumeSourceUpdate,
// TestValidateVolumeNodeAffinityUpdate, TestValidatePeristentVolumeAttributesClassUpdate.
//
// testVolume(name, namespace, spec) as v1 JSON. VolumeAttributesClass is GA
// in v1.36, so only the gate-on cases of the attributes-class update table
// are transcribed. Upstream asserts failure or success; the `errors` below
// name each error's type and field as ValidatePersistentVolume(Update)
// produces them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString, type ErrorList, type ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';

const FILE = 'pkg/apis/core/validation/validation_test.go';
interface Want {
  type: ErrorType;
  field: string;
}
const I = (field: string): Want => ({ type: 'FieldValueInvalid', field });
const R = (field: string): Want => ({ type: 'FieldValueRequired', field });
const F = (field: string): Want => ({ type: 'FieldValueForbidden', field });
const NS = (field: string): Want => ({ type: 'FieldValueNotSupported', field });
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const pick = (errs: ErrorList): Want[] => errs.map((e) => ({ type: e.type, field: e.field }));
const pvV = validationFor('v1/PersistentVolume');

const testVolume = (name: string, namespace: string, spec: JsonObject): JsonObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec,
});
const hostPath = (path = '/foo') => ({ hostPath: { path, type: 'Directory' } });
const cap = (q: string) => ({ capacity: { storage: q } });
const rwo = { accessModes: ['ReadWriteOnce'] };
const hostVolume = (extra: JsonObject = {}, q = '10G') => ({ ...cap(q), ...rwo, ...hostPath(), ...extra });
const simpleVolumeNodeAffinity = (key: string, value: string) => ({
  required: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: [value] }] }] },
});
const multipleVolumeNodeAffinity = (terms: [string, string][][]) => ({
  required: { nodeSelectorTerms: terms.map((t) => ({ matchExpressions: t.map(([key, value]) => ({ key, operator: 'In', values: [value] })) })) },
});
const testVolumeWithNodeAffinity = (affinity?: JsonObject) =>
  testVolume('test-affinity-volume', '', {
    ...cap('10G'),
    ...rwo,
    gcePersistentDisk: { pdName: 'foo' },
    storageClassName: 'test-storage-class',
    ...(affinity ? { nodeAffinity: affinity } : {}),
  });
const testLocalVolume = (path: string, affinity?: JsonObject) => ({
  ...cap('10G'),
  ...rwo,
  local: { path },
  ...(affinity ? { nodeAffinity: affinity } : {}),
  storageClassName: 'test-storage-class',
});
const testVolumeWithVolumeAttributesClass = (vac?: string) =>
  testVolume('test-volume-with-volume-attributes-class', '', {
    ...cap('10G'),
    ...rwo,
    csi: { driver: 'test-driver', volumeHandle: 'test-123' },
    storageClassName: 'test-storage-class',
    ...(vac !== undefined ? { volumeAttributesClassName: vac } : {}),
  });

const createCases: Record<string, { volume: JsonObject; errors: Want[] }> = {
  'good-volume': { volume: testVolume('foo', '', hostVolume()), errors: [] },
  'good-volume-with-capacity-unit': { volume: testVolume('foo', '', hostVolume({}, '10Gi')), errors: [] },
  'good-volume-without-capacity-unit': { volume: testVolume('foo', '', hostVolume({}, '10')), errors: [] },
  'good-volume-with-storage-class': { volume: testVolume('foo', '', hostVolume({ storageClassName: 'valid' })), errors: [] },
  'good-volume-with-retain-policy': { volume: testVolume('foo', '', hostVolume({ persistentVolumeReclaimPolicy: 'Retain' })), errors: [] },
  'good-volume-with-volume-mode': { volume: testVolume('foo', '', hostVolume({ volumeMode: 'Filesystem' })), errors: [] },
  'invalid-accessmode': { volume: testVolume('foo', '', hostVolume({ accessModes: ['fakemode'] })), errors: [NS('spec.accessModes')] },
  'invalid-reclaimpolicy': {
    volume: testVolume('foo', '', hostVolume({ persistentVolumeReclaimPolicy: 'fakeReclaimPolicy' })),
    errors: [NS('spec.persistentVolumeReclaimPolicy')],
  },
  'invalid-volume-mode': { volume: testVolume('foo', '', hostVolume({ volumeMode: 'fakeVolumeMode' })), errors: [NS('spec.volumeMode')] },
  'with-read-write-once-pod': { volume: testVolume('foo', '', hostVolume({ accessModes: ['ReadWriteOncePod'] })), errors: [] },
  'with-read-write-once-pod-and-others': {
    volume: testVolume('foo', '', hostVolume({ accessModes: ['ReadWriteOncePod', 'ReadWriteMany'] })),
    errors: [F('spec.accessModes')],
  },
  'unexpected-namespace': { volume: testVolume('foo', 'unexpected-namespace', hostVolume()), errors: [F('metadata.namespace')] },
  'missing-volume-source': { volume: testVolume('foo', '', { ...cap('10G'), ...rwo }), errors: [R('spec')] },
  'bad-name': {
    volume: testVolume('123*Bad(Name', 'unexpected-namespace', hostVolume()),
    errors: [I('metadata.name'), F('metadata.namespace')],
  },
  'missing-name': { volume: testVolume('', '', hostVolume()), errors: [R('metadata.name')] },
  'missing-capacity': { volume: testVolume('foo', '', { ...rwo, ...hostPath() }), errors: [R('spec.capacity'), NS('spec.capacity')] },
  'bad-volume-zero-capacity': { volume: testVolume('foo', '', hostVolume({}, '0')), errors: [I('spec.capacity[storage]')] },
  'missing-accessmodes': { volume: testVolume('goodname', 'missing-accessmodes', { ...cap('10G'), ...hostPath() }), errors: [F('metadata.namespace'), R('spec.accessModes')] },
  'too-many-sources': {
    volume: testVolume('foo', '', { ...cap('5G'), ...hostPath(), gcePersistentDisk: { pdName: 'foo', fsType: 'ext4' } }),
    errors: [R('spec.accessModes'), F('spec.gcePersistentDisk')],
  },
  'host mount of / with recycle reclaim policy': {
    volume: testVolume('bad-recycle-do-not-want', '', { ...hostVolume({ persistentVolumeReclaimPolicy: 'Recycle' }), ...hostPath('/') }),
    errors: [F('spec.persistentVolumeReclaimPolicy')],
  },
  'host mount of / with recycle reclaim policy 2': {
    volume: testVolume('bad-recycle-do-not-want', '', { ...hostVolume({ persistentVolumeReclaimPolicy: 'Recycle' }), ...hostPath('/a/..') }),
    errors: [I('spec.hostPath.path'), F('spec.persistentVolumeReclaimPolicy')],
  },
  'invalid-storage-class-name': {
    volume: testVolume('invalid-storage-class-name', '', hostVolume({ storageClassName: '-invalid-' })),
    errors: [I('spec.storageClassName')],
  },
  'bad-hostpath-volume-backsteps': {
    volume: testVolume('foo', '', { ...hostVolume({ storageClassName: 'backstep-hostpath' }), ...hostPath('/foo/..') }),
    errors: [I('spec.hostPath.path')],
  },
  'volume-node-affinity': { volume: testVolumeWithNodeAffinity(simpleVolumeNodeAffinity('foo', 'bar')), errors: [] },
  'volume-empty-node-affinity': { volume: testVolumeWithNodeAffinity({}), errors: [R('spec.nodeAffinity.required')] },
  'volume-bad-node-affinity': {
    volume: testVolumeWithNodeAffinity({
      required: { nodeSelectorTerms: [{ matchExpressions: [{ operator: 'In', values: ['test-label-value'] }] }] },
    }),
    // IsQualifiedName("") reports both "must be non-empty" and the regex message.
    errors: [I('spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key'), I('spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key')],
  },
  'invalid-volume-attributes-class-name': {
    volume: testVolume('invalid-volume-attributes-class-name', '', hostVolume({ storageClassName: 'invalid', volumeAttributesClassName: '-invalid-' })),
    errors: [I('spec.volumeAttributesClassName'), R('spec.csi')],
  },
  'invalid-empty-volume-attributes-class-name': {
    volume: testVolume('invalid-empty-volume-attributes-class-name', '', hostVolume({ storageClassName: 'invalid', volumeAttributesClassName: '' })),
    errors: [R('spec.volumeAttributesClassName'), R('spec.csi')],
  },
  'volume-with-good-volume-attributes-class-and-matched-volume-resource-when-feature-gate-is-on': {
    volume: testVolume('foo', '', {
      ...cap('10G'),
      ...rwo,
      csi: { driver: 'test-driver', volumeHandle: 'test-123' },
      storageClassName: 'valid',
      volumeAttributesClassName: 'valid',
    }),
    errors: [],
  },
  'volume-with-good-volume-attributes-class-and-mismatched-volume-resource-when-feature-gate-is-on': {
    volume: testVolume('foo', '', hostVolume({ storageClassName: 'valid', volumeAttributesClassName: 'valid' })),
    errors: [R('spec.csi')],
  },
};

test(`${FILE} TestValidatePersistentVolumes`, async (t) => {
  assert.ok(pvV);
  for (const [name, c] of Object.entries(createCases)) {
    await t.test(name, () => {
      const errs = pvV.create(c.volume);
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

const localCases: Record<string, { volume: JsonObject; errors: Want[] }> = {
  'alpha invalid local volume nil annotations': {
    volume: testVolume('invalid-local-volume-nil-annotations', '', testLocalVolume('/foo')),
    errors: [R('spec.nodeAffinity')],
  },
  'valid local volume': { volume: testVolume('valid-local-volume', '', testLocalVolume('/foo', simpleVolumeNodeAffinity('foo', 'bar'))), errors: [] },
  'invalid local volume no node affinity': {
    volume: testVolume('invalid-local-volume-no-node-affinity', '', testLocalVolume('/foo')),
    errors: [R('spec.nodeAffinity')],
  },
  'invalid local volume empty path': {
    volume: testVolume('invalid-local-volume-empty-path', '', testLocalVolume('', simpleVolumeNodeAffinity('foo', 'bar'))),
    errors: [R('spec.local.path')],
  },
  'invalid-local-volume-backsteps': {
    volume: testVolume('foo', '', testLocalVolume('/foo/..', simpleVolumeNodeAffinity('foo', 'bar'))),
    errors: [I('spec.local.path')],
  },
  'valid-local-volume-relative-path': { volume: testVolume('foo', '', testLocalVolume('foo', simpleVolumeNodeAffinity('foo', 'bar'))), errors: [] },
};

test(`${FILE} TestValidateLocalVolumes`, async (t) => {
  for (const [name, c] of Object.entries(localCases)) {
    await t.test(name, () => {
      const errs = pvV?.create(c.volume) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

// TestValidatePersistentVolumeSourceUpdate
const validVolume = testVolume('foo', '', { ...cap('1G'), ...rwo, ...hostPath(), storageClassName: 'valid' });
const withSource = (src: JsonObject) => testVolume('foo', '', { ...cap('1G'), ...rwo, ...src, storageClassName: 'valid' });
const validCSIVolume = testVolume('csi-volume', '', {
  ...cap('1G'),
  ...rwo,
  csi: { driver: 'come.google.gcepd', volumeHandle: 'foobar' },
  storageClassName: 'gp2',
});
const SECRET_FIELD: Record<string, string> = {
  controllerExpand: 'controllerExpandSecretRef',
  controllerPublish: 'controllerPublishSecretRef',
  nodePublish: 'nodePublishSecretRef',
  nodeStage: 'nodeStageSecretRef',
};
const getCSIVolumeWithSecret = (pv: JsonObject, secret: JsonObject, which: string): JsonObject => {
  const copy = structuredClone(pv) as { spec: { csi: JsonObject } } & JsonObject;
  copy.spec.csi[SECRET_FIELD[which]] = secret;
  return copy;
};
const expandSecretRef = { name: 'expansion-secret', namespace: 'default' };
const shortSecretRef = { name: 'key-name', namespace: 'default' };
const longSecretRef = { name: 'key-name.example.com', namespace: 'default' };
const inValidSecretRef = { name: '', namespace: '' };
const invalidSecretRefmissingName = { name: '', namespace: 'default' };
const invalidSecretRefmissingNamespace = { name: 'invalidnamespace', namespace: '' };
const IMMUTABLE_SOURCE = F('spec.persistentvolumesource');

type UpdateCase = { old: JsonObject; next: JsonObject; errors: Want[] };
const sourceUpdateCases: Record<string, UpdateCase> = {
  'condition-no-update': { old: validVolume, next: structuredClone(validVolume), errors: [] },
  'condition-update-source-type': {
    old: validVolume,
    next: withSource({ flexVolume: { driver: 'kubernetes.io/blue', fsType: 'ext4' } }),
    errors: [IMMUTABLE_SOURCE],
  },
  'condition-update-source-deep': { old: validVolume, next: withSource(hostPath('/updated')), errors: [IMMUTABLE_SOURCE] },
  'csi-expansion-enabled-with-pv-secret': { old: validCSIVolume, next: getCSIVolumeWithSecret(validCSIVolume, expandSecretRef, 'controllerExpand'), errors: [] },
  'csi-expansion-enabled-with-old-pv-secret': {
    old: getCSIVolumeWithSecret(validCSIVolume, expandSecretRef, 'controllerExpand'),
    next: getCSIVolumeWithSecret(validCSIVolume, { name: 'foo-secret', namespace: 'default' }, 'controllerExpand'),
    errors: [IMMUTABLE_SOURCE],
  },
  'csi-expansion-enabled-with-shortSecretRef': { old: validCSIVolume, next: getCSIVolumeWithSecret(validCSIVolume, shortSecretRef, 'controllerExpand'), errors: [] },
  'csi-expansion-enabled-with-longSecretRef': { old: validCSIVolume, next: getCSIVolumeWithSecret(validCSIVolume, longSecretRef, 'controllerExpand'), errors: [] },
  'csi-expansion-enabled-from-shortSecretRef-to-shortSecretRef': {
    old: getCSIVolumeWithSecret(validCSIVolume, shortSecretRef, 'controllerExpand'),
    next: getCSIVolumeWithSecret(validCSIVolume, shortSecretRef, 'controllerExpand'),
    errors: [],
  },
  'csi-expansion-enabled-from-shortSecretRef-to-longSecretRef': {
    old: getCSIVolumeWithSecret(validCSIVolume, shortSecretRef, 'controllerExpand'),
    next: getCSIVolumeWithSecret(validCSIVolume, longSecretRef, 'controllerExpand'),
    errors: [IMMUTABLE_SOURCE],
  },
  'csi-expansion-enabled-from-longSecretRef-to-longSecretRef': {
    old: getCSIVolumeWithSecret(validCSIVolume, longSecretRef, 'controllerExpand'),
    next: getCSIVolumeWithSecret(validCSIVolume, longSecretRef, 'controllerExpand'),
    errors: [],
  },
};
for (const which of ['controllerPublish', 'nodePublish', 'nodeStage']) {
  const lower = which.toLowerCase();
  sourceUpdateCases[`csi-${lower === 'controllerpublish' ? 'cntrlpublish' : lower}-enabled-with-shortSecretRef`] = {
    old: validCSIVolume,
    next: getCSIVolumeWithSecret(validCSIVolume, shortSecretRef, which),
    errors: [IMMUTABLE_SOURCE],
  };
  sourceUpdateCases[`csi-${lower === 'controllerpublish' ? 'cntrlpublish' : lower}-enabled-with-longSecretRef`] = {
    old: validCSIVolume,
    next: getCSIVolumeWithSecret(validCSIVolume, longSecretRef, which),
    errors: [IMMUTABLE_SOURCE],
  };
  sourceUpdateCases[`csi-${lower === 'controllerpublish' ? 'cntrlpublish' : lower}-enabled-from-shortSecretRef-to-shortSecretRef`] = {
    old: getCSIVolumeWithSecret(validCSIVolume, shortSecretRef, which),
    next: getCSIVolumeWithSecret(validCSIVolume, shortSecretRef, which),
    errors: [],
  };
  sourceUpdateCases[`csi-${lower === 'controllerpublish' ? 'cntrlpublish' : lower}-enabled-from-shortSecretRef-to-longSecretRef`] = {
    old: getCSIVolumeWithSecret(validCSIVolume, shortSecretRef, which),
    next: getCSIVolumeWithSecret(validCSIVolume, longSecretRef, which),
    errors: [IMMUTABLE_SOURCE],
  };
  sourceUpdateCases[`csi-${lower === 'controllerpublish' ? 'cntrlpublish' : lower}-enabled-from-longSecretRef-to-longSecretRef`] = {
    old: getCSIVolumeWithSecret(validCSIVolume, longSecretRef, which),
    next: getCSIVolumeWithSecret(validCSIVolume, longSecretRef, which),
    errors: [],
  };
}
// nodeStageSecretRef is not validated by validateCSIPersistentVolumeSource, so these pass.
for (const [suffix, ref] of [
  ['invalidSecretRef-to-invalidSecretRef', inValidSecretRef],
  ['invalidSecretRefmissingname-to-invalidSecretRefmissingname', invalidSecretRefmissingName],
  ['invalidSecretRefmissingnamespace-to-invalidSecretRefmissingnamespace', invalidSecretRefmissingNamespace],
] as const) {
  sourceUpdateCases[`csi-nodestage-enabled-from-${suffix}`] = {
    old: getCSIVolumeWithSecret(validCSIVolume, ref, 'nodeStage'),
    next: getCSIVolumeWithSecret(validCSIVolume, ref, 'nodeStage'),
    errors: [],
  };
}

const runUpdates = (cases: Record<string, UpdateCase>) => async (t: { test: (n: string, f: () => void) => Promise<void> }) => {
  assert.ok(pvV?.update);
  for (const [name, c] of Object.entries(cases)) {
    await t.test(name, () => {
      const oldCopy = structuredClone(c.old);
      const nextCopy = structuredClone(c.next);
      const errs = pvV.update?.(c.next, c.old) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
      // Upstream also checks that validation leaves both objects as they were.
      assert.deepEqual(c.old, oldCopy);
      assert.deepEqual(c.next, nextCopy);
    });
  }
};

test(`${FILE} TestValidatePersistentVolumeSourceUpdate`, runUpdates(sourceUpdateCases));

const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';
const GA_ZONE = 'topology.kubernetes.io/zone';
const BETA_REGION = 'failure-domain.beta.kubernetes.io/region';
const GA_REGION = 'topology.kubernetes.io/region';
const BETA_OS = 'beta.kubernetes.io/os';
const GA_OS = 'kubernetes.io/os';
const BETA_ARCH = 'beta.kubernetes.io/arch';
const GA_ARCH = 'kubernetes.io/arch';
const BETA_INSTANCE = 'beta.kubernetes.io/instance-type';
const GA_INSTANCE = 'node.kubernetes.io/instance-type';
const AFFINITY_IMMUTABLE = I('nodeAffinity');
const aff = (key: string, value = 'bar') => testVolumeWithNodeAffinity(simpleVolumeNodeAffinity(key, value));
const multi = (terms: [string, string][][]) => testVolumeWithNodeAffinity(multipleVolumeNodeAffinity(terms));

const nodeAffinityCases: Record<string, UpdateCase> = {
  'nil-nothing-changed': { old: testVolumeWithNodeAffinity(), next: testVolumeWithNodeAffinity(), errors: [] },
  'affinity-nothing-changed': { old: aff('foo'), next: aff('foo'), errors: [] },
  'affinity-changed': { old: aff('foo'), next: aff('foo', 'bar2'), errors: [AFFINITY_IMMUTABLE] },
  'affinity-non-beta-label-changed': { old: aff('foo'), next: aff('foo2'), errors: [AFFINITY_IMMUTABLE] },
};
for (const [kind, beta, ga] of [
  ['zone', BETA_ZONE, GA_ZONE],
  ['region', BETA_REGION, GA_REGION],
  ['os', BETA_OS, GA_OS],
  ['arch', BETA_ARCH, GA_ARCH],
  ['instanceType', BETA_INSTANCE, GA_INSTANCE],
] as const) {
  const label = kind === 'zone' || kind === 'region' ? `${kind}-beta` : `${kind}-beta-label`;
  nodeAffinityCases[`affinity-${label}-unchanged`] = { old: aff(beta), next: aff(beta), errors: [] };
  nodeAffinityCases[`affinity-${kind}-beta-label-to-GA`] = { old: aff(beta), next: aff(ga), errors: [] };
  nodeAffinityCases[`affinity-${kind}-beta-label-to-non-GA`] = { old: aff(beta), next: aff('foo'), errors: [AFFINITY_IMMUTABLE] };
  nodeAffinityCases[`affinity-${kind}-GA-label-changed`] = { old: aff(ga), next: aff(beta), errors: [AFFINITY_IMMUTABLE] };
}
Object.assign(nodeAffinityCases, {
  'affinity-same-terms-expressions-length-beta-to-GA-partially-changed': {
    old: multi([[['foo', 'bar']], [[BETA_ZONE, 'bar'], [BETA_REGION, 'bar']], [[BETA_OS, 'bar'], [BETA_ARCH, 'bar'], [BETA_INSTANCE, 'bar']]]),
    next: multi([[['foo', 'bar']], [[GA_ZONE, 'bar'], [BETA_REGION, 'bar']], [[BETA_OS, 'bar'], [GA_ARCH, 'bar'], [GA_INSTANCE, 'bar']]]),
    errors: [],
  },
  'affinity-same-terms-expressions-length-beta-to-non-GA-partially-changed': {
    old: multi([[['foo', 'bar']], [[BETA_ZONE, 'bar'], [BETA_REGION, 'bar']]]),
    next: multi([[['foo', 'bar']], [[BETA_ZONE, 'bar'], ['foo', 'bar']]]),
    errors: [AFFINITY_IMMUTABLE],
  },
  'affinity-same-terms-expressions-length-GA-partially-changed': {
    old: multi([[['foo', 'bar']], [[GA_ZONE, 'bar'], [BETA_ZONE, 'bar'], [GA_OS, 'bar']]]),
    next: multi([[['foo', 'bar']], [[BETA_ZONE, 'bar'], [BETA_ZONE, 'bar'], [GA_OS, 'bar']]]),
    errors: [AFFINITY_IMMUTABLE],
  },
  'affinity-same-terms-expressions-length-beta-fully-changed': {
    old: multi([[['foo', 'bar']], [[BETA_ZONE, 'bar'], [BETA_REGION, 'bar']], [[BETA_OS, 'bar'], [BETA_ARCH, 'bar'], [BETA_INSTANCE, 'bar']]]),
    next: multi([[['foo', 'bar']], [[GA_ZONE, 'bar'], [GA_REGION, 'bar']], [[GA_OS, 'bar'], [GA_ARCH, 'bar'], [GA_INSTANCE, 'bar']]]),
    errors: [],
  },
  'affinity-same-terms-expressions-length-beta-GA-mixed-fully-changed': {
    old: multi([[['foo', 'bar']], [[BETA_ZONE, 'bar'], [GA_ZONE, 'bar']]]),
    next: multi([[['foo', 'bar']], [[GA_ZONE, 'bar'], [BETA_ZONE, 'bar2']]]),
    errors: [AFFINITY_IMMUTABLE],
  },
  'affinity-same-terms-length-different-expressions-length-beta-changed': {
    old: multi([[[BETA_ZONE, 'bar']]]),
    next: multi([[[GA_ZONE, 'bar'], [BETA_REGION, 'bar']]]),
    errors: [AFFINITY_IMMUTABLE],
  },
  'affinity-different-terms-expressions-length-beta-changed': {
    old: multi([[[BETA_ZONE, 'bar']]]),
    next: multi([[[GA_ZONE, 'bar']], [[GA_ARCH, 'bar']]]),
    errors: [AFFINITY_IMMUTABLE],
  },
  'nil-to-obj': { old: testVolumeWithNodeAffinity(), next: aff('foo'), errors: [] },
  'obj-to-nil': { old: aff('foo'), next: testVolumeWithNodeAffinity(), errors: [AFFINITY_IMMUTABLE] },
  'old affinity already has invalid label-value': { old: aff(BETA_INSTANCE, '-1'), next: aff(GA_INSTANCE, '-1'), errors: [] },
});

test(`${FILE} TestValidateVolumeNodeAffinityUpdate`, runUpdates(nodeAffinityCases));

// VolumeAttributesClass is GA in v1.36: the gate-on cases only.
const vac = testVolumeWithVolumeAttributesClass;
const vacCases: Record<string, UpdateCase> = {
  'nil-nothing-changed': { old: vac(), next: vac(), errors: [] },
  'vac-nothing-changed': { old: vac('foo'), next: vac('foo'), errors: [] },
  'vac-changed': { old: vac('foo'), next: vac('bar'), errors: [] },
  'nil-to-string': { old: vac(), next: vac('foo'), errors: [] },
  'nil-to-empty-string': { old: vac(), next: vac(''), errors: [R('spec.volumeAttributesClassName')] },
  'string-to-nil': { old: vac('foo'), next: vac(), errors: [F('spec.volumeAttributesClassName')] },
  'string-to-empty-string': { old: vac('foo'), next: vac(''), errors: [R('spec.volumeAttributesClassName')] },
};

test(`${FILE} TestValidatePeristentVolumeAttributesClassUpdate`, runUpdates(vacCases));
