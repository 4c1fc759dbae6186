// Upstream: pkg/apis/apps/validation/validation_test.go (newest stored version):
// TestValidateStatefulSet, TestValidateStatefulSetMinReadySeconds, TestValidateStatefulSetStatus,
// TestValidateStatefulSetUpdate, TestValidateDaemonSetStatusUpdate, TestValidateDaemonSetUpdate,
// TestValidateDaemonSet, TestDaemonSetUpdateMaxSurge.
//
// apps/v1 JSON for upstream's internal objects. A StatefulSet template is the
// raw api.PodSpec upstream writes (its Pod spec is not validated); DaemonSet
// templates use podtest.MakePodSpec(), whose defaulted fields the JSON carries.
// The internal DaemonSet's spec.templateGeneration is apps/v1's annotation
// deprecated.daemonset.template.generation. Updates carry a resourceVersion,
// as upstream sets one before validating.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList, ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';
import { validateDaemonSetStatusUpdate, validateDaemonSetUpdate, validateRollingUpdateDaemonSet } from '../../../simulations/apiserver/validation/apps/daemon-set.ts';
import { validateStatefulSetSpec, validateStatefulSetStatus, validateStatefulSetUpdate } from '../../../simulations/apiserver/validation/apps/stateful-set.ts';
import { defaultPodValidationOptions } from '../../../simulations/apiserver/validation/core/pod.ts';

const FILE = 'pkg/apis/apps/validation/validation_test.go';

interface Want {
  type: ErrorType;
  field: string;
}
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
/** cmp.Diff with SortSlices, BadValue and Detail ignored. */
function assertExactly(errs: ErrorList, want: Want[], label: string): void {
  const key = (e: Want) => `${e.field} ${e.type}`;
  assert.deepEqual(errs.map(key).sort(), want.map(key).sort(), `${label}\n${show(errs)}`);
}
const create = (key: string, obj: JsonObject): ErrorList => {
  const v = validationFor(key);
  assert.ok(v, `no validation registered for ${key}`);
  return v.create(obj);
};
const Required = (field: string): Want => ({ type: 'FieldValueRequired', field });
const Invalid = (field: string): Want => ({ type: 'FieldValueInvalid', field });
const Forbidden = (field: string): Want => ({ type: 'FieldValueForbidden', field });
const NotSupported = (field: string): Want => ({ type: 'FieldValueNotSupported', field });

const validLabels = { a: 'b' };
const invalidLabels = { 'NoUppercaseOrSpecialCharsLike=Equals': 'b' };

// ---------------------------------------------------------------------------
// StatefulSet

type Tweak = (ss: { metadata: JsonObject; spec: JsonObject }) => void;
const validPodTemplate: JsonObject = {
  metadata: { labels: validLabels },
  spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', containers: [{ name: 'abc', image: 'image', imagePullPolicy: 'IfNotPresent' }] },
};

/** mkStatefulSet. */
function mkStatefulSet(template: JsonObject, ...tweaks: Tweak[]): JsonObject {
  const ss = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'abc', namespace: 'default' } as JsonObject,
    spec: {
      podManagementPolicy: 'OrderedReady',
      selector: { matchLabels: { a: 'b' } },
      template: structuredClone(template),
      updateStrategy: { type: 'RollingUpdate' },
    } as JsonObject,
  };
  for (const t of tweaks) t(ss);
  return ss;
}
const tweakName = (name: string): Tweak => (ss) => void (ss.metadata.name = name);
const tweakNamespace = (ns: string): Tweak => (ss) => void (ss.metadata.namespace = ns);
const tweakLabels = (k: string, v: string): Tweak => (ss) => void (ss.metadata.labels = { ...(ss.metadata.labels as JsonObject), [k]: v });
const tweakAnnotations = (k: string, v: string): Tweak => (ss) => void (ss.metadata.annotations = { ...(ss.metadata.annotations as JsonObject), [k]: v });
const tweakFinalizers = (...f: string[]): Tweak => (ss) => void (ss.metadata.finalizers = f);
const tweakPodManagementPolicy = (p: string): Tweak => (ss) => void (ss.spec.podManagementPolicy = p);
const tweakReplicas = (n: number): Tweak => (ss) => void (ss.spec.replicas = n);
const tweakSelectorLabels = (labels: JsonObject | null): Tweak => (ss) => {
  if (labels === null) delete ss.spec.selector;
  else ss.spec.selector = { matchLabels: labels };
};
const tweakTemplateRestartPolicy = (rp: string): Tweak => (ss) => void ((ss.spec.template as { spec: JsonObject }).spec.restartPolicy = rp);
const tweakMinReadySeconds = (n: number): Tweak => (ss) => void (ss.spec.minReadySeconds = n);
const tweakOrdinalsStart = (n: number): Tweak => (ss) => void (ss.spec.ordinals = { start: n });
const tweakPVCTemplate = (...pvcs: JsonObject[]): Tweak => (ss) => void (ss.spec.volumeClaimTemplates = pvcs);
const tweakUpdateStrategyType = (t: string): Tweak => (ss) => void ((ss.spec.updateStrategy as JsonObject).type = t);
const rollingUpdate = (ss: { spec: JsonObject }): JsonObject => {
  const s = ss.spec.updateStrategy as JsonObject;
  s.rollingUpdate ??= {};
  return s.rollingUpdate as JsonObject;
};
const tweakRollingUpdatePartition = (p: number): Tweak => (ss) => void (rollingUpdate(ss).partition = p);
const tweakMaxUnavailable = (mu: number | string): Tweak => (ss) => void (rollingUpdate(ss).maxUnavailable = mu);
const tweakPVCPolicy = (policy: JsonObject): Tweak => (ss) => void (ss.spec.persistentVolumeClaimRetentionPolicy = policy);

