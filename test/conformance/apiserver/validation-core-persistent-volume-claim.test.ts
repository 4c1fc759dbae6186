// Upstream: pkg/apis/core/validation/validation_test.go: TestValidatePersistentVolumeClaim
// (testValidatePVC(t, false)) and the PersistentVolumeClaim update tables.
//
// testVolumeClaim(name, namespace, spec) as v1 JSON. VolumeAttributesClass is
// GA in v1.36 (gate on). Upstream asserts failure or success; the `errors`
// below name each error's type and field as ValidatePersistentVolumeClaim
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
const pvcV = validationFor('v1/PersistentVolumeClaim');

const testVolumeClaim = (name: string, namespace: string, spec: JsonObject, meta: JsonObject = {}): JsonObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { ...(name ? { name } : {}), ...(namespace ? { namespace } : {}), ...meta },
  spec,
});
const key2Exists = { selector: { matchExpressions: [{ key: 'key2', operator: 'Exists' }] } };
const storage = (q: string) => ({ resources: { requests: { storage: q } } });
const rwoRox = { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] };
const rwo = { accessModes: ['ReadWriteOnce'] };
const goodClaimSpec = { ...key2Exists, ...rwoRox, ...storage('10G'), storageClassName: 'valid', volumeMode: 'Filesystem' };
const good = (meta: JsonObject) => testVolumeClaim('foo', 'ns', goodClaimSpec, meta);

