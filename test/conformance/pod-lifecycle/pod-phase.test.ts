// getPhase against upstream's phase tables.
// src: pkg/kubelet/kubelet_pods_test.go — TestPodPhaseWithRestartAlways,
// TestPodPhaseWithRestartAlwaysInitContainers, TestPodPhaseWithRestartAlwaysRestartableInitContainers,
// TestPodPhaseWithRestartAlwaysAndPodHasRun, TestPodPhaseWithRestartNever,
// TestPodPhaseWithRestartNeverInitContainers, TestPodPhaseWithRestartNeverRestartableInitContainers,
// TestPodPhaseWithRestartOnFailure. Those tests call getPhase(pod, statuses, podIsTerminal)
// (the v1.32 signature): podHasInitialized is left out so it is derived from the statuses.
// The builders below are upstream's helpers, field for field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPhase } from '../../../simulations/kubelet/pod-phase.ts';
import type { ContainerStatus, Pod, PodPhase, RestartPolicy } from '../../../simulations/kubelet/types.ts';

const base = (name: string): ContainerStatus => ({ name, state: {}, lastState: {}, ready: false, restartCount: 0, image: '', imageID: '' });
const waitingState = (n: string): ContainerStatus => ({ ...base(n), state: { waiting: { reason: '' } } });
const waitingStateWithLastTermination = (n: string): ContainerStatus => ({ ...base(n), state: { waiting: {} }, lastState: { terminated: { exitCode: 0, startedAt: null, finishedAt: null } } });
const waitingStateWithNonZeroTermination = (n: string): ContainerStatus => ({ ...base(n), state: { waiting: {} }, lastState: { terminated: { exitCode: -1, startedAt: null, finishedAt: null } } });
const runningState = (n: string): ContainerStatus => ({ ...base(n), state: { running: { startedAt: null } } });
const startedState = (n: string): ContainerStatus => ({ ...runningState(n), started: true });
const stoppedState = (n: string): ContainerStatus => ({ ...base(n), state: { terminated: { exitCode: 0, startedAt: null, finishedAt: null } } });
const succeededState = stoppedState;
const failedState = (n: string): ContainerStatus => ({ ...base(n), state: { terminated: { exitCode: -1, startedAt: null, finishedAt: null } } });

interface Case {
  fn: string;
  name: string;
  init: ContainerStatus[];
  containers: ContainerStatus[];
  podIsTerminal?: boolean;
  expect: PodPhase;
}

function pod(policy: RestartPolicy, init: { name: string; restartPolicy?: 'Always' }[], containers = ['containerA', 'containerB']): (c: Case) => Pod {
  return (c) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: '' },
    spec: { nodeName: 'machine', initContainers: init, containers: containers.map((name) => ({ name })), restartPolicy: policy },
    status: { initContainerStatuses: c.init, containerStatuses: c.containers },
  });
}

const X = { name: 'containerX' };
const Xs = { name: 'containerX', restartPolicy: 'Always' as const };
const cs = (...s: ContainerStatus[]) => s;