test(`${FILE} TestValidateStatefulSet`, () => {
  const validHostNetPodTemplate: JsonObject = {
    metadata: { labels: validLabels },
    spec: {
      securityContext: { hostNetwork: true },
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      containers: [{ name: 'abc', image: 'image', imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 12345, protocol: 'TCP' }] }],
    },
  };
  const invalidPodTemplate: JsonObject = { metadata: { labels: invalidLabels }, spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' } };
  const invalidPodTemplate2: JsonObject = { metadata: { labels: validLabels }, spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', activeDeadlineSeconds: 60 } };
  const cases: [string, JsonObject, Want[]][] = [
    ['alpha name', mkStatefulSet(validPodTemplate, tweakName('abc')), []],
    ['alphanumeric name', mkStatefulSet(validPodTemplate, tweakName('abc-123')), []],
    ['hostNetwork true', mkStatefulSet(validHostNetPodTemplate), []],
    ['parallel pod management', mkStatefulSet(validPodTemplate, tweakPodManagementPolicy('Parallel')), []],
    ['ordered ready pod management', mkStatefulSet(validPodTemplate, tweakPodManagementPolicy('OrderedReady')), []],
    ['update strategy', mkStatefulSet(validPodTemplate, tweakReplicas(3), tweakUpdateStrategyType('RollingUpdate'), tweakRollingUpdatePartition(2)), []],
    ['PVC policy', mkStatefulSet(validPodTemplate, tweakPVCPolicy({ whenDeleted: 'Delete', whenScaled: 'Retain' })), []],
    ['maxUnavailable with parallel pod management', mkStatefulSet(validPodTemplate, tweakReplicas(3), tweakUpdateStrategyType('RollingUpdate'), tweakRollingUpdatePartition(2), tweakMaxUnavailable(2)), []],
    ['ordinals.start positive value', mkStatefulSet(validPodTemplate, tweakReplicas(3), tweakOrdinalsStart(2)), []],
    ['zero-length name', mkStatefulSet(validPodTemplate, tweakName('')), [Required('metadata.name')]],
    ['name-with-dots', mkStatefulSet(validPodTemplate, tweakName('abc.123')), [Invalid('metadata.name')]],
    ['long name', mkStatefulSet(validPodTemplate, tweakName('a'.repeat(64))), [Invalid('metadata.name')]],
    ['missing-namespace', mkStatefulSet(validPodTemplate, tweakNamespace('')), [Required('metadata.namespace')]],
    // The selector is empty, the labels are not: the (nothing) selector does not match them.
    ['empty selector', mkStatefulSet(validPodTemplate, tweakSelectorLabels(null)), [Required('spec.selector'), Invalid('spec.template.metadata.labels')]],
    ['selector_doesnt_match', mkStatefulSet(validPodTemplate, tweakSelectorLabels({ foo: 'bar' })), [Invalid('spec.template.metadata.labels')]],
    ['negative_replicas', mkStatefulSet(validPodTemplate, tweakReplicas(-1)), [Invalid('spec.replicas')]],
    ['invalid_label', mkStatefulSet(validPodTemplate, tweakLabels('NoUppercaseOrSpecialCharsLike=Equals', 'bar')), [Invalid('metadata.labels')]],
    [
      'invalid_label 2',
      mkStatefulSet(invalidPodTemplate, tweakLabels('NoUppercaseOrSpecialCharsLike=Equals', 'bar'), tweakSelectorLabels(invalidLabels)),
      [Invalid('metadata.labels'), Invalid('spec.selector'), Invalid('spec.selector.matchLabels')],
    ],
    ['invalid_annotation', mkStatefulSet(validPodTemplate, tweakAnnotations('NoUppercaseOrSpecialCharsLike=Equals', 'bar')), [Invalid('metadata.annotations')]],
    ['invalid restart policy 1', mkStatefulSet(validPodTemplate, tweakTemplateRestartPolicy('OnFailure')), [NotSupported('spec.template.spec.restartPolicy')]],
    ['invalid restart policy 2', mkStatefulSet(validPodTemplate, tweakTemplateRestartPolicy('Never')), [NotSupported('spec.template.spec.restartPolicy')]],
    ['empty restart policy', mkStatefulSet(validPodTemplate, tweakTemplateRestartPolicy('')), [NotSupported('spec.template.spec.restartPolicy')]],
    ['invalid update strategy', mkStatefulSet(validPodTemplate, tweakReplicas(3), tweakUpdateStrategyType('foo')), [Invalid('spec.updateStrategy')]],
    ['empty update strategy', mkStatefulSet(validPodTemplate, tweakReplicas(3), tweakUpdateStrategyType('')), [Required('spec.updateStrategy')]],
    ['invalid rolling update', mkStatefulSet(validPodTemplate, tweakReplicas(3), tweakUpdateStrategyType('OnDelete'), tweakRollingUpdatePartition(1)), [Invalid('spec.updateStrategy.rollingUpdate')]],
    ['negative partition', mkStatefulSet(validPodTemplate, tweakReplicas(3), tweakRollingUpdatePartition(-1)), [Invalid('spec.updateStrategy.rollingUpdate.partition')]],
    ['empty pod management policy', mkStatefulSet(validPodTemplate, tweakPodManagementPolicy(''), tweakReplicas(3)), [Required('spec.podManagementPolicy')]],
    ['invalid pod management policy', mkStatefulSet(validPodTemplate, tweakPodManagementPolicy('foo')), [Invalid('spec.podManagementPolicy')]],
    ['set active deadline seconds', mkStatefulSet(invalidPodTemplate2, tweakReplicas(3)), [Forbidden('spec.template.spec.activeDeadlineSeconds')]],
    [
      'empty PersistentVolumeClaimRetentionPolicy',
      mkStatefulSet(validPodTemplate, tweakPVCPolicy({})),
      [NotSupported('spec.persistentVolumeClaimRetentionPolicy.whenDeleted'), NotSupported('spec.persistentVolumeClaimRetentionPolicy.whenScaled')],
    ],
    [
      'invalid PersistentVolumeClaimRetentionPolicy',
      mkStatefulSet(validPodTemplate, tweakPVCPolicy({ whenDeleted: 'invalid-retention-policy', whenScaled: 'invalid-retention-policy' })),
      [NotSupported('spec.persistentVolumeClaimRetentionPolicy.whenDeleted'), NotSupported('spec.persistentVolumeClaimRetentionPolicy.whenScaled')],
    ],
    ['zero maxUnavailable', mkStatefulSet(validPodTemplate, tweakReplicas(3), tweakUpdateStrategyType('RollingUpdate'), tweakMaxUnavailable(0)), [Invalid('spec.updateStrategy.rollingUpdate.maxUnavailable')]],
    ['zero percent maxUnavailable', mkStatefulSet(validPodTemplate, tweakReplicas(3), tweakUpdateStrategyType('RollingUpdate'), tweakMaxUnavailable('0%')), [Invalid('spec.updateStrategy.rollingUpdate.maxUnavailable')]],
    ['greater than 100 percent maxUnavailable', mkStatefulSet(validPodTemplate, tweakReplicas(3), tweakUpdateStrategyType('RollingUpdate'), tweakMaxUnavailable('101%')), [Invalid('spec.updateStrategy.rollingUpdate.maxUnavailable')]],
    ['invalid ordinals.start', mkStatefulSet(validPodTemplate, tweakReplicas(3), tweakOrdinalsStart(-2)), [Invalid('spec.ordinals.start')]],
  ];
  for (const [name, ss, want] of cases) assertExactly(create('apps/v1/StatefulSet', ss), want, name);
});

