// Strict decoding of the built-in kinds (simulations/apiserver/decode/).
//
// Upstream, in order:
// - k8s.io/api roundtrip_test.go TestCompatibility: testdata/HEAD/<group>.<version>.<Kind>.json,
//   an instance of each kind with every field set, decodes. Read from the local
//   mirror of k8s.io/api when there is one (the fixtures are ~60 KB each), and
//   the same check on objects built from the schema tables everywhere else.
// - sigs.k8s.io/json kubernetes_patch_test.go TestStrictErrors and json_test.go
//   TestUnmarshal, run on their own test structs through `unmarshal`.
// - k8s.io/apimachinery pkg/runtime/serializer/json/json_test.go TestDecode: the
//   strict-mode coercion and case-sensitivity cases on testDecodable/testDecodeCoercion.
// - k8s.io/apiserver pkg/admission/plugin/policy/mutating/patch/json_patch_test.go
//   TestJSONPatch "jsonPatch invalid CEL initializer field": an apps/v1 Deployment
//   through the same strict serializer; pkg/endpoints/apiserver_test.go (the
//   400's "cannot be handled as a <Kind>" wrapper of handlers/rest.go transformDecodeError).
// - Cases on our kinds at several depths whose expected text follows upstream's
//   formats (sigs.k8s.io/json decode.go addErrorContext, UnmarshalTypeError.Error,
//   kubernetes_patch.go strictError, runtime strictDecodingError): each names the
//   source it is read from. Go scalars (time, base64, Quantity) are in
//   decode-scalars.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { decodeObject, unmarshal, type DecodeProblem } from '../../../simulations/apiserver/decode/decode.ts';
import { GO_TYPES, GoTypes, type TypeNode } from '../../../simulations/apiserver/decode/go-types.ts';
import { KIND_STRUCTS, PACKAGES } from '../../../simulations/apiserver/decode/schemas.ts';
import type { GoPackage } from '../../../simulations/apiserver/decode/schema-types.ts';
import { KINDS, apiVersionOf, kindKey } from '../../../simulations/apiserver/kinds.ts';

const MIRROR = '/work/.mirror/kubernetes+api/repo';
const API_TAG = 'v0.36.3';

/** The cause of a failed decode, or 'ok'. */
function causeOf(object: unknown): string {
  const r = decodeObject(object);
  return r.ok ? 'ok' : r.cause;
}

