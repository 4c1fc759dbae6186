// The kubelet's Pod conditions against upstream's tables.
// src: pkg/kubelet/status/generate_test.go — TestGenerateContainersReadyCondition,
// TestGeneratePodReadyCondition, TestGeneratePodInitializedCondition (upstream compares
// type, status and reason for Initialized; all fields for the others).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  containersReadyCondition,
  podInitializedCondition,
  podReadyCondition,
} from '../../../simulations/kubelet/conditions.ts';
import type { ContainerStatus, Pod, PodPhase, PodSpec } from '../../../simulations/kubelet/types.ts';

const F = 'pkg/kubelet/status/generate_test.go';
const st = (name: string, extra: Partial<ContainerStatus>): ContainerStatus => ({
  name, state: {}, lastState: {}, ready: false, restartCount: 0, image: '', imageID: '', ...extra,
});
const ready = (n: string) => st(n, { ready: true });
const notReady = (n: string) => st(n, { ready: false });
const started = (n: string) => st(n, { started: true });
const notStarted = (n: string) => st(n, { started: false });
const pod = (spec: Partial<PodSpec>): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [], ...spec } });
const c = (...names: string[]) => names.map((name) => ({ name }));
const sidecars = (...names: string[]) => names.map((name) => ({ name, restartPolicy: 'Always' as const }));
const cond = (type: string, status: 'True' | 'False', reason?: string, message?: string) => ({
  type, status, ...(reason ? { reason } : {}), ...(message ? { message } : {}),
});
const clean = (v: { type: string; status: string; reason?: string; message?: string }) => ({
  type: v.type, status: v.status, ...(v.reason ? { reason: v.reason } : {}), ...(v.message ? { message: v.message } : {}),
});

const containersReady: { spec: Partial<PodSpec>; statuses: ContainerStatus[] | null; phase: PodPhase; expect: ReturnType<typeof cond> }[] = [
  { spec: {}, statuses: null, phase: 'Running', expect: cond('ContainersReady', 'False', 'UnknownContainerStatuses') },
  { spec: {}, statuses: [], phase: 'Running', expect: cond('ContainersReady', 'True') },
  { spec: { containers: c('1234') }, statuses: [], phase: 'Running', expect: cond('ContainersReady', 'False', 'ContainersNotReady', 'containers with unknown status: [1234]') },
  { spec: { containers: c('1234', '5678') }, statuses: [ready('1234'), ready('5678')], phase: 'Running', expect: cond('ContainersReady', 'True') },
  { spec: { containers: c('1234', '5678') }, statuses: [ready('1234')], phase: 'Running', expect: cond('ContainersReady', 'False', 'ContainersNotReady', 'containers with unknown status: [5678]') },
  { spec: { containers: c('1234', '5678') }, statuses: [ready('1234'), notReady('5678')], phase: 'Running', expect: cond('ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [5678]') },
  { spec: { containers: c('1234') }, statuses: [notReady('1234')], phase: 'Succeeded', expect: cond('ContainersReady', 'False', 'PodCompleted') },
  { spec: { initContainers: sidecars('restartable-init-1'), containers: c('regular-1') }, statuses: [ready('regular-1')], phase: 'Running', expect: cond('ContainersReady', 'False', 'ContainersNotReady', 'containers with unknown status: [restartable-init-1]') },
  { spec: { initContainers: sidecars('restartable-init-1', 'restartable-init-2'), containers: c('regular-1') }, statuses: [ready('restartable-init-1'), ready('restartable-init-2'), ready('regular-1')], phase: 'Running', expect: cond('ContainersReady', 'True') },
  { spec: { initContainers: sidecars('restartable-init-1', 'restartable-init-2'), containers: c('regular-1') }, statuses: [ready('restartable-init-1'), ready('regular-1')], phase: 'Running', expect: cond('ContainersReady', 'False', 'ContainersNotReady', 'containers with unknown status: [restartable-init-2]') },
  { spec: { initContainers: sidecars('restartable-init-1', 'restartable-init-2'), containers: c('regular-1') }, statuses: [ready('restartable-init-1'), notReady('restartable-init-2'), ready('regular-1')], phase: 'Running', expect: cond('ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [restartable-init-2]') },
];
containersReady.forEach((t, i) => {
  test(`${F} TestGenerateContainersReadyCondition case ${i}: ${t.expect.status}${t.expect.message ? `, ${t.expect.message}` : t.expect.reason ? `, ${t.expect.reason}` : ''}`, () => {
    assert.deepEqual(clean(containersReadyCondition(pod(t.spec), t.statuses, t.phase)), t.expect);
  });
});

