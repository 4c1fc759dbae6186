// printPod against upstream's own tables.
// src: pkg/printers/internalversion/printers_test.go — TestPrintPod,
// TestPrintPodWithRestartableInitContainer, TestPrintPodwide, TestPrintPodConditions,
// TestPrintPodList, TestPrintNonTerminatedPod. Upstream builds times from time.Now();
// here NOW is fixed and `ago(…)` stands for time.Now().Add(-…).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printPod, podRowCells } from '../../../simulations/kubectl/get-pods.ts';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const S = 1000;
const M = 60 * S;
const D = 24 * 60 * M;

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const containers = (n: number) => Array.from({ length: n }, () => ({ name: '' }));
const running = { running: {} };
const waiting = (reason?: string) => ({ waiting: reason ? { reason } : {} });
const terminated = (reason?: string, exitCode = 0) => ({ terminated: { ...(reason ? { reason } : {}), exitCode } });
const lastFinished = (ms: number) => ({ terminated: { finishedAt: ago(ms) } });
const succeededCond = [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
const failedCond = [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
const deleteTime = ago(10 * S);
const sidecar = (name: string) => ({ name, restartPolicy: 'Always' });

interface Case {
  upstream: string;
  name: string;
  pod: Obj;
  wide?: boolean;
  /** Cells: name, ready, status, restarts, age (+ ip, node, nominated node, readiness gates when wide). */
  cells: string[];
  conditions?: Obj[];
}

const T = 'pkg/printers/internalversion/printers_test.go';
const cases: Case[] = [
  {
    upstream: `${T} TestPrintPod`,
    name: 'test1: name, number of containers, restarts and readiness',
    pod: { metadata: { name: 'test1' }, spec: { containers: containers(2) }, status: { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }] } },
    cells: ['test1', '1/2', 'podPhase', '6', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test2: a container waiting reason overwrites the pod phase',
    pod: { metadata: { name: 'test2' }, spec: { containers: containers(2) }, status: { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { state: waiting('ContainerWaitingReason'), restartCount: 3 }] } },
    cells: ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test3: with a terminated state too, the first container overwrites the rest',
    pod: { metadata: { name: 'test3' }, spec: { containers: containers(2) }, status: { phase: 'podPhase', containerStatuses: [{ state: waiting('ContainerWaitingReason'), restartCount: 3 }, { state: terminated('ContainerTerminatedReason'), restartCount: 3 }] } },
    cells: ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test4: ready is not enough for reporting running',
    pod: { metadata: { name: 'test4' }, spec: { containers: containers(2) }, status: { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3 }] } },
    cells: ['test4', '1/2', 'podPhase', '6', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test5: the pod reason wins over the phase',
    pod: { metadata: { name: 'test5' }, spec: { containers: containers(2) }, status: { reason: 'podReason', phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3 }] } },
    cells: ['test5', '1/2', 'podReason', '6', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test6: one running and one completed container, without a Ready condition, is NotReady',
    pod: { metadata: { name: 'test6' }, spec: { containers: containers(2) }, status: { phase: 'Running', reason: '', containerStatuses: [{ ready: true, restartCount: 3, state: terminated('Completed', 0) }, { ready: true, restartCount: 3, state: running }] } },
    cells: ['test6', '1/2', 'NotReady', '6', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test6: one running and one completed container, with Ready=True, is Running',
    pod: { metadata: { name: 'test6' }, spec: { containers: containers(2) }, status: { phase: 'Running', reason: '', containerStatuses: [{ ready: true, restartCount: 3, state: terminated('Completed', 0) }, { ready: true, restartCount: 3, state: running }], conditions: [{ type: 'Ready', status: 'True', lastProbeTime: ago(0) }] } },
    cells: ['test6', '1/2', 'Running', '6', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test7: one init container restarting and one container not running',
    pod: { metadata: { name: 'test7' }, spec: { initContainers: containers(1), containers: containers(1) }, status: { phase: 'podPhase', initContainerStatuses: [{ ready: false, restartCount: 3, state: running, lastState: lastFinished(10 * S) }], containerStatuses: [{ ready: false, restartCount: 0, state: waiting() }] } },
    cells: ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test8: two init containers, one restarting and the other not running',
    pod: { metadata: { name: 'test8' }, spec: { initContainers: containers(2), containers: containers(1) }, status: { phase: 'podPhase', initContainerStatuses: [{ ready: false, restartCount: 3, state: running, lastState: lastFinished(10 * S) }, { ready: false, state: waiting() }], containerStatuses: [{ ready: false, state: waiting() }] } },
    cells: ['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test9: two init containers, one completed without restarts and the other restarting',
    pod: { metadata: { name: 'test9' }, spec: { initContainers: containers(2), containers: containers(1) }, status: { phase: 'podPhase', initContainerStatuses: [{ ready: false, state: { terminated: {} } }, { ready: false, restartCount: 3, state: running, lastState: lastFinished(10 * S) }], containerStatuses: [{ ready: false, state: waiting() }] } },
    cells: ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test10: two init containers, one completed with restarts and the other restarting',
    pod: { metadata: { name: 'test10' }, spec: { initContainers: containers(2), containers: containers(1) }, status: { phase: 'podPhase', initContainerStatuses: [{ ready: false, restartCount: 2, state: { terminated: {} }, lastState: lastFinished(2 * M) }, { ready: false, restartCount: 3, state: running, lastState: lastFinished(10 * S) }], containerStatuses: [{ ready: false, state: waiting() }] } },
    cells: ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test11: an init container completed with restarts and one container restarting',
    pod: { metadata: { name: 'test11' }, spec: { initContainers: containers(1), containers: containers(1) }, status: { phase: 'Running', initContainerStatuses: [{ ready: false, restartCount: 2, state: { terminated: {} }, lastState: lastFinished(2 * M) }], containerStatuses: [{ ready: false, restartCount: 4, state: running, lastState: lastFinished(20 * S) }] } },
    cells: ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test12: one container that restarted 5d ago',
    pod: { metadata: { name: 'test12' }, spec: { containers: containers(1) }, status: { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 3, state: running, lastState: lastFinished(5 * D) }] } },
    cells: ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test13: two containers, one never restarted and one restarted 10d ago',
    pod: { metadata: { name: 'test13' }, spec: { containers: containers(2) }, status: { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 0, state: running }, { ready: true, restartCount: 3, state: running, lastState: lastFinished(10 * D) }] } },
    cells: ['test13', '2/2', 'Running', '3 (10d ago)', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test14: two containers restarted 5d and 20d ago: the newest restart is shown',
    pod: { metadata: { name: 'test14' }, spec: { containers: containers(2) }, status: { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 6, state: running, lastState: lastFinished(5 * D) }, { ready: true, restartCount: 3, state: running, lastState: lastFinished(20 * D) }] } },
    cells: ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test15: PodScheduled with reason SchedulingGated',
    pod: { metadata: { name: 'test15' }, spec: { containers: containers(2) }, status: { phase: 'podPhase', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } },
    cells: ['test15', '0/2', 'SchedulingGated', '0', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test16: a succeeded pod gets the Completed row condition',
    pod: { metadata: { name: 'test16' }, spec: { containers: containers(1) }, status: { phase: 'Succeeded', containerStatuses: [{ ready: false, restartCount: 0, state: terminated('Completed', 0) }] } },
    cells: ['test16', '0/1', 'Completed', '0', '<unknown>'],
    conditions: succeededCond,
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test17: a failed pod gets the Failed row condition',
    pod: { metadata: { name: 'test17' }, spec: { containers: containers(1) }, status: { phase: 'Failed', containerStatuses: [{ ready: false, restartCount: 0, state: terminated('Error', 1) }] } },
    cells: ['test17', '0/1', 'Error', '0', '<unknown>'],
    conditions: failedCond,
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test18: a succeeded pod being deleted is not Terminating',
    pod: { metadata: { name: 'test18', deletionTimestamp: deleteTime }, spec: { containers: containers(1) }, status: { phase: 'Succeeded', containerStatuses: [{ ready: false, restartCount: 0, state: terminated('Completed', 0) }] } },
    cells: ['test18', '0/1', 'Completed', '0', '<unknown>'],
    conditions: succeededCond,
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test19: a running pod being deleted is Terminating',
    pod: { metadata: { name: 'test19', deletionTimestamp: deleteTime }, spec: { containers: containers(1) }, status: { phase: 'Running', containerStatuses: [{ ready: false, restartCount: 0, state: running }] } },
    cells: ['test19', '0/1', 'Terminating', '0', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPod`,
    name: 'test20: a pending pod being deleted is Terminating',
    pod: { metadata: { name: 'test20', deletionTimestamp: deleteTime }, spec: { containers: containers(1) }, status: { phase: 'Pending' } },
    cells: ['test20', '0/1', 'Terminating', '0', '<unknown>'],
  },
  // Restartable init containers (sidecars).
  {
    upstream: `${T} TestPrintPodWithRestartableInitContainer`,
    name: 'two sidecars, the first running but not started: Init:0/2, sidecars count in the total',
    pod: { metadata: { name: 'test1' }, spec: { initContainers: [sidecar('restartable-init-1'), sidecar('restartable-init-2')], containers: containers(1) }, status: { phase: 'Pending', initContainerStatuses: [{ name: 'restartable-init-1', ready: false, restartCount: 3, state: running, started: false, lastState: lastFinished(10 * S) }, { name: 'restartable-init-2', ready: false, state: waiting(), started: false }], containerStatuses: [{ ready: false, restartCount: 0, state: waiting() }], conditions: [{ type: 'Initialized', status: 'False' }] } },
    cells: ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPodWithRestartableInitContainer`,
    name: 'two sidecars, the first started and the second running but not started: Init:1/2',
    pod: { metadata: { name: 'test1' }, spec: { initContainers: [sidecar('restartable-init-1'), sidecar('restartable-init-2')], containers: containers(1) }, status: { phase: 'Pending', initContainerStatuses: [{ name: 'restartable-init-1', ready: false, restartCount: 3, state: running, started: true, lastState: lastFinished(10 * S) }, { name: 'restartable-init-2', ready: false, state: running, started: false }], containerStatuses: [{ ready: false, restartCount: 0, state: waiting() }], conditions: [{ type: 'Initialized', status: 'False' }] } },
    cells: ['test1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPodWithRestartableInitContainer`,
    name: 'two sidecars started and one container running: restarts of sidecars and containers add up',
    pod: { metadata: { name: 'test2' }, spec: { initContainers: [sidecar('restartable-init-1'), sidecar('restartable-init-2')], containers: containers(1) }, status: { phase: 'Running', initContainerStatuses: [{ name: 'restartable-init-1', ready: false, restartCount: 3, state: running, started: true, lastState: lastFinished(10 * S) }, { name: 'restartable-init-2', ready: false, state: running, started: true }], containerStatuses: [{ ready: true, restartCount: 4, state: running, lastState: lastFinished(20 * S) }], conditions: [{ type: 'Initialized', status: 'True' }] } },
    cells: ['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPodWithRestartableInitContainer`,
    name: 'two sidecars terminated non-zero and the container completed: Completed',
    pod: { metadata: { name: 'test3' }, spec: { initContainers: [sidecar('restartable-init-1'), sidecar('restartable-init-2')], containers: containers(1) }, status: { phase: 'Succeeded', initContainerStatuses: [{ name: 'restartable-init-1', ready: false, restartCount: 3, state: terminated('Error', 137), started: false, lastState: lastFinished(10 * S) }, { name: 'restartable-init-2', ready: false, state: terminated('Error', 137), started: false }], containerStatuses: [{ ready: false, restartCount: 4, state: terminated('Completed', 0), lastState: lastFinished(20 * S) }], conditions: [{ type: 'Initialized', status: 'True' }] } },
    cells: ['test3', '0/3', 'Completed', '7 (10s ago)', '<unknown>'],
    conditions: succeededCond,
  },
  {
    upstream: `${T} TestPrintPodWithRestartableInitContainer`,
    name: 'statuses for containers that do not exist in the spec',
    pod: { metadata: { name: 'test4' }, spec: { initContainers: [{ name: 'init1', image: 'initimage' }, { name: 'sidecar1', image: 'sidecarimage', restartPolicy: 'Always' }], containers: [{ name: 'container1', image: 'containerimage' }] }, status: { phase: 'Running', initContainerStatuses: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }], containerStatuses: [{ name: 'containerinvalid' }, { name: 'container1' }] } },
    cells: ['test4', '0/2', 'Init:0/2', '0', '<unknown>'],
  },
  // -o wide.
  {
    upstream: `${T} TestPrintPodwide`,
    name: 'wide: node name, pod IP, nominated node and 1/3 readiness gates',
    wide: true,
    pod: { metadata: { name: 'test1' }, spec: { containers: containers(2), nodeName: 'test1', readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }, { conditionType: 'condition3' }] }, status: { conditions: [{ type: 'condition1', status: 'False' }, { type: 'condition2', status: 'True' }], phase: 'podPhase', podIPs: [{ ip: '1.1.1.1' }], containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }], nominatedNodeName: 'node1' } },
    cells: ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3'],
  },
  {
    upstream: `${T} TestPrintPodwide`,
    name: 'wide: dual-stack pod shows its first IP',
    wide: true,
    pod: { metadata: { name: 'test1' }, spec: { containers: containers(2), nodeName: 'test1', readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }, { conditionType: 'condition3' }] }, status: { conditions: [{ type: 'condition1', status: 'False' }, { type: 'condition2', status: 'True' }], phase: 'podPhase', podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }], containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }], nominatedNodeName: 'node1' } },
    cells: ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3'],
  },
  {
    upstream: `${T} TestPrintPodwide`,
    name: 'wide: no node and no IP print <none>',
    wide: true,
    pod: { metadata: { name: 'test2' }, spec: { containers: containers(2), nodeName: '' }, status: { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { state: waiting('ContainerWaitingReason'), restartCount: 3 }] } },
    cells: ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>', '<none>', '<none>', '<none>', '<none>'],
  },
  // Row conditions and phases.
  ...(['Running', 'Succeeded', 'Failed'] as const).map((phase, i): Case => ({
    upstream: `${T} TestPrintPodConditions`,
    name: `phase ${phase}: ${phase === 'Running' ? 'no row condition' : `row condition ${phase}`}`,
    pod: { metadata: { name: i === 2 ? 'test2' : 'test1' }, spec: { containers: containers(2) }, status: { phase, containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }] } },
    cells: [i === 2 ? 'test2' : 'test1', '1/2', phase, '6', '<unknown>'],
    conditions: phase === 'Succeeded' ? succeededCond : phase === 'Failed' ? failedCond : undefined,
  })),
  {
    upstream: `${T} TestPrintPodList`,
    name: 'pod list row 1: two ready containers',
    pod: { metadata: { name: 'test1' }, spec: { containers: containers(2) }, status: { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3, state: running }] } },
    cells: ['test1', '2/2', 'podPhase', '6', '<unknown>'],
  },
  {
    upstream: `${T} TestPrintPodList`,
    name: 'pod list row 2: one ready container',
    pod: { metadata: { name: 'test2' }, spec: { containers: containers(1) }, status: { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 1, state: running }] } },
    cells: ['test2', '1/1', 'podPhase', '1', '<unknown>'],
  },
  ...(['Running', 'Pending', 'Unknown', 'Succeeded', 'Failed'] as const).map((phase, i): Case => ({
    upstream: `${T} TestPrintNonTerminatedPod`,
    name: `phase ${phase} is printed`,
    pod: { metadata: { name: `test${i + 1}` }, spec: { containers: containers(2) }, status: { phase, containerStatuses: [{ ready: true, restartCount: 3, state: running }, phase === 'Failed' ? { ready: true, restartCount: 3 } : { restartCount: 3 }] } },
    cells: [`test${i + 1}`, '1/2', phase, '6', '<unknown>'],
    conditions: phase === 'Succeeded' ? succeededCond : phase === 'Failed' ? failedCond : undefined,
  })),
];

for (const c of cases) {
  test(`${c.upstream}: ${c.name}`, () => {
    const row = printPod(c.pod, NOW, { wide: c.wide });
    assert.deepEqual(podRowCells(row, c.wide), c.cells);
    assert.deepEqual(row.conditions, c.conditions);
  });
}

test('printers_test.go transcription covers every case of the six upstream tests', () => {
  const count = (fn: string) => cases.filter((c) => c.upstream.endsWith(` ${fn}`)).length;
  assert.deepEqual(
    [count('TestPrintPod'), count('TestPrintPodWithRestartableInitContainer'), count('TestPrintPodwide'), count('TestPrintPodConditions'), count('TestPrintPodList'), count('TestPrintNonTerminatedPod')],
    [21, 5, 3, 3, 2, 5],
  );
});