/** The fixtures of our kinds from the mirror, read with one `git cat-file --batch`; undefined without a mirror. */
function readFixtures(files: string[]): Map<string, string> | undefined {
  if (!existsSync(MIRROR)) return undefined;
  const out = execFileSync('git', ['-C', MIRROR, 'cat-file', '--batch'], { input: files.map((f) => `${API_TAG}:${f}`).join('\n') + '\n', maxBuffer: 1 << 26 });
  const fixtures = new Map<string, string>();
  let at = 0;
  for (const file of files) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    fixtures.set(file, out.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return fixtures;
}

describe('k8s.io/api roundtrip_test.go TestCompatibility: every testdata/HEAD fixture of our kinds decodes strictly', () => {
  const fileOf = (group: string, version: string, kind: string) => `testdata/HEAD/${group === '' ? 'core' : group}.${version}.${kind}.json`;
  const fixtures = readFixtures(KINDS.map((k) => fileOf(k.group, k.version, k.kind)));
  for (const info of KINDS) {
    const file = fileOf(info.group, info.version, info.kind);
    // CustomResourceDefinition lives in k8s.io/apiextensions-apiserver, whose fixtures the mirror does not have.
    const skip = fixtures === undefined ? `no mirror of k8s.io/api at ${MIRROR} (the CI clone has none)` : !fixtures.has(file) ? `${file} is not in k8s.io/api` : false;
    it(`${API_TAG} ${file}`, { skip }, () => {
      const result = decodeObject(JSON.parse(fixtures!.get(file)!));
      assert.equal(result.ok ? 'ok' : result.message, 'ok');
    });
  }
});

// ---- objects built from the schema tables --------------------------------

/** A value of every field, recursively (a recursive struct, JSONSchemaProps, stops at its second visit). */
function populate(t: TypeNode, chain: string[]): unknown {
  switch (t.k) {
    case 'string':
      return 'x';
    case 'bool':
      return true;
    case 'int':
    case 'uint':
      return 1;
    case 'float':
      return 1.5;
    case 'bytes':
      return 'aGk=';
    case 'any':
      return { a: [1] };
    case 'slice':
      return [populate(t.elem, chain)];
    case 'map':
      return { k: populate(t.elem, chain) };
    case 'struct': {
      if (chain.filter((r) => r === t.ref).length >= 2) return {};
      const out: Record<string, unknown> = {};
      for (const [name, field] of GO_TYPES.structInfo(t.ref).fields) out[name] = populate(field.type, [...chain, t.ref]);
      return out;
    }
    case 'custom':
      switch (t.custom) {
        case 'quantity':
          return '1500m';
        case 'intstr':
          return 8080;
        case 'time':
          return '2025-01-01T00:00:00Z';
        case 'microtime':
          return '2025-01-01T00:00:00.000000Z';
        case 'raw':
          return { a: [1, 'b'] };
        case 'schemaOrBool':
          return { type: 'string' };
        case 'schemaOrArray':
          return [{ type: 'string' }];
        case 'schemaOrStringArray':
          return ['a'];
      }
  }
}

function fullObject(apiVersion: string, kind: string): Record<string, unknown> {
  const ref = KIND_STRUCTS[kindKey(apiVersion, kind)];
  const object = populate(GO_TYPES.typeNode(ref.slice(0, ref.indexOf('.')), ref), []) as Record<string, unknown>;
  return { ...object, apiVersion, kind };
}

/** Every path to an object decoded as a struct, as [JS path, strict path text]. */
function structPaths(t: TypeNode, v: unknown, path: (string | number)[], text: string, out: [(string | number)[], string][]): void {
  if (t.k === 'struct' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
    out.push([path, text]);
    const fields = GO_TYPES.structInfo(t.ref).fields;
    for (const [k, child] of Object.entries(v)) {
      const f = fields.get(k);
      if (f) structPaths(f.type, child, [...path, k], text === '' ? k : `${text}.${k}`, out);
    }
  } else if (t.k === 'slice' && Array.isArray(v)) {
    v.forEach((item, i) => structPaths(t.elem, item, [...path, i], `${text}[${i}]`, out));
  } else if (t.k === 'map' && v !== null && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) structPaths(t.elem, child, [...path, k], text === '' ? k : `${text}.${k}`, out);
  }
}

function at(object: unknown, path: readonly (string | number)[]): Record<string, unknown> {
  let v = object as Record<string | number, unknown>;
  for (const p of path) v = v[p] as Record<string | number, unknown>;
  return v as Record<string, unknown>;
}

describe('every built-in kind, fully populated from the schema tables', () => {
  for (const info of KINDS) {
    const apiVersion = apiVersionOf(info);
    it(`a ${info.kind} with every field set decodes`, () => {
      assert.equal(causeOf(fullObject(apiVersion, info.kind)), 'ok');
    });
    it(`a ${info.kind} with an unknown field in any of its structs is refused with that field's path (kubernetes_patch.go strictError)`, () => {
      const object = fullObject(apiVersion, info.kind);
      const ref = KIND_STRUCTS[kindKey(apiVersion, info.kind)];
      const paths: [(string | number)[], string][] = [];
      structPaths(GO_TYPES.typeNode(ref.slice(0, ref.indexOf('.')), ref), object, [], '', paths);
      // every struct up to 40 of them, spread over the object
      const step = Math.max(1, Math.floor(paths.length / 40));
      for (let i = 0; i < paths.length; i += step) {
        const [path, text] = paths[i];
        const copy = structuredClone(object);
        at(copy, path).zzUnknown = 1;
        const field = text === '' ? 'zzUnknown' : `${text}.zzUnknown`;
        const r = decodeObject(copy);
        assert.ok(!r.ok, `expected a failure at ${field}`);
        assert.equal(r.cause, `strict decoding error: unknown field "${field}"`);
        assert.deepEqual(r.problems, [{ path: [...path, 'zzUnknown'], message: `unknown field "${field}"` }]);
      }
    });
  }
});

