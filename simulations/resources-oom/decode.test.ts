// The decoder against encoding/json's rules (sigs.k8s.io/json decode.go): the
// UnmarshalTypeError text "json: cannot unmarshal <value> into Go struct field
// <Struct>.<json path> of type <type>" (indices and map keys not in the path),
// null as the zero value, undeclared fields dropped, and the field path for the line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../shared/errors.ts';
import { attachPosition } from '../shared/yaml.ts';
import { CONTAINER, EVENT, POD, readPod, readTop } from './core-v1.ts';
import { DURATION, INT32, INT_OR_STRING, TIME, parseRFC3339, struct } from './decode.ts';
import { objects } from './test-helpers.ts';

const pod = (spec: unknown, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec, ...extra });

const refused: { name: string; value: unknown; read: (v: unknown) => unknown; message: string }[] = [
  {
    name: 'a number where a string is expected names the innermost struct and the JSON path without indices',
    value: pod({ containers: [{ name: 'c', image: 5 }] }), read: readPod,
    message: 'spec.containers[0].image: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string',
  },
  {
    name: 'a string where a list is expected reports the slice type',
    value: pod({ containers: [] }, { metadata: { name: 'p', ownerReferences: 'rs' } }), read: readPod,
    message: 'metadata.ownerReferences: json: cannot unmarshal string into Go struct field ObjectMeta.metadata.ownerReferences of type []v1.OwnerReference',
  },
  {
    name: 'a list where a struct is expected reports "array" and the struct type',
    value: pod([]), read: readPod,
    message: 'spec: json: cannot unmarshal array into Go struct field Pod.spec of type v1.PodSpec',
  },
  {
    name: 'a map value of the wrong type keeps the map field in the path (map keys are not part of it)',
    value: pod({}, { metadata: { name: 'p', labels: { app: 1 } } }), read: readPod,
    message: 'metadata.labels.app: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
  },
  {
    name: 'a fractional number for an int32 quotes the number, as literalStore does',
    value: pod({ priority: 1.5 }), read: readPod,
    message: 'spec.priority: json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.priority of type int32',
  },
  {
    name: 'an int32 out of range is refused the same way',
    value: pod({ priority: 3_000_000_000 }), read: readPod,
    message: 'spec.priority: json: cannot unmarshal number 3000000000 into Go struct field PodSpec.spec.priority of type int32',
  },
  {
    name: 'a named string type is reported by its Go name',
    value: pod({ restartPolicy: true }), read: readPod,
    message: 'spec.restartPolicy: json: cannot unmarshal bool into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
  },
  {
    name: 'a resource quantity that does not parse is refused with the quantity wording',
    value: pod({ containers: [{ name: 'c', resources: { limits: { memory: '12Qi' } } }] }), read: readPod,
    message: "spec.containers[0].resources.limits.memory: '12Qi' is not a valid quantity",
  },
  {
    name: 'a time is an RFC 3339 string: metav1.Time.UnmarshalJSON reads a string first (no struct context)',
    value: pod({}, { metadata: { name: 'p', creationTimestamp: 1 } }), read: readPod,
    message: 'metadata.creationTimestamp: json: cannot unmarshal number into Go value of type string',
  },
  {
    name: 'a string that is not an RFC 3339 time is refused (day out of range for the month)',
    value: pod({}, { metadata: { name: 'p', creationTimestamp: '2025-02-30T00:00:00Z' } }), read: readPod,
    message: 'metadata.creationTimestamp: Invalid value: "2025-02-30T00:00:00Z": must be an RFC 3339 time such as "2025-01-01T00:00:00Z"',
  },
  {
    name: 'intstr.IntOrString takes a string or an int32; a bool fails like IntOrString.UnmarshalJSON',
    value: pod({ containers: [{ name: 'c', livenessProbe: { httpGet: { port: true } } }] }), read: readPod,
    message: 'spec.containers[0].livenessProbe.httpGet.port: json: cannot unmarshal bool into Go value of type int32',
  },
  {
    name: 'an Event count that is a string',
    value: { apiVersion: 'v1', kind: 'Event', count: '3' }, read: (v) => readTop(EVENT, v),
    message: 'count: json: cannot unmarshal string into Go struct field Event.count of type int32',
  },
  {
    name: 'a document that is not an object at all',
    value: 'hello', read: readPod,
    message: 'json: cannot unmarshal string into Go value of type v1.Pod',
  },
];

