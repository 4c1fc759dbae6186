// Property tests beside the code (fast-check): the scheduler refuses a Pod exactly when the API
// server would. Real Pods with a few values replaced (by values of the same JSON type, so most of
// them still decode), deleted, or a field added are fed to the engine and to validateObject (after
// defaultObject, as the API server defaults before it validates): the engine answers with a
// ValidationError exactly when validateObject reports errors, or when the object does not decode
// (400 BadRequest, before any validation). Whatever the Pod, the engine gives a result or a
// ValidationError, never anything else. FUZZ_RUNS scales the run count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeObject } from '../apiserver/decode/decode.ts';
import { defaultObject, validateObject } from '../apiserver/public-api.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import type { JsonObject, JsonValue, KubeObject, Manifest } from '../shared/yaml.ts';
import { engine } from './engine.ts';
import { testNode } from './test-helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** Pods that use every field the scheduler reads (no priorityClassName or preemptionPolicy: those are the Priority plugin's, tested in admission/priority.test.ts). */
const BASES: JsonObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-0', namespace: 'default', labels: { app: 'web', 'pod-template-hash': 'abc12' } },
    spec: {
      schedulerName: 'default-scheduler',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      initContainers: [
        { name: 'setup', image: 'busybox:1.36', resources: { requests: { cpu: '50m' } } },
        { name: 'proxy', image: 'envoy:1.30', restartPolicy: 'Always', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
      ],
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }],
          resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
        },
      ],
      tolerations: [
        { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-a', 'zone-b'] }], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }],
          },
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: 'disk', operator: 'Exists' }] } }],
        },
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }],
        },
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 50, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['cache'] }] }, namespaces: ['default'], topologyKey: 'topology.kubernetes.io/zone' } },
          ],
        },
      },
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: { app: 'web' } },
          minDomains: 2,
          nodeAffinityPolicy: 'Honor',
          nodeTaintsPolicy: 'Ignore',
          matchLabelKeys: ['pod-template-hash'],
        },
      ],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'report-1', namespace: 'default' },
    spec: { nodeName: 'node-1', priority: 500, containers: [{ name: 'job', image: 'busybox:1.36', resources: { requests: { cpu: '1500m' } } }] },
    status: { phase: 'Running' },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'gated' },
    spec: { schedulingGates: [{ name: 'example.com/wait' }], overhead: { cpu: '10m' }, runtimeClassName: 'kata', containers: [{ name: 'c', image: 'nginx', resources: { limits: { 'example.com/gpu': '1' } } }] },
  },
];

const STRINGS = [
  '', 'a', 'Bad_Name', '-x', 'x'.repeat(64), 'app.kubernetes.io/name', 'example.com/', 'kubernetes.io/hostname', 'metadata.name',
  'In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt', 'Equal', 'Foo', 'NoSchedule', 'PreferNoSchedule', 'NoExecute',
  'DoNotSchedule', 'ScheduleAnyway', 'Honor', 'Ignore', 'Always', 'Never', 'OnFailure', 'TCP', 'UDP', 'SCTP', 'HTTP',
  '0', '-1', '100m', '1Gi', '1e3', '0.5m', '12Qi', 'nginx', 'nginx:1.27', 'default', 'kube-system',
];
const NUMBERS = [-1, 0, 1, 2, 3, 100, 101, 300, 65535, 65536, 2147483647, 1.5];
const FIELDS = ['key', 'operator', 'values', 'value', 'effect', 'weight', 'topologyKey', 'labelSelector', 'namespaceSelector', 'matchLabels', 'matchExpressions',
  'maxSkew', 'minDomains', 'whenUnsatisfiable', 'hostPort', 'hostIP', 'requests', 'limits', 'cpu', 'memory', 'example.com/gpu', 'nodeName', 'tolerationSeconds',
  'restartPolicy', 'mismatchLabelKeys', 'matchLabelKeys', 'namespaces', 'schedulingGates', 'overhead'];

/** A value of the same JSON type as `old` (a different type now and then), so that the object mostly still decodes. */
function replacementFor(old: unknown, pick: number): JsonValue {
  const sameType = pick % 8 !== 0;
  if (typeof old === 'string' && sameType) return STRINGS[pick % STRINGS.length];
  if (typeof old === 'number' && sameType) return NUMBERS[pick % NUMBERS.length];
  if (typeof old === 'boolean' && sameType) return pick % 2 === 0;
  if (Array.isArray(old) && sameType) return pick % 3 === 0 ? [] : [...(old as JsonValue[]), ...(old as JsonValue[]).slice(0, 1)];
  if (old !== null && typeof old === 'object' && sameType) return pick % 2 === 0 ? {} : (old as JsonValue);
  const any: JsonValue[] = [STRINGS[pick % STRINGS.length], NUMBERS[pick % NUMBERS.length], true, null, [], {}];
  return any[pick % any.length];
}

