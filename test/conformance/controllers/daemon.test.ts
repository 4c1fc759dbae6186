// Upstream: pkg/controller/daemon/daemon_controller_test.go TestNodeShouldRunDaemonPod
// (each case is run for both update strategies upstream; the strategy does not enter
// NodeShouldRunDaemonPod, so once here), plus the taint rules its sync tests exercise
// (TestTaintedNodeDaemonDoesNotLaunchIntolerantPods, TestTaintOutOfDiskNodeDaemonLaunchesCriticalPod-style
// default tolerations) written as NodeShouldRunDaemonPod cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeShouldRunDaemonPod } from '../../../simulations/index.ts';

const FILE = 'pkg/controller/daemon/daemon_controller_test.go TestNodeShouldRunDaemonPod';
const simpleDaemonSetLabel = { name: 'simple-daemon', type: 'production' };
const simpleDaemonSetLabel2 = { name: 'simple-daemon', type: 'test' };

/** resourcePodSpec(nodeName, memory, cpu). */
const resourcePodSpec = (nodeName: string, memory: string, cpu: string) => ({
  ...(nodeName ? { nodeName } : {}),
  containers: [{ name: 'c', image: 'x', resources: { requests: { memory, cpu } } }],
});
const ds = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'foo', namespace: 'default' }, spec: { selector: { matchLabels: simpleDaemonSetLabel }, template: { metadata: { labels: simpleDaemonSetLabel }, spec } } });
const node = (extra: { unschedulable?: boolean; taints?: { key: string; value?: string; effect: string }[]; labels?: Record<string, string> } = {}) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'test-node', labels: extra.labels ?? simpleDaemonSetLabel },
  spec: { ...(extra.unschedulable ? { unschedulable: true } : {}), ...(extra.taints ? { taints: extra.taints } : {}) },
  status: { allocatable: { memory: '100M', cpu: '1', pods: '100' } },
});
const affinity = (value: string) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'type', operator: 'In', values: [value] }] }] } } });
const hostPortSpec = { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 666, hostPort: 666 }] }] };

const cases = [
  { predicateName: 'ShouldRunDaemonPod', ds: ds(resourcePodSpec('', '50M', '0.5')), shouldRun: true, shouldContinueRunning: true },
  { predicateName: 'InsufficientResourceError', ds: ds(resourcePodSpec('', '200M', '0.5')), shouldRun: true, shouldContinueRunning: true },
  { predicateName: 'ErrPodNotMatchHostName', ds: ds(resourcePodSpec('other-node', '50M', '0.5')), shouldRun: false, shouldContinueRunning: false },
  // podsOnNode (a Pod holding hostPort 666) no longer matters: resources and ports are the scheduler's.
  { predicateName: 'ErrPodNotFitsHostPorts', ds: ds(hostPortSpec), shouldRun: true, shouldContinueRunning: true },
  { predicateName: 'InsufficientResourceError (with a Pod on the node)', ds: ds(resourcePodSpec('', '100M', '0.5')), shouldRun: true, shouldContinueRunning: true },
  { predicateName: 'ShouldRunDaemonPod (with a Pod on the node)', ds: ds(resourcePodSpec('', '50M', '0.5')), shouldRun: true, shouldContinueRunning: true },
  { predicateName: 'ErrNodeSelectorNotMatch', ds: ds({ nodeSelector: simpleDaemonSetLabel2, containers: [] }), shouldRun: false, shouldContinueRunning: false },
  { predicateName: 'ShouldRunDaemonPod (nodeSelector matches)', ds: ds({ nodeSelector: simpleDaemonSetLabel, containers: [] }), shouldRun: true, shouldContinueRunning: true },
  { predicateName: 'ErrPodAffinityNotMatch', ds: ds({ affinity: affinity('test'), containers: [] }), shouldRun: false, shouldContinueRunning: false },
  { predicateName: 'ShouldRunDaemonPod (affinity matches)', ds: ds({ affinity: affinity('production'), containers: [] }), shouldRun: true, shouldContinueRunning: true },
  { predicateName: 'ShouldRunDaemonPodOnUnschedulableNode', ds: ds(resourcePodSpec('', '50M', '0.5')), unschedulable: true, shouldRun: true, shouldContinueRunning: true },
];
cases.forEach((c, i) => {
  test(`${FILE} [${i}] ${c.predicateName}`, () => {
    assert.deepEqual(nodeShouldRunDaemonPod(node({ unschedulable: c.unschedulable }), c.ds), { shouldRun: c.shouldRun, shouldContinueRunning: c.shouldContinueRunning });
  });
});

