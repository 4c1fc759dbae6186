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
import { ValidationError, mvcc, simulateRaft } from '../../simulations/index.ts';
import type { MvccOp, RaftInput } from '../../simulations/index.ts';

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

// The etcd chapter's public functions (issue 18), called directly as outside checks call them
// (the registered etcd engine gets the generic cases above): whatever they
// are given, they answer or refuse with a ValidationError, within the deadline.
describe('etcd: mvcc() and simulateRaft() answer or refuse with a ValidationError, never crash', () => {
  const key = fc.oneof(fc.constantFrom('a', 'a/b', 'foo', 'foo1', '', '\0', '\u{1F600}', '\uE000'), fc.string({ maxLength: 4 }));
  const anything = fc.oneof(leaf, key, fc.constant(undefined));
  const request = fc.record({
    op: fc.oneof(fc.constantFrom('put', 'get', 'del'), fc.string({ maxLength: 3 })),
    key,
    value: fc.oneof(key, anything),
    rangeEnd: fc.option(key, { nil: undefined }),
    prefix: fc.option(fc.boolean(), { nil: undefined }),
    fromKey: fc.option(fc.boolean(), { nil: undefined }),
    rev: fc.option(fc.oneof(fc.integer({ min: -2, max: 40 }), anything), { nil: undefined }),
    limit: fc.option(fc.integer({ min: -1, max: 5 }), { nil: undefined }),
    lease: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    prevKv: fc.option(fc.boolean(), { nil: undefined }),
  }, { requiredKeys: ['op'] });
  const op = fc.oneof(
    request,
    fc.record({ op: fc.constant('txn'), compare: fc.array(fc.record({ key, target: fc.constantFrom('version', 'create', 'mod', 'value', 'x'), result: fc.constantFrom('=', '!=', '>', '<', '~'), value: fc.oneof(fc.integer({ min: -1, max: 30 }), key) }), { maxLength: 3 }), success: fc.array(request, { maxLength: 3 }), failure: fc.array(request, { maxLength: 3 }) }),
    fc.record({ op: fc.constant('compact'), rev: fc.oneof(fc.integer({ min: -1, max: 40 }), anything) }),
    fc.record({ op: fc.constant('watch'), key, prefix: fc.option(fc.boolean(), { nil: undefined }), rev: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), prevKv: fc.option(fc.boolean(), { nil: undefined }) }),
    fc.record({ op: fc.constantFrom('leaseGrant', 'leaseRevoke'), id: fc.oneof(fc.integer({ min: -1, max: 3 }), anything), ttl: fc.oneof(fc.integer({ min: -1, max: 9_000_000_001 }), anything) }),
    anything,
  );

  const refusedOrAnswered = (run: () => unknown, what: string) => {
    const started = performance.now();
    try {
      run();
    } catch (e) {
      assert.ok(e instanceof ValidationError, `${what}: ${(e as Error).stack}`);
    }
    assert.ok(performance.now() - started < DEADLINE_MS, `${what} took too long`);
  };

  it('mvcc: random scripts', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => refusedOrAnswered(() => {
        const out = mvcc(ops as MvccOp[]);
        assert.equal(out.length, ops.length);
      }, `mvcc(${JSON.stringify(ops)})`)),
      { numRuns: RUNS * 5, seed: 18 },
    );
  });

  it('mvcc: well-typed random scripts reach the store (every answer is a result or an etcd error)', () => {
    const k = fc.constantFrom('a', 'a/b', 'a/c', 'b', 'foo', 'foo1', '\u{1F600}', '\uE000');
    const req = fc.oneof(
      fc.record({ op: fc.constant('put' as const), key: k, value: fc.string({ maxLength: 3 }), lease: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), prevKv: fc.boolean() }),
      fc.record({ op: fc.constant('get' as const), key: k, prefix: fc.boolean(), rev: fc.integer({ min: 0, max: 30 }), limit: fc.integer({ min: 0, max: 3 }), keysOnly: fc.boolean(), countOnly: fc.boolean() }),
      fc.record({ op: fc.constant('del' as const), key: k, rangeEnd: fc.option(k, { nil: undefined }), fromKey: fc.boolean(), prevKv: fc.boolean() }),
    );
    const wellTyped = fc.oneof(
      req,
      req,
      fc.record({ op: fc.constant('txn' as const), compare: fc.array(fc.record({ key: k, target: fc.constantFrom('version' as const, 'create' as const, 'mod' as const), result: fc.constantFrom('=' as const, '!=' as const, '>' as const, '<' as const), value: fc.integer({ min: 0, max: 30 }) }), { maxLength: 2 }), success: fc.array(req, { maxLength: 3 }), failure: fc.array(req, { maxLength: 3 }) }),
      fc.record({ op: fc.constant('compact' as const), rev: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ op: fc.constant('watch' as const), key: k, prefix: fc.boolean(), rev: fc.integer({ min: 0, max: 30 }), prevKv: fc.boolean() }),
      fc.record({ op: fc.constantFrom('leaseGrant' as const), id: fc.integer({ min: 1, max: 3 }), ttl: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ op: fc.constantFrom('leaseRevoke' as const), id: fc.integer({ min: 1, max: 3 }) }),
    );
    fc.assert(
      fc.property(fc.array(wellTyped, { maxLength: 40 }), (ops) => {
        const out = mvcc(ops as MvccOp[]);
        assert.equal(out.length, ops.length);
        // the revision never goes down
        let rev = 1;
        for (const r of out) {
          const h = (r as { header?: { revision: number } }).header;
          if (!h) continue;
          assert.ok(h.revision >= rev, `revision went from ${rev} to ${h.revision} in ${JSON.stringify(ops)}`);
          rev = h.revision;
        }
      }),
      { numRuns: RUNS * 5, seed: 81 },
    );
  });

  it('simulateRaft: random clusters and events', () => {
    const member = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant('leader'), anything);
    const event = fc.oneof(
      fc.record({ at: fc.integer({ min: -1, max: 12_000 }), type: fc.constantFrom('crash', 'restart'), member }),
      fc.record({ at: fc.integer({ min: 0, max: 12_000 }), type: fc.constant('partition'), groups: fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 4 }), { maxLength: 3 }) }),
      fc.record({ at: fc.integer({ min: 0, max: 12_000 }), type: fc.constantFrom('heal', 'propose', 'x'), value: fc.oneof(fc.string({ maxLength: 3 }), anything) }),
      anything,
    );
    const input = fc.record({
      members: fc.oneof(fc.integer({ min: 0, max: 8 }), anything),
      seed: fc.oneof(fc.integer(), anything),
      heartbeatMs: fc.option(fc.oneof(fc.integer({ min: 0, max: 600 }), anything), { nil: undefined }),
      electionTimeoutMs: fc.option(fc.oneof(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 4000 })), anything), { nil: undefined }),
      preVote: fc.option(fc.oneof(fc.boolean(), anything), { nil: undefined }),
      checkQuorum: fc.option(fc.oneof(fc.boolean(), anything), { nil: undefined }),
      untilMs: fc.oneof(fc.integer({ min: -1, max: 12_000 }), anything),
      events: fc.oneof(fc.array(event, { maxLength: 12 }), anything),
    });
    fc.assert(
      fc.property(input, (i) => refusedOrAnswered(() => simulateRaft(i as RaftInput), `simulateRaft(${JSON.stringify(i)})`)),
      { numRuns: RUNS * 3, seed: 8 },
    );
  });
});