// ---- sigs.k8s.io/json's own tests ------------------------------------------

/** The Go structs of the sigs.k8s.io/json tests, as a package of their own. */
const SIGS_JSON: GoPackage = {
  id: 'sigs',
  path: 'sigs.k8s.io/json/internal/golang/encoding/json',
  name: 'json',
  structs: {
    // kubernetes_patch_test.go TestStrictErrors
    SubType: [],
    Typed: ['a int', 'b map[string]SubType', 'c []SubType'],
    // json_test.go TestUnmarshal
    Obj: ['a int', 'b int', 'c map[string]string', 'D int', 'E int'],
  },
  named: {},
};
/** The test structs of apimachinery's serializer/json/json_test.go. */
const SERIALIZER_JSON: GoPackage = {
  id: 'serializer',
  path: 'k8s.io/apimachinery/pkg/runtime/serializer/json',
  name: 'json',
  structs: {
    testDecodable: ['... meta.TypeMeta', 'Other string', 'value int', 'spec DecodableSpec', 'interface interface{}'],
    DecodableSpec: ['A int', 'B int', 'C int', 'D int', 'E int', 'F int', 'G int', 'h int', 'i int', 'j int', 'k int', 'l int', 'm int', 'n int', 'o int'],
    testDecodeCoercion: [
      '... meta.TypeMeta', 'bool bool', 'int int', 'int32 int', 'int64 int', 'float32 float32', 'float64 float64', 'string string',
      'struct testDecodable', 'array []string', 'map map[string]string',
    ],
  },
  named: {},
};
const TEST_TYPES = new GoTypes({ ...PACKAGES, sigs: SIGS_JSON, serializer: SERIALIZER_JSON });

/** UnmarshalStrictError.Error() (kubernetes_patch.go): what Unmarshal with DisallowUnknownFields returns. */
function unmarshalStrictError(errors: readonly DecodeProblem[]): string {
  return `json: ${errors.map((e) => e.message).join(', ')}`;
}

describe('sigs.k8s.io/json kubernetes_patch_test.go TestStrictErrors (Unmarshal into Typed with DisallowUnknownFields)', () => {
  // A JS object cannot hold a key twice: the cases' repeated keys appear once, which changes nothing
  // here because upstream reports each unknown path once. The malformed-JSON cases have no JS form.
  const cases: { name: string; in: Record<string, unknown>; strict: boolean; err: string }[] = [
    { name: 'type error', in: { a: true }, strict: false, err: 'json: cannot unmarshal bool into Go struct field Typed.a of type int' },
    { name: 'unknown', in: { a: 1, unknown: true }, strict: true, err: 'json: unknown field "unknown"' },
    { name: 'unknowns', in: { a: 1, unknown: true, unknown2: true }, strict: true, err: 'json: unknown field "unknown", unknown field "unknown2"' },
    {
      name: 'nested unknowns',
      in: { a: 1, unknown: true, unknown2: true, b: { a: { unknown: true } }, c: [{ unknown: true }, { unknown: true }] },
      strict: true,
      err: 'json: unknown field "unknown", unknown field "unknown2", unknown field "b.a.unknown", unknown field "c[0].unknown", unknown field "c[1].unknown"',
    },
    { name: 'unknowns and type error', in: { unknown: true, a: true }, strict: false, err: 'json: cannot unmarshal bool into Go struct field Typed.a of type int' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      // the test's JSON is decoded in its own key order
      const r = unmarshal(c.in, 'sigs', 'Typed', { strict: true, keyOrder: 'as-written', types: TEST_TYPES });
      assert.equal(r.error === undefined, c.strict);
      assert.equal(r.error?.message ?? unmarshalStrictError(r.strictErrors), c.err);
    });
  }
});

