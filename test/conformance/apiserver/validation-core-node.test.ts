// Upstream: pkg/apis/core/validation/validation_test.go: TestValidateNode,
// TestValidateNodeUpdate.
//
// The Go Nodes are internal objects; here they are v1 Nodes (status.addresses,
// status.capacity, spec.taints, spec.podCIDRs). Upstream asserts success or
// failure (TestValidateNode's error cases also allow a set of fields, which
// does not constrain them); the `errors` below name the type and field of
// each error ValidateNode / ValidateNodeUpdate produce, traced through
// validation.go. Note upstream reports spec.taints under metadata.taints.
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
const D = (field: string): Want => ({ type: 'FieldValueDuplicate', field });

const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const pick = (errs: ErrorList): Want[] => errs.map((e) => ({ type: e.type, field: e.field }));
const nodeValidation = validationFor('v1/Node');

const AVOID_PODS = 'scheduler.alpha.kubernetes.io/preferAvoidPods';
const avoidPods = (controller: boolean | undefined): string =>
  JSON.stringify({
    preferAvoidPods: [
      {
        ...(controller === undefined
          ? {}
          : { podSignature: { podController: { apiVersion: 'v1', kind: 'ReplicationController', name: 'foo', uid: 'abcdef123456', controller } } }),
        reason: 'some reason',
        message: 'some message',
      },
    ],
  });

const external = { addresses: [{ type: 'ExternalIP', address: 'something' }] };
const node = (metadata: JsonObject, spec: JsonObject = {}, status: JsonObject = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Node', metadata, spec, status });

const successCases: JsonObject[] = [
  node({ name: 'abc', labels: { a: 'b' } }, {}, { ...external, capacity: { cpu: '10', memory: '10G', 'my.org/gpu': '10', 'hugepages-2Mi': '10Gi', 'hugepages-1Gi': '0' } }),
  node({ name: 'abc' }, {}, { ...external, capacity: { cpu: '10', memory: '0' } }),
  node({ name: 'abc', labels: { a: 'b' } }, {}, { ...external, capacity: { cpu: '10', memory: '10G', 'my.org/gpu': '10', 'hugepages-2Mi': '10Gi', 'hugepages-1Gi': '10Gi' } }),
  node({ name: 'dedicated-node1' }, { taints: [{ key: 'GPU', value: 'true', effect: 'NoSchedule' }] }, { ...external, capacity: { cpu: '10', memory: '0' } }),
  node({ name: 'abc', annotations: { [AVOID_PODS]: avoidPods(true) } }, {}, { ...external, capacity: { cpu: '10', memory: '0' } }),
  node({ name: 'abc' }, { podCIDRs: ['192.168.0.0/16'] }, { ...external, capacity: { cpu: '10', memory: '0' } }),
];

const capacity = { cpu: '10', memory: '0' };
const errorCases: { name: string; node: JsonObject; errors: Want[] }[] = [
  { name: 'zero-length Name', node: node({ name: '', labels: { a: 'b' } }, {}, { addresses: [], capacity: { cpu: '10', memory: '10G' } }), errors: [R('metadata.name')] },
  {
    name: 'invalid-labels',
    node: node({ name: 'abc-123', labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'b' } }, {}, { capacity: { cpu: '10', memory: '10G' } }),
    errors: [I('metadata.labels')],
  },
  {
    name: 'missing-taint-key',
    node: node({ name: 'dedicated-node1' }, { taints: [{ key: '', value: 'special-user-1', effect: 'NoSchedule' }] }),
    // An empty qualified name fails twice: "must be non-empty" and the regex.
    errors: [I('metadata.taints[0].key'), I('metadata.taints[0].key')],
  },
  {
    name: 'bad-taint-key',
    node: node({ name: 'dedicated-node1' }, { taints: [{ key: 'NoUppercaseOrSpecialCharsLike=Equals', value: 'special-user-1', effect: 'NoSchedule' }] }),
    errors: [I('metadata.taints[0].key')],
  },
  {
    name: 'bad-taint-value',
    node: node({ name: 'dedicated-node2' }, { taints: [{ key: 'dedicated', value: 'some\\bad\\value', effect: 'NoSchedule' }] }, { ...external, capacity }),
    errors: [I('metadata.taints[0].value')],
  },
  {
    name: 'missing-taint-effect',
    node: node({ name: 'dedicated-node3' }, { taints: [{ key: 'dedicated', value: 'special-user-3', effect: '' }] }, { ...external, capacity }),
    errors: [R('metadata.taints[0].effect')],
  },
  {
    name: 'invalid-taint-effect',
    node: node({ name: 'dedicated-node3' }, { taints: [{ key: 'dedicated', value: 'special-user-3', effect: 'NoScheduleNoAdmit' }] }, { ...external, capacity }),
    errors: [NS('metadata.taints[0].effect')],
  },
  {
    name: 'duplicated-taints-with-same-key-effect',
    node: node(
      { name: 'dedicated-node1' },
      {
        taints: [
          { key: 'dedicated', value: 'special-user-1', effect: 'NoSchedule' },
          { key: 'dedicated', value: 'special-user-2', effect: 'NoSchedule' },
        ],
      },
    ),
    errors: [D('metadata.taints[1]')],
  },
  {
    name: 'missing-podSignature',
    node: node({ name: 'abc-123', annotations: { [AVOID_PODS]: avoidPods(undefined) } }, {}, { addresses: [], capacity }),
    errors: [R(`metadata.annotations.${AVOID_PODS}[0].PodSignature`)],
  },
  {
    name: 'invalid-podController',
    node: node({ name: 'abc-123', annotations: { [AVOID_PODS]: avoidPods(false) } }, {}, { addresses: [], capacity }),
    errors: [I(`metadata.annotations.${AVOID_PODS}[0].PodSignature.PodController.Controller`)],
  },
  { name: 'invalid-pod-cidr', node: node({ name: 'abc' }, { podCIDRs: ['192.168.0.0'] }, { ...external, capacity }), errors: [I('spec.podCIDRs[0]')] },
  {
    name: 'duplicate-pod-cidr',
    node: node({ name: 'abc' }, { podCIDRs: ['10.0.0.1/16', '10.0.0.1/16'] }, { ...external, capacity }),
    // Not dual-stack, and a duplicate. (The host bits are accepted: StrictIPCIDRValidation is off in v1.36.)
    errors: [I('spec.podCIDRs'), D('spec.podCIDRs[1]')],
  },
];

