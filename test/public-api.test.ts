// The public functions the engine issues name, called through
// simulations/index.ts (the entry point outside checks use), each with one
// case whose answer comes from upstream: a dropped or renamed export, or a
// changed shape, fails here even though every engine test imports its own files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as api from '../simulations/index.ts';
import type { JsonObject } from '../simulations/shared/yaml.ts';

const pod = (name: string, resources: JsonObject = {}, extra: JsonObject = {}): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}` },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources }], ...extra },
});
const node = (name: string, cpu: string, memory: string): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name } },
  status: { allocatable: { cpu, memory, pods: '110' }, capacity: { cpu, memory, pods: '110' } },
});

describe('simulations/index.ts', () => {
  it('exports every function the engine issues name', () => {
    const named = [
      // issue 3, scheduler
      'runFilterPlugin', 'runScorePlugin', 'fitErrorMessage', 'podRequests', 'schedule',
      // issue 4, pod lifecycle
      'getPhase', 'printPod', 'simulatePod',
      // issue 5, resources and OOM
      'getPodQOS', 'getContainerOOMScoreAdjust', 'rankMemoryPressure', 'describePod', 'diagnosePod', 'simulateMemory',
      // issue 6, declarative apply
      'strategicMergePatch', 'createTwoWayMergePatch', 'createThreeWayMergePatch', 'schemaFor', 'kubectlApply',
      // issue 18, etcd
      'committedIndex', 'voteResult', 'isUpToDate', 'findConflict', 'maybeAppend', 'maybeCommit', 'stepVote', 'mvcc', 'simulateRaft',
      // issue 19, informers (client-go)
      'rateLimiterScenario', 'workqueueScenario', 'deltaFIFOScenario', 'indexerScenario', 'processDeltas', 'reflectorScenario', 'sharedInformerScenario',
    ];
    for (const name of named) assert.equal(typeof (api as Record<string, unknown>)[name], 'function', name);
  });

  it('scheduler: requests, a filter, the FitError message and a placement', () => {
    // component-helpers resource/helpers.go PodRequests
    const requests = api.podRequests(pod('a', { requests: { cpu: '500m', memory: '1Gi' } }));
    assert.deepEqual([requests.cpu, requests.memory], [500, 1024 ** 3]);
    // With nonZero, an unset request counts as 100m CPU and 200Mi memory (util/pod_resources.go)
    const nonZero = api.podRequests(pod('b'), { nonZero: true });
    assert.deepEqual([nonZero.cpu, nonZero.memory], [100, 200 * 1024 ** 2]);
    const statuses = api.runFilterPlugin('NodeResourcesFit', { pod: pod('big', { requests: { cpu: '4' } }), nodes: [node('n1', '2', '4Gi')] });
    assert.equal(statuses.n1.code, 'Unschedulable');
    assert.deepEqual(statuses.n1.reasons, ['Insufficient cpu']);
    // framework/types.go FitError.Error
    assert.equal(
      api.fitErrorMessage(2, { nodeToStatus: { n1: { code: 'Unschedulable', reasons: ['Insufficient cpu'] }, n2: { code: 'Unschedulable', reasons: ['Insufficient cpu'] } } }),
      '0/2 nodes are available: 2 Insufficient cpu.',
    );
    const placed = api.schedule({ nodes: [node('small', '1', '2Gi'), node('large', '8', '16Gi')], pods: [pod('web-0', { requests: { cpu: '2' } })] });
    assert.equal(placed.pods[0].node, 'large');
  });

  it('pod lifecycle: phase, the kubectl get row, and a simulated Pod', () => {
    const running = { ...pod('r'), status: { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: { startedAt: '2025-01-01T00:00:00Z' } } }] } };
    // kubelet_pods.go getPhase: a running container makes the Pod Running
    assert.equal(api.getPhase(running as never, false, true), 'Running');
    const row = api.printPod(running, '2025-01-01T00:05:00Z');
    assert.deepEqual([row.ready, row.status, row.restarts], ['1/1', 'Running', '0']);
    const out = api.simulatePod('apiVersion: v1\nkind: Pod\nmetadata: {name: crash}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 5; exit 1"]\n');
    assert.ok(out.result.restarts.length > 0, 'a container that exits 1 under restartPolicy Always restarts');
  });

  it('resources and OOM: QoS, oom_score_adj, ranking, describe, diagnose and a simulated node', () => {
    // pkg/apis/core/helper/qos GetPodQOS; pkg/kubelet/qos/policy.go
    assert.equal(api.getPodQOS(pod('be')), 'BestEffort');
    const guaranteed = pod('g', { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } });
    assert.equal(api.getPodQOS(guaranteed), 'Guaranteed');
    assert.equal(api.getContainerOOMScoreAdjust(guaranteed, 'app', 8 * 1024 ** 3), -997);
    assert.equal(api.getContainerOOMScoreAdjust(pod('be'), 'app', 8 * 1024 ** 3), 1000);
    // eviction/helpers.go: usage above requests first
    const ranked = api.rankMemoryPressure([
      { pod: guaranteed, memoryWorkingSet: '500Mi' },
      { pod: pod('be'), memoryWorkingSet: 100 * 1024 ** 2 },
    ]);
    assert.equal((ranked[0].pod as { metadata: { name: string } }).metadata.name, 'be');
    const withStatus = { ...pod('d'), status: { phase: 'Pending', qosClass: 'BestEffort' } };
    assert.match(api.describePod(withStatus, [], '2025-01-01T00:00:00Z'), /^Name:\s+d\nNamespace:\s+default\n/);
    assert.ok(api.diagnosePod(withStatus));
    const memory = api.simulateMemory([node('n1', '2', '4Gi'), pod('steady', { requests: { memory: '100Mi' }, limits: { memory: '200Mi' } })]);
    assert.ok(memory.result);
  });

  it('declarative apply: patches, the schema and kubectl apply', () => {
    const schema = api.schemaFor('v1', 'ConfigMap');
    assert.ok(schema);
    const original = { data: { a: '1', b: '2' } };
    const modified = { data: { a: '1', c: '3' } };
    // strategicpatch: a key removed from the map becomes null in the patch
    const patch = api.createTwoWayMergePatch(original, modified, schema);
    assert.deepEqual(patch, { data: { b: null, c: '3' } });
    assert.deepEqual(api.strategicMergePatch(original, patch, schema), modified);
    assert.deepEqual(api.createThreeWayMergePatch(original, modified, original, schema, { overwrite: true }), patch);
    const applied = api.kubectlApply({ live: null, config: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  a: "1"\n' });
    assert.equal(applied.outcome, 'created');
    for (const key of ['patch', 'result', 'newLastApplied', 'diff', 'explanation']) assert.ok(key in applied, key);
    // kubectl's annotation: the applied object as compact JSON, with a trailing newline
    assert.equal(applied.newLastApplied, '{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"demo","namespace":"default"}}\n');
  });

  it('etcd: quorum, log and vote rules, mvcc and a Raft cluster (contracts/etcd.md examples)', () => {
    // etcd-io/raft quorum/testdata/majority_commit.txt and joint_commit.txt
    assert.equal(api.committedIndex([1, 2, 3], { '1': 12, '2': 5 }), 5);
    assert.equal(api.committedIndex([1, 2, 3], { '1': 100, '2': 101, '3': 99 }, []), 100);
    assert.equal(api.voteResult([2, 4, 7], { '2': true, '4': false }), 'VotePending');
    // log_test.go TestIsUpToDate, TestFindConflict, TestLogMaybeAppend; raft_test.go TestCommit
    assert.equal(api.isUpToDate(3, 3, 2, 4), true);
    assert.equal(api.findConflict([{ index: 1, term: 1 }, { index: 2, term: 2 }, { index: 3, term: 3 }], [{ index: 2, term: 1 }, { index: 3, term: 4 }]), 2);
    const appended = api.maybeAppend([{ index: 1, term: 1 }, { index: 2, term: 2 }, { index: 3, term: 3 }], 1, { index: 3, logTerm: 3, commit: 5, entries: [{ index: 4, term: 4 }] });
    assert.deepEqual([appended.lastNewIndex, appended.ok, appended.committed, appended.log.length], [4, true, 4, 4]);
    assert.equal(api.maybeCommit([{ index: 1, term: 1 }, { index: 2, term: 2 }], 2, { '1': 2, '2': 1, '3': 1 }, 0), 0);
    assert.deepEqual(api.stepVote({ id: 1, state: 'StateFollower', term: 0, vote: 0, lead: 0, log: [{ index: 1, term: 2 }] }, { type: 'MsgVote', from: 2, to: 1, term: 3, index: 2, logTerm: 1 }), { type: 'MsgVoteResp', reject: true, term: 3 });
    // etcdctl -w json, checked against a real etcd in test/conformance/etcd/mvcc-oracle.test.ts
    assert.deepEqual(api.mvcc([{ op: 'put', key: 'foo', value: 'bar' }, { op: 'get', key: 'foo' }]), [
      { header: { revision: 2 } },
      { header: { revision: 2 }, kvs: [{ key: 'foo', value: 'bar', create_revision: 2, mod_revision: 2, version: 1 }], count: 1 },
    ]);
    const raft = api.simulateRaft({ members: 5, seed: 21, untilMs: 10000, events: [{ at: 0, type: 'partition', groups: [[1, 2], [3, 4, 5]] }, { at: 6000, type: 'propose', value: 'a' }] });
    assert.deepEqual(raft.members.map((m) => m.commitIndex), [0, 0, 2, 2, 2]);
    assert.equal(raft.leaders.length, 1);
  });
  it('informers: the client-go scenario functions (contracts/clientgo.md examples)', () => {
    // util/workqueue default_rate_limiters_test.go TestItemExponentialFailureRateLimiter
    assert.deepEqual(api.rateLimiterScenario({ type: 'ItemExponentialFailureRateLimiter', baseDelayMs: 1, maxDelayMs: 1000 }, [{ op: 'when', item: 'one' }, { op: 'when', item: 'one' }, { op: 'numRequeues', item: 'one' }]), { results: [1, 2, 2] });
    // queue_test.go TestReinsert: added while processing, queued again after Done
    assert.deepEqual(api.workqueueScenario({ ops: [{ op: 'add', item: 'foo' }, { op: 'get' }, { op: 'add', item: 'foo' }, { op: 'done', item: 'foo' }, { op: 'len' }] }).results, [null, { item: 'foo', shutdown: false }, null, null, 1]);
    // delta_fifo_test.go TestDeltaFIFO_replaceWithDeleteDeltaIn
    const foo = (rv: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'foo', resourceVersion: rv } });
    const popped = api.deltaFIFOScenario({ knownObjects: [foo('1')], ops: [{ op: 'delete', object: foo('1') }, { op: 'replace', objects: [foo('2')], resourceVersion: '' }, { op: 'pop' }] }).results[2];
    assert.deepEqual(popped, { deltas: [{ type: 'Deleted', object: foo('1') }, { type: 'Sync', object: foo('2') }], isInInitialList: false });
    assert.deepEqual(api.indexerScenario({ indexers: { namespace: 'namespace' }, ops: [{ op: 'add', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1', namespace: 'a' } } }, { op: 'indexKeys', indexName: 'namespace', indexedValue: 'a' }] }).results, [null, ['a/p1']]);
    const a = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'default', resourceVersion: '1' } };
    assert.deepEqual(api.processDeltas({ store: [a], deltas: [{ type: 'Sync', object: a }], isInInitialList: false }).notifications, [{ type: 'OnUpdate', oldObj: a, newObj: a }]);
    // reflector_test.go TestReflectorExpiredExactResourceVersion, as the contract's example
    const r = api.reflectorScenario({ useWatchList: false, runs: [
      { responses: [{ list: { resourceVersion: '10', items: [] } }] },
      { responses: [{ error: { code: 410, reason: 'Expired', message: 'The resourceVersion for the provided watch is too old.' } }, { list: { resourceVersion: '11', items: [] } }] }] });
    assert.deepEqual(r.requests.map((q) => [q.verb, q.resourceVersion, q.limit]), [['list', '0', 500], ['watch', '10', undefined], ['list', '10', 0], ['list', '', 0], ['watch', '11', undefined]]);
    const s = api.sharedInformerScenario({ defaultResyncPeriodMs: 1000, objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod1' } }], ops: [{ op: 'addEventHandler', name: 'h', resyncPeriodMs: 1000 }, { op: 'run' }, { op: 'advance', ms: 1000 }] });
    assert.deepEqual(s.notifications.map((n) => [n.op, n.type, n.key, n.resourceVersion]), [[1, 'add', 'pod1', '1'], [2, 'update', 'pod1', '1']]);
  });
});

describe('one public entry file per chapter engine', () => {
  const SIMULATIONS = fileURLToPath(new URL('../simulations/', import.meta.url));
  const specifiersOf = (file: string) => [...readFileSync(`${SIMULATIONS}${file}`, 'utf8').matchAll(/\bfrom\s*'([^']+)'/g)].map((m) => m[1]);
  // A chapter engine is a folder the registry takes an engine from; kubelet/ and kubectl/ are shared libraries with files of their own.
  const chapterEngines = [...new Set(specifiersOf('registry.ts').flatMap((spec) => /^\.\/([a-z0-9-]+)\/[a-z-]*engine\.ts$/.exec(spec)?.[1] ?? []))].filter((f) => f !== 'shared');
  const specifiers = specifiersOf('index.ts');

  it('simulations/index.ts takes every chapter engine’s functions from its public-api.ts, and only from there', () => {
    assert.ok(chapterEngines.length >= 4, `found the chapter engines: ${chapterEngines.join(', ')}`);
    for (const folder of chapterEngines) {
      assert.ok(existsSync(`${SIMULATIONS}${folder}/public-api.ts`), `simulations/${folder}/public-api.ts exists`);
      const imported = specifiers.filter((spec) => spec.startsWith(`./${folder}/`));
      assert.deepEqual([...new Set(imported)], [`./${folder}/public-api.ts`], `simulations/index.ts imports ${folder} only through its public-api.ts`);
    }
  });

  it('NotFoundError is the server’s (an unknown lesson, cell or engine), not the simulations’', () => {
    assert.equal((api as Record<string, unknown>).NotFoundError, undefined);
    assert.doesNotMatch(readFileSync(`${SIMULATIONS}shared/errors.ts`, 'utf8'), /class NotFoundError/);
  });
});

// Issue 23, chapter 17 (extending): the contract examples of /work/shared/contracts/containers-extending.md.
describe('extending: the apiextensions functions answer the contract examples', () => {
  it('pruneObject, defaultCustomObject, validateCustomResource, validateStructuralSchema, createCustomResource', () => {
    assert.deepEqual(api.pruneObject({ properties: { a: {} } }, { a: 1, b: 2 }), { object: { a: 1 }, prunedPaths: ['b'] });
    assert.deepEqual(api.defaultCustomObject({ properties: { a: { default: 'A' } } }, {}), { a: 'A' });
    assert.deepEqual(api.validateCustomResource({ type: 'object', properties: { field: { type: 'object' } } }, { field: 'foo' }), [
      { type: 'FieldValueInvalid', field: 'field', detail: 'field in body must be of type object: "string"', message: 'field: Invalid value: "string": field in body must be of type object: "string"' },
    ]);
    assert.deepEqual(
      api.validateStructuralSchema({ type: 'object', properties: { slice: { type: 'array' } } }).map((e) => e.message),
      ['spec.versions[0].schema.openAPIV3Schema.properties[slice].items: Required value: must be specified'],
    );
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'foos.tests.example.com' },
      spec: { group: 'tests.example.com', scope: 'Namespaced', names: { plural: 'foos', kind: 'Foo' }, versions: [{ name: 'v1beta1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }] },
    };
    const created = api.createCustomResource(crd, { apiVersion: 'tests.example.com/v1beta1', kind: 'Foo', metadata: { name: 'foo' }, unspecified: 'bar' });
    assert.ok('object' in created);
    assert.equal((created.object as Record<string, unknown>).unspecified, undefined);
  });
});
