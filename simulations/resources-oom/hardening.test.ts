// Property tests beside the code (fast-check), reaching deeper than the shared
// fuzz test: real scenarios and pasted Pods with one value anywhere replaced,
// deleted, or a field this chapter reads added with any JSON value. Whatever the
// input, simulateMemory and diagnosePod return or throw ValidationError, never
// anything else, and finish inside the deadline. FUZZ_RUNS scales the run count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ValidationError } from '../shared/errors.ts';
import { simulateMemory } from './simulate.ts';
import { diagnosePod } from './diagnose.ts';
import { describeCases } from '../../test/conformance/resources-oom/describe-pod-fixtures.ts';
import { fixture, objects } from './test-helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const DEADLINE_MS = 2000;

/** Field names the decoder declares (and a few it does not), so additions land on real fields. */
const FIELDS = [
  'name', 'namespace', 'image', 'resources', 'requests', 'limits', 'memory', 'cpu', 'containers', 'initContainers', 'restartPolicy',
  'priority', 'priorityClassName', 'terminationGracePeriodSeconds', 'overhead', 'livenessProbe', 'readinessProbe', 'startupProbe',
  'periodSeconds', 'successThreshold', 'httpGet', 'port', 'lifecycle', 'preStop', 'sleep', 'seconds', 'env', 'valueFrom',
  'resourceFieldRef', 'resource', 'divisor', 'fieldRef', 'fieldPath', 'envFrom', 'ports', 'containerPort', 'volumeMounts', 'volumes',
  'projected', 'sources', 'emptyDir', 'sizeLimit', 'tolerations', 'tolerationSeconds', 'topologySpreadConstraints', 'labelSelector',
  'matchExpressions', 'values', 'ownerReferences', 'controller', 'labels', 'annotations', 'status', 'phase', 'reason', 'message',
  'conditions', 'containerStatuses', 'state', 'lastState', 'terminated', 'exitCode', 'restartCount', 'startedAt', 'finishedAt',
  'creationTimestamp', 'deletionTimestamp', 'events', 'count', 'series', 'lastTimestamp', 'eventTime', 'source', 'component',
  'capacity', 'allocatable', 'evictionHard', 'evictionSoft', 'evictionSoftGracePeriod', 'evictionPressureTransitionPeriod',
  'evictionMaxPodGracePeriod', 'systemReserved', 'duration', 'systemUsage', 'usage', 'pattern', 'level', 'start', 'perMinute',
  'every', 'length', 'at', 'points', 'type', 'max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio', 'hard', 'used',
  'imagePullPolicy', 'qosClass', '__proto__', 'constructor', 'toString',
];

const leaf = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 31, 1e300, '', '0', '-1Gi', '100Mi', '1e3', '12Qi', '2Pi', '5m', '-5m', '99999999h',
    'Always', 'Never', 'Container', 'Pod', 'OOMKilled', 'Evicted', '2025-01-01T00:00:00Z', 'yesterday', 'requests.memory', 'constructor'),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -10, max: 10_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 3 }),
  map: fc.dictionary(fc.constantFrom(...FIELDS), tie('node'), { maxKeys: 3 }),
})).node;

/** Walks `path` (indices into each level's keys) and replaces, deletes or adds a field there. */
function mutate(value: unknown, path: number[], replacement: unknown, mode: 'replace' | 'delete' | 'add', field: string): unknown {
  if (value === null || typeof value !== 'object') return replacement;
  const isList = Array.isArray(value);
  const copy = (isList ? [...value] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  const keys = Object.keys(copy);
  if (path.length === 0 || keys.length === 0) {
    if (mode === 'add' && !isList) Object.defineProperty(copy, field, { value: replacement, enumerable: true, writable: true, configurable: true });
    return mode === 'replace' ? replacement : copy;
  }
  const key = keys[path[0] % keys.length];
  if (path.length === 1 && mode === 'delete' && !isList) delete copy[key];
  else copy[key] = mutate(copy[key], path.slice(1), replacement, mode, field);
  return copy;
}

const mutation = fc.record({
  which: fc.nat(),
  path: fc.array(fc.nat(), { minLength: 0, maxLength: 8 }),
  replacement: json,
  mode: fc.constantFrom('replace' as const, 'delete' as const, 'add' as const),
  field: fc.constantFrom(...FIELDS),
});

function expectResultOrValidationError(run: () => unknown): void {
  const started = performance.now();
  try {
    run();
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
  }
  const elapsed = performance.now() - started;
  assert.ok(elapsed < DEADLINE_MS, `took ${elapsed.toFixed(0)} ms`);
}

for (const name of ['leak-and-pressure.yaml', 'every-kind.yaml']) {
  test(`simulateMemory (${name}): one value anywhere replaced, deleted or added gives a result or a ValidationError`, () => {
    const base = objects(fixture(name));
    fc.assert(
      fc.property(mutation, (m) => {
        const docs = base.map((d, i) => (i === m.which % base.length ? mutate(d, m.path, m.replacement, m.mode, m.field) : d));
        expectResultOrValidationError(() => simulateMemory(docs));
      }),
      { numRuns: RUNS, seed: 5 },
    );
  });
}

test('diagnosePod: one value anywhere in a pasted Pod or its Events replaced, deleted or added gives a diagnosis or a ValidationError', () => {
  const cases = describeCases(Date.UTC(2025, 0, 1));
  fc.assert(
    fc.property(fc.nat(), mutation, fc.boolean(), (which, m, inEvents) => {
      const c = cases[which % cases.length];
      const pod = inEvents ? c.pod : mutate(c.pod, m.path, m.replacement, m.mode, m.field);
      const events = inEvents && c.events.length > 0 ? c.events.map((e, i) => (i === m.which % c.events.length ? mutate(e, m.path, m.replacement, m.mode, m.field) : e)) : c.events;
      expectResultOrValidationError(() => diagnosePod(pod, events));
    }),
    { numRuns: RUNS, seed: 9 },
  );
});

// Objects of this chapter's kinds with any content, straight to the engines (no shared type check in front).
const KINDS = [
  ['v1', 'Node'], ['v1', 'Pod'], ['v1', 'LimitRange'], ['v1', 'ResourceQuota'], ['v1', 'Event'],
  ['kubelet.config.k8s.io/v1beta1', 'KubeletConfiguration'], ['kube-notebook.dev/v1alpha1', 'MemoryScenario'],
] as const;
const anyObject = fc.record({
  kind: fc.constantFrom(...KINDS),
  metadata: json,
  spec: json,
  status: json,
  extra: fc.dictionary(fc.constantFrom(...FIELDS), json, { maxKeys: 2 }),
}).map(({ kind, metadata, spec, status, extra }) => ({ ...extra, apiVersion: kind[0], kind: kind[1], metadata, spec, status }));

test('simulateMemory and diagnosePod called directly with objects of their kinds holding anything give a result or a ValidationError', () => {
  fc.assert(
    fc.property(fc.array(anyObject, { minLength: 1, maxLength: 5 }), (docs) => {
      expectResultOrValidationError(() => simulateMemory([{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' }, status: { capacity: { memory: '4Gi' } } }, ...docs]));
      expectResultOrValidationError(() => diagnosePod(docs[0], docs.slice(1)));
    }),
    { numRuns: RUNS, seed: 13 },
  );
});