// The controllers engine (issue 17) gets the generic cases above; these reach its
// own kinds: workload objects with random specs, and ControllerScenario /
// LoadProfile documents with random actions, behaviours and steps, next to a
// valid Deployment so the actions have something to act on.
describe('controllers: random workloads, scenarios and load profiles answer with a result or a located error', () => {
  const deployment = stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m' } } }] } } } });
  const duration = fc.oneof(fc.constantFrom('0s', '10s', '1m', '90s', '5m', '2h', '-1s', '1x', ''), fc.integer({ min: -5, max: 100 }), fc.constant(null));
  const action = fc.record({
    at: duration,
    setImage: fc.option(fc.record({ deployment: fc.constantFrom('web', 'nope'), image: fc.constantFrom('nginx:1.28', 'bad', ''), container: fc.option(fc.constantFrom('web', 'x'), { nil: undefined }) }), { nil: undefined }),
    rolloutUndo: fc.option(fc.record({ deployment: fc.constantFrom('web', 'nope'), toRevision: fc.option(fc.integer({ min: -1, max: 4 }), { nil: undefined }) }), { nil: undefined }),
    scale: fc.option(fc.record({ deployment: fc.constantFrom('web'), replicas: fc.oneof(fc.integer({ min: -1, max: 120 }), leaf) }), { nil: undefined }),
    pause: fc.option(fc.record({ deployment: fc.constant('web') }), { nil: undefined }),
    resume: fc.option(fc.record({ deployment: fc.constant('web') }), { nil: undefined }),
  });
  const scenario = fc.record({
    apiVersion: fc.constant('kube-notebook.dev/v1alpha1'),
    kind: fc.constant('ControllerScenario'),
    spec: fc.record({
      until: fc.option(duration, { nil: undefined }),
      podStartup: fc.option(duration, { nil: undefined }),
      pods: fc.option(fc.array(fc.record({ image: fc.constantFrom('nginx:1.28', 'nginx:1.27', ''), ready: fc.option(fc.oneof(fc.boolean(), leaf), { nil: undefined }), exitCode: fc.option(fc.integer({ min: -1, max: 300 }), { nil: undefined }), after: fc.option(duration, { nil: undefined }) }), { maxLength: 3 }), { nil: undefined }),
      actions: fc.option(fc.array(action, { maxLength: 4 }), { nil: undefined }),
      snapshots: fc.option(fc.array(duration, { maxLength: 3 }), { nil: undefined }),
    }),
  });
  const load = fc.record({
    apiVersion: fc.constant('kube-notebook.dev/v1alpha1'),
    kind: fc.constant('LoadProfile'),
    metadata: fc.record({ name: fc.constant('load') }),
    spec: fc.record({ selector: fc.oneof(fc.constant({ matchLabels: { app: 'web' } }), value), steps: fc.array(fc.record({ at: duration, cpuPerPod: fc.option(fc.oneof(fc.constantFrom('100m', '1', '12Qi', '-1'), leaf), { nil: undefined }), totalCpu: fc.option(fc.constantFrom('900m', '3'), { nil: undefined }) }), { maxLength: 3 }) }),
  });
  const hpa = fc.record({
    apiVersion: fc.constant('autoscaling/v2'),
    kind: fc.constant('HorizontalPodAutoscaler'),
    metadata: fc.record({ name: fc.constant('web') }),
    spec: fc.record({ scaleTargetRef: fc.constant({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }), minReplicas: fc.integer({ min: 0, max: 5 }), maxReplicas: fc.integer({ min: 0, max: 200 }), metrics: fc.constant([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]), behavior: fc.option(value, { nil: undefined }) }),
  });
  const workload = fc.record({
    apiVersion: fc.constantFrom('apps/v1', 'batch/v1'),
    kind: fc.constantFrom('DaemonSet', 'CronJob', 'Job', 'ReplicaSet', 'Deployment'),
    metadata: fc.record({ name: fc.constantFrom('a', 'b') }),
    spec: value,
  });
  it('scenarios, load profiles and HPAs next to a valid Deployment', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(scenario, load, hpa, workload), { minLength: 1, maxLength: 3 }), (docs) => {
        check('controllers', [deployment, ...docs.map((d) => stringify(d))].join('---\n'));
      }),
      { numRuns: RUNS, seed: 17 },
    );
  });
});