test(`${FILE} TestValidateStatefulSetMinReadySeconds`, () => {
  // generateStatefulSetSpec(minSeconds), validated at the path upstream passes.
  const spec = (minReadySeconds: number): JsonObject => ({
    podManagementPolicy: 'OrderedReady',
    selector: { matchLabels: validLabels },
    template: structuredClone(validPodTemplate),
    replicas: 3,
    updateStrategy: { type: 'RollingUpdate' },
    minReadySeconds,
  });
  const cases: [string, number, boolean][] = [
    ['valid : minReadySeconds enabled, zero', 0, false],
    ['invalid : minReadySeconds enabled, negative', -1, true],
    ['valid : minReadySeconds enabled, very large value', 2147483647, false],
    ['invalid : minReadySeconds enabled, large negative', -2147483648, true],
  ];
  for (const [name, n, expectErr] of cases) {
    const errs = validateStatefulSetSpec(spec(n), Path.of('spec', 'minReadySeconds'), defaultPodValidationOptions());
    assert.equal(errs.length > 0, expectErr, `${name}\n${show(errs)}`);
  }
});

test(`${FILE} TestValidateStatefulSetStatus`, () => {
  const cases: { name: string; status: JsonObject; expectedErr: boolean }[] = [
    { name: 'valid status', status: { replicas: 3, readyReplicas: 3, currentReplicas: 2, updatedReplicas: 1 }, expectedErr: false },
    { name: 'invalid replicas', status: { replicas: -1, readyReplicas: 3, currentReplicas: 2, updatedReplicas: 1 }, expectedErr: true },
    { name: 'invalid readyReplicas', status: { replicas: 3, readyReplicas: -1, currentReplicas: 2, updatedReplicas: 1 }, expectedErr: true },
    { name: 'invalid currentReplicas', status: { replicas: 3, readyReplicas: 3, currentReplicas: -1, updatedReplicas: 1 }, expectedErr: true },
    { name: 'invalid updatedReplicas', status: { replicas: 3, readyReplicas: 3, currentReplicas: 2, updatedReplicas: -1 }, expectedErr: true },
    { name: 'invalid observedGeneration', status: { replicas: 3, readyReplicas: 3, currentReplicas: 2, updatedReplicas: 1, observedGeneration: -1 }, expectedErr: true },
    { name: 'invalid collisionCount', status: { replicas: 3, readyReplicas: 3, currentReplicas: 2, updatedReplicas: 1, collisionCount: -1 }, expectedErr: true },
    { name: 'readyReplicas greater than replicas', status: { replicas: 3, readyReplicas: 4, currentReplicas: 2, updatedReplicas: 1 }, expectedErr: true },
    { name: 'currentReplicas greater than replicas', status: { replicas: 3, readyReplicas: 3, currentReplicas: 4, updatedReplicas: 1 }, expectedErr: true },
    { name: 'updatedReplicas greater than replicas', status: { replicas: 3, readyReplicas: 3, currentReplicas: 2, updatedReplicas: 4 }, expectedErr: true },
    { name: 'invalid: number of available replicas', status: { replicas: 3, readyReplicas: 3, currentReplicas: 2, availableReplicas: -1 }, expectedErr: true },
    { name: 'invalid: available replicas greater than replicas', status: { replicas: 3, readyReplicas: 3, currentReplicas: 2, availableReplicas: 4 }, expectedErr: true },
    { name: 'invalid: available replicas greater than ready replicas', status: { replicas: 3, readyReplicas: 2, currentReplicas: 2, availableReplicas: 3 }, expectedErr: true },
  ];
  for (const c of cases) {
    const errs = validateStatefulSetStatus(c.status, Path.of('status'));
    assert.equal(errs.length > 0, c.expectedErr, `${c.name}\n${show(errs)}`);
  }
});

