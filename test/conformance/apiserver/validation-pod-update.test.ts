// Pod update and status-update validation against upstream's tables:
// TestValidatePodUpdate and TestValidatePodStatusUpdate in
// pkg/apis/core/validation/validation_test.go. Upstream checks only that the
// aggregate error message contains `err` (or that there is no error), so
// these cases do the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregateMessage, errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject, JsonValue } from '../../../simulations/apimachinery/json.ts';
import { validatePodStatusUpdate, validatePodUpdate, type PodValidationOptions } from '../../../simulations/apiserver/validation/core/pod.ts';
import { makeContainer, makePod, UPSTREAM, ZERO_OPTS } from './validation-pod-fixtures.ts';

interface UpdateCase {
  test: string;
  new: JsonObject;
  old: JsonObject;
  err: string;
  opts?: PodValidationOptions;
}

function meta(p: JsonObject): JsonObject {
  return p.metadata as JsonObject;
}
function spec(p: JsonObject): JsonObject {
  return p.spec as JsonObject;
}

/** TestValidatePodUpdate's loop: resourceVersion "1", then name, namespace, a container, dnsPolicy and restartPolicy when both sides leave them unset. */
function prepare(c: UpdateCase): void {
  meta(c.new).resourceVersion = '1';
  meta(c.old).resourceVersion = '1';
  if (!meta(c.new).name && !meta(c.old).name) {
    meta(c.new).name = 'name';
    meta(c.old).name = 'name';
  }
  if (!meta(c.new).namespace && !meta(c.old).namespace) {
    meta(c.new).namespace = 'namespace';
    meta(c.old).namespace = 'namespace';
  }
  if (spec(c.new).containers === undefined && spec(c.old).containers === undefined) {
    const auto = (): JsonValue[] => [{ name: 'autoadded', image: 'image', terminationMessagePolicy: 'File', imagePullPolicy: 'Always' }];
    spec(c.new).containers = auto();
    spec(c.old).containers = auto();
  }
  if (!spec(c.new).dnsPolicy && !spec(c.old).dnsPolicy) {
    spec(c.new).dnsPolicy = 'ClusterFirst';
    spec(c.old).dnsPolicy = 'ClusterFirst';
  }
  if (!spec(c.new).restartPolicy && !spec(c.old).restartPolicy) {
    spec(c.new).restartPolicy = 'Always';
    spec(c.old).restartPolicy = 'Always';
  }
}

const ctr = (image: string): JsonObject => makeContainer('container', { image });
const withLimits = (limits: JsonObject): JsonObject => makeContainer('container', { resources: { limits } });
const withRequests = (requests: JsonObject): JsonObject => makeContainer('container', { resources: { requests } });
const deletedAt = '2009-11-10T23:00:00Z';
const gate = (name: string): JsonObject => ({ name });

const expr = (key: string, ...values: string[]): JsonObject => ({ key, operator: 'In', values });
const field = (...values: string[]): JsonObject => ({ key: 'metadata.name', operator: 'In', values });
/** core.Affinity with required node terms. */
const requiredTerms = (...terms: JsonObject[]): JsonObject => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } });
const preferred = (term: JsonObject): JsonObject => ({ nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: term }] } });
const FOO_TERM = (): JsonObject => ({ matchExpressions: [expr('expr', 'foo')] });
const FOO_FIELD_TERM = (): JsonObject => ({ matchExpressions: [expr('expr', 'foo')], matchFields: [field('foo')] });
const ADDED_TERM = (): JsonObject => ({ matchExpressions: [expr('expr', 'foo'), expr('expr2', 'foo2')], matchFields: [field('foo')] });

const FORBIDDEN_SPEC = 'spec: Forbidden: pod updates may not change fields';
const FORBIDDEN_OTHER = 'Forbidden: pod updates may not change fields other than `spec.containers[*].image';

