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
      // issue 22, storage
      'findBestMatchForClaim', 'findMatchingVolume', 'checkVolumeModeMismatches', 'checkAccessModes', 'isDelayBindingMode',
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

describe('storage (issue 22): the contract examples of contracts/storage-nodes.md items 1 and 2', () => {
  const pv = (uid: string, name: string, size: string, modes: string[], extra: JsonObject = {}): JsonObject => ({
    metadata: { uid, name },
    spec: { capacity: { storage: size }, accessModes: modes, volumeMode: 'Filesystem', ...extra },
    status: { phase: 'Available' },
  });
  it('findBestMatchForClaim: index_test.go TestMatchVolume successful-match-gce-10', () => {
    const claim = { metadata: { name: 'claim01', namespace: 'myns' }, spec: { accessModes: ['ReadOnlyMany', 'ReadWriteOnce'], resources: { requests: { storage: '8G' } }, volumeMode: 'Filesystem' } };
    const got = api.findBestMatchForClaim(claim, [pv('gce-pd-10', 'gce003', '10G', ['ReadWriteOnce', 'ReadOnlyMany']), pv('nfs-10', 'nfs003', '10G', ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany']), pv('gce-pd-5', 'gce002', '5G', ['ReadWriteOnce', 'ReadOnlyMany'])], { delayBinding: false });
    assert.equal((got as { metadata: { uid: string } }).metadata.uid, 'gce-pd-10');
  });
  it('checkVolumeModeMismatches, checkAccessModes, isDelayBindingMode', () => {
    assert.equal(api.checkVolumeModeMismatches({ volumeMode: 'Block' }, { volumeMode: 'Filesystem' }), true);
    assert.equal(api.checkAccessModes({ spec: { accessModes: ['ReadWriteMany', 'ReadOnlyMany'] } }, { spec: { accessModes: ['ReadWriteOnce', 'ReadWriteMany'] } }), false);
    assert.equal(api.isDelayBindingMode({ spec: { storageClassName: 'wait-mode' } }, [{ metadata: { name: 'wait-mode' }, volumeBindingMode: 'WaitForFirstConsumer' }]), true);
  });
  it('findMatchingVolume: pv_helpers_test.go TestFindMatchVolumeWithNode success-exclusion', () => {
    const affinity = { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'key1', operator: 'In', values: ['value1'] }] }] } }, storageClassName: 'wait' };
    const claim = { metadata: { name: 'claim01', namespace: 'myns' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '100G' } }, storageClassName: 'wait', volumeMode: 'Filesystem' } };
    const volumes = [pv('affinity-pv', 'affinity001', '100G', ['ReadWriteOnce', 'ReadOnlyMany'], affinity), pv('affinity-pv2', 'affinity002', '150G', ['ReadWriteOnce', 'ReadOnlyMany'], affinity)];
    const got = api.findMatchingVolume(claim, volumes, { node: { metadata: { labels: { key1: 'value1' } } }, excludedVolumes: ['affinity001'], delayBinding: true, vacEnabled: true });
    assert.equal((got as { metadata: { uid: string } }).metadata.uid, 'affinity-pv2');
  });
});

describe('simulations/index.ts: networking (issue 20, chapter 11)', () => {
  it('networkPolicyAllows: a default deny ingress in x (network_policy.go "should support a \'default-deny-ingress\' policy")', () => {
    assert.equal(typeof api.networkPolicyAllows, 'function');
    const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    const p = (namespace: string, name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: { pod: name } }, spec: { containers: [{ name: 'c', image: 'agnhost' }] } });
    const cluster = {
      namespaces: [ns('x'), ns('y')],
      pods: [p('x', 'a'), p('y', 'a')],
      policies: [{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny-ingress', namespace: 'x' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } }],
    };
    assert.equal(api.networkPolicyAllows(cluster, { from: { namespace: 'y', pod: 'a' }, to: { namespace: 'x', pod: 'a' }, port: 80, protocol: 'TCP' }), false);
    assert.equal(api.networkPolicyAllows(cluster, { from: { namespace: 'x', pod: 'a' }, to: { namespace: 'y', pod: 'a' }, port: 80, protocol: 'TCP' }), true);
  });
});