test(`${FILE} TestValidateStatefulSetUpdate`, () => {
  const validPodTemplate2: JsonObject = { metadata: { labels: { c: 'd' } }, spec: (validPodTemplate as { spec: JsonObject }).spec };
  const pvc = (name: string, storageClassName: string, size: string): JsonObject => ({ metadata: { name }, spec: { storageClassName, resources: { requests: { storage: size } } } });
  const validPVCTemplate = pvc('pvc-abc', 'storage-class1', '1Gi');
  const validPVCTemplateChangedSize = pvc('pvc-abc', 'storage-class1', '2Gi');
  const validPVCTemplateChangedClass = pvc('pvc-abc', 'storage-class2', '1Gi');
  const validPVCTemplate2 = pvc('pvc-abc2', 'storage-class2', '2Gi');
  const addContainersValidTemplate = structuredClone(validPodTemplate) as { spec: { containers: JsonObject[] } };
  addContainersValidTemplate.spec.containers.push({ name: 'def', image: 'image2', imagePullPolicy: 'IfNotPresent' });
  const added = addContainersValidTemplate as unknown as JsonObject;
  const cases: [string, JsonObject, JsonObject, Want[]][] = [
    ['update replica count', mkStatefulSet(validPodTemplate), mkStatefulSet(validPodTemplate, tweakReplicas(3)), []],
    ['update containers 1', mkStatefulSet(validPodTemplate), mkStatefulSet(added), []],
    ['update containers 2', mkStatefulSet(added), mkStatefulSet(validPodTemplate), []],
    ['update containers and pvc retention policy 1', mkStatefulSet(added), mkStatefulSet(validPodTemplate, tweakPVCPolicy({ whenDeleted: 'Retain', whenScaled: 'Retain' })), []],
    ['update containers and pvc retention policy 2', mkStatefulSet(validPodTemplate, tweakPVCPolicy({ whenScaled: 'Retain' })), mkStatefulSet(validPodTemplate), []],
    ['update update strategy', mkStatefulSet(validPodTemplate), mkStatefulSet(validPodTemplate, tweakUpdateStrategyType('OnDelete')), []],
    ['update min ready seconds 1', mkStatefulSet(validPodTemplate), mkStatefulSet(validPodTemplate, tweakMinReadySeconds(10)), []],
    ['update min ready seconds 2', mkStatefulSet(validPodTemplate, tweakMinReadySeconds(5)), mkStatefulSet(validPodTemplate, tweakMinReadySeconds(10)), []],
    ['update existing instance with now-invalid name', mkStatefulSet(validPodTemplate, tweakFinalizers('final')), mkStatefulSet(validPodTemplate, tweakFinalizers()), []],
    ['update existing instance with .spec.ordinals.start', mkStatefulSet(validPodTemplate), mkStatefulSet(validPodTemplate, tweakOrdinalsStart(3)), []],
    ['update name', mkStatefulSet(validPodTemplate, tweakName('abc')), mkStatefulSet(validPodTemplate, tweakName('abc2')), [Invalid('metadata.name')]],
    ['update namespace', mkStatefulSet(validPodTemplate, tweakNamespace('default')), mkStatefulSet(validPodTemplate, tweakNamespace('default1')), [Invalid('metadata.namespace')]],
    ['update selector', mkStatefulSet(validPodTemplate, tweakSelectorLabels(validLabels)), mkStatefulSet(validPodTemplate2, tweakSelectorLabels({ c: 'd' })), [Forbidden('spec')]],
    ['update pod management policy 1', mkStatefulSet(validPodTemplate, tweakPodManagementPolicy('')), mkStatefulSet(validPodTemplate, tweakPodManagementPolicy('OrderedReady')), [Forbidden('spec')]],
    ['update pod management policy 2', mkStatefulSet(validPodTemplate, tweakPodManagementPolicy('Parallel')), mkStatefulSet(validPodTemplate, tweakPodManagementPolicy('OrderedReady')), [Forbidden('spec')]],
    ['update to negative replicas', mkStatefulSet(validPodTemplate), mkStatefulSet(validPodTemplate, tweakReplicas(-1)), [Invalid('spec.replicas')]],
    ['update pvc template size', mkStatefulSet(validPodTemplate, tweakPVCTemplate(validPVCTemplate)), mkStatefulSet(validPodTemplate, tweakPVCTemplate(validPVCTemplateChangedSize)), [Forbidden('spec')]],
    ['update pvc template storage class', mkStatefulSet(validPodTemplate, tweakPVCTemplate(validPVCTemplate)), mkStatefulSet(validPodTemplate, tweakPVCTemplate(validPVCTemplateChangedClass)), [Forbidden('spec')]],
    ['add new pvc template', mkStatefulSet(validPodTemplate, tweakPVCTemplate(validPVCTemplate)), mkStatefulSet(validPodTemplate, tweakPVCTemplate(validPVCTemplate, validPVCTemplate2)), [Forbidden('spec')]],
  ];
  for (const [name, old, update, want] of cases) {
    (old.metadata as JsonObject).resourceVersion = '1';
    (update.metadata as JsonObject).resourceVersion = '1';
    assertExactly(validateStatefulSetUpdate(update, old), want, name);
    assertExactly(validationFor('apps/v1/StatefulSet')!.update!(update, old), want, `${name} through the table`);
  }
});