// Chapter 14 (storage): the contract's matching functions over arbitrary JSON answer with a
// volume, null, a boolean, or an Error carrying upstream's message (a bad quantity or selector,
// a class without volumeBindingMode), never a TypeError from reading a malformed object.
describe('storage: findBestMatchForClaim, findMatchingVolume and the checks never crash on malformed objects', () => {
  const storageApi = import('../../simulations/index.ts');
  const json = fc.jsonValue({ maxDepth: 4 });
  const claimLike = fc.oneof(json, fc.record({ metadata: json, spec: fc.oneof(json, fc.record({ accessModes: fc.oneof(json, fc.constant(['ReadWriteOnce'])), resources: fc.oneof(json, fc.constant({ requests: { storage: '1Gi' } })), storageClassName: json, volumeMode: json, selector: json })) }));
  const volumeLike = fc.oneof(json, fc.record({ metadata: json, spec: fc.oneof(json, fc.record({ accessModes: fc.oneof(json, fc.constant(['ReadWriteOnce'])), capacity: fc.oneof(json, fc.constant({ storage: '2Gi' })), claimRef: json, nodeAffinity: json })), status: fc.oneof(json, fc.constant({ phase: 'Available' })) }));
  const notATypeError = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof Error && !(e instanceof TypeError) && !(e instanceof RangeError), String(e));
    }
  };
  it('arbitrary claims, volumes, nodes and classes', async () => {
    const api = await storageApi;
    fc.assert(
      fc.property(claimLike, fc.oneof(json, fc.array(volumeLike, { maxLength: 4 })), json, (claim, volumes, node) => {
        notATypeError(() => api.findBestMatchForClaim(claim as never, volumes as never, { delayBinding: false }));
        notATypeError(() => api.findMatchingVolume(claim as never, volumes as never, { node: node as never, delayBinding: true }));
        notATypeError(() => api.checkVolumeModeMismatches(claim as never, node as never));
        notATypeError(() => api.checkAccessModes(claim as never, (Array.isArray(volumes) ? volumes[0] : volumes) as never));
        notATypeError(() => api.isDelayBindingMode(claim as never, volumes as never));
      }),
      { numRuns: RUNS * 5, seed: 1422 },
    );
  });
});