const createCases: Record<string, { claim: JsonObject; errors: Want[] }> = {
  'good-claim': { claim: testVolumeClaim('foo', 'ns', goodClaimSpec), errors: [] },
  'missing-name': { claim: testVolumeClaim('', 'ns', goodClaimSpec), errors: [R('metadata.name')] },
  'missing-namespace': { claim: testVolumeClaim('foo', '', goodClaimSpec), errors: [R('metadata.namespace')] },
  'with-generate-name': { claim: good({ generateName: 'pvc-' }), errors: [] },
  'with-uid': { claim: good({ uid: 'ac051fac-2ead-46d9-b8b4-4e0fbeb7455d' }), errors: [] },
  'with-resource-version': { claim: good({ resourceVersion: '1' }), errors: [] },
  'with-generation': { claim: good({ generation: 100 }), errors: [] },
  'with-creation-timestamp': { claim: good({ creationTimestamp: '2024-01-01T00:00:00Z' }), errors: [] },
  'with-deletion-grace-period-seconds': { claim: good({ deletionGracePeriodSeconds: 10 }), errors: [] },
  'with-owner-references': {
    claim: good({ ownerReferences: [{ apiVersion: 'v1', kind: 'pod', name: 'foo', uid: 'ac051fac-2ead-46d9-b8b4-4e0fbeb7455d' }] }),
    errors: [],
  },
  'with-finalizers': { claim: good({ finalizers: ['example.com/foo'] }), errors: [] },
  'with-managed-fields': {
    claim: good({ managedFields: [{ fieldsType: 'FieldsV1', operation: 'Apply', apiVersion: 'apps/v1', manager: 'foo' }] }),
    errors: [],
  },
  'with-good-labels': { claim: good({ labels: { 'apps.kubernetes.io/name': 'test' } }), errors: [] },
  'with-bad-labels': { claim: good({ labels: { 'hello-world': 'hyphen not allowed' } }), errors: [I('metadata.labels')] },
  // Upstream's "annotations" cases set labels too.
  'with-good-annotations': { claim: good({ labels: { foo: 'bar' } }), errors: [] },
  'with-bad-annotations': { claim: good({ labels: { 'hello-world': 'hyphen not allowed' } }), errors: [I('metadata.labels')] },
  'with-read-write-once-pod': { claim: testVolumeClaim('foo', 'ns', { accessModes: ['ReadWriteOncePod'], ...storage('10G') }), errors: [] },
  'with-read-write-once-pod-and-others': {
    claim: testVolumeClaim('foo', 'ns', { accessModes: ['ReadWriteOncePod', 'ReadWriteMany'], ...storage('10G') }),
    errors: [F('spec.accessModes')],
  },
  'invalid-claim-zero-capacity': {
    claim: testVolumeClaim('foo', 'ns', { ...key2Exists, ...rwoRox, ...storage('0G'), storageClassName: 'valid' }),
    errors: [I('spec.resources[storage]')],
  },
  'invalid-label-selector': {
    claim: testVolumeClaim('foo', 'ns', {
      selector: { matchExpressions: [{ key: 'key2', operator: 'InvalidOp', values: ['value1', 'value2'] }] },
      ...rwoRox,
      ...storage('10G'),
    }),
    errors: [I('spec.selector.matchExpressions[0].operator')],
  },
  'invalid-accessmode': {
    claim: testVolumeClaim('foo', 'ns', { accessModes: ['fakemode'], ...storage('10G') }),
    errors: [NS('spec.accessModes')],
  },
  'no-access-modes': { claim: testVolumeClaim('foo', 'ns', storage('10G')), errors: [R('spec.accessModes')] },
  'no-resource-requests': { claim: testVolumeClaim('foo', 'ns', rwo), errors: [R('spec.resources[storage]')] },
  'invalid-resource-requests': {
    claim: testVolumeClaim('foo', 'ns', { ...rwo, resources: { requests: { memory: '10G' } } }),
    errors: [R('spec.resources[storage]')],
  },
  'negative-storage-request': {
    claim: testVolumeClaim('foo', 'ns', { ...key2Exists, ...rwoRox, ...storage('-10G') }),
    errors: [I('spec.resources[storage]')],
  },
  'zero-storage-request': {
    claim: testVolumeClaim('foo', 'ns', { ...key2Exists, ...rwoRox, ...storage('0G') }),
    errors: [I('spec.resources[storage]')],
  },
  'invalid-storage-class-name': {
    claim: testVolumeClaim('foo', 'ns', { ...key2Exists, ...rwoRox, ...storage('10G'), storageClassName: '-invalid-' }),
    errors: [I('spec.storageClassName')],
  },
  'invalid-volume-mode': {
    claim: testVolumeClaim('foo', 'ns', { ...rwoRox, ...storage('10G'), volumeMode: 'fakeVolumeMode' }),
    errors: [NS('spec.volumeMode')],
  },
  'mismatch-data-source-and-ref': {
    claim: testVolumeClaim('foo', 'ns', {
      ...rwo,
      ...storage('10G'),
      dataSource: { kind: 'PersistentVolumeClaim', name: 'pvc1' },
      dataSourceRef: { kind: 'PersistentVolumeClaim', name: 'pvc2' },
    }),
    // field.Invalid(fldPath, fldPath.Child("dataSource"), "must match dataSourceRef"): reported at spec.
    errors: [I('spec')],
  },
  'invaild-apigroup-in-data-source': {
    claim: testVolumeClaim('foo', 'ns', { ...rwo, ...storage('10G'), dataSource: { apiGroup: '^invalid', kind: 'Foo', name: 'foo1' } }),
    errors: [I('spec.dataSource.apiGroup')],
  },
  'invaild-apigroup-in-data-source-ref': {
    claim: testVolumeClaim('foo', 'ns', { ...rwo, ...storage('10G'), dataSourceRef: { apiGroup: '^invalid', kind: 'Foo', name: 'foo1' } }),
    errors: [I('spec.dataSourceRef.apiGroup')],
  },
  'invalid-volume-attributes-class-name': {
    claim: testVolumeClaim('foo', 'ns', { ...key2Exists, ...rwoRox, ...storage('10G'), volumeAttributesClassName: '-invalid-' }),
    errors: [I('spec.volumeAttributesClassName')],
  },
};