describe('sigs.k8s.io/json json_test.go TestUnmarshal (UnmarshalStrict into Obj)', () => {
  it('case-sensitive: {"a":1,"A":2,"B":3} has strict errors unknown field "A", unknown field "B"', () => {
    const r = unmarshal({ a: 1, A: 2, B: 3 }, 'sigs', 'Obj', { strict: true, keyOrder: 'as-written', types: TEST_TYPES });
    assert.equal(r.error, undefined);
    assert.deepEqual(r.strictErrors.map((e) => e.message), ['unknown field "A"', 'unknown field "B"']);
  });
  it('unknown fields: {"a":1,"unknown":true,"unknown2":false,"b":2} has strict errors unknown field "unknown", unknown field "unknown2"', () => {
    const r = unmarshal({ a: 1, unknown: true, unknown2: false, b: 2 }, 'sigs', 'Obj', { strict: true, keyOrder: 'as-written', types: TEST_TYPES });
    assert.equal(r.error, undefined);
    assert.deepEqual(r.strictErrors.map((e) => e.message), ['unknown field "unknown"', 'unknown field "unknown2"']);
  });
});

describe('k8s.io/apimachinery pkg/runtime/serializer/json/json_test.go TestDecode', () => {
  const ok = (value: unknown, type: string, strict: boolean) => {
    const r = unmarshal(value, 'serializer', type, { strict, types: TEST_TYPES });
    assert.equal(r.error?.message, undefined);
    assert.deepEqual(r.strictErrors, []);
  };
  it('Unmarshalling is case-sensitive ("VaLue" is not "value"): not an error when not strict', () => {
    ok({ kind: 'Test', apiVersion: 'other/blah', VaLue: 1, Other: 'test' }, 'testDecodable', false);
  });
  it('Unmarshalling is case-sensitive for big struct ("b", "I"): not an error when not strict', () => {
    ok({ kind: 'Test', apiVersion: 'other/blah', spec: { A: 1, b: 2, h: 3, I: 4 } }, 'testDecodable', false);
  });
  it('Unknown fields should return an error from the strict JSON deserializer: {"unknown": 1} → unknown field "unknown"', () => {
    const r = unmarshal({ unknown: 1 }, 'serializer', 'testDecodable', { strict: true, types: TEST_TYPES });
    assert.deepEqual(r.strictErrors.map((e) => e.message), ['unknown field "unknown"']);
  });
  const coercions: [string, unknown][] = [
    ['coerce from null', { bool: null, int: null, int32: null, int64: null, float32: null, float64: null, string: null, array: null, map: null, struct: null }],
    ['coerce from string', { string: '' }],
    ['coerce from array', { array: [] }],
    ['coerce from map', { map: {}, struct: {} }],
    ['coerce from int', { int: 1, int32: 1, int64: 1, float32: 1, float64: 1 }],
    // `{"float32":1.0,"float64":1.0}`: 1.0 and 1 are one JS number
    ['coerce from float', { float32: 1.0, float64: 1.0 }],
  ];
  for (const [name, value] of coercions) it(`${name}: strict decoding succeeds`, () => ok(value, 'testDecodeCoercion', true));
});

