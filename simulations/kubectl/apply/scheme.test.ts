// The patch metadata kubectl compiles in: every schema is well formed,
// schemaFor finds the one for each kind a learner edits, and the tags that
// decide a patch are the ones upstream's Go struct tags carry (k8s.io/api
// v0.36.3 {core,apps,batch,networking}/v1/types.go, as the API server's decode
// schemas transcribe them; summarised in /work/shared/reference/apply.md
// section 5). Kinds kubectl does not know (CRDs and custom resources) get no
// schema: kubectl falls back to a JSON merge patch for them
// (staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go, patchSimple).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinKinds, schemaFor } from './scheme.ts';
import { SchemaNode, validateSchema } from '../../apimachinery/strategic-merge-patch/patch-meta.ts';
import { patchSchemaFor } from '../../apiserver/patch-meta.ts';
import type { PatchSchema } from '../../apimachinery/strategic-merge-patch/patch-meta.ts';

/** The tags of the field at a dotted path of struct fields; the last step is looked up as a list when `list` is set. */
function tagsAt(schema: PatchSchema, dotted: string, list: boolean): { patchStrategy: string; patchMergeKey: string } {
  const path = dotted.split('.');
  let node = SchemaNode.root(schema);
  for (const key of path.slice(0, -1)) node = node.lookupStruct(key)[0];
  const last = path[path.length - 1];
  const [, meta] = list ? node.lookupSlice(last) : node.lookupStruct(last);
  return { patchStrategy: meta.field?.patchStrategy ?? '', patchMergeKey: meta.field?.patchMergeKey ?? '' };
}

interface Probe {
  path: string;
  list?: boolean;
  patchStrategy: string;
  patchMergeKey?: string;
}

const learnerKinds: { apiVersion: string; kind: string; probes: Probe[] }[] = [
  {
    apiVersion: 'v1',
    kind: 'Pod',
    probes: [
      { path: 'spec.containers', list: true, patchStrategy: 'merge', patchMergeKey: 'name' },
      { path: 'spec.volumes', list: true, patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' },
      { path: 'spec.tolerations', list: true, patchStrategy: '' },
      { path: 'metadata.finalizers', list: true, patchStrategy: 'merge' },
    ],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    probes: [
      { path: 'spec.strategy', patchStrategy: 'retainKeys' },
      { path: 'spec.template.spec.containers', list: true, patchStrategy: 'merge', patchMergeKey: 'name' },
    ],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    probes: [
      { path: 'spec.volumeClaimTemplates', list: true, patchStrategy: '' },
      { path: 'spec.template.spec.containers', list: true, patchStrategy: 'merge', patchMergeKey: 'name' },
    ],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    probes: [
      { path: 'spec.updateStrategy', patchStrategy: '' },
      { path: 'spec.template.spec.containers', list: true, patchStrategy: 'merge', patchMergeKey: 'name' },
    ],
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    probes: [{ path: 'spec.template.spec.containers', list: true, patchStrategy: 'merge', patchMergeKey: 'name' }],
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    probes: [
      { path: 'spec.ports', list: true, patchStrategy: 'merge', patchMergeKey: 'port' },
      { path: 'spec.selector', patchStrategy: '' },
    ],
  },
  { apiVersion: 'v1', kind: 'ConfigMap', probes: [{ path: 'data', patchStrategy: '' }] },
  {
    apiVersion: 'v1',
    kind: 'Secret',
    probes: [
      { path: 'data', patchStrategy: '' },
      { path: 'stringData', patchStrategy: '' },
    ],
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    probes: [
      { path: 'spec.rules', list: true, patchStrategy: '' },
      { path: 'spec.tls', list: true, patchStrategy: '' },
    ],
  },
];

describe('built-in patch metadata', () => {
  test('every built-in kind has a well-formed schema rooted at a struct of its own', () => {
    const kinds = builtinKinds();
    assert.ok(kinds.length >= 30, `only ${kinds.length} built-in kinds`);
    for (const { apiVersion, kind } of kinds) {
      const schema = schemaFor(apiVersion, kind);
      assert.ok(schema, `${apiVersion} ${kind}: no schema`);
      assert.deepEqual(validateSchema(schema), [], `${apiVersion} ${kind}`);
      assert.ok(Object.prototype.hasOwnProperty.call(schema.types, schema.root), `${apiVersion} ${kind}: root ${schema.root}`);
      assert.equal(SchemaNode.root(schema).kind, 'struct', `${apiVersion} ${kind}`);
    }
  });

  for (const { apiVersion, kind, probes } of learnerKinds) {
    test(`schemaFor("${apiVersion}", "${kind}") is listed, has its own root and carries upstream's tags`, () => {
      assert.ok(builtinKinds().some((k) => k.apiVersion === apiVersion && k.kind === kind), 'listed by builtinKinds()');
      const schema = schemaFor(apiVersion, kind);
      assert.ok(schema);
      assert.equal(schema.root, kind);
      for (const probe of probes) {
        assert.deepEqual(
          tagsAt(schema, probe.path, !!probe.list),
          { patchStrategy: probe.patchStrategy, patchMergeKey: probe.patchMergeKey ?? '' },
          `${kind} ${probe.path}`,
        );
      }
    });
  }

  test('the same apiVersion and kind always give the same schema', () => {
    assert.equal(schemaFor('apps/v1', 'Deployment'), schemaFor('apps/v1', 'Deployment'));
  });

  test('an unknown kind (a CRD) gets no schema, so kubectl falls back to a JSON merge patch', () => {
    assert.equal(schemaFor('example.com/v1', 'Widget'), undefined);
    assert.equal(schemaFor('apps/v1', 'Widget'), undefined, 'unknown kind in a built-in group');
    assert.equal(schemaFor('apps/v2', 'Deployment'), undefined, 'a version kubectl does not know');
    assert.equal(schemaFor('v1', 'Deployment'), undefined, 'a built-in kind in the wrong group');
    assert.equal(schemaFor('v1', 'constructor'), undefined, 'no prototype keys');
    assert.equal(schemaFor('toString', 'Pod'), undefined, 'no prototype keys');
  });

  test('a CustomResourceDefinition is served but not in kubectl\'s scheme: JSON merge patch', () => {
    assert.equal(schemaFor('apiextensions.k8s.io/v1', 'CustomResourceDefinition'), undefined);
    assert.ok(patchSchemaFor('apiextensions.k8s.io/v1', 'CustomResourceDefinition'), 'the API server has its Go types');
    assert.ok(!builtinKinds().some((k) => k.kind === 'CustomResourceDefinition'));
  });
});

