// Upstream: pkg/apis/core/validation/validation_test.go: TestValidatePersistentVolumeClaimStatusUpdate.
// (The PersistentVolume create/update tables are in validation-core-persistent-volume-create.test.ts,
// the PersistentVolumeClaim create/update tables in validation-core-persistent-volume-claim.test.ts.)
//
// testVolumeClaimWithStatus(name, namespace, spec, status) as v1 JSON; both
// claims get resourceVersion "1". RecoverVolumeExpansionFailure is GA in
// v1.36, so the two upstream cases that turn it off are checked with it on
// (both still fail: their old claims already use the recovery fields).
// Upstream asserts failure or success; the `errors` below name each error's
// type and field as ValidatePersistentVolumeClaimStatusUpdate produces them.
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
const NS = (field: string): Want => ({ type: 'FieldValueNotSupported', field });
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const pick = (errs: ErrorList): Want[] => errs.map((e) => ({ type: e.type, field: e.field }));
const pvc = validationFor('v1/PersistentVolumeClaim');

const claim = (spec: JsonObject, status?: JsonObject): JsonObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'foo', namespace: 'ns', resourceVersion: '1' },
  spec,
  ...(status ? { status } : {}),
});
const rwoRox10G = { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], resources: { requests: { storage: '10G' } } };
const rwo10G = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } };
const rwo = { accessModes: ['ReadWriteOnce'] };
const resizing = { phase: 'Pending', conditions: [{ type: 'Resizing', status: 'True' }] };

const validClaim = claim(rwoRox10G);
const validConditionUpdate = claim(rwoRox10G, resizing);
const validAllocatedResources = claim(rwoRox10G, { ...resizing, allocatedResources: { storage: '10G' } });
const invalidAllocatedResources = claim(rwoRox10G, { ...resizing, allocatedResources: { storage: '-10G' } });
const noStorageClaimStatus = claim(rwo10G, { phase: 'Pending', allocatedResources: { cpu: '10G' } });
const statuses = (s: Record<string, string>) => claim(rwo, { allocatedResourceStatuses: s });
const validResizeStatusPVC = statuses({ storage: 'ControllerResizeInProgress' });
const validResizeStatusControllerResizeFailed = statuses({ storage: 'ControllerResizeInfeasible' });
const validNodeResizePending = statuses({ storage: 'NodeResizePending' });
const validNodeResizeInProgress = statuses({ storage: 'NodeResizeInProgress' });
const validNodeResizeFailed = statuses({ storage: 'NodeResizeInfeasible' });
const invalidResizeStatusPVC = statuses({ storage: 'foo' });
const invalidNativeResizeStatusPVC = statuses({ 'kubernetes.io/foo': 'NodeResizePending' });
const validExternalResizeStatusPVC = statuses({ 'example.com/foo': 'NodeResizePending' });
const multipleResourceStatusPVC = claim(rwo, {
  allocatedResources: { storage: '5Gi', 'example.com/foo': '10Gi' },
  allocatedResourceStatuses: { storage: 'ControllerResizeInfeasible', 'example.com/foo': 'ControllerResizeInProgress' },
});
const invalidNativeResourceAllocatedKey = claim(rwoRox10G, { ...resizing, allocatedResources: { 'kubernetes.io/foo': '14G' } });
const validExternalAllocatedResource = claim(rwoRox10G, { ...resizing, allocatedResources: { 'example.com/foo': '14G' } });

const statusCases: Record<string, { old: JsonObject; next: JsonObject; errors: Want[] }> = {
  'condition-update-with-enabled-feature-gate': { old: validClaim, next: validConditionUpdate, errors: [] },
  'status-update-with-valid-allocatedResources-feature-enabled': { old: validClaim, next: validAllocatedResources, errors: [] },
  'status-update-with-invalid-allocatedResources-native-key-feature-enabled': {
    old: validClaim,
    next: invalidNativeResourceAllocatedKey,
    errors: [NS('status.allocatedResources')],
  },
  'status-update-with-valid-allocatedResources-external-key-feature-enabled': { old: validClaim, next: validExternalAllocatedResource, errors: [] },
  'status-update-with-invalid-allocatedResources-feature-enabled': {
    old: validClaim,
    next: invalidAllocatedResources,
    errors: [I('status.allocatedResources[storage]')],
  },
  'status-update-with-no-storage-update': { old: validClaim, next: noStorageClaimStatus, errors: [NS('status.allocatedResources')] },
  'staus-update-with-controller-resize-failed': { old: validClaim, next: validResizeStatusControllerResizeFailed, errors: [] },
  'staus-update-with-node-resize-pending': { old: validClaim, next: validNodeResizePending, errors: [] },
  'staus-update-with-node-resize-inprogress': { old: validClaim, next: validNodeResizeInProgress, errors: [] },
  'staus-update-with-node-resize-failed': { old: validClaim, next: validNodeResizeFailed, errors: [] },
  'staus-update-with-invalid-native-resource-status-key': {
    old: validClaim,
    next: invalidNativeResizeStatusPVC,
    errors: [NS('status.allocatedResourceStatus')],
  },
  'staus-update-with-valid-external-resource-status-key': { old: validClaim, next: validExternalResizeStatusPVC, errors: [] },
  'status-update-with-multiple-resources-key': { old: validClaim, next: multipleResourceStatusPVC, errors: [] },
  'status-update-with-valid-pvc-resize-status': { old: validClaim, next: validResizeStatusPVC, errors: [] },
  'status-update-with-invalid-pvc-resize-status': { old: validClaim, next: invalidResizeStatusPVC, errors: [NS('status.allocatedResourceStatus')] },
  'status-update-with-old-pvc-valid-resourcestatus-newpvc-invalid-recovery-disabled': {
    old: validResizeStatusPVC,
    next: invalidResizeStatusPVC,
    errors: [NS('status.allocatedResourceStatus')],
  },
  'status-update-with-old-pvc-valid-allocatedResource-newpvc-invalid-recovery-disabled': {
    old: validExternalAllocatedResource,
    next: invalidNativeResourceAllocatedKey,
    errors: [NS('status.allocatedResources')],
  },
};

test(`${FILE} TestValidatePersistentVolumeClaimStatusUpdate`, async (t) => {
  assert.ok(pvc?.statusUpdate);
  for (const [name, c] of Object.entries(statusCases)) {
    await t.test(name, () => {
      const errs = pvc.statusUpdate?.(c.next, c.old) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});