const noSchedule = { key: 'dedicated', value: 'user1', effect: 'NoSchedule' };
const noExecute = { key: 'dedicated', value: 'user1', effect: 'NoExecute' };
const tolerate = (effect: string) => [{ key: 'dedicated', operator: 'Equal', value: 'user1', effect }];
const taintCases = [
  { name: 'an untolerated NoSchedule taint: no new daemon Pod, but a running one stays', taints: [noSchedule], tolerations: undefined, want: { shouldRun: false, shouldContinueRunning: true } },
  { name: 'an untolerated NoExecute taint: no daemon Pod at all', taints: [noExecute], tolerations: undefined, want: { shouldRun: false, shouldContinueRunning: false } },
  { name: 'a tolerated NoSchedule taint does not keep the daemon off', taints: [noSchedule], tolerations: tolerate('NoSchedule'), want: { shouldRun: true, shouldContinueRunning: true } },
  { name: 'tolerating NoSchedule does not tolerate NoExecute', taints: [noExecute], tolerations: tolerate('NoSchedule'), want: { shouldRun: false, shouldContinueRunning: false } },
  { name: 'PreferNoSchedule never keeps a daemon off', taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }], tolerations: undefined, want: { shouldRun: true, shouldContinueRunning: true } },
  { name: 'daemon Pods tolerate not-ready and unreachable nodes by default', taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }], tolerations: undefined, want: { shouldRun: true, shouldContinueRunning: true } },
  { name: 'daemon Pods tolerate memory, disk and PID pressure and cordoned nodes by default', taints: ['memory-pressure', 'disk-pressure', 'pid-pressure', 'unschedulable'].map((k) => ({ key: `node.kubernetes.io/${k}`, effect: 'NoSchedule' })), tolerations: undefined, want: { shouldRun: true, shouldContinueRunning: true } },
  { name: 'an unavailable network keeps off a daemon without hostNetwork', taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }], tolerations: undefined, want: { shouldRun: false, shouldContinueRunning: true } },
];
for (const c of taintCases) {
  test(`daemon_controller.go NodeShouldRunDaemonPod taints: ${c.name}`, () => {
    assert.deepEqual(nodeShouldRunDaemonPod(node({ taints: c.taints }), ds({ containers: [], ...(c.tolerations ? { tolerations: c.tolerations } : {}) })), c.want);
  });
}

test('daemon_controller.go NodeShouldRunDaemonPod taints: a hostNetwork daemon tolerates an unavailable network', () => {
  assert.deepEqual(nodeShouldRunDaemonPod(node({ taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] }), ds({ hostNetwork: true, containers: [] })), { shouldRun: true, shouldContinueRunning: true });
});

test('a required node affinity term with an unknown operator matches no node (parse errors ignored, as upstream)', () => {
  const bad = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'type', operator: 'Like', values: ['production'] }] }] } } };
  assert.deepEqual(nodeShouldRunDaemonPod(node(), ds({ affinity: bad, containers: [] })), { shouldRun: false, shouldContinueRunning: false });
});

test('contract: nodeShouldRunDaemonPod(node tainted dedicated=user1:NoSchedule, DaemonSet without tolerations)', () => {
  assert.deepEqual(nodeShouldRunDaemonPod(node({ taints: [noSchedule] }), ds({ containers: [{ name: 'c', image: 'x' }] })), { shouldRun: false, shouldContinueRunning: true });
});
