import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepCopy } from './deep-copy.ts';
import type { JsonObject } from './json.ts';

test('deepCopy copies every level: changing the copy leaves the original alone', () => {
  const pod = JSON.parse('{"metadata":{"name":"web","labels":{"app":"web"}},"spec":{"containers":[{"name":"c","ports":[{"containerPort":80}]}]}}') as JsonObject;
  const copy = deepCopy(pod);
  assert.deepEqual(copy, pod);
  ((copy.metadata as JsonObject).labels as JsonObject).app = 'x';
  (((copy.spec as JsonObject).containers as JsonObject[])[0].ports as JsonObject[]).push({ containerPort: 81 });
  assert.equal(((pod.metadata as JsonObject).labels as JsonObject).app, 'web');
  assert.equal((((pod.spec as JsonObject).containers as JsonObject[])[0].ports as JsonObject[]).length, 1);
});

test('deepCopy keeps scalars, null, -0, empty containers and key order', () => {
  const v = JSON.parse('{"b":1,"a":[null,true,"s",1.5,{},[]],"c":null}') as JsonObject;
  v.z = -0;
  const copy = deepCopy(v);
  assert.deepEqual(Object.keys(copy), ['b', 'a', 'c', 'z']);
  assert.ok(Object.is(copy.z, -0));
  assert.deepEqual(copy, v);
  assert.equal(deepCopy(null), null);
  assert.equal(deepCopy('x'), 'x');
  assert.equal(deepCopy(undefined), undefined);
});

test('an own "__proto__" key is copied as data and never becomes the prototype', () => {
  const v = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as JsonObject;
  const copy = deepCopy(v);
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  assert.ok(Object.prototype.hasOwnProperty.call(copy, '__proto__'));
  assert.equal(JSON.stringify(copy), '{"__proto__":{"polluted":true},"a":1}');
  assert.equal((copy as Record<string, unknown>).polluted, undefined);
});