test(`${FILE} TestValidatePersistentVolumeClaim`, async (t) => {
  assert.ok(pvcV);
  for (const [name, c] of Object.entries(createCases)) {
    await t.test(name, () => {
      const errs = pvcV.create(c.claim);
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

// TestValidatePersistentVolumeClaimUpdate. RecoverVolumeExpansionFailure and
// VolumeAttributesClass are GA in v1.36, so the cases that turn them off and
// would then flip are left out: "invalid-expand-shrink-recover-disabled",
// "invalid-update-volume-attributes-class-without-featuregate-enabled", and
// "invalid-size-update-resize-enabled" (which upstream runs with the recovery
// gate off; with it on, 5G is above the claim's empty status.capacity). The
// other gate-off case fails either way and is kept.
const claimWith = (spec: JsonObject, opts: { status?: JsonObject; annotations?: Record<string, string> } = {}): JsonObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'foo', namespace: 'ns', resourceVersion: '1', ...(opts.annotations ? { annotations: opts.annotations } : {}) },
  spec,
  ...(opts.status ? { status: opts.status } : {}),
});
const bound = { phase: 'Bound' };
const boundCap10G = { phase: 'Bound', capacity: { storage: '10G' } };
const rox = { accessModes: ['ReadOnlyMany'] };
const SC_ANN = 'volume.beta.kubernetes.io/storage-class';

const validClaim = claimWith({ ...rwoRox, ...storage('10G') }, { status: bound });
const validClaimStorageClass = claimWith({ ...rox, ...storage('10G') }, { annotations: { [SC_ANN]: 'fast' } });
const validClaimAnnotation = claimWith({ ...rox, ...storage('10G') }, { annotations: { description: 'foo-description' } });
const validUpdateClaim = claimWith({ ...rwoRox, ...storage('10G'), volumeName: 'volume' });
const invalidUpdateClaimResources = claimWith({ ...rwoRox, ...storage('20G'), volumeName: 'volume' });
const invalidUpdateClaimAccessModes = claimWith({ ...rwo, ...storage('10G'), volumeName: 'volume' });
const validClaimVolumeModeFile = claimWith({ ...rwo, volumeMode: 'Filesystem', ...storage('10G'), volumeName: 'volume' });
const validClaimVolumeModeBlock = claimWith({ ...rwo, volumeMode: 'Block', ...storage('10G'), volumeName: 'volume' });
const invalidClaimVolumeModeNil = claimWith({ ...rwo, ...storage('10G'), volumeName: 'volume' });
const invalidUpdateClaimStorageClass = claimWith({ ...rox, ...storage('10G'), volumeName: 'volume' }, { annotations: { [SC_ANN]: 'fast2' } });
const validUpdateClaimMutableAnnotation = claimWith(
  { ...rox, ...storage('10G'), volumeName: 'volume' },
  { annotations: { description: 'updated-or-added-foo-description' } },
);
const validAddClaimAnnotation = claimWith(
  { ...rwoRox, ...storage('10G'), volumeName: 'volume' },
  { annotations: { description: 'updated-or-added-foo-description' } },
);
const validSizeUpdate = claimWith({ ...rwoRox, ...storage('15G') }, { status: bound });
const invalidSizeUpdate = claimWith({ ...rwoRox, ...storage('5G') }, { status: bound });
const unboundSizeUpdate = claimWith({ ...rwoRox, ...storage('12G') }, { status: { phase: 'Pending' } });
const validClaimStorageClassInSpec = claimWith({ ...rox, ...storage('10G'), storageClassName: 'fast' });
const validClaimStorageClassInSpecChanged = claimWith({ ...rox, ...storage('10G'), storageClassName: 'fast2' });
const validClaimStorageClassNil = claimWith({ ...rox, ...storage('10G') });
const invalidClaimStorageClassInSpec = claimWith({ ...rox, ...storage('10G'), storageClassName: 'fast2' });
const validClaimStorageClassInAnnotationAndSpec = claimWith({ ...rox, ...storage('10G'), storageClassName: 'fast' }, { annotations: { [SC_ANN]: 'fast' } });
const validClaimStorageClassInAnnotationAndNilInSpec = claimWith({ ...rox, ...storage('10G') }, { annotations: { [SC_ANN]: 'fast' } });
const invalidClaimStorageClassInAnnotationAndSpec = claimWith({ ...rox, ...storage('10G'), storageClassName: 'fast' }, { annotations: { [SC_ANN]: 'fast2' } });
const validClaimRWOPAccessMode = claimWith({ accessModes: ['ReadWriteOncePod'], ...storage('10G'), volumeName: 'volume' });
const validClaimRWOPAccessModeAddAnnotation = claimWith(
  { accessModes: ['ReadWriteOncePod'], ...storage('10G'), volumeName: 'volume' },
  { annotations: { description: 'updated-or-added-foo-description' } },
);
const validClaimShrinkInitial = claimWith({ ...rwoRox, ...storage('15G') }, { status: boundCap10G });
const unboundShrink = claimWith({ ...rwoRox, ...storage('12G') }, { status: { phase: 'Pending', capacity: { storage: '10G' } } });
const validClaimShrink = claimWith({ ...rwoRox, ...storage('13G') }, { status: boundCap10G });
const invalidShrinkToStatus = claimWith({ ...rwoRox, ...storage('10G') }, { status: boundCap10G });
const invalidClaimShrink = claimWith({ ...rwoRox, ...storage('3G') }, { status: boundCap10G });
const invalidClaimDataSourceAPIGroup = claimWith({
  ...rwo,
  volumeMode: 'Filesystem',
  ...storage('10G'),
  volumeName: 'volume',
  dataSource: { apiGroup: '^invalid', kind: 'Foo', name: 'foo' },
});
const invalidClaimDataSourceRefAPIGroup = claimWith({
  ...rwo,
  volumeMode: 'Filesystem',
  ...storage('10G'),
  volumeName: 'volume',
  dataSourceRef: { apiGroup: '^invalid', kind: 'Foo', name: 'foo' },
});
const vacClaim = (vac: string | undefined, phase = 'Bound') =>
  claimWith({ ...(vac !== undefined ? { volumeAttributesClassName: vac } : {}), ...rwoRox, ...storage('10G') }, { status: { phase } });
const validClaimNilVolumeAttributesClass = vacClaim(undefined);
const validClaimEmptyVolumeAttributesClass = vacClaim('');
const validClaimVolumeAttributesClass1 = vacClaim('vac1');
const validClaimVolumeAttributesClass2 = vacClaim('vac2');

const SPEC_IMMUTABLE = F('spec');
// ValidateImmutableAnnotation: fldPath.Child("annotations", annotation), a dotted path.
const SC_ANN_IMMUTABLE = I(`metadata.annotations.${SC_ANN}`);
const VOLUME_MODE_IMMUTABLE = I('volumeMode');
const updateCases: Record<string, { old: JsonObject; next: JsonObject; errors: Want[] }> = {
  'valid-update-volumeName-only': { old: validClaim, next: validUpdateClaim, errors: [] },
  'valid-no-op-update': { old: validUpdateClaim, next: validUpdateClaim, errors: [] },
  'invalid-update-change-resources-on-bound-claim': { old: validUpdateClaim, next: invalidUpdateClaimResources, errors: [SPEC_IMMUTABLE] },
  'invalid-update-change-access-modes-on-bound-claim': { old: validUpdateClaim, next: invalidUpdateClaimAccessModes, errors: [SPEC_IMMUTABLE] },
  'valid-update-volume-mode-block-to-block': { old: validClaimVolumeModeBlock, next: validClaimVolumeModeBlock, errors: [] },
  'valid-update-volume-mode-file-to-file': { old: validClaimVolumeModeFile, next: validClaimVolumeModeFile, errors: [] },
  'invalid-update-volume-mode-to-block': { old: validClaimVolumeModeFile, next: validClaimVolumeModeBlock, errors: [SPEC_IMMUTABLE, VOLUME_MODE_IMMUTABLE] },
  'invalid-update-volume-mode-to-file': { old: validClaimVolumeModeBlock, next: validClaimVolumeModeFile, errors: [SPEC_IMMUTABLE, VOLUME_MODE_IMMUTABLE] },
  'invalid-update-volume-mode-nil-to-file': { old: invalidClaimVolumeModeNil, next: validClaimVolumeModeFile, errors: [SPEC_IMMUTABLE, VOLUME_MODE_IMMUTABLE] },
  'invalid-update-volume-mode-nil-to-block': { old: invalidClaimVolumeModeNil, next: validClaimVolumeModeBlock, errors: [SPEC_IMMUTABLE, VOLUME_MODE_IMMUTABLE] },
  'invalid-update-volume-mode-block-to-nil': { old: validClaimVolumeModeBlock, next: invalidClaimVolumeModeNil, errors: [SPEC_IMMUTABLE, VOLUME_MODE_IMMUTABLE] },
  'invalid-update-volume-mode-file-to-nil': { old: validClaimVolumeModeFile, next: invalidClaimVolumeModeNil, errors: [SPEC_IMMUTABLE, VOLUME_MODE_IMMUTABLE] },
  'invalid-update-volume-mode-empty-to-mode': { old: validClaim, next: validClaimVolumeModeBlock, errors: [SPEC_IMMUTABLE, VOLUME_MODE_IMMUTABLE] },
  'invalid-update-volume-mode-mode-to-empty': { old: validClaimVolumeModeBlock, next: validClaim, errors: [SPEC_IMMUTABLE, VOLUME_MODE_IMMUTABLE] },
  'invalid-update-change-storage-class-annotation-after-creation': {
    old: validClaimStorageClass,
    next: invalidUpdateClaimStorageClass,
    errors: [SC_ANN_IMMUTABLE],
  },
  'valid-update-mutable-annotation': { old: validClaimAnnotation, next: validUpdateClaimMutableAnnotation, errors: [] },
  'valid-update-add-annotation': { old: validClaim, next: validAddClaimAnnotation, errors: [] },
  'valid-size-update-resize-disabled': { old: validClaim, next: validSizeUpdate, errors: [] },
  'valid-size-update-resize-enabled': { old: validClaim, next: validSizeUpdate, errors: [] },
  'unbound-size-update-resize-enabled': { old: validClaim, next: unboundSizeUpdate, errors: [SPEC_IMMUTABLE] },
  'valid-upgrade-storage-class-annotation-to-spec': { old: validClaimStorageClass, next: validClaimStorageClassInSpec, errors: [] },
  'valid-upgrade-nil-storage-class-spec-to-spec': { old: validClaimStorageClassNil, next: validClaimStorageClassInSpec, errors: [] },
  'invalid-upgrade-not-nil-storage-class-spec-to-spec': { old: validClaimStorageClassInSpec, next: validClaimStorageClassInSpecChanged, errors: [SPEC_IMMUTABLE] },
  'invalid-upgrade-to-nil-storage-class-spec-to-spec': { old: validClaimStorageClassInSpec, next: validClaimStorageClassNil, errors: [SPEC_IMMUTABLE] },
  'valid-upgrade-storage-class-annotation-and-nil-spec-to-spec-retro': {
    old: validClaimStorageClassInAnnotationAndNilInSpec,
    next: validClaimStorageClassInAnnotationAndSpec,
    errors: [],
  },
  'invalid-upgrade-storage-class-annotation-and-spec-to-spec-retro': {
    old: validClaimStorageClassInAnnotationAndSpec,
    next: validClaimStorageClassInSpecChanged,
    errors: [SC_ANN_IMMUTABLE, SPEC_IMMUTABLE],
  },
  'invalid-upgrade-storage-class-annotation-and-no-spec': {
    old: validClaimStorageClassInAnnotationAndNilInSpec,
    next: validClaimStorageClassInSpecChanged,
    errors: [SC_ANN_IMMUTABLE, SPEC_IMMUTABLE],
  },
  'invalid-upgrade-storage-class-annotation-to-spec': {
    old: validClaimStorageClass,
    next: invalidClaimStorageClassInSpec,
    errors: [SC_ANN_IMMUTABLE, SPEC_IMMUTABLE],
  },
  'valid-upgrade-storage-class-annotation-to-annotation-and-spec': {
    old: validClaimStorageClass,
    next: validClaimStorageClassInAnnotationAndSpec,
    errors: [],
  },
  'invalid-upgrade-storage-class-annotation-to-annotation-and-spec': {
    old: validClaimStorageClass,
    next: invalidClaimStorageClassInAnnotationAndSpec,
    // validateStorageClassUpgradeFromNil accepts the spec's "fast" (the old annotation): only the annotation change is reported.
    errors: [SC_ANN_IMMUTABLE],
  },
  'invalid-upgrade-storage-class-in-spec': { old: validClaimStorageClassInSpec, next: invalidClaimStorageClassInSpec, errors: [SPEC_IMMUTABLE] },
  'invalid-downgrade-storage-class-spec-to-annotation': {
    old: validClaimStorageClassInSpec,
    next: validClaimStorageClass,
    errors: [SC_ANN_IMMUTABLE, SPEC_IMMUTABLE],
  },
  'valid-update-rwop-used-and-rwop-feature-disabled': { old: validClaimRWOPAccessMode, next: validClaimRWOPAccessModeAddAnnotation, errors: [] },
  'valid-expand-shrink-resize-enabled': { old: validClaimShrinkInitial, next: validClaimShrink, errors: [] },
  'invalid-expand-shrink-resize-enabled': { old: validClaimShrinkInitial, next: invalidClaimShrink, errors: [F('spec.resources.requests.storage')] },
  'invalid-expand-shrink-to-status-resize-enabled': {
    old: validClaimShrinkInitial,
    next: invalidShrinkToStatus,
    errors: [F('spec.resources.requests.storage')],
  },
  'unbound-size-shrink-resize-enabled': { old: validClaimShrinkInitial, next: unboundShrink, errors: [SPEC_IMMUTABLE] },
  'allow-update-pvc-when-data-source-used': { old: invalidClaimDataSourceAPIGroup, next: invalidClaimDataSourceAPIGroup, errors: [] },
  'allow-update-pvc-when-data-source-ref-used': { old: invalidClaimDataSourceRefAPIGroup, next: invalidClaimDataSourceRefAPIGroup, errors: [] },
  'valid-update-volume-attributes-class-from-nil': { old: validClaimNilVolumeAttributesClass, next: validClaimVolumeAttributesClass1, errors: [] },
  'valid-update-volume-attributes-class-from-empty': { old: validClaimEmptyVolumeAttributesClass, next: validClaimVolumeAttributesClass1, errors: [] },
  'valid-update-volume-attributes-class': { old: validClaimVolumeAttributesClass1, next: validClaimVolumeAttributesClass2, errors: [] },
  'invalid-update-volume-attributes-class': {
    old: validClaimVolumeAttributesClass1,
    next: validClaimNilVolumeAttributesClass,
    errors: [SPEC_IMMUTABLE, F('spec.volumeAttributesClassName')],
  },
  'invalid-update-volume-attributes-class-to-nil': {
    old: validClaimVolumeAttributesClass1,
    next: validClaimNilVolumeAttributesClass,
    errors: [SPEC_IMMUTABLE, F('spec.volumeAttributesClassName')],
  },
  'invalid-update-volume-attributes-class-to-empty': {
    old: validClaimVolumeAttributesClass1,
    next: validClaimEmptyVolumeAttributesClass,
    errors: [F('spec.volumeAttributesClassName')],
  },
  'invalid-update-volume-attributes-class-when-claim-not-bound': {
    old: vacClaim('vac1', 'Pending'),
    next: vacClaim('vac2', 'Pending'),
    errors: [SPEC_IMMUTABLE],
  },
  'invalid-update-volume-attributes-class-to-nil-without-featuregate-enabled': {
    old: validClaimVolumeAttributesClass1,
    next: validClaimNilVolumeAttributesClass,
    errors: [SPEC_IMMUTABLE, F('spec.volumeAttributesClassName')],
  },
};

test(`${FILE} TestValidatePersistentVolumeClaimUpdate`, async (t) => {
  assert.ok(pvcV?.update);
  for (const [name, c] of Object.entries(updateCases)) {
    await t.test(name, () => {
      const errs = pvcV.update?.(c.next, c.old) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

test(`${FILE} ValidatePersistentVolumeClaimUpdate: the immutable-spec message`, () => {
  const errs = pvcV?.update?.(invalidUpdateClaimAccessModes, validUpdateClaim) ?? [];
  assert.equal(errs.length, 1);
  assert.ok(
    errs[0].detail.startsWith('spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n'),
    errs[0].detail,
  );
});
