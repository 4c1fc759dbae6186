// Upstream: pkg/apis/storage/validation/validation_test.go (stored version):
// TestValidateStorageClass (4 success, 6 error cases), TestValidateVolumeBindingMode (4),
// TestValidateUpdateVolumeBindingMode (6), TestValidateAllowedTopologies (14).
// Upstream checks only success or failure. storage.k8s.io/v1 JSON for the internal
// objects (immediateMode1/2 "Immediate", waitingMode "WaitForFirstConsumer",
// invalidMode "foo"). Not transcribed: VolumeAttachment, CSINode, CSIDriver,
// CSIStorageCapacity, VolumeAttributesClass tests (not kinds here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validateStorageClass, validateStorageClassUpdate } from '../../../simulations/apiserver/validation/storage/storage-class.ts';

const FILE = 'pkg/apis/storage/validation/validation_test.go';
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const sc = (fields: JsonObject): JsonObject => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', ...fields });
/** makeClass. */
const makeClass = (mode: string | undefined, topologies: JsonObject[] | undefined): JsonObject =>
  sc({
    metadata: { name: 'foo', resourceVersion: 'foo' },
    provisioner: 'kubernetes.io/foo-provisioner',
    reclaimPolicy: 'Delete',
    ...(mode === undefined ? {} : { volumeBindingMode: mode }),
    ...(topologies === undefined ? {} : { allowedTopologies: topologies }),
  });
const expectOutcome = (name: string, errs: ErrorList, shouldSucceed: boolean): void => {
  if (shouldSucceed) assert.deepEqual(errs, [], `${name}: ${show(errs)}`);
  else assert.ok(errs.length > 0, `${name}: expected failure`);
};