const updateCases: UpdateCase[] = [
  // MakePod("") on both sides; the loop fills in the name.
  { test: 'nothing', new: makePod(''), old: makePod(''), err: '' },
  { test: 'ids', new: makePod('foo'), old: makePod('bar'), err: 'metadata.name' },
  { test: 'labels', new: makePod('foo', {}, { labels: { foo: 'bar' } }), old: makePod('foo', {}, { labels: { bar: 'foo' } }), err: '' },
  { test: 'annotations', new: makePod('foo', {}, { annotations: { foo: 'bar' } }), old: makePod('foo', {}, { annotations: { bar: 'foo' } }), err: '' },
  {
    test: 'less containers',
    new: makePod('foo', { containers: [makeContainer('container')] }),
    old: makePod('foo', { containers: [makeContainer('container'), makeContainer('container2')] }),
    err: 'may not add or remove containers',
  },
  {
    test: 'more containers',
    new: makePod('foo', { containers: [makeContainer('container'), makeContainer('container2')] }),
    old: makePod('foo', { containers: [makeContainer('container')] }),
    err: 'may not add or remove containers',
  },
  {
    test: 'more init containers',
    new: makePod('foo', { initContainers: [makeContainer('container'), makeContainer('container2')] }),
    old: makePod('foo', { initContainers: [makeContainer('container')] }),
    err: 'may not add or remove containers',
  },
  { test: 'deletion timestamp removed', new: makePod('foo'), old: makePod('foo', {}, { deletionTimestamp: deletedAt }), err: 'metadata.deletionTimestamp' },
  { test: 'deletion timestamp added', new: makePod('foo', {}, { deletionTimestamp: deletedAt }), old: makePod('foo'), err: 'metadata.deletionTimestamp' },
  {
    test: 'deletion grace period seconds changed',
    new: makePod('foo', {}, { deletionTimestamp: deletedAt, deletionGracePeriodSeconds: 30 }),
    old: makePod('foo', {}, { deletionTimestamp: deletedAt, deletionGracePeriodSeconds: 31 }),
    err: 'metadata.deletionGracePeriodSeconds',
  },
  { test: 'image change', new: makePod('foo', { containers: [ctr('foo:V2')] }), old: makePod('foo', { containers: [ctr('foo:V1')] }), err: '' },
  {
    test: 'init container image change',
    new: makePod('foo', { initContainers: [ctr('foo:V2')] }),
    old: makePod('foo', { initContainers: [ctr('foo:V1')] }),
    err: '',
  },
  { test: 'image change to empty', new: makePod('foo', { containers: [ctr('')] }), old: makePod('foo', { containers: [ctr('foo:V1')] }), err: 'spec.containers[0].image' },
  {
    test: 'init container image change to empty',
    new: makePod('foo', { initContainers: [ctr('')] }),
    old: makePod('foo', { initContainers: [ctr('foo:V1')] }),
    err: 'spec.initContainers[0].image',
  },
  {
    test: 'ephemeralContainer changes are not allowed via normal pod update',
    new: makePod('foo', { ephemeralContainers: [{ name: 'ephemeral', image: 'busybox', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }] }),
    old: makePod('foo'),
    err: 'Forbidden: pod updates may not change fields other than',
  },
  { test: 'activeDeadlineSeconds no change, nil', new: makePod('foo'), old: makePod('foo'), err: '' },
  { test: 'activeDeadlineSeconds change to positive from nil', new: makePod('foo', { activeDeadlineSeconds: 30 }), old: makePod('foo'), err: '' },
  { test: 'activeDeadlineSeconds change to smaller positive', new: makePod('foo', { activeDeadlineSeconds: 30 }), old: makePod('foo', { activeDeadlineSeconds: 31 }), err: '' },
  { test: 'activeDeadlineSeconds change to larger positive', new: makePod('foo', { activeDeadlineSeconds: 31 }), old: makePod('foo', { activeDeadlineSeconds: 30 }), err: 'spec.activeDeadlineSeconds' },
  { test: 'activeDeadlineSeconds change to negative from nil', new: makePod('foo', { activeDeadlineSeconds: -30 }), old: makePod('foo'), err: 'spec.activeDeadlineSeconds' },
  { test: 'activeDeadlineSeconds change to negative from positive', new: makePod('foo', { activeDeadlineSeconds: -30 }), old: makePod('foo', { activeDeadlineSeconds: 30 }), err: 'spec.activeDeadlineSeconds' },
  { test: 'activeDeadlineSeconds change to zero from positive', new: makePod('foo', { activeDeadlineSeconds: 0 }), old: makePod('foo', { activeDeadlineSeconds: 30 }), err: 'spec.activeDeadlineSeconds' },
  { test: 'activeDeadlineSeconds change to zero from nil', new: makePod('foo', { activeDeadlineSeconds: 0 }), old: makePod('foo'), err: 'spec.activeDeadlineSeconds' },
  { test: 'activeDeadlineSeconds change to nil from positive', new: makePod('foo'), old: makePod('foo', { activeDeadlineSeconds: 30 }), err: 'spec.activeDeadlineSeconds' },
  { test: 'cpu limit change', new: makePod('foo', { containers: [withLimits({ cpu: '100m', memory: '0' })] }), old: makePod('foo', { containers: [withLimits({ cpu: '200m', memory: '0' })] }), err: FORBIDDEN_SPEC },
  { test: 'memory limit change', new: makePod('foo', { containers: [withLimits({ cpu: '100m', memory: '100Mi' })] }), old: makePod('foo', { containers: [withLimits({ cpu: '100m', memory: '200Mi' })] }), err: FORBIDDEN_SPEC },
  {
    test: 'storage limit change',
    new: makePod('foo', { containers: [withLimits({ cpu: '100m', memory: '100Mi', 'ephemeral-storage': '1Gi' })] }),
    old: makePod('foo', { containers: [withLimits({ cpu: '100m', memory: '100Mi', 'ephemeral-storage': '2Gi' })] }),
    err: FORBIDDEN_SPEC,
  },
  { test: 'cpu request change', new: makePod('foo', { containers: [withRequests({ cpu: '100m', memory: '0' })] }), old: makePod('foo', { containers: [withRequests({ cpu: '200m', memory: '0' })] }), err: FORBIDDEN_SPEC },
  { test: 'memory request change', new: makePod('foo', { containers: [withRequests({ cpu: '0', memory: '200Mi' })] }), old: makePod('foo', { containers: [withRequests({ cpu: '0', memory: '100Mi' })] }), err: FORBIDDEN_SPEC },
  {
    test: 'fsGroupChangePolicy change',
    new: makePod('foo', { securityContext: { fsGroupChangePolicy: 'Always' } }),
    old: makePod('foo', { securityContext: { fsGroupChangePolicy: 'OnRootMismatch' } }),
    err: FORBIDDEN_SPEC,
  },
  {
    test: 'port change',
    new: makePod('foo', { containers: [makeContainer('container', { ports: [{ hostPort: 8080, containerPort: 80 }] })] }),
    old: makePod('foo', { containers: [makeContainer('container', { ports: [{ hostPort: 8000, containerPort: 80 }] })] }),
    err: FORBIDDEN_SPEC,
  },
  {
    test: 'existing toleration value modified in pod spec updates',
    new: makePod('foo', { nodeName: 'node1', tolerations: [{ key: 'key1', value: 'value2' }] }),
    old: makePod('foo', { nodeName: 'node1', tolerations: [{ key: 'key1', value: 'value1' }] }),
    err: 'spec.tolerations: Forbidden',
  },
  {
    test: 'modified tolerationSeconds in existing toleration value in pod spec updates',
    new: makePod('foo', { nodeName: 'node1', tolerations: [{ key: 'key1', value: 'value1', operator: 'Equal', effect: 'NoExecute', tolerationSeconds: 10 }] }),
    old: makePod('foo', { nodeName: 'node1', tolerations: [{ key: 'key1', value: 'value1', operator: 'Equal', effect: 'NoExecute', tolerationSeconds: 20 }] }),
    err: '',
  },
  {
    test: 'added valid new toleration to existing tolerations in pod spec updates',
    new: makePod('foo', {
      nodeName: 'node1',
      tolerations: [
        { key: 'key1', value: 'value1', operator: 'Equal', effect: 'NoExecute', tolerationSeconds: 20 },
        { key: 'key2', value: 'value2', operator: 'Equal', effect: 'NoExecute', tolerationSeconds: 10 },
      ],
    }),
    old: makePod('foo', { nodeName: 'node1', tolerations: [{ key: 'key1', value: 'value1', operator: 'Equal', effect: 'NoExecute', tolerationSeconds: 20 }] }),
    err: '',
  },
  {
    test: 'added invalid new toleration to existing tolerations in pod spec updates',
    new: makePod('foo', {
      nodeName: 'node1',
      tolerations: [
        { key: 'key1', value: 'value1', operator: 'Equal', effect: 'NoExecute', tolerationSeconds: 20 },
        { key: 'key2', value: 'value2', operator: 'Equal', effect: 'NoSchedule', tolerationSeconds: 10 },
      ],
    }),
    old: makePod('foo', { nodeName: 'node1', tolerations: [{ key: 'key1', value: 'value1', operator: 'Equal', effect: 'NoExecute', tolerationSeconds: 20 }] }),
    err: 'spec.tolerations[1].effect',
  },
  { test: 'update nodeName', new: makePod('foo', { nodeName: 'foo' }), old: makePod('foo'), err: FORBIDDEN_SPEC },
  {
    test: 'added mirror pod annotation',
    new: makePod('foo', { nodeName: 'foo' }, { annotations: { 'kubernetes.io/config.mirror': '' } }),
    old: makePod('foo', { nodeName: 'foo' }),
    err: 'metadata.annotations[kubernetes.io/config.mirror]',
  },
  {
    test: 'removed mirror pod annotation',
    new: makePod('foo', { nodeName: 'foo' }),
    old: makePod('foo', { nodeName: 'foo' }, { annotations: { 'kubernetes.io/config.mirror': '' } }),
    err: 'metadata.annotations[kubernetes.io/config.mirror]',
  },
  {
    test: 'changed mirror pod annotation',
    new: makePod('foo', { nodeName: 'foo' }, { annotations: { 'kubernetes.io/config.mirror': 'foo' } }),
    old: makePod('foo', { nodeName: 'foo' }, { annotations: { 'kubernetes.io/config.mirror': 'bar' } }),
    err: 'metadata.annotations[kubernetes.io/config.mirror]',
  },
  { test: 'changed priority class name', new: makePod('foo', { priorityClassName: 'bar-priority' }), old: makePod('foo', { priorityClassName: 'foo-priority' }), err: 'spec: Forbidden: pod updates' },
  { test: 'removed priority class name', new: makePod('foo', { priorityClassName: '' }), old: makePod('foo', { priorityClassName: 'foo-priority' }), err: 'spec: Forbidden: pod updates' },
  { test: 'update termination grace period seconds', new: makePod('foo', { terminationGracePeriodSeconds: 1 }), old: makePod('foo', { terminationGracePeriodSeconds: -1 }), err: '' },
  { test: 'update termination grace period seconds not 1', new: makePod('foo', { terminationGracePeriodSeconds: 0 }), old: makePod('foo', { terminationGracePeriodSeconds: -1 }), err: 'spec: Forbidden: pod updates' },
  {
    test: 'pod OS changing from Linux to Windows, IdentifyPodOS featuregate set',
    new: makePod('foo', { os: { name: 'windows' }, securityContext: { seLinuxOptions: { role: 'dummy' } } }),
    old: makePod('foo', { os: { name: 'linux' }, securityContext: { seLinuxOptions: { role: 'dummy' } } }),
    err: FORBIDDEN_OTHER,
  },
  {
    test: "pod OS changing from Linux to Windows, IdentifyPodOS featuregate set, we'd get SELinux errors as well",
    new: makePod('foo', { os: { name: 'windows' }, securityContext: { seLinuxOptions: { role: 'dummy' } } }),
    old: makePod('foo', { os: { name: 'linux' }, securityContext: { seLinuxOptions: { role: 'dummy' } } }),
    err: 'spec.securityContext.seLinuxOptions: Forbidden',
  },
  { test: 'invalid PodOS update, IdentifyPodOS featuregate set', new: makePod('foo', { os: { name: 'dummy' } }), old: makePod('foo'), err: FORBIDDEN_OTHER },
  { test: 'update pod spec OS to a valid value, featuregate disabled', new: makePod('foo', { os: { name: 'linux' } }), old: makePod('foo', { os: { name: 'windows' } }), err: 'Forbidden: pod updates may not change fields other than ' },
  {
    test: 'update pod spec schedulingGates: add new scheduling gate',
    new: makePod('foo', { schedulingGates: [gate('foo')] }),
    old: makePod('foo'),
    err: "Forbidden: only deletion is allowed, but found new scheduling gate 'foo'",
  },
  {
    test: 'update pod spec schedulingGates: mutating an existing scheduling gate',
    new: makePod('foo', { schedulingGates: [gate('bar')] }),
    old: makePod('foo', { schedulingGates: [gate('foo')] }),
    err: "Forbidden: only deletion is allowed, but found new scheduling gate 'bar'",
  },
  {
    test: 'update pod spec schedulingGates: mutating an existing scheduling gate along with deletion',
    new: makePod('foo', { schedulingGates: [gate('baz')] }),
    old: makePod('foo', { schedulingGates: [gate('foo'), gate('bar')] }),
    err: "Forbidden: only deletion is allowed, but found new scheduling gate 'baz'",
  },
  { test: 'update pod spec schedulingGates: legal deletion', new: makePod('foo'), old: makePod('foo', { schedulingGates: [gate('foo')] }), err: '' },
  {
    test: 'adding node selector is allowed for gated pods',
    new: makePod('foo', { nodeSelector: { foo: 'bar' }, schedulingGates: [gate('baz')] }),
    old: makePod('foo', { schedulingGates: [gate('baz')] }),
    err: '',
  },
  {
    test: 'adding node selector is not allowed for non-gated pods',
    new: makePod('foo', { nodeSelector: { foo: 'bar', foo2: 'bar2' } }),
    old: makePod('foo', { nodeSelector: { foo: 'bar' } }),
    err: FORBIDDEN_OTHER,
  },
  {
    test: 'removing node selector is not allowed for gated pods',
    new: makePod('foo', { schedulingGates: [gate('baz')] }),
    old: makePod('foo', { nodeSelector: { foo: 'bar' }, schedulingGates: [gate('baz')] }),
    err: 'spec.nodeSelector: Invalid value:',
  },
  { test: 'removing node selector is not allowed for non-gated pods', new: makePod('foo'), old: makePod('foo', { nodeSelector: { foo: 'bar' } }), err: FORBIDDEN_OTHER },
  {
    test: 'old pod spec has scheduling gate, new pod spec does not, and node selector is added',
    new: makePod('foo', { nodeSelector: { foo: 'bar', foo2: 'bar2' } }),
    old: makePod('foo', { nodeSelector: { foo: 'bar' }, schedulingGates: [gate('baz')] }),
    err: '',
  },
  {
    test: 'modifying value of existing node selector is not allowed',
    new: makePod('foo', { nodeSelector: { foo: 'new value' }, schedulingGates: [gate('baz')] }),
    old: makePod('foo', { nodeSelector: { foo: 'bar' }, schedulingGates: [gate('baz')] }),
    err: 'spec.nodeSelector: Invalid value:',
  },
  {
    test: 'addition to nodeAffinity is allowed for gated pods',
    new: makePod('foo', { affinity: requiredTerms(ADDED_TERM()), schedulingGates: [gate('baz')] }),
    old: makePod('foo', { affinity: requiredTerms(FOO_TERM()), schedulingGates: [gate('baz')] }),
    err: '',
  },
  {
    test: 'old RequiredDuringSchedulingIgnoredDuringExecution is non-nil, new RequiredDuringSchedulingIgnoredDuringExecution is nil, pod is gated',
    new: makePod('foo', { affinity: { nodeAffinity: {} }, schedulingGates: [gate('baz')] }),
    old: makePod('foo', { affinity: requiredTerms(FOO_TERM()), schedulingGates: [gate('baz')] }),
    err: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Invalid value:',
  },
  {
    test: 'addition to nodeAffinity is not allowed for non-gated pods',
    new: makePod('foo', { affinity: requiredTerms(ADDED_TERM()) }),
    old: makePod('foo', { affinity: requiredTerms(FOO_TERM()) }),
    err: FORBIDDEN_OTHER,
  },
  {
    test: 'old pod spec has scheduling gate, new pod spec does not, and node affinity addition occurs',
    new: makePod('foo', { affinity: requiredTerms(ADDED_TERM()) }),
    old: makePod('foo', { affinity: requiredTerms(FOO_TERM()), schedulingGates: [gate('baz')] }),
    err: '',
  },
  {
    test: 'nodeAffinity deletion from MatchExpressions not allowed',
    new: makePod('foo', { affinity: requiredTerms({ matchFields: [field('foo')] }), schedulingGates: [gate('baz')] }),
    old: makePod('foo', { affinity: requiredTerms(FOO_TERM()), schedulingGates: [gate('baz')] }),
    err: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]: Invalid value:',
  },
  {
    test: 'nodeAffinity deletion from MatchFields not allowed',
    new: makePod('foo', { affinity: requiredTerms(FOO_TERM()), schedulingGates: [gate('baz')] }),
    old: makePod('foo', { affinity: requiredTerms(FOO_FIELD_TERM()), schedulingGates: [gate('baz')] }),
    err: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]: Invalid value:',
  },
  {
    test: 'nodeAffinity modification of item in MatchExpressions not allowed',
    new: makePod('foo', { affinity: requiredTerms({ matchExpressions: [expr('expr', 'bar')], matchFields: [field('foo')] }), schedulingGates: [gate('baz')] }),
    old: makePod('foo', { affinity: requiredTerms(FOO_FIELD_TERM()), schedulingGates: [gate('baz')] }),
    err: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]: Invalid value:',
  },
  {
    test: 'nodeAffinity modification of item in MatchFields not allowed',
    new: makePod('foo', { affinity: requiredTerms({ matchExpressions: [expr('expr', 'foo')], matchFields: [field('bar')] }), schedulingGates: [gate('baz')] }),
    old: makePod('foo', { affinity: requiredTerms(FOO_FIELD_TERM()), schedulingGates: [gate('baz')] }),
    err: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]: Invalid value:',
  },
  {
    test: 'nodeSelectorTerms addition on gated pod should fail',
    new: makePod('foo', {
      affinity: requiredTerms(
        { matchExpressions: [expr('expr', 'foo')], matchFields: [field('bar')] },
        { matchExpressions: [expr('expr', 'foo2')], matchFields: [field('bar2')] },
      ),
      schedulingGates: [gate('baz')],
    }),
    old: makePod('foo', { affinity: requiredTerms(FOO_FIELD_TERM()), schedulingGates: [gate('baz')] }),
    err: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Invalid value:',
  },
  {
    test: 'preferredDuringSchedulingIgnoredDuringExecution can modified for gated pods',
    new: makePod('foo', { affinity: preferred({ matchExpressions: [expr('expr', 'foo2')] }), schedulingGates: [gate('baz')] }),
    old: makePod('foo', { affinity: preferred(FOO_TERM()), schedulingGates: [gate('baz')] }),
    err: '',
  },
  {
    test: 'preferredDuringSchedulingIgnoredDuringExecution can have additions for gated pods',
    new: makePod('foo', { affinity: preferred({ matchExpressions: [expr('expr', 'foo'), expr('expr2', 'foo2')], matchFields: [field('bar')] }), schedulingGates: [gate('baz')] }),
    old: makePod('foo', { affinity: preferred(FOO_TERM()), schedulingGates: [gate('baz')] }),
    err: '',
  },
  {
    test: 'preferredDuringSchedulingIgnoredDuringExecution can have removals for gated pods',
    new: makePod('foo', { schedulingGates: [gate('baz')] }),
    old: makePod('foo', { affinity: preferred(FOO_TERM()), schedulingGates: [gate('baz')] }),
    err: '',
  },
  {
    test: 'new node affinity is nil',
    new: makePod('foo', { affinity: {}, schedulingGates: [gate('baz')] }),
    old: makePod('foo', { affinity: requiredTerms(FOO_TERM()), schedulingGates: [gate('baz')] }),
    err: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Invalid value:',
  },
  {
    test: 'empty NodeSelectorTerm (selects nothing) cannot become populated (selects something)',
    new: makePod('foo', { affinity: requiredTerms(FOO_TERM()), schedulingGates: [gate('baz')] }),
    old: makePod('foo', { affinity: requiredTerms({}), schedulingGates: [gate('baz')] }),
    err: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]: Invalid value:',
  },
  {
    test: 'nil affinity can be mutated for gated pods',
    new: makePod('foo', { affinity: requiredTerms(FOO_TERM()), schedulingGates: [gate('baz')] }),
    old: makePod('foo', { schedulingGates: [gate('baz')] }),
    err: '',
  },
  {
    test: 'the podAffinity cannot be updated on gated pods',
    new: makePod('foo', {
      affinity: { ...requiredTerms(FOO_TERM()), podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'foo', labelSelector: { matchLabels: { foo: 'bar' } } }] } },
      schedulingGates: [gate('baz')],
    }),
    old: makePod('foo', { schedulingGates: [gate('baz')] }),
    err: 'pod updates may not change fields other than',
  },
  {
    test: 'the podAntiAffinity cannot be updated on gated pods',
    new: makePod('foo', {
      affinity: { ...requiredTerms(FOO_TERM()), podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'foo', labelSelector: { matchLabels: { foo: 'bar' } } }] } },
      schedulingGates: [gate('baz')],
    }),
    old: makePod('foo', { schedulingGates: [gate('baz')] }),
    err: 'pod updates may not change fields other than',
  },
  {
    test: 'allow update pod if old pod already has invalid label-value in node affinity',
    new: makePod('foo', { affinity: requiredTerms({ matchExpressions: [expr('expr', '-1')] }) }),
    old: makePod('foo', { affinity: requiredTerms({ matchExpressions: [expr('expr', '-1')] }), schedulingGates: [gate('baz')] }),
    err: '',
    opts: { ...ZERO_OPTS, allowInvalidLabelValueInRequiredNodeAffinity: true },
  },
  {
    test: 'not allow update node affinity to an invalid label-value',
    new: makePod('foo', { affinity: requiredTerms({ matchExpressions: [expr('expr', '-1')] }), schedulingGates: [gate('baz')] }),
    old: makePod('foo', { affinity: requiredTerms({ matchExpressions: [expr('expr', 'bar')] }), schedulingGates: [gate('baz')] }),
    err: "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.'",
  },
  {
    test: 'cpu limit change with pod-level resources',
    new: makePod('pod', {
      containers: [withLimits({ cpu: '200m', memory: '0', 'ephemeral-storage': '1Gi' })],
      resources: { limits: { cpu: '100m', memory: '200Mi' } },
    }),
    old: makePod('pod', { containers: [withLimits({ cpu: '100m', memory: '0', 'ephemeral-storage': '1Gi' })] }),
    err: 'pod updates may not change fields other than',
  },
  {
    test: 'memory limit change with pod-level resources',
    new: makePod('pod', { containers: [withLimits({ cpu: '100m', memory: '100Mi' })] }),
    old: makePod('pod', { containers: [withLimits({ cpu: '100m', memory: '200Mi' })], resources: { limits: { cpu: '100m', memory: '200Mi' } } }),
    err: 'pod updates may not change fields other than',
  },
];