describe('k8s.io/apiserver: a decode error of a create is a 400 "<Kind> in version ... cannot be handled as a <Kind>"', () => {
  it('json_patch_test.go TestJSONPatch "jsonPatch invalid CEL initializer field": an apps/v1 Deployment with ports[0].containerPortZ', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { creationTimestamp: null },
      spec: { selector: null, strategy: {}, template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'a', resources: {} }, { name: 'x', ports: [{ containerPortZ: 8080 }] }] } } },
      status: {},
    };
    const r = decodeObject(deployment);
    assert.ok(!r.ok);
    assert.equal(r.cause, 'strict decoding error: unknown field "spec.template.spec.containers[1].ports[0].containerPortZ"');
    assert.deepEqual(r.problems[0].path, ['spec', 'template', 'spec', 'containers', 1, 'ports', 0, 'containerPortZ']);
    // handlers/rest.go transformDecodeError, errors.NewBadRequest; apiserver_test.go checks the body holds "cannot be handled as a Simple"
    assert.equal(
      r.message,
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[1].ports[0].containerPortZ"',
    );
    assert.deepEqual(r.status, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: r.message, reason: 'BadRequest', code: 400 });
  });
});

describe('type errors and unknown fields at several depths (formats: sigs.k8s.io/json decode.go, Go 1.24 UnmarshalTypeError)', () => {
  const pod = (spec: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
  const deploy = (spec: unknown) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec });
  const cases: { name: string; object: unknown; cause: string; path: (string | number)[] }[] = [
    {
      name: 'a string replica count: the struct is the innermost one, the field the JSON path without indexes',
      object: deploy({ replicas: '3' }),
      cause: 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      path: ['spec', 'replicas'],
    },
    {
      name: 'a number image two lists deep',
      object: deploy({ template: { spec: { containers: [{ name: 'a' }, { name: 'b', image: 7 }] } } }),
      cause: 'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string',
      path: ['spec', 'template', 'spec', 'containers', 1, 'image'],
    },
    {
      name: 'a label value that is a number: map keys are not in the field',
      object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { app: 1 } } },
      cause: 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
      path: ['metadata', 'labels', 'app'],
    },
    {
      name: 'a named string type is named as reflect prints it',
      object: pod({ restartPolicy: true }),
      cause: 'json: cannot unmarshal bool into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
      path: ['spec', 'restartPolicy'],
    },
    {
      name: 'an int32 that overflows, with the number in the message',
      object: pod({ priority: 3000000000 }),
      cause: 'json: cannot unmarshal number 3000000000 into Go struct field PodSpec.spec.priority of type int32',
      path: ['spec', 'priority'],
    },
    {
      name: 'an int64 that is not an integer',
      object: pod({ activeDeadlineSeconds: 1.5 }),
      cause: 'json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.activeDeadlineSeconds of type int64',
      path: ['spec', 'activeDeadlineSeconds'],
    },
    {
      name: 'a struct given a list',
      object: pod([]),
      cause: 'json: cannot unmarshal array into Go struct field Pod.spec of type v1.PodSpec',
      path: ['spec'],
    },
    {
      name: 'a field of an embedded (inline) struct: the Go field name of the embedded struct is in the field (Go 1.24)',
      object: pod({ containers: [{ name: 'a', readinessProbe: { exec: 'ls' } }] }),
      cause: 'json: cannot unmarshal string into Go struct field Probe.spec.containers.readinessProbe.ProbeHandler.exec of type v1.ExecAction',
      path: ['spec', 'containers', 0, 'readinessProbe', 'exec'],
    },
    {
      name: 'the first type error wins; the others and every unknown field are not reported',
      object: deploy({ zzz: 1, replicas: 'x', paused: 'yes' }),
      cause: 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool',
      path: ['spec', 'paused'],
    },
    {
      name: 'an UnmarshalJSON error stops decoding and wins over an earlier type error (Quantity)',
      object: pod({ activeDeadlineSeconds: 'x', containers: [{ name: 'a', resources: { limits: { cpu: 'lots' } } }] }),
      cause: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      path: ['spec', 'containers', 0, 'resources', 'limits', 'cpu'],
    },
    {
      name: "IntOrString given a bool: json.Unmarshal's error into int32 takes the struct and field of the decode",
      object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: true }] } },
      cause: 'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32',
      path: ['spec', 'ports', 0, 'targetPort'],
    },
    {
      name: 'Time given a number: json.Unmarshal into a string, with the struct and field of the decode',
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: 5 } },
      cause: 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string',
      path: ['metadata', 'creationTimestamp'],
    },
    {
      name: 'Time given text time.Parse rejects',
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { startTime: 'hello' } },
      cause: 'parsing time "hello" as "2006-01-02T15:04:05Z07:00": cannot parse "hello" as "2006"',
      path: ['status', 'startTime'],
    },
    {
      name: 'MicroTime given text time.Parse rejects',
      object: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'l' }, spec: { renewTime: 'hello' } },
      cause: 'parsing time "hello" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "hello" as "2006"',
      path: ['spec', 'renewTime'],
    },
    {
      name: '[]byte given text that is not base64',
      object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { key: 'A=AA' } },
      cause: 'illegal base64 data at input byte 1',
      path: ['data', 'key'],
    },
    {
      name: 'unknown fields at several depths, all of them, in the order kubectl sends the keys (sorted)',
      object: deploy({ zz: 1, selector: { matchLabels: { a: 'b' }, matchLabel: {} }, template: { metadata: { labelz: {} }, spec: { containers: [{ name: 'a', resource: {} }] } } }),
      cause:
        'strict decoding error: unknown field "spec.selector.matchLabel", unknown field "spec.template.metadata.labelz", unknown field "spec.template.spec.containers[0].resource", unknown field "spec.zz"',
      path: ['spec', 'selector', 'matchLabel'],
    },
    {
      name: 'a key differing only in case is unknown (the decoder is case-sensitive)',
      object: deploy({ Replicas: 3 }),
      cause: 'strict decoding error: unknown field "spec.Replicas"',
      path: ['spec', 'Replicas'],
    },
    {
      name: "an unknown field under a map's value carries the map key (map keys are in strict paths)",
      object: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'widgets.example.com' },
        spec: { versions: [{ name: 'v1', schema: { openAPIV3Schema: { properties: { size: { type: 'integer', minimun: 1 } } } } }] },
      },
      cause: 'strict decoding error: unknown field "spec.versions[0].schema.openAPIV3Schema.properties.size.minimun"',
      path: ['spec', 'versions', 0, 'schema', 'openAPIV3Schema', 'properties', 'size', 'minimun'],
    },
    {
      name: 'a schema under items is decoded by JSONSchemaPropsOrArray.UnmarshalJSON with util/json: unknown fields pass, a type error takes the outer field',
      object: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'widgets.example.com' },
        spec: { versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'array', items: { minimun: 1, type: 7 } } } }] },
      },
      cause: 'json: cannot unmarshal number into Go struct field JSONSchemaProps.spec.versions.schema.openAPIV3Schema.items of type string',
      path: ['spec', 'versions', 0, 'schema', 'openAPIV3Schema', 'items', 'type'],
    },
    {
      name: 'additionalProperties that is neither a bool nor a schema (JSONSchemaPropsOrBool.UnmarshalJSON)',
      object: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'widgets.example.com' },
        spec: { versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'object', additionalProperties: 'yes' } } }] },
      },
      cause: 'boolean or JSON schema expected',
      path: ['spec', 'versions', 0, 'schema', 'openAPIV3Schema', 'additionalProperties'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = decodeObject(c.object);
      assert.ok(!r.ok, 'expected a failure');
      assert.equal(r.cause, c.cause);
      assert.deepEqual(r.problems[0].path, c.path);
    });
  }

  it('null is the zero value everywhere, and a non-built-in kind is not ours to decode', () => {
    assert.equal(causeOf(pod({ containers: null, priority: null, overhead: null, affinity: null, restartPolicy: null })), 'ok');
    assert.equal(causeOf({ apiVersion: 'v1', kind: 'Pod', metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'a', resources: { limits: { cpu: null } } }] } }), 'ok');
    assert.deepEqual(decodeObject({ apiVersion: 'example.com/v1', kind: 'Widget', spec: 42 }), { ok: true, kind: undefined });
    assert.deepEqual(decodeObject('not an object'), { ok: true, kind: undefined });
  });

  it('a number JSON cannot carry never reaches the server: kubectl refuses the object (sigs.k8s.io/yaml, json.Marshal)', () => {
    const r = decodeObject(pod({ priority: Number.POSITIVE_INFINITY }));
    assert.ok(!r.ok);
    assert.equal(r.message, 'error converting YAML to JSON: json: unsupported value: +Inf');
    assert.equal(r.status, undefined);
  });

  it("a body nested deeper than 10000 levels: encoding/json's scanner (maxNestingDepth) fails meta.Interpret, and transformDecodeError has no kind", () => {
    let deep: unknown = {};
    for (let i = 0; i < 10001; i++) deep = { a: deep };
    const r = decodeObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, zz: deep });
    assert.ok(!r.ok);
    assert.equal(r.cause, "couldn't get version/kind; json parse error: invalid character '{' exceeded max depth");
    // summarizeData(body, 30): the first 30 bytes of the JSON kubectl sends
    assert.equal(r.message, `the object provided is unrecognized (must be of type ConfigMap): ${r.cause} ({"apiVersion":"v1","kind":"Con ...)`);
  });

  it('at most 100 strict errors are kept (kubernetes_patch.go saveStrictError)', () => {
    const spec: Record<string, number> = {};
    for (let i = 0; i < 150; i++) spec[`u${String(i).padStart(3, '0')}`] = i;
    const r = decodeObject(deploy(spec));
    assert.ok(!r.ok);
    assert.equal(r.problems.length, 100);
  });
});