const gates = (...types: string[]) => types.map((conditionType) => ({ conditionType }));
const podReady: { spec: Partial<PodSpec>; conditions: { type: string; status: string }[]; statuses: ContainerStatus[] | null; phase: PodPhase; expect: ReturnType<typeof cond> }[] = [
  { spec: {}, conditions: [], statuses: null, phase: 'Running', expect: cond('Ready', 'False', 'UnknownContainerStatuses') },
  { spec: {}, conditions: [], statuses: [], phase: 'Running', expect: cond('Ready', 'True') },
  { spec: { containers: c('1234') }, conditions: [], statuses: [], phase: 'Running', expect: cond('Ready', 'False', 'ContainersNotReady', 'containers with unknown status: [1234]') },
  { spec: { containers: c('1234', '5678') }, conditions: [], statuses: [ready('1234'), ready('5678')], phase: 'Running', expect: cond('Ready', 'True') },
  { spec: { containers: c('1234', '5678') }, conditions: [], statuses: [ready('1234')], phase: 'Running', expect: cond('Ready', 'False', 'ContainersNotReady', 'containers with unknown status: [5678]') },
  { spec: { containers: c('1234', '5678') }, conditions: [], statuses: [ready('1234'), notReady('5678')], phase: 'Running', expect: cond('Ready', 'False', 'ContainersNotReady', 'containers with unready status: [5678]') },
  { spec: { containers: c('1234') }, conditions: [], statuses: [notReady('1234')], phase: 'Succeeded', expect: cond('Ready', 'False', 'PodCompleted') },
  { spec: { readinessGates: gates('gate1') }, conditions: [], statuses: [], phase: 'Running', expect: cond('Ready', 'False', 'ReadinessGatesNotReady', 'corresponding condition of pod readiness gate "gate1" does not exist.') },
  { spec: { readinessGates: gates('gate1') }, conditions: [{ type: 'gate1', status: 'False' }], statuses: [], phase: 'Running', expect: cond('Ready', 'False', 'ReadinessGatesNotReady', 'the status of pod readiness gate "gate1" is not "True", but False') },
  { spec: { readinessGates: gates('gate1') }, conditions: [{ type: 'gate1', status: 'True' }], statuses: [], phase: 'Running', expect: cond('Ready', 'True') },
  { spec: { readinessGates: gates('gate1', 'gate2') }, conditions: [{ type: 'gate1', status: 'True' }], statuses: [], phase: 'Running', expect: cond('Ready', 'False', 'ReadinessGatesNotReady', 'corresponding condition of pod readiness gate "gate2" does not exist.') },
  { spec: { readinessGates: gates('gate1', 'gate2') }, conditions: [{ type: 'gate1', status: 'True' }, { type: 'gate2', status: 'False' }], statuses: [], phase: 'Running', expect: cond('Ready', 'False', 'ReadinessGatesNotReady', 'the status of pod readiness gate "gate2" is not "True", but False') },
  { spec: { readinessGates: gates('gate1', 'gate2') }, conditions: [{ type: 'gate1', status: 'True' }, { type: 'gate2', status: 'True' }], statuses: [], phase: 'Running', expect: cond('Ready', 'True') },
  { spec: { containers: c('1234'), readinessGates: gates('gate1') }, conditions: [{ type: 'gate1', status: 'True' }], statuses: [notReady('1234')], phase: 'Running', expect: cond('Ready', 'False', 'ContainersNotReady', 'containers with unready status: [1234]') },
];
podReady.forEach((t, i) => {
  test(`${F} TestGeneratePodReadyCondition case ${i}: ${t.expect.status}${t.expect.message ? `, ${t.expect.message}` : t.expect.reason ? `, ${t.expect.reason}` : ''}`, () => {
    assert.deepEqual(clean(podReadyCondition(pod(t.spec), t.conditions, t.statuses, t.phase)), t.expect);
  });
});

const noInit = {};
const oneInit = { initContainers: c('1234'), containers: c('regular') };
const twoInit = { initContainers: c('1234', '5678'), containers: c('regular') };
const oneSidecar = { initContainers: sidecars('1234'), containers: c('regular') };
const initialized: { spec: Partial<PodSpec>; statuses: ContainerStatus[] | null; phase: PodPhase; status: 'True' | 'False'; reason?: string }[] = [
  { spec: twoInit, statuses: null, phase: 'Running', status: 'False', reason: 'UnknownContainerStatuses' },
  { spec: noInit, statuses: [], phase: 'Running', status: 'True' },
  { spec: oneInit, statuses: [], phase: 'Running', status: 'False', reason: 'ContainersNotInitialized' },
  { spec: twoInit, statuses: [ready('1234'), ready('5678')], phase: 'Running', status: 'True' },
  { spec: twoInit, statuses: [ready('1234')], phase: 'Running', status: 'False', reason: 'ContainersNotInitialized' },
  { spec: twoInit, statuses: [ready('1234'), notReady('5678')], phase: 'Running', status: 'False', reason: 'ContainersNotInitialized' },
  { spec: oneInit, statuses: [ready('1234')], phase: 'Succeeded', status: 'True', reason: 'PodCompleted' },
  { spec: oneSidecar, statuses: [notStarted('1234')], phase: 'Pending', status: 'False', reason: 'ContainersNotInitialized' },
  { spec: oneSidecar, statuses: [started('1234')], phase: 'Running', status: 'True' },
  { spec: oneSidecar, statuses: [notStarted('1234'), st('regular', { state: { running: { startedAt: null } } })], phase: 'Running', status: 'True' },
  { spec: oneInit, statuses: [st('1234', { state: { waiting: {} } }), st('regular', { state: { terminated: { exitCode: 0, startedAt: null, finishedAt: null } } })], phase: 'Running', status: 'True' },
];
initialized.forEach((t, i) => {
  test(`${F} TestGeneratePodInitializedCondition case ${i}: ${t.status}${t.reason ? `, ${t.reason}` : ''}`, () => {
    const got = podInitializedCondition(pod(t.spec), t.statuses, t.phase);
    assert.equal(got.type, 'Initialized');
    assert.equal(got.status, t.status);
    assert.equal(got.reason, t.reason);
  });
});