// ---------------------------------------------------------------------------
// DaemonSet

function container(name: string, extra: JsonObject = {}): JsonObject {
  return { name, image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File', ...extra };
}
/** podtest.MakePodSpec(). */
function podSpec(extra: JsonObject = {}): JsonObject {
  return {
    containers: [container('ctr')],
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    restartPolicy: 'Always',
    securityContext: {},
    schedulerName: 'default-scheduler',
    terminationGracePeriodSeconds: 30,
    ...extra,
  };
}
const GENERATION = 'deprecated.daemonset.template.generation';
/** A DaemonSet with TemplateGeneration (as its v1 annotation) and an update strategy. */
function ds(name: string, rv: string, templateGeneration: number, selector: JsonObject, template: JsonObject, updateStrategy: JsonObject): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default', resourceVersion: rv, annotations: { [GENERATION]: String(templateGeneration) } },
    spec: { selector: { matchLabels: selector }, template, updateStrategy },
  };
}

test(`${FILE} TestValidateDaemonSetStatusUpdate`, () => {
  const status = (v: number[]): JsonObject => {
    const [currentNumberScheduled, numberMisscheduled, desiredNumberScheduled, numberReady, observedGeneration, updatedNumberScheduled, numberAvailable, numberUnavailable] = v;
    return { currentNumberScheduled, numberMisscheduled, desiredNumberScheduled, numberReady, observedGeneration, updatedNumberScheduled, numberAvailable, numberUnavailable };
  };
  const meta = { name: 'abc', namespace: 'default', resourceVersion: '10' };
  const ok = validateDaemonSetStatusUpdate({ metadata: { ...meta, resourceVersion: '1' }, status: status([1, 1, 3, 1, 0, 1, 1, 2]) }, { metadata: { ...meta, resourceVersion: '1' }, status: status([1, 2, 3, 1, 0, 1, 1, 2]) });
  assert.equal(ok.length, 0, show(ok));
  const old = status([1, 2, 3, 1, 3, 1, 1, 2]);
  const errorCases: [string, number[]][] = [
    ['negative values', [-1, -1, -3, -1, -3, -1, -1, -2]],
    ['negative CurrentNumberScheduled', [-1, 1, 3, 1, 3, 1, 1, 2]],
    ['negative NumberMisscheduled', [1, -1, 3, 1, 3, 1, 1, 2]],
    ['negative DesiredNumberScheduled', [1, 1, -3, 1, 3, 1, 1, 2]],
    ['negative NumberReady', [1, 1, 3, -1, 3, 1, 1, 2]],
    ['negative ObservedGeneration', [1, 1, 3, 1, -3, 1, 1, 2]],
    ['negative UpdatedNumberScheduled', [1, 1, 3, 1, 3, -1, 1, 2]],
    ['negative NumberAvailable', [1, 1, 3, 1, 3, 1, -1, 2]],
    ['negative NumberUnavailable', [1, 1, 3, 1, 3, 1, 1, -2]],
  ];
  for (const [name, v] of errorCases) {
    const errs = validateDaemonSetStatusUpdate({ metadata: meta, status: status(v) }, { metadata: meta, status: old });
    assert.ok(errs.length > 0, `${name}: expected failure`);
  }
});