test(`${FILE} TestValidateStorageClass`, () => {
  const successes: JsonObject[] = [
    sc({ metadata: { name: 'foo' }, provisioner: 'kubernetes.io/foo-provisioner', parameters: {}, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' }),
    sc({ metadata: { name: 'foo' }, provisioner: 'kubernetes.io/foo-provisioner', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' }),
    sc({
      metadata: { name: 'foo' },
      provisioner: 'kubernetes.io/foo-provisioner',
      parameters: { 'kubernetes.io/foo-parameter': 'free/form/string', 'foo-parameter': 'free-form-string', 'foo-parameter2': '{"embedded": "json", "with": {"structures":"inside"}}' },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    }),
    sc({ metadata: { name: 'foo' }, provisioner: 'kubernetes.io/foo-provisioner', reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate' }),
  ];
  successes.forEach((obj, i) => expectOutcome(`success ${i}`, validateStorageClass(obj), true));
  // A map longer than maxProvisionerParameterSize (256 KiB), built as upstream builds it.
  const longParameters: Record<string, string> = {};
  for (let total = 0; total < 256 * 1024; ) {
    const k = `param/${total}`;
    const v = `value-${total}`;
    longParameters[k] = v;
    total += k.length + v.length;
  }
  const failures: [string, JsonObject][] = [
    ['namespace is present', sc({ metadata: { name: 'foo', namespace: 'bar' }, provisioner: 'kubernetes.io/foo-provisioner', reclaimPolicy: 'Delete' })],
    ['invalid provisioner', sc({ metadata: { name: 'foo' }, provisioner: 'kubernetes.io/invalid/provisioner', reclaimPolicy: 'Delete' })],
    ['invalid empty parameter name', sc({ metadata: { name: 'foo' }, provisioner: 'kubernetes.io/foo', parameters: { '': 'value' }, reclaimPolicy: 'Delete' })],
    ['provisioner: Required value', sc({ metadata: { name: 'foo' }, provisioner: '', reclaimPolicy: 'Delete' })],
    ['too long parameters', sc({ metadata: { name: 'foo' }, provisioner: 'kubernetes.io/foo', parameters: longParameters, reclaimPolicy: 'Delete' })],
    ['invalid reclaimpolicy', sc({ metadata: { name: 'foo' }, provisioner: 'kubernetes.io/foo', reclaimPolicy: 'Recycle' })],
  ];
  for (const [name, obj] of failures) expectOutcome(name, validateStorageClass(obj), false);
});

test(`${FILE} TestValidateVolumeBindingMode`, () => {
  const cases: [string, JsonObject, boolean][] = [
    ['no mode', makeClass(undefined, undefined), false],
    ['immediate mode', makeClass('Immediate', undefined), true],
    ['waiting mode', makeClass('WaitForFirstConsumer', undefined), true],
    ['invalid mode', makeClass('foo', undefined), false],
  ];
  for (const [name, obj, ok] of cases) expectOutcome(name, validateStorageClass(obj), ok);
});

test(`${FILE} TestValidateUpdateVolumeBindingMode`, () => {
  const noBinding = makeClass(undefined, undefined);
  const immediate1 = makeClass('Immediate', undefined);
  const immediate2 = makeClass('Immediate', undefined);
  const wait = makeClass('WaitForFirstConsumer', undefined);
  const cases: [string, JsonObject, JsonObject, boolean][] = [
    ['old and new no mode', noBinding, noBinding, true],
    ['old and new same mode ptr', immediate1, immediate1, true],
    ['old and new same mode value', immediate1, immediate2, true],
    ['old no mode, new mode', noBinding, wait, false],
    ['old mode, new no mode', wait, noBinding, false],
    ['old and new different modes', wait, immediate1, false],
  ];
  for (const [name, oldClass, newClass, ok] of cases) expectOutcome(name, validateStorageClassUpdate(newClass, oldClass), ok);
});

test(`${FILE} TestValidateAllowedTopologies`, () => {
  const req = (key: string, values: string[]): JsonObject => ({ key, values });
  const term = (...exprs: JsonObject[]): JsonObject => ({ matchLabelExpressions: exprs });
  const ZONE = 'failure-domain.beta.kubernetes.io/zone';
  const HOST = 'kubernetes.io/hostname';
  const cases: [string, JsonObject[] | undefined, boolean][] = [
    ['no topology', undefined, true],
    ['valid topology', [term(req(ZONE, ['zone1']), req(HOST, ['node1'])), term(req(ZONE, ['zone2']), req(HOST, ['node2']))], true],
    ['topology invalid key', [term(req('/invalidkey', ['zone1']))], false],
    ['topology lack of values', [term(req(HOST, []))], false],
    ['duplicate TopologySelectorRequirement values', [term(req(HOST, ['node1', 'node1']))], false],
    ['multiple TopologySelectorRequirement values', [term(req(HOST, ['node1', 'node2']))], true],
    ['empty MatchLabelExpressions', [{}], false],
    ['duplicate MatchLabelExpression keys', [term(req(HOST, ['node1']), req(HOST, ['node2']))], false],
    ['duplicate MatchLabelExpression keys but across separate terms', [term(req(HOST, ['node1'])), term(req(HOST, ['node2']))], true],
    ['duplicate AllowedTopologies terms - identical', [term(req(ZONE, ['zone1']), req(HOST, ['node1'])), term(req(ZONE, ['zone1']), req(HOST, ['node1']))], false],
    ['two AllowedTopologies terms, with a pair of the same MatchLabelExpressions and a pair of different ones', [term(req(ZONE, ['zone1']), req(HOST, ['node1'])), term(req(ZONE, ['zone1']), req(HOST, ['node2']))], true],
    ['two AllowedTopologies terms, with a pair of the same Values and a pair of different ones', [term(req(HOST, ['node1', 'node2'])), term(req(HOST, ['node1', 'node3']))], true],
    ['duplicate AllowedTopologies terms - different MatchLabelExpressions order', [term(req(HOST, ['node1']), req(ZONE, ['zone1'])), term(req(ZONE, ['zone1']), req(HOST, ['node1']))], false],
    ['duplicate AllowedTopologies terms - different TopologySelectorRequirement values order', [term(req(ZONE, ['zone1', 'zone2'])), term(req(ZONE, ['zone2', 'zone1']))], false],
  ];
  for (const [name, topologies, ok] of cases) expectOutcome(name, validateStorageClass(makeClass('WaitForFirstConsumer', topologies)), ok);
});