const suites: { fn: string; build: (c: Case) => Pod; cases: Omit<Case, 'fn'>[] }[] = [
  {
    fn: 'TestPodPhaseWithRestartAlways',
    build: pod('Always', []),
    cases: [
      { name: 'waiting', init: [], containers: [], expect: 'Pending' },
      { name: 'all running', init: [], containers: cs(runningState('containerA'), runningState('containerB')), expect: 'Running' },
      { name: 'all stopped with restart always', init: [], containers: cs(stoppedState('containerA'), stoppedState('containerB')), expect: 'Running' },
      { name: 'all succeeded with restart always, but the pod is terminal', init: [], containers: cs(succeededState('containerA'), succeededState('containerB')), podIsTerminal: true, expect: 'Succeeded' },
      { name: 'all stopped with restart always, but the pod is terminal', init: [], containers: cs(succeededState('containerA'), failedState('containerB')), podIsTerminal: true, expect: 'Failed' },
      { name: 'mixed state #1 with restart always', init: [], containers: cs(runningState('containerA'), stoppedState('containerB')), expect: 'Running' },
      { name: 'mixed state #2 with restart always', init: [], containers: cs(runningState('containerA')), expect: 'Pending' },
      { name: 'mixed state #3 with restart always', init: [], containers: cs(runningState('containerA'), waitingState('containerB')), expect: 'Pending' },
      { name: 'backoff crashloop container with restart always', init: [], containers: cs(runningState('containerA'), waitingStateWithLastTermination('containerB')), expect: 'Running' },
    ],
  },
  {
    fn: 'TestPodPhaseWithRestartAlwaysInitContainers',
    build: pod('Always', [X]),
    cases: [
      { name: 'empty, waiting', init: [], containers: [], expect: 'Pending' },
      { name: 'init container running', init: cs(runningState('containerX')), containers: [], expect: 'Pending' },
      { name: 'init container terminated non-zero', init: cs(failedState('containerX')), containers: [], expect: 'Pending' },
      { name: 'init container waiting, terminated zero', init: cs(waitingStateWithLastTermination('containerX')), containers: [], expect: 'Pending' },
      { name: 'init container waiting, terminated non-zero', init: cs(waitingStateWithNonZeroTermination('containerX')), containers: [], expect: 'Pending' },
      { name: 'init container waiting, not terminated', init: cs(waitingState('containerX')), containers: [], expect: 'Pending' },
      { name: 'init container succeeded', init: cs(succeededState('containerX')), containers: cs(runningState('containerA'), runningState('containerB')), expect: 'Running' },
    ],
  },
  {
    fn: 'TestPodPhaseWithRestartAlwaysRestartableInitContainers',
    build: pod('Always', [Xs]),
    cases: [
      { name: 'empty, waiting', init: [], containers: [], expect: 'Pending' },
      { name: 'restartable init container running', init: cs(runningState('containerX')), containers: [], expect: 'Pending' },
      { name: 'restartable init container stopped', init: cs(stoppedState('containerX')), containers: [], expect: 'Pending' },
      { name: 'restartable init container waiting, terminated zero', init: cs(waitingStateWithLastTermination('containerX')), containers: [], expect: 'Pending' },
      { name: 'restartable init container waiting, terminated non-zero', init: cs(waitingStateWithNonZeroTermination('containerX')), containers: [], expect: 'Pending' },
      { name: 'restartable init container waiting, not terminated', init: cs(waitingState('containerX')), containers: [], expect: 'Pending' },
      { name: 'restartable init container started, 1/2 regular container running', init: cs(startedState('containerX')), containers: cs(runningState('containerA')), expect: 'Pending' },
      { name: 'restartable init container started, all regular containers running', init: cs(startedState('containerX')), containers: cs(runningState('containerA'), runningState('containerB')), expect: 'Running' },
      { name: 'restartable init container running, all regular containers running', init: cs(runningState('containerX')), containers: cs(runningState('containerA'), runningState('containerB')), expect: 'Running' },
      { name: 'restartable init container stopped, all regular containers running', init: cs(stoppedState('containerX')), containers: cs(runningState('containerA'), runningState('containerB')), expect: 'Running' },
      { name: 'backoff crashloop restartable init container, all regular containers running', init: cs(waitingStateWithLastTermination('containerX')), containers: cs(runningState('containerA'), runningState('containerB')), expect: 'Running' },
      { name: 'all regular containers succeeded and restartable init container failed with restart always, but the pod is terminal', init: cs(failedState('containerX')), containers: cs(succeededState('containerA'), succeededState('containerB')), podIsTerminal: true, expect: 'Succeeded' },
      { name: 'all regular containers succeeded and restartable init container succeeded with restart always, but the pod is terminal', init: cs(succeededState('containerX')), containers: cs(succeededState('containerA'), succeededState('containerB')), podIsTerminal: true, expect: 'Succeeded' },
    ],
  },
  {
    fn: 'TestPodPhaseWithRestartAlwaysAndPodHasRun',
    build: pod('Always', [{ name: 'containerX' }, { name: 'containerY', restartPolicy: 'Always' }], ['containerA']),
    cases: [
      { name: 'regular init containers, restartable init container and regular container are all running', init: cs(runningState('containerX'), runningState('containerY')), containers: cs(runningState('containerA')), expect: 'Pending' },
      { name: 'regular containers is stopped, restartable init container and regular int container are both running', init: cs(runningState('containerX'), runningState('containerY')), containers: cs(stoppedState('containerA')), expect: 'Pending' },
      { name: 'regular init container is succeeded, restartable init container is running, regular containers is stopped', init: cs(succeededState('containerX'), runningState('containerY')), containers: cs(stoppedState('containerA')), expect: 'Running' },
      { name: 'regular init container is succeeded, restartable init container and regular containers are both running', init: cs(succeededState('containerX'), runningState('containerY')), containers: cs(runningState('containerA')), expect: 'Running' },
    ],
  },
  {
    fn: 'TestPodPhaseWithRestartNever',
    build: pod('Never', []),
    cases: [
      { name: 'waiting', init: [], containers: [], expect: 'Pending' },
      { name: 'all running with restart never', init: [], containers: cs(runningState('containerA'), runningState('containerB')), expect: 'Running' },
      { name: 'all succeeded with restart never', init: [], containers: cs(succeededState('containerA'), succeededState('containerB')), expect: 'Succeeded' },
      { name: 'all failed with restart never', init: [], containers: cs(failedState('containerA'), failedState('containerB')), expect: 'Failed' },
      { name: 'mixed state #1 with restart never', init: [], containers: cs(runningState('containerA'), succeededState('containerB')), expect: 'Running' },
      { name: 'mixed state #2 with restart never', init: [], containers: cs(runningState('containerA')), expect: 'Pending' },
      { name: 'mixed state #3 with restart never', init: [], containers: cs(runningState('containerA'), waitingState('containerB')), expect: 'Pending' },
    ],
  },
  {
    fn: 'TestPodPhaseWithRestartNeverInitContainers',
    build: pod('Never', [X]),
    cases: [
      { name: 'empty, waiting', init: [], containers: [], expect: 'Pending' },
      { name: 'init container running', init: cs(runningState('containerX')), containers: [], expect: 'Pending' },
      { name: 'init container terminated non-zero', init: cs(failedState('containerX')), containers: [], expect: 'Failed' },
      { name: 'init container waiting, terminated zero', init: cs(waitingStateWithLastTermination('containerX')), containers: [], expect: 'Pending' },
      { name: 'init container waiting, terminated non-zero', init: cs(waitingStateWithNonZeroTermination('containerX')), containers: [], expect: 'Failed' },
      { name: 'init container waiting, not terminated', init: cs(waitingState('containerX')), containers: [], expect: 'Pending' },
      { name: 'init container succeeded', init: cs(succeededState('containerX')), containers: cs(runningState('containerA'), runningState('containerB')), expect: 'Running' },
    ],
  },
  {
    fn: 'TestPodPhaseWithRestartNeverRestartableInitContainers',
    build: pod('Never', [Xs]),
    cases: [
      { name: 'empty, waiting', init: [], containers: [], expect: 'Pending' },
      { name: 'restartable init container running', init: cs(runningState('containerX')), containers: [], expect: 'Pending' },
      { name: 'restartable init container stopped', init: cs(stoppedState('containerX')), containers: [], expect: 'Pending' },
      { name: 'restartable init container waiting, terminated zero', init: cs(waitingStateWithLastTermination('containerX')), containers: [], expect: 'Pending' },
      { name: 'restartable init container waiting, terminated non-zero', init: cs(waitingStateWithNonZeroTermination('containerX')), containers: [], expect: 'Pending' },
      { name: 'restartable init container waiting, not terminated', init: cs(waitingState('containerX')), containers: [], expect: 'Pending' },
      { name: 'restartable init container started, one main container running', init: cs(startedState('containerX')), containers: cs(runningState('containerA')), expect: 'Pending' },
      { name: 'restartable init container started, main containers succeeded', init: cs(startedState('containerX')), containers: cs(succeededState('containerA'), succeededState('containerB')), expect: 'Running' },
      { name: 'restartable init container running, main containers succeeded', init: cs(runningState('containerX')), containers: cs(succeededState('containerA'), succeededState('containerB')), expect: 'Running' },
      { name: 'all containers succeeded', init: cs(succeededState('containerX')), containers: cs(succeededState('containerA'), succeededState('containerB')), expect: 'Succeeded' },
      { name: 'restartable init container terminated non-zero, main containers succeeded', init: cs(failedState('containerX')), containers: cs(succeededState('containerA'), succeededState('containerB')), expect: 'Succeeded' },
      { name: 'backoff crashloop restartable init container, main containers succeeded', init: cs(waitingStateWithLastTermination('containerX')), containers: cs(succeededState('containerA'), succeededState('containerB')), expect: 'Succeeded' },
      { name: 'backoff crashloop with non-zero restartable init container, main containers succeeded', init: cs(waitingStateWithNonZeroTermination('containerX')), containers: cs(succeededState('containerA'), succeededState('containerB')), expect: 'Succeeded' },
    ],
  },
  {
    fn: 'TestPodPhaseWithRestartOnFailure',
    build: pod('OnFailure', []),
    cases: [
      { name: 'waiting', init: [], containers: [], expect: 'Pending' },
      { name: 'all running with restart onfailure', init: [], containers: cs(runningState('containerA'), runningState('containerB')), expect: 'Running' },
      { name: 'all succeeded with restart onfailure', init: [], containers: cs(succeededState('containerA'), succeededState('containerB')), expect: 'Succeeded' },
      { name: 'all failed with restart never', init: [], containers: cs(failedState('containerA'), failedState('containerB')), expect: 'Running' },
      { name: 'mixed state #1 with restart onfailure', init: [], containers: cs(runningState('containerA'), succeededState('containerB')), expect: 'Running' },
      { name: 'mixed state #2 with restart onfailure', init: [], containers: cs(runningState('containerA')), expect: 'Pending' },
      { name: 'mixed state #3 with restart onfailure', init: [], containers: cs(runningState('containerA'), waitingState('containerB')), expect: 'Pending' },
      { name: 'backoff crashloop container with restart onfailure', init: [], containers: cs(runningState('containerA'), waitingStateWithLastTermination('containerB')), expect: 'Running' },
    ],
  },
];

let total = 0;
for (const suite of suites) {
  for (const c of suite.cases) {
    total++;
    const full: Case = { ...c, fn: suite.fn };
    test(`pkg/kubelet/kubelet_pods_test.go ${suite.fn}: ${c.name}`, () => {
      assert.equal(getPhase(suite.build(full), c.podIsTerminal ?? false), c.expect);
    });
  }
}

test('the transcription holds all 68 cases of the eight upstream phase tables', () => {
  assert.equal(total, 68);
});