test(`${FILE} TestValidateDaemonSetUpdate`, () => {
  const validSelector = validLabels;
  const validSelector2 = { c: 'd' };
  const templateAbc = { metadata: { labels: validSelector }, spec: podSpec({ containers: [container('abc')] }) };
  const templateAbcSemanticallyEqual = { metadata: { labels: validSelector }, spec: podSpec({ containers: [container('abc')], imagePullSecrets: [] }) };
  const templateNodeSelector = { metadata: { labels: validSelector }, spec: podSpec({ nodeSelector: validSelector, nodeName: 'xyz' }) };
  const templateAbc2 = { metadata: { labels: validSelector2 }, spec: podSpec({ containers: [container('abc')] }) };
  const templateDef = { metadata: { labels: validSelector2 }, spec: podSpec({ containers: [container('def')] }) };
  const invalidTemplate = { metadata: { labels: validSelector }, spec: podSpec({ containers: [] }) };
  const rwTemplate = { metadata: { labels: validSelector }, spec: podSpec({ volumes: [{ name: 'gcepd', gcePersistentDisk: { pdName: 'my-PD', fsType: 'ext4', partition: 1, readOnly: false } }] }) };
  const onDelete = { type: 'OnDelete' };
  const rolling = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } };
  const successes: [string, JsonObject, JsonObject][] = [
    ['no change', ds('abc', '1', 1, validSelector, templateAbc, onDelete), ds('abc', '2', 1, validSelector, templateAbc, onDelete)],
    ['change template and selector', ds('abc', '1', 2, validSelector, templateAbc, onDelete), ds('abc', '2', 3, validSelector2, templateAbc2, onDelete)],
    ['change template', ds('abc', '1', 3, validSelector, templateAbc, onDelete), ds('abc', '2', 4, validSelector, templateNodeSelector, onDelete)],
    ['change container image name', ds('abc', '1', 1, validSelector, templateAbc, onDelete), ds('abc', '2', 2, validSelector2, templateDef, onDelete)],
    ['change update strategy', ds('abc', '1', 4, validSelector, templateAbc, onDelete), ds('abc', '2', 4, validSelector, templateAbc, rolling)],
    ['unchanged templateGeneration upon semantically equal template update', ds('abc', '1', 4, validSelector, templateAbc, onDelete), ds('abc', '2', 4, validSelector, templateAbcSemanticallyEqual, rolling)],
    ['Read-write volume verification', ds('abc', '1', 1, validSelector, templateAbc, onDelete), ds('abc', '2', 2, validSelector, rwTemplate, onDelete)],
  ];
  for (const [name, old, update] of successes) {
    const errs = validateDaemonSetUpdate(update, old);
    assert.equal(errs.length, 0, `${name}\n${show(errs)}`);
  }
  const errorCases: [string, JsonObject, JsonObject, number][] = [
    ['change daemon name', ds('', '1', 1, validSelector, templateAbc, onDelete), ds('abc', '2', 1, validSelector, templateAbc, onDelete), 1],
    ['invalid selector', ds('abc', '1', 1, validSelector, templateAbc, onDelete), ds('abc', '2', 1, invalidLabels, templateAbc, onDelete), 1],
    ['invalid pod', ds('abc', '1', 1, validSelector, templateAbc, onDelete), ds('abc', '2', 2, validSelector, invalidTemplate, onDelete), 1],
    ['invalid update strategy', ds('abc', '1', 1, validSelector, templateAbc, onDelete), ds('abc', '2', 1, validSelector, templateAbc, { type: 'Random' }), 1],
    ['negative templateGeneration', ds('abc', '1', -1, validSelector, templateAbc, onDelete), ds('abc', '2', -1, validSelector, templateAbc, onDelete), 1],
    ['decreased templateGeneration', ds('abc', '1', 2, validSelector, templateAbc, onDelete), ds('abc', '2', 1, validSelector, templateAbc, onDelete), 1],
    ['unchanged templateGeneration upon template update', ds('abc', '1', 2, validSelector, templateAbc, onDelete), ds('abc', '2', 2, validSelector2, templateAbc2, onDelete), 1],
  ];
  for (const [name, old, update, n] of errorCases) {
    const errs = validateDaemonSetUpdate(update, old);
    assert.equal(errs.length, n, `${name}\n${show(errs)}`);
  }
});