// Chapter 10, services (issue 20; contracts/network.md, first block).
describe('simulations/index.ts: services', () => {
  it('exports the services functions, each answering one upstream case', () => {
    for (const name of ['tracePacket', 'iptablesRules', 'servicePortPolicyClusterChain', 'servicePortPolicyLocalChainName', 'serviceFirewallChainName', 'serviceExternalChainName', 'servicePortEndpointChainName', 'getPodDNS', 'parseResolvConf', 'formDNSSearchFitsLimits', 'formDNSNameserversFitsLimits', 'mergeDNSOptions', 'getPodDNSType', 'dnsRecords']) {
      assert.equal(typeof (api as Record<string, unknown>)[name], 'function', name);
    }
    // proxier_test.go TestOverallIPTablesRules chain names
    assert.equal(api.servicePortPolicyClusterChain('ns1/svc1:p80', 'tcp'), 'KUBE-SVC-XPGD46QRK7WJZT7O');
    assert.equal(api.servicePortEndpointChainName('ns1/svc1:p80', 'tcp', '10.180.0.1:80'), 'KUBE-SEP-SXIVWICOYRO3J4NJ');
    // proxier_test.go TestClusterIPGeneral "simple clusterIP"
    const input = {
      ipFamily: 'IPv4' as const, nodeName: 'test-node', nodeIPs: ['192.168.0.2'], clusterCIDR: '10.0.0.0/8', masqueradeAll: false, localhostNodePorts: true, nodePortAddresses: null,
      services: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc1', namespace: 'ns1' }, spec: { clusterIP: '172.30.0.41', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] } }],
      endpointSlices: [{ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'svc1-1', namespace: 'ns1', labels: { 'kubernetes.io/service-name': 'svc1' } }, addressType: 'IPv4', endpoints: [{ addresses: ['10.180.0.1'], nodeName: 'test-node' }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }],
    };
    assert.deepEqual(api.tracePacket(input, { protocol: 'TCP', sourceIP: '10.180.0.2', destIP: '172.30.0.41', destPort: 80 }), { output: '10.180.0.1:80', masq: false });
    assert.match(api.iptablesRules(input), /^\*filter\n/);
    // dns_test.go TestGetPodDNSType, TestParseResolvConf
    assert.equal(api.getPodDNSType({ spec: { dnsPolicy: 'ClusterFirst', hostNetwork: true } }), 'host');
    assert.deepEqual(api.parseResolvConf('nameserver 1.2.3.4\nsearch foo\nnameserver 5.6.7.8\nsearch bar'), { nameservers: ['1.2.3.4', '5.6.7.8'], searches: ['bar'], options: [] });
    // kubernetes/dns specification 2.3.1
    assert.ok(api.dnsRecords([{ kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { clusterIP: '10.3.0.1' } }], 'cluster.local').some((r) => r.name === 'kubernetes.default.svc.cluster.local.' && r.type === 'A' && r.data === '10.3.0.1'));
  });
});

describe('simulations/index.ts: issue 21, config-security', () => {
  it('authorize, syncClusterRole and checkPodSecurity, each with one upstream answer', () => {
    for (const name of ['authorize', 'syncClusterRole', 'checkPodSecurity']) assert.equal(typeof (api as Record<string, unknown>)[name], 'function', name);
    // rule.go clusterRoleBindingDescriber + rbac.go "RBAC: allowed by %s"
    const rbac = {
      roles: [], roleBindings: [],
      clusterRoles: [{ metadata: { name: 'y' }, rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] }],
      clusterRoleBindings: [{ metadata: { name: 'x' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'y' }, subjects: [{ kind: 'User', name: 'z' }] }],
    };
    const attrs = { user: 'z', groups: [], verb: 'get', resourceRequest: true, apiGroup: '', resource: 'pods', subresource: '', namespace: 'default', name: '', path: '' };
    assert.deepEqual(api.authorize(rbac, attrs), { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to User "z"' });
    // clusterroleaggregation_controller_test.go "select properly and put in order"
    const agg = api.syncClusterRole([
      { metadata: { name: 'hammer', labels: { foo: 'bar' } }, rules: [{ verbs: ['hammer'], resources: ['nails'] }] },
      { metadata: { name: 'chisel', labels: { foo: 'bar' } }, rules: [{ verbs: ['chisel'], resources: ['mortises'] }] },
      { metadata: { name: 'combined' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { foo: 'bar' } }] } },
    ], 'combined');
    assert.deepEqual(agg, { updated: true, rules: [{ verbs: ['chisel'], resources: ['mortises'] }, { verbs: ['hammer'], resources: ['nails'] }] });
    // check_privileged_test.go
    const ps = api.checkPodSecurity('baseline', 'latest', { spec: { containers: [{ name: 'd', securityContext: { privileged: true } }] } });
    assert.deepEqual(ps, { allowed: false, violations: [{ check: 'privileged', reason: 'privileged', detail: 'container "d" must not set securityContext.privileged=true' }] });
  });
});