test(`${FILE} TestValidateNode`, async (t) => {
  assert.ok(nodeValidation);
  for (const [i, n] of successCases.entries()) {
    await t.test(`success ${i}`, () => {
      const errs = nodeValidation.create(n);
      assert.deepEqual(pick(errs), [], show(errs));
    });
  }
  for (const c of errorCases) {
    await t.test(c.name, () => {
      const errs = nodeValidation.create(c.node);
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

// TestValidateNodeUpdate: both Nodes get resourceVersion "1".
const meta = (name: string, extra: JsonObject = {}): JsonObject => ({ name, resourceVersion: '1', ...extra });
const updateCases: { name: string; old: JsonObject; node: JsonObject; errors: Want[] }[] = [
  { name: '0 empty nodes', old: node(meta('')), node: node(meta('')), errors: [] },
  { name: '1 rename', old: node(meta('foo')), node: node(meta('bar')), errors: [I('metadata.name')] },
  { name: '2 change a label', old: node(meta('foo', { labels: { foo: 'bar' } })), node: node(meta('foo', { labels: { foo: 'baz' } })), errors: [] },
  { name: '3 add a label', old: node(meta('foo')), node: node(meta('foo', { labels: { foo: 'baz' } })), errors: [] },
  { name: '4 replace labels', old: node(meta('foo', { labels: { bar: 'foo' } })), node: node(meta('foo', { labels: { foo: 'baz' } })), errors: [] },
  { name: '5 set podCIDRs', old: node(meta('foo'), { podCIDRs: [] }), node: node(meta('foo'), { podCIDRs: ['192.168.0.0/16'] }), errors: [] },
  {
    name: '6 change podCIDRs',
    old: node(meta('foo'), { podCIDRs: ['192.123.0.0/16'] }),
    node: node(meta('foo'), { podCIDRs: ['192.168.0.0/16'] }),
    errors: [F('spec.podCIDRs')],
  },
  {
    name: '7 change capacity',
    old: node(meta('foo'), {}, { capacity: { cpu: '10000', memory: '100' } }),
    node: node(meta('foo'), {}, { capacity: { cpu: '100', memory: '10000' } }),
    errors: [],
  },
  {
    name: '8 change capacity and labels',
    old: node(meta('foo', { labels: { bar: 'foo' } }), {}, { capacity: { cpu: '10000', memory: '100' } }),
    node: node(meta('foo', { labels: { bar: 'fooobaz' } }), {}, { capacity: { cpu: '100', memory: '10000' } }),
    errors: [],
  },
  {
    name: '9 drop addresses',
    old: node(meta('foo', { labels: { bar: 'foo' } }), {}, { addresses: [{ type: 'ExternalIP', address: '1.2.3.4' }] }),
    node: node(meta('foo', { labels: { bar: 'fooobaz' } })),
    errors: [],
  },
  { name: '10 upper-case label key', old: node(meta('foo', { labels: { foo: 'baz' } })), node: node(meta('foo', { labels: { Foo: 'baz' } })), errors: [] },
  { name: '11 cordon', old: node(meta('foo'), { unschedulable: false }), node: node(meta('foo'), { unschedulable: true }), errors: [] },
  {
    name: '12 duplicate addresses',
    old: node(meta('foo'), { unschedulable: false }),
    node: node(meta('foo'), {}, { addresses: [{ type: 'ExternalIP', address: '1.1.1.1' }, { type: 'ExternalIP', address: '1.1.1.1' }] }),
    errors: [D('status.addresses[1]')],
  },
  {
    name: '13 same address, two types',
    old: node(meta('foo'), { unschedulable: false }),
    node: node(meta('foo'), {}, { addresses: [{ type: 'ExternalIP', address: '1.1.1.1' }, { type: 'InternalIP', address: '10.1.1.1' }] }),
    errors: [],
  },
  { name: '14 preferAvoidPods', old: node(meta('foo')), node: node(meta('foo', { annotations: { [AVOID_PODS]: avoidPods(true) } }), { unschedulable: false }), errors: [] },
  {
    name: '15 preferAvoidPods without podSignature',
    old: node(meta('foo')),
    node: node(meta('foo', { annotations: { [AVOID_PODS]: avoidPods(undefined) } })),
    errors: [R(`metadata.annotations.${AVOID_PODS}[0].PodSignature`)],
  },
  {
    name: '16 preferAvoidPods with a non-controller',
    old: node(meta('foo')),
    node: node(meta('foo', { annotations: { [AVOID_PODS]: avoidPods(false) } })),
    errors: [I(`metadata.annotations.${AVOID_PODS}[0].PodSignature.PodController.Controller`)],
  },
  {
    name: '17 valid-extended-resources',
    old: node(meta('valid-extended-resources')),
    node: node(meta('valid-extended-resources'), {}, { capacity: { cpu: '10', memory: '10G', 'example.com/a': '5', 'example.com/b': '10' } }),
    errors: [],
  },
  {
    name: '18 invalid-fractional-extended-capacity',
    old: node(meta('invalid-fractional-extended-capacity')),
    node: node(meta('invalid-fractional-extended-capacity'), {}, { capacity: { cpu: '10', memory: '10G', 'example.com/a': '500m' } }),
    errors: [I('status.capacity.example.com/a')],
  },
  {
    name: '19 invalid-fractional-extended-allocatable',
    old: node(meta('invalid-fractional-extended-allocatable')),
    node: node(
      meta('invalid-fractional-extended-allocatable'),
      {},
      { capacity: { cpu: '10', memory: '10G', 'example.com/a': '5' }, allocatable: { cpu: '10', memory: '10G', 'example.com/a': '4.5' } },
    ),
    errors: [I('status.allocatable.example.com/a')],
  },
  {
    name: '20 update-provider-id-when-not-set',
    old: node(meta('update-provider-id-when-not-set')),
    node: node(meta('update-provider-id-when-not-set'), { providerID: 'provider:///new' }),
    errors: [],
  },
  {
    name: '21 update-provider-id-when-set',
    old: node(meta('update-provider-id-when-set'), { providerID: 'provider:///old' }),
    node: node(meta('update-provider-id-when-set'), { providerID: 'provider:///new' }),
    errors: [F('spec.providerID')],
  },
  {
    name: '22 pod-cidrs-as-is',
    old: node(meta('pod-cidrs-as-is'), { podCIDRs: ['192.168.0.0/16'] }),
    node: node(meta('pod-cidrs-as-is'), { podCIDRs: ['192.168.0.0/16'] }),
    errors: [],
  },
  {
    name: '23 pod-cidrs-as-is-2',
    old: node(meta('pod-cidrs-as-is-2'), { podCIDRs: ['192.168.0.0/16', '2000::/10'] }),
    node: node(meta('pod-cidrs-as-is-2'), { podCIDRs: ['192.168.0.0/16', '2000::/10'] }),
    errors: [],
  },
  {
    name: '24 pod-cidrs-not-same-length',
    old: node(meta('pod-cidrs-not-same-length'), { podCIDRs: ['192.168.0.0/16', '192.167.0.0/16', '2000::/10'] }),
    node: node(meta('pod-cidrs-not-same-length'), { podCIDRs: ['192.168.0.0/16', '2000::/10'] }),
    errors: [F('spec.podCIDRs')],
  },
  {
    name: '25 pod-cidrs-not-same',
    old: node(meta('pod-cidrs-not-same'), { podCIDRs: ['192.168.0.0/16', '2000::/10'] }),
    node: node(meta('pod-cidrs-not-same'), { podCIDRs: ['2000::/10', '192.168.0.0/16'] }),
    errors: [F('spec.podCIDRs'), F('spec.podCIDRs')],
  },
];

test(`${FILE} TestValidateNodeUpdate`, async (t) => {
  assert.ok(nodeValidation?.update);
  for (const c of updateCases) {
    await t.test(c.name, () => {
      const errs = nodeValidation.update?.(c.node, c.old) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

// Not an upstream table: v1's single spec.podCIDR converts to podCIDRs before validation
// (pkg/apis/core/v1/conversion.go), so it is checked the same way.
test('a v1 Node with only spec.podCIDR has it validated as podCIDRs[0]', () => {
  const errs = nodeValidation?.create(node({ name: 'abc' }, { podCIDR: '192.168.0.0' })) ?? [];
  assert.deepEqual(pick(errs), [I('spec.podCIDRs[0]')]);
});