for (const c of updateCases) {
  test(`${UPSTREAM} TestValidatePodUpdate: ${c.test}`, () => {
    prepare(c);
    const errs = validatePodUpdate(c.new, c.old, c.opts ?? ZERO_OPTS);
    if (c.err === '') {
      assert.deepEqual(errs.map(errorString), [], c.test);
    } else {
      assert.ok(errs.length > 0, `${c.test}: unexpected valid`);
      const msg = aggregateMessage(errs);
      assert.ok(msg.includes(c.err), `${c.test}: ${msg}\nshould contain: ${c.err}`);
    }
  });
}

// The full Forbidden message a learner sees when changing restartPolicy:
// updatablePodSpecFields joined by "," ahead of the diff.
test(`${UPSTREAM} TestValidatePodUpdate: the Forbidden message lists the updatable fields (validation.go updatablePodSpecFields)`, () => {
  const c: UpdateCase = { test: 'restartPolicy', new: makePod('foo', { restartPolicy: 'Never' }), old: makePod('foo'), err: '' };
  prepare(c);
  const errs = validatePodUpdate(c.new, c.old, ZERO_OPTS);
  assert.equal(errs.length, 1);
  assert.ok(
    errorString(errs[0]).startsWith(
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n',
    ),
    errorString(errs[0]),
  );
});

