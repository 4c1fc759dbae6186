// The contract's createCustomResource example, plus cases modelled on apiextensions-apiserver's
// integration tests in test/integration/pruning_test.go (unknown fields and unknown metadata fields are
// pruned, also in embedded resources; not transcribed line by line) and the rule of
// schema/objectmeta/validation.go that an embedded resource names apiVersion and kind.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCustomResource } from '../../../simulations/index.ts';

const crd = (schema: object) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'foos.tests.example.com' },
  spec: {
    group: 'tests.example.com',
    scope: 'Namespaced',
    names: { plural: 'foos', singular: 'foo', kind: 'Foo', listKind: 'FooList' },
    versions: [{ name: 'v1beta1', served: true, storage: true, schema: { openAPIV3Schema: schema } }],
  },
});

const fooSchema = {
  type: 'object',
  properties: {
    alpha: { type: 'string' },
    beta: { type: 'number' },
    embedded: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object' } } },
  },
};

describe('createCustomResource', () => {
  it('the contract example: an unspecified field is pruned', () => {
    const r = createCustomResource(crd(fooSchema), { apiVersion: 'tests.example.com/v1beta1', kind: 'Foo', metadata: { name: 'foo' }, unspecified: 'bar' });
    assert.ok('object' in r);
    const o = r.object as Record<string, unknown>;
    assert.equal(o.apiVersion, 'tests.example.com/v1beta1');
    assert.equal(o.kind, 'Foo');
    assert.equal((o.metadata as Record<string, unknown>).name, 'foo');
    assert.equal('unspecified' in o, false);
  });
  it('unknown metadata fields go, also in an embedded resource', () => {
    const r = createCustomResource(crd(fooSchema), {
      apiVersion: 'tests.example.com/v1beta1',
      kind: 'Foo',
      metadata: { name: 'foo', unspecified: 'bar' },
      alpha: 'abc',
      beta: 42,
      embedded: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', unspecified: 'bar' }, spec: { x: 1 }, unspecified: 'bar' },
    });
    assert.ok('object' in r);
    const o = r.object as Record<string, any>;
    assert.equal(o.metadata.unspecified, undefined);
    assert.equal(o.alpha, 'abc');
    assert.deepEqual(o.embedded, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} });
  });
  it('an embedded resource needs apiVersion and kind', () => {
    const r = createCustomResource(crd(fooSchema), { apiVersion: 'tests.example.com/v1beta1', kind: 'Foo', metadata: { name: 'foo' }, embedded: { spec: {} } });
    assert.ok('error' in r);
    assert.match(r.error, /^Foo\.tests\.example\.com "foo" is invalid: /);
    assert.ok(r.error.includes('embedded.apiVersion: Required value: must not be empty'), r.error);
    assert.ok(r.error.includes('embedded.kind: Required value: must not be empty'), r.error);
  });
  it('a schema violation is a 422 worded as kube-apiserver words it', () => {
    const r = createCustomResource(crd(fooSchema), { apiVersion: 'tests.example.com/v1beta1', kind: 'Foo', metadata: { name: 'foo' }, beta: 'x' });
    assert.deepEqual(r, { error: 'Foo.tests.example.com "foo" is invalid: beta: Invalid value: "string": beta in body must be of type number: "string"' });
  });
});