// The containers chapter's applyLayers (issue 23), called directly: random layers of tar entries (with
// whiteouts, opaque whiteouts and the invalid `.wh..`) either apply, giving a view where every path's parent
// is a listed directory and no whiteout name shows, or are refused with an Error; never anything else.
describe('containers: applyLayers answers with a consistent view or refuses, never crashes', () => {
  it('random layers', async () => {
    const { applyLayers } = await import('../../simulations/index.ts');
    const name = fc.constantFrom('a', 'b', 'c', '.wh.a', '.wh.b', '.wh..wh..opq', '.wh..', '..', '.');
    const entry = fc.record({
      path: fc.array(name, { minLength: 1, maxLength: 3 }).map((p) => p.join('/')),
      type: fc.constantFrom('file', 'dir', 'symlink', 'fifo'),
      linkname: fc.option(fc.constantFrom('a', ''), { nil: undefined }),
    }, { requiredKeys: ['path', 'type'] });
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 6 }), { maxLength: 4 }), (layers) => {
        let view;
        try {
          view = applyLayers(layers as never);
        } catch (e) {
          assert.ok(e instanceof Error, String(e));
          return;
        }
        const dirs = new Set(view.filter((v) => v.type === 'dir').map((v) => v.path));
        for (const v of view) {
          assert.ok(!v.path.split('/').some((p) => p.startsWith('.wh.')), v.path);
          const parent = v.path.includes('/') ? v.path.slice(0, v.path.lastIndexOf('/')) : '';
          assert.ok(parent === '' || dirs.has(parent), `${v.path} has no parent directory`);
          assert.ok(v.fromLayer >= 0 && v.fromLayer < layers.length);
        }
      }),
      { numRuns: RUNS, seed: 23 },
    );
  });
});