// ---- TestValidatePodStatusUpdate: upstream calls ValidatePodStatusUpdate(&new, &old, PodValidationOptions{}) after setting resourceVersion "1". ----

interface StatusCase {
  test: string;
  new: JsonObject;
  old: JsonObject;
  err: string;
}

const withStatus = (p: JsonObject, status: JsonObject): JsonObject => ({ ...p, status });
const running = { running: { startedAt: '2024-01-01T00:00:00Z' } };
const completed = { terminated: { containerID: 'docker://numbers', reason: 'Completed' } };
const waiting = { waiting: { reason: 'PodInitializing' } };

const statusCases: StatusCase[] = [
  {
    test: 'removed nominatedNodeName',
    new: withStatus(makePod('foo', { nodeName: 'node1' }), { nominatedNodeName: 'node1' }),
    old: withStatus(makePod('foo', { nodeName: 'node1' }), {}),
    err: '',
  },
  {
    test: 'add valid nominatedNodeName',
    new: makePod('foo', { nodeName: 'node1' }),
    old: withStatus(makePod('foo', { nodeName: 'node1' }), { nominatedNodeName: 'node1' }),
    err: '',
  },
  {
    test: 'Add invalid nominatedNodeName',
    new: withStatus(makePod('foo', { nodeName: 'node1' }), { nominatedNodeName: 'Node1' }),
    old: makePod('foo', { nodeName: 'node1' }),
    err: 'nominatedNodeName',
  },
  {
    test: 'Update nominatedNodeName',
    new: withStatus(makePod('foo', { nodeName: 'node1' }), { nominatedNodeName: 'node1' }),
    old: withStatus(makePod('foo', { nodeName: 'node1' }), { nominatedNodeName: 'node2' }),
    err: '',
  },
  {
    test: 'Container statuses pending',
    new: withStatus(makePod('foo'), {
      initContainerStatuses: [{ containerID: 'docker://numbers', image: 'alpine', name: 'init', ready: false, started: false, state: waiting }],
      containerStatuses: [{ containerID: 'docker://numbers', image: 'nginx:alpine', name: 'main', ready: false, started: false, state: waiting }],
    }),
    old: makePod('foo'),
    err: '',
  },
  {
    test: 'Container statuses running',
    new: withStatus(makePod('foo'), {
      initContainerStatuses: [{ containerID: 'docker://numbers', image: 'alpine', imageID: 'docker-pullable://nginx@sha256:d0gf00d', name: 'init', ready: true, state: completed }],
      containerStatuses: [{ containerID: 'docker://numbers', image: 'nginx:alpine', imageID: 'docker-pullable://nginx@sha256:d0gf00d', name: 'nginx', ready: true, started: true, state: running }],
    }),
    old: withStatus(makePod('foo'), {
      initContainerStatuses: [{ containerID: 'docker://numbers', image: 'alpine', name: 'init', ready: false, state: waiting }],
      containerStatuses: [{ containerID: 'docker://numbers', image: 'nginx:alpine', name: 'main', ready: false, started: false, state: waiting }],
    }),
    err: '',
  },
  {
    test: 'Non-existent PodResourceClaim',
    new: withStatus(makePod('foo'), { resourceClaimStatuses: [{ name: 'no-such-claim', resourceClaimName: 'my-claim' }] }),
    old: makePod('foo'),
    err: 'status.resourceClaimStatuses[0].name: Invalid value: "no-such-claim": must match the name of an entry in `spec.resourceClaims`',
  },
  {
    test: 'Invalid ResourceClaim name',
    new: withStatus(makePod('foo', { resourceClaims: [{ name: 'my-claim' }] }), { resourceClaimStatuses: [{ name: 'my-claim', resourceClaimName: '%$!#' }] }),
    old: makePod('foo', { resourceClaims: [{ name: 'my-claim' }] }),
    err: 'status.resourceClaimStatuses[0].name: Invalid value: "%$!#": a lowercase RFC 1123 subdomain must consist of',
  },
  {
    test: 'Duplicate ResourceClaimStatuses.Name',
    new: withStatus(makePod('foo', { resourceClaims: [{ name: 'my-claim' }, { name: 'my-other-claim' }] }), {
      resourceClaimStatuses: [{ name: 'my-claim', resourceClaimName: 'foo-my-claim-12345' }, { name: 'my-other-claim' }, { name: 'my-other-claim' }],
    }),
    old: makePod('foo', { resourceClaims: [{ name: 'my-claim' }] }),
    err: 'status.resourceClaimStatuses[2].name: Duplicate value: "my-other-claim"',
  },
  {
    test: 'ResourceClaimStatuses okay',
    new: withStatus(makePod('foo', { resourceClaims: [{ name: 'my-claim' }, { name: 'my-other-claim' }] }), {
      resourceClaimStatuses: [{ name: 'my-claim', resourceClaimName: 'foo-my-claim-12345' }, { name: 'my-other-claim' }],
    }),
    old: makePod('foo', { resourceClaims: [{ name: 'my-claim' }] }),
    err: '',
  },
];