describe('decoding never throws (property)', () => {
  const kinds = KINDS.map((k) => ({ apiVersion: apiVersionOf(k), kind: k.kind }));
  it('on arbitrary JSON under a built-in kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.dictionary(fc.string(), fc.jsonValue()), (k, rest) => {
        const r = decodeObject({ ...rest, ...k });
        if (!r.ok) {
          assert.ok(r.problems.length >= 1);
          assert.ok(r.message.startsWith(`${k.kind} in version "`));
        }
      }),
      { numRuns: 300 },
    );
  });
  it('on a fully populated object with one value anywhere replaced by arbitrary JSON', () => {
    const full = kinds.map((k) => fullObject(k.apiVersion, k.kind));
    fc.assert(
      fc.property(fc.nat(full.length - 1), fc.nat(), fc.jsonValue(), (i, pick, value) => {
        const object = structuredClone(full[i]);
        const leaves: [Record<string, unknown>, string][] = [];
        const walk = (v: unknown) => {
          if (v === null || typeof v !== 'object') return;
          for (const [k, child] of Object.entries(v)) {
            leaves.push([v as Record<string, unknown>, k]);
            walk(child);
          }
        };
        walk(object);
        const [parent, key] = leaves[pick % leaves.length];
        parent[key] = value;
        decodeObject(object);
      }),
      { numRuns: 300 },
    );
  });
  it('on arbitrary JSON into every struct of every package', () => {
    const refs = Object.values(PACKAGES).flatMap((p) => Object.keys(p.structs).map((s) => `${p.id}.${s}`));
    fc.assert(
      fc.property(fc.constantFrom(...refs), fc.jsonValue(), fc.boolean(), (ref, value, strict) => {
        unmarshal(value, ref.slice(0, ref.indexOf('.')), ref, { strict });
      }),
      { numRuns: 500 },
    );
  });
});