interface Mutation {
  path: number[];
  mode: 'replace' | 'delete' | 'add';
  pick: number;
  field: string;
}

/** Walks `path` (indexes into each level's keys, never apiVersion or kind) and replaces, deletes or adds there. */
function mutate(value: unknown, m: Mutation, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return replacementFor(value, m.pick);
  const isList = Array.isArray(value);
  const copy = (isList ? [...value] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  const keys = Object.keys(copy).filter((k) => depth > 0 || (k !== 'apiVersion' && k !== 'kind'));
  if (depth >= m.path.length || keys.length === 0) {
    if (m.mode === 'add' && !isList) copy[m.field] = replacementFor(STRINGS[m.pick % STRINGS.length], m.pick);
    else if (m.mode === 'add' && isList && keys.length > 0) (copy as unknown as unknown[]).push(structuredClone(copy[keys[0]]));
    return m.mode === 'replace' ? replacementFor(value, m.pick) : copy;
  }
  const key = keys[m.path[depth] % keys.length];
  if (depth === m.path.length - 1 && m.mode === 'delete') {
    if (isList) (copy as unknown as unknown[]).splice(Number(key), 1);
    else delete copy[key];
    return copy;
  }
  copy[key] = mutate(copy[key], m, depth + 1);
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.array(fc.nat(), { minLength: 1, maxLength: 9 }),
  mode: fc.constantFrom('replace' as const, 'delete' as const, 'add' as const),
  pick: fc.nat(),
  field: fc.constantFrom(...FIELDS),
});

/** The engine's answer for one Node and the Pod: refused (the ValidationError) or not. */
function runEngine(pod: JsonObject): ValidationError | null {
  const manifests: Manifest[] = [
    { document: 1, line: 1, object: testNode({ name: 'node-1', labels: { 'topology.kubernetes.io/zone': 'zone-a', 'kubernetes.io/os': 'linux' } }) as KubeObject },
    { document: 2, line: 1, object: pod as KubeObject },
  ];
  try {
    engine.run(manifests, { budget: DEFAULT_BUDGET, detail: false });
    return null;
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
}

/** What the API server says of the Pod before storing it: a decode error, else validateObject of the defaulted Pod. */
function apiServerVerdict(pod: JsonObject): { decodes: boolean; errors: string[] } {
  if (!decodeObject(pod).ok) return { decodes: false, errors: ['decode'] };
  const defaulted = defaultObject(pod) as JsonObject;
  // The request's namespace (kubectl's -n, "default") is the object's when it names none, as the API server settles it before validation.
  const meta = defaulted.metadata as JsonObject | undefined;
  if (meta && typeof meta === 'object' && !Array.isArray(meta) && (meta.namespace === undefined || meta.namespace === '')) meta.namespace = 'default';
  return { decodes: true, errors: validateObject(defaulted).map((e) => `${e.field}: ${e.type}`) };
}

test('the engine refuses a mutated Pod exactly when the API server does (validateObject after defaultObject, or a decode error)', () => {
  const seen = { refusedByValidation: 0, accepted: 0, undecodable: 0 };
  fc.assert(
    fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, ms) => {
      let pod = structuredClone(BASES[which % BASES.length]) as unknown;
      for (const m of ms) pod = mutate(pod, m);
      const obj = pod as JsonObject;
      const verdict = apiServerVerdict(obj);
      const refusal = runEngine(obj);
      if (!verdict.decodes) seen.undecodable++;
      else if (verdict.errors.length > 0) seen.refusedByValidation++;
      else seen.accepted++;
      assert.equal(refusal !== null, verdict.errors.length > 0, `engine: ${refusal?.message ?? 'accepted'}; API server: ${verdict.errors.join(', ') || 'valid'}; pod: ${JSON.stringify(obj)}`);
      if (refusal && verdict.decodes) assert.match(refusal.message, /^Pod ".*" is invalid: /);
    }),
    { numRuns: RUNS, seed: 36 },
  );
  // The generator must reach both sides of the property, and mostly objects that decode.
  assert.ok(seen.refusedByValidation > 0 && seen.accepted > 0, JSON.stringify(seen));
  assert.ok(seen.undecodable < RUNS / 2, JSON.stringify(seen));
});

test('an unmutated base Pod is accepted by both', () => {
  for (const base of BASES) {
    assert.deepEqual(apiServerVerdict(base).errors, []);
    assert.equal(runEngine(structuredClone(base))?.message ?? null, null);
  }
});