for (const c of refused) {
  test(`decode refuses: ${c.name}`, () => {
    assert.throws(() => c.read(c.value), (err: unknown) => {
      assert.ok(err instanceof ValidationError, String(err));
      assert.equal(err.message, c.message);
      return true;
    });
  });
}

test('decode: null is the zero value, so a null field is absent and a null list item is an empty struct', () => {
  const decoded = readPod(pod({ containers: [null, { name: 'c', image: null, resources: null, ports: [{ containerPort: 80, protocol: null }] }], volumes: null }));
  assert.deepEqual(decoded.spec, { containers: [{}, { name: 'c', ports: [{ containerPort: 80 }] }] });
  assert.deepEqual(readPod(null), {});
});

test('decode: a null map value is the value type’s zero value (a Quantity’s is 0)', () => {
  const decoded = readTop(CONTAINER, { name: 'c', resources: { limits: { memory: null } } });
  assert.deepEqual(decoded.resources, { limits: { memory: '0' } });
});

test('decode: undeclared fields are dropped, and "__proto__" keys stay plain data', () => {
  const raw = JSON.parse('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"__proto__":"x"}},"spec":{"containers":[],"affinity":{"x":1}},"extra":true}');
  const decoded = readPod(raw);
  assert.deepEqual(Object.keys(decoded).sort(), ['apiVersion', 'kind', 'metadata', 'spec']);
  assert.deepEqual(Object.keys(decoded.spec!), ['containers']);
  assert.equal(Object.getPrototypeOf(decoded.metadata!.labels), Object.prototype);
  assert.equal(Object.getOwnPropertyDescriptor(decoded.metadata!.labels, '__proto__')?.value, 'x');
});

test('decode: a strict struct refuses an undeclared field by name', () => {
  const STRICT = struct('Thing', { a: INT32 }, { strict: true });
  assert.throws(() => readTop(STRICT, { a: 1, b: 2 }), { name: 'ValidationError', message: 'b: unknown field "b"' });
});

test('decode: the error points at the line of the field in the learner’s YAML', () => {
  const [raw] = objects('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: 1.27\n');
  assert.throws(() => readTop(POD, raw), (err: unknown) => {
    assert.ok(err instanceof ValidationError);
    assert.equal(err.reason, 'json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string');
    assert.equal(attachPosition(err).position?.line, 8);
    return true;
  });
});

test('decode: scalars accept exactly their JSON types', () => {
  const at = { root: {}, path: ['x'], struct: 'S', fields: ['x'] };
  assert.equal(INT_OR_STRING.read('http', at), 'http');
  assert.equal(INT_OR_STRING.read(8080, at), 8080);
  assert.equal(DURATION.read('1m30s', at), 90_000);
  assert.throws(() => DURATION.read(90, at), /cannot unmarshal number into Go value of type string/);
  assert.throws(() => DURATION.read('5x', at), /time: unknown unit "x" in duration "5x"/);
  assert.equal(TIME.read('2025-01-01T00:00:00.123456+02:00', at), '2025-01-01T00:00:00.123456+02:00');
});

test('parseRFC3339: Go’s ranges (leap days, hours, offsets)', () => {
  assert.equal(parseRFC3339('2024-02-29T00:00:00Z'), Date.UTC(2024, 1, 29));
  for (const bad of ['2025-02-29T00:00:00Z', '2025-01-01T24:00:00Z', '2025-01-01T00:00:00', '2025-01-01 00:00:00Z', '2025-01-01T00:00:00+25:00', 'yesterday']) {
    assert.equal(parseRFC3339(bad), undefined, bad);
  }
});
