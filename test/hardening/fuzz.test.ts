// Property tests (fast-check): whatever a learner types, every engine answers
// with a result or a 400-style validation error, never an internal error (500),
// and within the deadline. Three generators: arbitrary text, arbitrary
// Kubernetes-shaped objects, and random mutations of the lessons' own default
// scenarios (which reach deep into each engine).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { engines } from '../../simulations/registry.ts';
import { executeSimulation } from '../../server/sim-runtime/execute.ts';
import { loadContent } from '../../server/content/load.ts';
import { parseYamlDocuments } from '../../simulations/shared/yaml.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEADLINE_MS = 2000;
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

function check(engineId: string, input: string): void {
  const engine = engines.get(engineId)!;
  const started = performance.now();
  const outcome = executeSimulation(engine, input);
  const elapsed = performance.now() - started;
  if (!outcome.ok) {
    assert.notEqual(outcome.kind, 'internal', `${engineId} crashed on:\n${input}\n${outcome.debug ?? ''}`);
    assert.equal(outcome.status === 400 || outcome.status === 422, true, `${engineId}: status ${outcome.status}`);
  } else {
    // The page renders what the engine returned on the main thread: the view
    // model and every on-demand detail it links must not throw either.
    const output = { result: outcome.result, trace: outcome.trace };
    const view = engine.viewModel?.(output) as { slider?: { describeKey: string | null }[] } | undefined;
    for (const item of view?.slider ?? []) {
      if (item.describeKey) assert.ok(engine.detail?.(output, item.describeKey), `${engineId}: no detail ${item.describeKey} for:\n${input}`);
    }
  }
  assert.ok(elapsed < DEADLINE_MS, `${engineId} took ${elapsed.toFixed(0)} ms on:\n${input.slice(0, 2000)}`);
}

const KINDS = ['Pod', 'Node', 'Deployment', 'ReplicaSet', 'Service', 'Namespace', 'ConfigMap', 'Job', 'StatefulSet', 'LimitRange', 'ResourceQuota', 'KubeSchedulerConfiguration', 'KubeletConfiguration', 'PodBehavior', 'MemoryScenario', 'ApplyScenario', 'List'];
const API_VERSIONS = ['v1', 'apps/v1', 'batch/v1', 'kubescheduler.config.k8s.io/v1', 'kubelet.config.k8s.io/v1beta1', 'kube-notebook.dev/v1alpha1', 'x/y'];

const leaf = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('100m', '1Gi', '-1', '0', '1e3', '12Qi', 'Always', 'Never', 'NoSchedule', 'In', 'Exists', 'TCP', 'nginx:1.27', '', 'null'),
  fc.integer({ min: -5, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const FIELDS = ['name', 'image', 'resources', 'requests', 'limits', 'cpu', 'memory', 'containers', 'initContainers', 'nodeName', 'taints', 'tolerations', 'key', 'value', 'effect', 'operator', 'labels', 'replicas', 'selector', 'matchLabels', 'template', 'spec', 'status', 'capacity', 'allocatable', 'ports', 'affinity', 'restartPolicy', 'command', 'priority', 'usage', 'pattern', 'duration', 'live', 'config', 'items'];
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 3 }),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 6 })), tie('node'), { maxKeys: 4 }),
})).node;

const kubeObject = fc.record({
  apiVersion: fc.constantFrom(...API_VERSIONS),
  kind: fc.constantFrom(...KINDS),
  metadata: fc.record({ name: fc.oneof(fc.constantFrom('a', 'web-0', 'node-1'), fc.string({ maxLength: 8 })), labels: fc.option(fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }), { nil: undefined }) }, { requiredKeys: ['name'] }),
  spec: value,
  status: fc.option(value, { nil: undefined }),
});

/** Replaces, deletes or retypes one value somewhere in a parsed scenario. */
function mutate(doc: unknown, path: number[], replacement: unknown, mode: number): unknown {
  if (doc === null || typeof doc !== 'object') return replacement;
  const entries = Array.isArray(doc) ? doc.map((v, i) => [i, v] as const) : Object.entries(doc as Record<string, unknown>);
  if (entries.length === 0 || path.length === 0) return mode === 0 ? replacement : doc;
  const [key, child] = entries[path[0] % entries.length];
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(doc) ? [...doc] : { ...(doc as Record<string, unknown>) };
  if (path.length === 1 && mode === 1 && !Array.isArray(copy)) {
    delete (copy as Record<string, unknown>)[key as string];
  } else {
    (copy as Record<string | number, unknown>)[key] = mutate(child, path.slice(1), replacement, mode);
  }
  return copy;
}

const engineIds = [...engines.keys()];
const scenarios = (() => {
  try {
    const content = loadContent({ contentDir: `${ROOT}content`, engines, rootDir: ROOT });
    return content.chapters.flatMap((c) => [...c.lessons.values()].flatMap((l) => l.cells.flatMap((cell) => (cell.kind === 'sim' ? [{ engine: cell.engine, input: cell.input, id: `${l.slug}/${cell.id}` }] : []))));
  } catch {
    return []; // a broken lesson is reported by content.test.ts
  }
})();

describe('engines never answer a learner with an internal error', { skip: engineIds.length === 0 ? 'no engines registered yet' : undefined }, () => {
  for (const id of engineIds) {
    it(`${id}: arbitrary text`, () => {
      fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => check(id, text)), { numRuns: RUNS, seed: 42 });
    });

    it(`${id}: arbitrary Kubernetes-shaped objects`, () => {
      fc.assert(
        fc.property(fc.array(kubeObject, { minLength: 1, maxLength: 5 }), (objects) => {
          check(id, objects.map((o) => stringify(o)).join('---\n'));
        }),
        { numRuns: RUNS, seed: 7 },
      );
    });
  }

  for (const scenario of scenarios) {
    it(`${scenario.id} (${scenario.engine}): random mutations of the default scenario`, () => {
      const docs = parseYamlDocuments(scenario.input).map((d) => d.value);
      fc.assert(
        fc.property(
          fc.nat({ max: docs.length - 1 }),
          fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
          value,
          fc.nat({ max: 2 }),
          (which, path, replacement, mode) => {
            const mutated = docs.map((d, i) => (i === which ? mutate(d, path, replacement, mode) : d));
            check(scenario.engine, mutated.map((d) => stringify(d)).join('---\n'));
          },
        ),
        { numRuns: RUNS, seed: 1234 },
      );
    });
  }
});
