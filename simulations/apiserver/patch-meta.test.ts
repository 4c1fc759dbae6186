// The patch metadata the API server derives from its decode schemas: one
// well-formed struct table per served kind, carrying k8s.io/api v0.36.3's tags
// and markers, including those the hand-written tables it replaces had missed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KINDS, apiVersionOf } from './kinds.ts';
import { lookupPatchMeta, patchSchemaFor } from './patch-meta.ts';
import { SchemaNode, validateSchema } from '../apimachinery/strategic-merge-patch/patch-meta.ts';
import type { FieldMeta, PatchSchema } from '../apimachinery/strategic-merge-patch/patch-meta.ts';

function fieldAt(schema: PatchSchema, dotted: string): FieldMeta {
  const path = dotted.split('.');
  let type = schema.root;
  let meta: FieldMeta | undefined;
  for (const key of path) {
    meta = schema.types[type.replace(/^\*/, '').replace(/^\[\]/, '')][key];
    assert.ok(meta, `${dotted}: no field ${key} in ${type}`);
    type = meta.type;
  }
  return meta!;
}

describe('patchSchemaFor', () => {
  test('every served kind has a well-formed, strict table rooted at its own struct', () => {
    for (const info of KINDS) {
      const schema = patchSchemaFor(apiVersionOf(info), info.kind);
      assert.ok(schema, info.kind);
      assert.deepEqual(validateSchema(schema), [], info.kind);
      assert.equal(schema.root, info.kind);
      assert.equal(schema.strict, true);
      assert.equal(SchemaNode.root(schema).kind, 'struct');
    }
  });

  test('a kind the API server does not serve has none', () => {
    assert.equal(patchSchemaFor('v1', 'ReplicationController'), undefined);
    assert.equal(patchSchemaFor('example.com/v1', 'Widget'), undefined);
    assert.equal(lookupPatchMeta('v1', 'hasOwnProperty'), undefined);
  });

  const cases: { name: string; apiVersion: string; kind: string; path: string; want: Partial<FieldMeta> }[] = [
    // core/v1 types.go: `json:"containers" patchStrategy:"merge" patchMergeKey:"name"` +listType=map +listMapKey=name
    { name: 'Pod containers merge by name, no omitempty', apiVersion: 'v1', kind: 'Pod', path: 'spec.containers', want: { type: '[]Container', patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'], omitEmpty: false } },
    { name: 'Pod volumes merge,retainKeys by name', apiVersion: 'v1', kind: 'Pod', path: 'spec.volumes', want: { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' } },
    { name: 'Deployment strategy retainKeys', apiVersion: 'apps/v1', kind: 'Deployment', path: 'spec.strategy', want: { type: 'DeploymentStrategy', patchStrategy: 'retainKeys' } },
    { name: 'Service ports keyed by port and protocol for SSA', apiVersion: 'v1', kind: 'Service', path: 'spec.ports', want: { patchStrategy: 'merge', patchMergeKey: 'port', listType: 'map', listMapKeys: ['port', 'protocol'] } },
    { name: 'Service selector an atomic map', apiVersion: 'v1', kind: 'Service', path: 'spec.selector', want: { type: 'map[string]string', mapType: 'atomic' } },
    { name: 'ResourceList is a map of Quantity', apiVersion: 'v1', kind: 'Pod', path: 'spec.overhead', want: { type: 'map[string]Quantity' } },
    { name: 'a named string type is a string', apiVersion: 'v1', kind: 'Pod', path: 'spec.restartPolicy', want: { type: 'string' } },
    { name: 'embedded VolumeSource fields are promoted into Volume', apiVersion: 'v1', kind: 'Pod', path: 'spec.volumes.configMap', want: { type: '*ConfigMapVolumeSource' } },
    { name: 'TypeMeta is promoted: apiVersion is a field of the root', apiVersion: 'apps/v1', kind: 'Deployment', path: 'apiVersion', want: { type: 'string' } },
    // What the hand tables had missed:
    // core/v1 types.go PodStatus.HostIPs: +patchStrategy=merge +patchMergeKey=ip +listType=atomic
    { name: 'PodStatus hostIPs: merge by ip for SMP, atomic for SSA', apiVersion: 'v1', kind: 'Pod', path: 'status.hostIPs', want: { patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'atomic' } },
    // policy/v1 types.go PodDisruptionBudgetStatus.Conditions: patchStrategy:"merge" patchMergeKey:"type"
    { name: 'PodDisruptionBudget status conditions merge by type', apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', path: 'status.conditions', want: { patchStrategy: 'merge', patchMergeKey: 'type' } },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const meta = fieldAt(patchSchemaFor(c.apiVersion, c.kind)!, c.path);
      for (const [k, v] of Object.entries(c.want)) assert.deepEqual(meta[k as keyof FieldMeta], v, `${c.path} ${k}`);
    });
  }

  test('+structType=atomic structs are listed (LabelSelector, LocalObjectReference, ObjectReference)', () => {
    const pod = patchSchemaFor('v1', 'Pod')!;
    for (const name of ['LabelSelector', 'LocalObjectReference', 'ObjectFieldSelector']) assert.ok(pod.atomicStructs?.includes(name), name);
    assert.ok(patchSchemaFor('v1', 'ServiceAccount')!.atomicStructs?.includes('ObjectReference'));
  });

  test('a JSON key the Go struct does not have is an error, as PatchMetaFromStruct says it', () => {
    const node = lookupPatchMeta('apps/v1', 'Deployment')!;
    assert.throws(() => node.lookupStruct('spec')[0].lookupStruct('replicaz'), /unable to find api field in struct DeploymentSpec for the json field "replicaz"/);
  });

  test('the same kind always gives the same table', () => {
    assert.equal(patchSchemaFor('apps/v1', 'Deployment'), patchSchemaFor('apps/v1', 'Deployment'));
  });
});