// Chapter 12, ingress (issue 21): one upstream case each, through simulations/index.ts.
describe('simulations/index.ts: ingress (issue 21)', () => {
  it('matchIngress: "Prefix /aaa/bbb" does not match "/aaa/bbbxyz" (ingress.md Examples), and a port in Host is ignored', () => {
    const ing = { metadata: { name: 'ex', namespace: 'default' }, spec: { rules: [{ host: 'foo.bar.com', http: { paths: [
      { path: '/', pathType: 'Prefix', backend: { service: { name: 'root', port: { number: 80 } } } },
      { path: '/aaa/bbb', pathType: 'Prefix', backend: { service: { name: 'bbb', port: { number: 80 } } } },
    ] } }] } };
    assert.equal(api.matchIngress([ing], { host: 'foo.bar.com:8080', path: '/aaa/bbbxyz' })?.path, 0);
    assert.deepEqual(api.matchIngress([ing], { host: 'foo.bar.com', path: '/aaa/bbb/ccc' }), { ingress: 'default/ex', rule: 0, path: 1, backend: { service: { name: 'bbb', port: { number: 80 } } } });
    assert.equal(api.matchIngress([ing], { host: 'other.com', path: '/' }), null);
  });
  it('matchHTTPRoute: a method match beats a header match (conformance/tests/httproute-method-matching.go)', () => {
    const gateways = [{ metadata: { name: 'gw', namespace: 'default' }, spec: { gatewayClassName: 'c', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } }];
    const httpRoutes = [{ metadata: { name: 'r', namespace: 'default' }, spec: { parentRefs: [{ name: 'gw' }], rules: [
      { matches: [{ method: 'PATCH' }], backendRefs: [{ name: 'v2', port: 8080 }] },
      { matches: [{ headers: [{ name: 'version', value: 'four' }] }], backendRefs: [{ name: 'v3', port: 8080 }] },
    ] } }];
    assert.deepEqual(api.matchHTTPRoute({ gateways, httpRoutes }, { host: 'example.com', path: '/', method: 'PATCH', headers: { Version: 'four' }, query: {} }),
      { route: 'default/r', ruleIndex: 0, backendRefs: [{ name: 'v2', port: 8080 }] });
    assert.equal(api.matchHTTPRoute({ gateways, httpRoutes }, { host: 'example.com', path: '/', method: 'GET', headers: {}, query: {} }), null);
  });
});

// Chapter 15, containers (issue 23): the contract examples of shared/contracts/containers-extending.md.
describe('simulations/index.ts: containers', () => {
  it('cgroup conversions and image layers', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c0', image: 'x', resources: { requests: { cpu: '100m', memory: '100Mi' }, limits: { cpu: '200m', memory: '200Mi' } } }] } };
    assert.deepEqual({ ...api.resourceConfigForPod(pod, { enforceCPULimits: true, cpuPeriod: 100000 }) }, { cpuShares: 102, cpuQuota: 20000, cpuPeriod: 100000, memory: 209715200 });
    assert.equal(api.milliCPUToShares(100), 102);
    assert.equal(api.milliCPUToQuota(5, 100000), 1000);
    assert.equal(api.getCPUWeight(1024), 39);
    assert.equal(api.cpuWeightToCPUShares(4), 80);
    assert.equal(api.convertCPUSharesToCgroupV2Value(1024), 100);
    assert.deepEqual(api.cgroupV2Files({ cpuShares: 102, cpuQuota: -1, cpuPeriod: 100000, memory: 209715200 }, { level: 'pod' }), { 'cpu.weight': '4', 'cpu.max': 'max 100000', 'memory.max': '209715200' });
    assert.deepEqual(api.applyLayers([[{ path: 'etc/', type: 'dir' }, { path: 'etc/a', type: 'file', content: '1' }], [{ path: 'etc/.wh.a', type: 'file' }]]), [{ path: 'etc', type: 'dir', fromLayer: 0 }]);
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