test(`${FILE} TestValidateDaemonSet`, () => {
  const validTemplate = { metadata: { labels: validLabels }, spec: podSpec() };
  const hostNetTemplate = { metadata: { labels: validLabels }, spec: podSpec({ securityContext: { hostNetwork: true }, containers: [container('abc', { ports: [{ containerPort: 12345, protocol: 'TCP' }] })] }) };
  // podtest.MakePodSpec(podtest.SetLabels(...)) keeps only the spec: the labels are lost.
  const invalidTemplate = { spec: podSpec() };
  const d = (metadata: JsonObject, spec: JsonObject): JsonObject => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata, spec });
  const successes = [
    d({ name: 'abc', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: validTemplate, updateStrategy: { type: 'OnDelete' } }),
    d({ name: 'abc-123', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: validTemplate, updateStrategy: { type: 'OnDelete' } }),
    d({ name: 'hostnet', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: hostNetTemplate, updateStrategy: { type: 'OnDelete' } }),
  ];
  for (const s of successes) {
    const errs = create('apps/v1/DaemonSet', s);
    assert.equal(errs.length, 0, show(errs));
  }
  const ephemeral = { name: 'debug', image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' };
  const errorCases: [string, JsonObject][] = [
    ['zero-length ID', d({ name: '', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: validTemplate })],
    ['missing-namespace', d({ name: 'abc-123' }, { selector: { matchLabels: validLabels }, template: validTemplate })],
    ['nil selector', d({ name: 'abc', namespace: 'default' }, { template: validTemplate })],
    ['empty selector', d({ name: 'abc', namespace: 'default' }, { selector: {}, template: validTemplate })],
    ['selector_doesnt_match', d({ name: 'abc', namespace: 'default' }, { selector: { matchLabels: { foo: 'bar' } }, template: validTemplate })],
    ['invalid template', d({ name: 'abc', namespace: 'default' }, { selector: { matchLabels: validLabels } })],
    ['invalid_label', d({ name: 'abc-123', namespace: 'default', labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }, { selector: { matchLabels: validLabels }, template: validTemplate })],
    ['invalid_label 2', d({ name: 'abc-123', namespace: 'default', labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }, { template: invalidTemplate })],
    ['invalid_annotation', d({ name: 'abc-123', namespace: 'default', annotations: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }, { selector: { matchLabels: validLabels }, template: validTemplate })],
    ['invalid restart policy 1', d({ name: 'abc-123', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: { spec: podSpec({ restartPolicy: 'OnFailure' }) } })],
    ['invalid restart policy 2', d({ name: 'abc-123', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: { spec: podSpec({ restartPolicy: 'Never' }) } })],
    [
      'template may not contain ephemeral containers',
      d({ name: 'abc', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: { metadata: { labels: validLabels }, spec: podSpec({ ephemeralContainers: [ephemeral] }) }, updateStrategy: { type: 'OnDelete' } }),
    ],
  ];
  const allowed = new Set(['metadata.name', 'metadata.namespace', 'spec.selector', 'spec.template', 'GCEPersistentDisk.ReadOnly', 'spec.template.labels', 'metadata.annotations', 'metadata.labels']);
  for (const [name, s] of errorCases) {
    const errs = create('apps/v1/DaemonSet', s);
    assert.ok(errs.length > 0, `${name}: expected failure`);
    for (const e of errs) assert.ok(e.field.startsWith('spec.template.') || e.field.startsWith('spec.updateStrategy') || allowed.has(e.field), `${name}: missing prefix for: ${errorString(e)}`);
  }
});