for (const c of statusCases) {
  test(`${UPSTREAM} TestValidatePodStatusUpdate: ${c.test}`, () => {
    meta(c.new).resourceVersion = '1';
    meta(c.old).resourceVersion = '1';
    const errs = validatePodStatusUpdate(c.new, c.old, ZERO_OPTS);
    if (c.err === '') assert.deepEqual(errs.map(errorString), [], c.test);
    else {
      const msg = aggregateMessage(errs);
      assert.ok(errs.length > 0 && msg.includes(c.err), `${c.test}: ${msg}\nshould contain: ${c.err}`);
    }
  });
}

// ---- TestPodIPsValidation and TestHostIPsValidation: each Pod's status is
// checked as an update from every other case's Pod (renamed to match). ----

/** The makePod / makePodWithHostIPs helpers of validation_test.go. */
function ipPod(name: string, status: JsonObject): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'ns' },
    spec: { containers: [{ name: 'ctr', image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
    status,
  };
}

const ipLists: [string, string[] | null, boolean][] = [
  ['nil-ips', null, false],
  ['empty-podips-list', [], false],
  ['single-ip-family-6', ['::1'], false],
  ['single-ip-family-4', ['1.1.1.1'], false],
  ['dual-stack-4-6', ['1.1.1.1', '::1'], false],
  ['dual-stack-6-4', ['::1', '1.1.1.1'], false],
  ['invalid-pod-ip', ['this-is-not-an-ip'], true],
  ['dualstack-same-ip-family-6', ['::1', '::2'], true],
  ['dualstack-same-ip-family-4', ['1.1.1.1', '2.2.2.2'], true],
  ['dualstack-repeated-ip-family-6', ['1.1.1.1', '::1', '::2'], true],
  ['dualstack-repeated-ip-family-4', ['1.1.1.1', '::1', '2.2.2.2'], true],
  ['dualstack-duplicate-ip-family-4', ['1.1.1.1', '1.1.1.1', '::1'], true],
  ['dualstack-duplicate-ip-family-6', ['1.1.1.1', '::1', '::1'], true],
];

const podIPsStatus = (ips: string[] | null): JsonObject => (ips === null ? {} : { podIPs: ips.map((ip) => ({ ip })) });
const hostIPsStatus = (ips: string[] | null): JsonObject => {
  if (ips === null) return {};
  return ips.length > 0 ? { hostIP: ips[0], hostIPs: ips.map((ip) => ({ ip })) } : { hostIPs: [] };
};

for (const [fn, statusOf] of [
  ['TestPodIPsValidation', podIPsStatus],
  ['TestHostIPsValidation', hostIPsStatus],
] as const) {
  for (const [name, ips, expectError] of ipLists) {
    test(`${UPSTREAM} ${fn}: ${name}`, () => {
      for (const [, oldIPs] of ipLists) {
        const newPod = ipPod(name, statusOf(ips));
        const oldPod = ipPod(name, statusOf(oldIPs));
        meta(newPod).resourceVersion = '1';
        meta(oldPod).resourceVersion = '1';
        const errs = validatePodStatusUpdate(newPod, oldPod, ZERO_OPTS);
        if (expectError) assert.ok(errs.length > 0, `${name}: expected failure`);
        else assert.deepEqual(errs.map(errorString), [], name);
      }
    });
  }
}