test(`${FILE} TestDaemonSetUpdateMaxSurge`, () => {
  const cases: [string, JsonObject, boolean][] = [
    ['invalid: unset', {}, true],
    ['invalid: zero percent', { maxUnavailable: '0%' }, true],
    ['invalid: zero', { maxUnavailable: 0 }, true],
    ['valid: one', { maxUnavailable: 1 }, false],
    ['valid: one percent', { maxUnavailable: '1%' }, false],
    ['valid: 100%', { maxUnavailable: '100%' }, false],
    ['invalid: greater than 100%', { maxUnavailable: '101%' }, true],
    ['valid: surge and unavailable set', { maxUnavailable: '1%', maxSurge: '1%' }, true],
    ['invalid: surge enabled, unavailable zero percent', { maxUnavailable: '0%' }, true],
    ['invalid: surge enabled, unavailable zero', { maxUnavailable: 0 }, true],
    ['valid: surge enabled, unavailable one', { maxUnavailable: 1 }, false],
    ['valid: surge enabled, unavailable one percent', { maxUnavailable: '1%' }, false],
    ['valid: surge enabled, unavailable 100%', { maxUnavailable: '100%' }, false],
    ['invalid: surge enabled, unavailable greater than 100%', { maxUnavailable: '101%' }, true],
    ['invalid: surge enabled, surge zero percent', { maxSurge: '0%' }, true],
    ['invalid: surge enabled, surge zero', { maxSurge: 0 }, true],
    ['valid: surge enabled, surge one', { maxSurge: 1 }, false],
    ['valid: surge enabled, surge one percent', { maxSurge: '1%' }, false],
    ['valid: surge enabled, surge 100%', { maxSurge: '100%' }, false],
    ['invalid: surge enabled, surge greater than 100%', { maxSurge: '101%' }, true],
    ['invalid: surge enabled, surge and unavailable set', { maxUnavailable: '1%', maxSurge: '1%' }, true],
    ['invalid: surge enabled, surge and unavailable zero percent', { maxUnavailable: '0%', maxSurge: '0%' }, true],
    ['invalid: surge enabled, surge and unavailable zero', { maxUnavailable: 0, maxSurge: 0 }, true],
    ['invalid: surge enabled, surge and unavailable mixed zero', { maxUnavailable: 0, maxSurge: '0%' }, true],
  ];
  for (const [name, ru, expectError] of cases) {
    const errs = validateRollingUpdateDaemonSet(ru, Path.of('spec', 'updateStrategy', 'rollingUpdate'));
    assert.equal(errs.length > 0, expectError, `${name}\n${show(errs)}`);
  }
});
